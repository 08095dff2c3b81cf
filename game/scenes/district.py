"""A district: its mentor and its challenge cards. Picking a card starts a challenge."""

from __future__ import annotations

import pygame

from game import art
from game.scenes.base import HEADER_H, UiScene
from game.scenes.flow import set_place


class DistrictScene(UiScene):
    name = "district"

    def __init__(self, district_id: str) -> None:
        super().__init__()
        self.district_id = district_id

    def enter(self, ctx) -> None:
        self.district = ctx.content.district(self.district_id)
        super().enter(ctx)
        ctx.record("accessed", "zone", f"district/{self.district_id}", extensions={"riasec": self.district.riasec})
        set_place(ctx, scene="district", district=self.district_id)

    def resume(self) -> None:
        super().resume()
        set_place(self.ctx, scene="district", district=self.district_id)

    def header_title(self) -> str:
        return f"{self.ctx.pick(self.district.name)} · {self.ctx.pick(self.district.nickname)}"

    def cards(self) -> list[pygame.Rect]:
        n = len(self.district.challenges)
        w = (880 - (n - 1) * 20) // n
        return [pygame.Rect(370 + i * (w + 20), HEADER_H + 150, w, 440) for i in range(n)]

    def build(self) -> None:
        for rect, cid in zip(self.cards(), self.district.challenges, strict=False):
            self.ui.button((rect.x + 16, rect.bottom - 70, rect.w - 32, 54), self.ctx.t("district.play"),
                           lambda c=cid: self.choose(c), "@primary")
        self.ui.button((40, 600, 290, 54), self.ctx.t("district.chat", name=self.ctx.pick(self.mentor.name)),
                       self.chat)

    @property
    def mentor(self):
        return self.ctx.content.mentor_of(self.district_id)

    def choose(self, challenge_id: str) -> None:
        from game.scenes.challenge_intro import ChallengeIntroScene

        options = {c: self.district.riasec for c in self.district.challenges}
        self.ctx.record("selected", "menu", f"menu/district/{self.district_id}", response=challenge_id,
                        extensions={"options": options, "riasec": self.district.riasec})
        self.ctx.scenes.push(ChallengeIntroScene(challenge_id))

    def chat(self) -> None:
        from game.scenes.mentor import MentorScene
        self.ctx.scenes.push(MentorScene(self.mentor.id))

    def back(self) -> None:
        self.ctx.record("skipped", "zone", f"district/{self.district_id}", extensions={"riasec": self.district.riasec})
        super().back()

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        colour = p.colour(self.district.colour)
        band = pygame.Rect(0, HEADER_H, surface.get_width(), 120)
        pygame.draw.rect(surface, colour if not pal.high_contrast else pal.panel, band)
        art.icon(surface, self.district.icon, (70, band.centery), 64, (255, 255, 255) if not pal.high_contrast else pal.ink)
        p.text(surface, self.ctx.pick(self.district.tagline), (130, band.y + 22), 30, bold=True,
               colour=(255, 255, 255) if not pal.high_contrast else pal.ink, width=1100)
        p.text(surface, self.ctx.t("district.pick_one"), (130, band.y + 70), 19,
               colour=(255, 255, 255) if not pal.high_contrast else pal.ink, width=1100)
        # mentor card
        mentor = self.mentor
        card = pygame.Rect(40, HEADER_H + 150, 290, 370)
        p.panel(surface, card)
        art.avatar(surface, (card.centerx, card.y + 76), 52, mentor.avatar_shape, p.colour(mentor.avatar_colour), pal.ink)
        p.text(surface, self.ctx.pick(mentor.name), (card.centerx, card.y + 140), 24, bold=True, align="center")
        p.text(surface, self.ctx.pick(mentor.job), (card.centerx, card.y + 174), 17, colour=pal.muted, align="center",
               width=card.w - 30)
        p.text(surface, f"“{self.ctx.pick(mentor.greeting)}”", (card.x + 20, card.y + 212), 16, width=card.w - 40)
        done = self.ctx.player.challenges if self.ctx.player else {}
        for rect, cid in zip(self.cards(), self.district.challenges, strict=False):
            chal = self.ctx.content.challenges[cid]
            p.panel(surface, rect)
            top = pygame.Rect(rect.x, rect.y, rect.w, 12)
            pygame.draw.rect(surface, colour, top, border_top_left_radius=18, border_top_right_radius=18)
            p.text(surface, self.ctx.pick(chal.title), (rect.x + 20, rect.y + 28), 23, bold=True, width=rect.w - 40)
            p.text(surface, self.ctx.pick(chal.goal), (rect.x + 20, rect.y + 100), 17, width=rect.w - 40)
            job = self.ctx.content.occupations[chal.occupations[0]].title
            p.text(surface, self.ctx.t("district.like_a", job=job), (rect.x + 20, rect.y + 250), 15,
                   colour=pal.muted, width=rect.w - 40)
            p.text(surface, self.ctx.t("district.minutes", n=chal.minutes), (rect.x + 20, rect.bottom - 104), 16,
                   colour=pal.muted)
            record = done.get(cid)
            if record:
                p.icon(surface, "check", (rect.right - 34, rect.bottom - 94), 24, pal.good)
                p.text(surface, self.ctx.t("district.best", score=round(record.best_score * 100)),
                       (rect.right - 52, rect.bottom - 104), 16, colour=pal.good, align="right")
