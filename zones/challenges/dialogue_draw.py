"""Drawing and layout of the dialogue view: one layout for every text size.

Called by ``DialogueMechanic.build`` (``DialogueView.build`` places the reply cards and the
hint button, with boxes measured from the longest text each can hold at the chosen size)
and ``draw`` (``DialogueView.draw`` into the cached layer, ``draw_live`` over it). Three
screens by ``params.layout``: ``clinic`` (the person beside a speech bubble and stacked
replies), ``board`` (a whiteboard with pie diagrams beside the bubble, replies in a grid),
``thread`` (a phone-style message history beside the replies). Where the columns do not
fit side by side (big text) they stack and the page grows. The mood is always a face, a
word and a bar with the goal marked, never colour alone. Touches only the surface given.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text
from zones.challenges.base import Action
from zones.challenges.dialogue_params import Board

WHITE = (255, 255, 255)
GAP = 14
LEFT_W = {"clinic": 300, "board": 300, "thread": 430}


def draw_pie(
    surface: pygame.Surface,
    painter,
    centre,
    r: int,
    shaded: int,
    slices: int,
    *,
    label: bool = True,
) -> None:
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
        pts = [(cx, cy)] + [
            (
                cx + (r - 3) * math.cos(a0 + (a1 - a0) * t / steps),
                cy + (r - 3) * math.sin(a0 + (a1 - a0) * t / steps),
            )
            for t in range(steps + 1)
        ]
        pygame.draw.polygon(surface, fill, pts)
    for k in range(slices):
        a = -math.pi / 2 + 2 * math.pi * k / slices
        pygame.draw.line(
            surface, pal.ink, (cx, cy), (cx + r * math.cos(a), cy + r * math.sin(a)), 2
        )
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
        pygame.draw.line(
            surface, pal.ink, (cx - r // 3, cy + r // 3), (cx + r // 3, cy + r // 3 - 2), width
        )
    else:
        mouth.center = (cx, cy + r // 5)
        if level == 3:
            mouth.inflate_ip(r // 4, r // 4)
        pygame.draw.arc(surface, pal.ink, mouth, math.pi * 1.1, math.pi * 1.9, width)


def mood_word(m: Any) -> str:
    """How the last reply moved the mood, in words (up / down / the same)."""
    delta = m.rules.last_delta
    return m.kit.t(
        "dialogue.up" if delta > 0 else ("dialogue.down" if delta < 0 else "dialogue.same")
    )


def mood_chip(surface: pygame.Surface, m: Any, chip: pygame.Rect) -> tuple[int, int, int]:
    """The chip behind :func:`mood_word`: its colour and an arrow (up, down or a bar), so the
    change is not told by colour alone. Returns the colour to write the word in."""
    pal = m.kit.painter.palette
    delta = m.rules.last_delta
    colour = pal.good if delta > 0 else (pal.bad if delta < 0 else pal.muted)
    pygame.draw.rect(surface, colour, chip, border_radius=chip.h // 2)
    cy = chip.centery
    if delta > 0:
        pts = [(chip.x + 16, cy + 7), (chip.x + 32, cy + 7), (chip.x + 24, cy - 8)]
    elif delta < 0:
        pts = [(chip.x + 16, cy - 7), (chip.x + 32, cy - 7), (chip.x + 24, cy + 8)]
    else:
        pts = [
            (chip.x + 16, cy - 4),
            (chip.x + 32, cy - 4),
            (chip.x + 32, cy + 4),
            (chip.x + 16, cy + 4),
        ]
    on_chip = (0, 0, 0) if pal.high_contrast else WHITE
    pygame.draw.polygon(surface, on_chip, pts)
    return on_chip


class DialogueView:
    """Lays out and draws one DialogueMechanic."""

    def __init__(self, mech) -> None:
        self.m = mech
        self.option_spots: list[Any] = []
        self.option_rects: list[pygame.Rect] = []
        self.hint_button: Any = None
        self.people: dict[str, pygame.Rect] = {}
        self.faces: dict[str, tuple[tuple[int, int], int]] = {}
        #: the speech bubble, the whiteboard and the phone (each only on the layouts that
        #: have one; set by ``layout``)
        self.bubble: pygame.Rect | None = None
        self.board: pygame.Rect | None = None
        self.phone: pygame.Rect | None = None
        self.strip = pygame.Rect(0, 0, 0, 0)
        self.bottom = 0

    # -- measuring -----------------------------------------------------------------------------
    def _texts(self, key: str) -> list[str]:
        m = self.m
        pick = m.kit.pick
        nodes = m.rules.nodes
        if key == "say":
            ends = [m.params.end_good, m.params.end_bad]
            return [pick(n.say) for n in nodes] + [pick(e) for e in ends]
        if key == "react":
            names = [pick(person.name) for person in m.rules.people.values()]
            longest = max(names, key=len) if len(names) > 1 else ""
            return [
                m.kit.t("dialogue.says", name=longest, line=pick(r.react))
                if longest
                else pick(r.react)
                for n in nodes
                for r in n.replies
            ] or [""]
        if key == "reply":
            return [pick(r.text) for n in nodes for r in n.replies] + [pick(m.params.goodbye)]
        if key == "tip":
            return (
                [m.kit.t("dialogue.tip", tip=pick(n.tip)) for n in nodes if n.tip]
                if m.rules.tips
                else []
            )
        return [
            m.kit.t("dialogue.pick_reply"),
            m.kit.t("dialogue.reached", n=99),
            m.kit.t("dialogue.missed", n=99),
        ]

    def _person_h(self, width: int, radius: int) -> int:
        """A person card: the face, the name, the role and the mood meter."""
        m, p = self.m, self.m.kit.painter
        roles = [m.kit.pick(person.role) for person in m.rules.people.values()]
        names = [m.kit.pick(person.name) for person in m.rules.people.values()]
        meter = self._meter_h(width - 32)
        return (
            16
            + 2 * radius
            + 10
            + ui_layout.tallest(p, names, width - 32, 20, True)
            + ui_layout.tallest(p, roles, width - 32, 17)
            + 8
            + meter
            + 12
        )

    def _meter_h(self, width: int) -> int:
        m, p = self.m, self.m.kit.painter
        words = [m.kit.t("dialogue.mood", mood=m.kit.pick(w)) for w in m.params.moods]
        goal = m.kit.t("dialogue.goal_mark", n=99, mood=100)
        return (
            ui_layout.tallest(p, words, width, 19, True)
            + 6
            + 22
            + 12
            + ui_layout.text_h(p, goal, width, 16)
        )

    # -- layout ----------------------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        m, kit = self.m, self.m.kit
        p, t = kit.painter, kit.t
        layout = m.params.layout
        side_by_side, left_w = ui_layout.beside(
            p, area.x, area.y, area.w, LEFT_W[layout], 560, GAP + 6
        )
        left = pygame.Rect(area.x, area.y, left_w, 0)
        right = ui_layout.second(left, area, side_by_side, 0, GAP + 6)
        who = list(m.rules.people)
        self.people, self.faces = {}, {}
        self.bubble = self.board = self.phone = None
        hint_label = t("challenge.hint")
        hint_size = (max(160, p.button_w(hint_label)), p.button_h())
        if layout == "thread":
            y = right.y
            cols = len(who) if ui_layout.columns_for(p, len(who), right.w, 330) == len(who) else 1
            w = (right.w - GAP * (cols - 1)) // cols
            h = self._header_h(w)
            for k, person in enumerate(who):
                col, row = k % cols, k // cols
                self.people[person] = pygame.Rect(
                    right.x + col * (w + GAP), y + row * (h + GAP), w, h
                )
            y = ui_layout.bottom(self.people.values(), y) + GAP
            right_bottom = self._strip_and_options(right, y, 1, hint_size)
            phone_h = (
                max(area.h, right_bottom - area.y)
                if side_by_side
                else max(420, int(360 * p.fonts.scale))
            )
            self.phone = pygame.Rect(left.x, left.y, left.w, phone_h)
            if not side_by_side:  # the phone first, everything else under it
                shift = self.phone.bottom + GAP - right.y
                for rect in [*self.people.values(), self.strip, *self.option_rects, self.hint_rect]:
                    rect.y += shift
                right_bottom += shift
            self.bottom = max(self.phone.bottom, right_bottom)
        else:
            radius = 52 if len(who) == 1 else 34
            h = self._person_h(left.w, radius)
            y = left.y
            for person in who:
                self.people[person] = pygame.Rect(left.x, y, left.w, h)
                y += h + GAP
            left_bottom = y - GAP
            y = right.y if side_by_side else left_bottom + GAP
            column = pygame.Rect(right.x, y, right.w, 0)
            bubble_h = self._bubble_h(column.w if layout == "clinic" else column.w)
            if layout == "board":
                fits, bubble_w = ui_layout.beside(
                    p, column.x, y, column.w, column.w - 380 - GAP, 380, GAP
                )
                bubble_w = column.w - 380 - GAP if fits else column.w
                bubble_h = self._bubble_h(bubble_w)
                self.bubble = pygame.Rect(column.x, y, bubble_w, bubble_h)
                board_h = max(
                    250,
                    14
                    + p.line(18, True)
                    + 10
                    + 2 * 58
                    + p.line(20, True)
                    + 14
                    + self._board_text_h(380 if fits else column.w)
                    + 16,
                )
                if fits:
                    self.board = pygame.Rect(self.bubble.right + GAP, y, 380, board_h)
                    self.bubble.h = max(bubble_h, board_h)
                else:
                    self.board = pygame.Rect(column.x, self.bubble.bottom + GAP, column.w, board_h)
                y = max(self.bubble.bottom, self.board.bottom) + GAP
                cols = 2 if ui_layout.columns_for(p, 2, column.w, 420) == 2 else 1
            else:
                self.bubble = pygame.Rect(column.x, y, column.w, bubble_h)
                y = self.bubble.bottom + GAP
                cols = 1
            y = self._strip_and_options(column, y, cols, hint_size)
            self.bottom = max(left_bottom, y)
        for spot in self.option_spots:
            spot.visible = False
        self.option_spots = [
            kit.ui.hotspot(rect, "", lambda k=k: self._press(k))
            for k, rect in enumerate(self.option_rects)
        ]
        kit.ui.shortcuts(self.option_spots, "abcd")  # the options are badged A–D
        self.hint_button = kit.ui.button(
            self.hint_rect, hint_label, lambda: m.perform(Action("hint"))
        )
        self.refresh()

    def _header_h(self, width: int) -> int:
        """A compact person header (thread screen): the face beside the name, role and meter."""
        m, p = self.m, self.m.kit.painter
        inner = width - 110
        roles = [m.kit.pick(person.role) for person in m.rules.people.values()]
        names = [m.kit.pick(person.name) for person in m.rules.people.values()]
        text = (
            ui_layout.tallest(p, names, inner, 20, True)
            + ui_layout.tallest(p, roles, inner, 17)
            + 8
            + self._meter_h(inner)
        )
        return max(110, text + 24)

    def _bubble_h(self, width: int) -> int:
        p = self.m.kit.painter
        inner = width - 48
        return (
            16
            + p.line(18, True)
            + 8
            + ui_layout.tallest(p, self._texts("react"), inner, 18)
            + 12
            + ui_layout.tallest(p, self._texts("say"), inner, 21, True)
            + 18
        )

    def _board_text_h(self, width: int) -> int:
        m, p = self.m, self.m.kit.painter
        texts = [m.kit.pick(n.board.text) for n in m.rules.nodes if n.board and n.board.text]
        return max(
            ui_layout.tallest(p, texts, width - 40, 20),
            ui_layout.tallest(p, texts, width - 40, 32, True) - 2 * 58 - p.line(20, True),
        )

    def _strip_and_options(
        self, column: pygame.Rect, y: int, cols: int, hint_size: tuple[int, int]
    ) -> int:
        """The tip / mood-change strip with the hint button at its end, then the four reply
        cards; returns the bottom."""
        m, p = self.m, self.m.kit.painter
        changes = [m.kit.t(k) for k in ("dialogue.up", "dialogue.down", "dialogue.same")]
        self.chip_w = min(
            column.w // 2, max(200, max(p.font(17, True).size(c)[0] for c in changes) + 60)
        )
        self.hinted_w = 24
        tip_w = column.w - self.chip_w - hint_size[0] - 90
        self.chip_h = chip_h = (
            max(ui_layout.label_h(p, c, self.chip_w - 50, 17, True) for c in changes) + 12
        )
        strip_w = column.w - hint_size[0] - GAP
        strip_h = max(
            42,
            hint_size[1],
            chip_h,
            ui_layout.tallest(p, self._texts("tip"), tip_w, 17) + 16,
            ui_layout.tallest(p, self._texts("status"), strip_w - 44, 19, True) + 16,
        )
        self.strip = pygame.Rect(column.x, y, strip_w, strip_h)
        self.hint_rect = pygame.Rect(
            self.strip.right + GAP, y + (strip_h - hint_size[1]) // 2, *hint_size
        )
        y = self.strip.bottom + GAP
        w = (column.w - GAP * (cols - 1)) // cols
        text_w = w - 2 * ui_layout.icon(p, 17) - 22 - 16 - self.hinted_w
        replies = [r for n in self.m.rules.nodes for r in n.replies]
        need = [
            ui_layout.text_h(p, m.kit.pick(r.text), text_w - (60 if r.pie is not None else 0), 19)
            for r in replies
        ]
        need.append(ui_layout.text_h(p, m.kit.pick(m.params.goodbye), w - 80, 20, True))
        h = max(60, max(need) + 16)
        self.option_rects = ui_layout.grid([h] * 4, column.x, y, column.w, cols, GAP, 10)
        return ui_layout.bottom(self.option_rects, y) + GAP

    # -- input -------------------------------------------------------------------------------------
    def _press(self, slot: int) -> None:
        m = self.m
        if m.rules.phase == "end":
            m.perform(Action("end"))
        elif slot < len(m.rules.options):
            m.perform(Action("reply", str(m.rules.options[slot][0])))

    def label_for(self, action: Action) -> str:
        if action.kind == "hint":
            return self.hint_button.label if self.hint_button is not None else ""
        if action.kind == "end":
            return self.option_spots[0].label if self.option_spots else ""
        for slot, (k, _) in enumerate(self.m.rules.options):
            if action == Action("reply", str(k)) and slot < len(self.option_spots):
                return self.option_spots[slot].label
        return ""

    def refresh(self) -> None:
        """Match the reply cards' labels and visibility to the options on offer."""
        m = self.m
        if not self.option_spots:
            return
        r = m.rules
        for k, spot in enumerate(self.option_spots):
            if r.phase == "end":
                spot.visible = k == 0 and not r.finished
                spot.label = m.kit.pick(m.params.goodbye) if k == 0 else ""
            else:
                spot.visible = k < len(r.options)
                spot.label = m.kit.pick(r.options[k][1].text) if spot.visible else ""
        if self.hint_button is not None:
            self.hint_button.set_enabled(Action("hint") in r.actions())
        ui = m.kit.ui
        focused: Any = getattr(ui, "focused", None)
        if focused in self.option_spots and not focused.visible:
            ui.focus(self.option_spots[0])  # keep keyboard focus on something that is there

    # -- drawing -----------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        m = self.m
        p = m.kit.painter
        for who, rect in self.people.items():
            (self._header if self.phone is not None else self._person)(surface, p, who, rect)
        if self.phone is not None:
            self._thread(surface, p)
        else:
            self._bubble(surface, p)
        if self.board is not None:
            self._whiteboard(surface, p)
        self._strip(surface, p)
        self._options(surface, p)

    def draw_live(self, surface: pygame.Surface) -> None:
        """The heart (helpful reply) or cloud (hurtful one) rising from the face that heard
        it; with reduced motion it stays put until it goes."""
        m = self.m
        if m.pop is None or m.pop_left <= 0 or m.pop[0] not in self.faces:
            return
        (cx, cy), radius = self.faces[m.pop[0]]
        done = 1 - m.pop_left / 1.2
        rise = 0 if m.kit.reduced_motion else int(30 * done)
        pal = m.kit.painter.palette
        centre = (cx + radius, cy - radius - rise)
        if m.pop[1] == "heart":
            m.kit.painter.icon(surface, "heart", centre, 24, pal.good)
        elif m.pop[1] == "cloud":
            for dx, dy, rr in ((-8, 2, 9), (4, -3, 11), (14, 3, 8)):
                pygame.draw.circle(surface, pal.muted, (centre[0] + dx, centre[1] + dy), rr)
            pygame.draw.line(
                surface,
                pal.bad,
                (centre[0] + 2, centre[1] + 10),
                (centre[0] - 3, centre[1] + 20),
                3,
            )

    def _person(self, surface, p, who: str, rect: pygame.Rect) -> None:
        m, pal = self.m, p.palette
        person = m.rules.people[who]
        p.panel(surface, rect)
        radius = 52 if len(self.people) == 1 else 34
        centre = (rect.centerx, rect.y + 16 + radius)
        speaking = m.rules.phase == "talk" and m.rules.speaker == who
        if speaking and not pal.high_contrast:
            pygame.draw.circle(surface, (236, 244, 250), centre, radius + 12)
        p.shape(surface, person.shape, centre, radius, p.colour(person.colour))
        draw_face(surface, p, centre, int(radius * 0.55), m.rules.mood_level(who))
        self.faces[who] = (centre, radius)
        y = centre[1] + radius + 10
        drawn = p.text(
            surface,
            m.kit.pick(person.name),
            (rect.centerx, y),
            20,
            bold=True,
            align="center",
            width=rect.w - 32,
        )
        drawn = p.text(
            surface,
            m.kit.pick(person.role),
            (rect.x + 16, drawn.bottom),
            17,
            colour=pal.muted,
            width=rect.w - 32,
        )
        self._meter(surface, p, who, pygame.Rect(rect.x + 16, drawn.bottom + 8, rect.w - 32, 0))

    def _header(self, surface, p, who: str, rect: pygame.Rect) -> None:
        m, pal = self.m, p.palette
        person = m.rules.people[who]
        p.panel(surface, rect)
        centre, radius = (rect.x + 52, rect.y + 56), 38
        p.shape(surface, person.shape, centre, radius, p.colour(person.colour))
        draw_face(surface, p, centre, int(radius * 0.55), m.rules.mood_level(who))
        self.faces[who] = (centre, radius)
        x, w = rect.x + 100, rect.w - 110
        drawn = p.text(surface, m.kit.pick(person.name), (x, rect.y + 12), 20, bold=True, width=w)
        drawn = p.text(
            surface, m.kit.pick(person.role), (x, drawn.bottom), 17, colour=pal.muted, width=w
        )
        self._meter(surface, p, who, pygame.Rect(x, drawn.bottom + 8, w, 0))

    def _meter(self, surface, p, who: str, rect: pygame.Rect) -> None:
        """Mood: a word, a bar with a goal mark and the numbers (the face is on the avatar)."""
        m, pal = self.m, p.palette
        mood, goal = m.rules.mood[who], m.rules.threshold
        drawn = p.text(
            surface,
            m.kit.t("dialogue.mood", mood=m.mood_word(who)),
            (rect.x, rect.y),
            19,
            bold=True,
            width=rect.w,
        )
        bar = pygame.Rect(rect.x, drawn.bottom + 6, rect.w, 22)
        pygame.draw.rect(surface, pal.panel, bar, border_radius=11)
        fill = bar.copy()
        fill.w = max(bar.h, int(bar.w * mood / 100))
        pygame.draw.rect(surface, pal.good if mood >= goal else pal.accent, fill, border_radius=11)
        pygame.draw.rect(
            surface, pal.panel_edge if not pal.high_contrast else pal.ink, bar, 2, border_radius=11
        )
        gx = bar.x + int(bar.w * goal / 100)
        pygame.draw.line(surface, pal.ink, (gx, bar.y - 4), (gx, bar.bottom + 4), 3)
        pygame.draw.polygon(
            surface,
            pal.ink,
            [(gx - 6, bar.bottom + 10), (gx + 6, bar.bottom + 10), (gx, bar.bottom + 3)],
        )
        p.text(
            surface,
            m.kit.t("dialogue.goal_mark", n=goal, mood=mood),
            (rect.x, bar.bottom + 12),
            16,
            colour=pal.muted,
            width=rect.w,
        )

    def _bubble(self, surface, p) -> None:
        m, pal = self.m, p.palette
        r = m.rules
        rect = self.bubble
        assert rect is not None, "drawn only on a layout with a bubble"
        p.panel(surface, rect, radius=24)
        who = r.speaker if r.phase == "talk" else "main"
        width = rect.w - 48
        p.text(
            surface,
            m.name_of(who),
            (rect.x + 24, rect.y + 16),
            18,
            bold=True,
            colour=pal.muted,
            width=width,
        )
        y = rect.y + 16 + p.line(18, True) + 8
        if r.react and r.picks:
            react = m.kit.pick(r.react)
            if len(r.people) > 1:
                react = m.kit.t("dialogue.says", name=m.name_of(r.last_who), line=react)
            drawn = p.text(surface, react, (rect.x + 24, y), 18, colour=pal.muted, width=width)
            y = drawn.bottom + 12
        said = r.history[-1][1] if r.phase == "end" else r.node.say
        p.text(surface, m.kit.pick(said), (rect.x + 24, y), 21, bold=True, width=width)

    def _thread(self, surface, p) -> None:
        m, pal = self.m, p.palette
        phone = self.phone
        assert phone is not None, "drawn only on the thread layout"
        frame = (44, 48, 70) if not pal.high_contrast else (0, 0, 0)
        pygame.draw.rect(surface, frame, phone, border_radius=34)
        pygame.draw.rect(surface, pal.panel_edge, phone, 2, border_radius=34)
        screen = phone.inflate(-28, -56)
        bg = (239, 242, 248) if not pal.high_contrast else (0, 0, 0)
        pygame.draw.rect(surface, bg, screen, border_radius=14)
        pygame.draw.rect(
            surface, (90, 96, 120), (phone.centerx - 40, phone.y + 14, 80, 8), border_radius=4
        )
        y = screen.bottom - 10
        you = m.kit.t("dialogue.you")
        w = screen.w - 60
        for who, said in reversed(m.rules.history):
            text = m.kit.pick(said)
            h = p.height(text, 18, w - 24) + p.line(14, True) + 14
            mine = who == "you"
            box = pygame.Rect(0, y - h, w, h)
            if box.y < screen.y + 6:
                break  # older messages scrolled off the top
            if mine:
                box.right = screen.right - 10
                fill, ink = ((58, 134, 255) if not pal.high_contrast else (0, 0, 0)), WHITE
            else:
                box.x = screen.x + 10
                fill, ink = pal.panel, pal.ink
            pygame.draw.rect(surface, fill, box, border_radius=14)
            pygame.draw.rect(
                surface,
                WHITE if pal.high_contrast else (pal.panel_edge if not mine else fill),
                box,
                2,
                border_radius=14,
            )
            p.text(
                surface,
                you if mine else m.name_of(who),
                (box.x + 12, box.y + 6),
                14,
                bold=True,
                colour=ink,
                width=w - 24,
            )
            p.text(
                surface,
                text,
                (box.x + 12, box.y + 8 + p.line(14, True)),
                18,
                colour=ink,
                width=w - 24,
            )
            y = box.y - 10

    def _whiteboard(self, surface, p) -> None:
        m, pal = self.m, p.palette
        rect = self.board
        assert rect is not None, "drawn only on the board layout"
        p.panel(surface, rect, fill=(250, 252, 250) if not pal.high_contrast else None, radius=10)
        pygame.draw.rect(
            surface,
            (150, 150, 160) if not pal.high_contrast else pal.ink,
            rect,
            6,
            border_radius=10,
        )
        p.text(
            surface,
            m.kit.t("dialogue.whiteboard"),
            (rect.x + 20, rect.y + 14),
            18,
            bold=True,
            colour=pal.muted,
            width=rect.w - 40,
        )
        node = m.rules.node
        board = node.board if node and node.board else Board()
        pies = list(board.pies)
        if not pies and m.rules.phase == "end":
            pies = [(1, 2), (2, 4)]
        top = rect.y + 14 + p.line(18, True) + 10
        radius = min(58, (rect.w - 40) // (2 * max(1, len(pies[:3]))) - 12)
        for k, (shaded, slices) in enumerate(pies[:3]):
            cx = rect.x + int(rect.w * (k + 1) / (len(pies[:3]) + 1))
            draw_pie(surface, p, (cx, top + radius), radius, shaded, slices)
        if board.text:
            text = m.kit.pick(board.text)
            if pies:
                y = top + 2 * radius + p.line(20, True) + 14
                p.text(surface, text, (rect.centerx, y), 20, align="center", width=rect.w - 40)
            else:  # the question alone, big, in the middle
                h = p.height(text, 32, rect.w - 40, True)
                p.text(
                    surface,
                    text,
                    (rect.centerx, max(top, rect.centery - h // 2)),
                    32,
                    bold=True,
                    align="center",
                    width=rect.w - 40,
                )
        if not pies and not board.text:
            p.text(
                surface,
                "½ ⅓ ¼ ?",
                (rect.centerx, rect.centery - 20),
                44,
                bold=True,
                align="center",
                colour=pal.muted,
            )

    def _strip(self, surface, p) -> None:
        m, pal = self.m, p.palette
        r = m.rules
        rect = self.strip
        if r.phase == "end":
            good = r.succeeded()
            p.icon(
                surface,
                "check" if good else "cross",
                (rect.x + 18, rect.centery),
                24,
                pal.good if good else pal.bad,
            )
            p.text(
                surface,
                m.kit.t("dialogue.reached" if good else "dialogue.missed", n=r.threshold),
                (rect.x + 40, rect.y + 8),
                19,
                bold=True,
                width=rect.w - 44,
            )
            return
        node = r.node
        tip = node.tip if node and r.tips else None
        cue = r.picks > 0 and r.difficulty < 3
        if not tip and not cue:
            p.text(
                surface,
                m.kit.t("dialogue.pick_reply"),
                (rect.x + 4, rect.y + 8),
                18,
                colour=pal.muted,
                width=rect.w - 8,
            )
            return
        x = rect.x
        if cue:
            chip = pygame.Rect(x, rect.y, self.chip_w, min(rect.h, max(42, self.chip_h)))
            on_chip = mood_chip(surface, m, chip)
            ui_layout.label(
                p,
                surface,
                mood_word(m),
                (chip.x + 42, chip.centery),
                chip.w - 50,
                17,
                colour=on_chip,
                bold=True,
                box=chip,
            )
            x = chip.right + 12
        if tip:
            box = pygame.Rect(x, rect.y, rect.right - x, rect.h)
            fill = (255, 244, 220) if not pal.high_contrast else None
            p.panel(surface, box, fill=fill, radius=min(21, rect.h // 2), shadow=False)
            p.shape(surface, "star", (box.x + 22, box.y + 21), 11, pal.focus)
            p.text(
                surface,
                m.kit.t("dialogue.tip", tip=m.kit.pick(tip)),
                (box.x + 42, box.y + 8),
                17,
                width=box.w - 54,
            )

    def _options(self, surface, p) -> None:
        m, pal = self.m, p.palette
        r = m.rules
        if r.phase == "end":
            rect = self.option_rects[0]
            p.panel(
                surface, rect, fill=(232, 246, 238) if not pal.high_contrast else None, radius=14
            )
            p.icon(surface, "heart", (rect.x + 32, rect.centery), 26, pal.good)
            ui_layout.label(
                p,
                surface,
                m.kit.pick(m.params.goodbye),
                (rect.x + 60, rect.centery),
                rect.w - 80,
                20,
                bold=True,
                box=rect,
            )
            return
        for k, (index, reply) in enumerate(r.options):
            rect = self.option_rects[k]
            hinted = index == r.hint_reply
            spot = self.option_spots[k] if k < len(self.option_spots) else None
            hovered = bool(spot and getattr(spot, "hovered", False))
            fill = (
                (255, 244, 220)
                if hinted and not pal.high_contrast
                else ((246, 249, 255) if hovered and not pal.high_contrast else pal.panel)
            )
            p.panel(surface, rect, fill=fill, radius=14, edge=pal.focus if hinted else None)
            br = ui_layout.icon(p, 17)
            badge = (rect.x + 11 + br, rect.centery)
            pygame.draw.circle(surface, pal.accent, badge, br)
            p.text(
                surface,
                "ABCD"[k],
                (badge[0], badge[1] - p.line(19, True) // 2),
                19,
                bold=True,
                align="center",
                colour=(0, 0, 0) if pal.high_contrast else WHITE,
                box=rect,
            )
            x = rect.x + 2 * br + 22
            if reply.pie is not None:
                pr = 22
                draw_pie(
                    surface,
                    p,
                    (x + pr + 4, rect.centery),
                    pr,
                    reply.pie[0],
                    reply.pie[1],
                    label=False,
                )
                x += 60
            right = rect.right - (self.hinted_w if hinted else 16)
            text = m.kit.pick(reply.text)
            h = p.height(text, 19, right - x)
            p.text(surface, text, (x, rect.centery - h // 2), 19, width=right - x, box=rect)
            if hinted:
                board_text.hint_mark(p, surface, rect)
