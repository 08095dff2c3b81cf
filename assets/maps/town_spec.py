"""What the generated town is: its size, the quarters' places and looks, the landmarks'
places, the colours every drawing shares. Read by the generator's three parts
(``make_town.py`` the map, ``town_tiles_art.py`` the tileset, ``town_people_art.py`` the
people); authoring, like a level designer's notes: it may name the districts."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
ZONES = HERE.parent.parent / "zones" / "data"
T = 32  # tile size in pixels
W, H = 76, 54  # map size in tiles
COLS = 16  # tileset columns
SPRITE = (32, 48)  # character frame size

#: which look each district's quarter gets (authoring choice) and where it lies (top row
#: left to right, bottom row right to left: neighbours on Holland's hexagon are neighbours)
STYLE = {
    "workshop_yard": "yard",
    "discovery_lab": "lab",
    "studio_quarter": "studio",
    "community_hub": "centre",
    "market_square": "market",
    "city_office": "office",
}
QUARTERS = [
    ("workshop_yard", 3, 2),
    ("discovery_lab", 27, 2),
    ("studio_quarter", 51, 2),
    ("community_hub", 51, 37),
    ("market_square", 27, 37),
    ("city_office", 3, 37),
]
QW, QH = 22, 15
LANDMARKS = {
    "mirror_pavilion": (4, 22),
    "skills_board": (15, 22),
    "horizons_tower": (53, 22),
    "network_cafe": (64, 22),
}
LW, LH = 8, 7

#: per look: ground, wall, roof, trim, and three yard props (drawn by name below)
LOOKS = {
    "yard": {
        "ground": (168, 160, 150),
        "wall": (196, 110, 60),
        "roof": (120, 124, 132),
        "trim": (236, 170, 40),
        "props": ("car_lift", "tyres", "workbench"),
    },
    "lab": {
        "ground": (226, 234, 238),
        "wall": (246, 248, 250),
        "roof": (70, 140, 200),
        "trim": (80, 200, 210),
        "props": ("greenhouse", "microscope_desk", "plant_pots"),
    },
    "studio": {
        "ground": (236, 214, 196),
        "wall": (250, 200, 90),
        "roof": (170, 70, 150),
        "trim": (240, 90, 120),
        "props": ("easel", "stage", "paint_splash"),
    },
    "centre": {
        "ground": (222, 200, 160),
        "wall": (200, 90, 80),
        "roof": (110, 70, 60),
        "trim": (250, 220, 120),
        "props": ("bench", "flower_bed", "slide"),
    },
    "market": {
        "ground": (190, 170, 140),
        "wall": (240, 230, 210),
        "roof": (200, 60, 60),
        "trim": (40, 140, 90),
        "props": ("stall", "fruit_crate", "awning"),
    },
    "office": {
        "ground": (200, 204, 210),
        "wall": (150, 170, 190),
        "roof": (60, 70, 90),
        "trim": (90, 200, 255),
        "props": ("bike_rack", "hedge_box", "post_box"),
    },
}

INK = (40, 36, 56)
