"""Where everything on the town hub goes, from measured text.

At 100 % text the map (six districts round the road with its four landmarks) fills the
left of the window and the side panel (suggestion, progress, buttons) the right, as
designed. At larger text the map spans the window with wider plates and the landmarks
two by two, and the side panel's content follows below it on a scrolling page.

Called by ``HubScene`` in ``build`` and when it draws its page; pure (touches nothing).
"""

from __future__ import annotations

import pygame

from game.ui_scene import HEADER_H
from game.widgets.reflow import left_buttons

DISTRICT_W, DISTRICT_H = 240, 190


class HubLayout:
    """Every rect of the hub for the painter's current fonts (attributes only)."""

    def __init__(self, scene) -> None:
        self.ctx = scene.ctx
        p = self.ctx.painter
        self.compact = p.fonts.scale <= 1.0
        (self._compact if self.compact else self._stacked)(scene)

    # -- 100 %: the designed map and side panel -----------------------------------------
    def _compact(self, scene) -> None:
        top = [pygame.Rect(40 + i * 300, HEADER_H + 34, DISTRICT_W, DISTRICT_H) for i in range(3)]
        low = [pygame.Rect(40 + i * 300, 470, DISTRICT_W, DISTRICT_H) for i in (2, 1, 0)]
        self.buildings = top + low
        self.plates = [pygame.Rect(r.x - 6, r.bottom + 4, r.w + 12, 46) for r in self.buildings]
        n = len(self.ctx.content.landmarks)
        gap = (900 - n * 200) // max(1, n - 1) if n > 1 else 0
        self.landmarks = [pygame.Rect(40 + i * (200 + gap), 345, 200, 86) for i in range(n)]
        self.road = pygame.Rect(0, 330, 960, 116)
        self.ground = pygame.Rect(0, HEADER_H + 150, 960, 720)
        self.trees = [(275, 300), (575, 300), (275, 690), (575, 690), (890, 300), (890, 690)]
        self.side = pygame.Rect(975, HEADER_H + 16, 290, 620)
        self.go = pygame.Rect(990, 330, 260, 54)
        self.buttons = [pygame.Rect(990, 500 + i * 60, 260, 50) for i in range(3)]
        self.bottom = 696

    # -- larger text: the map across the window, the panel below ------------------------
    def _stacked(self, scene) -> None:
        ctx, p = self.ctx, self.ctx.painter
        districts = ctx.content.districts
        cols = [pygame.Rect(40 + i * 420, 0, 360, 0) for i in range(3)]
        self.name_w, self.nick_w = 360 - 24, 360 - 110

        def plate_h(district) -> int:
            return max(
                46,
                8
                + p.height(ctx.pick(district.name), 19, self.name_w, True)
                + 2
                + p.height(ctx.pick(district.nickname), 14, self.nick_w)
                + 8,
            )

        heights = [plate_h(d) for d in districts]
        order = [0, 1, 2, 2, 1, 0]  # the bottom row runs right to left (hexagon order)
        self.buildings, self.plates = [], []

        def row(y: int, indices: range) -> None:
            h = max([46] + [heights[i] for i in indices])
            for i in indices:
                col = cols[order[i]]
                self.buildings.append(pygame.Rect(col.x + 60, y, DISTRICT_W, DISTRICT_H))
                self.plates.append(pygame.Rect(col.x, y + DISTRICT_H + 4, col.w, h))

        n = min(6, len(districts))
        row(HEADER_H + 34, range(min(3, n)))
        self._road(max(r.bottom for r in self.plates) + 16)
        row(self.road.bottom + 24, range(3, n))
        self.trees = [
            (c.right + 30, b.bottom + 12)
            for b, c in zip(self.buildings, [cols[k] for k in order], strict=False)
            if c is not cols[2]
        ]
        map_bottom = max(r.bottom for r in self.plates) + 24
        self.ground = pygame.Rect(0, HEADER_H + 150, 1280, 0)
        self._panel(scene, map_bottom)
        self.ground.h = self.bottom + 40 - self.ground.y

    def _road(self, y: int) -> None:
        p, ctx = self.ctx.painter, self.ctx
        landmarks = ctx.content.landmarks
        self.lm_w = 590 - 90
        h = max(
            [86]
            + [
                16
                + p.height(ctx.pick(lm.name), 17, self.lm_w, True)
                + 4
                + p.height(ctx.t(f"theme.{lm.theme}"), 14, self.lm_w)
                + 16
                for lm in landmarks
            ]
        )
        self.landmarks = [
            pygame.Rect(40 + (i % 2) * 610, y + 15 + (i // 2) * (h + 16), 590, h)
            for i in range(len(landmarks))
        ]
        rows = (len(landmarks) + 1) // 2
        self.road = pygame.Rect(0, y, 1280, 30 + rows * h + (rows - 1) * 16)

    def _panel(self, scene, y: int) -> None:
        """The side panel's content as a full-width card below the map, then the buttons."""
        p, t = self.ctx.painter, self.ctx.t
        self.side = pygame.Rect(40, y, 1200, 0)
        inner = self.side.w - 32
        y = self.side.y + 16 + p.height(t("hub.suggested"), 20, inner, True) + 12
        self.suggestion_y = y
        if scene.suggestion:
            title = self.ctx.pick(self.ctx.content.challenges[scene.suggestion].title)
            y += max(40, p.height(title, 19, inner - 50, True)) + 10
            self.reason_y = y
            y += p.height(t(f"hub.reason.{scene.reason}"), 17, inner) + 16
            self.go = pygame.Rect(
                self.side.x + 16,
                y,
                max(260, p.button_w(t("hub.go_there"), "@primary")),
                max(54, p.button_h("@primary")),
            )
            y = self.go.bottom + 20
        self.progress_y = y
        if self.ctx.player is not None:
            y += p.height(self.progress_text(), 17, inner) + 12
        self.help_y = y
        y += p.height(t("hub.help"), 15, inner) + 16
        self.side.h = y - self.side.y
        labels = [t("hub.passport"), t("hub.settings"), t("hub.sign_out")]
        self.buttons = left_buttons(
            p, labels, 40, self.side.bottom + 24, 1200, min_w=260, min_h=50, gap=20
        )
        self.bottom = self.buttons[-1].bottom

    def progress_text(self) -> str:
        player = self.ctx.player
        plays = sum(r.plays for r in player.challenges.values())
        return self.ctx.t(
            "hub.progress",
            done=len(player.challenges),
            total=len(self.ctx.content.challenges),
            plays=plays,
        )
