"""Skills Board (Strengths): a board of badges, one per career-management competence,
each with its level (none / emerging / developing / secure, written out and shown as
filled pips), and, per kind of work, what the player has shown in challenges: how many
done, the best score, the hardest level passed and the skills they named.

Worked out once in ``enter`` (and on ``resume``) from the player's statements.
"""

from __future__ import annotations

from functools import partial

import pygame

from game.profile_view import build_view
from game.ui_scene import HEADER_H, UiScene
from telemetry.profile.cms import LEVELS
from zones.content import THEMES
from zones.ui_layout import columns_for

PAGE_X, PAGE_W = 24, 1232
BOARD_W, GAP = 836, 16  # the board's width when the side card fits beside it
PIPS_W = 72
NAME_SIZE = 16


class SkillsBoardScene(UiScene):
    name = "skills_board"
    title_key = "skills.title"
    scrolls = True

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
        definitions = [
            {"id": c.id, "theme": c.theme} for c in self.ctx.content.competences.values()
        ]
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

    def layout(self) -> dict:
        """Every rect of the page from measured text: theme columns of badges (fewer
        columns at large text), the detail box under them, the side card beside them (or
        under the detail at large text)."""
        p = self.ctx.painter
        t = self.ctx.t
        two = columns_for(p, 2, PAGE_W, 600) == 2
        board_w = BOARD_W if two else PAGE_W
        cols = columns_for(p, len(THEMES), board_w, 190)
        col_w = (board_w - GAP * (cols - 1)) // cols
        comps = list(self.ctx.content.competences.values())
        level_w = max(p.font(15).size(t(f"level.{lv}"))[0] for lv in LEVELS)
        pips_below = level_w + 16 + PIPS_W > col_w - 28
        below = 8 + p.line(15) + (p.line(15) if pips_below else 0) + 14

        def badge_h(c) -> int:
            return (
                12 + max(34, p.height(self.ctx.pick(c.name), NAME_SIZE, col_w - 58, True)) + below
            )

        badges: dict[str, pygame.Rect] = {}
        headings: list[tuple[str, pygame.Rect]] = []
        y = HEADER_H + 16
        for start in range(0, len(THEMES), cols):
            band = THEMES[start : start + cols]
            per_theme = [[c for c in comps if c.theme == theme] for theme in band]
            head_h = max(p.height(t(f"theme.{theme}"), 19, col_w - 8, True) for theme in band)
            ry = y + head_h + 8
            for row in range(max(len(c) for c in per_theme)):  # a row as tall as its tallest badge
                h = max(badge_h(c[row]) for c in per_theme if row < len(c))
                for col, column in enumerate(per_theme):
                    if row < len(column):
                        badges[column[row].id] = pygame.Rect(
                            PAGE_X + col * (col_w + GAP), ry, col_w, h
                        )
                ry += h + 12
            for col, theme in enumerate(band):
                headings.append(
                    (theme, pygame.Rect(PAGE_X + col * (col_w + GAP), y, col_w, head_h))
                )
            y = ry + 8
        detail = pygame.Rect(PAGE_X, y, board_w, 24 + self._detail_height(p, board_w - 36))
        side = (
            pygame.Rect(PAGE_X + board_w + 24, HEADER_H + 16, PAGE_W - board_w - 24, 0)
            if two
            else pygame.Rect(PAGE_X, detail.bottom + 24, PAGE_W, 0)
        )
        rows, ry = [], side.y + 20 + p.height(t("skills.shown"), 20, side.w - 40, True) + 12
        for district in self.ctx.content.districts:
            texts = self._side_texts(district)
            h = sum(p.height(text, size, side.w - 84, bold) + 4 for text, size, bold in texts)
            rows.append((district, ry, texts))
            ry += max(48, h) + 14
        side.h = ry - side.y + 6
        return {
            "badges": badges,
            "headings": headings,
            "detail": detail,
            "side": side,
            "rows": rows,
            "pips_below": pips_below,
        }

    def badge_rects(self) -> dict[str, pygame.Rect]:
        return self.layout()["badges"]

    def _detail_texts(self) -> list[tuple[str, int]]:
        if self.selected is None:
            return [(self.ctx.t("skills.pick_badge"), 17)]
        comp = self.ctx.content.competences[self.selected]
        result = self.results[self.selected]
        return [
            (self.ctx.pick(comp.description), 16),
            (
                self.ctx.t(
                    "skills.evidence",
                    n=result.count,
                    places=len(result.activities),
                    level=self.ctx.t(f"level.{result.level}"),
                ),
                15,
            ),
        ]

    def _detail_height(self, p, width: int) -> int:
        return sum(p.height(text, size, width) + 6 for text, size in self._detail_texts())

    def _side_texts(self, district) -> list[tuple[str, int, bool]]:
        s = self.strengths.get(district.riasec)
        if s is None or s.challenges == 0:
            line = self.ctx.t("skills.none_yet")
        else:
            best = round(100 * self.best.get(district.riasec, 0.0))
            hardest = (
                self.ctx.t(f"difficulty.{s.best_difficulty}")
                if s.best_difficulty
                else self.ctx.t("skills.no_pass")
            )
            line = self.ctx.t("skills.type_line", n=s.challenges, best=best, hardest=hardest)
        texts = [
            (f"{district.riasec} · {self.ctx.pick(district.nickname)}", 17, True),
            (line, 14, False),
        ]
        named = [
            self.ctx.pick(self.ctx.content.skills[k].name)
            for k in self.named.get(district.riasec, [])
            if k in self.ctx.content.skills
        ]
        if named:
            texts.append((self.ctx.t("skills.named", skills=", ".join(named)), 14, False))
        return texts

    def build(self) -> None:
        for cid, rect in self.badge_rects().items():
            comp = self.ctx.content.competences[cid]
            level = self.results[cid].level
            label = f"{self.ctx.pick(comp.name)}: {self.ctx.t(f'level.{level}')}"
            self.ui.hotspot(rect, label, partial(self.select, cid))

    def select(self, competence_id: str) -> None:
        self.selected = competence_id

    # -- drawing --------------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> int:
        p = self.ctx.painter
        lay = self.layout()
        for theme, head in lay["headings"]:
            p.text(
                surface,
                self.ctx.t(f"theme.{theme}"),
                (head.x + 4, head.y),
                19,
                bold=True,
                width=head.w - 8,
                box=head,
            )
        for cid, rect in lay["badges"].items():
            self._badge(surface, cid, rect, lay["pips_below"])
        self._detail(surface, lay["detail"])
        self._strengths(surface, lay)
        return max(lay["detail"].bottom, lay["side"].bottom)

    def _badge(
        self, surface: pygame.Surface, cid: str, rect: pygame.Rect, pips_below: bool
    ) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        level = self.results[cid].level
        n = LEVELS.index(level)
        edge = pal.accent if self.selected == cid else None
        p.panel(surface, rect, radius=14, edge=edge)
        medal = (rect.x + 26, rect.y + 29)
        colour = pal.focus if n else pal.panel_edge
        pygame.draw.circle(surface, colour, medal, 17)
        pygame.draw.circle(surface, pal.ink, medal, 17, 2)
        p.icon(surface, "medal" if n else "star", medal, 20)
        comp = self.ctx.content.competences[cid]
        name = self.ctx.pick(comp.name)
        name_h = p.height(name, NAME_SIZE, rect.w - 58, True)
        top = rect.y + 12 + max(0, (34 - name_h) // 2)
        y = p.text(
            surface, name, (rect.x + 50, top), NAME_SIZE, bold=True, width=rect.w - 58, box=rect
        ).bottom
        y = rect.bottom - 14 - p.line(15) * (2 if pips_below else 1)
        line = p.text(
            surface,
            self.ctx.t(f"level.{level}"),
            (rect.x + 14, y),
            15,
            colour=pal.ink if n else pal.muted,
            box=rect,
        )
        pips_y = line.bottom + p.line(15) // 2 if pips_below else line.centery
        self._pips(surface, (rect.right - 16, pips_y), n, len(LEVELS) - 1)

    def _pips(
        self, surface: pygame.Surface, right_mid: tuple[int, int], filled: int, total: int
    ) -> None:
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
        y = box.y + 12
        texts = self._detail_texts()
        for i, (text, size) in enumerate(texts):
            muted = self.selected is None or i == 1
            y = (
                p.text(
                    surface,
                    text,
                    (box.x + 18, y),
                    size,
                    colour=pal.muted if muted else None,
                    width=box.w - 36,
                    box=box,
                ).bottom
                + 6
            )

    def _strengths(self, surface: pygame.Surface, lay: dict) -> None:
        p = self.ctx.painter
        pal = self.ctx.palette
        side = lay["side"]
        p.panel(surface, side)
        p.text(
            surface,
            self.ctx.t("skills.shown"),
            (side.x + 20, side.y + 20),
            20,
            bold=True,
            width=side.w - 40,
            box=side,
        )
        for i, (district, y, texts) in enumerate(lay["rows"]):
            pygame.draw.circle(surface, p.colour(district.colour), (side.x + 36, y + 20), 19)
            pygame.draw.circle(surface, pal.ink, (side.x + 36, y + 20), 19, 2)
            p.icon(surface, district.icon, (side.x + 36, y + 20), 24)
            ty = y
            for text, size, bold in texts:
                colour = pal.muted if size == 14 and text is texts[1][0] else None
                ty = (
                    p.text(
                        surface,
                        text,
                        (side.x + 66, ty),
                        size,
                        bold=bold,
                        colour=colour,
                        width=side.w - 84,
                        box=side,
                    ).bottom
                    + 4
                )
            if i < len(lay["rows"]) - 1:
                line_y = lay["rows"][i + 1][1] - 8
                pygame.draw.line(
                    surface, pal.panel_edge, (side.x + 16, line_y), (side.right - 16, line_y), 1
                )
