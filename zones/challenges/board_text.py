"""Marks drawn on challenge boards (hinted cards, controls that cannot be used now).

Called by the mechanics' ``draw``; their layout comes from :mod:`zones.ui_layout`.
Touches nothing but the surface it is given.
"""

from __future__ import annotations

import pygame


def large(p) -> bool:
    """True when the player chose text larger than 100 % (boards then reflow)."""
    return p.fonts.scale > 1.0


def hint_mark(p, surface: pygame.Surface, rect: pygame.Rect) -> None:
    """The mark of a hinted or wanted card: a star in its top-right corner, so the hint is
    a shape as well as a highlight colour (never colour alone)."""
    r = max(7, int(8 * p.fonts.scale**0.5))
    p.shape(surface, "star", (rect.right - r - 6, rect.y + r + 6), r, p.palette.focus)


def dashed_rect(
    surface: pygame.Surface, colour, rect: pygame.Rect, width: int = 2, dash: int = 8
) -> None:
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
