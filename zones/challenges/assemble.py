"""The Doers' board (the view of :mod:`zones.challenges.assemble_rules`).

One layout for every text size: the workshop picture (the bike, the club's circuit, or
Gran's wall and the saw bench) with its title, the remark banner and the job sheet
(what the pupil has found out so far: the same lines ``describe`` reads out), beside or
below the mode's controls: the parts tray and Test ride (``fit``), the wire and meter
tools, the meter's display and the power (``wire``), or Measure, the saw mark's nudges,
Cut, then Raise left / Raise right / Fix (``cut``). Parts are dragged onto the frame
with the mouse (press on a part, let go on a spot) or picked up and dropped with Enter;
the saw mark follows a drag along the ruler. The rules decide; this only shows them and
sends ``Action``s. Called by the host scene each frame (``update``, ``draw``) and on input.
"""

from __future__ import annotations

import math
import random
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import assemble_draw, assemble_modes, assemble_texts
from zones.challenges.actions import Action
from zones.challenges.assemble_cut_rules import NUDGES
from zones.challenges.assemble_params import Slot
from zones.challenges.base import RulesMechanic

ANIM = assemble_draw.ANIM


class AssembleMechanic(RulesMechanic):
    family = "assemble"

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        return assemble_modes.validate_params(params, languages)

    @classmethod
    def parse_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list]:
        return assemble_modes.parse_params(params, languages)

    @classmethod
    def param_models(cls) -> dict[str, type | None]:
        return {mode: rules.params_type for mode, rules in assemble_modes.MODE_RULES.items()}

    def make_rules(self, params: Any, difficulty: int, rng: random.Random) -> Any:
        """FitRules, WireRules or CutRules: the view reads its own mode's state."""
        return assemble_modes.rules_for(params, difficulty, rng)

    def __init__(self, params: Any, difficulty: int, kit: Any, rng: random.Random):
        super().__init__(params, difficulty, kit, rng)
        self.mode = self.params.mode
        self.anim = 0.0
        self.anim_kind = ""
        self.spots: dict[str, Any] = {}
        self.spot_rects: dict[str, pygame.Rect] = {}
        self.part_rects: dict[str, pygame.Rect] = {}
        self.buttons: dict[str, Any] = {}
        self.ruler = pygame.Rect(0, 0, 0, 0)
        self.dragging = False

    @property
    def animating(self) -> bool:
        return not self.finished or self.anim > 0

    def describe(self) -> list[str]:
        """The board's state in words (the job sheet's lines and the last remark)."""
        lines = [self.say(fact) for fact in self.rules.describe()]
        said = self.rules.said
        return lines + ([self.say((said.key, said.values))] if said else [])

    def say(self, said: tuple[str, dict[str, Any]]) -> str:
        key, values = said
        if key == "assemble.quip":
            return self.kit.pick(values["quip"])
        if key == "assemble.fact_loads":
            return assemble_texts.loads_text(self, values["lit"], values["dark"])
        if key == "assemble.fact_wires":
            return self.kit.t(key, wires=assemble_texts.wires_text(self, values["wires"]))
        return self.kit.t(
            key, **{k: self.kit.pick(v) if isinstance(v, dict) else v for k, v in values.items()}
        )

    # -- actions ----------------------------------------------------------------------------
    def perform(self, action: Action) -> None:
        r = self.rules
        before = (
            getattr(r, "rides", 0),
            getattr(r, "power", False),
            getattr(r, "cut_count", 0),
            r.finished,
        )
        r.perform(action)
        after = (
            getattr(r, "rides", 0),
            getattr(r, "power", False),
            getattr(r, "cut_count", 0),
            r.finished,
        )
        if after != before:
            self.anim_kind = (
                "ride"
                if after[0] != before[0]
                else "power"
                if after[1] and not before[1]
                else "cut"
                if after[2] != before[2]
                else "done"
            )
            self.anim = ANIM
        self.refresh()

    def update(self, dt: float) -> None:
        super().update(dt)
        self.rules.tick(dt)
        self.anim = max(0.0, self.anim - dt)

    def handle_event(self, event: pygame.event.Event) -> None:
        """Drag and drop: let go over a spot to fit the part in hand; drag on the ruler to
        move the saw mark (keyboard players use the buttons, which do the same)."""
        ui = self.kit.ui
        to_screen = getattr(ui, "screen_rect", None)
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            self.dragging = False
            if self.mode == "fit" and self.rules.held is not None and to_screen is not None:
                for sid, spot in self.spots.items():
                    if to_screen(spot).collidepoint(event.pos):
                        self.perform(Action("fit", sid))
                        return
        elif self.mode == "cut" and self.rules.phase == "cut" and self.ruler.w:
            down = event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
            moved = event.type == pygame.MOUSEMOTION and self.dragging and event.buttons[0]
            if not (down or moved):
                return
            scroll = getattr(ui, "scroll", 0)
            view = getattr(ui, "viewport", None)
            top = (view.y - scroll) if view is not None else 0
            rect = self.ruler.move(0, top)
            if down and not rect.collidepoint(event.pos):
                return
            self.dragging = True
            frac = (event.pos[0] - rect.x) / max(1, rect.w)
            cm = round(max(0.0, min(1.0, frac)) * self.rules.board())
            self.perform(Action("mark", "", str(max(1, cm))))

    # -- layout ------------------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        """The board (title, remark, picture, job sheet) with the controls beside it, or
        below it where the two do not fit side by side; every box as tall as its 100 %
        design or its measured text."""
        self.area = area
        p = self.kit.painter
        left = int(area.w * 0.6)
        side_by_side, bw = ui_layout.beside(p, area.x, area.y, area.w, left, area.w - left - 20)
        x, y, inner = area.x, area.y, bw - 32
        title_h = ui_layout.text_h(p, self.kit.pick(self.params.object), bw - 216, 24, True)
        fb_h = (
            max(
                ui_layout.label_h(p, text, inner - 32 - ui_layout.icon(p, 22), 18)
                for text in assemble_texts.remarks(self)
            )
            + 14
        )
        self.feedback_rect = pygame.Rect(
            x + 16, ui_layout.below(y + 48, y + 14 + title_h + 5), inner, ui_layout.grow(40, fb_h)
        )
        sheet_h = assemble_texts.sheet_height(self, inner - 32) + 20
        pic_top = self.feedback_rect.bottom + 12
        pic_h = (
            max(200, area.h - 16 - 12 - sheet_h - (pic_top - y))
            if side_by_side
            else ui_layout.scaled(p, 300)
        )
        self.picture = pygame.Rect(x + 16, pic_top, inner, pic_h)
        self.sheet_rect = pygame.Rect(
            x + 16, self.picture.bottom + 12, inner, ui_layout.grow(70, sheet_h)
        )
        self.board = pygame.Rect(
            x, y, bw, ui_layout.grow(area.h if side_by_side else 0, self.sheet_rect.bottom + 16 - y)
        )
        self.controls = ui_layout.second(self.board, area, side_by_side, area.h)
        self.spots, self.spot_rects, self.part_rects, self.buttons = {}, {}, {}, {}
        if self.mode != "cut":
            self._build_spots()
        bottom = {"fit": self._build_tray, "wire": self._build_tools, "cut": self._build_bench}[
            self.mode
        ]()
        self.controls.h = ui_layout.grow(self.controls.h, bottom + 16 - self.controls.y)
        self.bottom = max(self.board.bottom, self.controls.bottom)
        self.refresh()

    def spot_pos(self, slot: Slot) -> tuple[int, int]:
        b = self.picture.inflate(-90, -70)
        return int(b.x + slot.x * b.w), int(b.y + slot.y * b.h)

    def spot_label(self, n: int, slot: Slot) -> str:
        return self.kit.t("assemble.spot", n=n, spot=self.kit.pick(slot.label))

    def _build_spots(self) -> None:
        r = max(24, self.kit.painter.line(18, True) // 2 + 8)
        for n, slot in enumerate(self.rules.slots, start=1):
            sid = slot.id
            rect = pygame.Rect(0, 0, 2 * r, 2 * r)
            rect.center = self.spot_pos(slot)
            label = self.spot_label(n, slot)
            self.spot_rects[sid] = rect
            self.spots[sid] = self.kit.ui.hotspot(
                rect, label, lambda s=sid: self.perform(self.rules.slot_action(s))
            )
            for kind in ("examine", "fit", "remove", "terminal", "probe"):
                self.bind(Action(kind, sid), label)

    def _button(
        self, name: str, rect: pygame.Rect, label: str, action: Action, style: str = "@default"
    ):
        self.buttons[name] = self.kit.ui.button(rect, label, lambda: self.perform(action), style)
        self.bind(action, label)
        return self.buttons[name]

    def _heading(self, key: str) -> int:
        p, c = self.kit.painter, self.controls
        return c.y + ui_layout.below(
            50, ui_layout.text_h(p, self.kit.t(key), c.w - 32, 20, True) + 24
        )

    def _buttons_below(self, y: int, names: list[tuple[str, str, Action, str]]) -> int:
        """Full-width buttons under each other from ``y``; returns the lowest edge."""
        p, c = self.kit.painter, self.controls
        for name, label, action, style in names:
            h = ui_layout.grow(54, p.button_h(style))
            self._button(name, pygame.Rect(c.x + 16, y, c.w - 32, h), label, action, style)
            y += h + 12
        return y - 12

    def _build_tray(self) -> int:
        p, t, pick, c = self.kit.painter, self.kit.t, self.kit.pick, self.controls
        tray = self.rules.tray
        cols = ui_layout.columns_for(p, 2, c.w - 32, 200)
        gap = 12
        card_w = (c.w - 32 - gap * (cols - 1)) // cols
        rows = math.ceil(len(tray) / cols)
        design_h = max(44, min(66, (c.h - 230 - gap * (rows - 1)) // max(1, rows)))
        card_h = ui_layout.grow(
            design_h,
            max(
                ui_layout.label_h(p, pick(self.rules.parts[pid].label), card_w - 64, 18)
                for pid in tray
            )
            + 16,
        )
        top = self._heading("assemble.tray")
        cards = ui_layout.grid([card_h] * len(tray), c.x + 16, top, c.w - 32, cols, gap)
        for pid, rect in zip(tray, cards, strict=True):
            self.part_rects[pid] = rect
            label = pick(self.rules.parts[pid].label)
            self.kit.ui.hotspot(rect, label, lambda i=pid: self.perform(Action("grab", i)))
            self.bind(Action("grab", pid), label)
        return self._buttons_below(
            ui_layout.bottom(cards, top) + 16,
            [
                ("ride", t("assemble.ride"), Action("ride"), "@primary"),
                ("hint", t("challenge.hint"), Action("hint"), "@default"),
            ],
        )

    def _build_tools(self) -> int:
        p, t, c = self.kit.painter, self.kit.t, self.controls
        top = self._heading("assemble.tools")
        labels = [t("assemble.tool_wire"), t("assemble.tool_meter")]
        rects = ui_layout.button_row(p, labels, c.x + 16, top, c.w - 32, min_w=(c.w - 32 - 14) // 2)
        self._button("tool_wire", rects[0], labels[0], Action("tool", "", "wire"))
        self._button("tool_meter", rects[1], labels[1], Action("tool", "", "meter"))
        meter_texts = assemble_texts.meter_texts(self)
        inner = c.w - 32 - 32
        readings, hands = meter_texts
        meter_h = ui_layout.grow(
            110,
            ui_layout.tallest(p, readings, inner, 18)
            + ui_layout.tallest(p, hands, inner, 18)
            + p.line(30, True)
            + 40,
        )
        self.meter_rect = pygame.Rect(
            c.x + 16, ui_layout.bottom(rects, top) + 14, c.w - 32, meter_h
        )
        return self._buttons_below(
            self.meter_rect.bottom + 14,
            [
                ("power", t("assemble.switch_on"), Action("power"), "@primary"),
                ("hint", t("challenge.hint"), Action("hint"), "@default"),
            ],
        )

    def _pairs(self, y: int, names: list[tuple[str, str, Action]]) -> int:
        """Buttons two to a row (one per row where two labels do not fit); the lowest edge."""
        p, c = self.kit.painter, self.controls
        half = (c.w - 32 - 14) // 2
        wide = any(p.button_w(label) > half for _, label, _ in names)
        rects = ui_layout.flow(
            [c.w - 32 if wide else half] * len(names),
            c.x + 16,
            y,
            c.w - 32,
            ui_layout.grow(48, p.button_h()),
            14,
        )
        for (name, label, action), rect in zip(names, rects, strict=True):
            self._button(name, rect, label, action)
        return ui_layout.bottom(rects, y)

    def _build_bench(self) -> int:
        """Measure, the ruler, the nudges and Cut; the level phase's buttons take the
        places of the first nudges and of Cut (each shown only in its phase)."""
        p, t, c = self.kit.painter, self.kit.t, self.controls
        top = self._heading("assemble.bench")
        y = self._buttons_below(
            top, [("measure", t("assemble.measure"), Action("measure"), "@default")]
        )
        mark_w = p.font(16, True).size(t("assemble.mark_at", cm=888))[0]
        head_h = max(
            ui_layout.text_h(p, t("assemble.mark_head", board=888), c.w - 32 - mark_w - 12, 16),
            ui_layout.text_h(p, t("assemble.bench_done"), c.w - 32, 16, True),
        )
        self.ruler = pygame.Rect(c.x + 16, y + 14, c.w - 32, ui_layout.grow(84, head_h + 52))
        y = self.ruler.bottom + 14
        nudges = [(f"nudge{n}", t(f"assemble.nudge{n}"), Action("nudge", "", n)) for n in NUDGES]
        first = self._pairs(y, nudges[:2])
        self._pairs(
            y,
            [
                ("raise_left", t("assemble.raise_left"), Action("raise", "left")),
                ("raise_right", t("assemble.raise_right"), Action("raise", "right")),
            ],
        )
        y = self._pairs(first + 14, nudges[2:]) + 14
        self._buttons_below(y, [("fix", t("assemble.fix"), Action("fix"), "@primary")])
        y = self._buttons_below(y, [("cut", t("assemble.cut"), Action("cut"), "@primary")])
        return self._buttons_below(
            y + 12, [("hint", t("challenge.hint"), Action("hint"), "@default")]
        )

    def refresh(self) -> None:
        """Buttons follow the rules: what cannot be done now is disabled, labels follow state."""
        r, b = self.rules, self.buttons
        if not b:
            return
        if self.mode == "fit":
            b["ride"].set_enabled(r.held is None and not r.finished)
        elif self.mode == "wire":
            label = self.kit.t("assemble.switch_off" if r.power else "assemble.switch_on")
            b["power"].set_text(label)
            self.bind(Action("power"), label)
            b["tool_wire"].set_enabled(r.tool != "wire")
            b["tool_meter"].set_enabled(r.tool != "meter")
        else:
            cutting = r.phase == "cut"
            for name in ("measure", "cut", *(f"nudge{n}" for n in NUDGES)):
                self._show(b[name], cutting)
            for name in ("raise_left", "raise_right", "fix"):
                self._show(b[name], not cutting)

    def _show(self, button: Any, shown: bool) -> None:
        """Show or hide a button in place (the level phase's buttons take the cut phase's
        places)."""
        if button.visible == shown:
            return
        button.visible = shown
        ui = self.kit.ui
        place = getattr(button, "place", None)
        if place is not None:
            place(ui.screen_rect(button), ui.in_view(button))

    # -- drawing ---------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The panels and sheet come from a cached layer, redrawn when the rules' state
        changes; the picture's movement, the remark and the timer are drawn every frame."""
        r = self.rules
        hints = tuple(
            repr(getattr(r, name, None))
            for name in ("hint_part", "hint_slot", "hint_wire", "hint_on")
        )
        state = (repr(r.describe()), r.finished, repr(r.said), hints)
        rect = area.union(self.controls)
        self.layer.draw(
            self.kit, surface, rect, state, lambda: assemble_draw.draw_static(self, surface)
        )
        assemble_draw.draw_live(self, surface)
