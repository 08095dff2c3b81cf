"""A mentor's quick activity question when the player walks into a district (Networks,
and interest evidence spread through play): one IIP item, answered 1–5 or skipped.
Drawn over the district; answering or skipping pops it."""

from __future__ import annotations

import pygame

from game import art
from game.scenes.base import UiScene
from game.scenes.mentor import record_item_answer

CARD = pygame.Rect(190, 190, 900, 340)


class QuickQuestionScene(UiScene):
    name = "quick_question"
    opaque = False
    show_back = False

    def __init__(self, mentor_id: str, item_id: str) -> None:
        super().__init__()
        self.mentor_id = mentor_id
        self.item_id = item_id

    def enter(self, ctx) -> None:
        self.mentor = ctx.content.mentors[self.mentor_id]
        self.item = ctx.content.items[self.item_id]
        super().enter(ctx)

    def build(self) -> None:
        for v in range(1, 6):
            self.ui.button((CARD.x + 30 + (v - 1) * 170, CARD.bottom - 150, 160, 58),
                           self.ctx.t(f"rate.item{v}"), lambda v=v: self.answer(v))
        self.ui.button((CARD.centerx - 120, CARD.bottom - 74, 240, 50), self.ctx.t("quick.skip"),
                       self.skip, "@small")

    def answer(self, value: int) -> None:
        record_item_answer(self.ctx, self.mentor_id, self.item_id, value)
        self.ctx.scenes.pop()

    def skip(self) -> None:
        record_item_answer(self.ctx, self.mentor_id, self.item_id, None)
        self.ctx.scenes.pop()

    def on_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.KEYDOWN and event.key == pygame.K_ESCAPE:
            self.skip()

    def draw(self, surface: pygame.Surface) -> None:
        """Over the district: a veil, then the mentor's card."""
        self.ctx.painter.veil(surface, (20, 20, 40, 150))
        p = self.ctx.painter
        pal = self.ctx.palette
        p.panel(surface, CARD)
        m = self.mentor
        art.avatar(surface, (CARD.x + 80, CARD.y + 86), 44, m.avatar_shape, p.colour(m.avatar_colour), pal.ink)
        p.text(surface, self.ctx.t("quick.asks", name=self.ctx.pick(m.name)), (CARD.x + 150, CARD.y + 40), 20,
               colour=pal.muted, width=CARD.w - 180)
        p.text(surface, self.item.text, (CARD.x + 150, CARD.y + 80), 28, bold=True, width=CARD.w - 180)
