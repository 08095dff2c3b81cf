"""Adaptivity: which challenge to suggest next, and how hard to make it.

Next challenge (interest measurement)
-------------------------------------
Playing a challenge of type ``l`` yields, by the game's conventions, an expectation
rating, an enjoyment rating, a "could this be you" answer, an extra-round decision, a
replay decision and about two occupation readings -- all evidence about ``theta[l]``.
Their expected Fisher information ``I_l`` at the current score is computed from the
response model (``telemetry.profile.engine.MODEL``). Adding information ``I_l`` on ``theta[l]`` to
the Laplace posterior (covariance S) lowers every type's variance by
``S[k,l]^2 * I_l / (1 + I_l * S[l,l])``. The suggestion maximises the weighted sum of
those reductions, with weight ``1 + 4 p_k (1 - p_k) + 4 f_k (1 - f_k)`` where ``p_k`` is
the probability that type ``k`` is in the top three and ``f_k`` that it is the highest:
types whose place in the Holland code is a close call count up to three times as much as
settled ones.

Reason keys (player-facing text is looked up by key; :data:`REASONS` has English):
``unexplored`` (no evidence yet about that type), ``close_call`` (its place in the top
three is uncertain), ``confirm_top`` (probably a top interest; one more look to be sure),
``widen`` (the widest remaining interval elsewhere).

Next activity item (mentors' questions)
---------------------------------------
:func:`suggest_item` picks, among the items a mentor may still ask (id -> type), the one
whose answer most reduces the same weighted uncertainty, with the expected Fisher
information of one graded-response item answer at the current score. A player who has only
tried the types they like is asked about the others; a close call between two types is
asked about one of them.

Difficulty (performance)
------------------------
:func:`next_difficulty` is a one-up/one-down staircase on the most recent result:
score >= 0.8 -> one level harder, score < 0.5 -> one level easier, otherwise the same;
levels 1..3, a new player starts at 1. Difficulty never enters the interest profile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from telemetry.profile.engine import MODEL, Profile, ResponseModel, logistic
from telemetry.profile.evidence import RIASEC, extract_evidence

__all__ = [
    "Suggestion",
    "REASONS",
    "suggest_next_challenge",
    "expected_information",
    "suggest_item",
    "next_difficulty",
    "difficulty_history",
]

REASONS = {
    "unexplored": "You haven't tried this kind of work yet. Give it a go!",
    "close_call": "This one could be in your top three. Let's find out.",
    "confirm_top": "This looks like one of your favourites. One more to be sure?",
    "widen": "We know the least about this kind of work so far.",
}
_IDX = {k: i for i, k in enumerate(RIASEC)}
TIE = 0.02


@dataclass(frozen=True)
class Suggestion:
    challenge_id: str
    letter: str
    reason: str  # key of REASONS
    gain: float  # weighted expected variance reduction


def _ordinal_info(u: float, a: float, b: Sequence[float]) -> float:
    f = np.concatenate([[1.0], logistic(a * (u - np.asarray(b))), [0.0]])
    df = a * f * (1 - f)
    p = np.maximum(f[:-1] - f[1:], 1e-12)
    dp = df[:-1] - df[1:]
    return float(np.sum(dp * dp / p))


def expected_information(
    theta: float, model: ResponseModel = MODEL, *, style: float = 0.0, readings: int = 2
) -> float:
    """Expected Fisher information about theta from playing one challenge of that type."""
    u = theta + style
    info = sum(_ordinal_info(u, *model.ordinal(k)) for k in ("expect", "enjoy", "could_be_me"))
    for kind in ("extra_round", "replay"):
        a, b = model.binary(kind)
        p = float(logistic(a * (theta - b)))
        info += a * a * p * (1 - p)
    info += readings * model.read_gamma**2 / model.read_sigma**2
    return info


def _weights(p_top3: np.ndarray, p_first: np.ndarray) -> np.ndarray:
    """1 + 4p(1-p) for the top-three boundary, plus the same for the first letter."""
    return 1.0 + 4.0 * p_top3 * (1.0 - p_top3) + 4.0 * p_first * (1.0 - p_first)


def _gain(cov: np.ndarray, weights: np.ndarray, j: int, info: float) -> float:
    red = cov[:, j] ** 2 * info / (1.0 + info * cov[j, j])
    return float(weights @ red)


def suggest_next_challenge(
    profile: Profile,
    challenges: Iterable[Mapping[str, Any]],
    done: Iterable[str] = (),
    *,
    model: ResponseModel = MODEL,
) -> Suggestion | None:
    """The not-yet-done challenge whose evidence most reduces the profile's uncertainty.

    ``challenges``: dicts with ``id`` and ``riasec``. Ties go to the earlier challenge.
    Gains within 2% of the best are ties. Returns None when every challenge is done.
    """
    done_set = set(done)
    cov = profile.cov
    weights = _weights(
        np.array([profile.scores[k].top3_probability for k in RIASEC]),
        np.array([profile.scores[k].first_probability for k in RIASEC]),
    )
    gains: dict[str, float] = {}
    candidates: list[tuple[str, str]] = []
    for ch in challenges:
        cid, letter = str(ch["id"]), str(ch.get("riasec", "")).upper()
        if cid in done_set or letter not in _IDX:
            continue
        candidates.append((cid, letter))
        if letter not in gains:
            j = _IDX[letter]
            info = expected_information(float(profile.mean[j]), model, style=profile.response_style)
            gains[letter] = _gain(cov, weights, j, info)
    if not candidates:
        return None
    top = max(gains.values())
    # gains within 2% of the best count as tied (Monte Carlo noise): first listed wins
    cid, letter = next((c, k) for c, k in candidates if gains[k] >= top * (1 - TIE) - 1e-12)
    best = Suggestion(cid, letter, "", gains[letter])
    s = profile.scores[best.letter]
    if not s.evidence:
        reason = "unexplored"
    elif 0.2 <= s.top3_probability <= 0.8:
        reason = "close_call"
    elif s.top3_probability > 0.8:
        reason = "confirm_top"
    else:
        reason = "widen"
    return Suggestion(best.challenge_id, best.letter, reason, best.gain)


def suggest_item(
    profile: Profile, candidates: Mapping[str, str], *, model: ResponseModel = MODEL
) -> str | None:
    """The item (``candidates``: item id -> RIASEC letter, in the mentor's order) whose
    answer most reduces the profile's weighted uncertainty; None if there is none.

    Called when a mentor is about to ask an activity question. Gains within 2% of the
    best are ties: the first listed wins (so a mentor's own items come first among equals).
    """
    known = [
        (item_id, str(letter).upper())
        for item_id, letter in candidates.items()
        if str(letter).upper() in _IDX
    ]
    if not known:
        return None
    weights = _weights(
        np.array([profile.scores[k].top3_probability for k in RIASEC]),
        np.array([profile.scores[k].first_probability for k in RIASEC]),
    )
    a, b = model.ordinal("item")
    gains = {}
    for _, letter in known:
        if letter not in gains:
            j = _IDX[letter]
            info = _ordinal_info(float(profile.mean[j]) + profile.response_style, a, b)
            gains[letter] = _gain(profile.cov, weights, j, info)
    top = max(gains.values())
    return next(i for i, k in known if gains[k] >= top * (1 - TIE) - 1e-12)


def next_difficulty(
    history: Iterable[Any],
    *,
    start: int = 1,
    up: float = 0.8,
    down: float = 0.5,
    lowest: int = 1,
    highest: int = 3,
) -> int:
    """Staircase difficulty 1..3 from the most recent (difficulty, score) result.

    ``history`` items are ``(difficulty, score)`` pairs or mappings with those keys,
    oldest first. Empty history -> ``start``.
    """
    last = None
    for h in history:
        last = h
    if last is None:
        return start
    if isinstance(last, Mapping):
        d, score = last.get("difficulty"), last.get("score")
    else:
        d, score = last
    d = int(d) if d is not None else start
    d = min(max(d, lowest), highest)
    if score is None:
        return d
    if score >= up:
        return min(d + 1, highest)
    if score < down:
        return max(d - 1, lowest)
    return d


def difficulty_history(
    statements: Iterable[Mapping[str, Any]], letter: str | None = None
) -> list[tuple[int, float]]:
    """(difficulty, score) of completed challenges, oldest first, optionally of one type."""
    return [
        (p.difficulty or 1, p.score)
        for p in extract_evidence(statements).performance
        if p.score is not None and (letter is None or p.letter == letter)
    ]
