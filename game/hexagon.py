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
NAME_WIDTH = 130


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


def corner(
    centre: tuple[float, float], radius: float, index: int, fraction: float = 1.0
) -> tuple[float, float]:
    """Point on axis ``index`` (0 = top, clockwise) at ``fraction`` of the radius."""
    angle = -math.pi / 2 + index * math.pi / 3
    return (
        centre[0] + radius * fraction * math.cos(angle),
        centre[1] + radius * fraction * math.sin(angle),
    )


def draw_hexagon(
    surface: pygame.Surface,
    painter,
    centre: tuple[int, int],
    radius: int,
    axes: list[Axis],
    scores: dict[str, tuple[float, float, float]],
    *,
    mini: bool = False,
    name_size: int = 14,
    box=None,
) -> None:
    """Draw the grid, the band (low..high) and the score polygon for ``scores``
    ({letter: (score, low, high)}); ``mini`` leaves out place names and the band edges.
    ``box`` is the card the labels must stay inside (see ``fit_hexagon``)."""
    pal = painter.palette
    n = len(axes)
    if n < 3:
        return
    band = pal.focus if not pal.high_contrast else (110, 110, 110)
    band_fill = art.shade(band, 1.55) if not pal.high_contrast else (70, 70, 70)
    line = pal.accent
    rim = [corner(centre, radius, i) for i in range(n)]
    pygame.draw.polygon(surface, pal.panel, rim)
    highs = [
        corner(centre, radius, i, radial(scores.get(a.letter, (0, 0, 0))[2]))
        for i, a in enumerate(axes)
    ]
    lows = [
        corner(centre, radius, i, radial(scores.get(a.letter, (0, 0, 0))[1]))
        for i, a in enumerate(axes)
    ]
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
    pts = [
        corner(centre, radius, i, radial(scores.get(a.letter, (0, 0, 0))[0]))
        for i, a in enumerate(axes)
    ]
    pygame.draw.polygon(surface, line, pts, 4 if not mini else 3)
    for p in pts:
        pygame.draw.circle(surface, pal.ink, (int(p[0]), int(p[1])), 6 if not mini else 4)
        pygame.draw.circle(surface, pal.panel, (int(p[0]), int(p[1])), 3 if not mini else 2)
    for i, axis in enumerate(axes):
        _label(surface, painter, centre, radius, i, axis, mini, name_size, box)


def _dashed(surface: pygame.Surface, colour, pts: list[tuple[float, float]]) -> None:
    """A closed dashed outline (so the low edge and the 'typical' ring differ from solid lines)."""
    for a, b in zip(pts, pts[1:] + pts[:1], strict=True):
        length = math.dist(a, b)
        steps = max(1, int(length // 8))
        for k in range(0, steps, 2):
            t0, t1 = k / steps, min(1.0, (k + 1) / steps)
            pygame.draw.line(
                surface,
                colour,
                (a[0] + (b[0] - a[0]) * t0, a[1] + (b[1] - a[1]) * t0),
                (a[0] + (b[0] - a[0]) * t1, a[1] + (b[1] - a[1]) * t1),
                2,
            )


def _name_lines(painter, axis: Axis, size: int) -> list[str]:
    """The place name wrapped to at most two lines of NAME_WIDTH (scaled with the text)."""
    width = int(NAME_WIDTH * painter.fonts.scale)
    return wrap(painter.font(size), axis.label, width)[:2]


def _block_h(painter, size: int, lines: int, bold: bool = False) -> int:
    line = painter.line(size, bold)
    return int(line * (1 + (max(1, lines) - 1) * 1.2))


def _metrics(
    painter, axes: list[Axis], mini: bool, name_size: int
) -> tuple[int, int, int, list[tuple[int, int]]]:
    """(circle radius, widest letter, half the label height beside a corner, each axis's
    name (width, height)) at ``name_size``."""
    r = 15 if not mini else 11
    letter_font = painter.font(22 if not mini else 16, True)
    letter_w = max(letter_font.size(a.letter)[0] for a in axes)
    reach = max(r, letter_font.get_height() // 2 + 1)
    names = []
    for axis in axes:
        lines = [] if mini else _name_lines(painter, axis, name_size)
        names.append(
            (
                max((painter.font(name_size).size(t)[0] for t in lines), default=0),
                _block_h(painter, name_size, len(lines)) if lines else 0,
            )
        )
    return r, letter_w, reach, names


def fit_hexagon(
    painter,
    box: pygame.Rect,
    axes: list[Axis],
    *,
    mini: bool = False,
    max_radius: int = 150,
    min_radius: int = 48,
) -> tuple[tuple[int, int], int, int]:
    """(centre, radius, name size) of the largest hexagon whose corner labels (circle,
    letter, place name) all stay inside ``box`` at the current text size. The place names
    shrink a little (never below 11 design points) only if the hexagon would otherwise
    be smaller than ``min_radius``. Called from scenes' layout; touches nothing."""
    half_w, half_h = box.w / 2, box.h / 2
    radius, size = min_radius, 11
    for size in (14, 13, 12, 11):
        r, letter_w, reach, names = _metrics(painter, axes, mini, size)
        limits = [max_radius, half_h - r - reach - 10 - max(h for w, h in names[::3] or [(0, 0)])]
        for i, (w, h) in enumerate(names):
            dx = math.cos(-math.pi / 2 + i * math.pi / 3)
            if abs(dx) < 0.1:
                continue
            limits.append((half_w - r - 12 - letter_w - w) / abs(dx) - r - 6)
            limits.append((half_h - max(reach, h / 2)) / 0.5 - r - 6)
        radius = int(min(limits))
        if radius >= min_radius:
            break
    return box.center, max(min_radius, radius), size


def _label(
    surface: pygame.Surface,
    painter,
    centre,
    radius: int,
    i: int,
    axis: Axis,
    mini: bool,
    name_size: int,
    box,
) -> None:
    pal = painter.palette
    r = 15 if not mini else 11
    cx, cy = corner(centre, radius + r + 6, i)
    colour = painter.colour(axis.colour)
    pygame.draw.circle(surface, colour, (int(cx), int(cy)), r)
    pygame.draw.circle(surface, pal.ink, (int(cx), int(cy)), r, 2)
    art.icon(surface, axis.icon, (cx, cy), r * 1.3, pal.ink if not pal.high_contrast else (0, 0, 0))
    size = 22 if not mini else 16
    dx = math.cos(-math.pi / 2 + i * math.pi / 3)
    font = painter.font(size, True)
    letter_w, letter_h = font.size(axis.letter)
    rightward = dx > 0.1 or abs(dx) < 0.1  # letter (and name) to the right of the circle
    tx = cx + r + 6 if rightward else cx - r - 6 - letter_w
    rect = painter.text(surface, axis.letter, (tx, cy - letter_h / 2), size, bold=True, box=box)
    if mini:
        return
    lines = _name_lines(painter, axis, name_size)
    if not lines:
        return
    text = "\n".join(lines)
    h = _block_h(painter, name_size, len(lines))
    if abs(dx) < 0.1:  # top or bottom corner: the name above or below the circle
        reach = max(r, letter_h / 2) + 4  # clear of the circle and the letter beside it
        y = cy - reach - h if i == 0 else cy + reach
        painter.text(surface, text, (cx, y), name_size, colour=pal.muted, align="center", box=box)
    elif rightward:
        painter.text(
            surface, text, (rect.right + 6, cy - h / 2), name_size, colour=pal.muted, box=box
        )
    else:
        painter.text(
            surface,
            text,
            (rect.left - 6, cy - h / 2),
            name_size,
            colour=pal.muted,
            align="right",
            box=box,
        )


def axes_from(ctx) -> list[Axis]:
    """The six axes in the order the content lists its districts (hexagon order)."""
    return [Axis(d.riasec, ctx.pick(d.name), d.colour, d.icon) for d in ctx.content.districts]
