"""The Creators' rules (no pygame): design freely for a client, a poster, a tune or a room.

The player picks options (``set``: a group such as "background" gets an option), places
things on the canvas (``place``: a sticker on the poster, a note on the step grid,
furniture on the floor plan; the same thing again takes it off), and on the tune sets
each track's level in the mix (``level``: "+" or "-", or a fader's level "0"–"3"). Every
change is one design decision, emitted as a ``choice`` event. "Finish" unlocks after
``min_choices``. There is no wrong answer: a client's brief adds wishes (met wishes
raise the score, every finished design is a success), and the twist is the client
changing their mind (``change``: after so many decisions the brief becomes another one).

Data (``params`` in a challenge file, a level's own keys laid over them)::

    {"mode": "poster", "min_choices": [4, 6, 8], "place_target": 3, "grid": [3, 4],
     "steps": [8, 12, 16], "groups": [...], "items": [...], "briefs": [...], "quips": [...],
     "brief": 0,                 # optional: this level's brief (default: one at random)
     "wishes": [0, 2, 3],        # optional: wishes shown per difficulty (default 0, 2, all)
     "change": {"after": 4, "brief": 1},     # optional: the client changes their mind
     "mix": true}                # tune: each track has a level; a wish may be
                                 # {"mix": "kick", "min": 3} or {"mix": "kick", "max": 1}

Called by :class:`zones.challenges.design.DesignMechanic` (the view) and by bots.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.actions import Action, MechanicResult
from zones.challenges.design_params import Brief, DesignParams, Group, Item, Option, Want
from zones.challenges.rules_core import Rules, Said

#: a track's level in the mix: 0 (muted) to 3 (loud); every track starts in the middle
LEVELS = 3
START_LEVEL = 2


class DesignRules(Rules):
    """The state: chosen options, placed things, the mix, the brief and its wishes."""

    params_type = DesignParams
    #: the craft boards warn 20 s before the end and, untimed, never give up
    WARN_LEFT_S = 20.0
    GIVE_UP_S = None

    def __init__(self, params: DesignParams | dict[str, Any], difficulty: int, rng: random.Random):
        super().__init__(params, difficulty, rng)
        self.params: DesignParams = self.params
        p = self.params
        self.max_mistakes = None  # a design has no mistakes
        self.mode = p.mode
        self.groups = list(p.groups)
        self.items = list(p.items)
        self.min_choices = p.min_choices[self.difficulty - 1]
        self.place_target = p.place_target
        if p.steps is not None and self.mode == "tune":
            self.cols, self.rows = p.steps[self.difficulty - 1], len(self.items)
        elif p.grid is not None:
            self.cols, self.rows = p.grid
        brief = p.briefs[p.brief] if p.brief is not None else rng.choice(p.briefs)
        shown = (p.wishes or (0, 2, len(brief.wants)))[self.difficulty - 1]
        self.keep = min(shown, len(brief.wants))
        self.wants = list(brief.wants[: self.keep])
        self.brief: Brief | None = brief if self.keep else None
        self.change = p.change
        self.changed = False
        self.adapt: list[Want] = []  # wishes unmet when the client changed their mind
        self.mix = p.mix and self.mode == "tune"
        self.levels = {i.id: START_LEVEL for i in self.items} if self.mix else {}
        self.choice: dict[str, str] = {}
        self.cells: dict[str, str] = {}
        self.tool = self.items[0].id
        self.decisions = 0
        self.hint_target: tuple[str, str] | None = None
        self.playing = False
        self.playhead = 0
        self.beat_clock = 0.0
        self.beats = 0  # steps played since Play (the view sounds them)

    # -- lookups ------------------------------------------------------------------------
    def group(self, gid: str) -> Group:
        return next(g for g in self.groups if g.id == gid)

    def option(self, gid: str) -> Option | None:
        chosen = self.choice.get(gid)
        return next((o for o in self.group(gid).options if o.id == chosen), None)

    def item(self, iid: str) -> Item:
        return next(i for i in self.items if i.id == iid)

    def bpm(self) -> float:
        opt = self.option("tempo") if self.mode == "tune" else None
        return float(opt.bpm) if opt and opt.bpm is not None else 100.0

    def cell_ids(self) -> list[str]:
        if self.mode == "tune":
            return [f"{item.id}:{s}" for item in self.items for s in range(self.cols)]
        return [f"{c},{r}" for r in range(self.rows) for c in range(self.cols)]

    def count(self, iid: str) -> int:
        return sum(1 for v in self.cells.values() if iid in ("*", v))

    def met(self, want: Want) -> bool:
        if want.group is not None:
            return self.choice.get(want.group) in (want.options or ())
        if want.mix is not None:
            level = self.levels.get(want.mix, START_LEVEL)
            low = want.min if want.min is not None else 0
            return low <= level <= (want.max if want.max is not None else LEVELS)
        return self.count(str(want.item)) >= (want.min or 0)

    def unmet(self) -> list[Want]:
        return [w for w in self.wants if not self.met(w)]

    def completeness(self) -> float:
        placed = min(len(self.cells), self.place_target)
        return (len(self.choice) + placed) / (len(self.groups) + self.place_target)

    def brief_fit(self) -> float:
        return (len(self.wants) - len(self.unmet())) / len(self.wants) if self.wants else 1.0

    def mood(self) -> float:
        """How pleased the client (or the crowd) looks, 0–1: the brief met, or the design filled."""
        return self.brief_fit() if self.wants else self.completeness()

    @property
    def can_finish(self) -> bool:
        return self.decisions >= self.min_choices

    @property
    def progress(self) -> float:
        return min(1.0, self.decisions / self.min_choices)

    # -- actions --------------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        acts = [Action("set", g.id, o.id) for g in self.groups for o in g.options]
        if self.mode == "tune":
            acts += [Action("place", c, c.split(":")[0]) for c in self.cell_ids()] + [
                Action("play")
            ]
            acts += [Action("level", i, d) for i in self.levels for d in ("-", "+")]
        else:
            acts += [Action("place", c, self.tool) for c in self.cell_ids()]
            acts += [Action("tool", "", i.id) for i in self.items]
        acts.append(Action("hint"))
        return acts + ([Action("finish")] if self.can_finish else [])

    def perform(self, action: Action) -> None:
        if self.finished:
            return
        kind = action.kind
        if kind == "finish" and self.can_finish:
            self.playing = False
            self.end(True, "design.done_" + self.mode, mood=self.mood())
        elif kind == "tool" and any(i.id == action.value for i in self.items):
            self.tool = action.value
            self.cue("tick")
        elif kind == "play" and self.mode == "tune":
            self.playing = not self.playing
            self.playhead, self.beat_clock = 0, 0.0
            self.beats += self.playing
        elif kind == "hint":
            self._hint()
        elif kind == "set":
            self._set(action.target, action.value)
        elif kind == "place":
            self._place(action.target, action.value or self.tool)
        elif kind == "level":
            self._level(action.target, action.value)

    def tick(self, dt: float) -> None:
        """The clock, and the playhead while the tune plays (``beats`` counts the steps)."""
        super().tick(dt)
        if self.playing and not self.finished:
            self.beat_clock += dt
            step_time = 30.0 / self.bpm()
            while self.beat_clock >= step_time:
                self.beat_clock -= step_time
                self.playhead = (self.playhead + 1) % self.cols
                self.beats += 1

    def _set(self, gid: str, oid: str) -> None:
        group = next((g for g in self.groups if g.id == gid), None)
        if group is None or oid not in {o.id for o in group.options} or self.choice.get(gid) == oid:
            return
        self.choice[gid] = oid
        option = self.option(gid)
        assert option is not None, "the option was just chosen"
        self._decided(gid, oid, ("design.set", {"group": group.label, "option": option.label}))

    def _place(self, cell: str, iid: str) -> None:
        if cell not in self.cell_ids() or not any(i.id == iid for i in self.items):
            return
        if self.mode == "tune":
            iid = cell.split(":")[0]
        label = self.item(iid).label
        if self.cells.get(cell) == iid:
            del self.cells[cell]
            self._decided(self._step(cell), f"remove:{iid}", ("design.removed", {"item": label}))
            return
        if self.mode == "room":
            for other in [c for c, v in self.cells.items() if v == iid]:
                del self.cells[other]
        self.cells[cell] = iid
        self._decided(self._step(cell), iid, ("design.placed", {"item": label}))

    def _level(self, track: str, direction: str) -> None:
        if track not in self.levels:
            return
        if direction.isdigit():  # a fader set to a level
            new = max(0, min(LEVELS, int(direction)))
        else:
            new = max(0, min(LEVELS, self.levels[track] + (1 if direction == "+" else -1)))
        if new == self.levels[track]:
            return
        self.levels[track] = new
        self._decided(
            f"mix/{track}",
            str(new),
            ("design.level", {"item": self.item(track).label, "n": new}),
        )

    @staticmethod
    def _step(cell: str) -> str:
        """A telemetry-safe step id for a cell ('2,1' → 'place/2-1', 'kick:3' → 'place/kick-3')."""
        return "place/" + cell.replace(",", "-").replace(":", "-")

    def _decided(self, step: str, response: str, message: Said) -> None:
        before = len(self.unmet())
        self.decisions += 1
        self.hint_target = None
        self.emit("choice", step=step, response=response)
        self.emit("progress", progress=self.progress)
        quips = self.params.quips
        if quips and self.decisions % 3 == 0:
            self.say("design.quip", True, quip=self.rng.choice(quips), cue=None)
        else:
            self.say(message[0], True, **message[1], cue=None)
        self.cue("success" if len(self.unmet()) < before else "tick")
        self._maybe_change()

    def _maybe_change(self) -> None:
        """The twist: after ``change.after`` decisions the client asks for another brief."""
        change = self.change
        if not change or self.changed or self.decisions < int(change.after) or not self.keep:
            return
        self.changed = True
        self.brief = self.params.briefs[int(change.brief)]
        self.wants = list(self.brief.wants[: max(self.keep, 2)])
        self.adapt = self.unmet()
        self.min_choices = max(self.min_choices, self.decisions + 2)
        self.say("design.changed", True, client=self.brief.client, cue="warning")

    def _hint(self) -> None:
        self.hints_used += 1
        unmet = self.unmet()
        unset = [g for g in self.groups if g.id not in self.choice]
        if unmet:
            want = unmet[0]
            self.hint_target = (
                ("group", want.group)
                if want.group is not None
                else (("mix", want.mix) if want.mix is not None else ("item", str(want.item)))
            )
            self.say("design.idea_want", True, want=want.text, cue=None)
        elif unset:
            self.hint_target = ("group", unset[0].id)
            self.say("design.idea_group", True, group=unset[0].label, cue=None)
        else:
            self.hint_target = ("item", self.tool)
            self.say("design.idea_more", True, cue=None)
        self.emit("hint", step="idea")

    # -- bots ---------------------------------------------------------------------------------
    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        if self.can_finish:
            satisfied = not self.unmet() and self.completeness() >= 1.0
            if (
                satisfied
                or self.decisions >= self.min_choices + 12
                or rng.random() > 0.5 + skill / 2
            ):
                return Action("finish")
        if rng.random() < skill:
            useful = self._useful()
            if useful is not None:
                return useful
        return self._random(rng)

    def free_cell(self, iid: str) -> str | None:
        cells = [
            c
            for c in self.cell_ids()
            if c not in self.cells and (self.mode != "tune" or c.startswith(f"{iid}:"))
        ]
        return cells[0] if cells else None

    def _useful(self) -> Action | None:
        for want in self.unmet():
            if want.group is not None:
                return Action("set", want.group, (want.options or ("",))[0])
            if want.mix is not None:
                low = self.levels[want.mix] < (want.min or 0)
                return Action("level", want.mix, "+" if low else "-")
            iid = str(want.item) if want.item != "*" else self.items[0].id
            if self.mode != "tune" and self.tool != iid:
                return Action("tool", "", iid)
            cell = self.free_cell(iid)
            if cell:
                return Action("place", cell, iid)
        for g in self.groups:
            if g.id not in self.choice:
                return Action("set", g.id, g.options[0].id)
        placed = set(self.cells.values())
        fresh = [i.id for i in self.items if i.id not in placed] or [i.id for i in self.items]
        for iid in fresh:
            if self.mode != "tune" and self.tool != iid:
                return Action("tool", "", iid)
            cell = self.free_cell(iid)
            if cell:
                return Action("place", cell, iid)
        return None

    def random_action(self, rng: random.Random) -> Action:
        """Any decision at all (a pupil trying things out)."""
        return self._random(rng)

    def _random(self, rng: random.Random) -> Action:
        if rng.random() < 0.5:
            group = rng.choice(self.groups)
            others = [o.id for o in group.options if o.id != self.choice.get(group.id)]
            return Action("set", group.id, rng.choice(others))
        if self.mix and rng.random() < 0.3:
            track = rng.choice(sorted(self.levels))
            return Action("level", track, "-" if self.levels[track] == LEVELS else "+")
        iid = rng.choice(self.items).id
        if self.mode != "tune" and self.tool != iid:
            return Action("tool", "", iid)
        cells = [c for c in self.cell_ids() if self.mode != "tune" or c.startswith(f"{iid}:")]
        return Action("place", rng.choice(cells), iid)

    # -- scoring and facts -----------------------------------------------------------------------
    def result(self) -> MechanicResult:
        completeness, fit = self.completeness(), self.brief_fit()
        score = (0.5 * completeness + 0.5 * fit) if self.wants else completeness
        score = max(0.0, score - 0.03 * self.hints_used)
        accuracy = fit if self.wants else completeness
        return MechanicResult(
            self.finished,
            round(score, 3),
            round(accuracy, 3),
            {
                "decisions": self.decisions,
                "wishes_met": len(self.wants) - len(self.unmet()),
                "wishes": len(self.wants),
                "completeness": round(completeness, 3),
                "hints": self.hints_used,
                "choices": dict(self.choice),
                "placed": len(self.cells),
                "changed": self.changed,
                "recovered": sum(self.met(w) for w in self.adapt),
            },
        )

    def describe(self) -> list[Said]:
        out: list[Said] = []
        for g in self.groups:
            opt = self.option(g.id)
            if opt:
                out.append(("design.fact_set", {"group": g.label, "option": opt.label}))
        for item in self.items:
            n = self.count(item.id)
            if n:
                out.append(("design.fact_placed", {"item": item.label, "n": n}))
        for track, level in sorted(self.levels.items()):
            out.append(("design.fact_level", {"item": self.item(track).label, "n": level}))
        for want in self.wants:
            out.append(
                (
                    "design.fact_want_met" if self.met(want) else "design.fact_want",
                    {"want": want.text},
                )
            )
        return out
