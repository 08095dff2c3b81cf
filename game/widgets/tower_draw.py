"""The Horizons Tower's list of jobs and the opened job's details, drawn from the rects
of ``game.widgets.tower_layout``, and the words they show beside a title (a job's meta
line, its Holland code with the districts' names).

Functions of the tower scene (``game.scenes.horizons_tower``): they read its results,
page, open job and focus and draw on the surface given; they change nothing.
"""

from __future__ import annotations

import pygame

from game.widgets import tower_layout
from game.widgets.tower_layout import ROWS


def row_label(scene, k: int) -> str:
    """Result ``k`` as its row says it: the title, and the name it was found by when
    that is another ("Carpenters (joiner)"); a star when saved."""
    hit = scene.hits[k]
    saved = scene.ctx.player is not None and hit.occ.code in scene.ctx.player.saved_occupations
    title = ("★ " if saved else "") + hit.occ.title
    if hit.name != hit.occ.title:
        title = scene.ctx.t("tower.found_as", title=title, name=hit.name)
    return title


def meta(scene, occ) -> str:
    """A row's meta line: the job's Holland code and its job zone."""
    return f"{occ.holland} · {scene.ctx.t(f'tower.zone.{occ.job_zone}')}"


def draw_list(scene, surface: pygame.Surface, lay: dict) -> None:
    """The page of results: highlighted open, focused or hovered rows, the count."""
    p = scene.ctx.painter
    pal = scene.ctx.palette
    box = lay["list"]
    p.panel(surface, box)
    focused = scene.ui.focused
    for i, row in enumerate(scene.rows):
        if not row.visible:
            continue
        occ = scene.results[scene.page * ROWS + i]
        rect = row.rect
        if occ.code == scene.open_code or row is focused or row.hovered:
            pygame.draw.rect(
                surface,
                pal.sky_low if not pal.high_contrast else (60, 60, 0),
                rect,
                border_radius=8,
            )
        if occ.code == scene.open_code:
            pygame.draw.rect(
                surface, pal.accent, (rect.x, rect.y + 4, 6, rect.h - 8), border_radius=3
            )
        title = row_label(scene, scene.page * ROWS + i)
        if lay["two"]:  # a long title wraps (its row is as tall), never shrinks
            w = tower_layout.row_text_w(p, box.w, True, meta(scene, occ))
            h = p.height(title, tower_layout.TITLE, w)
            p.text(
                surface,
                title,
                (rect.x + 14, rect.centery - h // 2),
                tower_layout.TITLE,
                width=w,
                box=rect,
            )
            p.text(
                surface,
                meta(scene, occ),
                (rect.right - 12, rect.centery - 10),
                tower_layout.META,
                colour=pal.muted,
                align="right",
            )
        else:
            w = tower_layout.row_text_w(p, box.w, False)
            y = p.text(
                surface,
                title,
                (rect.x + 14, rect.y + 10),
                tower_layout.TITLE,
                width=w,
                bold=True,
                box=rect,
            ).bottom
            p.text(
                surface,
                meta(scene, occ),
                (rect.x + 14, y + 2),
                tower_layout.META,
                colour=pal.muted,
                width=w,
                box=rect,
            )
    if not scene.results:
        p.text(
            surface,
            scene.ctx.t("tower.none"),
            (box.x + 24, box.y + 24),
            18,
            width=box.w - 48,
            box=box,
        )
    count = scene.ctx.t(
        "tower.count", n=len(scene.results), page=scene.page + 1, pages=scene.pages()
    )
    left, right = lay["prev"].right + 8, lay["next"].left - 8
    p.text(
        surface,
        count,
        ((left + right) // 2, lay["count_y"]),
        15,
        align="center",
        colour=pal.ink,
        width=right - left,
    )


def draw_detail(scene, surface: pygame.Surface, lay: dict) -> None:
    """The opened job's details (or, in two columns, the invitation to pick one)."""
    p = scene.ctx.painter
    pal = scene.ctx.palette
    panel = lay["detail"]
    if scene.open_code is None:
        if lay["two"]:
            p.panel(surface, panel)
            p.icon(surface, "tower", (panel.centerx, panel.y + 150), 120)
            p.text(
                surface,
                scene.ctx.t("tower.pick_job"),
                (panel.centerx, panel.y + 260),
                18,
                width=panel.w - 80,
                align="center",
            )
        return
    p.panel(surface, panel)
    occ = scene.ctx.content.occupations[scene.open_code]
    blocks = tower_layout.detail_blocks(scene.ctx, occ, code_words(scene, occ.holland))
    x, w = panel.x + 24, panel.w - 48
    for i, ((text, size, bold, muted), y) in enumerate(zip(blocks, lay["texts"], strict=True)):
        if i == 2 and lay["desc_lines"] is not None:
            lines = p.cache.wrap(p.font(15), text, w)
            if len(lines) > lay["desc_lines"]:
                lines = lines[: lay["desc_lines"]]
                lines[-1] = lines[-1].rstrip(".,; ") + "…"
            text = "\n".join(lines)
            p.text(surface, text, (x, y), size, colour=pal.muted if muted else None, box=panel)
            continue
        p.text(
            surface,
            text,
            (x, y),
            size,
            bold=bold,
            colour=pal.muted if muted else None,
            width=w,
            box=panel,
        )


def code_words(scene, code: str) -> str:
    """A Holland code with the districts' names ("RI: R Workshop Yard, ...")."""
    names = []
    for letter in code:
        district = next((d for d in scene.ctx.content.districts if d.riasec == letter), None)
        names.append(f"{letter} {scene.ctx.pick(district.nickname)}" if district else letter)
    return scene.ctx.t("tower.code", code=code, names=", ".join(names))
