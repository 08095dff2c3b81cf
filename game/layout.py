"""Layout from measured text, so screens reflow at any text size.

Called by scenes in ``build`` and ``draw_content`` (both must get the same rects, so
these are pure functions of the painter's current fonts). Touches nothing.
"""

from __future__ import annotations

import pygame


def flow(widths: list[int], x: int, y: int, max_w: int, height: int, gap: int = 14) -> list[pygame.Rect]:
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


def button_row(painter, labels: list[str], x: int, y: int, max_w: int, style: str = "@default",
               min_w: int = 0, gap: int = 14) -> list[pygame.Rect]:
    """Buttons sized to their labels (at least ``min_w``), flowing onto more rows if needed."""
    widths = [max(min_w, painter.button_w(label, style)) for label in labels]
    return flow(widths, x, y, max_w, painter.button_h(style), gap)


def centred_row(painter, labels: list[str], centre_x: int, y: int, max_w: int, style: str = "@default",
                min_w: int = 0, gap: int = 14) -> list[pygame.Rect]:
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


def bottom(rects: list[pygame.Rect], default: int) -> int:
    """The lowest edge of ``rects`` (``default`` if there are none)."""
    return max((r.bottom for r in rects), default=default)


def columns_for(painter, base: int, width: int, min_col: int) -> int:
    """How many columns of at least ``min_col`` design pixels (scaled with the text) fit
    in ``width``, at most ``base``."""
    scale = painter.fonts.scale
    return max(1, min(base, width // max(1, int(min_col * scale))))


def stack_heights(painter, blocks: list[tuple[str, int, bool]], width: int, gap: int = 8) -> list[int]:
    """The height of each (text, size, bold) block wrapped to ``width``, gap included."""
    return [painter.height(text, size, width, bold) + gap for text, size, bold in blocks]


def grid(heights: list[int], x: int, y: int, width: int, cols: int, gap: int = 24) -> list[pygame.Rect]:
    """Cards in ``cols`` columns; each row as tall as its tallest card's ``heights``."""
    w = (width - gap * (cols - 1)) // cols
    rects = []
    for start in range(0, len(heights), cols):
        row = heights[start:start + cols]
        h = max(row)
        for i in range(len(row)):
            rects.append(pygame.Rect(x + i * (w + gap), y, w, h))
        y += h + gap
    return rects
