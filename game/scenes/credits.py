"""Credits: the O*NET attribution (required by its CC BY 4.0 licence), fonts, items."""

from __future__ import annotations

import pygame

from game.ui_scene import UiScene


class CreditsScene(UiScene):
    name = "credits"
    title_key = "credits.title"

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        card = pygame.Rect(110, 90, 1060, 600)
        p.panel(surface, card)
        y = card.y + 28
        for key in (
            "credits.onet",
            "credits.onet_licence",
            "credits.esco",
            "credits.items",
            "credits.fonts",
            "credits.team",
        ):
            used = p.text(surface, self.ctx.t(key), (card.x + 36, y), 17, width=card.w - 72)
            y = used.bottom + 14
