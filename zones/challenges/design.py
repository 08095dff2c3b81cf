"""Design freely (the Creators' family): a poster, a tune or a room. No wrong answer.

The player picks options from a tool panel (``set``: a group such as "background" gets
an option) and places things on a canvas (``place``: a sticker on the poster, a note on
the step grid, furniture on the floor plan). Every change is one design decision and is
emitted as a ``choice`` event. "Finish" unlocks after ``min_choices``. From difficulty 2
a client brief adds wishes (met wishes raise the score, but every finished design counts
as a success).

Data that drives it (``params`` in a challenge file)::

    {"mode": "poster",                  # poster | tune | room (three different screens)
     "min_choices": [4, 6, 8], "place_target": 3,
     "grid": [3, 4],                    # poster and room: columns, rows
     "steps": [8, 12, 16],              # tune: steps per difficulty
     "groups": [{"id": "background", "label": {...},
                 "options": [{"id": "night", "label": {...}, "colour": "#1B1B3A", "pattern": "dots"}]}],
     "items": [{"id": "bolt", "label": {...}, "shape": "star", "colour": "#FFD166",
                "freq": 262, "drum": "kick"}],          # freq / drum: tune rows only
     "briefs": [{"client": {...}, "wants": [
         {"group": "background", "options": ["night"], "text": {...}},
         {"item": "bolt", "min": 1, "text": {...}}]}],  # item "*" counts everything placed
     "quips": [{...}], "poster": {"band": {...}, "details": {...}}}

Groups each mode needs: poster ``background`` (colour, pattern), ``headline`` (text),
``size`` (scale), ``layout`` (anchor top/middle/bottom), ``ink`` (colour); tune ``tempo``
(bpm), ``sound`` (wave sine/square/triangle); room ``walls`` (colour), ``floor`` (colour,
pattern boards/carpet/tiles), ``light`` (colour). Difficulty 1 is free design; 2 adds a
brief with its first two wishes; 3 uses all wishes and needs more choices.
"""

from __future__ import annotations

import random
from typing import Any

import pygame

from zones.challenges.base import Action, Mechanic, MechanicResult, check_langmap
from zones.challenges.design_draw import DesignView
from zones.content import HEX, SHAPES

MODES = ("poster", "tune", "room")
NEEDS: dict[str, dict[str, tuple[str, ...]]] = {
    "poster": {"background": ("colour", "pattern"), "headline": ("text",), "size": ("scale",),
               "layout": ("anchor",), "ink": ("colour",)},
    "tune": {"tempo": ("bpm",), "sound": ("wave",)},
    "room": {"walls": ("colour",), "floor": ("colour", "pattern"), "light": ("colour",)},
}
CHOICES = {"pattern": ("plain", "stripes", "dots", "rays", "boards", "carpet", "tiles"),
           "anchor": ("top", "middle", "bottom"), "wave": ("sine", "square", "triangle")}


def _check_option_field(key: str, value: Any, where: str, languages) -> list[str]:
    if key == "colour":
        return [] if isinstance(value, str) and HEX.match(value) else [f"{where}.colour: must be like '#1B1B3A'"]
    if key == "text":
        return check_langmap(value, f"{where}.text", languages)
    if key in ("scale", "bpm"):
        ok = isinstance(value, (int, float)) and (0.5 <= value <= 3 if key == "scale" else 40 <= value <= 240)
        return [] if ok else [f"{where}.{key}: out of range"]
    return [] if value in CHOICES[key] else [f"{where}.{key}: must be one of {CHOICES[key]}"]


class DesignMechanic(Mechanic):
    family = "design"

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        mode = params.get("mode")
        if mode not in MODES:
            return [f"mode: must be one of {MODES}"]
        mins = params.get("min_choices")
        if not (isinstance(mins, list) and len(mins) == 3 and all(isinstance(x, int) and 1 <= x <= 30 for x in mins)):
            problems.append("min_choices: must be three whole numbers 1–30, one per difficulty")
        if not isinstance(params.get("place_target"), int) or params["place_target"] < 1:
            problems.append("place_target: must be a whole number ≥ 1")
        if mode == "tune":
            steps = params.get("steps")
            if not (isinstance(steps, list) and len(steps) == 3 and all(isinstance(x, int) and 4 <= x <= 16 for x in steps)):
                problems.append("steps: must be three whole numbers 4–16")
        else:
            grid = params.get("grid")
            if not (isinstance(grid, list) and len(grid) == 2 and all(isinstance(x, int) and 2 <= x <= 8 for x in grid)):
                problems.append("grid: must be [columns, rows], each 2–8")
        groups = params.get("groups")
        if not isinstance(groups, list):
            return problems + ["groups: needs a list of option groups"]
        found = {g.get("id"): g for g in groups if isinstance(g, dict)}
        for gid, fields in NEEDS[mode].items():
            group = found.get(gid)
            if group is None:
                problems.append(f"groups: mode '{mode}' needs a group '{gid}'")
                continue
            problems += check_langmap(group.get("label"), f"groups.{gid}.label", languages)
            options = group.get("options")
            if not isinstance(options, list) or not 2 <= len(options) <= 4:
                problems.append(f"groups.{gid}.options: needs 2–4 options")
                continue
            for k, opt in enumerate(options):
                where = f"groups.{gid}.options[{k}]"
                if not isinstance(opt, dict) or not isinstance(opt.get("id"), str):
                    problems.append(f"{where}: needs an id")
                    continue
                problems += check_langmap(opt.get("label"), f"{where}.label", languages)
                for key in fields:
                    problems += _check_option_field(key, opt.get(key), where, languages)
        items = params.get("items")
        if not isinstance(items, list) or not 2 <= len(items) <= 8:
            return problems + ["items: needs a list of 2–8 items"]
        for k, item in enumerate(items):
            where = f"items[{k}]"
            if not isinstance(item, dict) or not isinstance(item.get("id"), str):
                problems.append(f"{where}: needs an id")
                continue
            problems += check_langmap(item.get("label"), f"{where}.label", languages)
            if item.get("shape") not in SHAPES:
                problems.append(f"{where}.shape: must be one of {SHAPES}")
            problems += _check_option_field("colour", item.get("colour"), where, languages)
            if mode == "tune" and item.get("drum") not in ("kick", "snare", "hat") and not (
                    isinstance(item.get("freq"), (int, float)) and 50 <= item["freq"] <= 2000):
                problems.append(f"{where}: a tune row needs a drum (kick/snare/hat) or a freq in Hz")
        item_ids = {i.get("id") for i in items if isinstance(i, dict)} | {"*"}
        briefs = params.get("briefs")
        if not isinstance(briefs, list) or not briefs:
            problems.append("briefs: needs at least one client brief")
            briefs = []
        for b, brief in enumerate(briefs):
            where = f"briefs[{b}]"
            problems += check_langmap(brief.get("client") if isinstance(brief, dict) else None,
                                      f"{where}.client", languages)
            wants = brief.get("wants") if isinstance(brief, dict) else None
            if not isinstance(wants, list) or not 2 <= len(wants) <= 4:
                problems.append(f"{where}.wants: needs 2–4 wishes")
                continue
            for w, want in enumerate(wants):
                ww = f"{where}.wants[{w}]"
                problems += check_langmap(want.get("text"), f"{ww}.text", languages)
                if "group" in want:
                    ids = {o.get("id") for o in found.get(want["group"], {}).get("options", [])}
                    if want["group"] not in found or not want.get("options") or not set(want["options"]) <= ids:
                        problems.append(f"{ww}: group and options must name a group and its options")
                elif want.get("item") not in item_ids or not isinstance(want.get("min"), int) or want["min"] < 1:
                    problems.append(f"{ww}: needs a group with options, or an item with a min ≥ 1")
        for k, quip in enumerate(params.get("quips", [])):
            problems += check_langmap(quip, f"quips[{k}]", languages)
        if mode == "poster":
            poster = params.get("poster") or {}
            problems += check_langmap(poster.get("band"), "poster.band", languages)
            problems += check_langmap(poster.get("details"), "poster.details", languages)
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: random.Random):
        super().__init__(params, difficulty, kit, rng)
        self.mode = params["mode"]
        self.groups = list(params["groups"])
        self.items = list(params["items"])
        self.min_choices = int(params["min_choices"][self.difficulty - 1])
        self.place_target = int(params["place_target"])
        if self.mode == "tune":
            self.cols, self.rows = int(params["steps"][self.difficulty - 1]), len(self.items)
        else:
            self.cols, self.rows = int(params["grid"][0]), int(params["grid"][1])
        brief = rng.choice(params["briefs"])
        keep = {1: 0, 2: 2, 3: len(brief["wants"])}[self.difficulty]
        self.brief = brief if keep else None
        self.wants = list(brief["wants"][:keep])
        self.choice: dict[str, str] = {}
        self.cells: dict[str, str] = {}
        self.tool = self.items[0]["id"]
        self.decisions = 0
        self.feedback: tuple[str, dict[str, Any]] | None = None
        self.hint_target: tuple[str, str] | None = None
        self.playing = False
        self.playhead = 0
        self.beat_clock = 0.0
        self.view = DesignView(self)

    # -- host hooks -----------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        self.view.build(area)

    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Nothing here moves but the tune's playhead: the board is drawn into a cached
        layer again only when what it shows changes."""
        state = (tuple(sorted(self.choice.items())), tuple(sorted(self.cells.items())), self.tool,
                 self.hint_target, repr(self.feedback), self.decisions, self.playing,
                 self.playhead if self.playing else None, self.finished)
        rect = pygame.Rect(area.x, area.y, area.w, max(area.bottom, self.bottom) - area.y)
        self.layer.draw(self.kit, surface, rect, state, lambda: self.view.draw(surface))

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.playing and not self.finished:
            self.beat_clock += dt
            step_time = 30.0 / self.bpm()
            while self.beat_clock >= step_time:
                self.beat_clock -= step_time
                self.playhead = (self.playhead + 1) % self.cols
                self.view.sound_step(self.playhead)

    @property
    def animating(self) -> bool:
        return self.playing and not self.finished

    # -- lookups --------------------------------------------------------------------
    def group(self, gid: str) -> dict[str, Any]:
        return next(g for g in self.groups if g["id"] == gid)

    def option(self, gid: str) -> dict[str, Any] | None:
        chosen = self.choice.get(gid)
        return next((o for o in self.group(gid)["options"] if o["id"] == chosen), None)

    def item(self, iid: str) -> dict[str, Any]:
        return next(i for i in self.items if i["id"] == iid)

    def bpm(self) -> float:
        opt = self.option("tempo") if self.mode == "tune" else None
        return float(opt["bpm"]) if opt else 100.0

    def cell_ids(self) -> list[str]:
        if self.mode == "tune":
            return [f"{item['id']}:{s}" for item in self.items for s in range(self.cols)]
        return [f"{c},{r}" for r in range(self.rows) for c in range(self.cols)]

    def count(self, iid: str) -> int:
        return sum(1 for v in self.cells.values() if iid in ("*", v))

    def met(self, want: dict[str, Any]) -> bool:
        if "group" in want:
            return self.choice.get(want["group"]) in want["options"]
        return self.count(want["item"]) >= want["min"]

    def unmet(self) -> list[dict[str, Any]]:
        return [w for w in self.wants if not self.met(w)]

    def completeness(self) -> float:
        placed = min(len(self.cells), self.place_target)
        return (len(self.choice) + placed) / (len(self.groups) + self.place_target)

    def brief_fit(self) -> float:
        return (len(self.wants) - len(self.unmet())) / len(self.wants) if self.wants else 1.0

    @property
    def can_finish(self) -> bool:
        return self.decisions >= self.min_choices

    @property
    def progress(self) -> float:
        return min(1.0, self.decisions / self.min_choices)

    # -- actions --------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        acts = [Action("set", g["id"], o["id"]) for g in self.groups for o in g["options"]]
        if self.mode == "tune":
            acts += [Action("place", c, c.split(":")[0]) for c in self.cell_ids()] + [Action("play")]
        else:
            acts += [Action("place", c, self.tool) for c in self.cell_ids()]
            acts += [Action("tool", "", i["id"]) for i in self.items]
        acts.append(Action("hint"))
        return acts + ([Action("finish")] if self.can_finish else [])

    def perform(self, action: Action) -> None:
        if self.finished:
            return
        kind = action.kind
        if kind == "finish" and self.can_finish:
            self.finished = True
            self.playing = False
            self.emit("progress", progress=1.0)
        elif kind == "tool" and any(i["id"] == action.value for i in self.items):
            self.tool = action.value
        elif kind == "play" and self.mode == "tune":
            self.playing = not self.playing
            self.playhead, self.beat_clock = 0, 0.0
            if self.playing:
                self.view.sound_step(0)
        elif kind == "hint":
            self._hint()
        elif kind == "set":
            self._set(action.target, action.value)
        elif kind == "place":
            self._place(action.target, action.value or self.tool)
        self.view.refresh()

    def _set(self, gid: str, oid: str) -> None:
        group = next((g for g in self.groups if g["id"] == gid), None)
        if group is None or oid not in {o["id"] for o in group["options"]} or self.choice.get(gid) == oid:
            return
        self.choice[gid] = oid
        opt = self.option(gid)
        self._decided(gid, oid, ("design.set", {"group": group["label"], "option": opt["label"]}))

    def _place(self, cell: str, iid: str) -> None:
        if cell not in self.cell_ids() or not any(i["id"] == iid for i in self.items):
            return
        if self.mode == "tune":
            iid = cell.split(":")[0]
        label = self.item(iid)["label"]
        if self.cells.get(cell) == iid:
            del self.cells[cell]
            self._decided(self._step(cell), f"remove:{iid}", ("design.removed", {"item": label}))
            return
        if self.mode == "room":
            for other in [c for c, v in self.cells.items() if v == iid]:
                del self.cells[other]
        self.cells[cell] = iid
        self._decided(self._step(cell), iid, ("design.placed", {"item": label}))

    @staticmethod
    def _step(cell: str) -> str:
        """A telemetry-safe step id for a cell ('2,1' → 'place/2-1', 'kick:3' → 'place/kick-3')."""
        return "place/" + cell.replace(",", "-").replace(":", "-")

    def _decided(self, step: str, response: str, message: tuple[str, dict[str, Any]]) -> None:
        self.decisions += 1
        self.hint_target = None
        self.emit("choice", step=step, response=response)
        self.emit("progress", progress=self.progress)
        quips = self.params.get("quips") or []
        if quips and self.decisions % 3 == 0:
            self.feedback = ("", {"quip": self.rng.choice(quips)})
        else:
            self.feedback = message

    def _hint(self) -> None:
        self.hints_used += 1
        unmet = self.unmet()
        unset = [g for g in self.groups if g["id"] not in self.choice]
        if unmet:
            want = unmet[0]
            self.hint_target = ("group", want["group"]) if "group" in want else ("item", want["item"])
            self.feedback = ("design.idea_want", {"want": want["text"]})
        elif unset:
            self.hint_target = ("group", unset[0]["id"])
            self.feedback = ("design.idea_group", {"group": unset[0]["label"]})
        else:
            self.hint_target = ("item", self.tool)
            self.feedback = ("design.idea_more", {})
        self.emit("hint", step="idea")

    # -- bots -------------------------------------------------------------------------
    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        if self.can_finish:
            satisfied = not self.unmet() and self.completeness() >= 1.0
            if satisfied or self.decisions >= self.min_choices + 12 or rng.random() > 0.5 + skill / 2:
                return Action("finish")
        if rng.random() < skill:
            useful = self._useful()
            if useful is not None:
                return useful
        return self._random(rng)

    def _free_cell(self, iid: str) -> str | None:
        cells = [c for c in self.cell_ids() if c not in self.cells and (self.mode != "tune" or c.startswith(f"{iid}:"))]
        return cells[0] if cells else None

    def _useful(self) -> Action | None:
        for want in self.unmet():
            if "group" in want:
                return Action("set", want["group"], want["options"][0])
            iid = want["item"] if want["item"] != "*" else self.items[0]["id"]
            cell = self._free_cell(iid)
            if cell:
                return Action("place", cell, iid)
        for g in self.groups:
            if g["id"] not in self.choice:
                return Action("set", g["id"], g["options"][0]["id"])
        placed = set(self.cells.values())
        fresh = [i["id"] for i in self.items if i["id"] not in placed] or [i["id"] for i in self.items]
        for iid in fresh:
            cell = self._free_cell(iid)
            if cell:
                return Action("place", cell, iid)
        return None

    def _random(self, rng: random.Random) -> Action:
        if rng.random() < 0.5:
            group = rng.choice(self.groups)
            others = [o["id"] for o in group["options"] if o["id"] != self.choice.get(group["id"])]
            return Action("set", group["id"], rng.choice(others))
        iid = rng.choice(self.items)["id"]
        cells = [c for c in self.cell_ids() if self.mode != "tune" or c.startswith(f"{iid}:")]
        return Action("place", rng.choice(cells), iid)

    def result(self) -> MechanicResult:
        completeness, fit = self.completeness(), self.brief_fit()
        score = (0.5 * completeness + 0.5 * fit) if self.wants else completeness
        score = max(0.0, score - 0.03 * self.hints_used)
        accuracy = fit if self.wants else completeness
        return MechanicResult(self.finished, round(score, 3), round(accuracy, 3),
                              {"decisions": self.decisions, "wishes_met": len(self.wants) - len(self.unmet()),
                               "wishes": len(self.wants), "completeness": round(completeness, 3),
                               "hints": self.hints_used, "choices": dict(self.choice),
                               "placed": len(self.cells)})
