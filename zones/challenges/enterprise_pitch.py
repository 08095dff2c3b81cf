"""App pitch (``"mode": "pitch"``): win investors over one by one, then ask for money.

The player picks an app idea (a free choice), then faces the investors in turn. Each
investor cares about something (money, users, good causes, clever tech, fun...); the
player reads the investor's card and plays the argument that matches. Convinced
investors pledge coins. Finally the player asks for an amount: too much and the deal is
off, too little and money is left on the table.

Params::

    {"mode": "pitch", "time_limit": [0, 210, 160], "investors_count": [3, 3, 4],
     "wants": [1, 2, 2], "tries": [2, 3, 3], "asks": [100, 200, 300, 500, 800],
     "ideas": [{"id": "water", "shape": "circle", "colour": "#3A86FF", "label": {...}}],
     "interests": [{"id": "money", "icon": "coin", "label": {...}}],
     "arguments": [{"id": "ads", "interest": "money", "label": {...}}],
     "investors": [{"id": "rita", "shape": "star", "colour": "#E07A3F", "name": {...},
                    "bio": {...}, "wants": ["money", "users"], "pledge": 300,
                    "yes": {...}, "no": {...}}]}

Difficulty: more investors, pickier ones (``wants``: how many interests must be hit,
within ``tries`` pitches), a clock; easy shows how many things each investor wants (as
empty pips that fill, never which ones) and the total pledged. No argument card shows
whom it pleases: the pupil reads each investor's bio and reaction.
"""

from __future__ import annotations

import pygame

from zones import ui_layout
from zones.challenges.actions import Action
from zones.challenges.enterprise_common import EnterpriseBase
from zones.challenges.enterprise_pitch_rules import PitchRules


class PitchGame(EnterpriseBase):
    """The investors' cards, the deck and the side panel: the view of :class:`PitchRules`."""

    rules_class = PitchRules

    def perform(self, action: Action) -> None:
        super().perform(action)
        if self.phase == "pitch" and self.arg_btns:
            self.focus(self.arg_btns[0])
        elif self.phase == "ask" and self.ask_btns:
            self.focus(self.ask_btns[0])

    def sync(self) -> None:
        self._refresh()

    # -- layout -----------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        """The investors' cards across the top (in as many columns as fit, each as tall as
        its text), then the deck (heading, then the idea, argument or ask buttons of the
        phase, all in one place) with the side panel (idea, clock, pledge, feedback) beside
        it, or below it where the two do not fit side by side."""
        self.area = area
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        x, w, n, gap = area.x, area.w, len(self.investors), 16
        cols = ui_layout.columns_for(p, n, w, 250)
        card_w = (w - gap * (cols - 1)) // cols
        self.text_w = card_w - 110 - (34 * 3 + 10 if self.difficulty == 1 else 0)
        heights = [ui_layout.grow(200, self._card_rows(i, 0, card_w)[-1] + 16) for i in range(n)]
        self.inv_rects = ui_layout.grid(heights, x, area.y, w, cols, gap)
        side_by_side, deck_w = ui_layout.beside(p, x, area.y, w, 800, w - 820)
        top = ui_layout.below(area.y + 220, ui_layout.bottom(self.inv_rects, area.y) + 20)
        heads = [
            t("enterprise.pitch.choose_idea"),
            t("enterprise.pitch.choose_ask"),
            t("enterprise.pitch.finished"),
        ]
        heads += [
            t("enterprise.pitch.choose_argument", name=pick(inv["name"])) for inv in self.investors
        ]
        head = top + 16 + ui_layout.tallest(p, heads, deck_w - 40, 21, True) + 16
        ideas = self.params["ideas"][:4]
        rects = self._grid(
            [pick(i["label"]) for i in ideas],
            ui_layout.below(top + 70, head),
            deck_w,
            64,
            14,
            False,
        )
        self.idea_btns = [
            self.button(
                r, pick(i["label"]), Action("idea", i["id"]), shape=i["shape"], colour=i["colour"]
            )
            for i, r in zip(ideas, rects, strict=True)
        ]
        low = ui_layout.bottom(rects, head)
        rows = (len(self.arguments) + 1) // 2
        arg_h = min(64, (area.h - 220 - 80 - 10 * (rows - 1)) // rows)
        icon = False  # no card names whom it pleases: pupils read the investors
        rects = self._grid(
            [pick(a["label"]) for a in self.arguments],
            ui_layout.below(top + 64, head),
            deck_w,
            arg_h,
            10,
            icon,
        )
        self.arg_btns = [
            self.button(
                r,
                pick(a["label"]),
                Action("argue", a["id"]),
                icon=self.interests[a["interest"]]["icon"] if icon else "",
            )
            for a, r in zip(self.arguments, rects, strict=True)
        ]
        low = max(low, ui_layout.bottom(rects, head))
        asks = self.params["asks"][:8]
        ask_top = ui_layout.below(top + 70, head)
        rects = self._grid(
            [t("enterprise.pitch.ask_for", n=a) for a in asks], ask_top, deck_w, 52, 10, True
        )
        self.ask_btns = [
            self.button(r, t("enterprise.pitch.ask_for", n=a), Action("ask", str(a)), icon="coin")
            for a, r in zip(asks, rects, strict=True)
        ]
        self.done_feedback = pygame.Rect(x + 20, ask_top, deck_w - 40, self.feedback_h(44))
        low = max(low, ui_layout.bottom(rects, head), self.done_feedback.bottom)
        self.deck = pygame.Rect(x, top, deck_w, ui_layout.grow(area.h - 220, low + 16 - top))
        self._build_side(area, side_by_side, [pick(i["label"]) for i in ideas])
        self.bottom = max(self.deck.bottom, self.side.bottom)
        self._refresh()

    def _grid(
        self, labels: list[str], y: int, deck_w: int, design_h: int, row_gap: int, icon: bool
    ) -> list[pygame.Rect]:
        """Deck buttons in two columns (one where they do not fit), each row as tall as
        ``design_h`` or its tallest wrapped label."""
        p, w = self.kit.painter, deck_w - 40
        cols = ui_layout.columns_for(p, 2, w, 300)
        bw = (w - 20 * (cols - 1)) // cols
        h = max(
            [self.button_h(text, bw, icon=icon, minimum=design_h) for text in labels],
            default=design_h,
        )
        return ui_layout.grid([h] * len(labels), self.area.x + 20, y, w, cols, 20, row_gap)

    def _build_side(self, area: pygame.Rect, side_by_side: bool, ideas: list[str]) -> None:
        """The side panel beside the deck (as tall) or below it (as tall as its text)."""
        p, t, d = self.kit.painter, self.kit.t, self.deck
        x, y = (d.right + 20, d.y) if side_by_side else (area.x, d.bottom + 20)
        w = area.right - x
        self.clock_y = ui_layout.below(
            y + 84, y + 16 + ui_layout.tallest(p, ideas, w - 76, 18, True) + 12
        )
        self.pledge_y = ui_layout.below(y + 124, self.clock_y + 22 + 16)
        lines = [
            t("enterprise.pitch.pledged", n=sum(inv["pledge"] for inv in self.investors)),
            t("enterprise.pitch.add_up"),
        ]
        fb_h = self.feedback_h(100)
        need = (
            self.pledge_y + ui_layout.tallest(p, lines, w - 36 - 28, 20, True) + 16 + fb_h + 20 - y
        )
        self.side = pygame.Rect(x, y, w, ui_layout.grow(d.h if side_by_side else 0, need))
        self.side_feedback = pygame.Rect(x + 12, self.side.bottom - 20 - fb_h, w - 24, fb_h)

    def _card_rows(self, i: int, y: int, card_w: int, status: str | None = None) -> list[int]:
        """The tops of an investor card's status line, pledge line and bio, and its
        bio's bottom, for a card at ``y`` (every status, or ``status``, measured)."""
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        inv = self.investors[i]
        keys = (
            [status]
            if status
            else [
                "enterprise.pitch.status_yes",
                "enterprise.pitch.status_no",
                "enterprise.pitch.status_listening",
                "enterprise.pitch.status_waiting",
            ]
        )
        name_w = self.text_w
        status_y = ui_layout.below(
            y + 44, y + 14 + ui_layout.text_h(p, pick(inv["name"]), name_w, 20, True) + 6
        )
        mark = (
            ui_layout.icon(p, 18) + 6
            if status is None
            or status in ("enterprise.pitch.status_yes", "enterprise.pitch.status_no")
            else 0
        )
        below_status = (
            status_y + ui_layout.tallest(p, [t(k) for k in keys], card_w - 110 - mark, 17, True) + 6
        )
        text = t("enterprise.pitch.could_invest", n=inv["pledge"])
        h = ui_layout.label_h(p, text, card_w - 110 - 25, 17, True)
        coin_y = ui_layout.below(y + 72, below_status + h // 2 - 11)
        shown = status is None or status == "enterprise.pitch.status_yes" or self.difficulty < 3
        after = coin_y - (h // 2 - 11) + h if shown else below_status
        bio_y = ui_layout.below(y + 104, after + 10)
        return [
            status_y,
            coin_y,
            bio_y,
            bio_y + ui_layout.text_h(p, pick(inv["bio"]), card_w - 32, 17),
        ]

    def _refresh(self) -> None:
        for b in self.idea_btns:
            b.show(self.phase == "idea" and not self.finished)
        for b in self.arg_btns:
            b.show(self.phase == "pitch" and not self.finished)
        for b in self.ask_btns:
            b.show(self.phase == "ask" and not self.finished)

    # -- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The board from a cached layer, drawn again only when the pitch's state or a
        button changes; over it the clock and a short burst after each argument."""
        state = (self.rules.shown_state(), self.button_states())
        rect = pygame.Rect(area.x, area.y, area.w, max(area.bottom, self.bottom) - area.y)
        self.layer.draw(self.kit, surface, rect, state, lambda: self._draw_board(surface))
        s = self.side
        clock_x = s.x + 30 + ui_layout.icon(self.kit.painter, 40)
        self.draw_clock(surface, (clock_x, self.clock_y, s.right - 20 - clock_x, 22))
        if self.last_investor is not None and self.phase != "idea":
            self.burst(surface, self.inv_rects[self.last_investor].center, self.feedback_good)

    def _draw_board(self, surface: pygame.Surface) -> None:
        for i, rect in enumerate(self.inv_rects):
            self._draw_investor(surface, i, rect)
        p = self.kit.painter
        pal = p.palette
        d = self.deck
        p.panel(surface, d)
        head = {
            "idea": "enterprise.pitch.choose_idea",
            "pitch": "enterprise.pitch.choose_argument",
            "ask": "enterprise.pitch.choose_ask",
            "done": "enterprise.pitch.finished",
        }[self.phase]
        name = self.kit.pick(self.investors[min(self.current, len(self.investors) - 1)]["name"])
        p.text(
            surface,
            self.kit.t(head, name=name),
            (d.x + 20, d.y + 16),
            21,
            bold=True,
            width=d.w - 40,
            box=d,
        )
        if self.phase == "done":
            self.draw_feedback(surface, self.done_feedback)
        self.draw_buttons(surface)
        s = self.side
        p.panel(surface, s)
        if self.idea:
            p.shape(
                surface,
                self.idea["shape"],
                (s.x + 34, ui_layout.below(s.y + 36, s.y + 16 + p.line(18, True) // 2)),
                16,
                p.colour(self.idea["colour"]),
            )
            p.text(
                surface,
                self.kit.pick(self.idea["label"]),
                (s.x + 60, s.y + 16),
                18,
                bold=True,
                width=s.w - 76,
                box=s,
            )
        if self.difficulty == 1:
            text = self.kit.t("enterprise.pitch.pledged", n=self.pledged)
            h = ui_layout.label_h(p, text, s.w - 36 - 28, 20, True)
            self.coins(
                surface,
                (s.x + 18, self.pledge_y + h // 2 - 12),
                self.pledged,
                20,
                label=text,
                max_width=s.w - 36,
            )
        else:
            p.text(
                surface,
                self.kit.t("enterprise.pitch.add_up"),
                (s.x + 18, self.pledge_y),
                18,
                colour=pal.muted,
                width=s.w - 36,
                box=s,
            )
        if self.phase != "done":
            self.draw_feedback(surface, self.side_feedback)

    def _draw_investor(self, surface: pygame.Surface, i: int, rect: pygame.Rect) -> None:
        p, t = self.kit.painter, self.kit.t
        pal = p.palette
        inv = self.investors[i]
        active = self.phase == "pitch" and i == self.current
        p.panel(surface, rect, radius=16, edge=pal.focus if active else None)
        if active:
            pygame.draw.rect(surface, pal.focus, rect, 4, border_radius=16)
        face = (rect.x + 50, rect.y + 56)
        p.shape(surface, inv["shape"], face, 34, p.colour(inv["colour"]))
        st = self.status[i]
        ink = pal.ink
        for dx in (-10, 10):
            pygame.draw.circle(surface, ink, (face[0] + dx, face[1] - 6), 4)
        mouth = pygame.Rect(face[0] - 12, face[1] + 2, 24, 14)
        if st == "yes":
            pygame.draw.arc(surface, ink, mouth, 3.5, 5.9, 3)
        elif st == "no":
            pygame.draw.arc(surface, ink, mouth.move(0, 8), 0.4, 2.7, 3)
        else:
            pygame.draw.line(
                surface, ink, (mouth.x + 2, mouth.y + 8), (mouth.right - 2, mouth.y + 8), 3
            )
        x = rect.x + 96
        p.text(
            surface,
            self.kit.pick(inv["name"]),
            (x, rect.y + 14),
            20,
            bold=True,
            width=self.text_w,
            box=rect,
        )
        words = {"yes": "enterprise.pitch.status_yes", "no": "enterprise.pitch.status_no"}.get(
            st, "enterprise.pitch.status_listening" if active else "enterprise.pitch.status_waiting"
        )
        status_y, coin_y, bio_y, _ = self._card_rows(i, rect.y, rect.w, words)
        colour = pal.good if st == "yes" else pal.bad if st == "no" else pal.muted
        sx = x
        if st in ("yes", "no"):
            size = ui_layout.icon(p, 18)
            p.icon(
                surface,
                "check" if st == "yes" else "cross",
                (x + size // 2 + 1, status_y + p.line(17, True) // 2),
                size,
                colour,
            )
            sx += size + 6
        p.text(
            surface,
            t(words),
            (sx, status_y),
            17,
            colour=colour,
            bold=True,
            width=rect.right - 14 - sx,
            box=rect,
        )
        if st == "yes" or self.difficulty < 3:
            self.coins(
                surface,
                (x, coin_y),
                inv["pledge"],
                17,
                label=t("enterprise.pitch.could_invest", n=inv["pledge"]),
                max_width=rect.w - 110,
            )
        p.text(
            surface,
            self.kit.pick(inv["bio"]),
            (rect.x + 16, bio_y),
            17,
            width=rect.w - 32,
            box=rect,
        )
        if self.difficulty == 1:  # how many things they want, filled as they are won (never which)
            for k in range(len(self.wants[i])):
                c = (rect.right - 28 - k * 34, rect.y + 28)
                won = k < len(self.hits[i])
                pygame.draw.circle(surface, pal.good if won else pal.panel, c, 11)
                pygame.draw.circle(surface, pal.ink, c, 11, 2)
                if won:
                    p.icon(surface, "check", c, 14, pal.panel)
