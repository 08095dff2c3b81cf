"""Screens for the dialogue mechanic: three layouts chosen by ``params["layout"]``.

``clinic``: a big portrait, a speech bubble and stacked replies (face to face).
``board``: a small portrait, a speech bubble, a whiteboard with pie diagrams and a
2×2 grid of replies (a lesson). ``thread``: a phone-style message history with the
replies beside it (a chat that starts by text). The mood is always a face, a word and
a bar with the goal marked, never colour alone.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from zones.challenges import board_text
from zones.challenges.base import Action

WHITE = (255, 255, 255)


def draw_pie(surface: pygame.Surface, painter, centre, r: int, shaded: int, slices: int, *,
             label: bool = True) -> None:
    """A pizza cut in ``slices`` with ``shaded`` slices filled (and k/n written under it)."""
    pal = painter.palette
    crust = (214, 160, 90) if not pal.high_contrast else (0, 0, 0)
    fill = (231, 76, 60) if not pal.high_contrast else (255, 255, 255)
    cx, cy = centre
    pygame.draw.circle(surface, crust, (cx, cy), r)
    for k in range(shaded):
        a0 = -math.pi / 2 + 2 * math.pi * k / slices
        a1 = -math.pi / 2 + 2 * math.pi * (k + 1) / slices
        steps = max(2, int(24 / slices) + 2)
        pts = [(cx, cy)] + [(cx + (r - 3) * math.cos(a0 + (a1 - a0) * t / steps),
                             cy + (r - 3) * math.sin(a0 + (a1 - a0) * t / steps)) for t in range(steps + 1)]
        pygame.draw.polygon(surface, fill, pts)
    for k in range(slices):
        a = -math.pi / 2 + 2 * math.pi * k / slices
        pygame.draw.line(surface, pal.ink, (cx, cy), (cx + r * math.cos(a), cy + r * math.sin(a)), 2)
    pygame.draw.circle(surface, pal.ink, (cx, cy), r, 3)
    if label:
        painter.text(surface, f"{shaded}/{slices}", (cx, cy + r + 4), 20, bold=True, align="center")


def draw_face(surface: pygame.Surface, painter, centre, r: int, level: int) -> None:
    """A round face whose mouth shows mood level 0 (upset) to 3 (happy)."""
    pal = painter.palette
    cx, cy = centre
    skin = (255, 214, 102) if not pal.high_contrast else (0, 0, 0)
    pygame.draw.circle(surface, skin, (cx, cy), r)
    pygame.draw.circle(surface, pal.ink, (cx, cy), r, 2)
    eye = max(2, r // 8)
    pygame.draw.circle(surface, pal.ink, (cx - r // 3, cy - r // 5), eye)
    pygame.draw.circle(surface, pal.ink, (cx + r // 3, cy - r // 5), eye)
    mouth = pygame.Rect(0, 0, r, r // 2)
    width = max(2, r // 9)
    if level == 0:
        mouth.center = (cx, cy + r // 2)
        pygame.draw.arc(surface, pal.ink, mouth, math.pi * 0.15, math.pi * 0.85, width)
    elif level == 1:
        pygame.draw.line(surface, pal.ink, (cx - r // 3, cy + r // 3), (cx + r // 3, cy + r // 3 - 2), width)
    else:
        mouth.center = (cx, cy + r // 5)
        if level == 3:
            mouth.inflate_ip(r // 4, r // 4)
        pygame.draw.arc(surface, pal.ink, mouth, math.pi * 1.1, math.pi * 1.9, width)


class DialogueView:
    """Lays out and draws one DialogueMechanic."""

    def __init__(self, mech) -> None:
        self.m = mech
        self.option_spots: list[Any] = []
        self.option_rects: list[pygame.Rect] = []
        self.hint_button = None
        self.area = pygame.Rect(0, 0, 0, 0)
        self.large = False

    # -- layout ---------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        m, kit = self.m, self.m.kit
        self.area = area
        layout = m.params["layout"]
        a = area

        def r(x, y, w, h):
            return pygame.Rect(a.x + x, a.y + y, w, h)

        self.large = board_text.large(kit.painter)
        if self.large:
            from zones.challenges import dialogue_large
            hint = dialogue_large.build(self, area)
        elif layout == "clinic":
            self.person, self.bubble = r(0, 0, 330, 570), r(360, 0, 840, 196)
            self.strip = r(360, 208, 840, 42)
            self.option_rects = [r(360, 264 + k * 76, 840, 66) for k in range(4)]
            hint = r(20, 500, 290, 52)
            self.board = None
        elif layout == "board":
            self.person, self.bubble, self.board = r(0, 0, 260, 300), r(280, 0, 440, 300), r(740, 0, 460, 300)
            self.option_rects = [r((k % 2) * 606, 316 + (k // 2) * 102, 594, 92) for k in range(4)]
            self.strip = r(0, 524, 900, 44)
            hint = r(920, 520, 280, 50)
        else:
            self.person, self.bubble, self.board = r(450, 0, 750, 150), r(0, 0, 430, 570), None
            self.strip = r(450, 162, 750, 42)
            self.option_rects = [r(450, 216 + k * 72, 750, 62) for k in range(4)]
            hint = r(450, 510, 280, 52)
        self.option_spots = [kit.ui.hotspot(rect, "", lambda k=k: self._press(k))
                             for k, rect in enumerate(self.option_rects)]
        kit.ui.shortcuts(self.option_spots, "abcd")        # the options are badged A–D
        self.hint_button = kit.ui.button(hint, kit.t("challenge.hint"), lambda: m.perform(Action("hint")))
        self.refresh()

    def _press(self, slot: int) -> None:
        m = self.m
        if m.phase == "end":
            m.perform(Action("end"))
        elif slot < len(m.options):
            m.perform(Action("reply", str(m.options[slot][0])))

    def refresh(self) -> None:
        """Match hotspot labels and visibility to the current options."""
        m = self.m
        if not self.option_spots:
            return
        for k, spot in enumerate(self.option_spots):
            if m.phase == "end":
                spot.visible = k == 0
                spot.label = m.kit.pick(m.params["goodbye"]) if k == 0 else ""
            else:
                spot.visible = k < len(m.options)
                spot.label = m.kit.pick(m.options[k][1]["text"]) if spot.visible else ""
        if self.hint_button is not None:
            self.hint_button.set_enabled(m.phase == "talk")
        ui = m.kit.ui
        focused = getattr(ui, "focused", None)
        if focused in self.option_spots and not focused.visible:
            ui.focus(self.option_spots[0])   # keep keyboard focus on something that is there

    # -- drawing --------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        m = self.m
        p = m.kit.painter
        if self.large:
            from zones.challenges import dialogue_large
            dialogue_large.draw(self, surface, p)
            return
        layout = m.params["layout"]
        self._person(surface, p, layout)
        if layout == "thread":
            self._thread(surface, p)
        else:
            self._bubble(surface, p, layout)
        if self.board is not None:
            self._whiteboard(surface, p)
        self._strip(surface, p)
        self._options(surface, p)

    def _person(self, surface, p, layout: str) -> None:
        m, pal = self.m, p.palette
        person = m.params["person"]
        rect = self.person
        p.panel(surface, rect)
        name, role = m.kit.pick(person["name"]), m.kit.pick(person["role"])
        colour = p.colour(person["colour"])
        if layout == "thread":
            centre, radius = (rect.x + 70, rect.centery), 46
            p.text_fit(surface, name, (rect.x + 132, rect.y + 36), 240, 22, bold=True)
            p.text_fit(surface, role, (rect.x + 132, rect.y + 66), 240, 17, colour=pal.muted)
            meter = pygame.Rect(rect.x + 390, rect.y + 24, rect.w - 414, rect.h - 48)
        else:
            big = layout == "clinic"
            radius = 72 if big else 46
            centre = (rect.centerx, rect.y + (130 if big else 70))
            if big and not pal.high_contrast:
                pygame.draw.circle(surface, (236, 244, 250), centre, radius + 34)
                pygame.draw.rect(surface, (200, 222, 236), (rect.x + 40, centre[1] + 60, rect.w - 80, 28),
                                 border_radius=10)
            top = centre[1] + radius + 18
            p.text(surface, name, (rect.centerx, top), 22 if big else 20, bold=True, align="center")
            p.text_fit(surface, role, (rect.x + 16, top + 40), rect.w - 32, 17, colour=pal.muted)
            meter = pygame.Rect(rect.x + 16, top + (64 if big else 56), rect.w - 32, 96)
        from_shape = person["shape"]
        p.shape(surface, from_shape, centre, radius, colour)
        draw_face(surface, p, centre, int(radius * 0.55), min(3, m.mood // 25))
        self._meter(surface, p, meter)

    def _meter(self, surface, p, rect: pygame.Rect) -> None:
        """Mood: a word, a bar with a goal mark and a number (the face is on the avatar)."""
        m, pal = self.m, p.palette
        p.text_fit(surface, m.kit.t("dialogue.mood", mood=m.mood_word()), (rect.x, rect.y + 14), rect.w, 19,
                   bold=True)
        bar = pygame.Rect(rect.x, rect.y + 34, rect.w, 22)
        pygame.draw.rect(surface, pal.panel, bar, border_radius=11)
        fill = bar.copy()
        fill.w = max(bar.h, int(bar.w * m.mood / 100))
        pygame.draw.rect(surface, pal.good if m.mood >= m.threshold else pal.accent, fill, border_radius=11)
        pygame.draw.rect(surface, pal.panel_edge if not pal.high_contrast else pal.ink, bar, 2, border_radius=11)
        gx = bar.x + int(bar.w * m.threshold / 100)
        pygame.draw.line(surface, pal.ink, (gx, bar.y - 4), (gx, bar.bottom + 4), 3)
        pygame.draw.polygon(surface, pal.ink, [(gx - 6, bar.bottom + 10), (gx + 6, bar.bottom + 10), (gx, bar.bottom + 3)])
        if rect.h > 70:
            goal = m.kit.t("dialogue.goal_mark", n=m.threshold, mood=m.mood)
            p.text_fit(surface, goal, (rect.x, bar.bottom + 24), rect.w, 16, colour=pal.muted)

    def _bubble(self, surface, p, layout: str) -> None:
        m, pal = self.m, p.palette
        rect = self.bubble
        p.panel(surface, rect, radius=24)
        tail_y = rect.y + (110 if layout == "clinic" else 70)
        pts = [(rect.x + 2, tail_y - 16), (rect.x - 22, tail_y), (rect.x + 2, tail_y + 16)]
        pygame.draw.polygon(surface, pal.panel, pts)
        pygame.draw.lines(surface, pal.panel_edge, False, pts, 2)
        name = m.kit.pick(m.params["person"]["name"])
        p.text(surface, name, (rect.x + 24, rect.y + 16), 18, bold=True, colour=pal.muted)
        y = rect.y + 46
        width = rect.w - 48
        if m.react and m.picks:
            drawn = p.text(surface, m.kit.pick(m.react), (rect.x + 24, y), 18, colour=pal.muted, width=width)
            y = drawn.bottom + 12
        p.text(surface, m.kit.pick(m.history[-1][1] if m.phase == "end" else m.node["say"]),
               (rect.x + 24, y), 21, bold=True, width=width)

    def _thread(self, surface, p) -> None:
        m, pal = self.m, p.palette
        phone = self.bubble
        frame = (44, 48, 70) if not pal.high_contrast else (0, 0, 0)
        pygame.draw.rect(surface, frame, phone, border_radius=34)
        pygame.draw.rect(surface, pal.panel_edge, phone, 2, border_radius=34)
        screen = phone.inflate(-28, -56)
        bg = (239, 242, 248) if not pal.high_contrast else (0, 0, 0)
        pygame.draw.rect(surface, bg, screen, border_radius=14)
        pygame.draw.rect(surface, (90, 96, 120), (phone.centerx - 40, phone.y + 14, 80, 8), border_radius=4)
        clip = surface.get_clip()
        surface.set_clip(screen)
        y = screen.bottom - 10
        name = m.kit.pick(m.params["person"]["name"])
        you = m.kit.t("dialogue.you")
        for who, said in reversed(m.history):
            text = m.kit.pick(said)
            w = screen.w - 90
            h = p.height(text, 18, w - 24) + 34
            mine = who == "you"
            box = pygame.Rect(0, y - h, w, h)
            if mine:
                box.right = screen.right - 10
                fill = (58, 134, 255) if not pal.high_contrast else (0, 0, 0)
                ink = WHITE
            else:
                box.x = screen.x + 10
                fill = pal.panel
                ink = pal.ink
            pygame.draw.rect(surface, fill, box, border_radius=14)
            pygame.draw.rect(surface, pal.panel_edge if not mine else fill, box, 2, border_radius=14)
            if pal.high_contrast:
                pygame.draw.rect(surface, WHITE, box, 2, border_radius=14)
            p.text(surface, you if mine else name, (box.x + 12, box.y + 6), 14, bold=True, colour=ink)
            p.text(surface, text, (box.x + 12, box.y + 26), 18, colour=ink, width=w - 24)
            y = box.y - 10
            if y < screen.y:
                break
        surface.set_clip(clip)

    def _whiteboard(self, surface, p) -> None:
        m, pal = self.m, p.palette
        rect = self.board
        p.panel(surface, rect, fill=(250, 252, 250) if not pal.high_contrast else None, radius=10)
        pygame.draw.rect(surface, (150, 150, 160) if not pal.high_contrast else pal.ink, rect, 6, border_radius=10)
        p.text(surface, m.kit.t("dialogue.whiteboard"), (rect.x + 20, rect.y + 14), 18, bold=True, colour=pal.muted)
        board = (m.node or {}).get("board") or {}
        pies = board.get("pies") or []
        if not pies and m.phase == "end":
            pies = [[1, 2], [2, 4]]
        for k, (shaded, slices) in enumerate(pies[:3]):
            cx = rect.x + int(rect.w * (k + 1) / (len(pies[:3]) + 1))
            draw_pie(surface, p, (cx, rect.y + 120), 60, shaded, slices)
        if "text" in board:
            p.text(surface, m.kit.pick(board["text"]), (rect.centerx, rect.bottom - 64), 20, align="center",
                   width=rect.w - 40)
        if not pies and "text" not in board:
            p.text(surface, "½ ⅓ ¼ ?", (rect.centerx, rect.centery - 20), 44, bold=True, align="center",
                   colour=pal.muted)

    def _strip(self, surface, p) -> None:
        m, pal = self.m, p.palette
        rect = self.strip
        node = m.node
        if m.phase == "end":
            good = m.mood >= m.threshold
            p.icon(surface, "check" if good else "cross", (rect.x + 18, rect.centery), 24,
                   pal.good if good else pal.bad)
            p.text_fit(surface, m.kit.t("dialogue.reached" if good else "dialogue.missed", n=m.threshold),
                       (rect.x + 40, rect.centery), rect.w - 44, 19, bold=True)
            return
        tip = node.get("tip") if node and m.difficulty == 1 else None
        cue = m.picks > 0 and m.difficulty < 3
        if not tip and not cue and m.phase == "talk":
            p.text_fit(surface, m.kit.t("dialogue.pick_reply"), (rect.x + 4, rect.centery), rect.w - 8, 18,
                       colour=pal.muted)
            return
        x = rect.x
        if cue:
            chip = pygame.Rect(x, rect.y, 210, rect.h)
            on_chip = mood_chip(surface, m, chip)
            p.text_fit(surface, mood_word(m), (chip.x + 42, chip.centery), chip.w - 50, 17, colour=on_chip,
                       bold=True)
            x = chip.right + 12
        if tip:
            box = pygame.Rect(x, rect.y, rect.right - x, rect.h)
            fill = (255, 244, 220) if not pal.high_contrast else None
            p.panel(surface, box, fill=fill, radius=rect.h // 2, shadow=False)
            p.shape(surface, "star", (box.x + 22, box.centery), 11, pal.focus)
            p.text_fit(surface, m.kit.t("dialogue.tip", tip=m.kit.pick(tip)), (box.x + 42, box.centery),
                       box.w - 54, 17)

    @staticmethod
    def _wrapped(surface, p, text: str, x: int, cy: int, width: int, height: int) -> None:
        """Wrapped text centred on ``cy``: 19 px, smaller only if it would not fit."""
        for size in (19, 17, 15):
            h = p.height(text, size, width)
            if h <= height:
                break
        p.text(surface, text, (x, cy - h // 2), size, width=width)

    def _options(self, surface, p) -> None:
        m, pal = self.m, p.palette
        if m.phase == "end":
            rect = self.option_rects[0]
            p.panel(surface, rect, fill=(232, 246, 238) if not pal.high_contrast else None, radius=14)
            p.icon(surface, "heart", (rect.x + 32, rect.centery), 26, pal.good)
            p.text_fit(surface, m.kit.pick(m.params["goodbye"]), (rect.x + 60, rect.centery), rect.w - 80, 20,
                       bold=True)
            return
        for k, (index, reply) in enumerate(m.options):
            rect = self.option_rects[k]
            hinted = index == m.hint_reply
            spot = self.option_spots[k] if k < len(self.option_spots) else None
            hovered = bool(spot and getattr(spot, "hovered", False))
            fill = (255, 244, 220) if hinted and not pal.high_contrast else (
                (246, 249, 255) if hovered and not pal.high_contrast else pal.panel)
            p.panel(surface, rect, fill=fill, radius=14, edge=pal.focus if hinted else None)
            badge = (rect.x + 28, rect.centery)
            pygame.draw.circle(surface, pal.accent, badge, 17)
            p.text(surface, "ABCD"[k], (badge[0], badge[1] - 12), 19, bold=True, align="center",
                   colour=(0, 0, 0) if pal.high_contrast else WHITE)
            x = rect.x + 56
            if "pie" in reply:
                pr = min(26, rect.h // 2 - 20)
                draw_pie(surface, p, (x + pr + 4, rect.centery - 10), pr, reply["pie"][0], reply["pie"][1],
                         label=False)
                p.text(surface, f"{reply['pie'][0]}/{reply['pie'][1]}", (x + pr + 4, rect.centery + pr - 6), 16,
                       bold=True, align="center")
                x += 2 * pr + 20
            right = rect.right - (96 if hinted else 16)
            self._wrapped(surface, p, m.kit.pick(reply["text"]), x, rect.centery, right - x, rect.h - 12)
            if hinted:
                p.shape(surface, "star", (rect.right - 76, rect.centery), 12, pal.focus)
                p.text(surface, m.kit.t("dialogue.hinted"), (rect.right - 60, rect.centery - 10), 16, bold=True)


def mood_word(m: Any) -> str:
    """How the last reply moved the mood, in words (up / down / the same)."""
    delta = m.last_delta
    return m.kit.t("dialogue.up" if delta > 0 else ("dialogue.down" if delta < 0 else "dialogue.same"))


def mood_chip(surface: pygame.Surface, m: Any, chip: pygame.Rect) -> tuple[int, int, int]:
    """The chip behind :func:`mood_word`: its colour and an arrow (up, down or a bar), so the
    change is not told by colour alone. Returns the colour to write the word in."""
    pal = m.kit.painter.palette
    delta = m.last_delta
    colour = pal.good if delta > 0 else (pal.bad if delta < 0 else pal.muted)
    pygame.draw.rect(surface, colour, chip, border_radius=chip.h // 2)
    cy = chip.centery
    if delta > 0:
        pts = [(chip.x + 16, cy + 7), (chip.x + 32, cy + 7), (chip.x + 24, cy - 8)]
    elif delta < 0:
        pts = [(chip.x + 16, cy - 7), (chip.x + 32, cy - 7), (chip.x + 24, cy + 8)]
    else:
        pts = [(chip.x + 16, cy - 4), (chip.x + 32, cy - 4), (chip.x + 32, cy + 4), (chip.x + 16, cy + 4)]
    on_chip = (0, 0, 0) if pal.high_contrast else WHITE
    pygame.draw.polygon(surface, on_chip, pts)
    return on_chip
