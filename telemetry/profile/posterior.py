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

    return _Design(
        f(ot, int),
        f(oa),
        f(ob).reshape(-1, 4),
        f(oy, int),
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


def _log_post(
    x: np.ndarray, d: _Design, model: ResponseModel, prior_prec: np.ndarray
) -> tuple[float, np.ndarray, np.ndarray]:
    """Log posterior (up to a constant), gradient and Hessian at x = [theta(6), c, m]."""
    theta, c, m = x[:6], x[6], x[7]
    g = np.zeros(8)
    h = np.zeros((8, 8))
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
    if len(d.ord_t):
        lp, d1, d2 = ordinal_terms(theta[d.ord_t] + c, d.ord_a, d.ord_b, d.ord_y)
        val += lp.sum()
        g[:6] += np.bincount(d.ord_t, d1, 6)
        g[6] += d1.sum()
        dd = np.bincount(d.ord_t, d2, 6)
        h[np.arange(6), np.arange(6)] += dd
        h[:6, 6] += dd
        h[6, :6] += dd
        h[6, 6] += d2.sum()
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
    x = np.zeros(8)
    x[7] = model.read_mu
    val, g, h = _log_post(x, d, model, prior_prec)
    for _ in range(100):
        step = np.linalg.solve(-h, g)
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
    cov = np.linalg.inv(-h)
    cov = 0.5 * (cov + cov.T)
    return x, cov


def posterior(
    ev: Evidence, *, model: ResponseModel = MODEL, prior_cov: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, float]:
    """Laplace posterior of the six types: (mean (6,), covariance (6, 6), response style)."""
    prior = np.eye(6) if prior_cov is None else np.asarray(prior_cov, dtype=float)
    x, cov_full = _laplace(_design(ev, model), model, prior)
    return x[:6].copy(), cov_full[:6, :6].copy(), float(x[6])


def posterior_draws(mean: np.ndarray, cov: np.ndarray, n: int = 4000, seed: int = 0) -> np.ndarray:
    """``n`` seeded draws (n, 6) from the normal posterior."""
    return np.random.default_rng(seed).multivariate_normal(mean, cov, size=n, method="cholesky")
