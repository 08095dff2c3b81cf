"""'What next?' after a challenge: three challenges of three different kinds of work.

A free choice among contrasting options is interest evidence, so it is recorded with the
options offered. Choosing one goes straight to its intro; 'back' returns to the district.
"""

from __future__ import annotations

import pygame

from game import art
from game.scenes.base import HEADER_H, UiScene

CHOICES = 3


def contrasting_challenges(ctx, rng, n: int = CHOICES) -> dict[str, str]:
    """Up to ``n`` not-yet-played challenges, each from a different district (type)."""
    done = ctx.player.challenges if ctx.player else {}
    fresh = [(d, [c for c in d.challenges if c not in done]) for d in ctx.content.districts]
    fresh = [(d, cs) for d, cs in fresh if cs]
    rng.shuffle(fresh)
    return {rng.choice(cs): d.riasec for d, cs in fresh[:n]}


class NextChallengeScene(UiScene):
    name = "next_board"
    title_key = "next.title"
    show_back = False

    def __init__(self, district_id: str) -> None:
        super().__init__()
        self.district_id = district_id
        self.options: dict[str, str] = {}

    def enter(self, ctx) -> None:
        self.options = contrasting_challenges(ctx, ctx.rng)
        super().enter(ctx)

    def cards(self) -> list[pygame.Rect]:
        n = max(1, len(self.options))
        w = (1200 - (n - 1) * 24) // n
        return [pygame.Rect(40 + i * (w + 24), HEADER_H + 80, w, 450) for i in range(n)]

    def build(self) -> None:
        for rect, cid in zip(self.cards(), self.options, strict=False):
            self.ui.button((rect.x + 20, rect.bottom - 74, rect.w - 40, 56), self.ctx.t("next.try"),
                           lambda c=cid: self.choose(c), "@primary")
        self.ui.button((440, 630, 400, 58), self.ctx.t("next.back"), self.back_to_district)

    def choose(self, challenge_id: str) -> None:
        from game.scenes.challenge_intro import ChallengeIntroScene
        from game.scenes.flow import resume_place, set_place

        self.ctx.record("selected", "menu", "menu/next", response=challenge_id,
                        extensions={"options": dict(self.options), "riasec": self.options[challenge_id],
                                    "mode": "free"})
        set_place(self.ctx, scene="district", district=self.ctx.content.challenges[challenge_id].district)
        resume_place(self.ctx)
        self.ctx.scenes.push(ChallengeIntroScene(challenge_id))

    def back_to_district(self) -> None:
        from game.scenes.flow import resume_place, set_place

        if len(self.options) >= 2:
            self.ctx.record("skipped", "menu", "menu/next", extensions={"options": dict(self.options)})
        set_place(self.ctx, scene="district", district=self.district_id)
        resume_place(self.ctx)

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.text(surface, self.ctx.t("next.intro"), (40, HEADER_H + 24), 21, width=1200)
        for rect, cid in zip(self.cards(), self.options, strict=False):
            chal = self.ctx.content.challenges[cid]
            district = self.ctx.content.district(chal.district)
            colour = p.colour(district.colour)
            p.panel(surface, rect)
            band = pygame.Rect(rect.x, rect.y, rect.w, 96)
            pygame.draw.rect(surface, colour, band, border_top_left_radius=18, border_top_right_radius=18)
            ink = (255, 255, 255) if not pal.high_contrast else pal.ink
            art.icon(surface, district.icon, (rect.x + 48, band.centery), 44, ink)
            p.text_fit(surface, self.ctx.t("next.in", district=self.ctx.pick(district.name)),
                       (rect.x + 90, band.centery - 14), rect.w - 110, 18, colour=ink, bold=True)
            p.text_fit(surface, self.ctx.pick(district.nickname), (rect.x + 90, band.centery + 14),
                       rect.w - 110, 16, colour=ink)
            y = p.text(surface, self.ctx.pick(chal.title), (rect.x + 24, band.bottom + 20), 24, bold=True,
                       width=rect.w - 48).bottom
            p.text(surface, self.ctx.pick(chal.goal), (rect.x + 24, y + 14), 18, width=rect.w - 48)
            p.text(surface, self.ctx.t("district.minutes", n=chal.minutes), (rect.x + 24, rect.bottom - 110), 16,
                   colour=pal.muted)
