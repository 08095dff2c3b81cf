"""Where everything on the Horizons Tower goes, from measured text.

Called by ``HorizonsTowerScene`` in ``build``, ``refresh`` and ``draw_content`` (all get
the same rects: these are pure functions of the painter's fonts and the texts given).
Touches nothing.

At 100 % the page is the tower as it always was: the filters in one row, the list of
ten jobs on the left, the job's details on the right; a long title wraps onto a second
line of the same size (its row grows) rather than shrinking. When two columns no longer fit,
the filters wrap onto more rows, the list spans the page with each row as tall as its
wrapped title, the paging buttons sit above the list, and an opened job's details take
the list's place (its save and close buttons right under its title); the page scrolls.
"""

from __future__ import annotations

import pygame

from game import class_session
from game.occupation_search import european_names
from game.theme import BUTTON_FONTS
from game.ui_scene import HEADER_H
from game.widgets.reflow import fit_button, left_buttons
from zones.ui_layout import columns_for, flow

ROWS = 10
ZONES = (1, 2, 3, 4, 5)
PAGE_X, PAGE_W = 24, 1232
ROW_H = 40  # a list row at 100 % text (a wrapped title's row is taller)
LIST_W, DETAIL_W, COL_GAP = 600, 612, 20
TYPE_CHIP, ZONE_CHIP, CHIP_H = 50, 84, 50
CHIP_GAP, GROUP_GAP = 6, 18
TITLE, META = 16, 15  # list row text sizes


def two_columns(p) -> bool:
    """True while the list and the details fit side by side."""
    return columns_for(p, 2, PAGE_W, 560) == 2


def _chip_w(p, labels: list[str], size: int, min_w: int, pad: int) -> int:
    """A filter chip wide enough for each of its labels (with and without the tick)."""
    return max(min_w, max(p.font(size).size(label)[0] + pad for label in labels))


def filters(p, t, letters: list[str], zone_words: list[str]) -> dict:
    """The three filter groups (label over its controls), flowing onto more rows when
    they do not fit: ``labels`` [(text, pos, width)], ``entry``, ``types``, ``zones``
    and ``bottom``."""
    chip_h = max(CHIP_H, p.button_h("@default"))
    type_ws = [
        _chip_w(p, [k, f"✓{k}"], BUTTON_FONTS["@default"][0], TYPE_CHIP, 16) for k in letters
    ]
    zone_ws = [
        _chip_w(p, [w, f"✓ {w}"], BUTTON_FONTS["@small"][0], ZONE_CHIP, 24) for w in zone_words
    ]
    groups = [
        (t("tower.search"), [min(PAGE_W, max(320, int(320 * p.fonts.scale)))]),
        (t("tower.main_type"), type_ws),
        (t("tower.preparation"), zone_ws),
    ]
    placed, x, y = [], PAGE_X, HEADER_H + 10
    row: list[tuple[str, list[int], int, int]] = []  # a group's label, chip widths, x, width
    rows = []
    for label, widths in groups:
        natural = sum(widths) + CHIP_GAP * (len(widths) - 1)
        w = min(PAGE_W, max(natural, p.font(15).size(label)[0] + 4))
        if row and x + w > PAGE_X + PAGE_W:
            rows.append(row)
            row, x = [], PAGE_X
        row.append((label, widths, x, w))
        x += w + GROUP_GAP
    rows.append(row)
    for row in rows:
        label_h = max(p.height(label, 15, w) for label, _, _, w in row)
        cy = max(y + 26, y + label_h + 8)
        bottom = cy
        for label, widths, gx, w in row:
            rects = flow(widths, gx, cy, w, chip_h, CHIP_GAP)
            placed.append(((label, (gx, y), w), rects))
            bottom = max(bottom, max(r.bottom for r in rects))
        y = bottom + 14
    return {
        "labels": [lab for lab, _ in placed],
        "entry": placed[0][1][0],
        "types": placed[1][1],
        "zones": placed[2][1],
        "bottom": y - 14,
    }


def detail_blocks(ctx, occ, code_words: str) -> list[tuple[str, int, bool, bool]]:
    """The details of one job, top to bottom: (text, size, bold, muted)."""
    blocks = [
        (occ.title, 22, True, False),
        (code_words, 15, False, True),
        (occ.description, 15, False, False),
        (ctx.t("horizons.education", words=ctx.t(f"jobzone.{occ.job_zone}")), 15, False, False),
    ]
    routes = ctx.content.route_framework(class_session.route_choice(ctx), ctx.settings.language)
    if routes is not None:
        blocks.append(
            (
                ctx.t(
                    "tower.route",
                    place=ctx.pick(routes.name),
                    words=ctx.pick(routes.zones[occ.job_zone]),
                ),
                15,
                False,
                False,
            )
        )
    if occ.esco:
        names = european_names(occ, ctx.settings.language)
        blocks.append((ctx.t("horizons.esco", label=names), 15, False, True))
    return blocks


def row_text_w(p, box_w: int, two: bool, meta: str = "") -> int:
    """How wide a list row's title may be before it wraps: in two columns, the room left
    of its code and preparation words (``meta``)."""
    return box_w - 20 - 14 - p.font(META).size(meta)[0] - 30 if two else box_w - 48


GAPS = (0, 6, 12, 12, 8, 8)  # space above each detail block


def page(
    ctx,
    shown: list,
    meta: list[str],
    filter_bottom: int,
    detail: list | None,
    labels: list[str] | None = None,
) -> dict:
    """Every rect below the filters. ``shown``: the jobs on this page (at most ROWS);
    ``meta``: each one's code and preparation words; ``detail``: the open job's blocks;
    ``labels``: each row's text (its title unless given).

    Returns ``two`` (side by side?), ``help_y``, ``list``, ``rows``, ``prev``, ``next``,
    ``count_y``, ``detail``, ``save``, ``close``, ``texts`` (the detail blocks' y; in
    two columns the description is cut to ``desc_lines`` lines) and ``bottom``."""
    p, t = ctx.painter, ctx.t
    help_y = max(HEADER_H + 96, filter_bottom + 10)
    top = max(206, help_y + p.height(t("tower.filter_help"), 15, 1230) + 20)
    two = two_columns(p)
    small_h = max(44, p.button_h("@small"))
    prev_w = max(150, p.button_w(t("tower.prev"), "@small"))
    next_w = max(150, p.button_w(t("tower.next"), "@small"))
    lay: dict = {"two": two, "help_y": help_y, "texts": [], "desc_lines": None}
    labels = labels if labels is not None else [occ.title for occ in shown]
    if two:
        row_h = max(ROW_H, int(ROW_H * p.fonts.scale))
        rows, y = [], top + 10
        for i in range(ROWS):
            h = (
                row_h
                if i >= len(labels)
                else max(
                    row_h, p.height(labels[i], TITLE, row_text_w(p, LIST_W, True, meta[i])) + 8
                )
            )
            rows.append(pygame.Rect(PAGE_X + 10, y, LIST_W - 20, h - 4))
            y += h
        box = pygame.Rect(PAGE_X, top, LIST_W, y - top + 10)
        lay["rows"] = rows
        nav_y = box.bottom + 8
        lay["prev"] = pygame.Rect(box.x, nav_y, prev_w, small_h)
        lay["next"] = pygame.Rect(box.right - next_w, nav_y, next_w, small_h)
        panel = pygame.Rect(box.right + COL_GAP, top, DETAIL_W, max(494, nav_y + small_h - 4 - top))
        save = fit_button(
            p,
            t("horizons.saved"),
            pygame.Rect(panel.x + 20, panel.bottom - 66, 400, 50),
            "@primary",
        )
        save.bottom = min(save.bottom, panel.bottom - 16)
        close = fit_button(p, t("tower.close"), pygame.Rect(panel.right - 180, save.y, 160, save.h))
        close.right = panel.right - 20
        save.x = panel.x + 20
        lay.update(
            list=box,
            detail=panel,
            save=save,
            close=close,
            count_y=nav_y + (small_h - p.line(15)) // 2,
        )
        if detail:
            _texts(p, lay, detail, panel, cut_at=save.y - 18)
        lay["bottom"] = max(lay["prev"].bottom, panel.bottom)
        return lay
    nav = pygame.Rect(PAGE_X, top, PAGE_W, small_h)
    lay["prev"] = pygame.Rect(nav.x, nav.y, prev_w, small_h)
    lay["next"] = pygame.Rect(nav.right - next_w, nav.y, next_w, small_h)
    lay["count_y"] = nav.y + (small_h - p.line(15)) // 2
    box = pygame.Rect(PAGE_X, nav.bottom + 14, PAGE_W, 0)
    text_w = row_text_w(p, box.w, False)
    rows, y = [], box.y + 10
    for label, words in zip(labels, meta, strict=False):
        h = 20 + p.height(label, TITLE, text_w, True) + 2 + p.height(words, META, text_w)
        rows.append(pygame.Rect(box.x + 10, y, box.w - 20, h))
        y += h + 4
    rows += [pygame.Rect(box.x + 10, y, box.w - 20, 0)] * (ROWS - len(rows))
    box.h = (y - box.y + 6) if shown else p.height(t("tower.none"), 18, box.w - 48) + 48
    lay.update(list=box, rows=rows)
    panel = pygame.Rect(PAGE_X, top, PAGE_W, 0)
    save = close = pygame.Rect(panel.x + 24, panel.y, 0, 0)
    if detail:
        y = (
            panel.y
            + 18
            + p.height(detail[0][0], 22, panel.w - 48, True)
            + 6
            + p.height(detail[1][0], 15, panel.w - 48)
        )
        save, close = left_buttons(
            p,
            [t("horizons.saved"), t("tower.close")],
            panel.x + 24,
            y + 14,
            panel.w - 48,
            "@primary",
            min_h=50,
        )
        close.w = max(160, p.button_w(t("tower.close")))
        _texts(p, lay, detail, panel, start=close.bottom + 6)
    lay.update(detail=panel, save=save, close=close)
    lay["bottom"] = panel.bottom if detail else box.bottom
    return lay


def _texts(
    p,
    lay: dict,
    blocks: list,
    panel: pygame.Rect,
    *,
    cut_at: int | None = None,
    start: int | None = None,
) -> None:
    """The y of each detail block. In two columns (``cut_at``) the description is cut to
    the lines that leave room for the rest above the buttons; in one column title and code
    come first, then the buttons, then the rest from ``start``, and the panel grows."""
    w = panel.w - 48
    ys, y = [], panel.y + 18
    if cut_at is not None:
        line = int(p.line(15) * 1.2)
        heights = [
            p.height(text, size, w, bold) + gap
            for (text, size, bold, _), gap in zip(blocks, GAPS, strict=False)
        ]
        head, rest = sum(heights[:2]), sum(heights[3:])
        lay["desc_lines"] = max(1, (cut_at - rest - GAPS[2] - head - y) // line)
    for i, ((text, size, bold, _), gap) in enumerate(zip(blocks, GAPS, strict=False)):
        if i == 2 and start is not None:
            y = start
        y += gap
        ys.append(y)
        if i == 2 and cut_at is not None:
            n = min(len(p.cache.wrap(p.font(15), text, w)), lay["desc_lines"])
            y += int(p.line(15) * (1 + (n - 1) * 1.2))
        else:
            y += p.height(text, size, w, bold)
    lay["texts"] = ys
    if start is not None:
        panel.h = y + 24 - panel.y
