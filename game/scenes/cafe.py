"""Network Café (Networks): every district's mentor at a table; pick one to talk to."""

from __future__ import annotations

import pygame

from game import art
from game.scenes.base import HEADER_H, UiScene


class NetworkCafeScene(UiScene):
    name = "network_cafe"
    title_key = "cafe.title"

    def tables(self) -> list[pygame.Rect]:
        return [pygame.Rect(60 + (i % 3) * 400, HEADER_H + 90 + (i // 3) * 290, 360, 260) for i in range(6)]

    def build(self) -> None:
        for rect, district in zip(self.tables(), self.ctx.content.districts, strict=False):
            mentor = self.ctx.content.mentor_of(district.id)
            self.ui.hotspot(rect, f"{self.ctx.pick(mentor.name)}, {self.ctx.pick(mentor.job)}",
                            lambda m=mentor.id: self.talk(m))

    def talk(self, mentor_id: str) -> None:
        from game.scenes.mentor import MentorScene
        self.ctx.scenes.push(MentorScene(mentor_id))

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.text(surface, self.ctx.t("cafe.intro"), (60, HEADER_H + 30), 20, width=1160)
        for rect, district in zip(self.tables(), self.ctx.content.districts, strict=False):
            mentor = self.ctx.content.mentor_of(district.id)
            p.panel(surface, rect)
            art.avatar(surface, (rect.x + 80, rect.y + 90), 50, mentor.avatar_shape, p.colour(mentor.avatar_colour),
                       pal.ink)
            p.text(surface, self.ctx.pick(mentor.name), (rect.x + 150, rect.y + 50), 24, bold=True)
            p.text(surface, self.ctx.pick(mentor.job), (rect.x + 150, rect.y + 86), 17, colour=pal.muted,
                   width=rect.w - 170)
            p.text(surface, self.ctx.pick(district.name), (rect.x + 24, rect.y + 170), 17, width=rect.w - 48)
            p.text(surface, self.ctx.t("cafe.talk"), (rect.x + 24, rect.y + 206), 17, bold=True, colour=pal.accent)
