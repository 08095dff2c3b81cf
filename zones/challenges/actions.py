"""What a player does and how a play went: the two records a mechanic's rules and its
view share (no pygame here, so rules modules and their tests can import them)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class MechanicResult:
    """How a play went. ``score`` is 0–1; performance is skill evidence, never interest."""

    success: bool
    score: float
    accuracy: float
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Action:
    """One thing the player can do now, exactly as the UI would trigger it."""

    kind: str
    target: str = ""
    value: str = ""
