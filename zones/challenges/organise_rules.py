"""Rules shared by the organise modes (sort, schedule, reconcile): per-difficulty params,
the counts and the scoring rule. No pygame: see ``rules_core.py``."""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import MechanicResult
from zones.challenges.rules_core import Rules


class OrganiseRules(Rules):
    """Counts right and wrong steps, and mistakes later put right (``recovered``)."""

    def __init__(self, params: Any, difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        self.correct = 0

    @property
    def done(self) -> bool:
        return self.finished and not self.timed_out

    def result(self) -> MechanicResult:
        tries = self.correct + self.mistakes
        accuracy = self.correct / tries if tries else 0.0
        done = 0.8 * accuracy + 0.2 * self.time_score()
        return self.scored(self.done, accuracy, done, self.details())

    def details(self) -> dict[str, Any]:
        return {}
