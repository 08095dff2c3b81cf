"""A mentor's quick activity question when the player walks into a district (Networks,
and interest evidence spread through play): one IIP item, answered 1–5 or skipped.
Drawn over the district; answering or skipping pops it."""

from __future__ import annotations

import pygame

from game import art
from game.mentor_items import record_item_answer
from game.ui_scene import UiScene
from game.widgets.item_answers import add_item_answers
from game.widgets.reflow import centred_buttons


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

    def layout(self) -> dict:
        """The card (as tall as its text and buttons, centred in the window), the text's
        y positions, the five answer buttons and the skip button."""
        p = self.ctx.painter
        t = self.ctx.t
        w = min(1200, int(900 + 300 * (p.fonts.scale - 1)))
        card = pygame.Rect((1280 - w) // 2, 0, w, 0)
        text_w = card.w - 180
        asks_h = p.height(t("quick.asks", name=self.ctx.pick(self.mentor.name)), 20, text_w)
        item_y = max(80, 40 + asks_h + 10)
        item_bottom = item_y + p.height(self.ctx.pick(self.item.text), 28, text_w, True)
        answers = centred_buttons(
            p,
            [t(f"rate.item{v}") for v in range(1, 6)],
            card.centerx,
            max(190, item_bottom + 20),
            card.w - 60,
            min_w=160,
            min_h=58,
            gap=10,
        )
        skip = centred_buttons(
            p,
            [t("quick.skip")],
            card.centerx,
            answers[-1].bottom + 18,
            card.w - 60,
            "@small",
            min_w=240,
            min_h=50,
        )[0]
        card.h = skip.bottom + 24
        card.y = max(16, (720 - card.h) // 2)
        for rect in (*answers, skip):
            rect.y += card.y
        return {"card": card, "item_y": card.y + item_y, "answers": answers, "skip": skip}

    def build(self) -> None:
        lay = self.layout()
        add_item_answers(self.ui, self.ctx.t, lay["answers"], self.answer)
        self.ui.button(lay["skip"], self.ctx.t("quick.skip"), self.skip, "@small")

    def answer(self, value: int) -> None:
        record_item_answer(self.ctx, self.mentor_id, self.item_id, value)
        self.ctx.scenes.pop()

    def skip(self) -> None:
        record_item_answer(self.ctx, self.mentor_id, self.item_id, None)
        self.ctx.scenes.pop()

    def on_event(self, event: pygame.event.Event) -> None:
        if self.ui.action_of(event) == "back":  # Escape unless remapped
            self.skip()

    def draw(self, surface: pygame.Surface) -> None:
        """Over the district: a veil, then the mentor's card."""
        self.ctx.painter.veil(surface, (20, 20, 40, 150))
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        card = lay["card"]
        p.panel(surface, card)
        m = self.mentor
        art.avatar(
            surface,
            (card.x + 80, card.y + 86),
            44,
            m.avatar_shape,
            p.colour(m.avatar_colour),
            pal.ink,
        )
        p.text(
            surface,
            self.ctx.t("quick.asks", name=self.ctx.pick(m.name)),
            (card.x + 150, card.y + 40),
            20,
            colour=pal.muted,
            width=card.w - 180,
            box=card,
        )
        p.text(
            surface,
            self.ctx.pick(self.item.text),
            (card.x + 150, lay["item_y"]),
            28,
            bold=True,
            width=card.w - 180,
            box=card,
        )
