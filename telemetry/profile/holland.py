"""Holland's hexagon: three-letter codes, consistency and Iachan congruence.

Pure functions on RIASEC letters and scores; used by the profile engine and the reports.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from telemetry.profile.evidence import RIASEC

_IDX = {k: i for i, k in enumerate(RIASEC)}


@dataclass(frozen=True)
class Consistency:
    pair: str
    distance: int  # 1 adjacent, 2 alternate, 3 opposite (0 = fewer than two letters)
    level: str  # high / medium / low
    meaning: str


def holland_code(scores: Sequence[float] | np.ndarray, n: int = 3) -> str:
    """Letters of the ``n`` highest scores, ties broken in RIASEC order."""
    order = np.argsort(-np.asarray(scores, dtype=float), kind="stable")
    return "".join(RIASEC[i] for i in order[:n])


def hexagon_distance(a: str, b: str) -> int:
    """Steps between two types around Holland's hexagon R-I-A-S-E-C: 0..3."""
    d = abs(_IDX[a.upper()] - _IDX[b.upper()])
    return min(d, 6 - d)


_CONSISTENCY = {
    1: (
        "high",
        "Your top two interests sit next to each other on Holland's hexagon. "
        "They have a lot in common, and many jobs combine them.",
    ),
    2: (
        "medium",
        "Your top two interests are one step apart on Holland's hexagon. "
        "They share some things; plenty of jobs use both.",
    ),
    3: (
        "low",
        "Your top two interests are opposite each other on Holland's hexagon. "
        "Fewer jobs mix them, so it can help to look for roles, hobbies or "
        "projects that use both. That is not a problem, just a pattern to explore.",
    ),
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


def congruence_label(m: int) -> str:
    return "close" if m >= 20 else "partial" if m >= 10 else "different"
