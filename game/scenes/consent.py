"""Consent and privacy notice in plain words, before any player data exists."""

from __future__ import annotations

import pygame

from game.scenes.base import UiScene


class ConsentScene(UiScene):
    name = "consent"
    title_key = "consent.title"

    def build(self) -> None:
        self.ui.button((340, 620, 290, 60), self.ctx.t("consent.yes"), self.agree, "@primary")
        self.ui.button((650, 620, 290, 60), self.ctx.t("consent.no"), self.back)

    def agree(self) -> None:
        from game.scenes.create_player import CreatePlayerScene
        self.ctx.scenes.replace(CreatePlayerScene())

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        card = pygame.Rect(190, 90, 900, 510)
        p.panel(surface, card)
        p.text(surface, self.ctx.t("consent.heading"), (card.x + 40, card.y + 28), 30, bold=True)
        y = card.y + 86
        icons = ("check", "lock", "folder", "cross", "mirror")
        for i, icon_name in enumerate(icons):
            text = self.ctx.t(f"consent.point{i + 1}")
            p.icon(surface, icon_name, (card.x + 60, y + 14), 28, self.ctx.palette.accent)
            used = p.text(surface, text, (card.x + 96, y), 20, width=card.w - 140)
            y = used.bottom + 18
