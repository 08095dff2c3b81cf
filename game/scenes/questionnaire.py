"""Research mode's end-of-lesson questionnaire: the 48 IIP activity items as a plain 1-5
questionnaire, one card at a time (any can be skipped), then sign-out.

Pushed by ``game.research.finish_lesson`` (Time's up, sign-out) for a pupil of a class in
research mode, whose consent page said so. Each answer is ``selected survey
questionnaire/<item>`` -- a distinct activity type, so the profile never reads it as game
evidence; it is the external criterion ``python main.py calibrate`` fits against.
"""

from __future__ import annotations

import pygame

from game.ui_scene import HEADER_H, UiScene
from game.widgets.item_answers import add_item_answers, item_card_rows, tallest_item_text


class QuestionnaireScene(UiScene):
    name = "questionnaire"
    title_key = "questionnaire.title"
    show_back = False
    scrolls = True

    def __init__(self) -> None:
        super().__init__()
        self.cards: list[str] = []
        self.index = 0

    def enter(self, ctx) -> None:
        from game.research import questionnaire_left

        self.cards = questionnaire_left(ctx)
        super().enter(ctx)

    @property
    def current(self) -> str | None:
        return self.cards[self.index] if self.index < len(self.cards) else None

    def layout(self) -> dict:
        """The intro, the card (as tall as the longest item text), the five answers, skip."""
        p = self.ctx.painter
        t = self.ctx.t
        top = HEADER_H + 20 + p.height(t("questionnaire.intro"), 20, 1200) + 18
        card = pygame.Rect(140, top, 1000, 0)
        text_h = tallest_item_text(self.ctx, self.cards, 30, card.w - 80)
        card.h = max(150, 40 + p.line(18) + 14 + text_h + 36)
        answers, skip = item_card_rows(p, t, card.bottom + 24, [t("questionnaire.skip")])
        return {"card": card, "answers": answers, "skip": skip[0]}

    def build(self) -> None:
        if self.current is None:
            return
        lay = self.layout()
        add_item_answers(self.ui, self.ctx.t, lay["answers"], self.answer)
        self.ui.button(
            lay["skip"], self.ctx.t("questionnaire.skip"), lambda: self.answer(None), "@small"
        )

    def answer(self, value: int | None) -> None:
        """Record the answer (None: skipped) to the card shown; the next card, or finish."""
        from telemetry.xapi.activity_ids import questionnaire_id

        item_id = self.current
        if item_id is None:
            return
        item = self.ctx.content.items[item_id]
        ext = {"riasec": item.riasec, "source": "questionnaire"}
        if value is None:
            self.ctx.record("skipped", "survey", questionnaire_id(item_id), extensions=ext)
        else:
            self.ctx.record(
                "selected", "survey", questionnaire_id(item_id), response=str(value), extensions=ext
            )
        self.index += 1
        if self.current is None:
            self.finish()
        else:
            self.rebuild()

    def finish(self) -> None:
        """Every card done: thank the pupil and sign out (the lesson is over)."""
        from game.flow import sign_out_to_title

        sign_out_to_title(self.ctx)
        self.ctx.notices.append(self.ctx.t("questionnaire.thanks"))

    def page_key(self) -> object:
        return self.index

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        p.text(surface, self.ctx.t("questionnaire.intro"), (40, HEADER_H + 20), 20, width=1200)
        card = lay["card"]
        if self.current is None:
            return card.y
        p.panel(surface, card)
        p.text(
            surface,
            self.ctx.t("questionnaire.count", n=self.index + 1, total=len(self.cards)),
            (card.x + 40, card.y + 36),
            18,
            colour=pal.muted,
            width=card.w - 80,
            box=card,
        )
        p.text(
            surface,
            self.ctx.pick(self.ctx.content.items[self.current].text),
            (card.x + 40, card.y + 36 + p.line(18) + 14),
            30,
            bold=True,
            width=card.w - 80,
            box=card,
        )
        return lay["skip"].bottom
