"""Text on challenge boards laid out from measured text, so boards reflow at large text.

Called by the mechanics' ``build`` (sizes: pure functions of the painter's current
fonts, so ``build`` and ``draw`` agree) and ``draw`` (drawing). At 100 % text every
helper gives the board its original look (one-line labels fitted with
``painter.text_fit``); at larger text a label that does not fit on one line at the
chosen size wraps instead of shrinking, and the boxes around it grow to hold it.
Touches nothing but the surface it is given.
"""

from __future__ import annotations

import pygame


def large(p) -> bool:
    """True when the player chose text larger than 100 % (boards then reflow)."""
    return p.fonts.scale > 1.0


def text_h(p, text: str, width: int, size: int, bold: bool = False) -> int:
    """Height of ``text`` wrapped to ``width`` at ``size`` (the chosen text scale)."""
    return p.height(text, size, max(1, width), bold)


def label_h(p, text: str, width: int, size: int, bold: bool = False) -> int:
    """The height a :func:`label` of ``text`` takes: one line when it fits or at 100 %."""
    if not large(p) or p.fits(text, width, size, bold):
        return p.line(size, bold)
    return text_h(p, text, width, size, bold)


def label(p, surface: pygame.Surface, text: str, midleft, width: int, size: int, *, colour=None,
          bold: bool = False, box=None) -> pygame.Rect:
    """One line centred on ``midleft``'s y, as ``painter.text_fit`` at 100 %; at larger
    text, wrapped to ``width`` (centred on the same y) when it does not fit on one line."""
    x, y = int(midleft[0]), int(midleft[1])
    if not large(p) or p.fits(text, width, size, bold):
        return p.text_fit(surface, text, (x, y), width, size, colour=colour, bold=bold, box=box)
    h = text_h(p, text, width, size, bold)
    return p.text(surface, text, (x, y - h // 2), size, colour=colour, bold=bold, width=width, box=box)


def tallest(p, texts, width: int, size: int, bold: bool = False) -> int:
    """The height of the tallest of ``texts`` wrapped to ``width`` (0 when there are none)."""
    return max((text_h(p, t, width, size, bold) for t in texts), default=0)


def columns(p, base: int, width: int, min_col: int) -> int:
    """How many columns of at least ``min_col`` design pixels (scaled with the text) fit
    in ``width``, at most ``base``."""
    return max(1, min(base, width // max(1, int(min_col * p.fonts.scale))))


def grid(heights: list[int], x: int, y: int, width: int, cols: int, gap: int) -> list[pygame.Rect]:
    """Cards in ``cols`` columns, each row as tall as its tallest card."""
    w = (width - gap * (cols - 1)) // cols
    rects = []
    for start in range(0, len(heights), cols):
        row = heights[start:start + cols]
        h = max(row)
        rects += [pygame.Rect(x + i * (w + gap), y, w, h) for i in range(len(row))]
        y += h + gap
    return rects



def bottom(rects, default: int) -> int:
    """The lowest edge of ``rects`` (``default`` if there are none)."""
    return max((r.bottom for r in rects), default=default)


def icon(p, size: int) -> int:
    """An icon's size grown with the text (icons sit beside text)."""
    return int(size * p.fonts.scale)


def hint_mark(p, surface: pygame.Surface, rect: pygame.Rect) -> None:
    """The mark of a hinted or wanted card: a star in its top-right corner, so the hint is
    a shape as well as a highlight colour (never colour alone)."""
    r = max(7, int(8 * p.fonts.scale ** 0.5))
    p.shape(surface, "star", (rect.right - r - 6, rect.y + r + 6), r, p.palette.focus)


def dashed_rect(surface: pygame.Surface, colour, rect: pygame.Rect, width: int = 2, dash: int = 8) -> None:
    """A dashed outline: how a control that cannot be used now is drawn (a shape, not
    just a greyer colour)."""
    rect = pygame.Rect(rect)
    for x in range(rect.x + 6, rect.right - 6, 2 * dash):
        end = min(x + dash, rect.right - 6)
        pygame.draw.line(surface, colour, (x, rect.y), (end, rect.y), width)
        pygame.draw.line(surface, colour, (x, rect.bottom - 1), (end, rect.bottom - 1), width)
    for y in range(rect.y + 6, rect.bottom - 6, 2 * dash):
        end = min(y + dash, rect.bottom - 6)
        pygame.draw.line(surface, colour, (rect.x, y), (rect.x, end), width)
        pygame.draw.line(surface, colour, (rect.right - 1, y), (rect.right - 1, end), width)
