"""The design's payoff: the client's face, the crowd, the poster coming off the printer.

Called by :class:`zones.challenges.design_draw.DesignView` while it draws (inside the
board's cached layer; the view's ``payoff`` runs 0 → 1 over :data:`SECONDS` after Finish,
and is 1 at once with reduced motion, so the end state shows without movement). A few
dozen draw calls at most. Touches only the surface it is given.
"""

from __future__ import annotations

import math

import pygame

SECONDS = 1.5
WHITE = (255, 255, 255)
CROWD = [
    (239, 71, 111),
    (255, 209, 102),
    (6, 214, 160),
    (58, 134, 255),
    (141, 153, 174),
    (247, 140, 107),
]


def face(surface: pygame.Surface, p, centre, r: int, mood: float) -> None:
    """A round face whose mouth curves with ``mood`` (0 glum, 1 delighted): the client's
    reaction."""
    pal = p.palette
    x, y = int(centre[0]), int(centre[1])
    fill = (255, 214, 102) if not pal.high_contrast else (0, 0, 0)
    pygame.draw.circle(surface, fill, (x, y), r)
    pygame.draw.circle(surface, pal.ink if not pal.high_contrast else WHITE, (x, y), r, 2)
    ink = (34, 34, 59) if not pal.high_contrast else WHITE
    for dx in (-r // 3, r // 3):
        pygame.draw.circle(surface, ink, (x + dx, y - r // 4), max(2, r // 8))
    bend = (mood - 0.5) * 2  # -1 frown … +1 smile
    w, h = r, max(2, int(abs(bend) * r / 2))
    mouth = pygame.Rect(x - w // 2, y + r // 6 - (h if bend > 0 else 0), w, 2 * h)
    if abs(bend) < 0.15:
        pygame.draw.line(surface, ink, (x - w // 2, y + r // 3), (x + w // 2, y + r // 3), 2)
    elif bend > 0:
        pygame.draw.arc(surface, ink, mouth, math.pi, 2 * math.pi, 2)
    else:
        pygame.draw.arc(surface, ink, mouth.move(0, r // 3), 0, math.pi, 2)


def crowd(surface: pygame.Surface, p, rect: pygame.Rect, cheer: float, mood: float) -> None:
    """A row of fans along ``rect``'s bottom, arms up by ``cheer`` (0–1), hopping with it."""
    pal = p.palette
    n = max(4, min(9, rect.w // 70))
    r = 12
    for k in range(n):
        x = rect.x + 30 + k * (rect.w - 60) // max(1, n - 1)
        hop = int(8 * cheer * abs(math.sin(k * 1.7 + cheer * 6)))
        y = rect.bottom - 22 - hop
        colour = CROWD[k % len(CROWD)] if not pal.high_contrast else WHITE
        pygame.draw.circle(surface, colour, (x, y), r)
        up = int(14 * cheer * (0.5 + mood / 2))
        pygame.draw.line(surface, colour, (x - r, y + 4), (x - r - 6, y - up), 4)
        pygame.draw.line(surface, colour, (x + r, y + 4), (x + r + 6, y - up), 4)


def dance(view, surface: pygame.Surface, p) -> None:
    """The crowd dancing to the tune (a bob at every beat): drawn with the board, or over its
    cached layer while the tune plays (``DesignMechanic.draw``)."""
    m, c = view.m, view.canvas
    if m.mode != "tune" or not (m.playing or m.finished):
        return
    t = view.payoff_frame() / 20 if m.finished else 0.0
    beat = (m.playhead % 2) if m.playing else 1
    crowd(
        surface,
        p,
        pygame.Rect(c.x, c.bottom - 60, c.w, 60),
        max(t, 0.4 + 0.6 * beat),
        m.rules.mood(),
    )


def draw(view, surface: pygame.Surface, p, playhead_on_top: bool = False) -> None:
    """The payoff for the view's mode: the poster prints and the fans cheer, the crowd
    dances to the tune, the client beams at the room."""
    m = view.m
    c = view.canvas
    t = view.payoff_frame() / 20 if m.finished else 0.0  # the step the board's cache is keyed on
    mood = m.rules.mood()
    if not playhead_on_top:
        dance(view, surface, p)
    if not m.finished:
        return
    if m.mode == "poster":
        band = int(c.h * (1 - t))  # the sheet comes out of the printer, top first
        if band > 0:
            pygame.draw.rect(
                surface,
                (245, 245, 245) if not p.palette.high_contrast else (0, 0, 0),
                pygame.Rect(c.x, c.bottom - band, c.w, band),
            )
        pygame.draw.rect(
            surface, p.palette.ink, c, 4, border_radius=10
        )  # inside the board: its cache
        crowd(surface, p, pygame.Rect(c.x, c.bottom - 40, c.w, 40), t, mood)
    elif m.mode == "room":
        r = max(18, int(36 * (0.6 + 0.4 * t)))
        face(surface, p, (c.right - r - 14, c.y + r + 14), r, mood)
