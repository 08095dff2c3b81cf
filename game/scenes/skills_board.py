"""Skills Board (Strengths): a board of badges, one per career-management competence,
each with its level (none / emerging / developing / secure, written out and shown as
filled pips), and, per kind of work, what the player has shown in challenges: how many
done, the best score, the hardest level passed and the skills they named.

Worked out once in ``enter`` (and on ``resume``) from the player's statements.
"""

from __future__ import annotations

import pygame

from game.profile_view import build_view
from game.scenes.base import HEADER_H, UiScene
from telemetry.cms import LEVELS

THEMES = ("self", "strengths", "horizons", "networks")
COL_W, BADGE_H, GAP = 196, 104, 12
BOARD_X, BOARD_Y = 24, HEADER_H + 52
SIDE = pygame.Rect(860, HEADER_H + 16, 396, 624)


class SkillsBoardScene(UiScene):
    name = "skills_board"
    title_key = "skills.title"

    def __init__(self) -> None:
        super().__init__()
        self.selected: str | None = None

    def enter(self, ctx) -> None:
        self.ctx = ctx
        self._compute()
        super().enter(ctx)

    def resume(self) -> None:
        if self.ctx.player is None:
            return
        self._compute()
        super().resume()

    def _compute(self) -> None:
        view = build_view(self.ctx)
        definitions = [{"id": c.id, "theme": c.theme} for c in self.ctx.content.competences.values()]
        self.results = {r.id: r for r in view.competences(definitions)}
        self.strengths = view.strengths()
        self.best = view.best_scores()
        named = view.named_skills()
        self.named: dict[str, list[str]] = {}
        for challenge, skills in named.items():
            if challenge in self.ctx.content.challenges:
                letter = self.ctx.content.riasec_of(challenge)
                bucket = self.named.setdefault(letter, [])
                bucket.extend(s for s in skills if s not in bucket)

    def badge_rects(self) -> dict[str, pygame.Rect]:
        out: dict[str, pygame.Rect] = {}
        for col, theme in enumerate(THEMES):
            ids = [c.id for c in self.ctx.content.competences.values() if c.theme == theme]
            for row, cid in enumerate(ids):
                out[cid] = pygame.Rect(BOARD_X + col * (COL_W + GAP), BOARD_Y + row * (BADGE_H + GAP),
                                       COL_W, BADGE_H)
        return out

    def build(self) -> None:
        for cid, rect in self.badge_rects().items():
            comp = self.ctx.content.competences[cid]
            level = self.results[cid].level
            label = f"{self.ctx.pick(comp.name)}: {self.ctx.t(f'level.{level}')}"
            self.ui.hotspot(rect, label, lambda c=cid: self.select(c))

    def select(self, competence_id: str) -> None:
        self.selected = competence_id

    # -- drawing --------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        for col, theme in enumerate(THEMES):
            x = BOARD_X + col * (COL_W + GAP)
            p.text_fit(surface, self.ctx.t(f"theme.{theme}"), (x + 4, HEADER_H + 30), COL_W - 8, 19, bold=True)
        for cid, rect in self.badge_rects().items():
            self._badge(surface, cid, rect)
        self._detail(surface, pygame.Rect(BOARD_X, 604, 4 * COL_W + 3 * GAP, 96))
        self._strengths(surface)

    def _badge(self, surface: pygame.Surface, cid: str, rect: pygame.Rect) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        level = self.results[cid].level
        n = LEVELS.index(level)
        edge = pal.accent if self.selected == cid else None
        p.panel(surface, rect, radius=14, edge=edge)
        medal = (rect.x + 26, rect.y + 30)
        colour = pal.focus if n else pal.panel_edge
        pygame.draw.circle(surface, colour, medal, 17)
        pygame.draw.circle(surface, pal.ink, medal, 17, 2)
        p.icon(surface, "medal" if n else "star", medal, 20)
        comp = self.ctx.content.competences[cid]
        p.text_fit(surface, self.ctx.pick(comp.name), (rect.x + 52, rect.y + 30), rect.w - 60, 16, bold=True)
        p.text(surface, self.ctx.t(f"level.{level}"), (rect.x + 14, rect.y + 58), 15,
               colour=pal.ink if n else pal.muted)
        self._pips(surface, (rect.right - 16, rect.y + 80), n, len(LEVELS) - 1)

    def _pips(self, surface: pygame.Surface, right_mid: tuple[int, int], filled: int, total: int) -> None:
        """A meter of ``total`` pips, ``filled`` of them solid (the others hollow)."""
        pal = self.ctx.palette
        for k in range(total):
            cx = right_mid[0] - (total - 1 - k) * 24 - 8
            rect = pygame.Rect(0, 0, 18, 12)
            rect.center = (cx, right_mid[1])
            if k < filled:
                pygame.draw.rect(surface, pal.good, rect, border_radius=6)
            pygame.draw.rect(surface, pal.ink, rect, 2, border_radius=6)

    def _detail(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.panel(surface, box, radius=14, shadow=False)
        if self.selected is None:
            p.text(surface, self.ctx.t("skills.pick_badge"), (box.x + 18, box.y + 14), 17, colour=pal.muted,
                   width=box.w - 36)
            return
        comp = self.ctx.content.competences[self.selected]
        result = self.results[self.selected]
        y = p.text(surface, self.ctx.pick(comp.description), (box.x + 18, box.y + 12), 16,
                   width=box.w - 36).bottom
        p.text(surface, self.ctx.t("skills.evidence", n=result.count, places=len(result.activities),
                                   level=self.ctx.t(f"level.{result.level}")),
               (box.x + 18, y + 6), 15, colour=pal.muted, width=box.w - 36)

    def _strengths(self, surface: pygame.Surface) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        p.panel(surface, SIDE)
        p.text_fit(surface, self.ctx.t("skills.shown"), (SIDE.x + 20, SIDE.y + 26), SIDE.w - 40, 20, bold=True)
        row_h = (SIDE.h - 60) // max(1, len(self.ctx.content.districts))
        for i, district in enumerate(self.ctx.content.districts):
            y = SIDE.y + 52 + i * row_h
            s = self.strengths.get(district.riasec)
            pygame.draw.circle(surface, p.colour(district.colour), (SIDE.x + 36, y + 24), 19)
            pygame.draw.circle(surface, pal.ink, (SIDE.x + 36, y + 24), 19, 2)
            p.icon(surface, district.icon, (SIDE.x + 36, y + 24), 24)
            head = f"{district.riasec} · {self.ctx.pick(district.nickname)}"
            p.text_fit(surface, head, (SIDE.x + 66, y + 12), SIDE.w - 84, 17, bold=True)
            if s is None or s.challenges == 0:
                line = self.ctx.t("skills.none_yet")
            else:
                best = round(100 * self.best.get(district.riasec, 0.0))
                hardest = (self.ctx.t(f"difficulty.{s.best_difficulty}") if s.best_difficulty
                           else self.ctx.t("skills.no_pass"))
                line = self.ctx.t("skills.type_line", n=s.challenges, best=best, hardest=hardest)
            p.text_fit(surface, line, (SIDE.x + 66, y + 36), SIDE.w - 84, 14, colour=pal.muted)
            named = [self.ctx.pick(self.ctx.content.skills[k].name) for k in self.named.get(district.riasec, [])
                     if k in self.ctx.content.skills]
            if named:
                p.text_fit(surface, self.ctx.t("skills.named", skills=", ".join(named)), (SIDE.x + 66, y + 58),
                           SIDE.w - 84, 14)
            if i < len(self.ctx.content.districts) - 1:
                pygame.draw.line(surface, pal.panel_edge, (SIDE.x + 16, y + row_h - 6),
                                 (SIDE.right - 16, y + row_h - 6), 1)
