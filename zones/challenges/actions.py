"""What a player does and how a play went: the pygame-free half of the mechanic contract.

Rules modules (``*_rules.py``) import these without pygame; :mod:`zones.challenges.base`
re-exports them for the views. Touches nothing.
"""

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


def check_langmap(value: Any, field_name: str, languages: tuple[str, ...]) -> list[str]:
    """Problems with a language map inside mechanic params."""
    if not isinstance(value, dict):
        return [f"{field_name}: must be a language map"]
    return [f"{field_name}: language '{lang}' missing" for lang in languages
            if not isinstance(value.get(lang), str) or not value.get(lang)]
