"""Mirror Pavilion (Self): the player's interest profile so far as a hexagon, the top
types in plain words, how sure the game is, what it is based on, and the way to the
player's own data ("My data", where they can also erase it).

The profile is estimated once in ``enter`` (and again on ``resume``, as the player may
have played since); drawing only reads it.
"""

from __future__ import annotations

import pygame

from game.hexagon import axes_from, draw_hexagon
from game.profile_view import build_view
from game.scenes.base import HEADER_H, UiScene

HEX_CARD = pygame.Rect(24, HEADER_H + 16, 620, 624)
RIGHT_X, RIGHT_W = 664, 592


class MirrorScene(UiScene):
    name = "mirror_pavilion"
    title_key = "mirror.title"

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
        self.data_button = self.ui.button((RIGHT_X, 620, 290, 58), self.ctx.t("mirror.my_data"), self.open_my_data)
        self.passport_button = self.ui.button((RIGHT_X + 302, 620, 290, 58), self.ctx.t("mirror.passport"),
                                              self.open_passport, "@primary")

    def open_my_data(self) -> None:
        from game.scenes.my_data import MyDataScene
        self.ctx.scenes.push(MyDataScene())

    def open_passport(self) -> None:
        from game.scenes.passport import PassportScene
        self.ctx.scenes.push(PassportScene())

    # -- words ----------------------------------------------------------------------
    def type_words(self, letter: str) -> tuple[str, str]:
        """(what this type enjoys doing, the district nickname) for a letter."""
        district = next(d for d in self.ctx.content.districts if d.riasec == letter)
        return self.ctx.t(f"type.enjoy.{letter}"), self.ctx.pick(district.nickname)

    def headline(self) -> str:
        if not self.view.has_evidence:
            return self.ctx.t("mirror.no_evidence")
        top = self.view.top(3)
        a1, n1 = self.type_words(top[0])
        a2, n2 = self.type_words(top[1])
        a3, n3 = self.type_words(top[2])
        return self.ctx.t("mirror.headline", first=a1, first_name=n1, second=a2, second_name=n2,
                          third=a3, third_name=n3)

    def based_on(self) -> list[str]:
        c = self.view.counts
        return [self.ctx.t("mirror.count.choices", n=c["choices"]),
                self.ctx.t("mirror.count.ratings", n=c["ratings"]),
                self.ctx.t("mirror.count.mentor", n=c["mentor"]),
                self.ctx.t("mirror.count.replays", n=c["replays"]),
                self.ctx.t("mirror.count.readings", n=c["readings"])]

    # -- drawing --------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        p.panel(surface, HEX_CARD)
        p.text(surface, self.ctx.t("mirror.hex_title"), (HEX_CARD.x + 24, HEX_CARD.y + 16), 20, bold=True)
        centre = (HEX_CARD.centerx, HEX_CARD.y + 250)
        draw_hexagon(surface, p, centre, 150, self.axes, self.view.scores())
        self._legend(surface, pygame.Rect(HEX_CARD.x + 24, HEX_CARD.y + 470, HEX_CARD.w - 48, 140))

        self._right_column(surface)

    def _right_column(self, surface: pygame.Surface) -> None:
        """Three cards stacked by their measured text height; sizes step down until they
        fit above the buttons (large text settings)."""
        p = self.ctx.painter
        pal = self.ctx.palette
        w = RIGHT_W - 48
        sure = self.ctx.t(f"mirror.sure.{self.view.sureness()}")
        lines = self.based_on()
        for shrink in range(0, 8, 2):
            big, mid, small = 20 - shrink, 19 - shrink, 17 - shrink
            h1 = 16 + p.height(self.ctx.t("mirror.so_far"), big, w, True) + 8 + p.height(self.headline(), mid, w) \
                + 8 + p.height(sure, small, w) + 16
            h2 = 14 + p.height(self.ctx.t("mirror.based_on"), big, w, True) + 8 \
                + sum(p.height(line, small, w - 26) + 4 for line in lines) + 12
            h3 = 24 + p.height(self.ctx.t("mirror.honest"), small - 1, w - 40)
            if HEADER_H + 16 + h1 + h2 + h3 + 32 <= 604:
                break
        y = HEADER_H + 16
        card = pygame.Rect(RIGHT_X, y, RIGHT_W, h1)
        p.panel(surface, card)
        ty = p.text(surface, self.ctx.t("mirror.so_far"), (card.x + 24, card.y + 16), big, bold=True).bottom
        ty = p.text(surface, self.headline(), (card.x + 24, ty + 8), mid, width=w).bottom
        p.text(surface, sure, (card.x + 24, ty + 8), small, colour=pal.muted, width=w)

        card = pygame.Rect(RIGHT_X, card.bottom + 16, RIGHT_W, h2)
        p.panel(surface, card)
        ty = p.text(surface, self.ctx.t("mirror.based_on"), (card.x + 24, card.y + 14), big, bold=True).bottom + 8
        for line in lines:
            p.shape(surface, "circle", (card.x + 34, ty + small * 0.6), 5, pal.accent)
            ty = p.text(surface, line, (card.x + 50, ty), small, width=w - 26).bottom + 4

        note = pygame.Rect(RIGHT_X, card.bottom + 16, RIGHT_W, h3)
        p.panel(surface, note, shadow=False)
        p.icon(surface, "mirror", (note.x + 34, note.centery), 34)
        p.text(surface, self.ctx.t("mirror.honest"), (note.x + 62, note.y + 12), small - 1, width=w - 40)

    def _legend(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        rows = [("line", self.ctx.t("mirror.legend.score")), ("band", self.ctx.t("mirror.legend.band")),
                ("dash", self.ctx.t("mirror.legend.typical"))]
        for i, (kind, text) in enumerate(rows):
            y = box.y + i * 44 + 12
            sample = pygame.Rect(box.x, y - 8, 44, 18)
            if kind == "line":
                pygame.draw.line(surface, pal.accent, sample.midleft, sample.midright, 4)
                pygame.draw.circle(surface, pal.ink, sample.center, 6)
                pygame.draw.circle(surface, pal.panel, sample.center, 3)
            elif kind == "band":
                fill = (70, 70, 70) if pal.high_contrast else tuple(min(255, int(c + (255 - c) * .55))
                                                                    for c in pal.focus)
                pygame.draw.rect(surface, fill, sample, border_radius=4)
                pygame.draw.rect(surface, pal.focus if not pal.high_contrast else (110, 110, 110), sample, 2,
                                 border_radius=4)
            else:
                for x in range(sample.x, sample.right, 12):
                    pygame.draw.line(surface, pal.muted, (x, sample.centery), (min(x + 6, sample.right),
                                                                               sample.centery), 2)
            p.text_fit(surface, text, (box.x + 60, y + 1), box.w - 60, 16)
