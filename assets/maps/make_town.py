"""Generate the walkable town: ``town.tmx`` (Tiled map), ``town_tiles.png`` (its tileset),
``town_people.png`` (avatar walk cycles and working people's loops).

Run by hand after changing the layout or the art, then commit the output:

    .venv/bin/python assets/maps/make_town.py

The map is ordinary Tiled XML (open it in the Tiled editor to edit by hand; rerunning this
script overwrites it). Layers: ``ground`` and ``buildings`` (drawn), ``collision`` (hidden:
any tile there blocks walking) and the object layer ``things`` whose objects carry the data
the game reads: ``spawn``, ``quarter`` (property ``district``), ``door`` (``challenge``,
``district`` for a quarter's notice board, or ``landmark``), ``person`` (``person``: an id of
``zones/data/people.json``), ``gate`` (``district``: closed off when the teacher closes it),
``sign`` (``district`` or ``landmark``: a name plate drawn by the game).

This script is authoring, like a level designer's hand: it may know the districts' ids and
which look each gets (``STYLE``). The game reads only what the map and ``zones/`` say.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path
from xml.sax.saxutils import quoteattr

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

HERE = Path(__file__).resolve().parent
ZONES = HERE.parent.parent / "zones" / "data"
T = 32                     # tile size in pixels
W, H = 76, 54              # map size in tiles
COLS = 16                  # tileset columns
SPRITE = (32, 48)          # character frame size

#: which look each district's quarter gets (authoring choice) and where it lies (top row
#: left to right, bottom row right to left: neighbours on Holland's hexagon are neighbours)
STYLE = {"workshop_yard": "yard", "discovery_lab": "lab", "studio_quarter": "studio",
         "community_hub": "centre", "market_square": "market", "city_office": "office"}
QUARTERS = [("workshop_yard", 3, 2), ("discovery_lab", 27, 2), ("studio_quarter", 51, 2),
            ("community_hub", 51, 37), ("market_square", 27, 37), ("city_office", 3, 37)]
QW, QH = 22, 15
LANDMARKS = {"mirror_pavilion": (4, 22), "skills_board": (15, 22), "horizons_tower": (53, 22),
             "network_cafe": (64, 22)}
LW, LH = 8, 7

#: per look: ground, wall, roof, trim, and three yard props (drawn by name below)
LOOKS = {
    "yard": {"ground": (168, 160, 150), "wall": (196, 110, 60), "roof": (120, 124, 132),
             "trim": (236, 170, 40), "props": ("car_lift", "tyres", "workbench")},
    "lab": {"ground": (226, 234, 238), "wall": (246, 248, 250), "roof": (70, 140, 200),
            "trim": (80, 200, 210), "props": ("greenhouse", "microscope_desk", "plant_pots")},
    "studio": {"ground": (236, 214, 196), "wall": (250, 200, 90), "roof": (170, 70, 150),
               "trim": (240, 90, 120), "props": ("easel", "stage", "paint_splash")},
    "centre": {"ground": (222, 200, 160), "wall": (200, 90, 80), "roof": (110, 70, 60),
               "trim": (250, 220, 120), "props": ("bench", "flower_bed", "slide")},
    "market": {"ground": (190, 170, 140), "wall": (240, 230, 210), "roof": (200, 60, 60),
               "trim": (40, 140, 90), "props": ("stall", "fruit_crate", "awning")},
    "office": {"ground": (200, 204, 210), "wall": (150, 170, 190), "roof": (60, 70, 90),
               "trim": (90, 200, 255), "props": ("bike_rack", "hedge_box", "post_box")},
}

INK = (40, 36, 56)


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
        pygame.draw.rect(s, shade(trim, 0.6), (7, 6, 18, 26), border_top_left_radius=8,
                         border_top_right_radius=8)
        pygame.draw.rect(s, INK, (7, 6, 18, 26), 2, border_top_left_radius=8, border_top_right_radius=8)
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
        for (x, y), c in zip(((9, 10), (22, 14), (13, 23), (25, 26)),
                             ((240, 90, 120), (60, 140, 220), (250, 200, 60), (90, 200, 120)), strict=True):
            d.circle(s, c, (x, y), 5)
    elif name == "bench":
        d.rect(s, (150, 100, 60), (2, 12, 28, 6))
        d.rect(s, (150, 100, 60), (2, 20, 28, 4))
        d.rect(s, INK, (4, 24, 3, 6))
        d.rect(s, INK, (25, 24, 3, 6))
    elif name == "flower_bed":
        d.rect(s, (130, 90, 60), (2, 8, 28, 20), border_radius=4)
        for i in range(6):
            d.circle(s, ((250, 120, 160), (255, 210, 60), (255, 255, 255))[i % 3], (7 + i * 4, 14 + (i % 2) * 7), 3)
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
        d.rect(s, (210, 40, 40), (10, 6, 12, 24), border_top_left_radius=6, border_top_right_radius=6)
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
            return tuple(int(v[i:i + 2], 16) for i in (0, 2, 4))
    raise SystemExit(f"landmarks.json: no landmark {lid!r}")


# -- people -----------------------------------------------------------------------------
SKIN = [(241, 194, 150), (198, 134, 90), (141, 85, 54), (255, 220, 180), (224, 172, 105)]
HAIR = [(60, 40, 30), (20, 20, 24), (200, 150, 60), (140, 60, 30), (90, 90, 100)]
SHIRT_KEY = (255, 0, 200)          # the avatar's shirt: recoloured to the player's colour
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
        d.rect(surface, shirt, (cx + 7 + arm_r[0] // 2, y + 19 + arm_r[1] // 2, 4, 12), border_radius=2)
        d.circle(surface, skin, (cx + 9 + arm_r[0], y + 31 + arm_r[1]), 3)
    # head
    d.circle(surface, skin, (cx, y + 11), 8)
    if facing == 3:
        d.circle(surface, hair, (cx, y + 10), 8)
    else:
        d.rect(surface, hair, (cx - 8, y + 2, 16, 5), border_top_left_radius=6, border_top_right_radius=6)
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
    looks = [(SKIN[i % 5], HAIR[(i * 2) % 5], shirt, trousers) for i, (shirt, trousers) in enumerate(
        [((70, 130, 200), (50, 50, 70)), ((230, 120, 60), (60, 60, 80)), ((90, 170, 100), (70, 60, 50)),
         ((200, 80, 130), (40, 50, 90)), ((240, 200, 70), (80, 70, 60))])]
    sw, sh = SPRITE
    out = pygame.Surface((20 * sw, (4 + len(ACTIONS)) * sh), pygame.SRCALPHA)
    for facing in range(4):
        for step in range(4):
            person(out, step * sw, facing * sh, facing, step, SKIN[0], HAIR[0], SHIRT_KEY, (50, 60, 90))
    for row, action in enumerate(ACTIONS):
        for li, (skin, hair, shirt, trousers) in enumerate(looks):
            for beat in range(4):
                person(out, (li * 4 + beat) * sw, (4 + row) * sh, 0, 0, skin, hair, shirt, trousers,
                       action=action, beat=beat)
    return out


# -- the map ----------------------------------------------------------------------------
class Town:
    def __init__(self, sheet: Sheet) -> None:
        self.sheet = sheet
        self.ground = [[sheet.gid["grass"]] * W for _ in range(H)]
        self.build = [[0] * W for _ in range(H)]
        self.objects: list[dict] = []

    def g(self, x, y, name):
        self.ground[y][x] = self.sheet.gid[name]

    def b(self, x, y, name):
        self.build[y][x] = self.sheet.gid[name]

    def fill(self, x0, y0, w, h, name, layer="g"):
        for y in range(y0, y0 + h):
            for x in range(x0, x0 + w):
                (self.g if layer == "g" else self.b)(x, y, name)

    def obj(self, kind, name, x, y, w=T, h=T, **props):
        self.objects.append({"type": kind, "name": name, "x": x, "y": y, "w": w, "h": h, "props": props})

    def solid_grid(self):
        solid = {self.sheet.gid[n] for n in self.sheet.solid}
        return [[1 if (self.build[y][x] in solid or self.ground[y][x] in solid) else 0 for x in range(W)]
                for y in range(H)]


def lay_out(town: Town, districts: dict, people: list[dict]) -> None:
    # grass with a little variety; tree border
    for y in range(H):
        for x in range(W):
            if (x * 7 + y * 13) % 11 == 0:
                town.g(x, y, "grass2")
    for x in range(W):
        for y in (0, 1, H - 2, H - 1):
            town.b(x, y, "tree")
    for y in range(H):
        for x in (0, 1, W - 2, W - 1):
            town.b(x, y, "tree")
    # roads: two avenues across, two streets down
    for y0 in (17, 34):
        town.fill(2, y0, W - 4, 3, "road")
        for x in range(2, W - 2):
            town.g(x, y0 + 1, "road_h")
    for x0 in (25, 49):
        town.fill(x0, 2, 2, H - 4, "road")
    for x0 in (25, 49):
        for y0 in (17, 34):
            town.fill(x0, y0, 2, 3, "road")
    # crossings in front of every quarter gate, kerbs along the avenues
    for x in range(2, W - 2):
        for y in (16, 20, 33, 37):
            if town.ground[y][x] == town.sheet.gid["grass"] or town.ground[y][x] == town.sheet.gid["grass2"]:
                pass
    # the park and its square in the middle band (y 20..33, x 27..48)
    town.fill(27, 21, 22, 12, "grass")
    for (x, y) in ((28, 22), (29, 31), (46, 22), (47, 31), (31, 23), (44, 29), (28, 29), (47, 24),
                   (30, 22), (45, 32), (28, 32), (35, 32), (47, 29), (32, 31)):
        town.b(x, y, "tree")
    for (x, y) in ((29, 23), (30, 29), (45, 23), (46, 30), (34, 31), (41, 22), (35, 22), (43, 32)):
        town.g(x, y, "flowers")
    for x in range(30, 46):
        if x not in (37, 38):
            town.g(x, 21, "flowers") if x % 3 else None
    town.fill(27, 26, 22, 2, "path")
    town.fill(37, 20, 2, 14, "path")
    town.fill(33, 24, 10, 6, "plaza")
    for i in range(4):
        town.b(37 + i % 2, 26 + i // 2, f"fountain{i}")
    for x, y in ((33, 24), (42, 24), (33, 29), (42, 29)):
        town.b(x, y, "lamp")
    town.fill(40, 30, 5, 2, "water", "b")
    town.fill(30, 30, 2, 1, "park_bench", "b")
    town.b(44, 23, "park_bench")
    town.obj("spawn", "spawn", 36 * T, 28 * T)
    town.obj("area", "park", 27 * T, 20 * T, 22 * T, 14 * T, area="park")
    # side paths from the park to the landmarks' plazas
    town.fill(2, 20, 23, 14, "grass")
    town.fill(51, 20, 23, 14, "grass")
    town.fill(3, 30, 21, 2, "path")
    town.fill(52, 30, 21, 2, "path")
    town.fill(3, 20, 21, 1, "kerb")
    town.fill(52, 20, 21, 1, "kerb")
    town.fill(3, 33, 21, 1, "kerb")
    town.fill(52, 33, 21, 1, "kerb")
    for lid, (lx, ly) in LANDMARKS.items():
        landmark(town, lid, lx, ly)
    for i, (did, qx, qy) in enumerate(QUARTERS):
        quarter(town, did, STYLE[did], qx, qy, top=i < 3, district=districts[did],
                people=[p for p in people if p["district"] == did])
    # zebra crossings where the park's path meets the avenues
    for y in (17, 18, 19, 34, 35, 36):
        town.g(37, y, "zebra")
        town.g(38, y, "zebra")


def building(town: Town, x0, y0, w, h, look, door_x):
    """Roof rows then a front wall with windows and one door (returns the door tile)."""
    town.fill(x0, y0, w, 1, f"{look}.ridge", "b")
    town.fill(x0, y0 + 1, w, h - 2, f"{look}.roof", "b")
    for x in range(x0, x0 + w):
        town.b(x, y0 + h - 1, f"{look}.window" if (x - x0) % 2 == 0 else f"{look}.wall")
    town.b(door_x, y0 + h - 1, f"{look}.door")
    return door_x, y0 + h - 1


def landmark(town: Town, lid, x0, y0):
    """A landmark: one picture cut into tiles, its door at the bottom middle."""
    town.fill(x0 - 1, y0 + LH, LW + 2, 1, "plaza")
    for ty in range(LH):
        for tx in range(LW):
            town.b(x0 + tx, y0 + ty, f"lm.{lid}.{tx}.{ty}")
    dx, dy = x0 + LW // 2, y0 + LH - 1
    town.obj("door", f"door_{lid}", dx * T, dy * T, landmark=lid)
    town.obj("sign", f"sign_{lid}", x0 * T, (y0 + LH - 3) * T, LW * T, T, landmark=lid)
    town.g(dx, dy + 1, "plaza")
    for y in range(dy + 1, 30):
        town.g(dx, y, "path")


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
    if lid == "mirror_pavilion":          # a glass pavilion under a dome
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
    elif lid == "skills_board":            # a hall with a giant pin board of badges
        body = pygame.Rect(8, 40, w - 16, h - 40)
        d.polygon(s, dark, [(0, 48), (w // 2, 4), (w, 48)])
        d.polygon(s, INK, [(0, 48), (w // 2, 4), (w, 48)], 3)
        d.rect(s, shade(colour, 1.2), body)
        board = pygame.Rect(30, 64, w - 60, 100)
        d.rect(s, (196, 150, 96), board)
        d.rect(s, (120, 80, 50), board, 6)
        for i, c in enumerate(((240, 90, 90), (90, 170, 240), (250, 210, 60), (110, 200, 120), (200, 120, 220),
                               (250, 150, 60))):
            cx, cy = board.x + 26 + i * 34, board.y + 30 + (i % 2) * 34
            d.circle(s, c, (cx, cy), 13)
            d.circle(s, INK, (cx, cy), 13, 2)
            d.polygon(s, c, [(cx - 8, cy + 10), (cx - 2, cy + 26), (cx + 2, cy + 12)])
            d.polygon(s, c, [(cx + 8, cy + 10), (cx + 2, cy + 26), (cx - 2, cy + 12)])
        d.rect(s, INK, body, 3)
    elif lid == "horizons_tower":          # a tall tower with a beacon that sees far
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
    else:                                   # the café: awning, tables outside
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


def quarter(town: Town, did, look, x0, y0, *, top, district, people):
    """A fenced quarter: three workplaces (one door per challenge), a notice board by
    the gate, props in the yard, its working people."""
    ground = f"{look}.ground"
    town.fill(x0, y0, QW, QH, ground)
    for x in range(x0, x0 + QW):
        town.b(x, y0, "hedge")
        town.b(x, y0 + QH - 1, "hedge")
    for y in range(y0, y0 + QH):
        town.b(x0, y, "hedge")
        town.b(x0 + QW - 1, y, "hedge")
    town.obj("quarter", f"quarter_{did}", x0 * T, y0 * T, QW * T, QH * T, district=did)
    # the gate: the south hedge for quarters above the avenue, the north hedge (through the
    # gap between two workplaces) for quarters below it
    if top:
        gx, gy, inside = x0 + QW // 2 - 1, y0 + QH - 1, -1
    else:
        gx, gy, inside = x0 + 6, y0, 1
    for x in (gx, gx + 1):
        town.build[gy][x] = 0
        town.g(x, gy, "path")
    town.obj("gate", f"gate_{did}", gx * T, gy * T, 2 * T, T, district=did)
    # workplaces at the back (north), doors facing the yard (south)
    by = y0 + 1
    for i, cid in enumerate(district["challenges"][:3]):
        bx = x0 + 1 + i * 7
        dx, dy = building(town, bx, by, 5, 4, look, bx + 2)
        town.obj("door", f"door_{cid}", dx * T, dy * T, challenge=cid)
        town.g(dx, dy + 1, "path")
        town.obj("sign", f"sign_{cid}", bx * T, (by + 1) * T, 5 * T, T, challenge=cid)
    yard_top = by + 5
    for y in range(min(gy, yard_top - 1), max(gy, y0 + QH - 2) + 1):
        for x in (gx, gx + 1):
            if town.build[y][x] == 0:
                town.g(x, y, "path")
    town.fill(x0 + 1, yard_top - 1, QW - 2, 1, "path")
    # the notice board beside the gate (the quarter's mentor and challenge cards)
    board_x = gx + 3 if top else x0 + 10
    board_y = gy + inside if top else yard_top
    town.b(board_x, board_y, f"{look}.board")
    town.obj("door", f"board_{did}", board_x * T, board_y * T, district=did)
    sign_y = (gy - 1) if top else (yard_top + 1)
    town.obj("sign", f"sign_{did}", (board_x - 3) * T, sign_y * T, 7 * T, T, district=did)
    # yard props, in rows, leaving room for people
    props = LOOKS[look]["props"]
    spots = [(x0 + 3, yard_top + 1), (x0 + 9 if top else x0 + 13, yard_top + 3), (x0 + 16, yard_top + 1),
             (x0 + 4, yard_top + 5), (x0 + 17, yard_top + 5), (x0 + 12, yard_top + 6)]
    for i, (px, py) in enumerate(spots):
        if town.build[py][px] == 0 and px not in (gx, gx + 1) and (px, py) != (board_x, board_y):
            town.b(px, py, f"{look}.{props[i % 3]}")
    # people stand beside the props they work at
    stands = [(x0 + 4, yard_top + 2), (x0 + 10 if top else x0 + 14, yard_top + 4), (x0 + 17, yard_top + 2),
              (x0 + 6, yard_top + 6), (x0 + 15, yard_top + 6)]
    for (px, py), p in zip(stands, people, strict=False):
        town.build[py][px] = 0
        town.obj("person", f"person_{p['id']}", px * T, py * T, person=p["id"])


def tmx_text(town: Town) -> str:
    sheet = town.sheet
    rows = math.ceil(len(sheet.surfaces) / COLS)
    collision = town.solid_grid()
    block = sheet.gid["block"]

    def csv(grid):
        return ",\n".join(",".join(str(v) for v in row) for row in grid)

    tiles = "".join(f'  <tile id="{gid - 1}"><properties><property name="solid" type="bool" value="true"/>'
                    f'</properties></tile>\n' for name, gid in sheet.gid.items() if name in sheet.solid)
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" renderorder="right-down" '
           f'width="{W}" height="{H}" tilewidth="{T}" tileheight="{T}" infinite="0" nextlayerid="5" '
           f'nextobjectid="{len(town.objects) + 1}">',
           f' <tileset firstgid="1" name="town_tiles" tilewidth="{T}" tileheight="{T}" '
           f'tilecount="{rows * COLS}" columns="{COLS}">',
           f'  <image source="town_tiles.png" width="{COLS * T}" height="{rows * T}"/>',
           tiles.rstrip("\n"),
           ' </tileset>',
           f' <layer id="1" name="ground" width="{W}" height="{H}"><data encoding="csv">',
           csv(town.ground), '</data></layer>',
           f' <layer id="2" name="buildings" width="{W}" height="{H}"><data encoding="csv">',
           csv(town.build), '</data></layer>',
           f' <layer id="3" name="collision" width="{W}" height="{H}" visible="0"><data encoding="csv">',
           csv([[block if v else 0 for v in row] for row in collision]), '</data></layer>',
           ' <objectgroup id="4" name="things">']
    for i, o in enumerate(town.objects, start=1):
        props = "".join(f'<property name="{k}" value={quoteattr(str(v))}/>' for k, v in o["props"].items())
        inner = f"<properties>{props}</properties>" if props else ""
        out.append(f'  <object id="{i}" name="{o["name"]}" type="{o["type"]}" x="{o["x"]}" y="{o["y"]}" '
                   f'width="{o["w"]}" height="{o["h"]}">{inner}</object>')
    out += [' </objectgroup>', '</map>', '']
    return "\n".join(out)


def main() -> None:
    pygame.init()
    districts = {d["id"]: d for d in json.loads((ZONES / "districts.json").read_text(encoding="utf-8"))}
    people = json.loads((ZONES / "people.json").read_text(encoding="utf-8"))
    sheet = build_tiles()
    town = Town(sheet)
    lay_out(town, districts, people)
    pygame.image.save(sheet.image(), str(HERE / "town_tiles.png"))
    pygame.image.save(build_people(), str(HERE / "town_people.png"))
    (HERE / "town.tmx").write_text(tmx_text(town), encoding="utf-8")
    print(f"wrote town.tmx ({W}x{H} tiles, {len(town.objects)} objects), town_tiles.png "
          f"({len(sheet.surfaces)} tiles), town_people.png")


if __name__ == "__main__":
    main()
