"""Can this profile be read? Straight-lining and random responding (issue 17 item 2).

Called by ``telemetry.profile.engine.profile_from_evidence`` after the posterior. Two
checks on the pupil's ratings (expect / enjoy / could-be-me / activity items):

* same answers: at least :data:`MIN_RATINGS` 1-5 ratings about at least three types, and
  :data:`SAME_SHARE` or more of them the same value -- the answers look the same for
  everything, so their differences say nothing about interests;
* random answers, any of:

  - person fit: the statistic ``lz`` (Drasgow, Levine & Williams 1985) of the ratings
    under the fitted profile is below :data:`LZ_CUT`, or below :data:`LZ_SOFT` while the
    answers differ no more between types than within one (one-way F below :data:`F_CUT`);
  - the pupil's ratings, choices and pairs are explained better by clicking at random
    than by any interest profile: the log Bayes factor of the scorer's model (Laplace
    marginal likelihood) against a uniform random responder is below :data:`BF_CUT`
    (:func:`random_bayes_factor`);
  - too fast to have read (response time, Huang et al. 2012's "insufficient effort"):
    :data:`SKIM_SHARE` or more of at least :data:`SKIM_MIN_CARDS` occupation cards were
    on screen under :data:`SKIM_SECONDS` each, while the Bayes factor is below
    :data:`BF_SKIM` (the answers do not clearly beat random clicking either); or
    :data:`MASH_SHARE` or more of the pupil's answers (at least :data:`MASH_MIN`) came
    faster than a question can be read (the hygiene's key-mash rule dropped them).

  The cut points were chosen on simulated pupils of a SEPARATE seed range (bench/validity.py
  --seed 211, 40 pupils a population): the most random clickers caught while flagging at
  most 4 % of the pupils who are neither straight-liners nor random clickers; the figures
  are reported on the usual seeds (bench/validity_rescore.py prints which rule fired).

A profile that fails either says "not interpretable yet" in the game, the report and the
exports, instead of showing a confident shape. No I/O.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np

from telemetry.profile.evidence import RIASEC, Evidence
from telemetry.profile.posterior import (
    MODEL,
    ResponseModel,
    _definite,
    _design,
    _laplace,
    _log_post,
    ordinal_probabilities,
)

__all__ = [
    "Readability",
    "assess",
    "person_fit",
    "between_types_f",
    "random_bayes_factor",
    "MIN_RATINGS",
    "SAME_SHARE",
    "LZ_CUT",
    "BF_CUT",
    "skim_share",
    "mash_share",
]

MIN_RATINGS = 8
SAME_SHARE = 0.85
LZ_CUT = -1.0
LZ_SOFT = -0.25
F_CUT = 0.7
#: log Bayes factor (model vs random clicking) below which the answers read as random
BF_CUT = -3.0
#: an occupation card on screen for less than this (active seconds) was not read
SKIM_SECONDS = 5.0
SKIM_SHARE = 0.34
SKIM_MIN_CARDS = 3
#: with skimmed cards, a log Bayes factor below this is not evidence of careful answers
BF_SKIM = 3.0
#: share of answers that were key-mash (at least MASH_MIN of them)
MASH_SHARE = 0.3
MASH_MIN = 4
#: ... counted only with at least this many ratings, choices and pairs together
BF_MIN_OBS = 15
_IDX = {k: i for i, k in enumerate(RIASEC)}


@dataclass(frozen=True)
class Readability:
    """Whether the profile can be read; ``reason`` is same_answers / random_answers / None."""

    interpretable: bool
    reason: str | None
    same_share: float
    person_fit: float | None
    n_ratings: int
    random_bf: float | None = None  # log Bayes factor, model vs random clicking
    #: which rule fired: same_answers / person_fit / bayes_factor / skimmed / key_mash
    rule: str | None = None
    skim: float | None = None  # share of occupation cards on screen under SKIM_SECONDS
    mash: float | None = None  # share of answers that were key-mash

    def as_dict(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "skimmed_share": None if self.skim is None else round(self.skim, 3),
            "key_mash_share": None if self.mash is None else round(self.mash, 3),
            "interpretable": self.interpretable,
            "reason": self.reason,
            "same_answer_share": round(self.same_share, 3),
            "person_fit": None if self.person_fit is None else round(self.person_fit, 3),
            "n_ratings": self.n_ratings,
            "random_bayes_factor": None if self.random_bf is None else round(self.random_bf, 3),
        }


def person_fit(
    ev: Evidence,
    theta: np.ndarray,
    style: float,
    model: ResponseModel = MODEL,
    spread: float = 0.0,
) -> float | None:
    """Standardised log-likelihood ``lz`` of the ratings at the fitted profile (None if < 6),
    with the pupil's threshold spread."""
    if len(ev.ratings) < 6:
        return None
    l0 = e0 = v0 = 0.0
    w = math.exp(-spread)
    for r in ev.ratings:
        a, b0 = model.ordinal(r.kind)
        mid = sum(b0) / len(b0)
        b = [mid + w * (x - mid) for x in b0]
        p = ordinal_probabilities(float(theta[_IDX[r.letter]]) + style, a, b)
        p = np.maximum(p / p.sum(), 1e-12)
        logp = np.log(p)
        l0 += float(logp[r.value - 1])
        e = float((p * logp).sum())
        e0 += e
        v0 += float((p * logp * logp).sum()) - e * e
    return (l0 - e0) / math.sqrt(v0) if v0 > 0 else None


def random_bayes_factor(ev: Evidence, model: ResponseModel = MODEL) -> float | None:
    """log p(answers | interest model) - log p(answers | random clicking), over the ratings,
    free choices and forced-choice pairs (None with fewer than :data:`BF_MIN_OBS`). The
    model's marginal likelihood is Laplace's approximation at the posterior mode; a random
    clicker picks each of K answers or options with probability 1/K."""
    sub = Evidence(choices=list(ev.choices), pairs=list(ev.pairs), ratings=list(ev.ratings))
    n = len(sub.choices) + len(sub.pairs) + len(sub.ratings)
    if n < BF_MIN_OBS:
        return None
    d = _design(sub, model)
    prior = np.eye(6)
    x, _ = _laplace(d, model, prior)
    val, _, h = _log_post(x, d, model, prior)
    sds = model.style_prior_sd * model.read_mu_sd * model.spread_prior_sd
    # Laplace: log p(y) = log p(y, x*) + n/2 log 2 pi - 1/2 log det(-H); the priors'
    # normalising constants (theta N(0, I), style, reading level, spread) cancel the 2 pi
    _, logdet = np.linalg.slogdet(_definite(-h))
    log_ml = val - math.log(sds) - 0.5 * logdet
    rnd = sum(math.log(3 if r.kind == "could_be_me" else 5) for r in sub.ratings)
    rnd += sum(math.log(len(c.options) if c.options else len(c.offered)) for c in sub.choices)
    rnd += len(sub.pairs) * math.log(2)
    return float(log_ml + rnd)


def skim_share(ev: Evidence) -> float | None:
    """Share of the occupation cards seen that were on screen under SKIM_SECONDS each (the
    glances the hygiene dropped count as such); None with fewer than SKIM_MIN_CARDS."""
    glances = ev.discarded.get("glance", 0)
    cards = glances + len(ev.readings)
    if cards < SKIM_MIN_CARDS:
        return None
    return (glances + sum(1 for r in ev.readings if r.seconds < SKIM_SECONDS)) / cards


def mash_share(ev: Evidence) -> float | None:
    """Share of the pupil's answers, choices and replays dropped as key-mash (None: none)."""
    mashed = ev.discarded.get("key_mash", 0)
    kept = len(ev.ratings) + len(ev.choices) + len(ev.pairs) + len(ev.persistence)
    return mashed / (mashed + kept) if mashed else None


def between_types_f(ev: Evidence) -> float | None:
    """One-way F of the 1-5 ratings by type (between-type / within-type mean squares)."""
    by: dict[str, list[int]] = {}
    for r in ev.ratings:
        if r.kind != "could_be_me":
            by.setdefault(r.letter, []).append(r.value)
    values = np.array([v for vs in by.values() for v in vs], dtype=float)
    if len(by) < 3 or len(values) <= len(by):
        return None
    grand = values.mean()
    between = sum(len(vs) * (np.mean(vs) - grand) ** 2 for vs in by.values()) / (len(by) - 1)
    within = sum(float(((np.array(vs) - np.mean(vs)) ** 2).sum()) for vs in by.values())
    within /= len(values) - len(by)
    return float(between / within) if within > 0 else None


def assess(
    ev: Evidence,
    theta: np.ndarray,
    style: float,
    model: ResponseModel = MODEL,
    spread: float = 0.0,
) -> Readability:
    """Readability of a profile fitted to ``ev`` (see module docstring)."""
    five = [r for r in ev.ratings if r.kind != "could_be_me"]
    share = 0.0
    if five:
        share = Counter(r.value for r in five).most_common(1)[0][1] / len(five)
    types = {r.letter for r in five}
    lz = person_fit(ev, theta, style, model, spread)
    skim, mash = skim_share(ev), mash_share(ev)
    if len(five) >= MIN_RATINGS and len(types) >= 3 and share >= SAME_SHARE:
        return Readability(
            False,
            "same_answers",
            share,
            lz,
            len(ev.ratings),
            rule="same_answers",
            skim=skim,
            mash=mash,
        )
    f = between_types_f(ev)
    bf = random_bayes_factor(ev, model)
    rule = None
    if lz is not None and (lz < LZ_CUT or (lz < LZ_SOFT and f is not None and f < F_CUT)):
        rule = "person_fit"
    elif bf is not None and bf < BF_CUT:
        rule = "bayes_factor"
    elif skim is not None and skim >= SKIM_SHARE and bf is not None and bf < BF_SKIM:
        # skimming only tips answers that already lean to random: with too few answers for a
        # Bayes factor it says nothing (a pupil two challenges in is not a random clicker)
        rule = "skimmed"
    elif mash is not None and mash >= MASH_SHARE and ev.discarded.get("key_mash", 0) >= MASH_MIN:
        rule = "key_mash"
    if rule is not None:
        return Readability(
            False, "random_answers", share, lz, len(ev.ratings), bf, rule, skim=skim, mash=mash
        )
    return Readability(True, None, share, lz, len(ev.ratings), bf, skim=skim, mash=mash)
