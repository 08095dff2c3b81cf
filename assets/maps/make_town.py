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

The generator has four parts: ``town_spec.py`` (sizes, places, looks), ``town_tiles_art.py``
(the tileset), ``town_people_art.py`` (the people sheet) and this file (the layout and the
Tiled XML). This script is authoring, like a level designer's hand: it may know the districts' ids
and which look each gets (``STYLE``). The game reads only what the map and ``zones/`` say.
"""

from __future__ import annotations

import json
import math
import os
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent))  # the generator's other parts

import pygame  # noqa: E402
from town_people_art import ACTIONS, build_people  # noqa: E402,F401  (ACTIONS: the engine reads the same)
from town_spec import (  # noqa: E402
    COLS,
    HERE,
    LANDMARKS,
    LH,
    LOOKS,
    LW,
    QH,
    QUARTERS,
    QW,
    STYLE,
    ZONES,
    H,
    T,
    W,
)
from town_tiles_art import Sheet, build_tiles  # noqa: E402


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
        self.objects.append(
            {"type": kind, "name": name, "x": x, "y": y, "w": w, "h": h, "props": props}
        )

    def solid_grid(self):
        solid = {self.sheet.gid[n] for n in self.sheet.solid}
        return [
            [
                1 if (self.build[y][x] in solid or self.ground[y][x] in solid) else 0
                for x in range(W)
            ]
            for y in range(H)
        ]


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
            if (
                town.ground[y][x] == town.sheet.gid["grass"]
                or town.ground[y][x] == town.sheet.gid["grass2"]
            ):
                pass
    # the park and its square in the middle band (y 20..33, x 27..48)
    town.fill(27, 21, 22, 12, "grass")
    for x, y in (
        (28, 22),
        (29, 31),
        (46, 22),
        (47, 31),
        (31, 23),
        (44, 29),
        (28, 29),
        (47, 24),
        (30, 22),
        (45, 32),
        (28, 32),
        (35, 32),
        (47, 29),
        (32, 31),
    ):
        town.b(x, y, "tree")
    for x, y in ((29, 23), (30, 29), (45, 23), (46, 30), (34, 31), (41, 22), (35, 22), (43, 32)):
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
        quarter(
            town,
            did,
            STYLE[did],
            qx,
            qy,
            top=i < 3,
            district=districts[did],
            people=[p for p in people if p["district"] == did],
        )
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
    spots = [
        (x0 + 3, yard_top + 1),
        (x0 + 9 if top else x0 + 13, yard_top + 3),
        (x0 + 16, yard_top + 1),
        (x0 + 4, yard_top + 5),
        (x0 + 17, yard_top + 5),
        (x0 + 12, yard_top + 6),
    ]
    for i, (px, py) in enumerate(spots):
        if town.build[py][px] == 0 and px not in (gx, gx + 1) and (px, py) != (board_x, board_y):
            town.b(px, py, f"{look}.{props[i % 3]}")
    # people stand beside the props they work at
    stands = [
        (x0 + 4, yard_top + 2),
        (x0 + 10 if top else x0 + 14, yard_top + 4),
        (x0 + 17, yard_top + 2),
        (x0 + 6, yard_top + 6),
        (x0 + 15, yard_top + 6),
    ]
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

    tiles = "".join(
        f'  <tile id="{gid - 1}"><properties><property name="solid" type="bool" value="true"/>'
        f"</properties></tile>\n"
        for name, gid in sheet.gid.items()
        if name in sheet.solid
    )
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<map version="1.10" tiledversion="1.10.2" orientation="orthogonal" '
        'renderorder="right-down" '
        f'width="{W}" height="{H}" tilewidth="{T}" tileheight="{T}" infinite="0" nextlayerid="5" '
        f'nextobjectid="{len(town.objects) + 1}">',
        f' <tileset firstgid="1" name="town_tiles" tilewidth="{T}" tileheight="{T}" '
        f'tilecount="{rows * COLS}" columns="{COLS}">',
        f'  <image source="town_tiles.png" width="{COLS * T}" height="{rows * T}"/>',
        tiles.rstrip("\n"),
        " </tileset>",
        f' <layer id="1" name="ground" width="{W}" height="{H}"><data encoding="csv">',
        csv(town.ground),
        "</data></layer>",
        f' <layer id="2" name="buildings" width="{W}" height="{H}"><data encoding="csv">',
        csv(town.build),
        "</data></layer>",
        f' <layer id="3" name="collision" width="{W}" height="{H}" visible="0"><data '
        'encoding="csv">',
        csv([[block if v else 0 for v in row] for row in collision]),
        "</data></layer>",
        ' <objectgroup id="4" name="things">',
    ]
    for i, o in enumerate(town.objects, start=1):
        props = "".join(
            f'<property name="{k}" value={quoteattr(str(v))}/>' for k, v in o["props"].items()
        )
        inner = f"<properties>{props}</properties>" if props else ""
        out.append(
            f'  <object id="{i}" name="{o["name"]}" type="{o["type"]}" x="{o["x"]}" y="{o["y"]}" '
            f'width="{o["w"]}" height="{o["h"]}">{inner}</object>'
        )
    out += [" </objectgroup>", "</map>", ""]
    return "\n".join(out)


def main() -> None:
    pygame.init()
    districts = {
        d["id"]: d for d in json.loads((ZONES / "districts.json").read_text(encoding="utf-8"))
    }
    people = json.loads((ZONES / "people.json").read_text(encoding="utf-8"))
    sheet = build_tiles()
    town = Town(sheet)
    lay_out(town, districts, people)
    pygame.image.save(sheet.image(), str(HERE / "town_tiles.png"))
    pygame.image.save(build_people(), str(HERE / "town_people.png"))
    (HERE / "town.tmx").write_text(tmx_text(town), encoding="utf-8")
    print(
        f"wrote town.tmx ({W}x{H} tiles, {len(town.objects)} objects), town_tiles.png "
        f"({len(sheet.surfaces)} tiles), town_people.png"
    )


if __name__ == "__main__":
    main()
