"""The Bayesian interest model behind the profile: response-model constants, the
likelihoods (multinomial-logit choices, Bradley-Terry forced-choice pairs, graded-response
ratings and items, logistic persistence, log-normal reading time) and the Laplace
approximation of the posterior.
The model is documented in ``telemetry.profile.engine``; this module only computes it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from telemetry.profile.evidence import RIASEC, Evidence

_IDX = {k: i for i, k in enumerate(RIASEC)}


@dataclass(frozen=True)
class ResponseModel:
    """Response-model constants (shared by estimation and the synthetic player)."""

    choice_beta: float = 1.2
    # graded response: discrimination a, thresholds b_1..b_{K-1}
    item_a: float = 1.6
    item_b: tuple[float, ...] = (-1.3, -0.4, 0.5, 1.4)
    expect_a: float = 1.0
    expect_b: tuple[float, ...] = (-1.8, -0.7, 0.4, 1.5)
    enjoy_a: float = 1.2
    enjoy_b: tuple[float, ...] = (-2.2, -1.2, -0.1, 1.0)
    could_a: float = 1.1
    could_b: tuple[float, ...] = (-0.2, 1.2)
    replay_a: float = 1.0
    replay_b: float = 2.0
    extra_a: float = 1.2
    extra_b: float = 0.2
    # stopping to watch or ask someone at work in the town (else walking on)
    watch_a: float = 0.9
    watch_b: float = 0.3
    read_gamma: float = 0.35
    read_sigma: float = 0.55
    read_mu: float = math.log(25.0)
    read_mu_sd: float = 0.6
    style_sd: float = 0.35
    # the estimator's prior on a pupil's acquiescence: wider than the typical pupil's
    # (style_sd), so a strong yea-sayer's shift goes to the style, not to all six types
    style_prior_sd: float = 1.0
    # the estimator's prior on a pupil's extreme responding: the log of how much the pupil
    # squeezes the thresholds of every 1-5 / no-maybe-yes scale towards their middle
    # (threshold spread, Jin & Wang 2014): > 0 uses the ends of the scale more, < 0 less
    spread_prior_sd: float = 0.5
    # forced-choice pairs ("which would you rather do?"): Bradley-Terry slope; a pair
    # compares two types directly, so a shift on all ratings (acquiescence) cannot move it
    pair_beta: float = 1.2
    #: which parameters these are: "built-in-1" or a calibrated file's version
    #: (``telemetry.profile.params``); reports and exports name it
    params_version: str = "built-in-1"
    #: per IIP item (id, a, thresholds), fitted by ``python main.py calibrate``; an item
    #: not listed uses ``item_a`` / ``item_b``
    item_params: tuple[tuple[str, float, tuple[float, ...]], ...] = ()
    #: per option id (a challenge or a district): added to its choice logit (its look,
    #: its name: whatever draws pupils to it whatever their interests)
    appeal: tuple[tuple[str, float], ...] = ()

    def item_table(self) -> dict[str, tuple[float, tuple[float, ...]]]:
        """{item id: (a, thresholds)} of the calibrated items."""
        return {i: (a, tuple(b)) for i, a, b in self.item_params}

    def appeal_table(self) -> dict[str, float]:
        """{option id: appeal}."""
        return dict(self.appeal)

    def ordinal(self, kind: str) -> tuple[float, tuple[float, ...]]:
        """(a, thresholds) of an ordinal evidence kind: item / expect / enjoy / could_be_me."""
        return {
            "item": (self.item_a, self.item_b),
            "expect": (self.expect_a, self.expect_b),
            "enjoy": (self.enjoy_a, self.enjoy_b),
            "could_be_me": (self.could_a, self.could_b),
        }[kind]

    def binary(self, kind: str) -> tuple[float, float]:
        """(a, b) of a persistence kind: replay / extra_round / watch."""
        return {
            "replay": (self.replay_a, self.replay_b),
            "extra_round": (self.extra_a, self.extra_b),
            "watch": (self.watch_a, self.watch_b),
        }[kind]


MODEL = ResponseModel()
#: parameters of the posterior: theta (6), acquiescence c, reading level m, spread e
NX = 9
#: the spread inside the likelihood is held within +-this (exp(-8): thresholds 3000x apart)
SPREAD_LIMIT = 8.0
#: the largest change of any parameter in one Newton step
MAX_STEP = 4.0


def logistic(x: Any) -> Any:  # a float for a float, an array for an array
    """The logistic function, numerically safe."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=float)))


def ordinal_probabilities(u: float, a: float, thresholds: Sequence[float]) -> np.ndarray:
    """Graded-response category probabilities (categories 1..K) at location ``u``."""
    f = np.concatenate([[1.0], logistic(a * (u - np.asarray(thresholds))), [0.0]])
    out: np.ndarray = np.clip(f[:-1] - f[1:], 0.0, 1.0)
    return out


# ----------------------------------------------------------------------------- design


@dataclass
class _Design:
    """Evidence as arrays for the likelihood."""

    ord_t: np.ndarray  # type index
    ord_a: np.ndarray
    ord_b: np.ndarray  # (n, 4) thresholds padded with +inf
    ord_y: np.ndarray  # category 0..K-1
    ord_m: np.ndarray  # the middle of each observation's thresholds (spread pivots on it)
    bin_t: np.ndarray
    bin_a: np.ndarray
    bin_b: np.ndarray
    bin_y: np.ndarray
    gau_t: np.ndarray
    gau_y: np.ndarray  # log seconds
    gau_w: np.ndarray  # weight: 1/k for each of k cards of one screen
    ch_n: np.ndarray  # (n, 6) summed exp(appeal) of the options of each letter
    ch_l: np.ndarray  # chosen letter index
    ch_w: np.ndarray  # exp(appeal) of the chosen option
    pr_w: np.ndarray  # forced-choice pair: the preferred type's index
    pr_l: np.ndarray  # ... and the other type's index


def _design(ev: Evidence, model: ResponseModel) -> _Design:
    ot, oa, ob, oy = [], [], [], []
    items = model.item_table()
    appeal = model.appeal_table()
    for r in ev.ratings:
        a, b = items[r.source] if r.kind == "item" and r.source in items else model.ordinal(r.kind)
        ot.append(_IDX[r.letter])
        oa.append(a)
        ob.append(list(b) + [np.inf] * (4 - len(b)))
        oy.append(r.value - 1)
    bt, ba, bb, by = [], [], [], []
    for p in ev.persistence:
        pa, pb = model.binary(p.kind)
        bt.append(_IDX[p.letter])
        ba.append(pa)
        bb.append(pb)
        by.append(1.0 if p.taken else 0.0)
    cn, cl, cw = [], [], []
    for c in ev.choices:
        counts = np.zeros(6)
        if c.options:
            for option, letter in c.options.items():
                counts[_IDX[letter]] += math.exp(appeal.get(option, 0.0))
        else:
            for letter in c.offered:
                counts[_IDX[letter]] += 1
        own = math.exp(appeal.get(c.chosen, 0.0))
        if counts[_IDX[c.letter]] == 0:
            counts[_IDX[c.letter]] = own
        cn.append(counts)
        cl.append(_IDX[c.letter])
        cw.append(own)
    pairs = [(p.preferred, p.other) for p in getattr(ev, "pairs", ()) if p.preferred != p.other]

    def f(x: Any, dt: type = float) -> np.ndarray:
        return np.asarray(x, dtype=dt)

    ob_arr = f(ob).reshape(-1, 4)
    finite = np.isfinite(ob_arr)
    mid = np.where(finite, ob_arr, 0.0).sum(axis=1) / np.maximum(finite.sum(axis=1), 1)
    return _Design(
        f(ot, int),
        f(oa),
        ob_arr,
        f(oy, int),
        mid,
        f(bt, int),
        f(ba),
        f(bb),
        f(by),
        f([_IDX[r.letter] for r in ev.readings], int),
        f([math.log(r.seconds) for r in ev.readings]),
        f([getattr(r, "weight", 1.0) for r in ev.readings]),
        f(cn).reshape(-1, 6),
        f(cl, int),
        f(cw),
        f([_IDX[w] for w, _ in pairs], int),
        f([_IDX[lo] for _, lo in pairs], int),
    )


def ordinal_terms(
    u: np.ndarray, a: np.ndarray, b: np.ndarray, y: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """log P, d/du, d2/du2 of graded-response observations."""
    n = len(u)
    f = np.ones((n, 6))
    f[:, 5] = 0.0
    f[:, 1:5] = logistic(a[:, None] * (u[:, None] - b))
    d1 = a[:, None] * f * (1 - f)
    d2 = a[:, None] * d1 * (1 - 2 * f)
    rows = np.arange(n)
    p = f[rows, y] - f[rows, y + 1]
    # 1 - F_1 for the lowest category, computed without cancellation
    low = y == 0
    p[low] = logistic(-a[low] * (u[low] - b[low, 0]))
    p = np.maximum(p, 1e-300)
    p1 = d1[rows, y] - d1[rows, y + 1]
    p2 = d2[rows, y] - d2[rows, y + 1]
    g = p1 / p
    return np.log(p), g, p2 / p - g * g


def spread_terms(
    u: np.ndarray, e: float, a: np.ndarray, b: np.ndarray, mid: np.ndarray, y: np.ndarray
) -> tuple[np.ndarray, ...]:
    """Graded response with the pupil's threshold spread ``e``: thresholds
    ``mid + exp(-e) * (b - mid)``. Returns log P and its derivatives
    (d/du, d/de, d2/du2, d2/du de, d2/de2), each (n,)."""
    n = len(u)
    # far outside any prior's reach (a Newton trial point): kept finite, the prior rules there
    w = math.exp(-min(max(e, -SPREAD_LIMIT), SPREAD_LIMIT))
    fin = np.isfinite(b)
    tau = np.where(fin, b - mid[:, None], 0.0)
    z = np.where(fin, a[:, None] * (u[:, None] - mid[:, None] - w * tau), -np.inf)
    f = np.zeros((n, 6))
    f[:, 0] = 1.0
    f[:, 1:5] = logistic(z)
    f1 = f * (1 - f)
    f2 = f1 * (1 - 2 * f)
    zu = np.zeros((n, 6))
    ze = np.zeros((n, 6))
    zu[:, 1:5] = np.where(fin, a[:, None], 0.0)
    ze[:, 1:5] = a[:, None] * w * tau
    rows = np.arange(n)

    def pick(m: np.ndarray) -> np.ndarray:
        out: np.ndarray = m[rows, y] - m[rows, y + 1]
        return out

    p = pick(f)
    low = y == 0
    p[low] = logistic(-z[low, 0])
    p = np.maximum(p, 1e-300)
    pu, pe = pick(f1 * zu), pick(f1 * ze)
    puu, pue = pick(f2 * zu * zu), pick(f2 * zu * ze)
    pee = pick(f2 * ze * ze - f1 * ze)
    gu, ge = pu / p, pe / p
    return np.log(p), gu, ge, puu / p - gu * gu, pue / p - gu * ge, pee / p - ge * ge


def _log_post(
    x: np.ndarray, d: _Design, model: ResponseModel, prior_prec: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    """Log posterior (up to a constant), gradient and Hessian at
    x = [theta(6), c, m, e]: interests, acquiescence, reading level, threshold spread."""
    theta, c, m, e = x[:6], x[6], x[7], x[8]
    g = np.zeros(NX)
    h = np.zeros((NX, NX))
    # priors
    val = -0.5 * theta @ prior_prec @ theta
    g[:6] -= prior_prec @ theta
    h[:6, :6] -= prior_prec
    sp = model.style_prior_sd
    val -= 0.5 * c * c / sp**2
    g[6] -= c / sp**2
    h[6, 6] -= 1 / sp**2
    val -= 0.5 * (m - model.read_mu) ** 2 / model.read_mu_sd**2
    g[7] -= (m - model.read_mu) / model.read_mu_sd**2
    h[7, 7] -= 1 / model.read_mu_sd**2
    se = model.spread_prior_sd
    val -= 0.5 * e * e / se**2
    g[8] -= e / se**2
    h[8, 8] -= 1 / se**2
    if len(d.ord_t):
        lp, d1, de, d2, due, dee = spread_terms(
            theta[d.ord_t] + c, e, d.ord_a, d.ord_b, d.ord_m, d.ord_y
        )
        val += lp.sum()
        g[:6] += np.bincount(d.ord_t, d1, 6)
        g[6] += d1.sum()
        g[8] += de.sum()
        dd = np.bincount(d.ord_t, d2, 6)
        h[np.arange(6), np.arange(6)] += dd
        h[:6, 6] += dd
        h[6, :6] += dd
        h[6, 6] += d2.sum()
        cross = np.bincount(d.ord_t, due, 6)
        h[:6, 8] += cross
        h[8, :6] += cross
        h[6, 8] += due.sum()
        h[8, 6] += due.sum()
        h[8, 8] += dee.sum()
    if len(d.bin_t):
        z = d.bin_a * (theta[d.bin_t] - d.bin_b)
        p = logistic(z)
        val += np.sum(
            d.bin_y * np.log(np.maximum(p, 1e-300))
            + (1 - d.bin_y) * np.log(np.maximum(1 - p, 1e-300))
        )
        g[:6] += np.bincount(d.bin_t, d.bin_a * (d.bin_y - p), 6)
        h[np.arange(6), np.arange(6)] -= np.bincount(d.bin_t, d.bin_a**2 * p * (1 - p), 6)
    if len(d.gau_t):
        s2 = model.read_sigma**2
        gm = model.read_gamma
        w = d.gau_w
        r = d.gau_y - m - gm * theta[d.gau_t]
        val -= 0.5 * np.sum(w * r * r) / s2
        g[:6] += np.bincount(d.gau_t, w * gm * r / s2, 6)
        g[7] += (w * r).sum() / s2
        cnt = np.bincount(d.gau_t, w, minlength=6).astype(float)
        h[np.arange(6), np.arange(6)] -= cnt * gm * gm / s2
        h[:6, 7] -= cnt * gm / s2
        h[7, :6] -= cnt * gm / s2
        h[7, 7] -= w.sum() / s2
    if len(d.ch_l):
        beta = model.choice_beta
        logits = beta * theta[None, :] + np.log(np.where(d.ch_n > 0, d.ch_n, 1e-300))
        logits -= logits.max(axis=1, keepdims=True)
        w = np.exp(logits) * (d.ch_n > 0)
        q = w / w.sum(axis=1, keepdims=True)
        rows = np.arange(len(d.ch_l))
        val += np.sum(np.log(np.maximum(q[rows, d.ch_l] * d.ch_w / d.ch_n[rows, d.ch_l], 1e-300)))
        onehot = np.zeros_like(q)
        onehot[rows, d.ch_l] = 1.0
        g[:6] += beta * (onehot - q).sum(axis=0)
        h[:6, :6] -= beta**2 * (np.diag(q.sum(axis=0)) - q.T @ q)
    if len(d.pr_w):
        # Bradley-Terry: P(w preferred to l) = logistic(pair_beta * (theta_w - theta_l))
        bt = model.pair_beta
        p = logistic(bt * (theta[d.pr_w] - theta[d.pr_l]))
        val += np.sum(np.log(np.maximum(p, 1e-300)))
        gw = bt * (1 - p)
        g[:6] += np.bincount(d.pr_w, gw, 6) - np.bincount(d.pr_l, gw, 6)
        hw = bt * bt * p * (1 - p)
        np.add.at(h, (d.pr_w, d.pr_w), -hw)
        np.add.at(h, (d.pr_l, d.pr_l), -hw)
        np.add.at(h, (d.pr_w, d.pr_l), hw)
        np.add.at(h, (d.pr_l, d.pr_w), hw)
    return val, g, h


def _laplace(
    d: _Design, model: ResponseModel, prior_cov: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    prior_prec = np.linalg.inv(prior_cov)
    x = np.zeros(NX)
    x[7] = model.read_mu
    val, g, h = _log_post(x, d, model, prior_prec)
    for _ in range(100):
        step = _ascent(h, g)
        big = float(np.max(np.abs(step)))
        if big > MAX_STEP:  # a trust region: one step moves no parameter by more than this
            step *= MAX_STEP / big
        t = 1.0
        while True:
            nx = x + t * step
            nval, ng, nh = _log_post(nx, d, model, prior_prec)
            if nval >= val - 1e-12 or t < 1e-6:
                break
            t *= 0.5
        x, val, g, h = nx, nval, ng, nh
        if np.max(np.abs(t * step)) < 1e-8:
            break
    cov = np.linalg.inv(_definite(-h))
    cov = 0.5 * (cov + cov.T)
    return x, cov


def _definite(neg_h: np.ndarray) -> np.ndarray:
    """``neg_h`` itself if positive definite, else damped until it is (the spread makes the
    log posterior not everywhere concave; at its mode it is)."""
    lam = 0.0
    for _ in range(60):
        try:
            np.linalg.cholesky(neg_h + lam * np.eye(len(neg_h)))
            return neg_h + lam * np.eye(len(neg_h))
        except np.linalg.LinAlgError:
            lam = max(1e-6, lam * 4)
    return neg_h + lam * np.eye(len(neg_h))


def _ascent(h: np.ndarray, g: np.ndarray) -> np.ndarray:
    """A Newton step uphill (Levenberg-damped where the Hessian is not negative definite)."""
    out: np.ndarray = np.linalg.solve(_definite(-h), g)
    return out


def posterior(
    ev: Evidence, *, model: ResponseModel = MODEL, prior_cov: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, float]:
    """Laplace posterior of the six types: (mean (6,), covariance (6, 6), response style)."""
    fit = posterior_fit(ev, model=model, prior_cov=prior_cov)
    return fit.mean, fit.cov, fit.style


@dataclass(frozen=True)
class Fit:
    """The posterior of one pupil: six interests, and the response-style person parameters
    (acquiescence ``style``, threshold ``spread``: > 0 the ends of scales used more)."""

    mean: np.ndarray
    cov: np.ndarray
    style: float
    spread: float


def posterior_fit(
    ev: Evidence, *, model: ResponseModel = MODEL, prior_cov: np.ndarray | None = None
) -> Fit:
    """Laplace posterior with the person parameters (called by the engine)."""
    prior = np.eye(6) if prior_cov is None else np.asarray(prior_cov, dtype=float)
    x, cov_full = _laplace(_design(ev, model), model, prior)
    return Fit(x[:6].copy(), cov_full[:6, :6].copy(), float(x[6]), float(x[8]))


def posterior_draws(mean: np.ndarray, cov: np.ndarray, n: int = 4000, seed: int = 0) -> np.ndarray:
    """``n`` seeded draws (n, 6) from the normal posterior."""
    return np.random.default_rng(seed).multivariate_normal(mean, cov, size=n, method="cholesky")
