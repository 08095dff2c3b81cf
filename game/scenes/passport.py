"""Career passport (Horizons): the player's summary to take to a careers conversation —
top three interest types (with a small hexagon), skills shown, saved jobs, and one next
step they choose (recorded as ``selected question passport/next_step`` and kept in the
save). Worked out once in ``enter``.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.hexagon import axes_from, draw_hexagon, fit_hexagon
from game.profile_view import build_view
from game.ui_scene import HEADER_H, UiScene
from telemetry.profile.cms import LEVELS
from zones.ui_layout import columns_for, grid

NEXT_STEPS = ("adviser", "taster", "college", "ask_worker", "explore")
PAGE_X, PAGE_W, GAP = 24, 1232, 20
FIT_BOTTOM = 696  # at 100 % the skills card stops here (and says "and N more")
MAX_SAVED = 6
HEX_W = 270  # the small hexagon's part of the top card


class PassportScene(UiScene):
    name = "passport"
    title_key = "passport.title"
    scrolls = True

    def enter(self, ctx) -> None:
        self.ctx = ctx
        self.view = build_view(ctx)
        self.axes = axes_from(ctx)
        definitions = [{"id": c.id, "theme": c.theme} for c in ctx.content.competences.values()]
        shown = [r for r in self.view.competences(definitions) if r.level != "none"]
        shown.sort(key=lambda r: -LEVELS.index(r.level))
        self.shown = shown
        super().enter(ctx)

    def build(self) -> None:
        chosen = self.ctx.player.next_step if self.ctx.player else ""
        for step, rect in zip(NEXT_STEPS, self.layout()["steps"], strict=True):
            text = self.ctx.t(f"passport.step.{step}")
            label = f"✓ {text}" if step == chosen else text
            self.ui.button(rect, label, partial(self.choose, step), "@choice")

    def choose(self, step: str) -> None:
        """Record the chosen next step and keep it in the save."""
        self.ctx.record(
            "selected",
            "question",
            "passport/next_step",
            response=step,
            extensions={"competences": ["horizons_planning"]},
        )
        if self.ctx.player is not None:
            self.ctx.player.next_step = step
            self.ctx.save_player()
        self.rebuild()

    # -- layout -------------------------------------------------------------------
    def saved_codes(self) -> list[str]:
        return [
            c
            for c in (self.ctx.player.saved_occupations if self.ctx.player else [])
            if c in self.ctx.content.occupations
        ]

    def skill_text(self, result) -> str:
        comp = self.ctx.content.competences[result.id]
        return f"{self.ctx.pick(comp.name)} — {self.ctx.t(f'level.{result.level}')}"

    def layout(self) -> dict:
        """Every rect of the page from measured text: four cards in two columns (one at
        large text), each as tall as its content; the page scrolls when they need it."""
        p = self.ctx.painter
        t = self.ctx.t
        two = columns_for(p, 2, PAGE_W, 600) == 2
        w = (PAGE_W - GAP) // 2 if two else PAGE_W
        head = 14 + p.height(t("passport.top"), 20, w - 40, True) + 12  # a card's title and gap

        # top interests: small hexagon beside three rows
        list_w = w - HEX_W - 40
        tops = []
        y = head
        if self.view.has_evidence:
            for letter in self.view.top(3):
                h = (
                    p.line(18, True)
                    + 4
                    + p.height(self.ctx.t(f"type.enjoy.{letter}"), 15, list_w - 46)
                )
                tops.append((letter, y, max(40, h)))
                y += max(40, h) + 12
        else:
            y += p.height(t("passport.no_top"), 17, list_w)
        hex_box = pygame.Rect(0, head, HEX_W, max(200, int(220 * p.fonts.scale * 0.8)))
        top_h = max(y, hex_box.bottom) + 16

        # saved jobs: title, then preparation below it
        codes = self.saved_codes()
        saved, y = [], head
        star_w = p.font(16).size("★")[0] + 8
        text_w = w - 40 - star_w
        for code in codes[:MAX_SAVED]:
            occ = self.ctx.content.occupations[code]
            words = t("passport.prep", words=t(f"tower.zone.{occ.job_zone}"))
            title_w, words_w = p.font(16, True).size(occ.title)[0], p.font(15).size(words)[0]
            if title_w + 16 + words_w <= text_w:  # one line: the preparation on the right
                saved.append((code, y, None, words))
                y += max(p.line(16, True), p.line(15)) + 10
                continue
            title_h = p.height(occ.title, 16, text_w, True)
            saved.append((code, y, title_h, words))
            y += title_h + 2 + p.height(words, 15, text_w) + 12
        if not codes:
            y += p.height(t("passport.no_saved"), 17, w - 40)
        more_h = p.line(14) + 8
        saved_h = y + (more_h if len(codes) > MAX_SAVED else 0) + 16

        top_row = max(top_h, saved_h) if two else 0
        second_y = HEADER_H + 16 + top_row + GAP
        # skills: every one that fits (all of them at large text, where the page scrolls)
        skills, y = [], head
        limit = FIT_BOTTOM - second_y - more_h - 16 if two else 10**6
        for result in self.shown:
            h = max(p.line(16), p.height(self.skill_text(result), 16, w - 110)) + 8
            if y + h > limit:
                break
            skills.append((result, y))
            y += h
        if not self.shown:
            y += p.height(t("passport.no_skills"), 17, w - 40)
        skills_h = y + (more_h if len(skills) < len(self.shown) else 0) + 16

        step_head = 14 + p.height(t("passport.next_step"), 20, w - 40, True) + 12
        steps = [
            pygame.Rect(
                20, step_head + i * (p.button_h("@choice") + 6), w - 40, p.button_h("@choice")
            )
            for i in range(len(NEXT_STEPS))
        ]
        step_h = steps[-1].bottom + 16

        heights = [top_h, saved_h, skills_h, step_h]
        if two:
            heights = [max(top_h, saved_h)] * 2 + [max(skills_h, step_h)] * 2
        cards = grid(heights, PAGE_X, HEADER_H + 16, PAGE_W, 2 if two else 1, GAP)
        top, saved_card, skills_card, step_card = cards
        return {
            "head": head,
            "top": top,
            "saved": saved_card,
            "skills": skills_card,
            "step": step_card,
            "hex_box": hex_box.move(top.x + 16, top.y),
            "tops": tops,
            "list_x": top.x + HEX_W + 20,
            "list_w": list_w,
            "saved_rows": saved,
            "star_w": star_w,
            "skill_rows": skills,
            "steps": [r.move(step_card.x, step_card.y) for r in steps],
        }

    # -- drawing --------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> int:
        lay = self.layout()
        self._top(surface, lay)
        self._skills(surface, lay)
        self._saved(surface, lay)
        step = lay["step"]
        self._card(surface, step, "passport.next_step")
        return max(r.bottom for r in (lay["top"], lay["saved"], lay["skills"], step))

    def _card(self, surface: pygame.Surface, card: pygame.Rect, title_key: str) -> None:
        """Draw one card's panel and its bold title; called first by each card's drawing."""
        self.ctx.painter.panel(surface, card)
        self.ctx.painter.text(
            surface,
            self.ctx.t(title_key),
            (card.x + 20, card.y + 14),
            20,
            bold=True,
            width=card.w - 40,
            box=card,
        )

    def _note(
        self, surface: pygame.Surface, card: pygame.Rect, key: str, x: int, y: int, width: int
    ) -> None:
        """Draw the muted line a card shows when it has nothing to list (y from the card's
        top)."""
        self.ctx.painter.text(
            surface,
            self.ctx.t(key),
            (x, card.y + y),
            17,
            colour=self.ctx.palette.muted,
            width=width,
            box=card,
        )

    def _more(self, surface: pygame.Surface, card: pygame.Rect, hidden: int) -> None:
        """Draw "and N more" at the foot of a card that could not list everything."""
        p = self.ctx.painter
        p.text(
            surface,
            self.ctx.t("passport.more", n=hidden),
            (card.x + 20, card.bottom - 16 - p.line(14)),
            14,
            colour=self.ctx.palette.muted,
            width=card.w - 40,
            box=card,
        )

    def _top(self, surface: pygame.Surface, lay: dict) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        card = lay["top"]
        self._card(surface, card, "passport.top")
        centre, radius, _ = fit_hexagon(
            p, lay["hex_box"], self.axes, mini=True, max_radius=84, min_radius=40
        )
        draw_hexagon(surface, p, centre, radius, self.axes, self.view.scores(), mini=True, box=card)
        x, w = lay["list_x"], lay["list_w"]
        if not self.view.has_evidence:
            self._note(surface, card, "passport.no_top", x, lay["head"], w)
            return
        for i, (letter, y, _) in enumerate(lay["tops"]):
            district = next(d for d in self.ctx.content.districts if d.riasec == letter)
            y += card.y
            pygame.draw.circle(surface, p.colour(district.colour), (x + 18, y + 18), 18)
            pygame.draw.circle(surface, pal.ink, (x + 18, y + 18), 18, 2)
            number = str(i + 1)
            nw, nh = p.font(16, True).size(number)
            if nw <= 30:  # the rank in the circle while it fits; the order says it anyway
                p.text(
                    surface,
                    number,
                    (x + 18, y + 18 - nh // 2),
                    16,
                    bold=True,
                    align="center",
                    colour=(0, 0, 0) if pal.high_contrast else None,
                )
            ty = p.text(
                surface,
                f"{letter} · {self.ctx.pick(district.nickname)}",
                (x + 46, y),
                18,
                bold=True,
                width=w - 46,
                box=card,
            ).bottom
            p.text(
                surface,
                self.ctx.t(f"type.enjoy.{letter}"),
                (x + 46, ty + 4),
                15,
                colour=pal.muted,
                width=w - 46,
                box=card,
            )

    def _skills(self, surface: pygame.Surface, lay: dict) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        card = lay["skills"]
        self._card(surface, card, "passport.skills")
        if not self.shown:
            self._note(surface, card, "passport.no_skills", card.x + 20, lay["head"], card.w - 40)
            return
        mid = p.line(16) // 2
        for result, y in lay["skill_rows"]:
            y += card.y
            n = LEVELS.index(result.level)
            for k in range(len(LEVELS) - 1):
                pip = pygame.Rect(card.x + 20 + k * 20, y + mid - 6, 14, 12)
                if k < n:
                    pygame.draw.rect(surface, pal.good, pip, border_radius=6)
                pygame.draw.rect(surface, pal.ink, pip, 2, border_radius=6)
            p.text(
                surface, self.skill_text(result), (card.x + 90, y), 16, width=card.w - 110, box=card
            )
        hidden = len(self.shown) - len(lay["skill_rows"])
        if hidden:
            self._more(surface, card, hidden)

    def _saved(self, surface: pygame.Surface, lay: dict) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        card = lay["saved"]
        self._card(surface, card, "passport.saved")
        codes = self.saved_codes()
        if not codes:
            self._note(surface, card, "passport.no_saved", card.x + 20, lay["head"], card.w - 40)
            return
        x = card.x + 20 + lay["star_w"]
        for code, y, title_h, words in lay["saved_rows"]:
            occ = self.ctx.content.occupations[code]
            y += card.y
            p.text(surface, "★", (card.x + 20, y), 16, colour=pal.ink)
            if title_h is None:
                p.text(surface, occ.title, (x, y), 16, bold=True, box=card)
                p.text(
                    surface,
                    words,
                    (card.right - 20, y + 1),
                    15,
                    colour=pal.muted,
                    align="right",
                    box=card,
                )
                continue
            p.text(surface, occ.title, (x, y), 16, bold=True, width=card.right - 20 - x, box=card)
            p.text(
                surface,
                words,
                (x, y + title_h + 2),
                15,
                colour=pal.muted,
                width=card.right - 20 - x,
                box=card,
            )
        if len(codes) > MAX_SAVED:
            self._more(surface, card, len(codes) - MAX_SAVED)
