"""Before a challenge (Self): what's going on, 'how do you think you'll like this?',
and a difficulty that starts where the player's last result suggests."""

from __future__ import annotations

from functools import partial

import pygame

from game import challenge_record
from game.suggest import suggested_difficulty
from game.ui_scene import HEADER_H, UiScene
from telemetry.xapi import activity_ids as ids
from zones.ui_layout import centred_row


class ChallengeIntroScene(UiScene):
    name = "challenge_intro"
    scrolls = True

    def __init__(self, challenge_id: str) -> None:
        super().__init__()
        self.challenge_id = challenge_id
        self.expectation: int | None = None

    def enter(self, ctx) -> None:
        self.challenge = ctx.content.challenges[challenge_id := self.challenge_id]
        self.riasec = ctx.content.riasec_of(challenge_id)
        self.difficulty = suggested_difficulty(ctx, challenge_id)
        super().enter(ctx)

    def header_title(self) -> str:
        return self.ctx.pick(self.challenge.title)

    def layout(self) -> dict:
        """Every rect and y of the page, from measured text (so 200 % text reflows)."""
        p = self.ctx.painter
        t = self.ctx.t
        card = pygame.Rect(140, HEADER_H + 24, 1000, 0)
        goal_y = card.y + 24 + p.height(self.ctx.pick(self.challenge.intro), 21, card.w - 80) + 16
        goal = t("challenge.goal", goal=self.ctx.pick(self.challenge.goal))
        card.h = goal_y - card.y + p.height(goal, 20, card.w - 80, True) + 24
        question_y = card.bottom + 30
        y = question_y + p.height(t("challenge.expect_question"), 22, 1160, True) + 14
        ratings = centred_row(
            p, [t(f"rate.expect{v}") for v in range(1, 6)], 640, y, 1200, min_w=170
        )
        thanks_y = ratings[-1].bottom + 12
        y = thanks_y + p.height(t("challenge.expect_thanks"), 16, 1160) + 8
        difficulty_y = y
        y += p.height(t("challenge.difficulty_label"), 18, 1160) + 10
        difficulty = centred_row(
            p, [t(f"difficulty.{d}") for d in range(1, 4)], 640, y, 1200, "@small", min_w=210
        )
        start = centred_row(
            p, [t("challenge.start")], 640, difficulty[-1].bottom + 24, 1200, "@primary", min_w=300
        )[0]
        return {
            "card": card,
            "goal_y": goal_y,
            "question_y": question_y,
            "ratings": ratings,
            "thanks_y": thanks_y,
            "difficulty_y": difficulty_y,
            "difficulty": difficulty,
            "start": start,
        }

    def build(self) -> None:
        lay = self.layout()
        self.rating_buttons = {
            v: self.ui.button(
                lay["ratings"][v - 1], self.ctx.t(f"rate.expect{v}"), partial(self.rate, v)
            )
            for v in range(1, 6)
        }
        self.ui.shortcuts(list(self.rating_buttons.values()), "12345")
        self.difficulty_buttons = {
            d: self.ui.button(
                lay["difficulty"][d - 1],
                self.ctx.t(f"difficulty.{d}"),
                partial(self.set_difficulty, d),
                "@small",
            )
            for d in range(1, 4)
        }
        self.start_button = self.ui.button(
            lay["start"], self.ctx.t("challenge.start"), self.start, "@primary"
        )

    def rate(self, value: int) -> None:
        self.expectation = value
        challenge_record.reflection_answer(self, "expect", str(value), ["self_interests"])
        self.ui.focus(self.start_button)

    def set_difficulty(self, level: int) -> None:
        self.difficulty = level
        self.ctx.record(
            "selected",
            "menu",
            ids.menu_id("difficulty", self.challenge_id),
            response=str(level),
            extensions={"difficulty": level},
        )

    def start(self) -> None:
        """Start the challenge, unless its district is closed (every path into a challenge
        passes here; the refusal goes back to the town with a notice)."""
        from game.flow import refuse_closed

        if refuse_closed(self.ctx, self.challenge_id):
            return
        self.ctx.scenes.replace(
            "challenge_play", challenge_id=self.challenge_id, difficulty=self.difficulty
        )

    def page_key(self) -> object:
        """The page changes only with the rating and difficulty chosen (their rings)."""
        return self.expectation, self.difficulty

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        district = self.ctx.content.district_of(self.challenge_id)
        card = lay["card"]
        p.panel(surface, card)
        pygame.draw.rect(
            surface,
            p.colour(district.colour),
            (card.x, card.y, 14, card.h),
            border_top_left_radius=18,
            border_bottom_left_radius=18,
        )
        p.text(
            surface,
            self.ctx.pick(self.challenge.intro),
            (card.x + 40, card.y + 24),
            21,
            width=card.w - 80,
            box=card,
        )
        p.text(
            surface,
            self.ctx.t("challenge.goal", goal=self.ctx.pick(self.challenge.goal)),
            (card.x + 40, lay["goal_y"]),
            20,
            bold=True,
            width=card.w - 80,
            box=card,
        )
        p.text(
            surface,
            self.ctx.t("challenge.expect_question"),
            (640, lay["question_y"]),
            22,
            bold=True,
            align="center",
            width=1160,
        )
        if self.expectation:
            p.text(
                surface,
                self.ctx.t("challenge.expect_thanks"),
                (640, lay["thanks_y"]),
                16,
                colour=pal.good,
                align="center",
                width=1160,
            )
        p.text(
            surface,
            self.ctx.t("challenge.difficulty_label"),
            (640, lay["difficulty_y"]),
            18,
            align="center",
            colour=pal.muted,
            width=1160,
        )
        chosen = [self.difficulty_buttons[self.difficulty]]
        if self.expectation:
            chosen.append(self.rating_buttons[self.expectation])
        for item in chosen:  # the chosen ones: a ring and a tick, not colour alone
            ring = item.rect.inflate(8, 8)
            pygame.draw.rect(surface, pal.accent, ring, 4, border_radius=16)
            badge = (ring.right - 6, ring.top + 6)  # a tick badge, as the design boards' chips
            pygame.draw.circle(surface, pal.accent, badge, 12)
            p.icon(surface, "check", badge, 15, (0, 0, 0) if pal.high_contrast else (255, 255, 255))
        return lay["start"].bottom
