"""Career passport (Horizons): the player's summary to take to a careers conversation —
top three interest types (with a small hexagon), skills shown, saved jobs, and one next
step they choose (recorded as ``selected question passport/next_step`` and kept in the
save). Worked out once in ``enter``.
"""

from __future__ import annotations

import pygame

from game.hexagon import axes_from, draw_hexagon
from game.profile_view import build_view
from game.scenes.base import HEADER_H, UiScene
from telemetry.cms import LEVELS

NEXT_STEPS = ("adviser", "taster", "college", "ask_worker", "explore")
TOP = pygame.Rect(24, HEADER_H + 16, 600, 300)
SKILLS = pygame.Rect(24, HEADER_H + 332, 600, 304)
SAVED = pygame.Rect(644, HEADER_H + 16, 612, 300)
STEP = pygame.Rect(644, HEADER_H + 332, 612, 304)
MAX_SAVED = 6


class PassportScene(UiScene):
    name = "passport"
    title_key = "passport.title"

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
        for i, step in enumerate(NEXT_STEPS):
            text = self.ctx.t(f"passport.step.{step}")
            label = f"✓ {text}" if step == chosen else text
            self.ui.button((STEP.x + 20, STEP.y + 52 + i * 49, STEP.w - 40, 43), label,
                           lambda s=step: self.choose(s), "@choice")

    def choose(self, step: str) -> None:
        """Record the chosen next step and keep it in the save."""
        self.ctx.record("selected", "question", "passport/next_step", response=step,
                        extensions={"competences": ["horizons_planning"]})
        if self.ctx.player is not None:
            self.ctx.player.next_step = step
            self.ctx.save_player()
        self.rebuild()

    # -- drawing --------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        self._top(surface)
        self._skills(surface)
        self._saved(surface)
        p.panel(surface, STEP)
        p.text(surface, self.ctx.t("passport.next_step"), (STEP.x + 20, STEP.y + 14), 20, bold=True)

    def _top(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.panel(surface, TOP)
        p.text(surface, self.ctx.t("passport.top"), (TOP.x + 20, TOP.y + 14), 20, bold=True)
        draw_hexagon(surface, p, (TOP.x + 140, TOP.y + 172), 84, self.axes, self.view.scores(), mini=True)
        x, w = TOP.x + 290, TOP.w - 310
        if not self.view.has_evidence:
            p.text(surface, self.ctx.t("passport.no_top"), (x, TOP.y + 60), 17, colour=pal.muted, width=w)
            return
        for i, letter in enumerate(self.view.top(3)):
            district = next(d for d in self.ctx.content.districts if d.riasec == letter)
            y = TOP.y + 58 + i * 78
            pygame.draw.circle(surface, p.colour(district.colour), (x + 18, y + 18), 18)
            pygame.draw.circle(surface, pal.ink, (x + 18, y + 18), 18, 2)
            p.text(surface, str(i + 1), (x + 18, y + 7), 18, bold=True, align="center")
            p.text_fit(surface, f"{letter} · {self.ctx.pick(district.nickname)}", (x + 46, y + 16), w - 46, 18,
                       bold=True)
            p.text(surface, self.ctx.t(f"type.enjoy.{letter}"), (x + 46, y + 34), 15, colour=pal.muted,
                   width=w - 46)

    def _skills(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.panel(surface, SKILLS)
        p.text(surface, self.ctx.t("passport.skills"), (SKILLS.x + 20, SKILLS.y + 14), 20, bold=True)
        if not self.shown:
            p.text(surface, self.ctx.t("passport.no_skills"), (SKILLS.x + 20, SKILLS.y + 56), 17,
                   colour=pal.muted, width=SKILLS.w - 40)
            return
        rows = (SKILLS.h - 60) // 30
        for i, result in enumerate(self.shown[:rows]):
            y = SKILLS.y + 52 + i * 30
            comp = self.ctx.content.competences[result.id]
            n = LEVELS.index(result.level)
            for k in range(len(LEVELS) - 1):
                pip = pygame.Rect(SKILLS.x + 20 + k * 20, y + 4, 14, 12)
                if k < n:
                    pygame.draw.rect(surface, pal.good, pip, border_radius=6)
                pygame.draw.rect(surface, pal.ink, pip, 2, border_radius=6)
            text = f"{self.ctx.pick(comp.name)} — {self.ctx.t(f'level.{result.level}')}"
            p.text_fit(surface, text, (SKILLS.x + 90, y + 10), SKILLS.w - 110, 16)
        if len(self.shown) > rows:
            p.text(surface, self.ctx.t("passport.more", n=len(self.shown) - rows),
                   (SKILLS.x + 20, SKILLS.bottom - 28), 14, colour=pal.muted)

    def _saved(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.panel(surface, SAVED)
        p.text(surface, self.ctx.t("passport.saved"), (SAVED.x + 20, SAVED.y + 14), 20, bold=True)
        codes = [c for c in (self.ctx.player.saved_occupations if self.ctx.player else [])
                 if c in self.ctx.content.occupations]
        if not codes:
            p.text(surface, self.ctx.t("passport.no_saved"), (SAVED.x + 20, SAVED.y + 56), 17,
                   colour=pal.muted, width=SAVED.w - 40)
            return
        for i, code in enumerate(codes[:MAX_SAVED]):
            occ = self.ctx.content.occupations[code]
            y = SAVED.y + 52 + i * 38
            p.text(surface, "★", (SAVED.x + 20, y), 18, colour=pal.ink)
            p.text_fit(surface, occ.title, (SAVED.x + 46, y + 11), 300, 16, bold=True)
            p.text_fit(surface, self.ctx.t("passport.prep", words=self.ctx.t(f"tower.zone.{occ.job_zone}")),
                       (SAVED.x + 356, y + 11), SAVED.w - 376, 15, colour=pal.muted)
        if len(codes) > MAX_SAVED:
            p.text(surface, self.ctx.t("passport.more", n=len(codes) - MAX_SAVED),
                   (SAVED.x + 20, SAVED.bottom - 28), 14, colour=pal.muted)
