"""Screens for the design mechanic, one layout per mode.

``poster``: option groups on the left, a portrait poster in the middle (a 3×4 sticker
grid), the sticker tray, brief and buttons on the right. ``tune``: a wide step grid
(rows = drums and notes, a moving playhead) above a strip of options, brief and
Play/Finish. ``room``: a top-down floor plan with walls and a door, the brief under it,
furniture and colour options on the right. Chosen options carry a tick and a thick
outline, placed things are shapes with names: never colour alone.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones.challenges import board_text
from zones.challenges.base import Action
from zones.challenges.design_sound import Synth

WHITE = (255, 255, 255)


class DesignView:
    def __init__(self, mech) -> None:
        self.m = mech
        self.synth = Synth()
        self.option_rects: dict[tuple[str, str], pygame.Rect] = {}
        self.group_rects: dict[str, pygame.Rect] = {}
        self.item_rects: dict[str, pygame.Rect] = {}
        self.cell_rects: dict[str, pygame.Rect] = {}
        self.finish_button = self.play_button = None
        self.large: dict | None = None

    # -- layout ---------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        m, kit = self.m, self.m.kit
        self.option_rects, self.group_rects, self.item_rects, self.cell_rects = {}, {}, {}, {}

        def r(x, y, w, h):
            return pygame.Rect(area.x + x, area.y + y, w, h)

        self.large = None
        if board_text.large(kit.painter):
            from zones.challenges import design_large
            hint, finish = design_large.build(self, area)
            kit.ui.button(hint, kit.t("design.idea"), lambda: m.perform(Action("hint")))
            self.finish_button = kit.ui.button(finish, kit.t("design.finish"), lambda: m.perform(Action("finish")),
                                               "@primary")
            self.refresh()
            return
        if m.mode == "poster":
            self.canvas, self.feedback_rect = r(456, 0, 330, 512), r(456, 522, 330, 48)
            self.groups_rect, self.tray = r(0, 0, 440, 570), r(802, 0, 398, 222)
            self.brief_rect = r(802, 236, 398, 190)
            hint, finish = r(802, 440, 398, 48), r(802, 500, 398, 62)
        elif m.mode == "tune":
            self.canvas, self.feedback_rect = r(0, 0, 1200, 372), r(560, 6, 624, 30)
            self.groups_rect, self.tray = r(0, 388, 470, 182), None
            self.brief_rect = r(486, 388, 400, 182)
            self.play_button = kit.ui.button(r(902, 388, 298, 50), kit.t("design.play"),
                                             lambda: m.perform(Action("play")))
            hint, finish = r(902, 448, 298, 48), r(902, 506, 298, 60)
        else:
            self.canvas, self.feedback_rect = r(0, 0, 700, 392), r(0, 402, 700, 36)
            self.brief_rect, self.tray = r(0, 448, 700, 122), r(720, 0, 480, 236)
            self.groups_rect = r(720, 248, 480, 250)
            hint, finish = r(720, 512, 200, 54), r(934, 512, 266, 54)
        self._build_canvas()
        if self.tray is not None:
            cols, gap = 2, 10
            w = (self.tray.w - 32 - gap) // cols
            h = min(52, (self.tray.h - 50) // ((len(m.items) + 1) // cols) - gap)
            for k, item in enumerate(m.items):
                rect = pygame.Rect(self.tray.x + 16 + (k % cols) * (w + gap), self.tray.y + 44 + (k // cols) * (h + gap),
                                   w, h)
                self.item_rects[item["id"]] = rect
                kit.ui.hotspot(rect, kit.pick(item["label"]), lambda i=item["id"]: m.perform(Action("tool", "", i)))
        self._build_groups()
        kit.ui.button(hint, kit.t("design.idea"), lambda: m.perform(Action("hint")))
        self.finish_button = kit.ui.button(finish, kit.t("design.finish"), lambda: m.perform(Action("finish")),
                                           "@primary")
        self.refresh()

    def _build_canvas(self) -> None:
        m, kit = self.m, self.m.kit
        c = self.canvas
        if m.mode == "tune":
            grid = pygame.Rect(c.x + 190, c.y + 62, c.w - 206, c.h - 72)
            cw, ch = grid.w / m.cols, grid.h / m.rows
            for row, item in enumerate(m.items):
                for s in range(m.cols):
                    rect = pygame.Rect(int(grid.x + s * cw) + 2, int(grid.y + row * ch) + 2, int(cw) - 4, int(ch) - 4)
                    cell = f"{item['id']}:{s}"
                    self.cell_rects[cell] = rect
                    label = kit.t("design.cell_tune", item=kit.pick(item["label"]), step=s + 1)
                    kit.ui.hotspot(rect, label, lambda cell=cell, i=item["id"]: m.perform(Action("place", cell, i)))
            return
        grid = c.inflate(-24, -24) if m.mode == "poster" else c.inflate(-56, -56)
        cw, ch = grid.w / m.cols, grid.h / m.rows
        for r in range(m.rows):
            for col in range(m.cols):
                rect = pygame.Rect(int(grid.x + col * cw) + 3, int(grid.y + r * ch) + 3, int(cw) - 6, int(ch) - 6)
                cell = f"{col},{r}"
                self.cell_rects[cell] = rect
                kit.ui.hotspot(rect, kit.t("design.cell", col=col + 1, row=r + 1),
                               lambda cell=cell: m.perform(Action("place", cell, m.tool)))

    def _build_groups(self) -> None:
        """Groups stacked in their panel: a heading, then one row of option chips."""
        m, kit = self.m, self.m.kit
        box = self.groups_rect
        block_h = min(100, (box.h - 20) // len(m.groups))
        bw = box.w - 32
        for k, group in enumerate(m.groups):
            bx, by = box.x + 16, box.y + 12 + k * block_h
            self.group_rects[group["id"]] = pygame.Rect(bx, by, bw, 24)
            opts = group["options"]
            gap = 8
            ow = (bw - gap * (len(opts) - 1)) // len(opts)
            for j, opt in enumerate(opts):
                rect = pygame.Rect(bx + j * (ow + gap), by + 27, ow, 42)
                self.option_rects[(group["id"], opt["id"])] = rect
                kit.ui.hotspot(rect, f"{kit.pick(group['label'])}: {kit.pick(opt['label'])}",
                               lambda g=group["id"], o=opt["id"]: m.perform(Action("set", g, o)))

    def refresh(self) -> None:
        m, kit = self.m, self.m.kit
        if self.finish_button is not None:
            self.finish_button.set_enabled(m.can_finish)
            self.finish_button.set_text(kit.t("design.finish") if m.can_finish
                                        else kit.t("design.more", n=m.min_choices - m.decisions))
        if self.play_button is not None:
            self.play_button.set_text(kit.t("design.stop" if m.playing else "design.play"))

    def sound_step(self, step: int) -> None:
        m = self.m
        wave = (m.option("sound") or {}).get("wave", "sine")
        volume = getattr(m.kit, "effects_volume", 1.0)        # the player's effects volume, read now
        for item in m.items:
            if m.cells.get(f"{item['id']}:{step}"):
                self.synth.play(item, wave, volume)

    # -- drawing --------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        m = self.m
        p = m.kit.painter
        from zones.challenges import design_canvas

        getattr(design_canvas, f"draw_{m.mode}")(self, surface, p)
        if self.large is not None:
            from zones.challenges import design_large
            design_large.draw_groups(self, surface, p)
            if self.tray is not None:
                design_large.draw_tray(self, surface, p)
            design_large.draw_brief(self, surface, p)
            design_large.draw_feedback(self, surface, p, self.feedback_text())
            return
        self._groups(surface, p)
        if self.tray is not None:
            self._tray(surface, p)
        self._brief(surface, p)
        self._feedback(surface, p)

    def _groups(self, surface, p) -> None:
        m, pal = self.m, p.palette
        p.panel(surface, self.groups_rect)
        for group in m.groups:
            head = self.group_rects[group["id"]]
            hinted = m.hint_target == ("group", group["id"])
            p.text_fit(surface, m.kit.pick(group["label"]) + (" ★" if hinted else ""), (head.x, head.centery),
                       head.w, 18, bold=True, colour=pal.ink)
            for opt in group["options"]:
                rect = self.option_rects[(group["id"], opt["id"])]
                chosen = m.choice.get(group["id"]) == opt["id"]
                pygame.draw.rect(surface, pal.panel, rect, border_radius=10)
                pygame.draw.rect(surface, pal.ink if chosen else pal.panel_edge, rect, 3 if chosen else 2,
                                 border_radius=10)
                x = rect.x + 8
                if "colour" in opt:
                    strip = pygame.Rect(rect.x + 6, rect.y + 6, 12, rect.h - 12)
                    pygame.draw.rect(surface, p.colour(opt["colour"]), strip, border_radius=4)
                    pygame.draw.rect(surface, pal.ink, strip, 1, border_radius=4)
                    x = strip.right + 6
                p.text_fit(surface, m.kit.pick(opt["label"]), (x, rect.centery), rect.right - 6 - x, 16, bold=chosen)
                if chosen:
                    badge = (rect.right - 4, rect.y + 4)
                    pygame.draw.circle(surface, pal.good, badge, 10)
                    p.icon(surface, "check", badge, 13, WHITE if not pal.high_contrast else (0, 0, 0))

    def _tray(self, surface, p) -> None:
        m, pal = self.m, p.palette
        p.panel(surface, self.tray)
        key = "design.stickers" if m.mode == "poster" else "design.furniture"
        p.text_fit(surface, m.kit.t(key), (self.tray.x + 16, self.tray.y + 24), self.tray.w - 32, 19, bold=True)
        for item in m.items:
            rect = self.item_rects[item["id"]]
            active = m.tool == item["id"]
            hinted = m.hint_target == ("item", item["id"])
            fill = (255, 244, 220) if (active or hinted) and not pal.high_contrast else pal.panel
            pygame.draw.rect(surface, fill, rect, border_radius=10)
            pygame.draw.rect(surface, pal.focus if hinted else (pal.ink if active else pal.panel_edge), rect,
                             3 if active or hinted else 2, border_radius=10)
            p.shape(surface, item["shape"], (rect.x + 24, rect.centery), min(15, rect.h // 2 - 6),
                    p.colour(item["colour"]))
            label = m.kit.pick(item["label"])
            if m.mode == "room" and item["id"] in m.cells.values():
                label += " ✓"
            p.text_fit(surface, label, (rect.x + 46, rect.centery), rect.w - 54 - (22 if hinted else 0), 17, bold=active)
            if hinted:
                board_text.hint_mark(p, surface, rect)

    def _brief(self, surface, p) -> None:
        m, pal = self.m, p.palette
        rect = self.brief_rect
        p.panel(surface, rect)
        count = m.kit.t("design.count", n=m.decisions, total=m.min_choices)
        cw = p.font(16, True).size(count)[0]
        p.text(surface, count, (rect.right - 16, rect.y + 12), 16, bold=True, align="right",
               colour=pal.good if m.can_finish else pal.muted)
        title = "design.brief" if m.wants else "design.free"
        p.text_fit(surface, m.kit.t(title), (rect.x + 16, rect.y + 22), rect.w - cw - 48, 19, bold=True)
        y = rect.y + 44
        if not m.wants:
            p.text(surface, m.kit.t("design.free_help", n=m.min_choices), (rect.x + 16, y), 17,
                   width=rect.w - 32, colour=pal.muted)
            return
        client = m.kit.pick(m.brief["client"])
        if m.mode == "room":
            p.text_fit(surface, client, (rect.x + 16, y + 8), rect.w - 32, 17, colour=pal.muted)
            y += 22
        else:
            y = p.text(surface, client, (rect.x + 16, y), 17, width=rect.w - 32, colour=pal.muted).bottom + 6
        cols = 2 if m.mode == "room" else 1
        col_w = (rect.w - 32) // cols
        row_h = min(28, (rect.bottom - 8 - y) // max(1, (len(m.wants) + cols - 1) // cols))
        for k, want in enumerate(m.wants):
            x = rect.x + 16 + (k % cols) * col_w
            cy = y + (k // cols) * row_h + row_h // 2
            box = pygame.Rect(x, cy - 10, 20, 20)
            ok = m.met(want)
            pygame.draw.rect(surface, pal.panel, box, border_radius=4)
            pygame.draw.rect(surface, pal.ink, box, 2, border_radius=4)
            if ok:
                p.icon(surface, "check", box.center, 18, pal.good)
            p.text_fit(surface, m.kit.pick(want["text"]), (x + 28, cy), col_w - 36, 17, bold=not ok)

    def feedback_text(self) -> str:
        """The last remark, or the mode's opening instruction."""
        m = self.m
        if not m.feedback:
            return m.kit.t(f"design.start_{m.mode}")
        key, values = m.feedback
        picked = {k: m.kit.pick(v) if isinstance(v, dict) else v for k, v in values.items()}
        return picked["quip"] if not key else m.kit.t(key, **picked)

    def _feedback(self, surface, p) -> None:
        m, pal = self.m, p.palette
        text = self.feedback_text()
        rect = self.feedback_rect
        if m.mode != "tune":
            p.panel(surface, rect, radius=rect.h // 2, shadow=False,
                    fill=(255, 244, 220) if not pal.high_contrast else None)
        p.icon(surface, "palette", (rect.x + 22, rect.centery), 24, pal.accent)
        p.text_fit(surface, text, (rect.x + 42, rect.centery), rect.w - 54, 17)

    def cell_item(self, cell: str) -> dict[str, Any] | None:
        iid = self.m.cells.get(cell)
        return self.m.item(iid) if iid else None
