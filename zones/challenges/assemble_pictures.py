"""The workshop picture of the Doers' board, one function per mode: the bike's spots
(``bike``), the club's floor plan and its wiring (``circuit``), the wall with the shelf, Gran's
books and the cat (``wall``).

Called by ``assemble_draw.draw_static`` inside the view's cached layer; reads the view's rules
and rects, touches only the surface it is given.
"""

from __future__ import annotations

import math

import pygame

from zones import ui_layout
from zones.challenges import board_text

WHITE = (255, 255, 255)
WOOD = (205, 150, 92)
WOOD_EDGE = (120, 80, 40)


def _spot(view, surface, p, n: int, pos, ring_colour, fill, name: str = "", shape=None) -> None:
    """A round spot on the picture with its name on a pill under it; inside it either its
    number (the job sheet's) or ``shape`` (``(name, colour)``: what sits there)."""
    r = view.spot_rects and next(iter(view.spot_rects.values())).w // 2 or 30
    if name:  # the spot's name on a pill under it
        width = ui_layout.scaled(p, 150)
        h = ui_layout.text_h(p, name, width, 14, True)
        w = min(width, p.font(14, True).size(name)[0])
        pill = pygame.Rect(pos[0] - w // 2 - 6, pos[1] + r + 4, w + 12, h + 4)
        pill.clamp_ip(view.picture)
        pygame.draw.rect(
            surface,
            (255, 255, 255) if not p.palette.high_contrast else (0, 0, 0),
            pill,
            border_radius=8,
        )
        if p.palette.high_contrast:
            pygame.draw.rect(surface, WHITE, pill, 1, border_radius=8)
        p.text(
            surface,
            name,
            (pill.centerx, pill.y + 2),
            14,
            bold=True,
            align="center",
            width=w + 4,
            box=view.picture,
        )
    pygame.draw.circle(surface, fill, pos, r)
    pygame.draw.circle(surface, ring_colour, pos, r, 4)
    if shape is not None:
        p.shape(surface, shape[0], pos, r - 12, shape[1])
        return
    p.text(
        surface,
        str(n),
        (pos[0], pos[1] - p.line(18, True) // 2),
        18,
        colour=WHITE if fill != WHITE else (0, 0, 0),
        bold=True,
        align="center",
        width=2 * r,
        box=pygame.Rect(pos[0] - r, pos[1] - r, 2 * r, 2 * r),
    )


def bike(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    line = (120, 170, 220) if not pal.high_contrast else WHITE
    blue = (36, 74, 122) if not pal.high_contrast else (0, 0, 0)
    for slot in r.slots + [s for s in view.params.slots if s not in r.slots]:
        if slot.ring:
            pygame.draw.circle(
                surface, line, view.spot_pos(slot), int(slot.ring * view.picture.h), 10
            )
    for a, b in view.params.links:
        pa = view.spot_pos(next(s for s in view.params.slots if s.id == a))
        pb = view.spot_pos(next(s for s in view.params.slots if s.id == b))
        pygame.draw.line(surface, line, pa, pb, 8)
    for n, slot in enumerate(r.slots, start=1):
        sid, pos = slot.id, view.spot_pos(slot)
        part = r.fitted.get(sid)
        edge = pal.bad if sid in r.rattles else (pal.focus if sid == r.hint_slot else line)
        _spot(view, surface, p, n, pos, edge, WHITE if part else blue, view.kit.pick(slot.label))
        if part:
            info = r.parts[part]
            p.shape(surface, info.shape, pos, 17, p.colour(info.colour))
        if sid in r.examined and not part:
            p.icon(surface, "check", (pos[0] + 26, pos[1] - 26), 18, pal.focus)


def circuit(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    pic = view.picture
    if not pal.high_contrast:  # the club's floor plan: walls and a door gap
        pygame.draw.rect(surface, (30, 62, 104), pic, border_radius=8)
    pygame.draw.rect(
        surface, (150, 190, 230) if not pal.high_contrast else WHITE, pic, 6, border_radius=8
    )
    door = pygame.Rect(pic.centerx - 40, pic.bottom - 6, 80, 6)
    pygame.draw.rect(surface, (36, 74, 122) if not pal.high_contrast else (0, 0, 0), door)
    wire_col = (232, 160, 80) if not pal.high_contrast else WHITE
    for w in r.wires:
        a, b = sorted(w)
        pa, pb = view.spot_pos(r.by_id[a]), view.spot_pos(r.by_id[b])
        pygame.draw.line(surface, (90, 50, 20) if not pal.high_contrast else WHITE, pa, pb, 9)
        pygame.draw.line(surface, wire_col, pa, pb, 5)
    if r.hint_wire:
        a, b = sorted(r.hint_wire)
        pygame.draw.line(
            surface, pal.focus, view.spot_pos(r.by_id[a]), view.spot_pos(r.by_id[b]), 2
        )
    lit = r.lit()
    for n, slot in enumerate(r.slots, start=1):
        pos = view.spot_pos(slot)
        info = r.parts[slot.part]
        if slot.id in lit:
            pygame.draw.circle(
                surface, (255, 214, 102) if not pal.high_contrast else WHITE, pos, 48
            )
        edge = pal.focus if slot.id == r.held else (120, 170, 220)
        _spot(
            view,
            surface,
            p,
            n,
            pos,
            edge,
            (36, 74, 122) if not pal.high_contrast else (0, 0, 0),
            view.kit.pick(slot.label),
            (info.shape, p.colour(info.colour)),
        )
    if r.reading:
        pos = view.spot_pos(r.by_id[r.reading[0]])
        pygame.draw.line(
            surface, (220, 50, 50), (pos[0] - 44, pos[1] + 40), (pos[0] - 18, pos[1] + 14), 5
        )
        pygame.draw.line(
            surface, (30, 30, 30), (pos[0] - 40, pos[1] + 44), (pos[0] - 14, pos[1] + 18), 5
        )


def wall(view, surface, p) -> None:
    r, pal = view.rules, p.palette
    pic = view.picture
    wall = (230, 222, 205) if not pal.high_contrast else (0, 0, 0)
    pygame.draw.rect(surface, wall, pic, border_radius=10)
    pygame.draw.rect(surface, pal.panel_edge, pic, 2, border_radius=10)
    _books_and_cat(surface, p, pic, on_shelf=r.finished and r.succeeded)
    if r.phase == "cut":
        longest = max(p_.need for p_ in r.pieces)
        y = pic.y + 20
        for i, piece in enumerate(r.pieces):
            cut = r.cuts.get(piece.id)
            cm = cut or (piece.need if piece.id in r.measured else "?")
            text = view.kit.t("assemble.piece_cm", piece=view.kit.pick(piece.label), cm=cm)
            w = max(ui_layout.scaled(p, 200), int((pic.w - 60) * piece.need / max(longest, 1)))
            h = max(40, ui_layout.label_h(p, text, w - 24, 16, True) + 12)
            gap = pygame.Rect(pic.x + 30, y, min(w, pic.w - 60), h)
            y = gap.bottom + 10
            if cut:
                pygame.draw.rect(
                    surface, WOOD if not pal.high_contrast else (0, 0, 0), gap, border_radius=4
                )
                pygame.draw.rect(
                    surface, WOOD_EDGE if not pal.high_contrast else WHITE, gap, 2, border_radius=4
                )
                for k in range(gap.x + 30, gap.right - 10, 46):  # wood grain
                    pygame.draw.arc(surface, WOOD_EDGE, (k, gap.y + 6, 40, gap.h - 12), 0.3, 2.8, 1)
            else:
                board_text.dashed_rect(
                    surface, pal.ink if pal.high_contrast else (120, 110, 90), gap
                )
                if i == r.index:
                    pygame.draw.rect(surface, pal.focus, gap.inflate(6, 6), 3, border_radius=6)
            ui_layout.label(
                p,
                surface,
                text,
                (gap.x + 12, gap.centery),
                gap.w - 24,
                16,
                bold=True,
                box=gap,
                colour=WHITE if pal.high_contrast else pal.ink,
            )
        return
    angle = r.tilt * 2.0
    cx, cy = pic.center
    half = pic.w // 2 - 60
    dy = int(math.tan(math.radians(angle)) * half)
    left, right = (cx - half, cy - dy), (cx + half, cy + dy)
    pygame.draw.line(surface, WOOD if not pal.high_contrast else WHITE, left, right, 18)
    for end in (left, right):
        pygame.draw.line(surface, WOOD_EDGE, end, (end[0], pic.bottom - 20), 14)
    level = pygame.Rect(0, 0, 160, 26)
    level.center = (cx, cy - 34)
    pygame.draw.rect(
        surface, (46, 139, 87) if not pal.high_contrast else WHITE, level, border_radius=8
    )
    vial = level.inflate(-60, -10)
    pygame.draw.rect(
        surface, (220, 255, 200) if not pal.high_contrast else (0, 0, 0), vial, border_radius=6
    )
    pygame.draw.line(
        surface,
        pal.ink if not pal.high_contrast else WHITE,
        (vial.centerx - 8, vial.y),
        (vial.centerx - 8, vial.bottom),
        2,
    )
    pygame.draw.line(
        surface,
        pal.ink if not pal.high_contrast else WHITE,
        (vial.centerx + 8, vial.y),
        (vial.centerx + 8, vial.bottom),
        2,
    )
    shift = max(-vial.w // 2 + 6, min(vial.w // 2 - 6, -r.tilt * 6))
    pygame.draw.circle(
        surface,
        (255, 255, 255) if not pal.high_contrast else pal.focus,
        (vial.centerx + shift, vial.centery),
        5,
    )


BOOKS = [(190, 60, 60), (60, 110, 170), (230, 180, 60), (80, 150, 90), (140, 90, 160)]


def _books_and_cat(surface, p, pic: pygame.Rect, on_shelf: bool) -> None:
    """Gran's books stacked on the floor (on the shelf once it is up) and the cat watching."""
    pal = p.palette
    x = pic.x + 24
    base = pic.centery - 20 if on_shelf else pic.bottom - 10
    for k, colour in enumerate(BOOKS * 2):
        h = 30 + (k * 7) % 16
        book = pygame.Rect(x, base - h, 14, h)
        pygame.draw.rect(surface, colour if not pal.high_contrast else WHITE, book)
        pygame.draw.rect(surface, (40, 30, 30) if not pal.high_contrast else (0, 0, 0), book, 1)
        x += 16
    cat = (pic.right - 50, pic.bottom - 30)
    fur = (70, 60, 60) if not pal.high_contrast else WHITE
    pygame.draw.circle(surface, fur, cat, 18)
    pygame.draw.circle(surface, fur, (cat[0], cat[1] - 24), 12)
    for dx in (-9, 9):
        pygame.draw.polygon(
            surface,
            fur,
            [
                (cat[0] + dx - 5, cat[1] - 30),
                (cat[0] + dx + 5, cat[1] - 30),
                (cat[0] + dx, cat[1] - 42),
            ],
        )
    eye = (250, 220, 80) if not pal.high_contrast else (0, 0, 0)
    for dx in (-4, 4):
        pygame.draw.circle(surface, eye, (cat[0] + dx, cat[1] - 26), 2)
