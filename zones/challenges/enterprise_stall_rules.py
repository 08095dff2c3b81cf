"""Rules of the Market Stall (``"mode": "stall"``): buy stock with a budget, then serve a
queue of customers in real time, pricing each sale by the customer's mood; a customer
kept waiting longer than ``patience`` seconds walks off. No pygame. Params: see
``enterprise_stall.py``; ``patience`` (per difficulty, seconds, 0 = no limit) is optional.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.enterprise_params import StallParams
from zones.challenges.enterprise_rules import EnterpriseRules


class StallRules(EnterpriseRules):
    params_type = StallParams
    params: StallParams
    #: the customer's patience runs down every frame: its bar is drawn over the cached board
    NOT_SHOWN = EnterpriseRules.NOT_SHOWN | {"waited"}

    def __init__(self, params: StallParams | dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        p, level = self.params, self.level
        self.products = {x.id: x for x in p.products}
        self.order = [x.id for x in p.products]
        used = p.rounds_used or list(range(len(p.rounds)))
        self.rounds = [p.rounds[i] for i in used]
        self.start_coins = self.coins_now = int(p.budget[level])
        n = int(p.customers[level])
        mix = p.mood_mix[level]
        self.queues: list[list[tuple[str, int]]] = []
        for rnd in self.rounds:
            ids = list(rnd.demand)
            wants = rng.choices(ids, weights=[rnd.demand[i] for i in ids], k=n)
            self.queues.append([(w, rng.choices(range(3), weights=mix)[0]) for w in wants])
        self.potential = sum(
            self.products[w].prices[m] - self.products[w].cost for q in self.queues for w, m in q
        )
        self.target = max(1, round(self.potential * float(p.goal_share[level])))
        self.stock = {pid: 0 for pid in self.order}
        self.round = 0
        self.phase = "stock"
        self.served = 0
        self.lost = 0
        self._round_pos = 0
        self._bot_plan: dict[str, int] | None = None
        #: seconds the customer in front has waited, and how long anyone waits (0: for ever)
        self.waited = 0.0
        self.patience = float(p.patience[level] if p.patience else 0)
        self.walked = 0

    # -- derived ----------------------------------------------------------------------
    @property
    def profit(self) -> int:
        return self.coins_now - self.start_coins

    @property
    def queue(self) -> list[tuple[str, int]]:
        return self.queues[self.round] if self.round < len(self.queues) else []

    @property
    def progress(self) -> float:
        total = sum(len(q) for q in self.queues)
        done = sum(len(q) for q in self.queues[: self.round])
        return min(1.0, (done + (self._round_pos if self.phase == "serve" else 0)) / total)

    @property
    def customer(self) -> tuple[str, int] | None:
        pos = self._round_pos
        return self.queue[pos] if self.phase == "serve" and pos < len(self.queue) else None

    # -- actions -----------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        if self.phase == "stock":
            acts = [Action("buy", p) for p in self.order if self.coins_now >= self.products[p].cost]
            return (
                acts
                + [Action("unbuy", p) for p in self.order if self.stock[p] > 0]
                + [Action("open")]
            )
        cust = self.customer
        if cust and self.stock[cust[0]] > 0:
            return [Action("sell", str(k)) for k in range(3)]
        return [Action("sorry")]

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        if action.kind in ("buy", "unbuy"):
            cost = self.products[action.target].cost
            sign = 1 if action.kind == "buy" else -1
            self.stock[action.target] += sign
            self.coins_now -= sign * cost
            self.said = None
        elif action.kind == "open":
            self.phase, self._round_pos = "serve", 0
            self.emit(
                "choice",
                step=f"stock_{self.round + 1}",
                response=",".join(f"{p}:{self.stock[p]}" for p in self.order),
            )
            self.said = None
            self._end_round_if_done()
        elif action.kind == "sell":
            self._sell(int(action.target))
        elif action.kind == "sorry":
            self.lost += 1
            self.say("enterprise.stall.sold_out", False)
            self._next_customer()

    def _sell(self, k: int) -> None:
        assert self.customer is not None, "a sale needs a customer"
        pid, pays = self.customer
        prod = self.products[pid]
        self.emit(
            "choice",
            step=f"customer_{self.round + 1}_{self._round_pos + 1}",
            response=str(prod.prices[k]),
        )
        if k > pays:
            self.lost += 1
            self.judge(False, "enterprise.stall.too_high")
        else:
            self.stock[pid] -= 1
            self.coins_now += prod.prices[k]
            self.served += 1
            if k == pays:
                self.judge(True, "enterprise.stall.sold", n=prod.prices[k])
            else:
                self.judge(False, "enterprise.stall.too_low", n=prod.prices[pays])
        self._next_customer()

    def _next_customer(self) -> None:
        self._round_pos += 1
        self.waited = 0.0
        self.emit("progress", progress=self.progress)
        self._end_round_if_done()

    def _end_round_if_done(self) -> None:
        if self._round_pos < len(self.queue):
            return
        self.round += 1
        self.phase, self._round_pos, self._bot_plan = "stock", 0, None
        if self.round >= len(self.rounds):
            self.finished = True

    def tick(self, dt: float) -> None:
        """The clock, and the queue in real time: a customer kept waiting longer than
        ``patience`` seconds walks off (a sale lost) and the next one steps up."""
        super().tick(dt)
        if self.finished or not self.patience or self.customer is None:
            return
        self.waited += dt
        if self.waited >= 0.7 * self.patience and self.waited - dt < 0.7 * self.patience:
            self.emit("cue", name="warning")
        if self.waited >= self.patience:
            self.lost += 1
            self.walked += 1
            self.choices += 1
            self.emit("mistake", step=self.choices)
            self.say("enterprise.stall.walked_off", False)
            self._next_customer()

    def bot_action(self, rng, skill: float) -> Action | None:
        if self.finished:
            return None
        if self.phase == "serve":
            cust = self.customer
            assert cust is not None, "a round serves until its queue is empty"
            if self.stock[cust[0]] <= 0:
                return Action("sorry")
            wrong = [k for k in range(3) if k != cust[1]]
            return Action("sell", str(cust[1] if rng.random() < skill else rng.choice(wrong)))
        if self._bot_plan is None:
            need: dict[str, int] = {}
            for pid, _ in self.queue:
                need[pid] = need.get(pid, 0) + 1
            self._bot_plan = {
                p: need.get(p, 0) if rng.random() < skill else rng.randint(0, 3) for p in self.order
            }
        by_margin = sorted(
            self.order, key=lambda p: -(self.products[p].prices[1] - self.products[p].cost)
        )
        for pid in by_margin:
            if self.stock[pid] < self._bot_plan[pid] and self.coins_now >= self.products[pid].cost:
                return Action("buy", pid)
        return Action("open")

    def result(self) -> MechanicResult:
        share = max(0.0, min(1.0, self.profit / self.potential)) if self.potential else 0.0
        success = self.round >= len(self.rounds) and self.profit >= self.target
        score = 0.5 * self.accuracy + 0.5 * share
        if not success:
            score *= 0.6
        return MechanicResult(
            success,
            round(score, 3),
            round(self.accuracy, 3),
            {
                "profit": self.profit,
                "target": self.target,
                "served": self.served,
                "lost": self.lost,
                "walked_off": self.walked,
                "recovered": self.recovered,
            },
        )

    def forecast(self, r: int | None = None) -> dict[str, int]:
        """How many customers of round ``r`` (default: this one) want each product."""
        idx = self.round if r is None else r
        queue = self.queues[idx] if idx < len(self.queues) else []
        counts = {pid: 0 for pid in self.order}
        for pid, _ in queue:
            counts[pid] += 1
        return counts

    def describe(self) -> list[tuple[Any, dict[str, Any]]]:
        lines: list[tuple[Any, dict[str, Any]]] = [
            ("enterprise.coins", {"n": self.coins_now}),
            ("enterprise.stall.profit", {"n": self.profit, "target": self.target}),
        ]
        for pid in self.order:
            lines.append(
                (
                    "enterprise.stall.say_stock",
                    {"item": self.products[pid].label, "n": self.stock[pid]},
                )
            )
        cust = self.customer
        if cust is not None:
            pid, pays = cust
            lines.append(
                (
                    "enterprise.stall.say_customer",
                    {
                        "mood": self.params.moods[pays].label,
                        "item": self.products[pid].label,
                    },
                )
            )
            left = len(self.queue) - self._round_pos - 1
            if left:
                lines.append(("enterprise.stall.waiting", {"n": left}))
        return lines
