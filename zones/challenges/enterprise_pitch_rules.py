"""Rules of Pitch Your App (``"mode": "pitch"``): pick an idea, win the investors over
one by one with the arguments each cares about (read from what they say and how they
react: nothing on the cards names the answer), then ask for the right amount. No pygame.
Params: see ``enterprise_pitch.py``.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.enterprise_rules import EnterpriseRules, check_items, check_levels
from zones.challenges.rules_core import Remark, check_langmap
from zones.content import SHAPES


class PitchRules(EnterpriseRules):
    @classmethod
    def validate_mode(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        for key, low in (("time_limit", 0), ("investors_count", 1), ("wants", 1), ("tries", 1)):
            problems += check_levels(params, key, int, low)
        asks = params.get("asks")
        if not (
            isinstance(asks, list)
            and len(asks) >= 3
            and all(isinstance(a, int) and a > 0 for a in asks)
            and asks == sorted(set(asks))
        ):
            problems.append("asks: needs at least 3 rising whole amounts")
        ideas = check_items(params, "ideas", 2)
        if ideas is None:
            problems.append("ideas: needs at least 2 ideas, each with an id")
        for i, idea in enumerate(ideas or []):
            problems += check_langmap(idea.get("label"), f"ideas[{i}].label", languages)
            if idea.get("shape") not in SHAPES:
                problems.append(f"ideas[{i}].shape: must be one of {SHAPES}")
        interests = check_items(params, "interests", 3)
        if interests is None:
            return problems + ["interests: needs at least 3 interests, each with an id"]
        ids = {x["id"] for x in interests}
        for i, x in enumerate(interests):
            problems += check_langmap(x.get("label"), f"interests[{i}].label", languages)
            if not isinstance(x.get("icon"), str):
                problems.append(f"interests[{i}].icon: needs an icon name")
        args = check_items(params, "arguments", 3)
        if args is None:
            return problems + ["arguments: needs at least 3 arguments, each with an id"]
        for i, a in enumerate(args):
            problems += check_langmap(a.get("label"), f"arguments[{i}].label", languages)
            if a.get("interest") not in ids:
                problems.append(
                    f"arguments[{i}].interest: '{a.get('interest')}' is not an interest"
                )
        covered = {a.get("interest") for a in args}
        investors = check_items(params, "investors", 2)
        if investors is None:
            return problems + ["investors: needs at least 2 investors, each with an id"]
        for i, inv in enumerate(investors):
            for key in ("name", "bio", "yes", "no"):
                problems += check_langmap(inv.get(key), f"investors[{i}].{key}", languages)
            wants = inv.get("wants")
            if not (
                isinstance(wants, list)
                and len(wants) >= 2
                and set(wants) <= covered
                and len(set(wants)) == len(wants)
            ):
                problems.append(
                    f"investors[{i}].wants: needs 2+ different interests that some argument covers"
                )
            if not isinstance(inv.get("pledge"), int) or inv["pledge"] <= 0:
                problems.append(f"investors[{i}].pledge: must be a whole number above 0")
            if inv.get("shape") not in SHAPES:
                problems.append(f"investors[{i}].shape: must be one of {SHAPES}")
        counts = params.get("investors_count")
        if (
            isinstance(counts, list)
            and all(isinstance(c, int) for c in counts)
            and max(counts) > len(investors)
        ):
            problems.append("investors_count: more investors asked for than listed")
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        pool = list(params["investors"])
        rng.shuffle(pool)
        self.investors = pool[: int(self.per_level("investors_count"))]
        n_wants = int(self.per_level("wants"))
        self.wants = [list(inv["wants"][:n_wants]) for inv in self.investors]
        self.hits: list[set[str]] = [set() for _ in self.investors]
        self.tries_left = [int(self.per_level("tries")) for _ in self.investors]
        self.status = ["wait"] * len(self.investors)  # wait, yes, no
        self.interests = {x["id"]: x for x in params["interests"]}
        self.arguments = list(params["arguments"])
        rng.shuffle(self.arguments)
        self.phase = "idea"
        self.idea: dict[str, Any] | None = None
        self.current = 0
        self.asked = 0
        self.raised = 0
        #: the investor the last argument went to (the view animates their card)
        self.last_investor: int | None = None

    @property
    def pledged(self) -> int:
        return sum(
            inv["pledge"]
            for inv, st in zip(self.investors, self.status, strict=True)
            if st == "yes"
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
            return [Action("idea", x["id"]) for x in self.params["ideas"][:4]]
        if self.phase == "pitch":
            return [Action("argue", a["id"]) for a in self.arguments]
        return [Action("ask", str(a)) for a in self.params["asks"][:8]]

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        if action.kind == "idea":
            self.idea = next(x for x in self.params["ideas"] if x["id"] == action.target)
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
        arg = next(a for a in self.arguments if a["id"] == arg_id)
        self.emit("choice", step=f"investor_{inv['id']}", response=arg_id)
        self.tries_left[i] -= 1
        self.last_investor = i
        missing = [w for w in self.wants[i] if w not in self.hits[i]]
        if arg["interest"] in missing:
            self.hits[i].add(arg["interest"])
            done = len(self.hits[i]) == len(self.wants[i])
            if done:
                self.judge(True, inv["yes"])
            else:
                self.judge(True, "enterprise.pitch.more", name=inv["name"])
        else:
            self.judge(False, inv["no"])
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
        fitting = [a for a in self.params["asks"][:8] if a <= self.pledged]
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
            good = [Action("argue", a["id"]) for a in self.arguments if a["interest"] in missing]
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
                    {"name": inv["name"], "status": Remark(key, True)},
                )
            )
        if self.phase == "pitch":
            lines.append(
                ("enterprise.pitch.choose_argument", {"name": self.investors[self.current]["name"]})
            )
        return lines
