"""After reflection (Horizons and Networks): the real occupations that use this task,
their education level in plain words, the pathway in, saving to the passport, and the
district mentor to ask. Time spent here is recorded as reading time per occupation."""

from __future__ import annotations

import pygame

from game.scenes.base import HEADER_H, UiScene


def job_zone_words(ctx, zone: int) -> str:
    """Plain words for an O*NET Job Zone (education and training)."""
    return ctx.t(f"jobzone.{zone}")


class HorizonsScene(UiScene):
    name = "horizons"
    title_key = "horizons.title"
    show_back = False

    def __init__(self, challenge_id: str) -> None:
        super().__init__()
        self.challenge_id = challenge_id
        self.opened_at = 0.0
        self.read_seconds = 0.0

    def enter(self, ctx) -> None:
        self.challenge = ctx.content.challenges[self.challenge_id]
        self.occupations = [ctx.content.occupations[c] for c in self.challenge.occupations]
        self.opened_at = ctx.clock()
        super().enter(ctx)

    def cards(self) -> list[pygame.Rect]:
        n = len(self.occupations)
        w = (1200 - (n - 1) * 20) // n
        return [pygame.Rect(40 + i * (w + 20), HEADER_H + 112, w, 430) for i in range(n)]

    def build(self) -> None:
        saved = self.ctx.player.saved_occupations if self.ctx.player else []
        for rect, occ in zip(self.cards(), self.occupations, strict=False):
            key = "horizons.saved" if occ.code in saved else "horizons.save"
            self.ui.button((rect.x + 16, rect.bottom - 66, rect.w - 32, 50), self.ctx.t(key),
                           lambda c=occ.code: self.toggle_save(c))
        mentor = self.ctx.content.mentor_of(self.challenge.district)
        self.ui.button((40, 630, 380, 58), self.ctx.t("horizons.ask", name=self.ctx.pick(mentor.name)), self.ask)
        self.ui.button((860, 630, 380, 58), self.ctx.t("horizons.back_to_town"), self.to_town, "@primary")

    def toggle_save(self, code: str) -> None:
        from game.scenes.flow import toggle_saved_occupation

        if toggle_saved_occupation(self.ctx, code):
            self.rebuild()

    def _pause_reading(self) -> None:
        """Add the time since the screen was (re)opened to the reading time."""
        self.read_seconds += max(0.0, self.ctx.clock() - self.opened_at)
        self.opened_at = self.ctx.clock()

    def _record_reading(self) -> None:
        """Record reading once per visit, when the player leaves for town."""
        self._pause_reading()
        share = round(self.read_seconds / max(1, len(self.occupations)), 2)
        for occ in self.occupations:
            self.ctx.record("accessed", "item", f"occupation/{occ.code}", duration_s=share,
                            extensions={"riasec": occ.holland[0], "occupation": occ.code,
                                        "competences": ["horizons_occupations", "horizons_pathways"]})
        self.opened_at = self.ctx.clock()

    def ask(self) -> None:
        from game.scenes.mentor import MentorScene

        self._pause_reading()
        self.ctx.scenes.push(MentorScene(self.ctx.content.mentor_of(self.challenge.district).id))

    def resume(self) -> None:
        self.opened_at = self.ctx.clock()
        super().resume()

    def to_town(self) -> None:
        """Carry on: to the 'what next?' board (or the district when nothing new is left)."""
        from game.scenes.flow import resume_place, set_place
        from game.scenes.next_board import NextChallengeScene, contrasting_challenges

        self._record_reading()
        set_place(self.ctx, scene="district", district=self.challenge.district)
        if len(contrasting_challenges(self.ctx, self.ctx.rng)) >= 2:
            self.ctx.scenes.replace(NextChallengeScene(self.challenge.district))
        else:
            resume_place(self.ctx)

    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.text(surface, self.ctx.t("horizons.intro", title=self.ctx.pick(self.challenge.title)),
               (40, HEADER_H + 16), 20, width=1200)
        p.text(surface, self.ctx.t("horizons.pathway", text=self.ctx.pick(self.challenge.pathway)),
               (40, HEADER_H + 50), 18, width=1200, colour=pal.muted)
        colour = p.colour(self.ctx.content.district_of(self.challenge_id).colour)
        for rect, occ in zip(self.cards(), self.occupations, strict=False):
            p.panel(surface, rect)
            pygame.draw.rect(surface, colour, (rect.x, rect.y, rect.w, 12), border_top_left_radius=18,
                             border_top_right_radius=18)
            y = p.text(surface, occ.title, (rect.x + 20, rect.y + 26), 21, bold=True, width=rect.w - 40).bottom
            y = p.text(surface, occ.description, (rect.x + 20, y + 10), 15, width=rect.w - 40).bottom
            y = p.text(surface, self.ctx.t("horizons.education", words=job_zone_words(self.ctx, occ.job_zone)),
                       (rect.x + 20, y + 12), 15, width=rect.w - 40, colour=pal.muted).bottom
            if occ.esco_labels:
                y = p.text(surface, self.ctx.t("horizons.esco", label=occ.esco_labels[0]), (rect.x + 20, y + 8), 15,
                           width=rect.w - 40, colour=pal.muted).bottom
            p.text(surface, self.ctx.t("horizons.code", code=occ.holland), (rect.x + 20, rect.bottom - 100), 15,
                   colour=pal.muted)
