"""Screens for the design mechanic: one layout per mode, for every text size.

``poster``: option groups, a portrait poster (a sticker grid), then the sticker tray, the
brief and the buttons; ``tune``: a wide step grid with a fader per track, then the
options, the brief and Play / Finish; ``room``: a top-down floor plan with walls and a
door, the brief under it, furniture and colour options beside it. Where the columns do
not fit (bigger text) the same panels stack in one scrolling column; every panel is as
tall as its 100 % design or its measured text (:mod:`zones.ui_layout`). Chosen options
carry a tick and a thick outline, placed things are shapes with names: never colour
alone. Stickers and furniture can be dragged from the tray onto the canvas. Called by
:class:`zones.challenges.design.DesignMechanic`.

Here: the view's state, its words, the layout of the columns and the canvases' cells,
input, sound and the order things are drawn in. The panels (options, tray, brief, remark
strip) are laid out and drawn by :mod:`zones.challenges.design_panels`, the canvases drawn
by :mod:`zones.challenges.design_canvas`.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import design_panels, design_payoff
from zones.challenges.actions import Action
from zones.challenges.design_fader import Faders
from zones.challenges.design_params import Item
from zones.challenges.design_rules import LEVELS
from zones.challenges.design_sound import Synth

GAP = 12


class DesignView:
    def __init__(self, mech) -> None:
        self.m = mech
        self.synth = Synth()
        self.option_rects: dict[tuple[str, str], pygame.Rect] = {}
        self.group_rects: dict[str, pygame.Rect] = {}
        self.item_rects: dict[str, pygame.Rect] = {}
        self.cell_rects: dict[str, pygame.Rect] = {}
        self.faders = Faders(self)
        self.cells: dict[str, Any] = {}
        self.finish_button = self.play_button = None
        self.tray: pygame.Rect | None = None
        self.drag_from: str | None = None
        self.payoff = 0.0
        #: measured sizes the canvases draw with
        self.foot_h = 50
        self.label_w = 130
        self.head_h = 62
        self.names_under = False

    # -- words -----------------------------------------------------------------------------
    def say(self, said) -> str:
        key, values = said
        kit = self.m.kit
        if key == "design.quip":
            return kit.pick(values["quip"])
        return kit.t(
            key,
            **{
                k: kit.pick(v)
                if isinstance(v, dict)
                else (f"{round(v * 100)}" if isinstance(v, float) else v)
                for k, v in values.items()
            },
        )

    def feedback_text(self) -> str:
        """The last remark, or the mode's opening instruction."""
        m, said = self.m, self.m.rules.said
        return self.say((said.key, said.values)) if said else m.kit.t(f"design.start_{m.mode}")

    def remarks(self) -> list[str]:
        """Every remark the feedback strip may show (measured so it never grows in play)."""
        m, say = self.m, self.say
        texts = [
            m.kit.t(f"design.start_{m.mode}"),
            say(("design.idea_more", {})),
            say((f"design.done_{m.mode}", {"mood": 1.0})),
        ]
        texts += [say(("design.idea_group", {"group": g.label})) for g in m.groups]
        texts += [
            say(("design.set", {"group": g.label, "option": o.label}))
            for g in m.groups
            for o in g.options
        ]
        texts += [
            say((k, {"item": i.label, "n": 3}))
            for i in m.items
            for k in ("design.placed", "design.removed", "design.level")
        ]
        texts += [
            say(("design.idea_want", {"want": w.text})) for b in m.params.briefs for w in b.wants
        ]
        texts += [say(("design.changed", {"client": b.client})) for b in m.params.briefs]
        return texts + [m.kit.pick(q) for q in m.params.quips]

    # -- layout ------------------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        m, kit, p = self.m, self.m.kit, self.m.kit.painter
        self.option_rects, self.group_rects, self.item_rects, self.cell_rects = {}, {}, {}, {}
        self.cells = {}
        self.faders.clear()
        self.play_button = None
        left, right = {"poster": (786, 380), "tune": (470, 660), "room": (700, 460)}[m.mode]
        columns, _ = ui_layout.beside(p, area.x, area.y, area.w, left, right)
        if columns:
            hint, finish = getattr(self, f"_columns_{m.mode}")(area)
        else:
            hint, finish = self._stacked(area)
        kit.ui.button(hint, kit.t("design.idea"), lambda: m.perform(Action("hint")))
        m.bind(Action("hint"), kit.t("design.idea"))
        self.finish_button = kit.ui.button(
            finish, kit.t("design.finish"), lambda: m.perform(Action("finish")), "@primary"
        )
        m.bind(Action("finish"), kit.t("design.finish"))
        m.bottom = max(
            r.bottom for r in (hint, finish, self.canvas, self.brief_rect, self.groups_rect)
        )
        self.refresh()

    def r(self, area: pygame.Rect, x: int, y: int, w: int, h: int) -> pygame.Rect:
        return pygame.Rect(area.x + x, area.y + y, w, h)

    def _columns_poster(self, area):
        p = self.m.kit.painter
        self.groups_rect = self.r(area, 0, 0, 440, 570)
        design_panels.groups_box(self, self.groups_rect)
        self._poster_canvas(self.r(area, 456, 0, 330, 512))
        self.feedback_rect = design_panels.feedback_box(self, self.r(area, 456, 522, 330, 48))
        self.tray = design_panels.tray_box(self, self.r(area, 802, 0, 398, 222), 2)
        self.brief_rect = design_panels.brief_box(
            self, self.r(area, 802, ui_layout.below(236, self.tray.bottom + 14 - area.y), 398, 176)
        )
        y = ui_layout.below(self.brief_rect.bottom + 14, 0)
        hint = pygame.Rect(area.x + 802, y, 398, ui_layout.grow(48, p.button_h()))
        return hint, pygame.Rect(
            area.x + 802, hint.bottom + 12, 398, ui_layout.grow(56, p.button_h("@primary"))
        )

    def _columns_tune(self, area):
        p, kit = self.m.kit.painter, self.m.kit
        self._tune_canvas(self.r(area, 0, 0, 1200, 350))
        self.feedback_rect = design_panels.feedback_box(
            self, self.r(area, 560, 6, 624, 30), strip=True
        )
        y = self.canvas.bottom + 8
        self.groups_rect = pygame.Rect(area.x, y, 430, area.bottom - y)
        design_panels.groups_box(self, self.groups_rect)
        self.brief_rect = design_panels.brief_box(
            self, pygame.Rect(area.x + 446, y, 440, area.bottom - y)
        )
        self.play_button = kit.ui.button(
            pygame.Rect(area.x + 902, y, 298, ui_layout.grow(50, p.button_h())),
            kit.t("design.play"),
            lambda: self.m.perform(Action("play")),
        )
        self.m.bind(Action("play"), kit.t("design.play"))
        hint = pygame.Rect(
            area.x + 902, self.play_button.rect.bottom + 10, 298, ui_layout.grow(48, p.button_h())
        )
        return hint, pygame.Rect(
            area.x + 902, hint.bottom + 10, 298, ui_layout.grow(60, p.button_h("@primary"))
        )

    def _columns_room(self, area):
        p = self.m.kit.painter
        self._room_canvas(self.r(area, 0, 0, 700, 370))
        self.feedback_rect = design_panels.feedback_box(self, self.r(area, 0, 380, 700, 36))
        self.brief_rect = design_panels.brief_box(
            self, pygame.Rect(area.x, self.feedback_rect.bottom + 10, 700, 144), cols=2
        )
        self.tray = design_panels.tray_box(self, self.r(area, 720, 0, 480, 236), 2)
        self.groups_rect = pygame.Rect(
            area.x + 720, ui_layout.below(area.y + 248, self.tray.bottom + 12), 480, 250
        )
        design_panels.groups_box(self, self.groups_rect)
        y = ui_layout.below(area.y + 512, self.groups_rect.bottom + 12)
        h = ui_layout.grow(54, p.button_h("@primary"))
        return pygame.Rect(area.x + 720, y, 200, h), pygame.Rect(area.x + 934, y, 266, h)

    def _stacked(self, area):
        """One column, top to bottom: canvas, remark, tray, options, brief, buttons."""
        m, p, t = self.m, self.m.kit.painter, self.m.kit.t
        x, w = area.x, area.w
        canvas = {
            "poster": pygame.Rect(x + (w - 760) // 2, area.y, 760, 512),
            "tune": pygame.Rect(x, area.y, w, 372),
            "room": pygame.Rect(x, area.y, w, 392),
        }[m.mode]
        getattr(self, f"_{m.mode}_canvas")(canvas)
        self.feedback_rect = design_panels.feedback_box(
            self, pygame.Rect(x, self.canvas.bottom + GAP, w, 48)
        )
        y = self.feedback_rect.bottom + GAP
        self.tray = None
        if m.mode != "tune":
            self.tray = design_panels.tray_box(self, pygame.Rect(x, y, w, 0), 3)
            y = self.tray.bottom + GAP
        self.groups_rect = pygame.Rect(x, y, w, 0)
        design_panels.groups_box(self, self.groups_rect)
        self.brief_rect = design_panels.brief_box(
            self, pygame.Rect(x, self.groups_rect.bottom + GAP, w, 0)
        )
        y = self.brief_rect.bottom + GAP
        finish_w = max(
            p.button_w(t("design.finish"), "@primary"),
            max(p.button_w(t("design.more", n=n), "@primary") for n in range(1, m.min_choices + 3)),
        )
        widths = [max(220, p.button_w(t("design.idea"))), max(260, finish_w)]
        if m.mode == "tune":
            widths.insert(0, max(220, p.button_w(t("design.play")), p.button_w(t("design.stop"))))
        rects = ui_layout.flow(widths, x, y, w, max(60, p.button_h("@primary")), 14)
        if m.mode == "tune":
            self.play_button = m.kit.ui.button(
                rects.pop(0), t("design.play"), lambda: m.perform(Action("play"))
            )
            m.bind(Action("play"), t("design.play"))
        return rects[0], rects[1]

    # -- canvases (cells are hotspots) ------------------------------------------------------------
    def _poster_canvas(self, rect: pygame.Rect) -> None:
        m, p, pick = self.m, self.m.kit.painter, self.m.kit.pick
        band = ui_layout.text_h(p, pick(m.params.poster.band), rect.w - 40, 20, True)
        details = ui_layout.text_h(p, pick(m.params.poster.details), rect.w - 40, 16)
        self.foot_h = ui_layout.grow(50, band + details + 14)
        heads = [pick(o.text) for o in m.group("headline").options]
        scales = [(o.scale if o.scale is not None else 1.0) for o in m.group("size").options]
        tallest = max(
            ui_layout.text_h(p, h, rect.w - 44, int(30 * s), True) for h in heads for s in scales
        )
        fits = tallest <= 230 or ui_layout.shrinks(
            p
        )  # at 100 % the headline shrinks to fit instead
        rect.h = ui_layout.grow(rect.h, rect.h if fits else tallest + 2 * self.foot_h + 80)
        self.canvas = rect
        self._grid_cells(rect.inflate(-24, -24))

    def _room_canvas(self, rect: pygame.Rect) -> None:
        m, p, pick = self.m, self.m.kit.painter, self.m.kit.pick
        cell_w = (rect.w - 56) // m.cols
        names = ui_layout.tallest(p, [pick(i.label) for i in m.items], cell_w - 12, 14, True)
        self.names_under = not ui_layout.shrinks(p)
        cell_h = max((rect.h - 56) // m.rows, 56 + names + 8 if self.names_under else 0)
        rect.h = ui_layout.grow(rect.h, cell_h * m.rows + 56)
        self.canvas = rect
        self._grid_cells(rect.inflate(-56, -56))

    def _grid_cells(self, grid: pygame.Rect) -> None:
        m, kit = self.m, self.m.kit
        cw, ch = grid.w / m.cols, grid.h / m.rows
        for row in range(m.rows):
            for col in range(m.cols):
                rect = pygame.Rect(
                    int(grid.x + col * cw) + 3, int(grid.y + row * ch) + 3, int(cw) - 6, int(ch) - 6
                )
                cell = f"{col},{row}"
                self.cell_rects[cell] = rect
                label = kit.t("design.cell", col=col + 1, row=row + 1)
                self.cells[cell] = kit.ui.hotspot(
                    rect, label, lambda c=cell: m.perform(Action("place", c, m.tool))
                )
                for item in m.items:
                    m.bind(Action("place", cell, item.id), label)

    def _tune_canvas(self, rect: pygame.Rect) -> None:
        m, kit, p = self.m, self.m.kit, self.m.kit.painter
        self.label_w = max(130, max(p.font(17).size(kit.pick(i.label))[0] for i in m.items) + 12)
        self.head_h = ui_layout.grow(62, 12 + p.line(20, True) + 8 + p.line(16) + 8)
        fader_h = ui_layout.scaled(p, 30) if m.rules.mix else 0
        slot_w = Faders.width(p) if fader_h else 0
        row_h = ui_layout.grow(
            (rect.h - self.head_h - 10) // m.rows, max(p.line(17) + 12, fader_h + 8)
        )
        rect.h = ui_layout.grow(rect.h, self.head_h + row_h * m.rows + 10)
        self.canvas = rect
        left = rect.x + 56 + self.label_w + (slot_w + 16 if fader_h else 0)
        grid = pygame.Rect(left, rect.y + self.head_h, rect.right - 16 - left, row_h * m.rows)
        cw, ch = grid.w / m.cols, grid.h / m.rows
        for row, item in enumerate(m.items):
            for s in range(m.cols):
                cell = pygame.Rect(
                    int(grid.x + s * cw) + 2, int(grid.y + row * ch) + 2, int(cw) - 4, int(ch) - 4
                )
                cid = f"{item.id}:{s}"
                self.cell_rects[cid] = cell
                label = kit.t("design.cell_tune", item=kit.pick(item.label), step=s + 1)
                kit.ui.hotspot(
                    cell, label, lambda c=cid, i=item.id: m.perform(Action("place", c, i))
                )
                m.bind(Action("place", cid, item.id), label)
            if fader_h:
                y = int(grid.y + row * ch) + (int(ch) - fader_h) // 2
                x = rect.x + 56 + self.label_w
                self.faders.add(item, pygame.Rect(x, y, slot_w, fader_h))

    # -- input, time, sound ------------------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        """A sticker or a piece of furniture pressed in the tray and let go over the canvas is
        placed there."""
        if self.faders.handle_event(event) or event.type != pygame.MOUSEBUTTONUP:
            return
        if event.button != 1:
            return
        iid, self.drag_from = self.drag_from, None
        to_screen = getattr(self.m.kit.ui, "screen_rect", None)
        if iid is None or to_screen is None:
            return
        for cell, spot in self.cells.items():
            if to_screen(spot).collidepoint(event.pos):
                self.m.perform(Action("place", cell, iid))
                return

    def tick(self, dt: float) -> None:
        if self.m.finished:
            self.payoff = min(1.0, self.payoff + dt / design_payoff.SECONDS)

    def start_payoff(self) -> None:
        self.payoff = 1.0 if self.m.kit.reduced_motion else 0.0

    def moving(self) -> bool:
        return self.m.finished and self.payoff < 1.0

    def payoff_frame(self) -> int:
        return int(self.payoff * 20) if self.m.finished else -1

    def refresh(self) -> None:
        m, kit = self.m, self.m.kit
        if self.finish_button is not None:
            self.finish_button.set_enabled(m.can_finish and not m.finished)
            self.finish_button.set_text(
                kit.t("design.finish")
                if m.can_finish
                else kit.t("design.more", n=m.min_choices - m.decisions)
            )
        if self.play_button is not None:
            label = kit.t("design.stop" if m.playing else "design.play")
            self.play_button.set_text(label)
            m.bind(Action("play"), label)

    def sound_step(self, step: int) -> None:
        m = self.m
        wave = getattr(m.option("sound"), "wave", None) or "sine"
        volume = getattr(m.kit, "effects_volume", 1.0)  # the player's effects volume, read now
        for item in m.items:
            if m.cells.get(f"{item.id}:{step}"):
                level = m.levels.get(item.id, LEVELS) / LEVELS if m.levels else 1.0
                self.synth.play(item, wave, volume * level)

    def sound_track(self, iid: str) -> None:
        """A track heard once at its level (its fader just moved; level 0 is silence)."""
        m = self.m
        wave = getattr(m.option("sound"), "wave", None) or "sine"
        volume = getattr(m.kit, "effects_volume", 1.0)
        level = m.levels.get(iid, LEVELS) / LEVELS
        if level > 0:
            self.synth.play(m.item(iid), wave, volume * level)

    # -- drawing -----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, playhead_on_top: bool = False) -> None:
        """The board; ``playhead_on_top``: the tune's playhead (and the dancers) are drawn
        over the cached layer instead (see DesignMechanic.draw)."""
        from zones.challenges import design_canvas

        p = self.m.kit.painter
        if self.m.mode == "tune":
            design_canvas.draw_tune(self, surface, p, playhead_on_top)
        else:
            getattr(design_canvas, f"draw_{self.m.mode}")(self, surface, p)
        design_panels.draw_groups(self, surface, p)
        if self.tray is not None:
            design_panels.draw_tray(self, surface, p)
        design_panels.draw_brief(self, surface, p)
        design_panels.draw_feedback(self, surface, p)
        design_payoff.draw(self, surface, p, playhead_on_top)

    def cell_item(self, cell: str) -> Item | None:
        iid = self.m.cells.get(cell)
        return self.m.item(iid) if iid else None
