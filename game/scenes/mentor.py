"""Talk to a mentor (Networks): ask about their job, and answer the short activity
questions they ask back (IIP RIASEC items, 1–5) — spread through the session, one per
question the player asks, never a questionnaire up front. Every second question a mentor
asks back is "Which would you rather do?": one of the mentor's own-field activities
against another kind's (``game.mentor_items.mentor_pair``). The mentor always gives the
answer the player asked for first; the pair only takes the place of the mentor's own
question."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial

import pygame

from game import art
from game.mentor_items import mentor_pair, next_mentor_item, record_item_answer, record_pair
from game.ui_scene import HEADER_H, UiScene
from game.widgets.item_answers import add_item_answers
from game.widgets.reflow import centred_buttons, fit_button
from telemetry.xapi import activity_ids as ids


@dataclass
class MentorLayout:
    """Where the mentor's page puts things (``MentorScene.layout``, on each build and draw)."""

    avatar: tuple[tuple[int, int], int]  # centre, radius
    bubble: pygame.Rect
    tail: int  # how far down the bubble its tail points at the mentor
    questions: list[pygame.Rect] = field(default_factory=list)
    card: pygame.Rect | None = None  # the activity question (or pair) card
    item_y: int = 0  # where the card's item text starts
    answers: list[pygame.Rect] = field(default_factory=list)


class MentorScene(UiScene):
    name = "mentor"
    scrolls = True

    def __init__(self, mentor_id: str) -> None:
        super().__init__()
        self.mentor_id = mentor_id
        self.answer_text = ""
        self.pending_item: str | None = None
        self.pending_pair: tuple[str, str] | None = None
        self.asked = 0  # questions the player asked in this visit
        self.thanks = False

    def enter(self, ctx) -> None:
        self.mentor = ctx.content.mentors[self.mentor_id]
        self.answer_text = ctx.pick(self.mentor.greeting)
        super().enter(ctx)
        ctx.record(
            "interacted",
            "non-player-character",
            ids.mentor_id(self.mentor_id),
            extensions={"topic": "hello", "mentor": self.mentor_id},
        )

    def header_title(self) -> str:
        return self.ctx.t(
            "mentor.title", name=self.ctx.pick(self.mentor.name), job=self.ctx.pick(self.mentor.job)
        )

    def bubble_text(self) -> str:
        return self.ctx.t("mentor.thanks") if self.thanks else self.answer_text

    def layout(self) -> MentorLayout:
        """The mentor (centre, radius), the speech bubble (as tall as the answer), and
        either the question buttons or the activity question card and its 1–5 buttons.
        Questions sit in a column left of the mentor while they fit; at large text the
        mentor and bubble go on top and everything else below."""
        p = self.ctx.painter
        t = self.ctx.t
        asks = [self.ctx.pick(q.ask) for q in self.mentor.questions]
        q_h = max(62, p.button_h("@choice"))
        compact = p.fonts.scale <= 1.25 and all(p.button_w(a, "@choice") <= 330 for a in asks)
        if compact:
            avatar = ((520, 250), 90)
            bubble = pygame.Rect(660, HEADER_H + 30, 580, 0)
        else:
            avatar = ((130, HEADER_H + 100), 70)
            bubble = pygame.Rect(260, HEADER_H + 30, 980, 0)
        bubble.h = max(
            310 if compact else 220, p.height(self.bubble_text(), 19, bubble.w - 56) + 52
        )
        lay = MentorLayout(avatar, bubble, 170 if compact else 50)
        if self.pending_pair:
            card = (
                pygame.Rect(400, max(410, bubble.bottom + 36), 840, 0)
                if compact
                else pygame.Rect(40, bubble.bottom + 30, 1200, 0)
            )
            texts = [self.ctx.pick(self.ctx.content.items[i].text) for i in self.pending_pair]
            item_y = card.y + max(50, 16 + p.height(t("pair.title"), 18, card.w - 48) + 8)
            card.h = item_y - card.y + 16
            lay.card, lay.item_y = card, item_y
            lay.answers = [
                fit_button(p, text, pygame.Rect(card.x, y, card.w, 60), "@choice")
                for text, y in zip(texts, (card.bottom + 16, card.bottom + 92), strict=True)
            ]
            for prev, rect in zip(lay.answers, lay.answers[1:], strict=False):
                rect.y = max(rect.y, prev.bottom + 14)
            lay.answers += centred_buttons(
                p,
                [t("pair.skip")],
                card.centerx,
                lay.answers[-1].bottom + 16,
                card.w,
                "@small",
                min_w=220,
                min_h=50,
            )
        elif self.pending_item:
            card = (
                pygame.Rect(400, max(410, bubble.bottom + 36), 840, 0)
                if compact
                else pygame.Rect(40, bubble.bottom + 30, 1200, 0)
            )
            item_y = card.y + max(50, 16 + p.height(t("mentor.item_q"), 18, card.w - 48) + 8)
            card.h = max(
                130,
                item_y
                - card.y
                + p.height(
                    self.ctx.pick(self.ctx.content.items[self.pending_item].text),
                    24,
                    card.w - 48,
                    True,
                )
                + 24,
            )
            lay.card, lay.item_y = card, item_y
            lay.answers = centred_buttons(
                p,
                [t(f"rate.item{v}") for v in range(1, 6)],
                card.centerx,
                card.bottom + 20,
                card.w,
                min_w=154,
                min_h=60,
                gap=12,
            )
        elif compact:
            lay.questions = [
                pygame.Rect(40, HEADER_H + 40 + i * (q_h + 14), 330, q_h) for i in range(len(asks))
            ]
        else:
            w = min(
                1200, max([330] + [p.button_w(a, "@choice") for a in asks])
            )  # a list, one a row
            lay.questions = [
                pygame.Rect(40, bubble.bottom + 30 + i * (q_h + 14), w, q_h)
                for i in range(len(asks))
            ]
        return lay

    def build(self) -> None:
        lay = self.layout()
        if self.pending_pair:
            a, b, skip = lay.answers
            texts = [self.ctx.pick(self.ctx.content.items[i].text) for i in self.pending_pair]
            for rect, text, item_id in zip((a, b), texts, self.pending_pair, strict=True):
                self.ui.button(rect, text, partial(self.answer_pair, item_id), "@choice")
            self.ui.button(skip, self.ctx.t("pair.skip"), lambda: self.answer_pair(None), "@small")
            return
        if self.pending_item:
            add_item_answers(self.ui, self.ctx.t, lay.answers, self.answer_item)
            return
        for rect, q in zip(lay.questions, self.mentor.questions, strict=True):
            self.ui.button(rect, self.ctx.pick(q.ask), partial(self.ask, q.id), "@choice")

    def ask(self, question_id: str) -> None:
        question = next(q for q in self.mentor.questions if q.id == question_id)
        self.answer_text = self.ctx.pick(question.answer)
        self.thanks = False
        self.ctx.record(
            "interacted",
            "non-player-character",
            ids.mentor_id(self.mentor_id),
            extensions={
                "topic": question_id,
                "mentor": self.mentor_id,
                "competences": ["networks_asking_help", "networks_contacts"],
            },
        )
        self.asked += 1
        self.pending_item, self.pending_pair = None, None
        if self.asked % 2 == 0:
            self.pending_pair = mentor_pair(self.ctx, self.mentor)
        if self.pending_pair is None:
            self.pending_item = next_mentor_item(self.ctx, self.mentor)
        if self.pending_item is None and self.pending_pair is None:
            self.pending_pair = mentor_pair(self.ctx, self.mentor)  # no activity left to rate
        self.rebuild()

    def answer_pair(self, item_id: str | None) -> None:
        """The player's pick of the pair the mentor asked (None: can't choose)."""
        if self.pending_pair is None:
            return
        record_pair(self.ctx, self.pending_pair, item_id, source="mentor", mentor_id=self.mentor_id)
        self.pending_pair = None
        self.thanks = True
        self.rebuild()

    def answer_item(self, value: int) -> None:
        """The player's 1-5 answer to the activity question the mentor asked."""
        if self.pending_item is None:
            return
        record_item_answer(self.ctx, self.mentor_id, self.pending_item, value)
        self.pending_item = None
        self.thanks = True
        self.rebuild()

    def page_key(self) -> object:
        """The page changes only with what the mentor says and the activity question asked."""
        return self.bubble_text(), self.pending_item, self.pending_pair

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        m = self.mentor
        lay = self.layout()
        centre, radius = lay.avatar
        art.avatar(surface, centre, radius, m.avatar_shape, p.colour(m.avatar_colour), pal.ink)
        bubble = lay.bubble
        p.panel(surface, bubble, radius=24)
        tail = lay.tail  # the bubble's tail points at the mentor
        pygame.draw.polygon(
            surface,
            pal.panel,
            [
                (bubble.x + 2, bubble.y + tail),
                (bubble.x - 34, bubble.y + tail + 30),
                (bubble.x + 2, bubble.y + tail + 40),
            ],
        )
        p.text(
            surface,
            self.bubble_text(),
            (bubble.x + 28, bubble.y + 26),
            19,
            width=bubble.w - 56,
            box=bubble,
        )
        card = lay.card
        if card is not None and (self.pending_pair or self.pending_item):
            p.panel(surface, card)
            p.text(
                surface,
                self.ctx.t("pair.title" if self.pending_pair else "mentor.item_q"),
                (card.x + 24, card.y + 16),
                18,
                colour=pal.muted,
                width=card.w - 48,
                box=card,
            )
            if self.pending_item and not self.pending_pair:  # an activity to rate below
                item = self.ctx.content.items[self.pending_item]
                p.text(
                    surface,
                    self.ctx.pick(item.text),
                    (card.x + 24, lay.item_y),
                    24,
                    bold=True,
                    width=card.w - 48,
                    box=card,
                )
        return max(r.bottom for r in [bubble, *lay.questions, *lay.answers])
