"""The town's tileset, drawn: ground, roads, water, trees, walls, roofs, the quarters' props,
the notice boards, lamps and the four landmarks' pictures. Called by ``make_town.py``;
pure drawing into new surfaces."""

from __future__ import annotations

import json
import math
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402
from town_spec import COLS, INK, LANDMARKS, LH, LOOKS, LW, ZONES, T  # noqa: E402


# -- tiles ------------------------------------------------------------------------------
class Sheet:
    """The tileset being drawn: name -> 1-based gid (Tiled's first gid is 1)."""

    def __init__(self) -> None:
        self.surfaces: list[pygame.Surface] = []
        self.gid: dict[str, int] = {}
        self.solid: set[str] = set()

    def add(self, name: str, surface: pygame.Surface, solid: bool = False) -> None:
        self.surfaces.append(surface)
        self.gid[name] = len(self.surfaces)
        if solid:
            self.solid.add(name)

    def image(self) -> pygame.Surface:
        rows = math.ceil(len(self.surfaces) / COLS)
        out = pygame.Surface((COLS * T, rows * T), pygame.SRCALPHA)
        for i, s in enumerate(self.surfaces):
            out.blit(s, ((i % COLS) * T, (i // COLS) * T))
        return out


def tile(colour=None) -> pygame.Surface:
    s = pygame.Surface((T, T), pygame.SRCALPHA)
    if colour is not None:
        s.fill(colour)
    return s


def shade(c, f):
    if f >= 1:
        return tuple(min(255, int(v + (255 - v) * (f - 1))) for v in c)
    return tuple(max(0, int(v * f)) for v in c)


def speckle(s, colour, n, seed):
    r = seed
    for _ in range(n):
        r = (r * 1103515245 + 12345) & 0x7FFFFFFF
        x, y = r % T, (r >> 8) % T
        s.fill(colour, (x, y, 2, 2))


def grass(seed=1, flowers=False):
    s = tile((120, 190, 100))
    speckle(s, (104, 172, 88), 26, seed)
    speckle(s, (140, 206, 118), 14, seed + 7)
    if flowers:
        for i, c in enumerate(((250, 250, 250), (255, 210, 60), (240, 120, 160))):
            x, y = 6 + i * 9, 8 + (i * 11) % 18
            pygame.draw.circle(s, c, (x, y), 3)
            pygame.draw.circle(s, (250, 220, 80), (x, y), 1)
    return s


def paving(colour, seed=3, joints=True):
    s = tile(colour)
    speckle(s, shade(colour, 0.92), 18, seed)
    if joints:
        pygame.draw.line(s, shade(colour, 0.85), (0, T - 1), (T, T - 1))
        pygame.draw.line(s, shade(colour, 0.85), (T - 1, 0), (T - 1, T))
    return s


def road(line=None):
    s = tile((84, 88, 98))
    speckle(s, (92, 96, 108), 20, 5)
    if line == "h":
        s.fill((245, 240, 220), (4, T // 2 - 2, 14, 4))
    elif line == "v":
        s.fill((245, 240, 220), (T // 2 - 2, 4, 4, 14))
    elif line == "zebra":
        for x in range(2, T, 8):
            s.fill((245, 245, 245), (x, 2, 4, T - 4))
    return s


def water(edge=False):
    s = tile((70, 150, 210))
    for y in (8, 20):
        pygame.draw.arc(s, (150, 200, 240), (4, y, 12, 6), 0, math.pi, 2)
        pygame.draw.arc(s, (150, 200, 240), (18, y + 4, 10, 6), 0, math.pi, 2)
    return s


def tree(base):
    s = base.copy()
    pygame.draw.ellipse(s, (60, 90, 60, 120), (5, 22, 24, 9))
    s.fill((110, 76, 48), (14, 18, 5, 10))
    pygame.draw.circle(s, (46, 126, 70), (16, 13), 12)
    pygame.draw.circle(s, (70, 156, 86), (13, 10), 7)
    pygame.draw.circle(s, INK, (16, 13), 12, 1)
    return s


def hedge(base):
    s = base.copy()
    pygame.draw.rect(s, (50, 130, 70), (1, 6, 30, 24), border_radius=8)
    pygame.draw.rect(s, (80, 160, 90), (4, 8, 24, 8), border_radius=5)
    pygame.draw.rect(s, INK, (1, 6, 30, 24), 1, border_radius=8)
    return s


def fence(base, colour=(235, 235, 235), vertical=False):
    s = base.copy()
    if vertical:
        s.fill(shade(colour, 0.8), (13, 0, 6, T))
        for y in (4, 20):
            s.fill(colour, (10, y, 12, 5))
    else:
        s.fill(shade(colour, 0.8), (0, 12, T, 4))
        s.fill(shade(colour, 0.8), (0, 22, T, 4))
        for x in (3, 19):
            s.fill(colour, (x, 6, 6, 24))
            pygame.draw.rect(s, INK, (x, 6, 6, 24), 1)
    return s


def roof(colour, ridge=False):
    s = tile(colour)
    for y in range(0, T, 8):
        pygame.draw.line(s, shade(colour, 0.85), (0, y), (T, y), 2)
    if ridge:
        s.fill(shade(colour, 0.7), (0, 0, T, 5))
    return s


def wall(colour, kind, trim):
    s = tile(colour)
    s.fill(shade(colour, 0.8), (0, 0, T, 4))
    if kind == "window":
        pygame.draw.rect(s, (180, 220, 245), (6, 8, 20, 16))
        pygame.draw.line(s, (240, 250, 255), (9, 21), (16, 10), 2)
        pygame.draw.rect(s, INK, (6, 8, 20, 16), 2)
        s.fill(trim, (4, 24, 24, 3))
    elif kind == "door":
        pygame.draw.rect(
            s, shade(trim, 0.6), (7, 6, 18, 26), border_top_left_radius=8, border_top_right_radius=8
        )
        pygame.draw.rect(
            s, INK, (7, 6, 18, 26), 2, border_top_left_radius=8, border_top_right_radius=8
        )
        pygame.draw.circle(s, (250, 220, 80), (21, 20), 2)
        s.fill((200, 200, 200), (5, T - 3, 22, 3))
    return s


def prop(name, base, trim):
    """A yard prop on the quarter's ground: what the place is for, at a glance."""
    s = base.copy()
    d = pygame.draw
    if name == "car_lift":
        d.rect(s, (230, 200, 40), (2, 24, 28, 5))
        d.rect(s, (200, 60, 60), (3, 8, 26, 13), border_radius=5)
        d.rect(s, (170, 210, 240), (8, 10, 16, 5))
        d.circle(s, INK, (9, 22), 4)
        d.circle(s, INK, (23, 22), 4)
    elif name == "tyres":
        for x, y in ((10, 20), (22, 20), (16, 10)):
            d.circle(s, (40, 40, 44), (x, y), 7)
            d.circle(s, (120, 120, 130), (x, y), 3)
    elif name == "workbench":
        d.rect(s, (150, 100, 60), (2, 12, 28, 8))
        d.rect(s, (110, 74, 44), (4, 20, 4, 10))
        d.rect(s, (110, 74, 44), (24, 20, 4, 10))
        d.rect(s, (160, 160, 170), (8, 6, 10, 6))
        d.line(s, (200, 60, 40), (20, 10), (27, 4), 3)
    elif name == "greenhouse":
        d.rect(s, (200, 240, 230), (3, 6, 26, 24))
        for x in (3, 11, 19, 27):
            d.line(s, (120, 160, 160), (x, 6), (x, 30))
        d.circle(s, (80, 170, 90), (10, 24), 4)
        d.circle(s, (80, 170, 90), (22, 24), 4)
        d.rect(s, INK, (3, 6, 26, 24), 1)
    elif name == "microscope_desk":
        d.rect(s, (240, 240, 245), (2, 14, 28, 8))
        d.rect(s, INK, (2, 14, 28, 8), 1)
        d.rect(s, (60, 60, 80), (8, 4, 4, 10))
        d.circle(s, (60, 60, 80), (10, 4), 3)
        d.rect(s, (80, 200, 210), (18, 8, 4, 6))
        d.rect(s, (240, 120, 160), (24, 9, 3, 5))
    elif name == "plant_pots":
        for x in (8, 20):
            d.rect(s, (190, 100, 60), (x - 5, 18, 10, 10))
            d.circle(s, (70, 160, 80), (x, 14), 6)
    elif name == "easel":
        d.line(s, (120, 80, 50), (8, 30), (16, 4), 3)
        d.line(s, (120, 80, 50), (24, 30), (16, 4), 3)
        d.rect(s, (255, 255, 255), (7, 6, 18, 14))
        d.circle(s, (240, 90, 120), (12, 12), 3)
        d.rect(s, (60, 140, 220), (16, 10, 6, 6))
        d.rect(s, INK, (7, 6, 18, 14), 1)
    elif name == "stage":
        d.rect(s, (120, 60, 110), (0, 8, 32, 22))
        d.rect(s, (250, 210, 80), (0, 8, 32, 3))
        d.circle(s, (255, 240, 150), (8, 4), 3)
        d.circle(s, (255, 240, 150), (24, 4), 3)
    elif name == "paint_splash":
        for (x, y), c in zip(
            ((9, 10), (22, 14), (13, 23), (25, 26)),
            ((240, 90, 120), (60, 140, 220), (250, 200, 60), (90, 200, 120)),
            strict=True,
        ):
            d.circle(s, c, (x, y), 5)
    elif name == "bench":
        d.rect(s, (150, 100, 60), (2, 12, 28, 6))
        d.rect(s, (150, 100, 60), (2, 20, 28, 4))
        d.rect(s, INK, (4, 24, 3, 6))
        d.rect(s, INK, (25, 24, 3, 6))
    elif name == "flower_bed":
        d.rect(s, (130, 90, 60), (2, 8, 28, 20), border_radius=4)
        for i in range(6):
            d.circle(
                s,
                ((250, 120, 160), (255, 210, 60), (255, 255, 255))[i % 3],
                (7 + i * 4, 14 + (i % 2) * 7),
                3,
            )
    elif name == "slide":
        d.line(s, (60, 130, 220), (6, 6), (26, 28), 6)
        d.rect(s, (230, 80, 60), (3, 4, 6, 22))
    elif name == "stall":
        d.rect(s, (160, 110, 70), (2, 14, 28, 14))
        for x in range(2, 30, 7):
            d.rect(s, (220, 60, 60) if x // 7 % 2 == 0 else (255, 255, 255), (x, 4, 7, 9))
        d.circle(s, (250, 160, 40), (10, 18), 3)
        d.circle(s, (120, 200, 70), (17, 18), 3)
        d.circle(s, (220, 50, 60), (24, 18), 3)
    elif name == "fruit_crate":
        d.rect(s, (170, 120, 70), (4, 12, 24, 16))
        for x in (9, 16, 23):
            d.circle(s, (250, 140, 40), (x, 12), 4)
    elif name == "awning":
        for x in range(0, 32, 8):
            d.rect(s, trim if x // 8 % 2 == 0 else (250, 250, 240), (x, 2, 8, 12))
        d.rect(s, (170, 120, 70), (4, 16, 24, 12))
    elif name == "bike_rack":
        for x in (8, 22):
            d.circle(s, INK, (x, 14), 6, 2)
            d.circle(s, INK, (x, 26), 0)
        d.line(s, (90, 200, 255), (8, 14), (22, 14), 3)
        d.line(s, (160, 160, 170), (2, 26), (30, 26), 3)
    elif name == "hedge_box":
        d.rect(s, (60, 140, 80), (4, 8, 24, 20), border_radius=3)
        d.rect(s, INK, (4, 8, 24, 20), 1, border_radius=3)
    elif name == "post_box":
        d.rect(
            s, (210, 40, 40), (10, 6, 12, 24), border_top_left_radius=6, border_top_right_radius=6
        )
        d.rect(s, INK, (13, 12, 6, 2))
    pygame.draw.rect(s, (0, 0, 0, 0), (0, 0, 0, 0))
    return s


def fountain(base, part):
    """One quarter (0-3: top-left, top-right, bottom-left, bottom-right) of a 2x2 fountain."""
    big = pygame.Surface((2 * T, 2 * T), pygame.SRCALPHA)
    for i in range(4):
        big.blit(base, ((i % 2) * T, (i // 2) * T))
    pygame.draw.circle(big, (190, 190, 200), (T, T), 30)
    pygame.draw.circle(big, INK, (T, T), 30, 2)
    pygame.draw.circle(big, (90, 170, 230), (T, T), 24)
    pygame.draw.circle(big, (200, 200, 210), (T, T), 7)
    for a in range(0, 360, 45):
        x, y = T + 14 * math.cos(math.radians(a)), T + 14 * math.sin(math.radians(a))
        pygame.draw.circle(big, (180, 225, 250), (x, y), 3)
    return big.subsurface(((part % 2) * T, (part // 2) * T, T, T)).copy()


def build_tiles() -> Sheet:
    sheet = Sheet()
    sheet.add("block", tile((255, 0, 255, 90)), solid=True)
    sheet.add("grass", grass(1))
    sheet.add("grass2", grass(9))
    sheet.add("flowers", grass(4, True))
    sheet.add("path", paving((226, 204, 160), 3))
    sheet.add("plaza", paving((214, 206, 190), 5))
    sheet.add("road", road())
    sheet.add("road_h", road("h"))
    sheet.add("road_v", road("v"))
    sheet.add("zebra", road("zebra"))
    sheet.add("water", water(), solid=True)
    sheet.add("tree", tree(grass(2)), solid=True)
    sheet.add("hedge", hedge(grass(3)), solid=True)
    sheet.add("fence", fence(grass(5)), solid=True)
    sheet.add("fence_v", fence(grass(6), vertical=True), solid=True)
    sheet.add("kerb", paving((190, 186, 180), 7))
    for look, spec in LOOKS.items():
        ground = paving(spec["ground"], 11)
        sheet.add(f"{look}.ground", ground)
        sheet.add(f"{look}.roof", roof(spec["roof"]), solid=True)
        sheet.add(f"{look}.ridge", roof(spec["roof"], True), solid=True)
        sheet.add(f"{look}.wall", wall(spec["wall"], "plain", spec["trim"]), solid=True)
        sheet.add(f"{look}.window", wall(spec["wall"], "window", spec["trim"]), solid=True)
        sheet.add(f"{look}.door", wall(spec["wall"], "door", spec["trim"]))
        for name in spec["props"]:
            sheet.add(f"{look}.{name}", prop(name, ground, spec["trim"]), solid=True)
        sheet.add(f"{look}.board", board(ground, spec["trim"]), solid=True)
    for lid in LANDMARKS:
        picture = landmark_picture(lid, landmark_colour(lid))
        for ty in range(LH):
            for tx in range(LW):
                cell = picture.subsurface((tx * T, ty * T, T, T)).copy()
                door = (tx, ty) == (LW // 2, LH - 1)
                sheet.add(f"lm.{lid}.{tx}.{ty}", cell, solid=not door)
    for i in range(4):
        sheet.add(f"fountain{i}", fountain(paving((214, 206, 190), 5), i), solid=True)
    sheet.add("lamp", lamp(paving((214, 206, 190), 5)), solid=True)
    sheet.add("park_bench", prop("bench", grass(8), (0, 0, 0)), solid=True)
    return sheet


def board(base, trim):
    s = base.copy()
    pygame.draw.rect(s, (120, 80, 50), (6, 18, 4, 14))
    pygame.draw.rect(s, (120, 80, 50), (22, 18, 4, 14))
    pygame.draw.rect(s, (250, 245, 230), (2, 2, 28, 18))
    pygame.draw.rect(s, trim, (2, 2, 28, 18), 3)
    for y in (7, 12):
        pygame.draw.line(s, INK, (7, y), (25, y), 2)
    return s


def lamp(base):
    s = base.copy()
    pygame.draw.rect(s, INK, (14, 8, 4, 22))
    pygame.draw.circle(s, (255, 230, 140), (16, 7), 6)
    pygame.draw.circle(s, INK, (16, 7), 6, 1)
    return s


def landmark_colour(lid: str):
    for lm in json.loads((ZONES / "landmarks.json").read_text(encoding="utf-8")):
        if lm["id"] == lid:
            v = lm["colour"].lstrip("#")
            return tuple(int(v[i : i + 2], 16) for i in (0, 2, 4))
    raise SystemExit(f"landmarks.json: no landmark {lid!r}")


def landmark_picture(lid: str, colour) -> pygame.Surface:
    """The four CMS landmarks, each a shape of its own (drawn on grass, LW x LH tiles)."""
    w, h = LW * T, LH * T
    s = pygame.Surface((w, h), pygame.SRCALPHA)
    for ty in range(LH):
        for tx in range(LW):
            s.blit(grass(20 + tx + ty), (tx * T, ty * T))
    d = pygame.draw
    dark, light = shade(colour, 0.6), shade(colour, 1.45)
    door = pygame.Rect(LW // 2 * T + 7, h - 26, 18, 26)
    if lid == "mirror_pavilion":  # a glass pavilion under a dome
        body = pygame.Rect(16, 96, w - 32, h - 96)
        d.ellipse(s, shade(colour, 0.85), (28, 20, w - 56, 150))
        d.ellipse(s, INK, (28, 20, w - 56, 150), 3)
        for k in range(5):
            d.arc(s, light, (40 + k * 8, 30 + k * 6, w - 80 - k * 16, 130), 0.4, 2.7, 3)
        d.rect(s, (200, 225, 240), body)
        for x in range(body.x, body.right, 28):
            d.rect(s, (170, 205, 230), (x + 2, body.y + 6, 24, body.h - 12))
            d.line(s, (250, 255, 255), (x + 6, body.bottom - 14), (x + 20, body.y + 12), 3)
        d.rect(s, INK, body, 3)
        d.rect(s, colour, (body.x, body.y, body.w, 10))
    elif lid == "skills_board":  # a hall with a giant pin board of badges
        body = pygame.Rect(8, 40, w - 16, h - 40)
        d.polygon(s, dark, [(0, 48), (w // 2, 4), (w, 48)])
        d.polygon(s, INK, [(0, 48), (w // 2, 4), (w, 48)], 3)
        d.rect(s, shade(colour, 1.2), body)
        board = pygame.Rect(30, 64, w - 60, 100)
        d.rect(s, (196, 150, 96), board)
        d.rect(s, (120, 80, 50), board, 6)
        for i, c in enumerate(
            (
                (240, 90, 90),
                (90, 170, 240),
                (250, 210, 60),
                (110, 200, 120),
                (200, 120, 220),
                (250, 150, 60),
            )
        ):
            cx, cy = board.x + 26 + i * 34, board.y + 30 + (i % 2) * 34
            d.circle(s, c, (cx, cy), 13)
            d.circle(s, INK, (cx, cy), 13, 2)
            d.polygon(s, c, [(cx - 8, cy + 10), (cx - 2, cy + 26), (cx + 2, cy + 12)])
            d.polygon(s, c, [(cx + 8, cy + 10), (cx + 2, cy + 26), (cx - 2, cy + 12)])
        d.rect(s, INK, body, 3)
    elif lid == "horizons_tower":  # a tall tower with a beacon that sees far
        body = pygame.Rect(w // 2 - 56, 24, 112, h - 24)
        d.rect(s, shade(colour, 1.25), body)
        for y in range(body.y + 16, body.bottom - 40, 22):
            for x in range(body.x + 12, body.right - 12, 24):
                d.rect(s, (180, 220, 250), (x, y, 14, 12))
        d.rect(s, INK, body, 3)
        d.rect(s, dark, (body.x - 10, 14, body.w + 20, 14))
        d.circle(s, (255, 230, 120), (w // 2, 10), 9)
        d.circle(s, INK, (w // 2, 10), 9, 2)
        for x0 in (body.x - 40, body.right + 8):
            d.rect(s, shade(colour, 1.1), (x0, h - 90, 32, 90))
            d.rect(s, INK, (x0, h - 90, 32, 90), 2)
            d.rect(s, (180, 220, 250), (x0 + 8, h - 76, 16, 14))
    else:  # the café: awning, tables outside
        body = pygame.Rect(12, 40, w - 24, h - 40)
        d.rect(s, dark, (4, 26, w - 8, 22))
        d.rect(s, shade(colour, 1.3), body)
        for x in range(body.x, body.right, 24):
            d.rect(s, colour if (x // 24) % 2 == 0 else (250, 250, 240), (x, 96, 24, 28))
        d.rect(s, INK, (body.x, 96, body.w, 28), 2)
        for x in (body.x + 16, body.right - 76):
            d.rect(s, (190, 225, 245), (x, 136, 60, 44))
            d.rect(s, INK, (x, 136, 60, 44), 2)
        d.rect(s, INK, body, 3)
        for cx in (30, w - 30):
            d.circle(s, (240, 240, 235), (cx, h - 20), 11)
            d.circle(s, INK, (cx, h - 20), 11, 2)
            d.circle(s, (200, 120, 60), (cx, h - 22), 4)
    d.rect(s, shade(colour, 0.5), door, border_top_left_radius=8, border_top_right_radius=8)
    d.rect(s, INK, door, 2, border_top_left_radius=8, border_top_right_radius=8)
    d.circle(s, (250, 220, 80), (door.right - 5, door.centery + 2), 2)
    return s
