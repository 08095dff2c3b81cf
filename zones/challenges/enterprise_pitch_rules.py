"""Rules of Pitch Your App (``"mode": "pitch"``): pick an idea, win the investors over
one by one with the arguments each cares about (read from what they say and how they
react: nothing on the cards names the answer), then ask for the right amount. No pygame.
Params: see ``enterprise_pitch.py``.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.enterprise_params import Argument, Idea, Interest, Investor, PitchParams
from zones.challenges.enterprise_rules import EnterpriseRules
from zones.challenges.rules_core import Remark


class PitchRules(EnterpriseRules):
    params_type = PitchParams
    params: PitchParams

    def __init__(self, params: PitchParams | dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        p, level = self.params, self.level
        pool = list(p.investors)
        rng.shuffle(pool)
        self.investors: list[Investor] = pool[: p.investors_count[level]]
        n_wants = p.wants[level]
        self.wants = [list(inv.wants[:n_wants]) for inv in self.investors]
        self.hits: list[set[str]] = [set() for _ in self.investors]
        self.tries_left = [p.tries[level] for _ in self.investors]
        self.status = ["wait"] * len(self.investors)  # wait, yes, no
        self.interests: dict[str, Interest] = {x.id: x for x in p.interests}
        self.arguments: list[Argument] = list(p.arguments)
        rng.shuffle(self.arguments)
        self.phase = "idea"
        self.idea: Idea | None = None
        self.current = 0
        self.asked = 0
        self.raised = 0
        #: the investor the last argument went to (the view animates their card)
        self.last_investor: int | None = None

    @property
    def pledged(self) -> int:
        return sum(
            inv.pledge for inv, st in zip(self.investors, self.status, strict=True) if st == "yes"
        )

    @property
    def progress(self) -> float:
        steps = len(self.investors) + 2
        done = (self.phase != "idea") + self.current + (self.phase == "done")
        return min(1.0, done / steps)

    # -- actions -----------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        if self.phase == "idea":
            return [Action("idea", x.id) for x in self.params.ideas[:4]]
        if self.phase == "pitch":
            return [Action("argue", a.id) for a in self.arguments]
        return [Action("ask", str(a)) for a in self.params.asks[:8]]

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        if action.kind == "idea":
            self.idea = next(x for x in self.params.ideas if x.id == action.target)
            self.emit("choice", step="idea", response=action.target)
            self.phase = "pitch"
            self.said = None
            self.emit("progress", progress=self.progress)
        elif action.kind == "argue":
            self._argue(action.target)
        elif action.kind == "ask":
            self._ask(int(action.target))

    def _argue(self, arg_id: str) -> None:
        i = self.current
        inv = self.investors[i]
        arg = next(a for a in self.arguments if a.id == arg_id)
        self.emit("choice", step=f"investor_{inv.id}", response=arg_id)
        self.tries_left[i] -= 1
        self.last_investor = i
        missing = [w for w in self.wants[i] if w not in self.hits[i]]
        if arg.interest in missing:
            self.hits[i].add(arg.interest)
            done = len(self.hits[i]) == len(self.wants[i])
            if done:
                self.judge(True, inv.yes)
            else:
                self.judge(True, "enterprise.pitch.more", name=inv.name)
        else:
            self.judge(False, inv.no)
        if len(self.hits[i]) == len(self.wants[i]):
            self.status[i] = "yes"
        elif self.tries_left[i] <= 0:
            self.status[i] = "no"
        if self.status[i] != "wait":
            self.current += 1
            self.emit("progress", progress=self.progress)
            if self.current >= len(self.investors):
                self.phase = "ask"

    def _best_ask(self) -> int:
        fitting = [a for a in self.params.asks[:8] if a <= self.pledged]
        return max(fitting) if fitting else 0

    def _ask(self, amount: int) -> None:
        self.asked = amount
        self.emit("choice", step="ask", response=str(amount))
        best = self._best_ask()
        if amount > self.pledged:
            self.judge(False, "enterprise.pitch.too_much")
        elif amount < best:
            self.raised = amount
            self.judge(False, "enterprise.pitch.too_little", n=best)
        else:
            self.raised = amount
            self.judge(True, "enterprise.pitch.deal", n=amount)
        self.phase = "done"
        self.finished = True
        self.emit("progress", progress=1.0)

    def bot_action(self, rng, skill: float) -> Action | None:
        options = self.actions()
        if not options:
            return None
        if self.phase == "idea":
            return rng.choice(options)
        if self.phase == "pitch":
            i = self.current
            missing = [w for w in self.wants[i] if w not in self.hits[i]]
            good = [Action("argue", a.id) for a in self.arguments if a.interest in missing]
            bad = [o for o in options if o not in good]
            return rng.choice(good if rng.random() < skill or not bad else bad)
        best = Action("ask", str(self._best_ask()))
        others = [o for o in options if o != best]
        return best if best in options and rng.random() < skill else rng.choice(others)

    def result(self) -> MechanicResult:
        success = self.raised > 0
        share = self.raised / self.pledged if self.pledged else 0.0
        score = (
            0.6 * self.accuracy + 0.4 * share if success else 0.4 * self.accuracy * self.progress
        )
        return MechanicResult(
            success,
            round(score, 3),
            round(self.accuracy, 3),
            {
                "raised": self.raised,
                "pledged": self.pledged,
                "asked": self.asked,
                "convinced": self.status.count("yes"),
                "recovered": self.recovered,
            },
        )

    def describe(self) -> list[tuple[Any, dict[str, Any]]]:
        lines: list[tuple[Any, dict[str, Any]]] = []
        for inv, st in zip(self.investors, self.status, strict=True):
            key = {"yes": "enterprise.pitch.status_yes", "no": "enterprise.pitch.status_no"}.get(
                st, "enterprise.pitch.status_waiting"
            )
            lines.append(
                (
                    "enterprise.pitch.say_investor",
                    {"name": inv.name, "status": Remark(key, True)},
                )
            )
        if self.phase == "pitch":
            lines.append(
                ("enterprise.pitch.choose_argument", {"name": self.investors[self.current].name})
            )
        return lines
