"""Rules of the organise ``schedule`` mode (Van Plan): parcels into a vans × hours grid
under deadline and van-type rules; on the twist the bridge closes one hour and the plan
must adapt. Every puzzle is generated from a hidden solution, so it can always be solved.
No pygame. Params: see ``organise_schedule.py``; ``disruption`` (per difficulty, 0 or 1)
says whether the road closes.
"""

from __future__ import annotations

import math
import random
from typing import Any

from zones.challenges.actions import Action
from zones.challenges.organise_params import Parcel, ScheduleParams, Van
from zones.challenges.organise_rules import OrganiseRules
from zones.challenges.rules_core import Remark


class ScheduleRules(OrganiseRules):
    params_type = ScheduleParams
    params: ScheduleParams

    def __init__(
        self, params: ScheduleParams | dict[str, Any], difficulty: int, rng: random.Random
    ):
        super().__init__(params, difficulty, rng)
        p, level = self.params, self.difficulty - 1
        self.slots = list(p.slots)
        self.vans: list[Van] = list(p.vans)[: p.vans_shown[level]]
        self.will_disrupt = bool(p.disruption[level])
        self._generate(p, rng)
        self.grid: dict[tuple[int, int], str] = {}
        self.queue = [p.id for p in self.parcels]
        self.selected: str | None = self.queue[0]
        self.blocked: int | None = None
        self.before_closure: set[str] = set()
        self.undos = 0
        self.tried: dict[str, set[tuple[int, int]]] = {}
        self.hint_cell: tuple[int, int] | None = None
        #: the cell of the last drop tried (the view animates it)
        self.last_cell: tuple[int, int] | None = None

    def _generate(self, params: ScheduleParams, rng: random.Random) -> None:
        tags = {v.tag for v in self.vans}
        pool = [p for p in params.parcels if p.needs in tags]
        n = min(len(pool), params.parcels_shown[self.difficulty - 1])
        slack = params.slack[self.difficulty - 1]
        last = len(self.slots) - 1
        for _ in range(200):
            rng.shuffle(pool)
            chosen = sorted(pool[:n], key=lambda p: p.needs == "")
            self.safe_gap = rng.randint(1, last) if self.will_disrupt else -1
            free = [
                (v, s) for v in range(len(self.vans)) for s in range(last + 1) if s != self.safe_gap
            ]
            rng.shuffle(free)
            deadlines: dict[str, int] = {}
            for p in chosen:
                cell = next((c for c in free if self._fits(p, c[0])), None)
                if cell is None:
                    break
                free.remove(cell)
                deadlines[p.id] = min(last, cell[1] + rng.randint(0, slack))
            else:
                self.parcels = chosen
                rng.shuffle(self.parcels)
                self.deadline = deadlines
                return
        raise ValueError("schedule: could not build a solvable plan from these params")

    # -- rules --------------------------------------------------------------------
    def parcel(self, pid: str) -> Parcel:
        return next(p for p in self.parcels if p.id == pid)

    def _fits(self, parcel: Parcel, van: int) -> bool:
        need = parcel.needs
        return not need or self.vans[van].tag == need

    def problem(self, pid: str, cell: tuple[int, int]) -> str | None:
        """Why ``pid`` cannot go in ``cell`` (a locale key), or None when it can."""
        van, slot = cell
        if cell in self.grid:
            return "organise.van_taken"
        if slot == self.blocked:
            return "organise.van_closed"
        if not self._fits(self.parcel(pid), van):
            return "organise.van_needs"
        if slot > self.deadline[pid]:
            return "organise.van_late"
        return None

    def solvable(self, queue: list[str], grid: dict[tuple[int, int], str]) -> bool:
        """Can every parcel in ``queue`` still get a legal empty cell? (bipartite matching)"""
        cells = [
            (v, s)
            for v in range(len(self.vans))
            for s in range(len(self.slots))
            if (v, s) not in grid and s != self.blocked
        ]
        owner: dict[tuple[int, int], str] = {}

        def assign(pid: str, seen: set) -> bool:
            for c in cells:
                if c in seen or not self._fits(self.parcel(pid), c[0]) or c[1] > self.deadline[pid]:
                    continue
                seen.add(c)
                if c not in owner or assign(owner[c], seen):
                    owner[c] = pid
                    return True
            return False

        return all(assign(pid, set()) for pid in queue)

    def good_cells(self, pid: str) -> list[tuple[int, int]]:
        rest = [q for q in self.queue if q != pid]
        return [
            (v, s)
            for v in range(len(self.vans))
            for s in range(len(self.slots))
            if self.problem(pid, (v, s)) is None and self.solvable(rest, {**self.grid, (v, s): pid})
        ]

    # -- actions ------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        acts = [Action("select", pid) for pid in self.queue]
        for cell, pid in self.grid.items():
            acts.append(Action("unplace", pid, f"{cell[0]}:{cell[1]}"))
        for pid in self.queue:
            acts += [
                Action("place", pid, f"{v}:{s}")
                for v in range(len(self.vans))
                for s in range(len(self.slots))
                if (v, s) not in self.grid
            ]
        return acts + [Action("hint")]

    def perform(self, action: Action) -> None:
        if self.finished:
            return
        kind = action.kind
        if kind == "select" and action.target in self.queue:
            self.selected, self.hint_cell = action.target, None
        elif kind == "hint" and self.selected:
            self.hints_used += 1
            self.emit("hint", step=self.selected)
            cells = self.good_cells(self.selected)
            self.hint_cell = cells[0] if cells else None
            if not cells:
                self.say("organise.van_stuck", False, cue="warning")
        elif kind == "unplace":
            cell = tuple(int(x) for x in action.value.split(":"))
            if cell in self.grid:
                pid = self.grid.pop(cell)
                self.queue.insert(0, pid)
                self.selected = pid
                self.undos += 1
                self.correct -= 1
                if (
                    pid in self.before_closure
                ):  # re-planning after the road closed: adapting, not a slip
                    self.before_closure.discard(pid)
                else:
                    self.mistakes += 1
                self.say("organise.van_back", True, cue="tick", parcel=self.parcel(pid).label)
        elif kind == "place" and action.target in self.queue:
            van, hour = (int(x) for x in action.value.split(":"))
            self._place(action.target, (van, hour))

    def _place(self, pid: str, cell: tuple[int, int]) -> None:
        label = self.parcel(pid).label
        self.last_cell = cell
        self.emit("choice", step=pid, response=f"{self.vans[cell[0]].id}@{self.slots[cell[1]]}")
        why = self.problem(pid, cell)
        if why:
            self.mistakes += 1
            self.tried.setdefault(pid, set()).add(cell)
            need = self.parcel(pid).needs
            self.say(
                why,
                False,
                parcel=label,
                time=self.slots[self.deadline[pid]],
                van=self.params.tags[need] if need else "",
            )
            self.emit("mistake", step=pid)
            return
        self.correct += 1
        self.recovered += bool(self.tried.get(pid))
        self.grid[cell] = pid
        self.queue.remove(pid)
        self.hint_cell = None
        self.selected = self.queue[0] if self.queue else None
        self.say(
            "organise.van_good",
            True,
            parcel=label,
            van=self.vans[cell[0]].label,
            time=self.slots[cell[1]],
        )
        if (
            self.will_disrupt
            and self.blocked is None
            and len(self.grid) >= math.ceil(len(self.parcels) / 2)
        ):
            self._close_road()
        self.emit("progress", progress=self.progress)
        if not self.queue:
            self.finished = True

    def _close_road(self) -> None:
        every = [p.id for p in self.parcels]
        options = []
        for s in range(1, len(self.slots)):
            self.blocked = s
            if self.solvable(every, {}):
                options.append(s)
        busy = [s for s in options if any(c[1] == s for c in self.grid)]
        self.blocked = self.rng.choice(busy or options or [self.safe_gap])
        for cell in [c for c in self.grid if c[1] == self.blocked]:
            self.queue.insert(0, self.grid.pop(cell))
            self.correct -= 1  # bounced by the closure: not the player's fault, not a mistake
        self.selected = self.queue[0] if self.queue else None
        self.before_closure = set(self.grid.values())
        self.tried.clear()
        self.say(
            "organise.van_replan",
            False,
            cue="warning",
            closure=Remark(self.params.closure, False, {"slot": self.slots[self.blocked]}),
        )

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        if not self.solvable(self.queue, self.grid):
            for cell, pid in self.grid.items():
                rest = {c: q for c, q in self.grid.items() if c != cell}
                if self.solvable(self.queue + [pid], rest):
                    return Action("unplace", pid, f"{cell[0]}:{cell[1]}")
            cell, pid = rng.choice(list(self.grid.items()))
            return Action("unplace", pid, f"{cell[0]}:{cell[1]}")
        pid = self.selected or self.queue[0]
        good = self.good_cells(pid)
        if rng.random() >= skill:
            tried = self.tried.get(pid, set())
            other = [
                (v, s)
                for v in range(len(self.vans))
                for s in range(len(self.slots))
                if (v, s) not in self.grid and (v, s) not in tried and (v, s) not in good
            ]
            if other:
                v, s = rng.choice(other)
                return Action("place", pid, f"{v}:{s}")
        v, s = good[0]
        return Action("place", pid, f"{v}:{s}")

    @property
    def progress(self) -> float:
        return len(self.grid) / max(1, len(self.parcels))

    def details(self) -> dict[str, Any]:
        return {
            "parcels": len(self.parcels),
            "undos": self.undos,
            "road_closed": self.blocked is not None,
        }

    def closure(self) -> Remark | None:
        """The road-closure notice, once the road has closed."""
        if self.blocked is None:
            return None
        return Remark(self.params.closure, False, {"slot": self.slots[self.blocked]})

    def describe(self) -> list[tuple[Any, dict[str, Any]]]:
        lines: list[tuple[Any, dict[str, Any]]] = []
        if self.selected:
            p = self.parcel(self.selected)
            lines.append(
                (
                    "organise.say_parcel",
                    {"parcel": p.label, "time": self.slots[self.deadline[p.id]]},
                )
            )
        lines.append(("organise.parcels", {"n": len(self.queue)}))
        for (v, s), pid in sorted(self.grid.items()):
            lines.append(
                (
                    "organise.say_drop",
                    {
                        "parcel": self.parcel(pid).label,
                        "van": self.vans[v].label,
                        "time": self.slots[s],
                    },
                )
            )
        closure = self.closure()
        if closure:
            lines.append((closure.key, closure.values))
        return lines
