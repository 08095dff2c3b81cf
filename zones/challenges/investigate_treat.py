"""The treatment step after a diagnosis (issue 16 item 3): pure, no pygame.

When a case's params list ``treatments`` (the vet's Poorly Pup), concluding with the right
idea does not end the case: the pupil now chooses and gives the treatment that fits the
diagnosis, from one treatment per idea in play (shuffled, so its place says nothing).
The right one ends the case with the patient recovering; a wrong one shows him no better
and costs score; after ``treat_tries`` wrong ones the senior vet steps in (the case ends,
the patient recovers, the pupil did not treat him). Nothing here names the answer
before the diagnosis: the treatments only appear once it is made.

Data (``params``; each treatment fits exactly one hypothesis, every hypothesis has one)::

    "treatments": [{"id": "operate", "fits": "sock", "label": {...}}, ...],
    "treat_tries": 2

Used by ``investigate_rules.CaseRules`` (state and actions); the data is typed and checked
by ``investigate_params`` (``Treatment``, ``InvestigateParams.treatments``).
"""

from __future__ import annotations

import random

from zones.challenges.actions import Action
from zones.challenges.investigate_params import TREAT_TRIES, InvestigateParams, Treatment

__all__ = ["TREAT_TRIES", "WRONG_COST", "TreatStep"]

#: score lost for each wrong treatment
WRONG_COST = 0.12


class TreatStep:
    """The treatment phase of one case: the options shown, what was tried, the outcome."""

    def __init__(self, params: InvestigateParams, hyp_ids: list[str], rng: random.Random):
        shown = [t for t in params.treatments or () if t.fits in hyp_ids]
        rng.shuffle(shown)
        self.options = shown
        self.tries = int(params.treat_tries)
        self.tried: list[str] = []
        self.wrong = 0
        self.open = False  # the diagnosis is made: treat now
        self.treated = False  # the pupil's treatment worked
        self.done = False

    def option(self, tid: str) -> Treatment:
        return next(t for t in self.options if t.id == tid)

    def actions(self) -> list[Action]:
        if not self.open or self.done:
            return []
        return [Action("treat", t.id) for t in self.options if t.id not in self.tried]

    def give(self, tid: str, answer: str) -> str:
        """Give treatment ``tid`` for a patient whose trouble is ``answer``: "treated",
        "no_better" or "senior" (the last wrong one: the senior vet takes over)."""
        self.tried.append(tid)
        if self.option(tid).fits == answer:
            self.treated = self.done = True
            return "treated"
        self.wrong += 1
        if self.wrong >= self.tries:
            self.done = True
            return "senior"
        return "no_better"

    def right_one(self, answer: str) -> str:
        return next(t.id for t in self.options if t.fits == answer)

    def pick(self, rng: random.Random, skill: float, answer: str) -> Action | None:
        """A simulated player's treatment: the fitting one, or (careless) any untried one."""
        options = self.actions()
        if not options:
            return None
        if rng.random() < skill:
            return Action("treat", self.right_one(answer))
        return rng.choice(options)

    def penalty(self) -> float:
        return WRONG_COST * self.wrong
