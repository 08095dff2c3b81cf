"""Before a challenge (Self): what's going on, 'how do you think you'll like this?',
and a difficulty that starts where the player's last result suggests."""

from __future__ import annotations

import pygame

from game.scenes.base import HEADER_H, UiScene
from game.scenes.suggest import suggested_difficulty


class ChallengeIntroScene(UiScene):
    name = "challenge_intro"

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

    def build(self) -> None:
        self.rating_buttons = {
            v: self.ui.button((170 + (v - 1) * 190, 420, 170, 58), self.ctx.t(f"rate.expect{v}"),
                              lambda v=v: self.rate(v))
            for v in range(1, 6)}
        self.difficulty_buttons = {
            d: self.ui.button((300 + (d - 1) * 230, 545, 210, 50), self.ctx.t(f"difficulty.{d}"),
                              lambda d=d: self.set_difficulty(d), "@small")
            for d in range(1, 4)}
        self.start_button = self.ui.button((490, 626, 300, 60), self.ctx.t("challenge.start"), self.start, "@primary")

    def rate(self, value: int) -> None:
        self.expectation = value
        self.ctx.record("selected", "question", f"reflect/{self.challenge_id}/expect", response=str(value),
                        extensions={"riasec": self.riasec, "competences": ["self_interests"]})
        self.ui.focus(self.start_button)

    def set_difficulty(self, level: int) -> None:
        self.difficulty = level
        self.ctx.record("selected", "menu", f"menu/difficulty/{self.challenge_id}", response=str(level),
                        extensions={"difficulty": level})

    def start(self) -> None:
        from game.scenes.challenge_play import ChallengePlayScene
        self.ctx.scenes.replace(ChallengePlayScene(self.challenge_id, self.difficulty))

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        district = self.ctx.content.district_of(self.challenge_id)
        card = pygame.Rect(140, HEADER_H + 24, 1000, 250)
        p.panel(surface, card)
        pygame.draw.rect(surface, p.colour(district.colour), (card.x, card.y, 14, card.h),
                         border_top_left_radius=18, border_bottom_left_radius=18)
        p.text(surface, self.ctx.pick(self.challenge.intro), (card.x + 40, card.y + 24), 21, width=card.w - 80)
        p.text(surface, self.ctx.t("challenge.goal", goal=self.ctx.pick(self.challenge.goal)),
               (card.x + 40, card.y + 150), 20, bold=True, width=card.w - 80)
        p.text(surface, self.ctx.t("challenge.expect_question"), (640, 380), 22, bold=True, align="center")
        if self.expectation:
            p.text(surface, self.ctx.t("challenge.expect_thanks"), (640, 486), 16, colour=pal.good, align="center")
        p.text(surface, self.ctx.t("challenge.difficulty_label"), (640, 512), 18, align="center", colour=pal.muted)
        chosen = [self.difficulty_buttons[self.difficulty]]
        if self.expectation:
            chosen.append(self.rating_buttons[self.expectation])
        for item in chosen:
            pygame.draw.rect(surface, pal.accent, item.rect.inflate(8, 8), 4, border_radius=16)
