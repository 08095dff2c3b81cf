"""The flat art style, drawn in code: palette, panels, buildings, icons and avatars.

Every function here draws onto a surface it is given and keeps no state. Icons and
shapes are named by what they look like (``wrench``, ``hexagon``), never by content ids.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

Colour = tuple[int, int, int]


def hex_colour(value: str) -> Colour:
    """'#E07A3F' → (224, 122, 63)."""
    value = value.lstrip("#")
    return (int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16))


def shade(colour: Colour, factor: float) -> Colour:
    """Darken (factor < 1) or lighten (factor > 1) a colour."""
    if factor >= 1:
        return tuple(min(255, int(c + (255 - c) * (factor - 1))) for c in colour)  # type: ignore[return-value]
    return tuple(max(0, int(c * factor)) for c in colour)  # type: ignore[return-value]


@dataclass(frozen=True)
class Palette:
    """The colours every scene draws with; one normal and one high-contrast set."""

    sky: Colour
    sky_low: Colour
    ground: Colour
    road: Colour
    ink: Colour
    muted: Colour
    panel: Colour
    panel_edge: Colour
    accent: Colour
    good: Colour
    bad: Colour
    focus: Colour
    high_contrast: bool = False

    @classmethod
    def normal(cls, colour_safe: bool = True) -> Palette:
        """The everyday colours. ``colour_safe`` swaps green/red for Okabe-Ito bluish
        green / vermillion, told apart by people with any common colour-vision deficiency
        (and states never rely on colour alone: icons and words go with them)."""
        good, bad = ((0, 122, 94), (213, 94, 0)) if colour_safe else ((34, 139, 94), (200, 60, 60))
        return cls(
            sky=(253, 246, 233),
            sky_low=(246, 226, 200),
            ground=(205, 232, 213),
            road=(236, 222, 196),
            ink=(34, 34, 59),
            muted=(88, 92, 120),
            panel=(255, 255, 255),
            panel_edge=(222, 212, 196),
            accent=(58, 134, 255),
            good=good,
            bad=bad,
            focus=(255, 183, 3),
        )

    @classmethod
    def contrast(cls) -> Palette:
        return cls(
            sky=(0, 0, 0),
            sky_low=(0, 0, 0),
            ground=(0, 0, 0),
            road=(40, 40, 40),
            ink=(255, 255, 255),
            muted=(230, 230, 230),
            panel=(0, 0, 0),
            panel_edge=(255, 255, 255),
            accent=(255, 255, 0),
            good=(0, 255, 120),
            bad=(255, 110, 110),
            focus=(255, 255, 0),
            high_contrast=True,
        )


def panel(
    surface: pygame.Surface,
    rect: pygame.Rect,
    pal: Palette,
    *,
    fill: Colour | None = None,
    radius: int = 18,
    shadow: bool = True,
    edge: Colour | None = None,
) -> None:
    """A rounded card with a soft drop shadow. The shadow (the card moved 5 px down) shows
    only below the card's lower corners, so it is drawn clipped to those rows: the same
    pixels as drawing it whole, without filling the card's area twice."""
    if shadow and not pal.high_contrast:
        shadow_rect = rect.move(0, 5)
        clip = surface.get_clip()
        band = pygame.Rect(rect.x, rect.bottom - max(0, radius) - 1, rect.w, max(0, radius) + 7)
        surface.set_clip(band.clip(clip))
        pygame.draw.rect(surface, shade(pal.panel_edge, 0.85), shadow_rect, border_radius=radius)
        surface.set_clip(clip)
    pygame.draw.rect(surface, fill or pal.panel, rect, border_radius=radius)
    pygame.draw.rect(surface, edge or pal.panel_edge, rect, width=2, border_radius=radius)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, pal: Palette, radius: int = 16) -> None:
    """The keyboard focus indicator: a thick amber outline with a dark inner line."""
    outer = rect.inflate(12, 12)
    pygame.draw.rect(surface, pal.focus, outer, width=5, border_radius=radius + 6)
    pygame.draw.rect(surface, pal.ink, outer.inflate(-8, -8), width=2, border_radius=radius + 2)


def sky(
    surface: pygame.Surface, pal: Palette, area: pygame.Rect | None = None, clouds: bool = True
) -> None:
    """A vertical gradient sky with two soft clouds. With ``area`` only that part is drawn
    (the same pixels there as drawing the whole sky; a scrolling page shows a slice).
    ``clouds=False`` for a page of text: clouds placed by the page's height floated in the
    middle of it, a white blob half behind the cards."""
    w, h = surface.get_size()
    if pal.high_contrast:
        surface.fill(pal.sky, area)
        return
    clip = surface.get_clip()
    first, last = 0, h
    if area is not None:
        surface.set_clip(area)
        first, last = max(0, area.top // 4 * 4), min(h, area.bottom)
    top, low = pal.sky, pal.sky_low
    for y in range(first, last, 4):
        t = y / h
        colour = tuple(int(a + (b - a) * t) for a, b in zip(top, low, strict=True))
        pygame.draw.rect(surface, colour, (0, y, w, 4))
    for cx, cy, s in ((w * 0.18, h * 0.12, 1.0), (w * 0.78, h * 0.08, 0.8)) if clouds else ():
        for dx, dy, r in ((-40, 6, 26), (0, 0, 36), (42, 8, 24)):
            pygame.draw.circle(
                surface, (255, 255, 255), (int(cx + dx * s), int(cy + dy * s)), int(r * s)
            )
    surface.set_clip(clip)


def _poly(
    cx: float, cy: float, r: float, n: int, rot: float = -math.pi / 2
) -> list[tuple[float, float]]:
    return [
        (cx + r * math.cos(rot + 2 * math.pi * i / n), cy + r * math.sin(rot + 2 * math.pi * i / n))
        for i in range(n)
    ]


def shape(
    surface: pygame.Surface,
    name: str,
    centre: tuple[float, float],
    r: float,
    colour: Colour,
    outline: Colour | None = None,
) -> None:
    """A named shape (circle, square, triangle, diamond, hexagon, star) — also used so
    that no information is carried by colour alone."""
    cx, cy = centre
    if name == "circle":
        pygame.draw.circle(surface, colour, (int(cx), int(cy)), int(r))
        pts = None
    elif name == "square":
        pts = [
            (cx - r * 0.85, cy - r * 0.85),
            (cx + r * 0.85, cy - r * 0.85),
            (cx + r * 0.85, cy + r * 0.85),
            (cx - r * 0.85, cy + r * 0.85),
        ]
    elif name == "triangle":
        pts = _poly(cx, cy + r * 0.15, r * 1.1, 3)
    elif name == "diamond":
        pts = _poly(cx, cy, r, 4)
    elif name == "hexagon":
        pts = _poly(cx, cy, r, 6, rot=0)
    elif name == "star":
        pts = []
        for i in range(10):
            rr = r if i % 2 == 0 else r * 0.45
            a = -math.pi / 2 + math.pi * i / 5
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    else:
        raise ValueError(f"unknown shape {name!r}")
    if pts:
        pygame.draw.polygon(surface, colour, pts)
    if outline is not None:
        if pts:
            pygame.draw.polygon(surface, outline, pts, width=2)
        else:
            pygame.draw.circle(surface, outline, (int(cx), int(cy)), int(r), width=2)


def avatar(
    surface: pygame.Surface,
    centre: tuple[float, float],
    r: float,
    shape_name: str,
    colour: Colour,
    ink: Colour,
) -> None:
    """A friendly player or mentor token: a coloured shape with a simple face."""
    shape(surface, shape_name, centre, r, colour, outline=shade(colour, 0.6))
    cx, cy = centre
    eye = max(2, int(r * 0.12))
    pygame.draw.circle(surface, ink, (int(cx - r * 0.3), int(cy - r * 0.1)), eye)
    pygame.draw.circle(surface, ink, (int(cx + r * 0.3), int(cy - r * 0.1)), eye)
    smile = pygame.Rect(0, 0, int(r * 0.8), int(r * 0.5))
    smile.center = (int(cx), int(cy + r * 0.15))
    pygame.draw.arc(surface, ink, smile, math.pi * 1.1, math.pi * 1.9, max(2, int(r * 0.08)))


def icon(
    surface: pygame.Surface, name: str, centre: tuple[float, float], size: float, colour: Colour
) -> None:
    """Small pictograms drawn from primitives. Unknown names draw a dot."""
    cx, cy = centre
    s = size / 2
    w = max(2, int(size / 10))
    if name == "wrench":
        pygame.draw.line(
            surface, colour, (cx - s * 0.6, cy + s * 0.6), (cx + s * 0.3, cy - s * 0.3), w * 2
        )
        pygame.draw.circle(
            surface, colour, (int(cx + s * 0.45), int(cy - s * 0.45)), int(s * 0.4), w
        )
    elif name == "flask":
        pts = [
            (cx - s * 0.2, cy - s * 0.8),
            (cx + s * 0.2, cy - s * 0.8),
            (cx + s * 0.2, cy - s * 0.2),
            (cx + s * 0.7, cy + s * 0.7),
            (cx - s * 0.7, cy + s * 0.7),
            (cx - s * 0.2, cy - s * 0.2),
        ]
        pygame.draw.polygon(surface, colour, pts, w)
        pygame.draw.line(
            surface, colour, (cx - s * 0.45, cy + s * 0.35), (cx + s * 0.45, cy + s * 0.35), w
        )
    elif name == "palette":
        pygame.draw.ellipse(surface, colour, (cx - s * 0.8, cy - s * 0.6, s * 1.6, s * 1.2), w)
        for dx, dy in ((-0.4, -0.15), (0, -0.3), (0.4, -0.15)):
            pygame.draw.circle(surface, colour, (int(cx + s * dx), int(cy + s * dy)), int(s * 0.12))
    elif name == "heart":
        r = s * 0.42
        pygame.draw.circle(surface, colour, (int(cx - r * 0.9), int(cy - r * 0.4)), int(r))
        pygame.draw.circle(surface, colour, (int(cx + r * 0.9), int(cy - r * 0.4)), int(r))
        pygame.draw.polygon(
            surface,
            colour,
            [(cx - s * 0.8, cy - s * 0.05), (cx + s * 0.8, cy - s * 0.05), (cx, cy + s * 0.8)],
        )
    elif name == "coin":
        pygame.draw.circle(surface, colour, (int(cx), int(cy)), int(s * 0.75), w)
        pygame.draw.circle(surface, colour, (int(cx), int(cy)), int(s * 0.42), max(1, w - 1))
        pygame.draw.line(surface, colour, (cx - s * 0.18, cy), (cx + s * 0.18, cy), max(1, w - 1))
    elif name == "folder":
        pygame.draw.rect(
            surface, colour, (cx - s * 0.8, cy - s * 0.45, s * 1.6, s * 1.15), w, border_radius=3
        )
        pygame.draw.rect(
            surface, colour, (cx - s * 0.8, cy - s * 0.7, s * 0.7, s * 0.3), 0, border_radius=3
        )
    elif name == "mirror":
        pygame.draw.ellipse(surface, colour, (cx - s * 0.5, cy - s * 0.8, s, s * 1.3), w)
        pygame.draw.line(surface, colour, (cx, cy + s * 0.5), (cx, cy + s * 0.85), w)
    elif name == "medal":
        pygame.draw.circle(surface, colour, (int(cx), int(cy + s * 0.25)), int(s * 0.5), w)
        pygame.draw.line(
            surface, colour, (cx - s * 0.4, cy - s * 0.8), (cx - s * 0.1, cy - s * 0.2), w
        )
        pygame.draw.line(
            surface, colour, (cx + s * 0.4, cy - s * 0.8), (cx + s * 0.1, cy - s * 0.2), w
        )
    elif name == "tower":
        pygame.draw.polygon(
            surface,
            colour,
            [
                (cx - s * 0.35, cy + s * 0.8),
                (cx - s * 0.15, cy - s * 0.6),
                (cx + s * 0.15, cy - s * 0.6),
                (cx + s * 0.35, cy + s * 0.8),
            ],
            w,
        )
        pygame.draw.circle(surface, colour, (int(cx), int(cy - s * 0.75)), int(s * 0.15))
    elif name == "cup":
        pygame.draw.rect(
            surface,
            colour,
            (cx - s * 0.55, cy - s * 0.4, s * 0.9, s * 1.0),
            w,
            border_bottom_left_radius=8,
            border_bottom_right_radius=8,
        )
        pygame.draw.arc(
            surface,
            colour,
            (cx + s * 0.15, cy - s * 0.25, s * 0.6, s * 0.5),
            -math.pi / 2,
            math.pi / 2,
            w,
        )
    elif name == "check":
        pygame.draw.lines(
            surface,
            colour,
            False,
            [(cx - s * 0.6, cy), (cx - s * 0.15, cy + s * 0.5), (cx + s * 0.65, cy - s * 0.5)],
            w * 2,
        )
    elif name == "cross":
        pygame.draw.line(
            surface, colour, (cx - s * 0.5, cy - s * 0.5), (cx + s * 0.5, cy + s * 0.5), w * 2
        )
        pygame.draw.line(
            surface, colour, (cx + s * 0.5, cy - s * 0.5), (cx - s * 0.5, cy + s * 0.5), w * 2
        )
    elif name == "lock":
        pygame.draw.rect(
            surface, colour, (cx - s * 0.55, cy - s * 0.1, s * 1.1, s * 0.9), 0, border_radius=4
        )
        pygame.draw.arc(
            surface, colour, (cx - s * 0.4, cy - s * 0.75, s * 0.8, s * 1.1), 0, math.pi, w
        )
    elif name == "speaker":  # a loudspeaker and two sound waves (Read aloud)
        pygame.draw.polygon(
            surface,
            colour,
            [
                (cx - s * 0.8, cy - s * 0.25),
                (cx - s * 0.45, cy - s * 0.25),
                (cx - s * 0.05, cy - s * 0.65),
                (cx - s * 0.05, cy + s * 0.65),
                (cx - s * 0.45, cy + s * 0.25),
                (cx - s * 0.8, cy + s * 0.25),
            ],
        )
        for r in (0.35, 0.65):
            pygame.draw.arc(
                surface,
                colour,
                (cx - s * r, cy - s * r, s * r * 2, s * r * 2),
                -math.pi / 3.5,
                math.pi / 3.5,
                w,
            )
    elif name == "gear":
        for k in range(8):
            a = k * math.pi / 4
            pygame.draw.line(
                surface,
                colour,
                (cx, cy),
                (cx + math.cos(a) * s * 0.95, cy + math.sin(a) * s * 0.95),
                max(3, int(s * 0.35)),
            )
        pygame.draw.circle(surface, colour, (int(cx), int(cy)), int(s * 0.7))
        pygame.draw.circle(
            surface,
            (0, 0, 0) if sum(colour) > 380 else (255, 255, 255),
            (int(cx), int(cy)),
            max(2, int(s * 0.28)),
        )
    else:
        pygame.draw.circle(surface, colour, (int(cx), int(cy)), int(s * 0.3))


def building(
    surface: pygame.Surface,
    rect: pygame.Rect,
    colour: Colour,
    pal: Palette,
    *,
    style: int = 0,
    icon_name: str = "",
) -> None:
    """A flat-style building in ``rect``: body, roof (style 0–3), windows, door, icon sign."""
    body = pygame.Rect(rect.x, rect.y + rect.h // 4, rect.w, rect.h - rect.h // 4)
    roof_col = shade(colour, 0.7)
    if not pal.high_contrast:
        pygame.draw.ellipse(
            surface, shade(pal.ground, 0.85), (rect.x - 8, rect.bottom - 10, rect.w + 16, 20)
        )
    if style % 4 == 0:  # gable
        pygame.draw.polygon(
            surface,
            roof_col,
            [(body.x - 8, body.y + 2), (body.centerx, rect.y), (body.right + 8, body.y + 2)],
        )
    elif style % 4 == 1:  # flat with parapet
        pygame.draw.rect(
            surface, roof_col, (body.x - 6, body.y - 14, body.w + 12, 16), border_radius=4
        )
    elif style % 4 == 2:  # dome
        pygame.draw.ellipse(
            surface, roof_col, (body.x + body.w * 0.15, rect.y + 4, body.w * 0.7, body.h * 0.5)
        )
    else:  # saw-tooth workshop roof
        teeth = 3
        tw = body.w / teeth
        for i in range(teeth):
            x0 = body.x + i * tw
            pygame.draw.polygon(
                surface,
                roof_col,
                [(x0, body.y + 2), (x0 + tw, body.y - rect.h * 0.18), (x0 + tw, body.y + 2)],
            )
    pygame.draw.rect(surface, colour, body, border_radius=6)
    pygame.draw.rect(surface, shade(colour, 0.6), body, width=3, border_radius=6)
    win = shade(colour, 1.55) if not pal.high_contrast else (255, 255, 255)
    cols = 3
    ww = body.w / (cols * 2 + 1)
    for row in range(2):
        for c in range(cols):
            wx = body.x + ww * (1 + 2 * c)
            wy = body.y + 14 + row * (ww * 1.2 + 8)
            if wy + ww > body.bottom - body.h * 0.38:
                continue
            pygame.draw.rect(surface, win, (wx, wy, ww, ww * 1.1), border_radius=3)
    door = pygame.Rect(0, 0, body.w * 0.22, body.h * 0.34)
    door.midbottom = (body.centerx, body.bottom)
    pygame.draw.rect(
        surface, shade(colour, 0.55), door, border_top_left_radius=8, border_top_right_radius=8
    )
    if icon_name:
        sign_c = (body.right - 22, body.bottom - 26)
        pygame.draw.circle(surface, pal.panel, sign_c, 17)
        pygame.draw.circle(surface, shade(colour, 0.6), sign_c, 17, 2)
        icon(
            surface, icon_name, sign_c, 22, shade(colour, 0.5) if not pal.high_contrast else pal.ink
        )


def tree(surface: pygame.Surface, base: tuple[int, int], size: int, pal: Palette) -> None:
    """A round flat tree."""
    if pal.high_contrast:
        return
    x, y = base
    pygame.draw.rect(surface, (140, 98, 64), (x - size // 10, y - size // 2, size // 5, size // 2))
    pygame.draw.circle(surface, (102, 170, 110), (x, y - size // 2 - size // 4), size // 2)
    pygame.draw.circle(
        surface, (126, 190, 128), (x - size // 6, y - size // 2 - size // 3), size // 4
    )
