"""Stars for a result: the same rule on the level card, the result card and the town's
plaques. Pure; called whenever a result is shown."""

from __future__ import annotations


def stars_for(score: float, success: bool) -> int:
    """0-3 stars for a result (score 0-1)."""
    return 1 + int(score >= 0.5) + int(score >= 0.8) if success else int(score >= 0.3)
