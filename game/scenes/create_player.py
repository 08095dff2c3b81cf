"""Create a pseudonymous player: a generated code and a chosen avatar. No name is asked."""

from __future__ import annotations

import pygame

from game import art
from game.save import PlayerSave
from game.scenes.base import UiScene
from telemetry.identity import generate_player_code

AVATAR_COLOURS = ("#3A86FF", "#E4572E", "#17BEBB", "#FFC914", "#8E5CC5", "#2E8B57")


class CreatePlayerScene(UiScene):
    name = "create_player"
    title_key = "create.title"

    def __init__(self) -> None:
        super().__init__()
        self.code = ""
        self.shape = art.SHAPES[0]
        self.colour = AVATAR_COLOURS[0]

    def enter(self, ctx) -> None:
        self.code = self._new_code(ctx)
        super().enter(ctx)

    @staticmethod
    def _new_code(ctx) -> str:
        for _ in range(50):
            code = generate_player_code(ctx.rng)
            if not ctx.saves.player_dir(code).exists():
                return code
        raise RuntimeError("could not find a free player code")

    def build(self) -> None:
        self.ui.button((700, 170, 220, 48), self.ctx.t("create.another_code"), self.reroll, "@small")
        self.shape_tiles = [
            (self.ui.hotspot((250 + i * 130, 380, 100, 100), self.ctx.t(f"shape.{shape}"),
                             lambda s=shape: self.choose_shape(s)), shape)
            for i, shape in enumerate(art.SHAPES)]
        self.colour_tiles = [
            (self.ui.hotspot((300 + i * 120, 506, 80, 56), self.ctx.t(f"colour.{i}"),
                             lambda c=colour: self.choose_colour(c)), colour)
            for i, colour in enumerate(AVATAR_COLOURS)]
        self.ui.button((490, 620, 300, 62), self.ctx.t("create.start"), self.start, "@primary")

    def reroll(self) -> None:
        self.code = self._new_code(self.ctx)

    def choose_shape(self, shape: str) -> None:
        self.shape = shape

    def choose_colour(self, colour: str) -> None:
        self.colour = colour

    def start(self) -> None:
        from game.scenes.flow import sign_in

        player = PlayerSave(code=self.code, avatar_shape=self.shape, avatar_colour=self.colour)
        if sign_in(self.ctx, self.code, new_player=player):
            self.ctx.record("selected", "question", "consent/privacy", response="yes")
            self.ctx.record("selected", "menu", "menu/avatar", response=f"{self.shape}:{self.colour}")

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        card = pygame.Rect(190, 90, 900, 510)
        p.panel(surface, card)
        p.text(surface, self.ctx.t("create.your_code"), (card.x + 40, card.y + 26), 22, colour=pal.muted)
        code_box = pygame.Rect(card.x + 40, card.y + 60, 450, 86)
        pygame.draw.rect(surface, pal.sky_low if not pal.high_contrast else pal.panel, code_box, border_radius=14)
        pygame.draw.rect(surface, pal.ink, code_box, 2, border_radius=14)
        p.text_fit(surface, self.code, (code_box.x + 24, code_box.centery), code_box.w - 48, 46, bold=True)
        art.avatar(surface, (card.right - 90, card.y + 104), 56, self.shape, p.colour(self.colour), pal.ink)
        p.text(surface, self.ctx.t("create.write_it_down"), (card.x + 40, card.y + 162), 19,
               width=card.w - 80, colour=pal.muted)
        p.text(surface, self.ctx.t("create.pick_avatar"), (card.x + 40, card.y + 256), 22, bold=True)
        for item, shape in self.shape_tiles:
            chosen = shape == self.shape
            pygame.draw.rect(surface, pal.sky_low if chosen and not pal.high_contrast else pal.panel,
                             item.rect, border_radius=16)
            pygame.draw.rect(surface, pal.accent if chosen else pal.panel_edge, item.rect,
                             4 if chosen else 2, border_radius=16)
            art.avatar(surface, item.rect.center, 34, shape, p.colour(self.colour), pal.ink)
        for item, colour in self.colour_tiles:   # numbered in their labels, not colour alone
            chosen = colour == self.colour
            pygame.draw.rect(surface, art.hex_colour(colour), item.rect, border_radius=12)
            pygame.draw.rect(surface, pal.ink, item.rect, 4 if chosen else 1, border_radius=12)
            if chosen:
                p.icon(surface, "check", item.rect.center, 30, (255, 255, 255))
