"""Career-management skills (CMS) evidence and Strengths (performance).

Competences
-----------
Every statement that evidences a competence carries ext ``competences`` (ids from
``zones/data/competences.json``). Each such statement is one piece of evidence, weighted
by its quality:

* 2.0 -- *demonstrated*: a completed activity with success = true or score >= 0.6;
* 1.5 -- *reflected*: the player answered or chose something (verb ``selected`` with a
  response), e.g. naming skills after a challenge;
* 1.0 -- *engaged*: anything else (read, visited, talked to a mentor, tried).

Level of a competence, from the number of distinct activities ``n`` and the summed
weight ``w``:

* ``none``       -- no evidence;
* ``emerging``   -- some evidence, but not yet "developing";
* ``developing`` -- n >= 2 and w >= 3;
* ``secure``     -- n >= 3, w >= 6 and demonstrated (task performance) in at least two
  distinct activities (issue 17 item 1).

Strengths
---------
:func:`strengths` summarises performance per RIASEC type (mean score and accuracy,
successes, highest difficulty passed) and per task skill. This is the only place where
score, accuracy and speed are used; they never enter the interest profile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from telemetry.profile.evidence import RIASEC, CompetenceEvent, Evidence, extract_evidence

__all__ = [
    "LEVELS",
    "CompetenceResult",
    "assess_competences",
    "evidence_weight",
    "competence_level",
    "TypeStrength",
    "strengths",
]

LEVELS = ("none", "emerging", "developing", "secure")


@dataclass(frozen=True)
class CompetenceResult:
    id: str
    theme: str
    level: str
    count: int  # evidence statements
    weight: float
    activities: tuple[str, ...]  # distinct activity short ids, first seen first
    events: tuple[CompetenceEvent, ...]


def evidence_weight(e: CompetenceEvent) -> float:
    """Quality weight of one evidence statement (see module docstring)."""
    if e.verb == "completed" and (e.success is True or (e.score is not None and e.score >= 0.6)):
        return 2.0
    if e.verb == "selected" and e.response not in (None, ""):
        return 1.5
    return 1.0


def competence_level(events: Iterable[CompetenceEvent]) -> str:
    """none / emerging / developing / secure from a competence's evidence."""
    events = list(events)
    if not events:
        return "none"
    n = len({e.activity for e in events})
    weights = [evidence_weight(e) for e in events]
    w = sum(weights)
    shown = len({e.activity for e, wt in zip(events, weights, strict=True) if wt >= 2.0})
    if n >= 3 and w >= 6 and shown >= 2:
        return "secure"
    if n >= 2 and w >= 3:
        return "developing"
    return "emerging"


def assess_competences(
    definitions: Iterable[Mapping[str, Any]],
    statements: Iterable[Mapping[str, Any]] | Evidence,
) -> list[CompetenceResult]:
    """Per defined competence ({id, theme}): evidence count, level and activities.

    Competence ids in statements that are not defined are ignored here (a content or
    version mismatch must not break a report). Order follows ``definitions``.
    """
    ev = statements if isinstance(statements, Evidence) else extract_evidence(statements)
    by_id: dict[str, list[CompetenceEvent]] = {}
    for e in ev.competences:
        by_id.setdefault(e.competence, []).append(e)
    out = []
    for d in definitions:
        cid = str(d["id"])
        events = by_id.get(cid, [])
        acts = tuple(dict.fromkeys(e.activity for e in events))
        out.append(
            CompetenceResult(
                cid,
                str(d.get("theme", "")),
                competence_level(events),
                len(events),
                sum(evidence_weight(e) for e in events),
                acts,
                tuple(events),
            )
        )
    return out


@dataclass(frozen=True)
class TypeStrength:
    letter: str
    challenges: int  # completed plays
    successes: int
    mean_score: float | None
    mean_accuracy: float | None
    best_difficulty: int | None  # highest difficulty completed with success
    skills: tuple[str, ...]


def strengths(statements: Iterable[Mapping[str, Any]] | Evidence) -> dict[str, TypeStrength]:
    """Performance per RIASEC type (Strengths), from completed challenges."""
    ev = statements if isinstance(statements, Evidence) else extract_evidence(statements)
    out = {}
    for k in RIASEC:
        perf = [p for p in ev.performance if p.letter == k]
        scores = [p.score for p in perf if p.score is not None]
        acc = [p.accuracy for p in perf if p.accuracy is not None]
        passed = [p.difficulty for p in perf if p.success and p.difficulty is not None]
        skills = tuple(dict.fromkeys(s for p in perf for s in p.skills))
        out[k] = TypeStrength(
            k,
            len(perf),
            sum(1 for p in perf if p.success),
            sum(scores) / len(scores) if scores else None,
            sum(acc) / len(acc) if acc else None,
            max(passed) if passed else None,
            skills,
        )
    return out
