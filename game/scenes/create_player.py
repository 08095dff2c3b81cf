"""Create a pseudonymous player: a generated code and a chosen avatar. No name is asked.

With ``existing`` (a teacher's handout code signing in for the first time, after the
consent page) the code is fixed and the avatar is chosen for that save."""

from __future__ import annotations

from functools import partial

import pygame

from game import art
from game.save import PlayerSave
from game.ui_scene import UiScene
from game.widgets.reflow import centred_buttons
from telemetry.xapi.identity import generate_player_code
from zones.content import SHAPES

AVATAR_COLOURS = ("#3A86FF", "#E4572E", "#17BEBB", "#FFC914", "#8E5CC5", "#2E8B57")


class CreatePlayerScene(UiScene):
    name = "create_player"
    title_key = "create.title"
    scrolls = True

    def __init__(self, existing: PlayerSave | None = None) -> None:
        super().__init__()
        self.existing = existing
        self.code = existing.code if existing else ""
        self.shape = (
            existing.avatar_shape if existing and existing.avatar_shape in SHAPES else SHAPES[0]
        )
        self.colour = (
            existing.avatar_colour
            if existing and existing.avatar_colour in AVATAR_COLOURS
            else AVATAR_COLOURS[0]
        )

    def enter(self, ctx) -> None:
        if self.existing is None:
            self.code = self._new_code(ctx)
        super().enter(ctx)

    @staticmethod
    def _new_code(ctx) -> str:
        for _ in range(50):
            code = generate_player_code(ctx.rng)
            if not ctx.saves.player_dir(code).exists():
                return code
        raise RuntimeError("could not find a free player code")

    def layout(self) -> dict:
        """Every rect and y of the page from measured text: the card, the code box, the
        'another code' button (beside the box, or below it at large text), the two rows
        of tiles and the start button."""
        p = self.ctx.painter
        t = self.ctx.t
        wide = p.fonts.scale > 1
        card = pygame.Rect(140 if wide else 190, 90, 1000 if wide else 900, 0)
        code_y = card.y + max(60, 26 + p.height(t("create.your_code"), 22, card.w - 80) + 8)
        # the box's width depends on the text size only, never on the code (a long code is
        # drawn smaller to fit): "another code" moves nothing under the cursor
        code_box = pygame.Rect(
            card.x + 40,
            code_y,
            min(card.w - 230, int(450 * p.fonts.scale)),
            max(86, p.line(46, True) + 24),
        )
        another = t("create.another_code")
        reroll = pygame.Rect(
            code_box.right + 20,
            code_box.y + 20,
            max(220, p.button_w(another, "@small")),
            max(48, p.button_h("@small")),
        )
        y = code_box.bottom + 16
        beside = reroll.right <= card.right - 160  # decided by the text size alone
        if not beside:
            reroll.topleft = (code_box.x, code_box.bottom + 16)
            y = reroll.bottom + 16
        note = None
        reroll_shown: pygame.Rect | None = reroll  # None: a teacher's code has a note there
        if self.existing is not None:  # a teacher's code: a line where the button was
            note = (
                pygame.Rect(reroll.x, code_box.y + 8, card.right - 160 - reroll.x, 0)
                if beside
                else pygame.Rect(code_box.x, code_box.bottom + 16, card.w - 80, 0)
            )
            note.h, reroll_shown = p.height(t("create.teacher_code"), 19, note.w), None
            y = max(code_box.bottom, note.bottom) + 16
        write_y = y
        y += p.height(t("create.write_it_down"), 19, card.w - 80)
        avatar_y = max(card.y + 256, y + 24)
        y = avatar_y + p.height(t("create.pick_avatar"), 22, card.w - 80, True) + 8
        n = len(SHAPES)
        shapes = [
            pygame.Rect(
                card.centerx - (n * 130 - 30) // 2 + i * 130, max(card.y + 290, y), 100, 100
            )
            for i in range(n)
        ]
        n = len(AVATAR_COLOURS)
        colours = [
            pygame.Rect(card.centerx - (n * 120 - 40) // 2 + i * 120, shapes[0].bottom + 26, 80, 56)
            for i in range(n)
        ]
        card.h = colours[0].bottom + 38 - card.y
        start = centred_buttons(
            p,
            [t("create.start")],
            card.centerx,
            card.bottom + 20,
            1200,
            "@primary",
            min_w=300,
            min_h=62,
        )[0]
        return {
            "card": card,
            "code_box": code_box,
            "reroll": reroll_shown,
            "note": note,
            "write_y": write_y,
            "avatar_y": avatar_y,
            "shapes": shapes,
            "colours": colours,
            "start": start,
        }

    def build(self) -> None:
        lay = self.layout()
        if lay["reroll"] is not None:
            self.ui.button(lay["reroll"], self.ctx.t("create.another_code"), self.reroll, "@small")
        self.shape_tiles = [
            (
                self.ui.hotspot(
                    rect, self.ctx.t(f"shape.{shape}"), partial(self.choose_shape, shape)
                ),
                shape,
            )
            for rect, shape in zip(lay["shapes"], SHAPES, strict=True)
        ]
        self.colour_tiles = [
            (
                self.ui.hotspot(
                    rect, self.ctx.t(f"colour.{i}"), partial(self.choose_colour, colour)
                ),
                colour,
            )
            for i, (rect, colour) in enumerate(zip(lay["colours"], AVATAR_COLOURS, strict=True))
        ]
        for item, value in [*self.shape_tiles, *self.colour_tiles]:  # read aloud: chosen or not
            item.role, item.group = "option", self.ctx.t("create.pick_avatar")
            item.state = lambda v=value: self.ctx.t(
                "speech.selected" if v in (self.shape, self.colour) else "speech.not_selected"
            )
        self.ui.button(lay["start"], self.ctx.t("create.start"), self.start, "@primary")

    def reroll(self) -> None:
        """A new code in the same box: the buttons keep their places (nothing under the
        cursor moves), so only the code's pixels are drawn again (``page_key``)."""
        self.code = self._new_code(self.ctx)

    def choose_shape(self, shape: str) -> None:
        self.shape = shape

    def choose_colour(self, colour: str) -> None:
        self.colour = colour

    def start(self) -> None:
        from game.flow import sign_in

        player = self.existing or PlayerSave(code=self.code)
        player.avatar_shape, player.avatar_colour, player.consent_given = (
            self.shape,
            self.colour,
            True,
        )
        if sign_in(self.ctx, self.code, new_player=player):  # records consent and avatar
            from game.mentor_items import open_job_board

            open_job_board(self.ctx)

    def page_key(self) -> object:
        """The card changes with the code and the chosen avatar shape and colour."""
        return (self.code, self.shape, self.colour)

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        card = lay["card"]
        p.panel(surface, card)
        p.text(
            surface,
            self.ctx.t("create.your_code"),
            (card.x + 40, card.y + 26),
            22,
            colour=pal.muted,
            width=card.w - 80,
            box=card,
        )
        code_box = lay["code_box"]
        pygame.draw.rect(
            surface, pal.sky_low if not pal.high_contrast else pal.panel, code_box, border_radius=14
        )
        pygame.draw.rect(surface, pal.ink, code_box, 2, border_radius=14)
        p.text_fit(
            surface,
            self.code,
            (code_box.x + 24, code_box.centery),
            code_box.w - 48,
            46,
            bold=True,
            box=code_box,
        )
        art.avatar(
            surface, (card.right - 90, card.y + 104), 56, self.shape, p.colour(self.colour), pal.ink
        )
        if lay["note"] is not None:
            note = lay["note"]
            p.text(
                surface,
                self.ctx.t("create.teacher_code"),
                note.topleft,
                19,
                width=note.w,
                colour=pal.muted,
                box=card,
            )
        p.text(
            surface,
            self.ctx.t("create.write_it_down"),
            (card.x + 40, lay["write_y"]),
            19,
            width=card.w - 80,
            colour=pal.muted,
            box=card,
        )
        p.text(
            surface,
            self.ctx.t("create.pick_avatar"),
            (card.x + 40, lay["avatar_y"]),
            22,
            bold=True,
            width=card.w - 80,
            box=card,
        )
        for item, shape in self.shape_tiles:
            chosen = shape == self.shape
            pygame.draw.rect(
                surface,
                pal.sky_low if chosen and not pal.high_contrast else pal.panel,
                item.rect,
                border_radius=16,
            )
            pygame.draw.rect(
                surface,
                pal.accent if chosen else pal.panel_edge,
                item.rect,
                4 if chosen else 2,
                border_radius=16,
            )
            art.avatar(surface, item.rect.center, 34, shape, p.colour(self.colour), pal.ink)
        for item, colour in self.colour_tiles:  # numbered in their labels, not colour alone
            chosen = colour == self.colour
            pygame.draw.rect(surface, art.hex_colour(colour), item.rect, border_radius=12)
            pygame.draw.rect(surface, pal.ink, item.rect, 4 if chosen else 1, border_radius=12)
            if chosen:
                p.icon(surface, "check", item.rect.center, 30, (255, 255, 255))
        return lay["start"].bottom
