"""A district: its mentor and its challenge cards. Picking a card starts a challenge."""

from __future__ import annotations

from functools import partial

import pygame

from game import art
from game.flow import set_place
from game.ui_scene import HEADER_H, UiScene
from game.widgets.reflow import StaticPage
from telemetry.xapi import activity_ids as ids
from zones.ui_layout import columns_for, grid


class DistrictScene(UiScene):
    name = "district"
    scrolls = True

    def __init__(self, district_id: str) -> None:
        super().__init__()
        self.district_id = district_id
        self.static = StaticPage()

    def enter(self, ctx) -> None:
        self.district = ctx.content.district(self.district_id)
        super().enter(ctx)
        ctx.record(
            "accessed",
            "zone",
            ids.district_id(self.district_id),
            extensions={"riasec": self.district.riasec},
        )
        set_place(ctx, scene="district", district=self.district_id)

    def resume(self) -> None:
        super().resume()
        set_place(self.ctx, scene="district", district=self.district_id)

    def header_title(self) -> str:
        return f"{self.ctx.pick(self.district.name)} · {self.ctx.pick(self.district.nickname)}"

    def card_texts(self, cid: str) -> tuple[list[tuple[str, int, bool]], str, str]:
        """One challenge card's wrapped blocks (title, goal, 'like a ...'), its minutes and
        its best score ('' if not played yet)."""
        chal = self.ctx.content.challenges[cid]
        job = self.ctx.content.occupations[chal.occupations[0]].title
        record = (self.ctx.player.challenges if self.ctx.player else {}).get(cid)
        best = self.ctx.t("district.best", score=round(record.best_score * 100)) if record else ""
        return (
            [
                (self.ctx.pick(chal.title), 23, True),
                (self.ctx.pick(chal.goal), 17, False),
                (self.ctx.t("district.like_a", job=job), 15, False),
            ],
            self.ctx.t("district.minutes", n=chal.minutes),
            best,
        )

    def layout(self) -> dict:
        """Every rect and y of the page from measured text. At 100 % the mentor card
        stands left of three cards; at larger text the mentor card spans the page and the
        cards go in fewer columns below it."""
        p = self.ctx.painter
        mentor = self.mentor
        pick_y = max(
            HEADER_H + 70,
            HEADER_H + 22 + p.height(self.ctx.pick(self.district.tagline), 30, 1100, True) + 8,
        )
        band = pygame.Rect(
            0,
            HEADER_H,
            1280,
            max(120, pick_y + p.height(self.ctx.t("district.pick_one"), 19, 1100) + 22 - HEADER_H),
        )
        compact = columns_for(p, 3, 880, 280) == 3
        chat_label = self.ctx.t("district.chat", name=self.ctx.pick(mentor.name))
        chat_h = max(54, p.button_h())
        top = band.bottom + 30
        if compact:
            card = pygame.Rect(40, top, 290, 0)
            text_x, text_w, name_y, align = card.centerx, card.w - 30, card.y + 140, "center"
        else:
            card = pygame.Rect(40, top, 1200, 0)
            text_x, text_w, name_y, align = card.x + 170, card.w - 200, card.y + 24, "left"
        job_y = name_y + max(34, p.height(self.ctx.pick(mentor.name), 24, text_w, True) + 6)
        greet_y = job_y + max(38, p.height(self.ctx.pick(mentor.job), 17, text_w) + 12)
        greet_x, greet_w = (card.x + 20, card.w - 40) if compact else (text_x, text_w)
        greet_h = p.height(self.greeting(), 16, greet_w)
        card.h = max(370 if compact else 170, greet_y + greet_h + 20 - card.y)
        chat = pygame.Rect(40, max(600, card.bottom + 16), max(290, p.button_w(chat_label)), chat_h)
        if compact:
            area, cols, cards_top = (
                pygame.Rect(370, top, 880, 0),
                len(self.district.challenges),
                top,
            )
        else:
            area = pygame.Rect(40, chat.bottom + 30, 1200, 0)
            cols, cards_top = (
                columns_for(p, len(self.district.challenges), 1200, 300),
                chat.bottom + 30,
            )
        width = (area.w - 20 * (cols - 1)) // max(1, cols) - 40
        play_h = max(54, p.button_h("@primary"))
        heights, stacked = [], []
        for cid in self.district.challenges:
            blocks, minutes, best = self.card_texts(cid)
            y = 28
            for i, (text, size, bold) in enumerate(blocks):
                if compact and i:
                    y = max(y, (100, 250)[i - 1])
                y += p.height(text, size, width, bold) + 12
            stack = bool(best) and (
                p.font(16).size(minutes)[0] + p.font(16).size(best)[0] + 44 > width
            )
            stacked.append(stack)
            y += 4 + (p.line(16) + 6 if stack else 0) + 34 + play_h + 16
            heights.append(max(440, y) if compact else y)
        cards = grid(heights, area.x, cards_top, area.w, max(1, cols), gap=20)
        plays = [pygame.Rect(r.x + 16, r.bottom - 16 - play_h, r.w - 32, play_h) for r in cards]
        return {
            "band": band,
            "pick_y": pick_y,
            "mentor": card,
            "compact": compact,
            "text_x": text_x,
            "text_w": text_w,
            "align": align,
            "name_y": name_y,
            "job_y": job_y,
            "greet": (greet_x, greet_y, greet_w),
            "chat": chat,
            "cards": cards,
            "plays": plays,
            "stacked": stacked,
        }

    def greeting(self) -> str:
        return f"“{self.ctx.pick(self.mentor.greeting)}”"

    def build(self) -> None:
        lay = self.layout()
        for rect, cid in zip(lay["plays"], self.district.challenges, strict=False):
            self.ui.button(rect, self.ctx.t("district.play"), partial(self.choose, cid), "@primary")
        self.ui.button(
            lay["chat"],
            self.ctx.t("district.chat", name=self.ctx.pick(self.mentor.name)),
            self.chat,
        )

    @property
    def mentor(self):
        return self.ctx.content.mentor_of(self.district_id)

    def choose(self, challenge_id: str) -> None:
        from game.flow import refuse_closed

        if refuse_closed(self.ctx, challenge_id):
            return
        options = {c: self.district.riasec for c in self.district.challenges}
        self.ctx.record(
            "selected",
            "menu",
            ids.menu_id("district", self.district_id),
            response=challenge_id,
            extensions={"options": options, "riasec": self.district.riasec},
        )
        self.ctx.scenes.go("challenge_intro", challenge_id=challenge_id)

    def chat(self) -> None:
        self.ctx.scenes.go("mentor", mentor_id=self.mentor.id)

    def back(self) -> None:
        self.ctx.record(
            "skipped",
            "zone",
            ids.district_id(self.district_id),
            extensions={"riasec": self.district.riasec},
        )
        super().back()

    def draw_page(self, surface: pygame.Surface) -> None:
        """The page is drawn once (into ``self.static``) until progress or settings change."""
        done = self.ctx.player.challenges if self.ctx.player else {}
        key = tuple(
            (c, round(done[c].best_score * 100)) for c in self.district.challenges if c in done
        )
        lay = self.layout()
        height = max(lay["chat"].bottom, max(r.bottom for r in lay["cards"])) + 24
        self.static.show(self, surface, key, height)

    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        pal = self.ctx.palette
        lay = self.layout()
        colour = p.colour(self.district.colour)
        white = (255, 255, 255) if not pal.high_contrast else pal.ink
        band = lay["band"]
        pygame.draw.rect(surface, colour if not pal.high_contrast else pal.panel, band)
        art.icon(surface, self.district.icon, (70, HEADER_H + 60), 64, white)
        p.text(
            surface,
            self.ctx.pick(self.district.tagline),
            (130, band.y + 22),
            30,
            bold=True,
            colour=white,
            width=1100,
            box=band,
        )
        p.text(
            surface,
            self.ctx.t("district.pick_one"),
            (130, lay["pick_y"]),
            19,
            colour=white,
            width=1100,
            box=band,
        )
        mentor = self.mentor
        card = lay["mentor"]
        p.panel(surface, card)
        centre = (card.centerx, card.y + 76) if lay["compact"] else (card.x + 84, card.y + 80)
        art.avatar(
            surface, centre, 52, mentor.avatar_shape, p.colour(mentor.avatar_colour), pal.ink
        )
        x, w, align = lay["text_x"], lay["text_w"], lay["align"]
        p.text(
            surface,
            self.ctx.pick(mentor.name),
            (x, lay["name_y"]),
            24,
            bold=True,
            align=align,
            width=w,
            box=card,
        )
        p.text(
            surface,
            self.ctx.pick(mentor.job),
            (x, lay["job_y"]),
            17,
            colour=pal.muted,
            align=align,
            width=w,
            box=card,
        )
        gx, gy, gw = lay["greet"]
        p.text(surface, self.greeting(), (gx, gy), 16, width=gw, box=card)
        for rect, play, stack, cid in zip(
            lay["cards"], lay["plays"], lay["stacked"], self.district.challenges, strict=False
        ):
            p.panel(surface, rect)
            top = pygame.Rect(rect.x, rect.y, rect.w, 12)
            pygame.draw.rect(
                surface, colour, top, border_top_left_radius=18, border_top_right_radius=18
            )
            blocks, minutes, best = self.card_texts(cid)
            y, width = rect.y + 28, rect.w - 40
            for i, ((text, size, bold), tint) in enumerate(
                zip(blocks, (None, None, pal.muted), strict=True)
            ):
                if lay["compact"] and i:
                    y = max(y, rect.y + (100, 250)[i - 1])
                y = p.text(
                    surface,
                    text,
                    (rect.x + 20, y),
                    size,
                    bold=bold,
                    colour=tint,
                    width=width,
                    box=rect,
                ).bottom
                y += 12
            line_y = play.y - 34
            if best and stack:  # no room beside the minutes: the best score below them
                p.text(
                    surface,
                    best,
                    (rect.x + 20, line_y),
                    16,
                    colour=pal.good,
                    width=width - 40,
                    box=rect,
                )
                p.icon(surface, "check", (rect.right - 34, line_y + 10), 24, pal.good)
                line_y -= p.line(16) + 6
            elif best:
                p.icon(surface, "check", (rect.right - 34, line_y + 10), 24, pal.good)
                p.text(
                    surface,
                    best,
                    (rect.right - 52, line_y),
                    16,
                    colour=pal.good,
                    align="right",
                    box=rect,
                )
            p.text(
                surface, minutes, (rect.x + 20, line_y), 16, colour=pal.muted, width=width, box=rect
            )
        return max(lay["chat"].bottom, max(r.bottom for r in lay["cards"]))
