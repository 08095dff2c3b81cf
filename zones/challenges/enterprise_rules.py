"""Rules shared by the Persuaders' games (stall, pitch, deal): per-difficulty params,
decisions judged good or bad, and the param checks. No pygame: see ``rules_core.py``."""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.rules_core import Rules


class EnterpriseRules(Rules):
    """Counts decisions (``choices``, ``good_choices``) and bad ones later put right."""

    def __init__(self, params: dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        self.choices = 0
        self.good_choices = 0
        self.recovered = 0
        self._slipped = False
        self.time_limit = float(self.per_level("time_limit", 0) or 0)

    def per_level(self, key: str, default: Any = None) -> Any:
        """``params[key]`` is a list of three values, one per difficulty."""
        values = self.params.get(key)
        return (
            values[self.difficulty - 1]
            if isinstance(values, list) and len(values) == 3
            else default
        )

    def judge(self, good: bool, key: Any, **values: Any) -> None:
        """Count one decision and say something about it."""
        self.choices += 1
        self.good_choices += int(good)
        if good and self._slipped:
            self.recovered += 1
        self._slipped = not good
        self.say(key, good, **values)
        if not good:
            self.emit("mistake", step=self.choices)

    @property
    def accuracy(self) -> float:
        return self.good_choices / self.choices if self.choices else 0.0


# -- param checks ---------------------------------------------------------------------------
def check_levels(
    params: dict[str, Any], key: str, kind=int, low: float = 0, required: bool = True
) -> list[str]:
    """``params[key]`` must be three numbers ≥ ``low``, one per difficulty."""
    value = params.get(key)
    if value is None and not required:
        return []
    if not (
        isinstance(value, list)
        and len(value) == 3
        and all(isinstance(x, kind) and not isinstance(x, bool) and x >= low for x in value)
    ):
        return [f"{key}: must be three numbers ≥ {low}, one per difficulty"]
    return []


def check_items(params: dict[str, Any], key: str, minimum: int) -> list[dict[str, Any]] | None:
    """The list of objects at ``params[key]`` if it has at least ``minimum`` objects with ids."""
    items = params.get(key)
    if not isinstance(items, list) or len(items) < minimum:
        return None
    if not all(isinstance(x, dict) and isinstance(x.get("id"), str) for x in items):
        return None
    return items
