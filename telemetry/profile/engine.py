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
Parameters: ``theta`` (6 interest levels R..C), ``c`` (the player's rating response style,
acquiescence: a tendency to answer every rating high or low, prior N(0, 1)), ``e`` (extreme
responding: the log of how much the player squeezes every scale's thresholds towards their
middle, so the ends of the scale are used more (> 0) or less (< 0), prior N(0, 0.5^2); Jin &
Wang's 2014 threshold-spread model) and ``m`` (the player's usual log reading time, prior
N(log 25 s, 0.6^2)). ``c``, ``e`` and ``m`` are nuisance parameters: they keep "answers
everything with 5", "answers only 1 or 5" and "reads slowly" from inflating the six types.

Likelihoods (constants in :data:`MODEL`, shared with ``game.sim.synthetic``):

* free choice among contrasting options (``selected menu``, ext ``options``):
  multinomial logit, P(option i) = exp(beta*theta[l_i] + appeal_i) / sum_j exp(beta*theta[l_j]
  + appeal_j); ``appeal`` (0 unless calibrated) is what draws pupils to an option whatever
  their interests.
* forced-choice pairs across types ("Which would you rather do?", ``pair/<a>/<b>``):
  Bradley-Terry, P(a over b) = logistic(pair_beta*(theta[l_a] - theta[l_b])); the response
  style ``c`` is not in it, so an acquiescent pupil's pairs still give the order.
* ordinal answers -- expect / enjoy ratings 1..5, could_be_me no/maybe/yes, mentor IIP
  items 1..5 -- graded-response (cumulative logit):
  P(Y >= k) = logistic(a*(theta[l] + c - mid - exp(-e)*(b_k - mid))), mid the mean b_k;
  an IIP item calibrated on research classes has its own a and b_k.
* voluntary persistence, each a yes/no opportunity: logistic(a*(theta[l] - b)):
  replaying a completed challenge (taken if replayed), accepting an optional extra round
  (taken) vs skipping it.
* time reading about an occupation whose first Holland letter is l:
  log(seconds) ~ Normal(m + gamma*theta[l], sigma^2).

Performance (score, accuracy, speed, success) is not in the model: it goes to Strengths
(``telemetry.profile.cms``). Saving an occupation is not interest evidence either; it is used only
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
from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

import numpy as np

from telemetry.profile.evidence import RIASEC, Evidence, extract_evidence
from telemetry.profile.holland import (
    Consistency,
    congruence_label,
    consistency,
    hexagon_distance,
    holland_code,
    iachan_index,
)
from telemetry.profile.matching import match_occupations
from telemetry.profile.occupations import OccupationTable, load_riasec_items
from telemetry.profile.posterior import (
    MODEL,
    ResponseModel,
    logistic,
    ordinal_probabilities,
    ordinal_terms,
    posterior,
    posterior_draws,
    posterior_fit,
)
from telemetry.profile.readability import assess as assess_readability
from telemetry.profile.results import (
    Congruence,
    Differentiation,
    Driver,
    EvidenceItem,
    Match,
    Profile,
    TypeScore,
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

TYPE_NAMES = {
    "R": "Realistic",
    "I": "Investigative",
    "A": "Artistic",
    "S": "Social",
    "E": "Enterprising",
    "C": "Conventional",
}
_IDX = {k: i for i, k in enumerate(RIASEC)}


# ----------------------------------------------------------------------------- evidence text


@lru_cache(maxsize=1)
def _items() -> dict[str, dict[str, str]]:
    try:
        return load_riasec_items()
    except (OSError, ValueError):
        return {}


def _evidence_items(
    ev: Evidence, model: ResponseModel, titles: Mapping[str, str]
) -> dict[str, list[EvidenceItem]]:
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
    for pr in ev.pairs:
        # item texts: the chosen activity (source) and the one passed over (value)
        chosen = items.get(pr.chosen, {}).get("text", pr.chosen)
        pull = model.pair_beta / 2
        out[pr.preferred].append(
            EvidenceItem(
                "pair_preferred",
                pr.preferred,
                pull,
                f"Would rather '{chosen}' than an activity of {TYPE_NAMES[pr.other]}",
                pr.chosen,
                pr.other,
                pr.statement_id,
            )
        )
        out[pr.other].append(
            EvidenceItem(
                "pair_passed",
                pr.other,
                -pull,
                f"Would rather '{chosen}' ({TYPE_NAMES[pr.preferred]}) than this type's activity",
                pr.chosen,
                pr.preferred,
                pr.statement_id,
            )
        )
    if ev.ratings:
        ab = [model.ordinal(r.kind) for r in ev.ratings]
        _, pulls, _ = ordinal_terms(
            np.zeros(len(ab)),
            np.array([a for a, _ in ab]),
            np.array([list(b) + [np.inf] * (4 - len(b)) for _, b in ab]),
            np.array([r.value - 1 for r in ev.ratings]),
        )
    for r, pull in zip(ev.ratings, pulls if ev.ratings else [], strict=True):
        if r.kind == "item":
            what = items.get(r.source, {}).get("text", r.source)
            text = f"Would like to '{what}': {r.value}/5"
        elif r.kind == "could_be_me":
            text = f"Could this be you? ({r.source}): {['no', 'maybe', 'yes'][r.value - 1]}"
        elif r.kind == "expect":
            text = f"Expected to enjoy {r.source}: {r.value}/5"
        else:
            text = f"Enjoyed {r.source}: {r.value}/5"
        out[r.letter].append(
            EvidenceItem(r.kind, r.letter, float(pull), text, r.source, r.value, r.statement_id)
        )
    for p in ev.persistence:
        a, b = model.binary(p.kind)
        pull = float(a * ((1.0 if p.taken else 0.0) - logistic(-a * b)))
        if p.kind == "replay":
            text = f"{'Replayed' if p.taken else 'Did not replay'} {p.source}"
        elif p.kind == "watch":
            what = titles.get(p.source, p.source)
            text = f"{'Stopped to watch' if p.taken else 'Walked on past'} a {what}"
        else:
            text = f"{'Took' if p.taken else 'Skipped'} the extra round in {p.source}"
        out[p.letter].append(
            EvidenceItem(p.kind, p.letter, pull, text, p.source, p.taken, p.statement_id)
        )
    for rd in ev.readings:
        pull = model.read_gamma * (math.log(rd.seconds) - model.read_mu) / model.read_sigma**2
        text = f"Read about {titles.get(rd.soc, rd.soc)} for {rd.seconds:.0f} s"
        out[rd.letter].append(
            EvidenceItem(
                "reading", rd.letter, float(pull), text, rd.soc, rd.seconds, rd.statement_id
            )
        )
    return out


# ----------------------------------------------------------------------------- estimation


def _diff_label(rng_: float) -> tuple[str, str]:
    if rng_ < 1.0:
        return "flat", (
            "Your interests look fairly even so far: no type stands out "
            "clearly. Trying more districts will sharpen the picture."
        )
    if rng_ < 2.0:
        return "moderate", "Some interests stand out from the others."
    return "clear", "A few interests stand out clearly from the rest."


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
    fit = posterior_fit(ev, model=model, prior_cov=prior_cov)
    mean, cov, style = fit.mean, fit.cov, fit.style
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
        k: TypeScore(
            k,
            TYPE_NAMES[k],
            float(mean[i]),
            float(sd[i]),
            float(mean[i] - z * sd[i]),
            float(mean[i] + z * sd[i]),
            float(top3[i]),
            float(first[i]),
            tuple(items[k]),
        )
        for i, k in enumerate(RIASEC)
    }
    srt = np.sort(mean)[::-1]
    rng_ = float(srt[0] - srt[-1])
    label, meaning = _diff_label(rng_)
    diff = Differentiation(rng_, float(srt[0] - (srt[1] + srt[3]) / 2), label, meaning)

    profile = Profile(
        scores=scores,
        mean=mean,
        cov=cov,
        interval=interval,
        code=code,
        code_probability=code_p,
        first_letter_probability=first_p,
        code_set_probability=set_p,
        differentiation=diff,
        consistency=consistency(code),
        response_style=style,
        response_spread=fit.spread,
        n_evidence=ev.n_interest,
        n_statements=ev.n_statements,
        draws=draws,
        readability=assess_readability(ev, mean, style, model, fit.spread),
        params_version=model.params_version,
    )
    if occupations is not None:
        for soc in ev.saved:
            i = occupations.index(soc)
            if i is None:
                profile.unknown_saved.append(soc)
                continue
            m = iachan_index(code, occupations.holland_code[i])
            profile.congruence.append(
                Congruence(
                    soc, occupations.title[i], occupations.holland_code[i], m, congruence_label(m)
                )
            )
        profile.matches = match_occupations(profile, occupations, job_zones=job_zones, n=n_matches)
    return profile


def estimate_profile(
    statements: Iterable[Mapping[str, Any]],
    occupations: OccupationTable | None = None,
    **kwargs: Any,
) -> Profile:
    """Estimate a player's interest :class:`Profile` from their xAPI statements.

    ``occupations`` (from :func:`telemetry.profile.occupations.load_occupations`) enables
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
