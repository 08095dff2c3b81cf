"""Calibration on research classes (issue 17 item 7): fit the scorer's parameters from
pupils who played AND answered the 48 IIP items as a plain questionnaire.

Called by ``python main.py calibrate`` (``game/commands/calibrate.py``), which reads the
exports; this module only computes (numpy, no I/O). What is fitted, by Monte Carlo EM with
the scorer's own posterior (:mod:`telemetry.profile.posterior`):

* E step: each pupil's Laplace posterior of (theta, response style c) from ALL their
  evidence -- game and questionnaire -- under the current parameters, and
  :data:`DRAWS` draws from it;
* M step, on those draws (Newton's method, weak priors):
  every IIP item's discrimination and four thresholds (graded response; the game's mentor
  and job-board answers to the item and its questionnaire answer share them), the
  thresholds and discrimination of expect / enjoy / could-be-me and of the persistence
  kinds (replay, extra round, watching someone at work), the appeal of every option offered in a
  free choice (a challenge on the board, a district: added to its choice logit), and the
  response-style priors' sds (acquiescence, and the threshold spread of extreme
  responding; the thresholds themselves are fitted at each pupil's acquiescence, with the
  spread left at its middle, 0).

The scale stays the scorer's: theta ~ N(0, 1) a type, style ~ N(0, sd^2). Reading-time
parameters and the choice and pair slopes are not fitted (they set the scale of their
evidence against the prior; see the report). :func:`agreement` compares each pupil's
game-only profile with their questionnaire-only profile (mean Pearson r of the six scores,
same first letter, questionnaire's first letter in the game's top two; 95 % percentile
bootstrap over pupils).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from telemetry.profile.evidence import RIASEC, Evidence, Rating, extract_evidence
from telemetry.profile.params import BINARY
from telemetry.profile.posterior import (
    MODEL,
    ResponseModel,
    _design,
    _laplace,
    logistic,
    posterior,
)
from telemetry.xapi.decode import DecodedLog, decode_log

__all__ = [
    "Pupil",
    "MIN_PUPILS",
    "DRAWS",
    "questionnaire_evidence",
    "pupil_from_statements",
    "fit",
    "agreement",
]

#: fewer pupils than this with questionnaire answers: no calibration (too noisy to fit)
MIN_PUPILS = 30
#: questionnaire answers a pupil needs to count (of 48)
MIN_ANSWERS = 24
#: posterior draws per pupil in each E step
DRAWS = 10
#: responses an item needs before it gets its own parameters
MIN_ITEM_RESPONSES = 30
#: choices an option needs before it gets an appeal
MIN_OPTION_CHOICES = 20
_IDX = {k: i for i, k in enumerate(RIASEC)}


@dataclass
class Pupil:
    """One research-class pupil: game evidence and questionnaire answers (as item ratings)."""

    game: Evidence
    questionnaire: Evidence

    def combined(self) -> Evidence:
        """Game evidence plus the questionnaire's item ratings (what calibration fits on)."""
        return replace(self.game, ratings=self.game.ratings + self.questionnaire.ratings)


def questionnaire_evidence(statements: Iterable[Mapping[str, Any]] | DecodedLog) -> Evidence:
    """The questionnaire answers (``selected survey questionnaire/<item>``, 1-5) as item
    ratings; the latest answer to an item counts. Nothing else of the log is read."""
    log = statements if isinstance(statements, DecodedLog) else decode_log(statements)
    last: dict[str, Rating] = {}
    for s in log.statements:
        parts = s.activity.split("/")
        if (
            s.verb != "selected"
            or s.activity_type != "survey"
            or len(parts) != 2
            or parts[0] != "questionnaire"
        ):
            continue
        letter = str(s.ext.get("riasec") or parts[1][:1]).upper()
        try:
            value = int(str(s.response).strip())
        except ValueError:
            continue
        if letter in _IDX and 1 <= value <= 5:
            last.pop(parts[1], None)
            last[parts[1]] = Rating("item", letter, value, parts[1], s.id)
    return Evidence(ratings=list(last.values()))


def pupil_from_statements(statements: Sequence[Mapping[str, Any]]) -> Pupil:
    """A :class:`Pupil` from one player's statements (the scorer never reads the
    questionnaire as game evidence: its activity type is ``survey``)."""
    log = decode_log(statements)
    return Pupil(extract_evidence(log), questionnaire_evidence(log))


# ----------------------------------------------------------------------------- likelihoods


def _grm_ll(u: np.ndarray, y: np.ndarray, a: float, b: Sequence[float]) -> float:
    """Sum of graded-response log probabilities of categories ``y`` (0..K) at ``u``."""
    bb = np.asarray(b, dtype=float)
    f = logistic(a * (u[:, None] - bb[None, :]))
    n = len(u)
    full = np.concatenate([np.ones((n, 1)), f, np.zeros((n, 1))], axis=1)
    rows = np.arange(n)
    p = full[rows, y] - full[rows, y + 1]
    low = y == 0
    p[low] = logistic(-a * (u[low] - bb[0]))
    top = y == len(bb)
    p[top] = f[top, -1]
    return float(np.sum(np.log(np.maximum(p, 1e-300))))


def _bin_ll(u: np.ndarray, y: np.ndarray, a: float, b: float) -> float:
    z = a * (u - b)
    return float(
        np.sum(
            y * np.log(np.maximum(logistic(z), 1e-300))
            + (1 - y) * np.log(np.maximum(logistic(-z), 1e-300))
        )
    )


def _newton(
    f: Callable[[np.ndarray], float], x0: np.ndarray, steps: int = 12, h: float = 1e-3
) -> np.ndarray:
    """Maximise a smooth ``f`` of a few parameters (finite-difference Newton with
    backtracking, a gradient step when the Hessian is not negative definite)."""
    x = np.asarray(x0, dtype=float).copy()
    n = len(x)
    fx = f(x)
    eye = np.eye(n) * h
    for _ in range(steps):
        g = np.array([(f(x + e) - f(x - e)) / (2 * h) for e in eye])
        hess = np.empty((n, n))
        for i in range(n):
            for j in range(i, n):
                v = (
                    f(x + eye[i] + eye[j])
                    - f(x + eye[i] - eye[j])
                    - f(x - eye[i] + eye[j])
                    + f(x - eye[i] - eye[j])
                ) / (4 * h * h)
                hess[i, j] = hess[j, i] = v
        try:
            step = np.linalg.solve(-hess, g)
            if g @ step <= 0:
                raise np.linalg.LinAlgError
        except np.linalg.LinAlgError:
            step = g / max(1.0, float(np.abs(g).max()))
        t = 1.0
        while t > 1e-4:
            nx = x + t * step
            nf = f(nx)
            if nf >= fx:
                break
            t *= 0.5
        else:
            break
        x, fx = nx, nf
        if np.max(np.abs(t * step)) < 1e-5:
            break
    return x


def _pack(a: float, b: Sequence[float]) -> np.ndarray:
    """(log a, b1, log gaps): an unconstrained form of ordered thresholds."""
    bb = np.asarray(b, dtype=float)
    return np.concatenate([[math.log(a), bb[0]], np.log(np.maximum(np.diff(bb), 1e-3))])


def _unpack(x: np.ndarray) -> tuple[float, tuple[float, ...]]:
    b = np.concatenate([[x[1]], x[1] + np.cumsum(np.exp(x[2:]))])
    return float(math.exp(x[0])), tuple(float(v) for v in b)


def _fit_ordinal(
    u: np.ndarray, y: np.ndarray, a0: float, b0: Sequence[float], weight: float
) -> tuple[float, tuple[float, ...]]:
    """Thresholds and discrimination maximising the draws' mean log-likelihood (prior:
    log a ~ N(log 1.3, 0.5^2), each threshold ~ N(0, 3^2))."""

    def f(x: np.ndarray) -> float:
        a, b = _unpack(x)
        prior = -0.5 * ((float(x[0]) - math.log(1.3)) / 0.5) ** 2 - 0.5 * sum(v * v for v in b) / 9
        return weight * _grm_ll(u, y, a, b) + prior

    return _unpack(_newton(f, _pack(a0, b0)))


def _fit_binary(
    u: np.ndarray, y: np.ndarray, a0: float, b0: float, weight: float
) -> tuple[float, float]:
    def f(x: np.ndarray) -> float:
        a, b = float(x[0]), float(x[1])
        prior = -0.5 * ((a - math.log(1.1)) / 0.5) ** 2 - 0.5 * b * b / 9
        return weight * _bin_ll(u, y, math.exp(a), b) + prior

    x = _newton(f, np.array([math.log(a0), b0]))
    return float(math.exp(x[0])), float(x[1])


# ----------------------------------------------------------------------------- EM


@dataclass
class _Draws:
    theta: np.ndarray  # (P, S, 6)
    style: np.ndarray  # (P, S)
    spread: np.ndarray  # (P, S): threshold spread (extreme responding)


def _e_step(
    pupils: Sequence[Pupil], model: ResponseModel, rng: np.random.Generator, n_draws: int
) -> _Draws:
    theta = np.empty((len(pupils), n_draws, 6))
    style = np.empty((len(pupils), n_draws))
    spread = np.empty((len(pupils), n_draws))
    prior = np.eye(6)
    keep = [0, 1, 2, 3, 4, 5, 6, 8]  # theta, style, spread (not the reading level)
    for p, pupil in enumerate(pupils):
        x, cov = _laplace(_design(pupil.combined(), model), model, prior)
        c8 = cov[np.ix_(keep, keep)]
        c8 = 0.5 * (c8 + c8.T) + 1e-9 * np.eye(8)
        d = rng.multivariate_normal(x[keep], c8, size=n_draws, method="cholesky")
        theta[p], style[p], spread[p] = d[:, :6], d[:, 6], d[:, 7]
    return _Draws(theta, style, spread)


def _ratings_table(
    pupils: Sequence[Pupil],
) -> dict[tuple[str, str], tuple[list[int], list[int], list[int]]]:
    """(kind, item id or '') -> (pupil index, letter index, category 0..K-1) lists."""
    out: dict[tuple[str, str], tuple[list[int], list[int], list[int]]] = {}
    for p, pupil in enumerate(pupils):
        for r in pupil.combined().ratings:
            key = (r.kind, r.source if r.kind == "item" else "")
            rows = out.setdefault(key, ([], [], []))
            rows[0].append(p)
            rows[1].append(_IDX[r.letter])
            rows[2].append(r.value - 1)
    return out


def _u(draws: _Draws, pupil: np.ndarray, letter: np.ndarray, with_style: bool) -> np.ndarray:
    u = draws.theta[pupil, :, letter]  # (n, S)
    if with_style:
        u = u + draws.style[pupil]
    return u.reshape(-1)


def _fit_appeal(
    pupils: Sequence[Pupil], draws: _Draws, model: ResponseModel, old: dict[str, float]
) -> dict[str, float]:
    """Each option's appeal (Newton steps on the draws' mean log-likelihood, prior N(0, 1))."""
    rows_c, rows_o, rows_l, rows_p, chosen = [], [], [], [], []
    options: dict[str, int] = {}
    j = 0
    for p, pupil in enumerate(pupils):
        for c in pupil.game.choices:
            if len(c.options) < 2 or c.chosen not in c.options:
                continue
            for o, letter in c.options.items():
                rows_c.append(j)
                rows_o.append(options.setdefault(o, len(options)))
                rows_l.append(_IDX[letter])
                rows_p.append(p)
                chosen.append(1.0 if o == c.chosen else 0.0)
            j += 1
    if not j:
        return {}
    cj, ok, lk, pk = (np.array(v) for v in (rows_c, rows_o, rows_l, rows_p))
    y = np.array(chosen)
    counts = np.bincount(ok, minlength=len(options))
    starts = np.flatnonzero(np.r_[True, cj[1:] != cj[:-1]])
    base = model.choice_beta * draws.theta[pk, :, lk]  # (R, S)
    names = list(options)
    app = np.array([old.get(o, 0.0) for o in names])
    for _ in range(8):
        logits = base + app[ok][:, None]
        m = np.maximum.reduceat(logits, starts, axis=0)
        e = np.exp(logits - np.repeat(m, np.diff(np.r_[starts, len(cj)]), axis=0))
        tot = np.add.reduceat(e, starts, axis=0)
        q = e / np.repeat(tot, np.diff(np.r_[starts, len(cj)]), axis=0)
        qm = q.mean(axis=1)
        grad = np.bincount(ok, y - qm, len(names)) - app
        info = np.bincount(ok, (q * (1 - q)).mean(axis=1), len(names)) + 1.0
        step = grad / info
        app = app + np.clip(step, -1, 1)
        if np.abs(step).max() < 1e-4:
            break
    return {
        o: float(v) for o, v, n in zip(names, app, counts, strict=True) if n >= MIN_OPTION_CHOICES
    }


def _m_step(pupils: Sequence[Pupil], draws: _Draws, model: ResponseModel) -> ResponseModel:
    n_draws = draws.theta.shape[1]
    w = 1.0 / n_draws
    table = _ratings_table(pupils)
    kw: dict[str, Any] = {}
    names = {
        "expect": ("expect_a", "expect_b"),
        "enjoy": ("enjoy_a", "enjoy_b"),
        "could_be_me": ("could_a", "could_b"),
    }
    for kind, (an, bn) in names.items():
        rows = table.get((kind, ""))
        if rows and len(rows[0]) >= MIN_ITEM_RESPONSES:
            p, lt, y = (np.array(v) for v in rows)
            a0, b0 = model.ordinal(kind)
            kw[an], kw[bn] = _fit_ordinal(_u(draws, p, lt, True), np.repeat(y, n_draws), a0, b0, w)
    items = model.item_table()
    fitted = []
    for (kind, item), rows in sorted(table.items()):
        if kind != "item" or len(rows[0]) < MIN_ITEM_RESPONSES:
            continue
        p, lt, y = (np.array(v) for v in rows)
        a0, b0 = items.get(item, model.ordinal("item"))
        a, b = _fit_ordinal(_u(draws, p, lt, True), np.repeat(y, n_draws), a0, b0, w)
        fitted.append((item, a, b))
    if fitted:
        kw["item_params"] = tuple(fitted)
        kw["item_a"] = float(np.exp(np.mean([math.log(a) for _, a, _ in fitted])))
        kw["item_b"] = tuple(float(v) for v in np.mean([b for _, _, b in fitted], axis=0))
    for kind, pre in BINARY.items():
        an, bn = f"{pre}_a", f"{pre}_b"
        pl, ll, yl = [], [], []
        for p_i, pupil in enumerate(pupils):
            for q in pupil.game.persistence:
                if q.kind == kind:
                    pl.append(p_i)
                    ll.append(_IDX[q.letter])
                    yl.append(1.0 if q.taken else 0.0)
        if len(pl) >= MIN_ITEM_RESPONSES:
            ba, bb = model.binary(kind)
            kw[an], kw[bn] = _fit_binary(
                _u(draws, np.array(pl), np.array(ll), False),
                np.repeat(np.array(yl), n_draws),
                ba,
                bb,
                w,
            )
    appeal = _fit_appeal(pupils, draws, model, model.appeal_table())
    kw["appeal"] = tuple(sorted(appeal.items()))
    sd = float(np.sqrt(np.mean(draws.style**2)))
    kw["style_prior_sd"] = float(np.clip(sd, 0.1, 3.0))
    # the spread prior's sd: the EM update of a random effect's variance, E[e^2]
    kw["spread_prior_sd"] = float(np.clip(np.sqrt(np.mean(draws.spread**2)), 0.05, 2.0))
    return replace(model, **kw)


def fit(
    pupils: Sequence[Pupil],
    model: ResponseModel = MODEL,
    *,
    rounds: int = 8,
    n_draws: int = DRAWS,
    seed: int = 0,
    progress: Callable[[int], None] | None = None,
) -> ResponseModel:
    """The fitted model (see module docstring); ``ValueError`` with fewer than
    :data:`MIN_PUPILS` pupils who answered at least :data:`MIN_ANSWERS` questionnaire items."""
    usable = [p for p in pupils if len(p.questionnaire.ratings) >= MIN_ANSWERS]
    if len(usable) < MIN_PUPILS:
        raise ValueError(
            f"{len(usable)} pupil(s) answered the questionnaire (at least "
            f"{MIN_ANSWERS} items); calibration needs at least {MIN_PUPILS}"
        )
    rng = np.random.default_rng(seed)
    for k in range(rounds):
        draws = _e_step(usable, model, rng, n_draws)
        model = _m_step(usable, draws, model)
        if progress is not None:
            progress(k + 1)
    return model


# ----------------------------------------------------------------------------- agreement


def _pearson(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a - a.mean(), b - b.mean()
    d = math.sqrt(float((a * a).sum() * (b * b).sum()))
    return float((a * b).sum() / d) if d > 0 else 0.0


def agreement(
    pupils: Sequence[Pupil], model: ResponseModel = MODEL, *, n_boot: int = 1000, seed: int = 0
) -> dict[str, list[float]]:
    """Game-only vs questionnaire-only profiles: {"r", "same_first", "first_in_top2"} each
    [estimate, 2.5 %, 97.5 %] (bootstrap over pupils), and "pupils"."""
    r, same, top2 = [], [], []
    for p in pupils:
        if len(p.questionnaire.ratings) < MIN_ANSWERS or not p.game.n_interest:
            continue
        g, _, _ = posterior(p.game, model=model)
        q, _, _ = posterior(p.questionnaire, model=model)
        r.append(_pearson(g, q))
        order = np.argsort(-g, kind="stable")
        first_q = int(np.argmax(q))
        same.append(float(order[0] == first_q))
        top2.append(float(first_q in order[:2]))
    out: dict[str, list[float]] = {"pupils": [float(len(r))]}
    if not r:
        return out
    rng = np.random.default_rng(seed)
    arr = np.array([r, same, top2])
    idx = rng.integers(0, arr.shape[1], size=(n_boot, arr.shape[1]))
    boots = arr[:, idx].mean(axis=2)  # (3, n_boot)
    for k, name in enumerate(("r", "same_first", "first_in_top2")):
        lo, hi = np.percentile(boots[k], [2.5, 97.5])
        out[name] = [round(float(arr[k].mean()), 3), round(float(lo), 3), round(float(hi), 3)]
    return out
