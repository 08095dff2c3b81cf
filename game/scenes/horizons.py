"""After reflection (Horizons and Networks): the real occupations that use this task,
their education level in plain words, the pathway in, saving to the passport, and the
district mentor to ask. Time spent here is recorded as reading time per occupation."""

from __future__ import annotations

from functools import partial

import pygame

from game.flow import record_occupation_read
from game.occupation_search import european_names
from game.ui_scene import HEADER_H, UiScene
from zones.ui_layout import bottom, columns_for, grid


def job_zone_words(ctx, zone: int) -> str:
    """Plain words for an O*NET Job Zone (education and training)."""
    return ctx.t(f"jobzone.{zone}")


class HorizonsScene(UiScene):
    name = "horizons"
    title_key = "horizons.title"
    show_back = False
    scrolls = True

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

    def card_blocks(self, occ) -> list[tuple[str, int, bool]]:
        """The text of one job card, top to bottom: (text, size, bold)."""
        blocks = [
            (occ.title, 21, True),
            (occ.description, 15, False),
            (
                self.ctx.t("horizons.education", words=job_zone_words(self.ctx, occ.job_zone)),
                15,
                False,
            ),
        ]
        if occ.esco:
            blocks.append(
                (
                    self.ctx.t(
                        "horizons.esco", label=european_names(occ, self.ctx.settings.language)
                    ),
                    15,
                    False,
                )
            )
        return blocks

    def layout(self) -> dict:
        """The intro's and pathway's y, one card per job (as tall as its text; one column
        at large text) with its save button, and the two buttons below."""
        p = self.ctx.painter
        t = self.ctx.t
        pathway_y = max(HEADER_H + 50, HEADER_H + 16 + p.height(self.intro_text(), 20, 1200) + 10)
        top = max(HEADER_H + 112, pathway_y + p.height(self.pathway_text(), 18, 1200) + 16)
        n = max(1, len(self.occupations))
        cols = columns_for(p, n, 1200, 360)
        width = (1200 - 20 * (cols - 1)) // cols - 40
        button_h = max(50, p.button_h())
        heights = []
        for occ in self.occupations:
            gaps = (10, 12, 8)
            text_h = sum(
                p.height(text, size, width, bold) + gap
                for (text, size, bold), gap in zip(self.card_blocks(occ), (0, *gaps), strict=False)
            )
            heights.append(max(430, 26 + text_h + 16 + p.line(15) + 15 + button_h + 16))
        cards = grid(heights, 40, top, 1200, cols, gap=20)
        saves = [pygame.Rect(r.x + 16, r.bottom - 16 - button_h, r.w - 32, button_h) for r in cards]
        y = max(630, bottom(cards, top) + 24)
        mentor = self.ctx.content.mentor_of(self.challenge.district)
        ask = pygame.Rect(
            40,
            y,
            max(380, p.button_w(t("horizons.ask", name=self.ctx.pick(mentor.name)))),
            max(58, p.button_h()),
        )
        town = pygame.Rect(
            0,
            y,
            max(380, p.button_w(t("horizons.back_to_town"), "@primary")),
            max(58, p.button_h("@primary")),
        )
        if ask.w + town.w + 40 > 1200:  # not side by side: town under ask
            town.topleft = (40, ask.bottom + 16)
        else:
            town.right = 1240
        return {"pathway_y": pathway_y, "cards": cards, "saves": saves, "ask": ask, "town": town}

    def intro_text(self) -> str:
        return self.ctx.t("horizons.intro", title=self.ctx.pick(self.challenge.title))

    def pathway_text(self) -> str:
        return self.ctx.t("horizons.pathway", text=self.ctx.pick(self.challenge.pathway))

    def build(self) -> None:
        lay = self.layout()
        saved = self.ctx.player.saved_occupations if self.ctx.player else []
        for rect, occ in zip(lay["saves"], self.occupations, strict=False):
            key = "horizons.saved" if occ.code in saved else "horizons.save"
            self.ui.button(rect, self.ctx.t(key), partial(self.toggle_save, occ.code))
        mentor = self.ctx.content.mentor_of(self.challenge.district)
        self.ui.button(
            lay["ask"], self.ctx.t("horizons.ask", name=self.ctx.pick(mentor.name)), self.ask
        )
        self.ui.button(lay["town"], self.ctx.t("horizons.back_to_town"), self.to_town, "@primary")

    def toggle_save(self, code: str) -> None:
        from game.flow import toggle_saved_occupation

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
            record_occupation_read(self.ctx, occ, share)
        self.opened_at = self.ctx.clock()

    def ask(self) -> None:
        self._pause_reading()
        mentor = self.ctx.content.mentor_of(self.challenge.district)
        self.ctx.scenes.go("mentor", mentor_id=mentor.id)

    def resume(self) -> None:
        self.opened_at = self.ctx.clock()
        super().resume()

    def to_town(self) -> None:
        """Carry on: to the 'what next?' board (or the district when nothing new is left)."""
        from game.flow import resume_place, set_place
        from game.suggest import contrasting_challenges

        self._record_reading()
        set_place(self.ctx, scene="district", district=self.challenge.district)
        if len(contrasting_challenges(self.ctx, self.ctx.rng)) >= 2:
            self.ctx.scenes.replace("next_board", district_id=self.challenge.district)
        else:
            resume_place(self.ctx)

    def page_key(self) -> object:
        """The cards show the challenge's jobs only (the save buttons are pygame-gui's)."""
        return ()

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        p.text(surface, self.intro_text(), (40, HEADER_H + 16), 20, width=1200)
        p.text(
            surface, self.pathway_text(), (40, lay["pathway_y"]), 18, width=1200, colour=pal.muted
        )
        colour = p.colour(self.ctx.content.district_of(self.challenge_id).colour)
        for rect, save, occ in zip(lay["cards"], lay["saves"], self.occupations, strict=False):
            p.panel(surface, rect)
            pygame.draw.rect(
                surface,
                colour,
                (rect.x, rect.y, rect.w, 12),
                border_top_left_radius=18,
                border_top_right_radius=18,
            )
            y, width = rect.y + 26, rect.w - 40
            for i, ((text, size, bold), gap) in enumerate(
                zip(self.card_blocks(occ), (0, 10, 12, 8), strict=False)
            ):
                y = p.text(
                    surface,
                    text,
                    (rect.x + 20, y + gap),
                    size,
                    bold=bold,
                    width=width,
                    box=rect,
                    colour=pal.muted if i >= 2 else None,
                ).bottom
            p.text(
                surface,
                self.ctx.t("horizons.code", code=occ.holland),
                (rect.x + 20, save.y - p.line(15) - 15),
                15,
                colour=pal.muted,
                width=width,
                box=rect,
            )
        return max(lay["ask"].bottom, lay["town"].bottom)
