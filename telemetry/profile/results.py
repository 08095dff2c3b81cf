"""The profile engine's results: a :class:`Profile` of six :class:`TypeScore` s with their
:class:`EvidenceItem` s, and its occupation :class:`Match` es with their :class:`Driver` s.

Plain frozen dataclasses, built by :mod:`telemetry.profile.engine` and
:mod:`telemetry.profile.matching`, read by reports. Imports nothing of the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from telemetry.profile.holland import Consistency
from telemetry.profile.readability import Readability

__all__ = [
    "Congruence",
    "Differentiation",
    "Driver",
    "EvidenceItem",
    "Match",
    "Profile",
    "TypeScore",
]


@dataclass(frozen=True)
class EvidenceItem:
    """One piece of evidence about one type, for "why" in reports.

    ``pull`` is the slope of this evidence's log-likelihood for the type at the prior
    (theta = 0): positive = points to more interest, negative = less. ``kind`` is choice /
    not_chosen / pair_preferred / pair_passed / expect / enjoy / could_be_me / item / replay /
    extra_round / reading.
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
class Congruence:
    soc_code: str
    title: str
    occupation_code: str
    m_index: int
    label: str  # close / partial / different


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
    #: extreme responding: log threshold squeeze (> 0 the ends of the scales used more)
    response_spread: float = 0.0
    n_evidence: int = 0
    n_statements: int = 0
    scale: str = "theta: latent z-like scale, 0 = typical player, 1 = one population SD"
    draws: np.ndarray | None = field(default=None, repr=False)
    readability: Readability | None = None  # None: not assessed (issue 17 item 2)
    params_version: str = "built-in-1"  # the scorer parameters used (telemetry.profile.params)

    @property
    def interpretable(self) -> bool:
        """False when the answers look the same for everything or random (see readability)."""
        return self.readability is None or self.readability.interpretable

    @property
    def sd(self) -> np.ndarray:
        return np.sqrt(np.diag(self.cov))

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary (no numpy types)."""

        def ev(e: EvidenceItem) -> dict[str, Any]:
            return {
                "kind": e.kind,
                "letter": e.letter,
                "pull": round(e.pull, 3),
                "text": e.text,
                "source": e.source,
            }

        return {
            "scale": self.scale,
            "interval": self.interval,
            "scores": {
                k: {
                    "name": s.name,
                    "score": round(s.score, 3),
                    "sd": round(s.sd, 3),
                    "low": round(s.low, 3),
                    "high": round(s.high, 3),
                    "top3_probability": round(s.top3_probability, 3),
                    "first_probability": round(s.first_probability, 3),
                    "evidence": [ev(e) for e in s.evidence],
                }
                for k, s in self.scores.items()
            },
            "code": self.code,
            "code_probability": round(self.code_probability, 3),
            "first_letter_probability": round(self.first_letter_probability, 3),
            "code_set_probability": round(self.code_set_probability, 3),
            "differentiation": self.differentiation.__dict__,
            "consistency": self.consistency.__dict__,
            "congruence": [c.__dict__ for c in self.congruence],
            "matches": [
                {
                    "soc_code": m.soc_code,
                    "title": m.title,
                    "job_zone": m.job_zone,
                    "holland_code": m.holland_code,
                    "r": round(m.r, 3),
                    "r_low": round(m.r_low, 3),
                    "r_high": round(m.r_high, 3),
                    "zone_rank": m.zone_rank,
                    "drivers": [
                        {
                            "letter": d.letter,
                            "contribution": round(d.contribution, 3),
                            "evidence": [ev(e) for e in d.evidence],
                        }
                        for d in m.drivers
                    ],
                }
                for m in self.matches
            ],
            "response_style": round(self.response_style, 3),
            "params_version": self.params_version,
            "n_evidence": self.n_evidence,
            "n_statements": self.n_statements,
            "interpretable": self.interpretable,
            "readability": None if self.readability is None else self.readability.as_dict(),
        }


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
    zone_rank: int = 0  # rank inside its Job Zone (1 = best); 0 when ranked overall
    women_percent: float | None = None  # share of women in its US workforce, if known
    #: listed beyond the zone's best N: the best-fitting occupation mostly done by one sex,
    #: its r inside the interval of the zone's best match (issue 18 item 5)
    balance: bool = False
