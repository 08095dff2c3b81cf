"""Assemble or repair with tools and parts (the Doers' family).

The player works through a job sheet step by step. Each step is a slot on a blueprint
with a clue; the player picks the right part or tool from the tray. Wrong picks cost
accuracy (and earn a funny remark); the clock runs on harder levels.

Data that drives it (``params`` in a challenge file)::

    {"object": {"en": "Bike", "es": "Bici"},
     "slots": [{"id": "tyre", "x": 0.25, "y": 0.7, "part": "inner_tube",
                "clue": {"en": "The back tyre is flat.", "es": "..."}}],
     "links": [["tyre", "brake"]],
     "parts": [{"id": "inner_tube", "shape": "circle", "colour": "#3A86FF",
                "label": {"en": "Inner tube", "es": "Cámara"}}],
     "distractors": [{"id": "spoon", "shape": "star", "colour": "#999999",
                      "label": {...}, "quip": {...}}],
     "time_limit": [0, 240, 180]}

Slots need ``y`` between about 0.1 and 0.8 so the feedback banner and the job sheet stay
clear of them. Difficulty 1 shows two distractors and no clock; 2 shows four; 3 shows them all and the
clock is tighter. ``time_limit`` gives seconds per difficulty (0 = no clock).
"""

from __future__ import annotations

import math
import random
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text
from zones.challenges.base import Action, Mechanic, MechanicResult, check_langmap
from zones.content import SHAPES


class AssembleMechanic(Mechanic):
    family = "assemble"

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        problems += check_langmap(params.get("object"), "object", languages)
        slots = params.get("slots")
        parts = params.get("parts")
        if not isinstance(slots, list) or len(slots) < 3:
            return problems + ["slots: needs a list of at least 3 slots"]
        if not isinstance(parts, list) or not parts:
            return problems + ["parts: needs a list of parts"]
        distractors = params.get("distractors", [])
        if not isinstance(distractors, list) or not all(isinstance(d, dict) for d in distractors):
            return problems + ["distractors: must be a list of objects"]
        part_ids: set[str] = set()
        for i, part in enumerate(parts + distractors):
            if not isinstance(part, dict) or not isinstance(part.get("id"), str):
                problems.append(f"parts[{i}]: needs an id")
                continue
            if part["id"] in part_ids:
                problems.append(f"parts[{i}].id: '{part['id']}' is used twice")
            part_ids.add(part["id"])
            problems += check_langmap(part.get("label"), f"parts[{i}].label", languages)
            if part.get("shape") not in SHAPES:
                problems.append(f"parts[{i}].shape: must be one of {SHAPES}")
        for i, d in enumerate(distractors):
            problems += check_langmap(d.get("quip"), f"distractors[{i}].quip", languages)
        slot_ids = set()
        for i, slot in enumerate(slots):
            if not isinstance(slot, dict):
                problems.append(f"slots[{i}]: must be an object")
                continue
            slot_ids.add(slot.get("id"))
            if slot.get("part") not in {p.get("id") for p in parts if isinstance(p, dict)}:
                problems.append(f"slots[{i}].part: '{slot.get('part')}' is not in parts")
            for key in ("x", "y"):
                if not isinstance(slot.get(key), (int, float)) or not 0 <= slot[key] <= 1:
                    problems.append(f"slots[{i}].{key}: must be a number 0–1")
            problems += check_langmap(slot.get("clue"), f"slots[{i}].clue", languages)
        for link in params.get("links", []):
            if not (isinstance(link, list) and len(link) == 2 and all(isinstance(x, str) for x in link)
                    and set(link) <= slot_ids):
                problems.append(f"links: {link!r} must name two slots")
        limits = params.get("time_limit", [0, 0, 0])
        if not (isinstance(limits, list) and len(limits) == 3 and all(isinstance(x, int) and not isinstance(x, bool) and x >= 0 for x in limits)):
            problems.append("time_limit: must be three whole numbers of seconds")
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: random.Random):
        super().__init__(params, difficulty, kit, rng)
        self.slots = list(params["slots"])
        distractors = list(params.get("distractors", []))
        keep = {1: 2, 2: 4, 3: len(distractors)}[self.difficulty]
        rng.shuffle(distractors)
        self.tray = list(params["parts"]) + distractors[:keep]
        rng.shuffle(self.tray)
        self.time_limit = float(params.get("time_limit", [0, 0, 0])[self.difficulty - 1])
        self.step = 0
        self.correct = 0
        self.mistakes = 0
        self.feedback = ""
        self.feedback_good = True
        self.flash = 0.0
        self.hint_part: str | None = None
        self.part_rects: dict[str, pygame.Rect] = {}
        self.area = pygame.Rect(0, 0, 0, 0)

    # -- layout -------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        """The blueprint (title, feedback, slots, clue sheet) with the parts tray beside it
        and the hint under the tray, or the tray below where the two do not fit side by
        side; every box as tall as its 100 % design or its measured text."""
        self.area = area
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        side_by_side, bw = ui_layout.beside(p, area.x, area.y, area.w, int(area.w * 0.6), area.w - int(area.w * 0.6) - 20)
        x, y = area.x, area.y
        inner = bw - 32
        title_h = ui_layout.text_h(p, pick(self.params["object"]), bw - 216, 24, True)
        feedbacks = [t("assemble.good", part=pick(pt["label"])) for pt in self.tray]
        feedbacks += [pick(d["quip"]) for d in self.params.get("distractors", []) if d.get("quip")]
        feedbacks += [t("assemble.wrong"), t("challenge.time_up")]
        fb_h = max(ui_layout.label_h(p, text, inner - 32 - ui_layout.icon(p, 22), 18) for text in feedbacks) + 14
        self.feedback_rect = pygame.Rect(x + 16, ui_layout.below(y + 48, y + 14 + title_h + 5), inner,
                                         ui_layout.grow(40, fb_h))
        self.slot_box = pygame.Rect(x + 55, ui_layout.below(y + 115, self.feedback_rect.bottom + 27), bw - 110, 400)
        number = max(38, p.line(22, True) - 14)
        slots_bottom = max(self._slot_pos(s)[1] + number for s in self.slots)
        msgs = [t("assemble.step", n=i + 1, total=len(self.slots), clue=pick(s["clue"]))
                for i, s in enumerate(self.slots)] + [t("assemble.all_done"), t("challenge.time_up")]
        sheet_h = ui_layout.grow(70, ui_layout.tallest(p, msgs, inner - 32, 19) + 20)
        self.sheet_rect = pygame.Rect(x + 16, ui_layout.below(y + area.h - 86, slots_bottom + 11), inner, sheet_h)
        self.board = pygame.Rect(x, y, bw, ui_layout.grow(area.h if side_by_side else 0,
                                                          self.sheet_rect.bottom + 16 - y))
        tray = ui_layout.second(self.board, area, side_by_side, area.h - 64)
        cols = ui_layout.columns_for(p, 4, tray.w - 32, 200)
        rows = math.ceil(len(self.tray) / cols)
        gap = 12
        card_w = (tray.w - 32 - gap * (cols - 1)) // cols
        design_h = min(78, (area.h - 64 - 56 - gap * (rows - 1)) // max(1, rows))
        card_h = ui_layout.grow(design_h, max(ui_layout.label_h(p, pick(pt["label"]), card_w - 64, 19)
                                              for pt in self.tray) + 20)
        top = tray.y + ui_layout.below(50, p.line(20, True) + 24)
        cards = ui_layout.grid([card_h] * len(self.tray), tray.x + 16, top, tray.w - 32, cols, gap)
        tray.h = ui_layout.grow(tray.h, ui_layout.bottom(cards, top) + ui_layout.scaled(p, 6) - tray.y)
        self.tray_rect = tray
        hint = pygame.Rect(tray.x, tray.bottom + 12, tray.w, ui_layout.grow(48, p.button_h()))
        self._build_spots(cards, hint)
        self.bottom = max(self.board.bottom, hint.bottom)

    def _build_spots(self, cards: list[pygame.Rect], hint: pygame.Rect) -> None:
        for part, r in zip(self.tray, cards, strict=True):
            self.part_rects[part["id"]] = r
            label = self.kit.pick(part["label"])
            self.kit.ui.hotspot(r, label, lambda pid=part["id"]: self.perform(Action("pick", pid)))
            self.bind(Action("pick", part["id"]), label)
        self.kit.ui.button(hint, self.kit.t("challenge.hint"), lambda: self.perform(Action("hint")))
        self.bind(Action("hint"), self.kit.t("challenge.hint"))

    # -- actions ------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        return [Action("pick", p["id"]) for p in self.tray] + [Action("hint")]

    def perform(self, action: Action) -> None:
        if self.finished:
            return
        if action.kind == "hint":
            self.hints_used += 1
            self.hint_part = self.slots[self.step]["part"]
            self.emit("hint", step=self.step)
            return
        if action.kind != "pick":
            return
        slot = self.slots[self.step]
        self.emit("choice", step=slot["id"], response=action.target)
        if action.target == slot["part"]:
            self.correct += 1
            self.step += 1
            self.hint_part = None
            self.feedback = self.kit.t("assemble.good", part=self._label(action.target))
            self.feedback_good = True
            self.emit("progress", progress=self.progress)
            if self.step >= len(self.slots):
                self.finished = True
        else:
            self.mistakes += 1
            self.feedback_good = False
            quip = next((d.get("quip") for d in self.params.get("distractors", [])
                         if d["id"] == action.target), None)
            self.feedback = self.kit.pick(quip) if quip else self.kit.t("assemble.wrong")
            self.emit("mistake", step=slot["id"])
        self.flash = 0.6

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        right = self.slots[self.step]["part"]
        if rng.random() < skill:
            return Action("pick", right)
        wrong = [p["id"] for p in self.tray if p["id"] != right]
        return Action("pick", rng.choice(wrong)) if wrong else Action("pick", right)

    def _label(self, part_id: str) -> str:
        part = next(p for p in self.tray if p["id"] == part_id)
        return self.kit.pick(part["label"])

    # -- time -------------------------------------------------------------------
    def update(self, dt: float) -> None:
        super().update(dt)
        self.flash = max(0.0, self.flash - dt)
        if self.time_limit and self.elapsed >= self.time_limit and not self.finished:
            self.finished = True
            self.feedback = self.kit.t("challenge.time_up")
            self.feedback_good = False

    @property
    def progress(self) -> float:
        return self.step / len(self.slots)

    def result(self) -> MechanicResult:
        tries = self.correct + self.mistakes
        accuracy = self.correct / tries if tries else 0.0
        success = self.step >= len(self.slots)
        time_frac = 1 - self.elapsed / self.time_limit if self.time_limit else 1.0
        score = (0.75 * accuracy + 0.25 * max(0.0, time_frac)) if success else 0.5 * self.progress * accuracy
        score = max(0.0, score - 0.05 * self.hints_used)
        return MechanicResult(success, round(score, 3), round(accuracy, 3),
                              {"mistakes": self.mistakes, "hints": self.hints_used, "steps": len(self.slots)})

    # -- drawing ------------------------------------------------------------------
    def _slot_pos(self, slot: dict[str, Any]) -> tuple[int, int]:
        b = self.slot_box
        return (int(b.x + slot["x"] * b.w), int(b.y + slot["y"] * b.h))

    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The board, clue sheet and tray come from a cached layer (redrawn when a part is
        placed, a hint is shown or the round ends); the pulse, feedback and timer every frame."""
        self.layer.draw(self.kit, surface, area.union(self.tray_rect), (self.step, self.finished, self.hint_part),
                         lambda: self._draw_static(surface))
        p = self.kit.painter
        pal = p.palette
        white = (255, 255, 255)
        if self.step < len(self.slots) and not self.finished:
            pos = self._slot_pos(self.slots[self.step])
            pulse = 4 + 3 * math.sin(self.elapsed * 5) if not self.kit.reduced_motion else 5
            pygame.draw.circle(surface, pal.focus, pos, int(34 + 8 + pulse), 3)
        if self.feedback:
            fb = self.feedback_rect
            colour = pal.good if self.feedback_good else pal.bad
            pygame.draw.rect(surface, colour, fb, border_radius=10)
            ink = (0, 0, 0) if pal.high_contrast else white     # dark on the bright high-contrast fill
            size = ui_layout.icon(p, 22)
            p.icon(surface, "check" if self.feedback_good else "cross", (fb.x + 11 + size // 2, fb.centery), size, ink)
            ui_layout.label(p, surface, self.feedback, (fb.x + 20 + size, fb.centery), fb.w - 32 - size, 18,
                             colour=ink)
        if self.time_limit:
            p.timer(surface, (self.board.right - 150, self.board.y + 16, 130, 22),
                    max(0.0, 1 - self.elapsed / self.time_limit), int(max(0, self.time_limit - self.elapsed)))

    def _draw_static(self, surface: pygame.Surface) -> None:
        p = self.kit.painter
        pal = p.palette
        blueprint = (36, 74, 122) if not pal.high_contrast else (0, 0, 0)
        line = (120, 170, 220) if not pal.high_contrast else (255, 255, 255)
        pygame.draw.rect(surface, blueprint, self.board, border_radius=18)
        if pal.high_contrast:                   # the black blueprint still has an edge
            pygame.draw.rect(surface, pal.panel_edge, self.board, 2, border_radius=18)
        if not pal.high_contrast:
            for x in range(self.board.x + 20, self.board.right, 32):
                pygame.draw.line(surface, (48, 90, 142), (x, self.board.y + 8), (x, self.board.bottom - 8))
            for y in range(self.board.y + 20, self.board.bottom, 32):
                pygame.draw.line(surface, (48, 90, 142), (self.board.x + 8, y), (self.board.right - 8, y))
        white = (255, 255, 255)
        p.text(surface, self.kit.pick(self.params["object"]), (self.board.x + 22, self.board.y + 14), 24,
               colour=white, bold=True, width=self.board.w - 216, box=self.board)
        by_id = {s["id"]: s for s in self.slots}
        for a, b in self.params.get("links", []):
            pygame.draw.line(surface, line, self._slot_pos(by_id[a]), self._slot_pos(by_id[b]), 6)
        for i, slot in enumerate(self.slots):
            pos = self._slot_pos(slot)
            done = i < self.step
            current = i == self.step and not self.finished
            r = 34
            if done:
                part = next(pt for pt in self.tray if pt["id"] == slot["part"])
                pygame.draw.circle(surface, white, pos, r + 4)
                p.shape(surface, part["shape"], pos, r - 6, p.colour(part["colour"]))
                p.icon(surface, "check", (pos[0] + r - 4, pos[1] - r + 4), 22, pal.good)
            else:
                pygame.draw.circle(surface, blueprint, pos, r)
                self._dashed_circle(surface, pos, r, pal.focus if current else line)
                p.text(surface, str(i + 1), (pos[0], pos[1] - 14), 22, colour=white, bold=True, align="center")
        # job sheet: the current clue
        sheet = self.sheet_rect
        p.panel(surface, sheet, radius=12)
        if self.finished:
            msg = self.kit.t("assemble.all_done") if self.step >= len(self.slots) else self.kit.t("challenge.time_up")
        else:
            msg = self.kit.t("assemble.step", n=self.step + 1, total=len(self.slots),
                             clue=self.kit.pick(self.slots[self.step]["clue"]))
        p.text(surface, msg, (sheet.x + 16, sheet.y + 10), 19, width=sheet.w - 32, box=sheet)
        # tray
        p.panel(surface, self.tray_rect)
        p.text(surface, self.kit.t("assemble.tray"), (self.tray_rect.x + 16, self.tray_rect.y + 12), 20, bold=True)
        for part in self.tray:
            r = self.part_rects[part["id"]]
            hot = part["id"] == self.hint_part
            fill = p.colour("#FFF4DC") if hot and not pal.high_contrast else pal.panel
            pygame.draw.rect(surface, fill, r, border_radius=12)
            pygame.draw.rect(surface, pal.focus if hot else pal.panel_edge, r, 3 if hot else 2, border_radius=12)
            p.shape(surface, part["shape"], (r.x + 30, r.centery), 17, p.colour(part["colour"]))
            ui_layout.label(p, surface, self.kit.pick(part["label"]), (r.x + 56, r.centery), r.w - 64, 19, box=r)
            if hot:
                board_text.hint_mark(p, surface, r)

    @staticmethod
    def _dashed_circle(surface: pygame.Surface, pos: tuple[int, int], r: int, colour) -> None:
        for k in range(16):
            a0 = 2 * math.pi * k / 16
            a1 = a0 + math.pi / 16
            pygame.draw.arc(surface, colour, (pos[0] - r, pos[1] - r, 2 * r, 2 * r), a0, a1, 4)
