"""Rules shared by the Persuaders' games (stall, pitch, deal): per-difficulty params,
decisions judged good or bad, and the param checks. No pygame: see ``rules_core.py``."""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.rules_core import Rules


class EnterpriseRules(Rules):
    """Counts decisions (``choices``, ``good_choices``) and bad ones later put right."""

    def __init__(self, params: Any, difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        self.choices = 0
        self.good_choices = 0
        self._slipped = False
        #: the index of this difficulty in the params' lists of three
        self.level = self.difficulty - 1

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
