"""Drawing and layout of the dialogue view: one layout for every text size.

Called by ``DialogueMechanic.build`` (``DialogueView.build`` places the reply cards and the
hint button, with boxes measured from the longest text each can hold at the chosen size)
and ``draw`` (``DialogueView.draw`` into the cached layer, its parts painted by
``dialogue_paint``; ``draw_live`` over it). Three screens by ``params.layout``:
``clinic`` (the person beside a speech bubble and stacked replies), ``board`` (a
whiteboard with pie diagrams beside the bubble, replies in a grid), ``thread`` (a
phone-style message history beside the replies). Where the columns do not fit side by
side (big text) they stack and the page grows. Touches only the surface given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import dialogue_paint as paint
from zones.challenges.base import Action

GAP = 14
LEFT_W = {"clinic": 300, "board": 300, "thread": 430}


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
            (paint.header if self.phone is not None else paint.person)(self, surface, p, who, rect)
        if self.phone is not None:
            paint.thread(self, surface, p)
        else:
            paint.bubble(self, surface, p)
        if self.board is not None:
            paint.whiteboard(self, surface, p)
        paint.strip(self, surface, p)
        paint.options(self, surface, p)

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
