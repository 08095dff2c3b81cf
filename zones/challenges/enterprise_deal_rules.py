"""Rules of School Festival (``"mode": "deal"``): for each need pick a supplier and
negotiate (accept, or offer less and meet their counter-offer) within a budget and a
deadline in days. No pygame. Params: see ``enterprise_deal.py``.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.enterprise_params import DealParams, Need, Supplier
from zones.challenges.enterprise_rules import EnterpriseRules
from zones.challenges.rules_core import Remark


class DealRules(EnterpriseRules):
    params_type = DealParams
    params: DealParams

    def __init__(self, params: DealParams | dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        p, level = self.params, self.level
        self.needs: list[Need] = list(p.needs)[: p.needs_count[level]]
        self.cuts = list(p.cuts)
        self.budget = p.budget[level]
        self.days = p.days[level]
        #: after this many bookings the budget is cut by ``budget_cut`` (0: never)
        self.cut_after = p.cut_after
        self.budget_cut = p.budget_cut[level] if p.budget_cut else 0
        self.budget_was_cut = False
        self.suppliers: dict[str, Supplier] = {s.id: s for s in p.suppliers}
        self.gone: set[str] = set()
        self.booked: dict[str, tuple[str, int]] = {}
        self.need_i = 0
        self.talking: str | None = None
        self.patience = 0
        self.counter: int | None = None
        #: what the supplier at the table last said: (locale key, values), or None
        self.line: tuple[str, dict[str, Any]] | None = None
        self.order = {n.id: [s.id for s in p.suppliers if s.need == n.id] for n in self.needs}
        for ids in self.order.values():
            rng.shuffle(ids)

    # -- derived ----------------------------------------------------------------------
    @property
    def spent(self) -> int:
        return sum(price for _, price in self.booked.values())

    @property
    def need(self) -> Need | None:
        return self.needs[self.need_i] if self.need_i < len(self.needs) else None

    @property
    def need_id(self) -> str:
        """The id of the need being booked (called only while one is)."""
        need = self.need
        assert need is not None, "every need is booked"
        return need.id

    @property
    def progress(self) -> float:
        return len(self.booked) / len(self.needs)

    def _best_cut(self, sid: str) -> int:
        flex = self.suppliers[sid].flex
        fitting = [c for c in self.cuts if c <= flex]
        return max(fitting) if fitting else 0

    def _price_after(self, sid: str, cut: int) -> int:
        return round(self.suppliers[sid].price * (100 - cut) / 100)

    # -- actions -----------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        if self.talking is None:
            return [
                Action("choose", sid)
                for sid in self.order[self.need_id][:3]
                if sid not in self.gone
            ]
        return [Action("offer", str(k)) for k in range(len(self.cuts) + 1)] + [Action("leave")]

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        if action.kind == "choose":
            self.talking, self.counter = action.target, None
            self.patience = self.params.patience[self.level]
            self.emit("choice", step=f"supplier_{self.need_id}", response=action.target)
            self.line = ("enterprise.deal.asks", {"n": self.suppliers[action.target].price})
            self.said = None
            return
        if action.kind == "leave":
            self.talking = None
            self.said = None
            return
        self._offer(int(action.target))

    def _offer(self, k: int) -> None:
        sid = self.talking
        assert sid is not None, "an offer is made only at a supplier's table"
        sup = self.suppliers[sid]
        self.days -= 1
        best = self._best_cut(sid)
        self.emit(
            "choice",
            step=f"offer_{self.need_id}",
            response="accept" if k == 0 else f"-{self.cuts[k - 1]}%",
        )
        if k == 0:
            price = self.counter if self.counter is not None else sup.price
            good = best == 0 or (
                self.counter is not None and self.counter <= self._price_after(sid, best)
            )
            self.judge(
                good,
                "enterprise.deal.booked" if good else "enterprise.deal.overpaid",
                n=price,
                cut=best,
            )
            self._book(sid, price)
        elif self.cuts[k - 1] <= sup.flex:
            price = self._price_after(sid, self.cuts[k - 1])
            good = self.cuts[k - 1] == best
            self.judge(
                good, "enterprise.deal.booked" if good else "enterprise.deal.could_more", n=price
            )
            self._book(sid, price)
        else:
            self.patience -= 1
            floor = self._price_after(sid, sup.flex)
            if self.patience < 0:
                self.gone.add(sid)
                self.talking = None
                self.judge(False, "enterprise.deal.hung_up", name=sup.name)
                if all(s in self.gone for s in self.order[self.need_id][:3]):
                    self.finished = True
            else:
                self.counter = (sup.price + floor) // 2
                self.line = ("enterprise.deal.counter", {"n": self.counter})
                self.judge(False, "enterprise.deal.too_low", cue="tick")
        if self.days <= 0 and not self.finished and self.need is not None:
            self.finished = True
            self.say("enterprise.deal.no_days", False)

    def _book(self, sid: str, price: int) -> None:
        self.booked[self.need_id] = (sid, price)
        self.talking, self.counter = None, None
        self.need_i += 1
        self.emit("progress", progress=self.progress)
        if self.need is None:
            self.finished = True
        elif self.cut_after and len(self.booked) == self.cut_after and not self.budget_was_cut:
            self.budget_was_cut = True  # the twist: the head trims the budget mid-plan
            self.budget -= self.budget_cut
            self.say(
                "enterprise.deal.budget_cut",
                False,
                cue="warning",
                n=self.budget_cut,
            )

    def bot_action(self, rng, skill: float) -> Action | None:
        options = self.actions()
        if not options:
            return None
        if self.talking is None:
            left = self.budget - self.spent
            later = sum(
                min(self._price_after(s, self._best_cut(s)) for s in self.order[n.id][:3])
                for n in self.needs[self.need_i + 1 :]
            )
            ids = [a.target for a in options]
            fits = [s for s in ids if self._price_after(s, self._best_cut(s)) <= left - later]
            pick = (
                max(fits, key=lambda s: (self.suppliers[s].stars, -self.suppliers[s].price))
                if fits
                else min(ids, key=lambda s: self._price_after(s, self._best_cut(s)))
            )
            return Action("choose", pick if rng.random() < skill else rng.choice(ids))
        best = self._best_cut(self.talking)
        right = Action("offer", str(self.cuts.index(best) + 1 if best else 0))
        if self.counter is not None and self.counter <= self._price_after(self.talking, best):
            right = Action("offer", "0")
        wrong = [
            Action("offer", str(k))
            for k in range(len(self.cuts) + 1)
            if Action("offer", str(k)) != right
        ]
        return right if rng.random() < skill else rng.choice(wrong)

    def result(self) -> MechanicResult:
        all_booked = len(self.booked) == len(self.needs)
        success = all_booked and self.spent <= self.budget
        stars = sum(self.suppliers[sid].stars for sid, _ in self.booked.values()) / (
            3 * len(self.needs)
        )
        saved = max(0.0, (self.budget - self.spent) / self.budget)
        score = (
            0.6 * self.accuracy + 0.2 * stars + 0.2 * min(1.0, saved * 4)
            if success
            else 0.4 * self.accuracy * self.progress
        )
        return MechanicResult(
            success,
            round(score, 3),
            round(self.accuracy, 3),
            {
                "spent": self.spent,
                "budget": self.budget,
                "days_left": self.days,
                "booked": len(self.booked),
                "recovered": self.recovered,
            },
        )

    def describe(self) -> list[tuple[Any, dict[str, Any]]]:
        lines: list[tuple[Any, dict[str, Any]]] = [
            ("enterprise.deal.budget", {"spent": self.spent, "budget": self.budget}),
            ("enterprise.deal.days", {"n": max(0, self.days)}),
        ]
        for need in self.needs:
            if need.id in self.booked:
                sid, price = self.booked[need.id]
                lines.append(
                    (
                        "enterprise.deal.say_booked",
                        {"need": need.label, "name": self.suppliers[sid].name, "n": price},
                    )
                )
        if self.talking is not None and self.line is not None:
            lines.append(
                (
                    "enterprise.deal.say_line",
                    {
                        "name": self.suppliers[self.talking].name,
                        "line": Remark(self.line[0], True, self.line[1]),
                    },
                )
            )
        return lines
