"""The interest hexagon, drawn with pygame: six axes in hexagon order, an uncertainty band
(a light ring between each type's low and high) and the score polygon.

Called from ``draw_content`` of the Mirror Pavilion and the career passport; it draws
onto the surface it is given and keeps no state. Nothing is carried by colour alone:
each corner has its letter, an icon in a circle, and (full size) its district name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game import art
from game.text import wrap

#: the theta range drawn from the centre (0) to the rim (1)
THETA_MIN, THETA_MAX = -2.5, 2.5
#: widest a place name may be beside a corner (wrapped to two lines)
NAME_WIDTH = 112


@dataclass(frozen=True)
class Axis:
    """One corner of the hexagon: a type's letter, its place name, colour and icon."""

    letter: str
    label: str
    colour: str
    icon: str


def radial(value: float) -> float:
    """A theta score as a fraction of the radius, clamped to [0.04, 1]."""
    frac = (value - THETA_MIN) / (THETA_MAX - THETA_MIN)
    return max(0.04, min(1.0, frac))


def corner(centre: tuple[float, float], radius: float, index: int, fraction: float = 1.0) -> tuple[float, float]:
    """Point on axis ``index`` (0 = top, clockwise) at ``fraction`` of the radius."""
    angle = -math.pi / 2 + index * math.pi / 3
    return (centre[0] + radius * fraction * math.cos(angle), centre[1] + radius * fraction * math.sin(angle))


def draw_hexagon(surface: pygame.Surface, painter, centre: tuple[int, int], radius: int,
                 axes: list[Axis], scores: dict[str, tuple[float, float, float]], *,
                 mini: bool = False) -> None:
    """Draw the grid, the band (low..high) and the score polygon for ``scores``
    ({letter: (score, low, high)}); ``mini`` leaves out place names and the band edges."""
    pal = painter.palette
    n = len(axes)
    if n < 3:
        return
    band = pal.focus if not pal.high_contrast else (110, 110, 110)
    band_fill = art.shade(band, 1.55) if not pal.high_contrast else (70, 70, 70)
    line = pal.accent
    rim = [corner(centre, radius, i) for i in range(n)]
    pygame.draw.polygon(surface, pal.panel, rim)
    highs = [corner(centre, radius, i, radial(scores.get(a.letter, (0, 0, 0))[2])) for i, a in enumerate(axes)]
    lows = [corner(centre, radius, i, radial(scores.get(a.letter, (0, 0, 0))[1])) for i, a in enumerate(axes)]
    pygame.draw.polygon(surface, band_fill, highs)
    pygame.draw.polygon(surface, pal.panel, lows)
    if not mini:
        pygame.draw.polygon(surface, band, highs, 2)
        _dashed(surface, band, lows)
    for ring in (0.25, 0.5, 0.75, 1.0):
        pts = [corner(centre, radius, i, ring) for i in range(n)]
        pygame.draw.polygon(surface, pal.panel_edge, pts, 2 if ring == 1.0 else 1)
    for i in range(n):
        pygame.draw.line(surface, pal.panel_edge, centre, rim[i], 1)
    mid = [corner(centre, radius, i, radial(0.0)) for i in range(n)]
    _dashed(surface, pal.muted, mid)
    pts = [corner(centre, radius, i, radial(scores.get(a.letter, (0, 0, 0))[0])) for i, a in enumerate(axes)]
    pygame.draw.polygon(surface, line, pts, 4 if not mini else 3)
    for p in pts:
        pygame.draw.circle(surface, pal.ink, (int(p[0]), int(p[1])), 6 if not mini else 4)
        pygame.draw.circle(surface, pal.panel, (int(p[0]), int(p[1])), 3 if not mini else 2)
    for i, axis in enumerate(axes):
        _label(surface, painter, centre, radius, i, axis, mini)


def _dashed(surface: pygame.Surface, colour, pts: list[tuple[float, float]]) -> None:
    """A closed dashed outline (so the low edge and the 'typical' ring differ from solid lines)."""
    for a, b in zip(pts, pts[1:] + pts[:1], strict=True):
        length = math.dist(a, b)
        steps = max(1, int(length // 8))
        for k in range(0, steps, 2):
            t0, t1 = k / steps, min(1.0, (k + 1) / steps)
            pygame.draw.line(surface, colour, (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                             (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1), 2)


def _label(surface: pygame.Surface, painter, centre, radius: int, i: int, axis: Axis, mini: bool) -> None:
    pal = painter.palette
    r = 15 if not mini else 11
    cx, cy = corner(centre, radius + r + 6, i)
    colour = painter.colour(axis.colour)
    pygame.draw.circle(surface, colour, (int(cx), int(cy)), r)
    pygame.draw.circle(surface, pal.ink, (int(cx), int(cy)), r, 2)
    art.icon(surface, axis.icon, (cx, cy), r * 1.3, pal.ink if not pal.high_contrast else (0, 0, 0))
    size = 22 if not mini else 16
    dx = math.cos(-math.pi / 2 + i * math.pi / 3)
    if abs(dx) < 0.1:       # top or bottom corner: letter beside the circle
        tx, align = cx + r + 6, "left"
    elif dx > 0:
        tx, align = cx + r + 6, "left"
    else:
        tx, align = cx - r - 6, "right"
    font = painter.font(size, True)
    img = font.render(axis.letter, True, pal.ink)
    rect = img.get_rect(midleft=(tx, cy)) if align == "left" else img.get_rect(midright=(tx, cy))
    surface.blit(img, rect)
    if mini:
        return
    for size in (14, 13, 12, 11, 10, 9):     # shrink (large text settings) until two whole-word lines fit
        name_font = painter.font(size)
        lines = wrap(name_font, axis.label, NAME_WIDTH)
        if len(lines) <= 2 and all(name_font.size(word)[0] <= NAME_WIDTH for word in axis.label.split()):
            break
    lines = lines[:2]
    h = name_font.get_linesize()
    top = cy - h * len(lines) / 2
    for k, text in enumerate(lines):
        img = name_font.render(text, True, pal.muted)
        y = top + k * h + h / 2
        nrect = img.get_rect(midleft=(rect.right + 6, y)) if align == "left" else img.get_rect(midright=(rect.left - 6, y))
        surface.blit(img, nrect)


def axes_from(ctx) -> list[Axis]:
    """The six axes in the order the content lists its districts (hexagon order)."""
    return [Axis(d.riasec, ctx.pick(d.name), d.colour, d.icon) for d in ctx.content.districts]
