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
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text, design_payoff
from zones.challenges.actions import Action
from zones.challenges.design_fader import Faders
from zones.challenges.design_params import Item
from zones.challenges.design_rules import LEVELS
from zones.challenges.design_sound import Synth

WHITE = (255, 255, 255)
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
        m = self.m
        return self.say(m.feedback) if m.feedback else m.kit.t(f"design.start_{m.mode}")

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
        self._groups(self.groups_rect)
        self._poster_canvas(self.r(area, 456, 0, 330, 512))
        self.feedback_rect = self._feedback_box(self.r(area, 456, 522, 330, 48))
        self.tray = self._tray_box(self.r(area, 802, 0, 398, 222), 2)
        self.brief_rect = self._brief_box(
            self.r(area, 802, ui_layout.below(236, self.tray.bottom + 14 - area.y), 398, 176)
        )
        y = ui_layout.below(self.brief_rect.bottom + 14, 0)
        hint = pygame.Rect(area.x + 802, y, 398, ui_layout.grow(48, p.button_h()))
        return hint, pygame.Rect(
            area.x + 802, hint.bottom + 12, 398, ui_layout.grow(56, p.button_h("@primary"))
        )

    def _columns_tune(self, area):
        p, kit = self.m.kit.painter, self.m.kit
        self._tune_canvas(self.r(area, 0, 0, 1200, 350))
        self.feedback_rect = self._feedback_box(self.r(area, 560, 6, 624, 30), strip=True)
        y = self.canvas.bottom + 8
        self.groups_rect = pygame.Rect(area.x, y, 430, area.bottom - y)
        self._groups(self.groups_rect)
        self.brief_rect = self._brief_box(pygame.Rect(area.x + 446, y, 440, area.bottom - y))
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
        self.feedback_rect = self._feedback_box(self.r(area, 0, 380, 700, 36))
        self.brief_rect = self._brief_box(
            pygame.Rect(area.x, self.feedback_rect.bottom + 10, 700, 144), cols=2
        )
        self.tray = self._tray_box(self.r(area, 720, 0, 480, 236), 2)
        self.groups_rect = pygame.Rect(
            area.x + 720, ui_layout.below(area.y + 248, self.tray.bottom + 12), 480, 250
        )
        self._groups(self.groups_rect)
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
        self.feedback_rect = self._feedback_box(pygame.Rect(x, self.canvas.bottom + GAP, w, 48))
        y = self.feedback_rect.bottom + GAP
        self.tray = None
        if m.mode != "tune":
            self.tray = self._tray_box(pygame.Rect(x, y, w, 0), 3)
            y = self.tray.bottom + GAP
        self.groups_rect = pygame.Rect(x, y, w, 0)
        self._groups(self.groups_rect)
        self.brief_rect = self._brief_box(pygame.Rect(x, self.groups_rect.bottom + GAP, w, 0))
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

    # -- panels ---------------------------------------------------------------------------------
    def _feedback_box(self, rect: pygame.Rect, strip: bool = False) -> pygame.Rect:
        p = self.m.kit.painter
        icon = ui_layout.icon(p, 24)
        need = max(
            ui_layout.label_h(p, text, rect.w - 54 - icon + 24, 17) for text in self.remarks()
        ) + (4 if strip else 14)
        rect.h = ui_layout.grow(rect.h, need)
        return rect

    def _tray_box(self, rect: pygame.Rect, base_cols: int) -> pygame.Rect:
        m, kit, p = self.m, self.m.kit, self.m.kit.painter
        head = ui_layout.below(
            44, ui_layout.text_h(p, kit.t(self._tray_key()), rect.w - 32, 19, True) + 20
        )
        cols = ui_layout.columns_for(p, base_cols, rect.w - 32, 150)
        item_w = (rect.w - 32 - 10 * (cols - 1)) // cols
        rows = -(-len(m.items) // cols)
        design = min(52, (rect.h - 50) // max(1, rows) - 10) if rect.h else 52
        item_h = ui_layout.grow(
            design,
            max(
                ui_layout.label_h(p, kit.pick(i.label) + " ✓", item_w - 54, 17, True)
                for i in m.items
            )
            + 16,
        )
        cards = ui_layout.grid(
            [item_h] * len(m.items), rect.x + 16, rect.y + head, rect.w - 32, cols, 10
        )
        for item, card in zip(m.items, cards, strict=True):
            self.item_rects[item.id] = card
            label = kit.pick(item.label)
            kit.ui.hotspot(card, label, lambda i=item.id: self._pick_tool(i))
            m.bind(Action("tool", "", item.id), label)
        rect.h = ui_layout.grow(rect.h, ui_layout.bottom(cards, rect.y) + 14 - rect.y)
        return rect

    def _tray_key(self) -> str:
        return "design.stickers" if self.m.mode == "poster" else "design.furniture"

    def _pick_tool(self, iid: str) -> None:
        self.m.perform(Action("tool", "", iid))
        self.drag_from = iid  # a mouse press here may end as a drop on the canvas

    def _groups(self, box: pygame.Rect) -> None:
        """Groups stacked in their panel: a heading, then the option chips (equal shares
        of the row where labels may shrink, else sized to their labels and flowing)."""
        m, kit, p = self.m, self.m.kit, self.m.kit.painter
        bw = box.w - 32
        design_block = min(100, (box.h - 20) // len(m.groups)) if box.h else 0
        y = box.y + 12
        for k, group in enumerate(m.groups):
            y = ui_layout.below(box.y + 12 + k * design_block, y)
            head = ui_layout.label_h(p, kit.pick(group.label) + " ★", bw, 18, True)
            self.group_rects[group.id] = pygame.Rect(box.x + 16, y, bw, head)
            opts = group.options
            share = (bw - 8 * (len(opts) - 1)) // len(opts)
            widths = [
                share
                if ui_layout.shrinks(p)
                else max(share, _chip_w(p, kit.pick(o.label), o.colour is not None))
                for o in opts
            ]
            chip_h = ui_layout.grow(
                42,
                max(
                    ui_layout.label_h(p, kit.pick(o.label), w - 30, 16, True)
                    for o, w in zip(opts, widths, strict=True)
                )
                + 14,
            )
            rects = ui_layout.flow(widths, box.x + 16, y + head + 4, bw, chip_h, 8)
            for opt, rect in zip(opts, rects, strict=True):
                self.option_rects[(group.id, opt.id)] = rect
                label = f"{kit.pick(group.label)}: {kit.pick(opt.label)}"
                kit.ui.hotspot(
                    rect, label, lambda g=group.id, o=opt.id: m.perform(Action("set", g, o))
                )
                m.bind(Action("set", group.id, opt.id), label)
            y = ui_layout.bottom(rects, y) + 10
        box.h = ui_layout.grow(box.h, y + 4 - box.y)

    def _brief_box(self, rect: pygame.Rect, cols: int = 1) -> pygame.Rect:
        """As tall as the longest brief the level may show (its change of mind included)."""
        m, p, t, pick = self.m, self.m.kit.painter, self.m.kit.t, self.m.kit.pick
        self.brief_cols = cols if ui_layout.shrinks(p) else 1
        w = rect.w
        head = (
            max(
                ui_layout.label_h(p, t(key), w - 32, 19, True)
                for key in ("design.brief", "design.free")
            )
            + 18
        )
        need = head + ui_layout.text_h(p, t("design.free_help", n=m.min_choices), w - 32, 17) + 12
        col_w = (w - 32) // self.brief_cols
        for brief in m.params.briefs:
            wants = brief.wants[: max(2, len(m.wants))]
            rows = [ui_layout.label_h(p, pick(wt.text), col_w - 36, 17, True) + 6 for wt in wants]
            per_col = [sum(rows[c :: self.brief_cols]) for c in range(self.brief_cols)]
            client = ui_layout.text_h(p, pick(brief.client), w - 40 - ui_layout.scaled(p, 40), 17)
            need = max(need, head + client + 8 + max(per_col) + 10)
        rect.h = ui_layout.grow(rect.h, need)
        return rect

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
        self._draw_groups(surface, p)
        if self.tray is not None:
            self._draw_tray(surface, p)
        self._draw_brief(surface, p)
        self._draw_feedback(surface, p)
        design_payoff.draw(self, surface, p, playhead_on_top)

    def _draw_groups(self, surface, p) -> None:
        m, pal = self.m, p.palette
        p.panel(surface, self.groups_rect)
        for group in m.groups:
            head = self.group_rects[group.id]
            hinted = m.hint_target == ("group", group.id)
            ui_layout.label(
                p,
                surface,
                m.kit.pick(group.label) + (" ★" if hinted else ""),
                (head.x, head.centery),
                head.w,
                18,
                bold=True,
                box=self.groups_rect,
            )
            for opt in group.options:
                rect = self.option_rects[(group.id, opt.id)]
                chosen = m.choice.get(group.id) == opt.id
                pygame.draw.rect(surface, pal.panel, rect, border_radius=10)
                pygame.draw.rect(
                    surface,
                    pal.ink if chosen else pal.panel_edge,
                    rect,
                    3 if chosen else 2,
                    border_radius=10,
                )
                x = rect.x + 8
                if opt.colour is not None:
                    strip = pygame.Rect(rect.x + 6, rect.y + 6, 12, rect.h - 12)
                    pygame.draw.rect(surface, p.colour(opt.colour), strip, border_radius=4)
                    pygame.draw.rect(surface, pal.ink, strip, 1, border_radius=4)
                    x = strip.right + 6
                ui_layout.label(
                    p,
                    surface,
                    m.kit.pick(opt.label),
                    (x, rect.centery),
                    rect.right - 10 - x,
                    16,
                    bold=chosen,
                    box=rect,
                )
                if chosen:
                    badge = (rect.right - 4, rect.y + 4)
                    pygame.draw.circle(surface, pal.good, badge, 10)
                    p.icon(
                        surface, "check", badge, 13, WHITE if not pal.high_contrast else (0, 0, 0)
                    )

    def _draw_tray(self, surface, p) -> None:
        m, pal, tray = self.m, p.palette, self.tray
        assert tray is not None, "the tray is laid out before it is drawn"
        p.panel(surface, tray)
        p.text(
            surface,
            m.kit.t(self._tray_key()),
            (tray.x + 16, tray.y + 12),
            19,
            bold=True,
            width=tray.w - 32,
            box=tray,
        )
        for item in m.items:
            rect = self.item_rects[item.id]
            active = m.tool == item.id
            hinted = m.hint_target == ("item", item.id)
            fill = (255, 244, 220) if (active or hinted) and not pal.high_contrast else pal.panel
            pygame.draw.rect(surface, fill, rect, border_radius=10)
            pygame.draw.rect(
                surface,
                pal.focus if hinted else (pal.ink if active else pal.panel_edge),
                rect,
                3 if active or hinted else 2,
                border_radius=10,
            )
            p.shape(
                surface,
                item.shape,
                (rect.x + 24, rect.centery),
                min(15, rect.h // 2 - 6),
                p.colour(item.colour),
            )
            label = m.kit.pick(item.label)
            if m.mode == "room" and item.id in m.cells.values():
                label += " ✓"
            ui_layout.label(
                p,
                surface,
                label,
                (rect.x + 46, rect.centery),
                rect.w - 54 - (22 if hinted else 0),
                17,
                bold=active,
                box=rect,
            )
            if hinted:
                board_text.hint_mark(p, surface, rect)

    def _draw_brief(self, surface, p) -> None:
        m, pal, t = self.m, p.palette, self.m.kit.t
        rect = self.brief_rect
        p.panel(surface, rect)
        title = ui_layout.label(
            p,
            surface,
            t("design.brief" if m.wants else "design.free"),
            (rect.x + 16, rect.y + 12 + p.line(19, True) // 2),
            rect.w - 32,
            19,
            bold=True,
            box=rect,
        )
        y = max(title.bottom, rect.y + 12 + p.line(16, True)) + 6
        if not m.wants:
            p.text(
                surface,
                t("design.free_help", n=m.min_choices),
                (rect.x + 16, y),
                17,
                width=rect.w - 32,
                colour=pal.muted,
                box=rect,
            )
            return
        face = ui_layout.scaled(p, 40)
        design_payoff.face(
            surface, p, (rect.right - 16 - face // 2, y + face // 2), face // 2, m.rules.mood()
        )
        client = m.kit.pick(m.brief.client)
        y = (
            p.text(
                surface,
                client,
                (rect.x + 16, y),
                17,
                width=rect.w - 40 - face,
                colour=pal.muted,
                box=rect,
            ).bottom
            + 8
        )
        col_w = (rect.w - 32) // self.brief_cols
        ys = [y] * self.brief_cols
        for k, want in enumerate(m.wants):
            col = k % self.brief_cols
            x = rect.x + 16 + col * col_w
            text = m.kit.pick(want.text)
            h = ui_layout.label_h(p, text, col_w - 36, 17, True)
            side = min(20, p.line(17) - 4)
            box = pygame.Rect(x, ys[col] + (h - side) // 2, side, side)
            ok = m.met(want)
            pygame.draw.rect(surface, pal.panel, box, border_radius=4)
            pygame.draw.rect(surface, pal.ink, box, 2, border_radius=4)
            if ok:
                p.icon(surface, "check", box.center, side - 2, pal.good)
            ui_layout.label(
                p, surface, text, (x + 28, ys[col] + h // 2), col_w - 36, 17, bold=not ok, box=rect
            )
            ys[col] += h + 6

    def _draw_feedback(self, surface, p) -> None:
        m, pal, rect = self.m, p.palette, self.feedback_rect
        if m.mode != "tune" or rect.h > 40:
            p.panel(
                surface,
                rect,
                radius=min(18, rect.h // 2),
                shadow=False,
                fill=(255, 244, 220) if not pal.high_contrast else None,
            )
        size = ui_layout.icon(p, 24)
        p.icon(surface, "palette", (rect.x + 10 + size // 2, rect.centery), size, pal.accent)
        ui_layout.label(
            p,
            surface,
            self.feedback_text(),
            (rect.x + 18 + size, rect.centery),
            rect.w - 30 - size,
            17,
            box=rect,
        )

    def cell_item(self, cell: str) -> Item | None:
        iid = self.m.cells.get(cell)
        return self.m.item(iid) if iid else None


def _chip_w(p, text: str, colour: bool) -> int:
    return p.font(16, True).size(text)[0] + 16 + (18 if colour else 0) + 14
