"""The three design canvases: a gig poster, a step sequencer and a room floor plan.

Each ``draw_<mode>(view, surface, painter)`` draws the canvas part of a DesignView; the
shared panels (options, tray, brief) are drawn by the view itself.
"""

from __future__ import annotations

import math

import pygame

from zones import ui_layout

WHITE = (255, 255, 255)


def _shade(colour, factor: float):
    if factor >= 1:
        return tuple(min(255, int(c + (255 - c) * (factor - 1))) for c in colour)
    return tuple(max(0, int(c * factor)) for c in colour)


def _dark(colour) -> bool:
    return (0.299 * colour[0] + 0.587 * colour[1] + 0.114 * colour[2]) < 140


def _pattern(surface, rect: pygame.Rect, pattern: str, colour) -> None:
    line = _shade(colour, 1.25) if _dark(colour) else _shade(colour, 0.85)
    clip = surface.get_clip()
    surface.set_clip(rect.clip(clip) if clip else rect)
    if pattern == "stripes":
        for x in range(rect.x - rect.h, rect.right, 36):
            pygame.draw.line(surface, line, (x, rect.bottom), (x + rect.h, rect.y), 12)
    elif pattern in ("dots", "carpet"):
        step = 30 if pattern == "dots" else 14
        for y in range(rect.y + step // 2, rect.bottom, step):
            for x in range(rect.x + step // 2 + (y // step % 2) * step // 2, rect.right, step):
                pygame.draw.circle(surface, line, (x, y), 5 if pattern == "dots" else 2)
    elif pattern == "rays":
        cx, cy = rect.centerx, rect.bottom
        for k in range(0, 18, 2):
            a0, a1 = math.pi + k * math.pi / 18, math.pi + (k + 1) * math.pi / 18
            pts = [
                (cx, cy),
                (cx + 900 * math.cos(a0), cy + 900 * math.sin(a0)),
                (cx + 900 * math.cos(a1), cy + 900 * math.sin(a1)),
            ]
            pygame.draw.polygon(surface, line, pts)
    elif pattern == "boards":
        for i, y in enumerate(range(rect.y, rect.bottom, 26)):
            pygame.draw.line(surface, line, (rect.x, y), (rect.right, y), 2)
            for x in range(rect.x + (i % 2) * 60, rect.right, 120):
                pygame.draw.line(surface, line, (x, y), (x, y + 26), 2)
    elif pattern == "tiles":
        for y in range(rect.y, rect.bottom, 44):
            for x in range(rect.x, rect.right, 44):
                if (x // 44 + y // 44) % 2:
                    pygame.draw.rect(surface, line, (x, y, 44, 44))
    surface.set_clip(clip)


def _plus(surface, rect: pygame.Rect, colour) -> None:
    cx, cy = rect.center
    pygame.draw.line(surface, colour, (cx - 7, cy), (cx + 7, cy), 2)
    pygame.draw.line(surface, colour, (cx, cy - 7), (cx, cy + 7), 2)


def draw_poster(view, surface, p) -> None:
    m, pal, c = view.m, p.palette, view.canvas
    bg = m.option("background")
    colour = (0, 0, 0) if pal.high_contrast else (p.colour(bg.colour) if bg else (236, 236, 240))
    p.panel(surface, c, fill=colour, radius=8)
    if bg and not pal.high_contrast:
        _pattern(surface, c.inflate(-4, -4), bg.pattern, colour)
    ink_opt = m.option("ink")
    ink = (
        WHITE
        if pal.high_contrast
        else (p.colour(ink_opt.colour) if ink_opt else (WHITE if _dark(colour) else (34, 34, 59)))
    )
    faint = _shade(colour, 1.4) if _dark(colour) else _shade(colour, 0.75)
    for cell, rect in view.cell_rects.items():
        item = view.cell_item(cell)
        if item:
            p.shape(
                surface,
                item.shape,
                rect.center,
                min(rect.w, rect.h) // 2 - 14,
                p.colour(item.colour),
            )
        else:
            _plus(surface, rect, faint)
    # footer: band and details, always there (as tall as the view measured them)
    foot = pygame.Rect(c.x + 12, c.bottom - 12 - view.foot_h, c.w - 24, view.foot_h)
    band = p.text(
        surface,
        m.kit.pick(m.params.poster.band),
        (foot.x + 8, foot.y + 4),
        20,
        colour=ink,
        bold=True,
        width=foot.w - 16,
        box=c,
    )
    p.text(
        surface,
        m.kit.pick(m.params.poster.details),
        (foot.x + 8, band.bottom + 2),
        16,
        colour=ink,
        width=foot.w - 16,
        box=c,
    )
    head = m.option("headline")
    if not head:
        p.text(
            surface,
            m.kit.t("design.no_headline"),
            (c.centerx, c.y + 30),
            17,
            align="center",
            colour=ink,
            width=c.w - 40,
        )
        return
    size_opt = m.option("size")
    size = int(30 * (size_opt.scale if size_opt else 1.0))
    text = m.kit.pick(head.text)
    width = c.w - 44
    while ui_layout.shrinks(p) and size > 18 and p.height(text, size, width, bold=True) > 230:
        size -= 2  # at bigger text the poster is tall enough instead
    h = p.height(text, size, width, bold=True)
    anchor = getattr(m.option("layout"), "anchor", None) or "top"
    top = {"top": c.y + 26, "middle": c.centery - h // 2 - 20, "bottom": foot.y - h - 24}[anchor]
    band = pygame.Surface((c.w - 16, h + 20), pygame.SRCALPHA)
    band.fill((255, 255, 255, 120) if _dark(ink) else (0, 0, 0, 90))
    surface.blit(band, (c.x + 8, top - 10))
    p.text(
        surface, text, (c.centerx, top), size, colour=ink, bold=True, align="center", width=width
    )


def draw_tune(view, surface, p, playhead_on_top: bool = False) -> None:
    m, pal, c = view.m, p.palette, view.canvas
    p.panel(surface, c)
    p.text(surface, m.kit.t("design.sequencer"), (c.x + 16, c.y + 12), 20, bold=True)
    first = m.items[0].id
    for s in range(m.cols):
        rect = view.cell_rects[f"{first}:{s}"]
        y = c.y + 12 + p.line(20, True) + 6
        p.text(
            surface,
            str(s + 1),
            (rect.centerx, y),
            14 if m.cols > 12 else 16,
            align="center",
            colour=pal.ink if s % 4 == 0 else pal.muted,
            bold=s % 4 == 0,
        )
    for item in m.items:
        row0 = view.cell_rects[f"{item.id}:0"]
        p.shape(surface, item.shape, (c.x + 30, row0.centery), 12, p.colour(item.colour))
        ui_layout.label(
            p, surface, m.kit.pick(item.label), (c.x + 52, row0.centery), view.label_w, 17, box=c
        )
        _fader(view, surface, p, item)
        for s in range(m.cols):
            cell = f"{item.id}:{s}"
            rect = view.cell_rects[cell]
            if m.cells.get(cell):
                col = p.colour(item.colour)
                pygame.draw.rect(surface, col, rect, border_radius=8)
                pygame.draw.rect(surface, pal.ink, rect, 2, border_radius=8)
                p.shape(
                    surface,
                    item.shape,
                    rect.center,
                    min(rect.w, rect.h) // 2 - 7,
                    WHITE if not pal.high_contrast else (0, 0, 0),
                )
            else:
                fill = pal.panel if s // 4 % 2 == 0 or pal.high_contrast else (246, 243, 236)
                pygame.draw.rect(surface, fill, rect, border_radius=8)
                pygame.draw.rect(surface, pal.panel_edge, rect, 2, border_radius=8)
                pygame.draw.circle(surface, pal.panel_edge, rect.center, 3)
    if m.playing and not playhead_on_top:
        draw_playhead(view, surface, p)


def draw_playhead(view, surface, p) -> None:
    """The playing column's frame and arrow: drawn with the board, or over its cached layer
    while the tune plays (then the layer need not be drawn again at every beat)."""
    m, pal = view.m, p.palette
    if not m.playing:
        return
    top = view.cell_rects[f"{m.items[0].id}:{m.playhead}"]
    bottom = view.cell_rects[f"{m.items[-1].id}:{m.playhead}"]
    col = top.union(bottom).inflate(6, 6)
    pygame.draw.rect(surface, pal.focus, col, 4, border_radius=10)
    pygame.draw.polygon(
        surface,
        pal.ink,
        [
            (col.centerx - 8, col.y - 12),
            (col.centerx + 8, col.y - 12),
            (col.centerx, col.y - 2),
        ],
    )


def _fader(view, surface, p, item) -> None:
    """A track's fader (``design_fader``): its level as a bar and a number."""
    if view.m.levels:
        view.faders.draw(surface, p, item)


def draw_room(view, surface, p) -> None:
    m, pal, c = view.m, p.palette, view.canvas
    walls, floor_opt, light = m.option("walls"), m.option("floor"), m.option("light")
    wall_col = (
        (0, 0, 0) if pal.high_contrast else (p.colour(walls.colour) if walls else (214, 204, 190))
    )
    floor_col = (
        (0, 0, 0)
        if pal.high_contrast
        else (p.colour(floor_opt.colour) if floor_opt else (232, 224, 210))
    )
    p.panel(surface, c, fill=wall_col, radius=14, edge=pal.ink)
    floor = c.inflate(-40, -40)
    pygame.draw.rect(surface, floor_col, floor)
    if floor_opt and not pal.high_contrast:
        _pattern(surface, floor, floor_opt.pattern, floor_col)
    if light and not pal.high_contrast:
        glow = pygame.Surface(floor.size, pygame.SRCALPHA)
        glow.fill((*p.colour(light.colour), 55))
        surface.blit(glow, floor.topleft)
    pygame.draw.rect(surface, pal.ink, floor, 2)
    window = pygame.Rect(floor.centerx - 90, c.y + 8, 180, 20)
    pygame.draw.rect(
        surface, (180, 220, 250) if not pal.high_contrast else WHITE, window, border_radius=4
    )
    pygame.draw.rect(surface, pal.ink, window, 2, border_radius=4)
    door = pygame.Rect(floor.x + 40, floor.bottom - 2, 80, 22)
    pygame.draw.rect(surface, floor_col, door)
    pygame.draw.arc(surface, pal.ink, (door.x, door.y - 80, 160, 160), math.pi / 2, math.pi, 2)
    pygame.draw.line(surface, pal.ink, (door.x, door.bottom - 20), (door.x, door.y - 58), 2)
    grid_line = _shade(floor_col, 0.8) if not pal.high_contrast else (90, 90, 90)
    for cell, rect in view.cell_rects.items():
        item = view.cell_item(cell)
        if not item:
            pygame.draw.rect(surface, grid_line, rect, 1, border_radius=8)
            continue
        label = m.kit.pick(item.label)
        if not view.names_under:
            r = min(rect.w, rect.h) // 2 - 12
            p.shape(
                surface,
                item.shape,
                (rect.centerx, rect.centery - 9),
                r,
                p.colour(item.colour),
            )
        else:  # bigger text: the name wraps under the shape
            h = p.height(label, 14, rect.w - 12, bold=True)
            tag = pygame.Rect(rect.x + 2, rect.bottom - h - 6, rect.w - 4, h + 4)
            p.shape(
                surface,
                item.shape,
                (rect.centerx, (rect.y + tag.y) // 2),
                max(8, (tag.y - rect.y) // 2 - 6),
                p.colour(item.colour),
            )
            pygame.draw.rect(surface, pal.panel, tag, border_radius=6)
            p.text(
                surface,
                label,
                (rect.centerx, tag.y + 2),
                14,
                bold=True,
                align="center",
                width=rect.w - 12,
                box=rect,
            )
            continue
        img = p.font(14, True).render(label, True, pal.ink)
        if img.get_width() > rect.w - 6:
            img = pygame.transform.smoothscale_by(img, (rect.w - 6) / img.get_width())
        tag = img.get_rect(midbottom=(rect.centerx, rect.bottom - 1))
        pygame.draw.rect(surface, pal.panel, tag.inflate(8, 2), border_radius=6)
        surface.blit(img, tag)
