"""Consent and privacy notice in plain words, before any player data exists.

Shown to every new player whatever the path: from the title's "new player" (then a fresh
code is made) and, through ``flow.sign_in``, to a player who signs in with a code that has
no consent yet (a teacher's handout code: ``player`` is its save). Agreeing goes on to the
create-player screen; nothing is recorded before that screen's Start. A pupil of a class in
research mode is told, as one more point, that they will also answer a questionnaire at
the end of the lesson (``game.research``)."""

from __future__ import annotations

import pygame

from game.ui_scene import HEADER_H, UiScene
from zones.ui_layout import centred_row

ICONS = ("check", "lock", "folder", "cross", "mirror")


class ConsentScene(UiScene):
    name = "consent"
    title_key = "consent.title"
    scrolls = True

    def __init__(self, player=None) -> None:
        super().__init__()
        self.player = player

    def enter(self, ctx) -> None:
        from game.research import class_is_research

        keys = [f"consent.point{i + 1}" for i in range(len(ICONS))]
        self.points = list(zip(ICONS, keys, strict=True))
        if class_is_research(ctx, getattr(self.player, "code", None)):
            self.points.insert(1, ("folder", "consent.research"))
        super().enter(ctx)

    def layout(self) -> tuple[pygame.Rect, list[int], list[pygame.Rect]]:
        """The card (as tall as the heading and points), each point's y, the two buttons."""
        p = self.ctx.painter
        card = pygame.Rect(140, HEADER_H + 20, 1000, 0)
        y = card.y + 28 + p.height(self.ctx.t("consent.heading"), 30, card.w - 80, True) + 16
        ys = []
        for _icon, key in self.points:
            ys.append(y)
            y += max(p.line(20), p.height(self.ctx.t(key), 20, card.w - 140)) + 18
        card.h = y - card.y + 10
        labels = [self.ctx.t("consent.yes"), self.ctx.t("consent.no")]
        buttons = centred_row(p, labels, 640, card.bottom + 24, 1200, "@primary", min_w=290, gap=20)
        return card, ys, buttons

    def build(self) -> None:
        yes, no = self.layout()[2]
        self.ui.button(yes, self.ctx.t("consent.yes"), self.agree, "@primary")
        self.ui.button(no, self.ctx.t("consent.no"), self.back)

    def agree(self) -> None:
        self.ctx.scenes.replace("create_player", existing=self.player)

    def page_key(self) -> object:
        """The consent text never changes while it is shown: drawn once, then blitted."""
        return ()

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        card, ys, buttons = self.layout()
        p.panel(surface, card)
        p.text(
            surface,
            self.ctx.t("consent.heading"),
            (card.x + 40, card.y + 28),
            30,
            bold=True,
            width=card.w - 80,
            box=card,
        )
        for (icon_name, key), y in zip(self.points, ys, strict=True):
            p.icon(surface, icon_name, (card.x + 60, y + 14), 28, self.ctx.palette.accent)
            p.text(surface, self.ctx.t(key), (card.x + 96, y), 20, width=card.w - 140, box=card)
        return buttons[-1].bottom
