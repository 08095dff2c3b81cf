"""The one layout layer: boxes measured from their text, that flow, wrap and grow.

Called by scenes (game/) and challenge boards (zones/challenges/) in ``build`` and in
``draw`` (both get the same rects: every function here is a pure function of the
painter's current fonts). It lives in zones/ because game/ imports zones/, never the
other way. One code path serves every text size: a board states its 100 % geometry as
the *least* each box takes (``grow``, ``below``, ``at_least``) and the text measured at
the chosen size makes a box larger, a row wrap (``flow``, ``columns_for``) or a pair of
panels stack (``beside``), like CSS flex-wrap with min sizes or Qt's layouts. At 100 %
the measured text fits the design sizes, so boards keep their original pixels.
Touches nothing.
"""

from __future__ import annotations

import pygame

# -- rows and grids ------------------------------------------------------------------


def flow(
    widths: list[int], x: int, y: int, max_w: int, height: int, gap: int = 14
) -> list[pygame.Rect]:
    """Place boxes of ``widths`` left to right from (x, y), wrapping to a new row (of
    ``height`` + gap) when the next one would pass ``x + max_w``."""
    rects: list[pygame.Rect] = []
    cx, cy = x, y
    for w in widths:
        w = min(w, max_w)
        if cx > x and cx + w > x + max_w:
            cx, cy = x, cy + height + gap
        rects.append(pygame.Rect(cx, cy, w, height))
        cx += w + gap
    return rects


def button_row(
    painter,
    labels: list[str],
    x: int,
    y: int,
    max_w: int,
    style: str = "@default",
    min_w: int = 0,
    gap: int = 14,
) -> list[pygame.Rect]:
    """Buttons sized to their labels (at least ``min_w``), flowing onto more rows if needed."""
    widths = [max(min_w, painter.button_w(label, style)) for label in labels]
    return flow(widths, x, y, max_w, painter.button_h(style), gap)


def centred_row(
    painter,
    labels: list[str],
    centre_x: int,
    y: int,
    max_w: int,
    style: str = "@default",
    min_w: int = 0,
    gap: int = 14,
) -> list[pygame.Rect]:
    """Like ``button_row`` but each row centred on ``centre_x``."""
    rects = button_row(painter, labels, 0, y, max_w, style, min_w, gap)
    rows: dict[int, list[pygame.Rect]] = {}
    for rect in rects:
        rows.setdefault(rect.y, []).append(rect)
    for row in rows.values():
        shift = centre_x - (row[-1].right - row[0].left) // 2 - row[0].left
        for rect in row:
            rect.x += shift
    return rects


def bottom(rects, default: int) -> int:
    """The lowest edge of ``rects`` (``default`` if there are none)."""
    return max((r.bottom for r in rects), default=default)


def columns_for(painter, base: int, width: int, min_col: int) -> int:
    """How many columns of at least ``min_col`` design pixels (scaled with the text) fit
    in ``width``, at most ``base``."""
    return max(1, min(base, width // max(1, int(min_col * painter.fonts.scale))))


def grid(
    heights: list[int],
    x: int,
    y: int,
    width: int,
    cols: int,
    gap: int = 24,
    row_gap: int | None = None,
) -> list[pygame.Rect]:
    """Cards in ``cols`` columns ``gap`` apart (rows ``row_gap`` apart, default ``gap``);
    each row as tall as its tallest card's ``heights``."""
    w = (width - gap * (cols - 1)) // cols
    rects = []
    for start in range(0, len(heights), cols):
        row = heights[start : start + cols]
        h = max(row)
        rects += [pygame.Rect(x + i * (w + gap), y, w, h) for i in range(len(row))]
        y += h + (gap if row_gap is None else row_gap)
    return rects


def beside(
    painter, x: int, y: int, width: int, left_w: int, right_min: int, gap: int = 20
) -> tuple[bool, int]:
    """Whether a panel ``left_w`` wide and one of at least ``right_min`` design pixels
    (scaled with the text) sit side by side in ``width``; with the left panel's width:
    ``left_w`` side by side, ``width`` when the right one wraps below it."""
    fits = left_w + gap + int(right_min * painter.fonts.scale) <= width
    return fits, left_w if fits else width


def second(
    first: pygame.Rect, area: pygame.Rect, side_by_side: bool, height: int, gap: int = 20
) -> pygame.Rect:
    """The panel after ``first``: beside it up to ``area``'s right edge (``height`` tall),
    or, where the two do not fit side by side, below it across ``area`` (0 tall: it
    grows with what it holds)."""
    if side_by_side:
        return pygame.Rect(first.right + gap, area.y, area.right - first.right - gap, height)
    return pygame.Rect(area.x, first.bottom + gap, area.w, 0)


# -- boxes that grow --------------------------------------------------------------------


def grow(design: int, need: int) -> int:
    """A box's size: its 100 % ``design`` size, or more when its measured content ``need``s it."""
    return max(design, need)


def below(design_y: int, above_bottom: int, gap: int = 0) -> int:
    """A box's top: its 100 % ``design_y``, or lower when what is ``above`` it (plus
    ``gap``) has grown down past it."""
    return max(design_y, above_bottom + gap)


def stack_heights(
    painter, blocks: list[tuple[str, int, bool]], width: int, gap: int = 8
) -> list[int]:
    """The height of each (text, size, bold) block wrapped to ``width``, gap included."""
    return [painter.height(text, size, width, bold) + gap for text, size, bold in blocks]


# -- measured text ------------------------------------------------------------------------


def text_h(p, text: str, width: int, size: int, bold: bool = False) -> int:
    """Height of ``text`` wrapped to ``width`` at ``size`` (the chosen text scale)."""
    return p.height(text, size, max(1, width), bold)


def tallest(p, texts, width: int, size: int, bold: bool = False) -> int:
    """The height of the tallest of ``texts`` wrapped to ``width`` (0 when there are none)."""
    return max((text_h(p, t, width, size, bold) for t in texts), default=0)


def shrinks(p) -> bool:
    """True when a one-line label may be drawn smaller to fit (only at 100 % text: at a
    larger chosen size the player asked for that size, so labels wrap instead)."""
    return p.fonts.scale <= 1.0


def label_h(p, text: str, width: int, size: int, bold: bool = False) -> int:
    """The height a :func:`label` of ``text`` takes: one line when it fits or may shrink."""
    if shrinks(p) or p.fits(text, width, size, bold):
        return p.line(size, bold)
    return text_h(p, text, width, size, bold)


def label(
    p,
    surface: pygame.Surface,
    text: str,
    midleft,
    width: int,
    size: int,
    *,
    colour=None,
    bold: bool = False,
    box=None,
) -> pygame.Rect:
    """One line centred on ``midleft``'s y, shrunk to ``width`` as ``painter.text_fit`` where
    labels may shrink; else, when it does not fit one line, wrapped (centred on the same y)."""
    x, y = int(midleft[0]), int(midleft[1])
    if shrinks(p) or p.fits(text, width, size, bold):
        return p.text_fit(surface, text, (x, y), width, size, colour=colour, bold=bold, box=box)
    h = text_h(p, text, width, size, bold)
    return p.text(
        surface, text, (x, y - h // 2), size, colour=colour, bold=bold, width=width, box=box
    )


def scaled(p, size: int) -> int:
    """``size`` design pixels grown with the text (icons sit beside text; a box that
    holds text keeps its proportions)."""
    return int(size * p.fonts.scale)


icon = scaled
