"""Profile engine: interest evidence -> six RIASEC scores with uncertainty, Holland code,
differentiation, consistency, congruence and occupation matches.

Scale
-----
Every type's score is on ONE latent scale, ``theta`` (a z-like scale): 0 is the interest
level of a typical player of the reference population (teenagers), 1 is one population
standard deviation above it. The prior for each type is N(0, 1), so with no evidence a
score is 0 with an 80% credible interval of about -1.28..+1.28; evidence moves the score
and narrows the interval. Scores are comparable across the six types and across players.
Results are for exploration and discussion, never for selection.

Model (one joint Bayesian model; numpy only)
--------------------------------------------
Parameters: ``theta`` (6 interest levels R..C), ``c`` (the player's rating response style:
a tendency to answer every rating high or low, prior N(0, 0.35^2)) and ``m`` (the player's
usual log reading time, prior N(log 25 s, 0.6^2)). ``c`` and ``m`` are nuisance parameters:
they keep "answers everything with 5" and "reads slowly" from inflating all six types.

Likelihoods (constants in :data:`MODEL`, shared with ``telemetry.synthetic``):

* free choice among contrasting options (``selected menu``, ext ``options``):
  multinomial logit, P(option i) = exp(beta*theta[l_i]) / sum_j exp(beta*theta[l_j]);
  this is Bradley-Terry for two options.
* ordinal answers -- expect / enjoy ratings 1..5, could_be_me no/maybe/yes, mentor IIP
  items 1..5 -- graded-response (cumulative logit): P(Y >= k) = logistic(a*(theta[l] + c - b_k)).
* voluntary persistence, each a yes/no opportunity: logistic(a*(theta[l] - b)):
  replaying a completed challenge (taken if replayed), accepting an optional extra round
  (taken) vs skipping it.
* time reading about an occupation whose first Holland letter is l:
  log(seconds) ~ Normal(m + gamma*theta[l], sigma^2).

Performance (score, accuracy, speed, success) is not in the model: it goes to Strengths
(``telemetry.cms``). Saving an occupation is not interest evidence either; it is used only
for congruence, so congruence is not inflated by the code it is compared with.

The posterior is approximated by Laplace's method: the MAP is found by Newton's method
(the log posterior is strictly concave), the covariance is the inverse negative Hessian
there. A type's score is its MAP, its interval MAP +- z*sd (80% by default).

Derived results
---------------
* Holland code: the three types with the highest scores (ties broken in RIASEC order).
  ``code_probability`` = share of posterior draws (multivariate normal, seeded) whose
  ordered top three equals the code; ``first_letter_probability`` = share whose top type
  equals the first letter; ``code_set_probability`` = share with the same three letters in
  any order.
* Differentiation: highest minus lowest score (Holland's range, in theta units), with
  labels flat (< 1.0), moderate (1.0-2.0), clear (>= 2.0); also Iachan's form
  top1 - (top2 + top4)/2.
* Consistency: hexagon distance between the first two letters: adjacent (high), alternate
  (medium), opposite (low).
* Congruence: Iachan's (1984) M index (0-28) between the player's code and each saved
  occupation's code, weights [[22,10,4],[10,5,2],[4,2,1]] for position pairs.
* Matches: Pearson r between the six scores and each occupation's O*NET OI profile, as the
  O*NET Interest Profiler does; a match lists its drivers, the types with the largest share
  of r (standardised products z_player*z_occupation/6, which sum to r) and their evidence.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np

from telemetry.evidence import RIASEC, Evidence, extract_evidence
from telemetry.occupations import (
    OccupationTable,
    load_riasec_items,
    profile_correlations,
    zone_mask,
)

__all__ = [
    "RIASEC",
    "TYPE_NAMES",
    "MODEL",
    "ResponseModel",
    "EvidenceItem",
    "TypeScore",
    "Differentiation",
    "Consistency",
    "Congruence",
    "Driver",
    "Match",
    "Profile",
    "estimate_profile",
    "profile_from_evidence",
    "posterior",
    "posterior_draws",
    "match_occupations",
    "holland_code",
    "consistency",
    "iachan_index",
    "hexagon_distance",
    "ordinal_probabilities",
    "logistic",
]

TYPE_NAMES = {"R": "Realistic", "I": "Investigative", "A": "Artistic", "S": "Social",
              "E": "Enterprising", "C": "Conventional"}
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
    read_gamma: float = 0.35
    read_sigma: float = 0.55
    read_mu: float = math.log(25.0)
    read_mu_sd: float = 0.6
    style_sd: float = 0.35

    def ordinal(self, kind: str) -> tuple[float, tuple[float, ...]]:
        """(a, thresholds) of an ordinal evidence kind: item / expect / enjoy / could_be_me."""
        return {
            "item": (self.item_a, self.item_b),
            "expect": (self.expect_a, self.expect_b),
            "enjoy": (self.enjoy_a, self.enjoy_b),
            "could_be_me": (self.could_a, self.could_b),
        }[kind]

    def binary(self, kind: str) -> tuple[float, float]:
        """(a, b) of a persistence kind: replay / extra_round."""
        return {"replay": (self.replay_a, self.replay_b),
                "extra_round": (self.extra_a, self.extra_b)}[kind]


MODEL = ResponseModel()


def logistic(x: Any) -> Any:
    """The logistic function, numerically safe."""
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=float)))


def ordinal_probabilities(u: float, a: float, thresholds: Sequence[float]) -> np.ndarray:
    """Graded-response category probabilities (categories 1..K) at location ``u``."""
    f = np.concatenate([[1.0], logistic(a * (u - np.asarray(thresholds))), [0.0]])
    return np.clip(f[:-1] - f[1:], 0.0, 1.0)


# ----------------------------------------------------------------------------- results


@dataclass(frozen=True)
class EvidenceItem:
    """One piece of evidence about one type, for "why" in reports.

    ``pull`` is the slope of this evidence's log-likelihood for the type at the prior
    (theta = 0): positive = points to more interest, negative = less. ``kind`` is choice /
    not_chosen / expect / enjoy / could_be_me / item / replay / extra_round / reading.
    """

    kind: str
    letter: str
    pull: float
    text: str
    source: str
    value: Any = None
    statement_id: str | None = None


@dataclass(frozen=True)
class TypeScore:
    letter: str
    name: str
    score: float
    sd: float
    low: float
    high: float
    top3_probability: float  # P(this type is among the top three)
    first_probability: float  # P(this type is the highest)
    evidence: tuple[EvidenceItem, ...]

    @property
    def n_evidence(self) -> int:
        return len(self.evidence)


@dataclass(frozen=True)
class Differentiation:
    range: float
    iachan: float
    label: str  # flat / moderate / clear
    meaning: str


@dataclass(frozen=True)
class Consistency:
    pair: str
    distance: int  # 1 adjacent, 2 alternate, 3 opposite (0 = fewer than two letters)
    level: str  # high / medium / low
    meaning: str


@dataclass(frozen=True)
class Congruence:
    soc_code: str
    title: str
    occupation_code: str
    m_index: int
    label: str  # close / partial / different


@dataclass(frozen=True)
class Driver:
    letter: str
    contribution: float
    evidence: tuple[EvidenceItem, ...]


@dataclass(frozen=True)
class Match:
    soc_code: str
    title: str
    job_zone: int
    holland_code: str
    r: float
    r_low: float
    r_high: float
    drivers: tuple[Driver, ...]


@dataclass
class Profile:
    """A player's interest profile on the theta scale (see module docstring)."""

    scores: dict[str, TypeScore]
    mean: np.ndarray
    cov: np.ndarray
    interval: float
    code: str
    code_probability: float
    first_letter_probability: float
    code_set_probability: float
    differentiation: Differentiation
    consistency: Consistency
    congruence: list[Congruence] = field(default_factory=list)
    matches: list[Match] = field(default_factory=list)
    unknown_saved: list[str] = field(default_factory=list)
    response_style: float = 0.0
    n_evidence: int = 0
    n_statements: int = 0
    scale: str = "theta: latent z-like scale, 0 = typical player, 1 = one population SD"
    draws: np.ndarray | None = field(default=None, repr=False)

    @property
    def sd(self) -> np.ndarray:
        return np.sqrt(np.diag(self.cov))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary (no numpy types)."""
        def ev(e: EvidenceItem) -> dict[str, Any]:
            return {"kind": e.kind, "letter": e.letter, "pull": round(e.pull, 3),
                    "text": e.text, "source": e.source}
        return {
            "scale": self.scale, "interval": self.interval,
            "scores": {k: {"name": s.name, "score": round(s.score, 3), "sd": round(s.sd, 3),
                           "low": round(s.low, 3), "high": round(s.high, 3),
                           "top3_probability": round(s.top3_probability, 3),
                           "first_probability": round(s.first_probability, 3),
                           "evidence": [ev(e) for e in s.evidence]}
                       for k, s in self.scores.items()},
            "code": self.code, "code_probability": round(self.code_probability, 3),
            "first_letter_probability": round(self.first_letter_probability, 3),
            "code_set_probability": round(self.code_set_probability, 3),
            "differentiation": self.differentiation.__dict__,
            "consistency": self.consistency.__dict__,
            "congruence": [c.__dict__ for c in self.congruence],
            "matches": [{"soc_code": m.soc_code, "title": m.title, "job_zone": m.job_zone,
                         "holland_code": m.holland_code, "r": round(m.r, 3),
                         "r_low": round(m.r_low, 3), "r_high": round(m.r_high, 3),
                         "drivers": [{"letter": d.letter,
                                      "contribution": round(d.contribution, 3),
                                      "evidence": [ev(e) for e in d.evidence]}
                                     for d in m.drivers]}
                        for m in self.matches],
            "response_style": round(self.response_style, 3),
            "n_evidence": self.n_evidence, "n_statements": self.n_statements,
        }


# ----------------------------------------------------------------------------- Holland


def holland_code(scores: Sequence[float] | np.ndarray, n: int = 3) -> str:
    """Letters of the ``n`` highest scores, ties broken in RIASEC order."""
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    return "".join(RIASEC[i] for i in order[:n])


def hexagon_distance(a: str, b: str) -> int:
    """Steps between two types around Holland's hexagon R-I-A-S-E-C: 0..3."""
    d = abs(_IDX[a.upper()] - _IDX[b.upper()])
    return min(d, 6 - d)


_CONSISTENCY = {
    1: ("high", "Your top two interests sit next to each other on Holland's hexagon. "
                "They have a lot in common, and many jobs combine them."),
    2: ("medium", "Your top two interests are one step apart on Holland's hexagon. "
                  "They share some things; plenty of jobs use both."),
    3: ("low", "Your top two interests are opposite each other on Holland's hexagon. "
               "Fewer jobs mix them, so it can help to look for roles, hobbies or "
               "projects that use both. That is not a problem, just a pattern to explore."),
}


def consistency(code: str) -> Consistency:
    """Consistency of a code's first two letters (hexagon adjacency), in plain words."""
    if len(code) < 2:
        return Consistency(code, 0, "unknown", "Not enough letters to tell yet.")
    d = hexagon_distance(code[0], code[1])
    level, meaning = _CONSISTENCY[d]
    return Consistency(code[:2], d, level, meaning)


_IACHAN_W = np.array([[22, 10, 4], [10, 5, 2], [4, 2, 1]])


def iachan_index(person: str, environment: str) -> int:
    """Iachan (1984) M index between two three-letter codes, 0 (no shared letter) .. 28.

    Sum of weights W[i][j] for every letter in position i of one code and position j of
    the other, W = [[22,10,4],[10,5,2],[4,2,1]].
    """
    p, e = person.upper()[:3], environment.upper()[:3]
    return int(sum(_IACHAN_W[i, e.index(ch)] for i, ch in enumerate(p) if ch in e))


def _congruence_label(m: int) -> str:
    return "close" if m >= 20 else "partial" if m >= 10 else "different"


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
    ch_n: np.ndarray  # (n, 6) number of options per letter
    ch_l: np.ndarray  # chosen letter index


def _design(ev: Evidence, model: ResponseModel) -> _Design:
    ot, oa, ob, oy = [], [], [], []
    for r in ev.ratings:
        a, b = model.ordinal(r.kind)
        ot.append(_IDX[r.letter])
        oa.append(a)
        ob.append(list(b) + [np.inf] * (4 - len(b)))
        oy.append(r.value - 1)
    bt, ba, bb, by = [], [], [], []
    for p in ev.persistence:
        a, b = model.binary(p.kind)
        bt.append(_IDX[p.letter])
        ba.append(a)
        bb.append(b)
        by.append(1.0 if p.taken else 0.0)
    cn, cl = [], []
    for c in ev.choices:
        counts = np.zeros(6)
        for letter in c.offered:
            counts[_IDX[letter]] += 1
        if counts[_IDX[c.letter]] == 0:
            counts[_IDX[c.letter]] = 1
        cn.append(counts)
        cl.append(_IDX[c.letter])
    f = lambda x, dt=float: np.asarray(x, dtype=dt)  # noqa: E731
    return _Design(
        f(ot, int), f(oa), f(ob).reshape(-1, 4), f(oy, int),
        f(bt, int), f(ba), f(bb), f(by),
        f([_IDX[r.letter] for r in ev.readings], int),
        f([math.log(r.seconds) for r in ev.readings]),
        f(cn).reshape(-1, 6), f(cl, int),
    )


def _ordinal_terms(u: np.ndarray, a: np.ndarray, b: np.ndarray, y: np.ndarray):
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


def _log_post(x: np.ndarray, d: _Design, model: ResponseModel, prior_prec: np.ndarray):
    """Log posterior (up to a constant), gradient and Hessian at x = [theta(6), c, m]."""
    theta, c, m = x[:6], x[6], x[7]
    g = np.zeros(8)
    h = np.zeros((8, 8))
    # priors
    val = -0.5 * theta @ prior_prec @ theta
    g[:6] -= prior_prec @ theta
    h[:6, :6] -= prior_prec
    val -= 0.5 * c * c / model.style_sd**2
    g[6] -= c / model.style_sd**2
    h[6, 6] -= 1 / model.style_sd**2
    val -= 0.5 * (m - model.read_mu) ** 2 / model.read_mu_sd**2
    g[7] -= (m - model.read_mu) / model.read_mu_sd**2
    h[7, 7] -= 1 / model.read_mu_sd**2
    if len(d.ord_t):
        lp, d1, d2 = _ordinal_terms(theta[d.ord_t] + c, d.ord_a, d.ord_b, d.ord_y)
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
        val += np.sum(d.bin_y * np.log(np.maximum(p, 1e-300))
                      + (1 - d.bin_y) * np.log(np.maximum(1 - p, 1e-300)))
        g[:6] += np.bincount(d.bin_t, d.bin_a * (d.bin_y - p), 6)
        h[np.arange(6), np.arange(6)] -= np.bincount(d.bin_t, d.bin_a**2 * p * (1 - p), 6)
    if len(d.gau_t):
        s2 = model.read_sigma**2
        gm = model.read_gamma
        r = d.gau_y - m - gm * theta[d.gau_t]
        val -= 0.5 * np.sum(r * r) / s2
        g[:6] += np.bincount(d.gau_t, gm * r / s2, 6)
        g[7] += r.sum() / s2
        cnt = np.bincount(d.gau_t, minlength=6).astype(float)
        h[np.arange(6), np.arange(6)] -= cnt * gm * gm / s2
        h[:6, 7] -= cnt * gm / s2
        h[7, :6] -= cnt * gm / s2
        h[7, 7] -= len(d.gau_t) / s2
    if len(d.ch_l):
        beta = model.choice_beta
        logits = beta * theta[None, :] + np.log(np.where(d.ch_n > 0, d.ch_n, 1e-300))
        logits -= logits.max(axis=1, keepdims=True)
        w = np.exp(logits) * (d.ch_n > 0)
        q = w / w.sum(axis=1, keepdims=True)
        rows = np.arange(len(d.ch_l))
        val += np.sum(np.log(np.maximum(q[rows, d.ch_l] / d.ch_n[rows, d.ch_l], 1e-300)))
        onehot = np.zeros_like(q)
        onehot[rows, d.ch_l] = 1.0
        g[:6] += beta * (onehot - q).sum(axis=0)
        h[:6, :6] -= beta**2 * (np.diag(q.sum(axis=0)) - q.T @ q)
    return val, g, h


def _laplace(d: _Design, model: ResponseModel, prior_cov: np.ndarray):
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


# ----------------------------------------------------------------------------- evidence text


@lru_cache(maxsize=1)
def _items() -> dict[str, dict[str, str]]:
    try:
        return load_riasec_items()
    except (OSError, ValueError):
        return {}


def _evidence_items(ev: Evidence, model: ResponseModel,
                    titles: Mapping[str, str]) -> dict[str, list[EvidenceItem]]:
    out: dict[str, list[EvidenceItem]] = {k: [] for k in RIASEC}
    beta = model.choice_beta
    for c in ev.choices:
        counts = {k: c.offered.count(k) for k in set(c.offered)}
        total = sum(counts.values())
        others = sorted({TYPE_NAMES[k] for k in counts if k != c.letter})
        where = c.where.split("/", 1)[-1]
        for k, n in counts.items():
            pull = beta * ((1.0 if k == c.letter else 0.0) - n / total)
            if k == c.letter:
                text = f"Chose {TYPE_NAMES[k]} ({c.chosen}) at {where} over {', '.join(others)}"
                kind = "choice"
            else:
                text = f"Passed over {TYPE_NAMES[k]} at {where} for {TYPE_NAMES[c.letter]}"
                kind = "not_chosen"
            out[k].append(EvidenceItem(kind, k, pull, text, c.where, c.chosen, c.statement_id))
    items = _items()
    if ev.ratings:
        ab = [model.ordinal(r.kind) for r in ev.ratings]
        _, pulls, _ = _ordinal_terms(
            np.zeros(len(ab)), np.array([a for a, _ in ab]),
            np.array([list(b) + [np.inf] * (4 - len(b)) for _, b in ab]),
            np.array([r.value - 1 for r in ev.ratings]))
    for r, pull in zip(ev.ratings, pulls if ev.ratings else [], strict=True):
        if r.kind == "item":
            what = items.get(r.source, {}).get("text", r.source)
            text = f"Mentor asked about '{what}': {r.value}/5"
        elif r.kind == "could_be_me":
            text = f"Could this be you? ({r.source}): {['no', 'maybe', 'yes'][r.value - 1]}"
        elif r.kind == "expect":
            text = f"Expected to enjoy {r.source}: {r.value}/5"
        else:
            text = f"Enjoyed {r.source}: {r.value}/5"
        out[r.letter].append(EvidenceItem(r.kind, r.letter, float(pull), text, r.source,
                                          r.value, r.statement_id))
    for p in ev.persistence:
        a, b = model.binary(p.kind)
        pull = float(a * ((1.0 if p.taken else 0.0) - logistic(-a * b)))
        if p.kind == "replay":
            text = f"{'Replayed' if p.taken else 'Did not replay'} {p.source}"
        else:
            text = f"{'Took' if p.taken else 'Skipped'} the extra round in {p.source}"
        out[p.letter].append(EvidenceItem(p.kind, p.letter, pull, text, p.source, p.taken,
                                          p.statement_id))
    for r in ev.readings:
        pull = model.read_gamma * (math.log(r.seconds) - model.read_mu) / model.read_sigma**2
        text = f"Read about {titles.get(r.soc, r.soc)} for {r.seconds:.0f} s"
        out[r.letter].append(EvidenceItem("reading", r.letter, float(pull), text, r.soc,
                                          r.seconds, r.statement_id))
    return out


# ----------------------------------------------------------------------------- estimation


def _diff_label(rng_: float) -> tuple[str, str]:
    if rng_ < 1.0:
        return "flat", ("Your interests look fairly even so far: no type stands out "
                        "clearly. Trying more districts will sharpen the picture.")
    if rng_ < 2.0:
        return "moderate", "Some interests stand out from the others."
    return "clear", "A few interests stand out clearly from the rest."


def posterior(ev: Evidence, *, model: ResponseModel = MODEL,
              prior_cov: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, float]:
    """Laplace posterior of the six types: (mean (6,), covariance (6, 6), response style)."""
    prior = np.eye(6) if prior_cov is None else np.asarray(prior_cov, dtype=float)
    x, cov_full = _laplace(_design(ev, model), model, prior)
    return x[:6].copy(), cov_full[:6, :6].copy(), float(x[6])


def posterior_draws(mean: np.ndarray, cov: np.ndarray, n: int = 4000,
                    seed: int = 0) -> np.ndarray:
    """``n`` seeded draws (n, 6) from the normal posterior."""
    return np.random.default_rng(seed).multivariate_normal(mean, cov, size=n,
                                                           method="cholesky")


def profile_from_evidence(
    ev: Evidence,
    occupations: OccupationTable | None = None,
    *,
    job_zones: Iterable[int] | int | None = None,
    n_matches: int = 20,
    interval: float = 0.8,
    n_draws: int = 4000,
    seed: int = 0,
    model: ResponseModel = MODEL,
    prior_cov: np.ndarray | None = None,
) -> Profile:
    """Estimate a :class:`Profile` from already extracted :class:`Evidence`."""
    mean, cov, style = posterior(ev, model=model, prior_cov=prior_cov)
    sd = np.sqrt(np.diag(cov))
    z = _z(interval)
    draws = posterior_draws(mean, cov, n_draws, seed)
    code = holland_code(mean)
    cidx = np.array([_IDX[k] for k in code])
    order = np.argsort(-draws, axis=1)[:, :3]
    code_p = float(np.mean(np.all(order == cidx, axis=1)))
    first_p = float(np.mean(order[:, 0] == cidx[0]))
    set_p = float(np.mean(np.all(np.sort(order, axis=1) == np.sort(cidx), axis=1)))
    top3 = np.bincount(order.ravel(), minlength=6) / n_draws
    first = np.bincount(order[:, 0], minlength=6) / n_draws

    titles = dict(zip(occupations.soc, occupations.title, strict=True)) if occupations else {}
    items = _evidence_items(ev, model, titles)
    scores = {
        k: TypeScore(k, TYPE_NAMES[k], float(mean[i]), float(sd[i]), float(mean[i] - z * sd[i]),
                     float(mean[i] + z * sd[i]), float(top3[i]), float(first[i]),
                     tuple(items[k]))
        for i, k in enumerate(RIASEC)
    }
    srt = np.sort(mean)[::-1]
    rng_ = float(srt[0] - srt[-1])
    label, meaning = _diff_label(rng_)
    diff = Differentiation(rng_, float(srt[0] - (srt[1] + srt[3]) / 2), label, meaning)

    profile = Profile(
        scores=scores, mean=mean, cov=cov, interval=interval, code=code,
        code_probability=code_p, first_letter_probability=first_p, code_set_probability=set_p,
        differentiation=diff, consistency=consistency(code), response_style=style,
        n_evidence=ev.n_interest, n_statements=ev.n_statements, draws=draws,
    )
    if occupations is not None:
        for soc in ev.saved:
            i = occupations.index(soc)
            if i is None:
                profile.unknown_saved.append(soc)
                continue
            m = iachan_index(code, occupations.holland_code[i])
            profile.congruence.append(Congruence(soc, occupations.title[i],
                                                 occupations.holland_code[i], m,
                                                 _congruence_label(m)))
        profile.matches = match_occupations(profile, occupations, job_zones=job_zones,
                                            n=n_matches)
    return profile


def estimate_profile(
    statements: Iterable[Mapping[str, Any]],
    occupations: OccupationTable | None = None,
    **kwargs: Any,
) -> Profile:
    """Estimate a player's interest :class:`Profile` from their xAPI statements.

    ``occupations`` (from :func:`telemetry.occupations.load_occupations`) enables
    congruence and matches; keyword arguments go to :func:`profile_from_evidence`
    (``job_zones``, ``n_matches``, ``interval``, ``n_draws``, ``seed``, ``model``,
    ``prior_cov``).
    """
    return profile_from_evidence(extract_evidence(statements), occupations, **kwargs)


def _z(level: float) -> float:
    """Two-sided normal quantile for a central interval (bisection on erf, no scipy)."""
    if not 0 < level < 1:
        raise ValueError("interval must be between 0 and 1")
    lo, hi = 0.0, 10.0
    for _ in range(80):
        mid = (lo + hi) / 2
        if math.erf(mid / math.sqrt(2)) < level:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def match_occupations(
    profile: Profile,
    occupations: OccupationTable,
    *,
    job_zones: Iterable[int] | int | None = None,
    n: int = 20,
    n_drivers: int = 3,
    n_evidence: int = 3,
) -> list[Match]:
    """Occupations ranked by Pearson r with the profile, optionally only some Job Zones.

    Each match carries an r interval (same credible level as the profile, from posterior
    draws) and its drivers. A flat profile (no evidence) returns no matches.
    """
    r = profile_correlations(profile.mean, occupations)
    mask = zone_mask(occupations, job_zones) & np.isfinite(r)
    idx = np.flatnonzero(mask)
    if not len(idx):
        return []
    idx = idx[np.lexsort((np.arange(len(idx)), -r[idx]))][:n]
    lo_q, hi_q = (1 - profile.interval) / 2, (1 + profile.interval) / 2
    if profile.draws is not None:
        sub = OccupationTable(tuple(occupations.soc[i] for i in idx), (), (),
                              occupations.oi[idx], (), occupations.job_zone[idx], (), ())
        rd = profile_correlations(profile.draws, sub)
        r_low = np.nanquantile(rd, lo_q, axis=0)
        r_high = np.nanquantile(rd, hi_q, axis=0)
    else:
        r_low = r_high = r[idx]
    zp = (profile.mean - profile.mean.mean()) / profile.mean.std()
    out = []
    for j, i in enumerate(idx):
        o = occupations.oi[i]
        zo = (o - o.mean()) / o.std()
        contrib = zp * zo / 6
        drivers = []
        for k in np.argsort(-contrib, kind="stable")[:n_drivers]:
            if contrib[k] <= 0:
                break
            letter = RIASEC[k]
            evid = profile.scores[letter].evidence
            sign = 1 if zp[k] > 0 else -1
            best = sorted((e for e in evid if e.pull * sign > 0), key=lambda e: -abs(e.pull))
            drivers.append(Driver(letter, float(contrib[k]), tuple(best[:n_evidence])))
        out.append(Match(occupations.soc[i], occupations.title[i], int(occupations.job_zone[i]),
                         occupations.holland_code[i], float(r[i]), float(r_low[j]),
                         float(r_high[j]), tuple(drivers)))
    return out
