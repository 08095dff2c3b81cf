"""The people sheet, drawn: the avatar's four-direction walk cycle and each working person's
four-beat loop per action. Called by ``make_town.py``; pure drawing into a new surface."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
from town_spec import INK, SPRITE  # noqa: E402

SKIN = [(241, 194, 150), (198, 134, 90), (141, 85, 54), (255, 220, 180), (224, 172, 105)]
HAIR = [(60, 40, 30), (20, 20, 24), (200, 150, 60), (140, 60, 30), (90, 90, 100)]
SHIRT_KEY = (255, 0, 200)  # the avatar's shirt: recoloured to the player's colour
ACTIONS = ("hammer", "write", "stir", "pet", "paint", "strum", "talk", "carry", "type", "wave")


def person(surface, ox, oy, facing, step, skin, hair, shirt, trousers, action=None, beat=0):
    """One character frame (32x48) at (ox, oy). ``facing`` 0 down 1 left 2 right 3 up;
    ``step`` 0-3 the walk cycle; ``action`` a work loop with ``beat`` 0-3."""
    d = pygame.draw
    cx = ox + 16
    d.ellipse(surface, (0, 0, 0, 60), (ox + 6, oy + 42, 20, 6))
    swing = (0, 3, 0, -3)[step]
    bob = (0, -1, 0, -1)[step]
    y = oy + bob
    # legs
    d.rect(surface, trousers, (cx - 6, y + 32, 5, 10 + (swing if facing in (0, 3) else 0) // 2))
    d.rect(surface, trousers, (cx + 1, y + 32, 5, 10 - (swing if facing in (0, 3) else 0) // 2))
    if facing in (1, 2):
        d.rect(surface, trousers, (cx - 3 + swing, y + 32, 5, 10))
    d.rect(surface, INK, (cx - 6, y + 41, 5, 3))
    d.rect(surface, INK, (cx + 1, y + 41, 5, 3))
    # body
    d.rect(surface, shirt, (cx - 8, y + 18, 16, 16), border_radius=5)
    d.rect(surface, INK, (cx - 8, y + 18, 16, 16), 1, border_radius=5)
    # arms
    arm_l = arm_r = (0, 0)
    if action is None:
        arm_l, arm_r = (0, -swing), (0, swing)
    else:
        lift = (0, -5, -9, -5)[beat]
        arm_r = (2, lift)
        arm_l = (0, (0, 1, 0, 1)[beat])
    if facing != 2:
        d.rect(surface, shirt, (cx - 11, y + 19 + arm_l[1] // 2, 4, 12), border_radius=2)
        d.circle(surface, skin, (cx - 9, y + 31 + arm_l[1]), 2)
    if facing != 1:
        d.rect(
            surface, shirt, (cx + 7 + arm_r[0] // 2, y + 19 + arm_r[1] // 2, 4, 12), border_radius=2
        )
        d.circle(surface, skin, (cx + 9 + arm_r[0], y + 31 + arm_r[1]), 3)
    # head
    d.circle(surface, skin, (cx, y + 11), 8)
    if facing == 3:
        d.circle(surface, hair, (cx, y + 10), 8)
    else:
        d.rect(
            surface,
            hair,
            (cx - 8, y + 2, 16, 5),
            border_top_left_radius=6,
            border_top_right_radius=6,
        )
        eyes = {0: (-3, 3), 1: (-5, -1), 2: (1, 5)}[facing]
        for ex in eyes:
            d.rect(surface, INK, (cx + ex - 1, y + 11, 2, 3))
    d.circle(surface, INK, (cx, y + 11), 8, 1)
    if action is not None:
        tool(surface, action, cx + 9 + arm_r[0], y + 31 + arm_r[1], beat)


def tool(s, action, hx, hy, beat):
    d = pygame.draw
    if action == "hammer":
        d.line(s, (120, 80, 50), (hx, hy), (hx + 4, hy - 8), 3)
        d.rect(s, (130, 130, 140), (hx + 1, hy - 12, 8, 4))
    elif action == "write":
        d.rect(s, (250, 250, 250), (hx - 12, hy - 6, 10, 12))
        d.line(s, INK, (hx - 1, hy), (hx + 3, hy - 5), 2)
    elif action == "stir":
        d.rect(s, (200, 240, 250), (hx - 2, hy - 2, 8, 9))
        d.rect(s, (80, 200, 120), (hx - 1, hy + 2, 6, 4))
        if beat % 2:
            d.circle(s, (200, 255, 220), (hx + 2, hy - 5), 2)
    elif action == "pet":
        d.ellipse(s, (190, 140, 90), (hx - 2, hy + 4, 14, 8))
        d.circle(s, (170, 120, 70), (hx + 11, hy + 4), 4)
        d.line(s, (170, 120, 70), (hx - 2, hy + 6), (hx - 6, hy + 1 + beat % 2 * 3), 2)
    elif action == "paint":
        d.line(s, (120, 80, 50), (hx, hy), (hx + 6, hy - 7), 2)
        d.circle(s, (240, 90, 120), (hx + 6, hy - 8), 2)
    elif action == "strum":
        d.ellipse(s, (200, 130, 60), (hx - 14, hy - 4, 12, 10))
        d.line(s, (120, 80, 50), (hx - 4, hy - 2), (hx + 8, hy - 10), 3)
        if beat % 2:
            d.circle(s, INK, (hx + 10, hy - 16), 2)
            d.line(s, INK, (hx + 12, hy - 16), (hx + 12, hy - 22), 1)
    elif action == "talk":
        if beat in (1, 2):
            d.circle(s, (255, 255, 255), (hx + 4, hy - 26), 4)
            d.circle(s, INK, (hx + 4, hy - 26), 4, 1)
    elif action == "carry":
        d.rect(s, (190, 140, 80), (hx - 14, hy - 10 + beat % 2, 14, 10))
        d.rect(s, INK, (hx - 14, hy - 10 + beat % 2, 14, 10), 1)
    elif action == "type":
        d.rect(s, (60, 64, 80), (hx - 14, hy - 2, 16, 9))
        d.rect(s, (140, 220, 255), (hx - 12, hy - 1, 12, 5))
    elif action == "wave":
        pass


def build_people() -> pygame.Surface:
    """Rows 0-3: the avatar walking down/left/right/up (4 frames, shirt in SHIRT_KEY).
    Rows 4+: one row per work loop (ACTIONS order), 4 beats, then 4 looks x 4 beats per
    row as columns 4-19 would be too wide: each row holds 4 beats for 5 looks (20 columns)."""
    looks = [
        (SKIN[i % 5], HAIR[(i * 2) % 5], shirt, trousers)
        for i, (shirt, trousers) in enumerate(
            [
                ((70, 130, 200), (50, 50, 70)),
                ((230, 120, 60), (60, 60, 80)),
                ((90, 170, 100), (70, 60, 50)),
                ((200, 80, 130), (40, 50, 90)),
                ((240, 200, 70), (80, 70, 60)),
            ]
        )
    ]
    sw, sh = SPRITE
    out = pygame.Surface((20 * sw, (4 + len(ACTIONS)) * sh), pygame.SRCALPHA)
    for facing in range(4):
        for step in range(4):
            person(
                out, step * sw, facing * sh, facing, step, SKIN[0], HAIR[0], SHIRT_KEY, (50, 60, 90)
            )
    for row, action in enumerate(ACTIONS):
        for li, (skin, hair, shirt, trousers) in enumerate(looks):
            for beat in range(4):
                person(
                    out,
                    (li * 4 + beat) * sw,
                    (4 + row) * sh,
                    0,
                    0,
                    skin,
                    hair,
                    shirt,
                    trousers,
                    action=action,
                    beat=beat,
                )
    return out
