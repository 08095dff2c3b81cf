"""Network Café (Networks): every district's mentor at a table; pick one to talk to."""

from __future__ import annotations

from functools import partial

import pygame

from game import art
from game.ui_scene import HEADER_H, UiScene
from telemetry.xapi import activity_ids as ids
from zones.ui_layout import columns_for, grid, stack_heights

AVATAR_W = 120


class NetworkCafeScene(UiScene):
    name = "network_cafe"
    title_key = "cafe.title"
    scrolls = True

    def blocks(self, district) -> list[tuple[str, int, bool]]:
        mentor = self.ctx.content.mentor_of(district.id)
        return [
            (self.ctx.pick(mentor.name), 24, True),
            (self.ctx.pick(mentor.job), 17, False),
            (self.ctx.pick(district.name), 17, False),
            (self.ctx.t("cafe.talk"), 17, True),
        ]

    def tables(self) -> list[pygame.Rect]:
        """One card per district, as tall as its text; two columns at large text sizes."""
        p = self.ctx.painter
        top = HEADER_H + 30 + p.height(self.ctx.t("cafe.intro"), 20, 1160) + 24
        cols = columns_for(p, 3, 1160, 380)
        width = (1160 - 24 * (cols - 1)) // cols - AVATAR_W - 24
        heights = [
            max(150, sum(stack_heights(p, self.blocks(d), width)) + 40)
            for d in self.ctx.content.districts
        ]
        return grid(heights, 60, top, 1160, cols)

    def build(self) -> None:
        for rect, district in zip(self.tables(), self.ctx.content.districts, strict=False):
            mentor = self.ctx.content.mentor_of(district.id)
            self.ui.hotspot(
                rect,
                f"{self.ctx.pick(mentor.name)}, {self.ctx.pick(mentor.job)}",
                partial(self.talk, mentor.id),
            )

    def talk(self, mentor_id: str) -> None:
        """Sit down with a mentor. Whom a player sits with is recorded with the options, as a
        social pick (``mode`` social), not as a free choice of a kind of work: a pupil may
        pick a face, or the one not met yet, so it is not scored against the other five."""
        content = self.ctx.content
        options = {content.mentor_of(d.id).id: d.riasec for d in content.districts}
        cafe = content.landmark_id("networks") or "cafe"
        self.ctx.record(
            "selected",
            "menu",
            ids.menu_id(cafe),
            response=mentor_id,
            extensions={"options": options, "riasec": options.get(mentor_id, ""), "mode": "social"},
        )
        self.ctx.scenes.go("mentor", mentor_id=mentor_id)

    def page_key(self) -> object:
        """The tables never change while the café is shown: drawn once, then blitted."""
        return ()

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.text(surface, self.ctx.t("cafe.intro"), (60, HEADER_H + 30), 20, width=1160)
        for rect, district in zip(self.tables(), self.ctx.content.districts, strict=False):
            mentor = self.ctx.content.mentor_of(district.id)
            p.panel(surface, rect)
            art.avatar(
                surface,
                (rect.x + AVATAR_W // 2 + 10, rect.y + 70),
                46,
                mentor.avatar_shape,
                p.colour(mentor.avatar_colour),
                pal.ink,
            )
            x, y, width = rect.x + AVATAR_W + 10, rect.y + 20, rect.w - AVATAR_W - 24
            blocks = self.blocks(district)
            colours = (None, pal.muted, None, pal.accent)
            for (text, size, bold), h, colour in zip(
                blocks, stack_heights(p, blocks, width), colours, strict=True
            ):
                p.text(surface, text, (x, y), size, bold=bold, colour=colour, width=width, box=rect)
                y += h
        return rect.bottom
