"""Mirror Pavilion (Self): the player's interest profile so far as a hexagon, the top
types in plain words, how sure the game is, what it is based on, and the way to the
player's own data ("My data", where they can also erase it).

The profile is estimated once in ``enter`` (and again on ``resume``, as the player may
have played since); drawing only reads it.
"""

from __future__ import annotations

import pygame

from game.hexagon import axes_from, draw_hexagon, fit_hexagon
from game.profile_view import build_view
from game.ui_scene import HEADER_H, UiScene
from zones.ui_layout import button_row, columns_for

PAGE_X, PAGE_W, GAP = 24, 1232, 20
LEFT_W = 620  # the hexagon card when the two columns fit


class MirrorScene(UiScene):
    name = "mirror_pavilion"
    title_key = "mirror.title"
    scrolls = True

    def enter(self, ctx) -> None:
        self.ctx = ctx
        self.view = build_view(ctx)
        self.axes = axes_from(ctx)
        super().enter(ctx)

    def resume(self) -> None:
        if self.ctx.player is None:
            return
        self.view = build_view(self.ctx)
        super().resume()

    def build(self) -> None:
        data, passport = self.layout()["buttons"]
        self.data_button = self.ui.button(data, self.ctx.t("mirror.my_data"), self.open_my_data)
        self.passport_button = self.ui.button(
            passport, self.ctx.t("mirror.passport"), self.open_passport, "@primary"
        )

    def open_my_data(self) -> None:
        self.ctx.scenes.go("my_data")

    def open_passport(self) -> None:
        self.ctx.scenes.go("passport")

    # -- words ----------------------------------------------------------------------
    def type_words(self, letter: str) -> tuple[str, str]:
        """(what this type enjoys doing, the district nickname) for a letter."""
        district = next(d for d in self.ctx.content.districts if d.riasec == letter)
        return self.ctx.t(f"type.enjoy.{letter}"), self.ctx.pick(district.nickname)

    def headline(self) -> str:
        if not self.view.has_evidence:
            return self.ctx.t("mirror.no_evidence")
        if self.view.sureness() == "unreadable":
            reason = getattr(self.view.profile.readability, "reason", None)
            random = reason == "random_answers"
            return self.ctx.t("mirror.unreadable_random" if random else "mirror.unreadable")
        top = self.view.top(3)
        a1, n1 = self.type_words(top[0])
        a2, n2 = self.type_words(top[1])
        a3, n3 = self.type_words(top[2])
        return self.ctx.t(
            "mirror.headline",
            first=a1,
            first_name=n1,
            second=a2,
            second_name=n2,
            third=a3,
            third_name=n3,
        )

    def based_on(self) -> list[str]:
        c = self.view.counts
        return [
            self.ctx.t("mirror.count.choices", n=c["choices"]),
            self.ctx.t("mirror.count.ratings", n=c["ratings"]),
            self.ctx.t("mirror.count.mentor", n=c["mentor"]),
            self.ctx.t("mirror.count.replays", n=c["replays"]),
            self.ctx.t("mirror.count.readings", n=c["readings"]),
        ]

    # -- layout -------------------------------------------------------------------
    def legend_rows(self) -> list[tuple[str, str]]:
        return [
            ("line", self.ctx.t("mirror.legend.score")),
            ("band", self.ctx.t("mirror.legend.band")),
            ("dash", self.ctx.t("mirror.legend.typical")),
        ]

    def layout(self) -> dict:
        """Every rect of the page from measured text: the hexagon card beside three cards
        (one column under the other at large text), then the two buttons."""
        p = self.ctx.painter
        t = self.ctx.t
        two = columns_for(p, 2, PAGE_W, 600) == 2
        scale = p.fonts.scale
        left = pygame.Rect(PAGE_X, HEADER_H + 16, LEFT_W if two else PAGE_W, 0)
        hex_y = left.y + 16 + p.height(t("mirror.hex_title"), 20, left.w - 48, True) + 8
        hex_box = pygame.Rect(left.x + 16, hex_y, left.w - 32, int(410 + 120 * (scale - 1)))
        legend, y = [], hex_box.bottom + 10
        for _, text in self.legend_rows():
            h = max(p.line(16), p.height(text, 16, left.w - 48 - 60))
            legend.append(pygame.Rect(left.x + 24, y, left.w - 48, h))
            y += h + 10
        left.h = y - left.y + 6
        right = (
            pygame.Rect(left.right + GAP, HEADER_H + 16, PAGE_W - LEFT_W - GAP, 0)
            if two
            else pygame.Rect(PAGE_X, left.bottom + GAP, PAGE_W, 0)
        )
        w = right.w - 48
        sure = t(f"mirror.sure.{self.view.sureness()}")
        h1 = (
            16
            + p.height(t("mirror.so_far"), 20, w, True)
            + 8
            + p.height(self.headline(), 19, w)
            + 8
            + p.height(sure, 17, w)
            + 16
        )
        h2 = (
            14
            + p.height(t("mirror.based_on"), 20, w, True)
            + 8
            + sum(p.height(line, 17, w - 26) + 4 for line in self.based_on())
            + 12
        )
        h3 = 24 + max(p.height(t("mirror.honest"), 16, w - 40), 40)
        cards = [pygame.Rect(right.x, right.y, right.w, h1)]
        cards.append(pygame.Rect(right.x, cards[0].bottom + 16, right.w, h2))
        cards.append(pygame.Rect(right.x, cards[1].bottom + 16, right.w, h3))
        labels = [t("mirror.my_data"), t("mirror.passport")]
        y = cards[2].bottom + 24
        if two:  # the buttons' bottom in line with the hexagon card's when there is room
            y = max(y, left.bottom - p.button_h("@primary"))
        buttons = button_row(
            p,
            labels,
            right.x,
            y,
            right.w,
            "@primary",
            min_w=(right.w - 12) // 2 if two else 290,
            gap=12,
        )
        return {
            "left": left,
            "hex_box": hex_box,
            "legend": legend,
            "cards": cards,
            "buttons": buttons,
            "sure": sure,
            "w": w,
        }

    # -- drawing --------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        lay = self.layout()
        card = lay["left"]
        self._titled_card(surface, card, "mirror.hex_title", 16)
        centre, radius, name_size = fit_hexagon(p, lay["hex_box"], self.axes)
        draw_hexagon(
            surface, p, centre, radius, self.axes, self.view.scores(), name_size=name_size, box=card
        )
        self._legend(surface, lay["legend"])
        self._right_column(surface, lay)
        return max(card.bottom, lay["buttons"][-1].bottom)

    def _titled_card(self, surface: pygame.Surface, card: pygame.Rect, key: str, top: int) -> int:
        """Draw a card's panel and its bold title ``top`` px down; returns the title's
        bottom, where the card's text goes on."""
        self.ctx.painter.panel(surface, card)
        return self.ctx.painter.text(
            surface,
            self.ctx.t(key),
            (card.x + 24, card.y + top),
            20,
            bold=True,
            width=card.w - 48,
            box=card,
        ).bottom

    def _right_column(self, surface: pygame.Surface, lay: dict) -> None:
        """Three cards stacked by their measured text height."""
        p = self.ctx.painter
        pal = self.ctx.palette
        w = lay["w"]
        card = lay["cards"][0]
        ty = self._titled_card(surface, card, "mirror.so_far", 16)
        ty = p.text(surface, self.headline(), (card.x + 24, ty + 8), 19, width=w, box=card).bottom
        p.text(surface, lay["sure"], (card.x + 24, ty + 8), 17, colour=pal.muted, width=w, box=card)

        card = lay["cards"][1]
        ty = self._titled_card(surface, card, "mirror.based_on", 14) + 8
        dot = p.line(17) // 2
        for line in self.based_on():
            p.shape(surface, "circle", (card.x + 34, ty + dot), 5, pal.accent)
            ty = p.text(surface, line, (card.x + 50, ty), 17, width=w - 26, box=card).bottom + 4

        note = lay["cards"][2]
        p.panel(surface, note, shadow=False)
        p.icon(surface, "mirror", (note.x + 34, note.centery), 34)
        p.text(
            surface,
            self.ctx.t("mirror.honest"),
            (note.x + 62, note.y + 12),
            16,
            width=w - 40,
            box=note,
        )

    def _legend(self, surface: pygame.Surface, rows: list[pygame.Rect]) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        for (kind, text), box in zip(self.legend_rows(), rows, strict=True):
            y = box.y + p.line(16) // 2
            sample = pygame.Rect(box.x, y - 9, 44, 18)
            if kind == "line":
                pygame.draw.line(surface, pal.accent, sample.midleft, sample.midright, 4)
                pygame.draw.circle(surface, pal.ink, sample.center, 6)
                pygame.draw.circle(surface, pal.panel, sample.center, 3)
            elif kind == "band":
                fill = (
                    (70, 70, 70)
                    if pal.high_contrast
                    else tuple(min(255, int(c + (255 - c) * 0.55)) for c in pal.focus)
                )
                pygame.draw.rect(surface, fill, sample, border_radius=4)
                pygame.draw.rect(
                    surface,
                    pal.focus if not pal.high_contrast else (110, 110, 110),
                    sample,
                    2,
                    border_radius=4,
                )
            else:
                for x in range(sample.x, sample.right, 12):
                    pygame.draw.line(
                        surface,
                        pal.muted,
                        (x, sample.centery),
                        (min(x + 6, sample.right), sample.centery),
                        2,
                    )
            p.text(surface, text, (box.x + 60, box.y), 16, width=box.w - 60, box=box)
