"""Talk to a mentor (Networks): ask about their job, and answer the short activity
questions they ask back (IIP RIASEC items, 1–5) — spread through the session, one per
question the player asks, never a questionnaire up front."""

from __future__ import annotations

import pygame

from game import art
from game.scenes.base import HEADER_H, UiScene


def next_mentor_item(ctx, mentor) -> str | None:
    """The first of the mentor's IIP items this player has not been asked yet."""
    asked = set(ctx.player.mentor_items_asked) if ctx.player else set()
    return next((item_id for item_id in mentor.items if item_id not in asked), None)


def record_item_answer(ctx, mentor_id: str, item_id: str, value: int | None) -> None:
    """Record the player's 1–5 answer to a mentor's activity item (None = skipped) and
    remember it was asked, so no item is asked twice."""
    item = ctx.content.items[item_id]
    if value is None:
        ctx.record("skipped", "question", f"item/{item.id}", extensions={"riasec": item.riasec, "mentor": mentor_id})
    else:
        ctx.record("selected", "question", f"item/{item.id}", response=str(value),
                   extensions={"riasec": item.riasec, "mentor": mentor_id})
    if ctx.player is not None:
        ctx.player.mentor_items_asked.append(item.id)
        ctx.save_player()


class MentorScene(UiScene):
    name = "mentor"

    def __init__(self, mentor_id: str) -> None:
        super().__init__()
        self.mentor_id = mentor_id
        self.answer_text = ""
        self.pending_item: str | None = None
        self.thanks = False

    def enter(self, ctx) -> None:
        self.mentor = ctx.content.mentors[self.mentor_id]
        self.answer_text = ctx.pick(self.mentor.greeting)
        super().enter(ctx)
        ctx.record("interacted", "non-player-character", f"mentor/{self.mentor_id}",
                   extensions={"topic": "hello", "mentor": self.mentor_id})

    def header_title(self) -> str:
        return self.ctx.t("mentor.title", name=self.ctx.pick(self.mentor.name), job=self.ctx.pick(self.mentor.job))

    def build(self) -> None:
        if self.pending_item:
            for i in range(5):
                self.ui.button((420 + i * 166, 560, 154, 60), self.ctx.t(f"rate.item{i + 1}"),
                               lambda v=i + 1: self.answer_item(v))
            return
        for i, q in enumerate(self.mentor.questions):
            self.ui.button((40, HEADER_H + 40 + i * 76, 330, 62), self.ctx.pick(q.ask),
                           lambda qid=q.id: self.ask(qid), "@choice")

    def ask(self, question_id: str) -> None:
        question = next(q for q in self.mentor.questions if q.id == question_id)
        self.answer_text = self.ctx.pick(question.answer)
        self.thanks = False
        self.ctx.record("interacted", "non-player-character", f"mentor/{self.mentor_id}",
                        extensions={"topic": question_id, "mentor": self.mentor_id,
                                    "competences": ["networks_asking_help", "networks_contacts"]})
        self.pending_item = next_mentor_item(self.ctx, self.mentor)
        self.rebuild()

    def answer_item(self, value: int) -> None:
        record_item_answer(self.ctx, self.mentor_id, self.pending_item, value)
        self.pending_item = None
        self.thanks = True
        self.rebuild()

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        m = self.mentor
        art.avatar(surface, (520, 250), 90, m.avatar_shape, p.colour(m.avatar_colour), pal.ink)
        bubble = pygame.Rect(660, HEADER_H + 30, 580, 310)
        p.panel(surface, bubble, radius=24)
        pygame.draw.polygon(surface, pal.panel, [(bubble.x + 2, bubble.y + 170), (bubble.x - 34, bubble.y + 200),
                                                 (bubble.x + 2, bubble.y + 210)])
        text = self.answer_text
        if self.thanks:
            text = self.ctx.t("mentor.thanks")
        p.text(surface, text, (bubble.x + 28, bubble.y + 26), 19, width=bubble.w - 56)
        if self.pending_item:
            item = self.ctx.content.items[self.pending_item]
            card = pygame.Rect(400, 410, 840, 130)
            p.panel(surface, card)
            p.text(surface, self.ctx.t("mentor.item_q"), (card.x + 24, card.y + 16), 18, colour=pal.muted)
            p.text(surface, item.text, (card.x + 24, card.y + 50), 24, bold=True, width=card.w - 48)
