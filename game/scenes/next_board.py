"""'What next?' after a challenge: three challenges of three different kinds of work.

A free choice among contrasting options is interest evidence, so it is recorded with the
options offered. Choosing one goes straight to its intro; 'back' returns to the district.
"""

from __future__ import annotations

from functools import partial

import pygame

from game import art
from game.suggest import contrasting_challenges
from game.ui_scene import HEADER_H, UiScene
from game.widgets.reflow import centred_buttons
from zones.ui_layout import bottom, columns_for, grid


class NextChallengeScene(UiScene):
    name = "next_board"
    title_key = "next.title"
    show_back = False
    scrolls = True

    def __init__(self, district_id: str) -> None:
        super().__init__()
        self.district_id = district_id
        self.options: dict[str, str] = {}

    def enter(self, ctx) -> None:
        self.options = contrasting_challenges(ctx, ctx.rng)
        super().enter(ctx)

    def band_texts(self, cid: str) -> tuple[str, str]:
        district = self.ctx.content.district(self.ctx.content.challenges[cid].district)
        return self.ctx.t("next.in", district=self.ctx.pick(district.name)), self.ctx.pick(
            district.nickname
        )

    def layout(self) -> dict:
        """The intro, one card per option (as tall as its text, fewer columns at large
        text) with its coloured band's height and its button, and the back button."""
        p = self.ctx.painter
        top = max(HEADER_H + 80, HEADER_H + 24 + p.height(self.ctx.t("next.intro"), 21, 1200) + 20)
        n = max(1, len(self.options))
        cols = columns_for(p, n, 1200, 360)
        width = (1200 - 24 * (cols - 1)) // cols
        button_h = max(56, p.button_h("@primary"))
        bands, heights = [], []
        for cid in self.options:
            chal = self.ctx.content.challenges[cid]
            place, nick = self.band_texts(cid)
            band = max(
                96,
                p.height(place, 18, width - 110, True) + 6 + p.height(nick, 16, width - 110) + 28,
            )
            text = (
                p.height(self.ctx.pick(chal.title), 24, width - 48, True)
                + 14
                + p.height(self.ctx.pick(chal.goal), 18, width - 48)
            )
            bands.append(band)
            heights.append(max(450, band + 20 + text + 16 + p.line(16) + 20 + button_h + 18))
        cards = grid(heights, 40, top, 1200, cols, gap=24)
        tries = [pygame.Rect(r.x + 20, r.bottom - 18 - button_h, r.w - 40, button_h) for r in cards]
        back = centred_buttons(
            p,
            [self.ctx.t("next.back")],
            640,
            max(630, bottom(cards, top) + 24),
            1200,
            min_w=400,
            min_h=58,
        )[0]
        return {"cards": cards, "bands": bands, "tries": tries, "back": back}

    def build(self) -> None:
        lay = self.layout()
        for rect, cid in zip(lay["tries"], self.options, strict=False):
            self.ui.button(rect, self.ctx.t("next.try"), partial(self.choose, cid), "@primary")
        self.ui.button(lay["back"], self.ctx.t("next.back"), self.back_to_district)

    def choose(self, challenge_id: str) -> None:
        from game.flow import refuse_closed, resume_place, set_place

        if refuse_closed(self.ctx, challenge_id):
            return
        self.ctx.record(
            "selected",
            "menu",
            "menu/next",
            response=challenge_id,
            extensions={
                "options": dict(self.options),
                "riasec": self.options[challenge_id],
                "mode": "free",
            },
        )
        set_place(
            self.ctx, scene="district", district=self.ctx.content.challenges[challenge_id].district
        )
        resume_place(self.ctx)
        self.ctx.scenes.go("challenge_intro", challenge_id=challenge_id)

    def back_to_district(self) -> None:
        from game.flow import resume_place, set_place

        if len(self.options) >= 2:
            self.ctx.record(
                "skipped", "menu", "menu/next", extensions={"options": dict(self.options)}
            )
        set_place(self.ctx, scene="district", district=self.district_id)
        resume_place(self.ctx)

    def page_key(self) -> object:
        """The cards show the options picked on entering: drawn once, then blitted."""
        return tuple(self.options.items())

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        p.text(surface, self.ctx.t("next.intro"), (40, HEADER_H + 24), 21, width=1200)
        for rect, band_h, button, cid in zip(
            lay["cards"], lay["bands"], lay["tries"], self.options, strict=False
        ):
            chal = self.ctx.content.challenges[cid]
            district = self.ctx.content.district(chal.district)
            colour = p.colour(district.colour)
            p.panel(surface, rect)
            band = pygame.Rect(rect.x, rect.y, rect.w, band_h)
            if not pal.high_contrast:
                pygame.draw.rect(
                    surface, colour, band, border_top_left_radius=18, border_top_right_radius=18
                )
            else:  # white on a white band would vanish: a rule instead
                pygame.draw.line(
                    surface, pal.ink, band.bottomleft, (band.right - 1, band.bottom), 2
                )
            ink = (255, 255, 255) if not pal.high_contrast else pal.ink
            art.icon(surface, district.icon, (rect.x + 48, band.centery), 44, ink)
            place, nick = self.band_texts(cid)
            text_w = rect.w - 110
            h = p.height(place, 18, text_w, True) + 6 + p.height(nick, 16, text_w)
            y = p.text(
                surface,
                place,
                (rect.x + 90, band.centery - h // 2),
                18,
                colour=ink,
                bold=True,
                width=text_w,
                box=band,
            ).bottom
            p.text(surface, nick, (rect.x + 90, y + 6), 16, colour=ink, width=text_w, box=band)
            y = p.text(
                surface,
                self.ctx.pick(chal.title),
                (rect.x + 24, band.bottom + 20),
                24,
                bold=True,
                width=rect.w - 48,
                box=rect,
            ).bottom
            p.text(
                surface,
                self.ctx.pick(chal.goal),
                (rect.x + 24, y + 14),
                18,
                width=rect.w - 48,
                box=rect,
            )
            p.text(
                surface,
                self.ctx.t("district.minutes", n=chal.minutes),
                (rect.x + 24, button.y - p.line(16) - 18),
                16,
                colour=pal.muted,
                width=rect.w - 48,
                box=rect,
            )
        return lay["back"].bottom
