"""Asks once before something is thrown away (a half-done challenge): a card over the
screen below with *Keep playing* (focused, and Escape) and the button that goes ahead.
Pushed by the screen that asks; either answer pops it, then ``on_yes`` runs for *yes*."""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.ui_scene import UiScene
from game.widgets.reflow import centred_buttons


class ConfirmScene(UiScene):
    name = "confirm"
    opaque = False
    show_back = False
    show_settings = False

    def __init__(
        self, question_key: str, yes_key: str, no_key: str, on_yes: Callable[[], None]
    ) -> None:
        super().__init__()
        self.question_key, self.yes_key, self.no_key = question_key, yes_key, no_key
        self.on_yes = on_yes

    def layout(self) -> dict:
        """The card (as tall as the question and the buttons, centred) and the two buttons."""
        p, t = self.ctx.painter, self.ctx.t
        w = min(1200, int(820 + 360 * (p.fonts.scale - 1)))
        card = pygame.Rect((1280 - w) // 2, 0, w, 0)
        text_h = p.height(t(self.question_key), 24, card.w - 80, True)
        buttons = centred_buttons(
            p,
            [t(self.no_key), t(self.yes_key)],
            card.centerx,
            40 + text_h + 30,
            card.w - 60,
            min_w=260,
            min_h=58,
            gap=24,
        )
        card.h = buttons[-1].bottom + 30
        card.y = max(16, (720 - card.h) // 2)
        for rect in buttons:
            rect.y += card.y
        return {"card": card, "no": buttons[0], "yes": buttons[1]}

    def build(self) -> None:
        lay = self.layout()
        keep = self.ui.button(lay["no"], self.ctx.t(self.no_key), self.no, "@primary")
        self.ui.button(lay["yes"], self.ctx.t(self.yes_key), self.yes)
        self.ui.focus(keep)

    def no(self) -> None:
        self.ctx.scenes.pop()

    def yes(self) -> None:
        self.ctx.scenes.pop()
        self.on_yes()

    def on_event(self, event: pygame.event.Event) -> None:
        if self.ui.action_of(event) == "back":  # Escape unless remapped: keep playing
            self.no()

    def draw(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        p.veil(surface, (20, 20, 40, 150))
        card = self.layout()["card"]
        p.panel(surface, card)
        p.text(
            surface,
            self.ctx.t(self.question_key),
            (card.centerx, card.y + 40),
            24,
            bold=True,
            align="center",
            width=card.w - 80,
            box=card,
        )
