"""Rules of the Market Stall (``"mode": "stall"``): buy stock with a budget, then serve a
queue of customers in real time, pricing each sale by the customer's mood; a customer
kept waiting longer than ``patience`` seconds walks off. No pygame. Params: see
``enterprise_stall.py``; ``patience`` (per difficulty, seconds, 0 = no limit) is optional.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.enterprise_rules import EnterpriseRules, check_items, check_levels
from zones.challenges.rules_core import check_langmap
from zones.content import SHAPES


class StallRules(EnterpriseRules):
    @classmethod
    def validate_mode(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        for key, kind in (
            ("budget", int),
            ("customers", int),
            ("goal_share", float),
            ("time_limit", int),
        ):
            problems += check_levels(params, key, kind if kind is not float else (int, float))
        problems += check_levels(params, "patience", int, 0, required=False)
        products = check_items(params, "products", 2)
        if products is None:
            return problems + ["products: needs at least 2 products, each with an id"]
        ids = {p["id"] for p in products}
        for i, prod in enumerate(products):
            problems += check_langmap(prod.get("label"), f"products[{i}].label", languages)
            problems += check_langmap(prod.get("ask"), f"products[{i}].ask", languages)
            if prod.get("shape") not in SHAPES:
                problems.append(f"products[{i}].shape: must be one of {SHAPES}")
            cost, prices = prod.get("cost"), prod.get("prices")
            if not isinstance(cost, int) or cost < 1:
                problems.append(f"products[{i}].cost: must be a whole number ≥ 1")
            elif not (
                isinstance(prices, list)
                and len(prices) == 3
                and all(isinstance(x, int) for x in prices)
                and cost < prices[0] < prices[1] < prices[2]
            ):
                problems.append(
                    f"products[{i}].prices: must be three rising whole numbers above the cost"
                )
        moods = params.get("moods")
        if not isinstance(moods, list) or len(moods) != 3:
            problems.append("moods: needs exactly 3 moods (pays low, middle, top price)")
        else:
            for i, mood in enumerate(moods):
                problems += check_langmap((mood or {}).get("label"), f"moods[{i}].label", languages)
                problems += check_langmap((mood or {}).get("line"), f"moods[{i}].line", languages)
        mix = params.get("mood_mix")
        if not (
            isinstance(mix, list)
            and len(mix) == 3
            and all(
                isinstance(m, list)
                and len(m) == 3
                and all(isinstance(w, int) and w >= 0 for w in m)
                and sum(m)
                for m in mix
            )
        ):
            problems.append("mood_mix: must be three lists of three whole-number weights")
        rounds = params.get("rounds")
        if not isinstance(rounds, list) or not 2 <= len(rounds) <= 4:
            return problems + ["rounds: needs 2–4 rounds"]
        used = params.get("rounds_used")
        if used is not None and not (
            isinstance(used, list)
            and 1 <= len(used) <= len(rounds)
            and all(isinstance(i, int) and not isinstance(i, bool) for i in used)
            and all(0 <= i < len(rounds) for i in used)
            and len(set(used)) == len(used)
        ):
            problems.append(
                f"rounds_used: must list 1–{len(rounds)} different round numbers from 0 to "
                f"{len(rounds) - 1}"
            )
        for i, rnd in enumerate(rounds):
            if not isinstance(rnd, dict):
                problems.append(f"rounds[{i}]: must be an object")
                continue
            problems += check_langmap(rnd.get("label"), f"rounds[{i}].label", languages)
            problems += check_langmap(rnd.get("news"), f"rounds[{i}].news", languages)
            demand = rnd.get("demand")
            if not (
                isinstance(demand, dict)
                and demand
                and set(demand) <= ids
                and all(isinstance(v, int) and v >= 0 for v in demand.values())
                and sum(demand.values())
            ):
                problems.append(f"rounds[{i}].demand: must map product ids to whole-number weights")
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        self.products = {p["id"]: p for p in params["products"]}
        self.order = [p["id"] for p in params["products"]]
        used = params.get("rounds_used") or list(range(len(params["rounds"])))
        self.rounds = [params["rounds"][i] for i in used]
        self.start_coins = self.coins_now = int(self.per_level("budget"))
        n = int(self.per_level("customers"))
        mix = params["mood_mix"][self.difficulty - 1]
        self.queues: list[list[tuple[str, int]]] = []
        for rnd in self.rounds:
            ids = list(rnd["demand"])
            wants = rng.choices(ids, weights=[rnd["demand"][i] for i in ids], k=n)
            self.queues.append([(w, rng.choices(range(3), weights=mix)[0]) for w in wants])
        self.potential = sum(
            self.products[w]["prices"][m] - self.products[w]["cost"]
            for q in self.queues
            for w, m in q
        )
        self.target = max(1, round(self.potential * float(self.per_level("goal_share"))))
        self.stock = {pid: 0 for pid in self.order}
        self.round = 0
        self.phase = "stock"
        self.served = 0
        self.lost = 0
        self._round_pos = 0
        self._bot_plan: dict[str, int] | None = None
        #: seconds the customer in front has waited, and how long anyone waits (0: for ever)
        self.waited = 0.0
        self.patience = float(self.per_level("patience", 0) or 0)
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
            acts = [
                Action("buy", p) for p in self.order if self.coins_now >= self.products[p]["cost"]
            ]
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
            cost = self.products[action.target]["cost"]
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
        pid, pays = self.customer
        prod = self.products[pid]
        self.emit(
            "choice",
            step=f"customer_{self.round + 1}_{self._round_pos + 1}",
            response=str(prod["prices"][k]),
        )
        if k > pays:
            self.lost += 1
            self.judge(False, "enterprise.stall.too_high")
        else:
            self.stock[pid] -= 1
            self.coins_now += prod["prices"][k]
            self.served += 1
            if k == pays:
                self.judge(True, "enterprise.stall.sold", n=prod["prices"][k])
            else:
                self.judge(False, "enterprise.stall.too_low", n=prod["prices"][pays])
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
            self.order, key=lambda p: -(self.products[p]["prices"][1] - self.products[p]["cost"])
        )
        for pid in by_margin:
            if (
                self.stock[pid] < self._bot_plan[pid]
                and self.coins_now >= self.products[pid]["cost"]
            ):
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
                    {"item": self.products[pid]["label"], "n": self.stock[pid]},
                )
            )
        cust = self.customer
        if cust is not None:
            pid, pays = cust
            lines.append(
                (
                    "enterprise.stall.say_customer",
                    {
                        "mood": self.params["moods"][pays]["label"],
                        "item": self.products[pid]["label"],
                    },
                )
            )
            left = len(self.queue) - self._round_pos - 1
            if left:
                lines.append(("enterprise.stall.waiting", {"n": left}))
        return lines
