"""Drawing the town: the Tiled map through pyscroll, the avatar and the working people
from their sprite sheet, and the labels (signs, barriers, prompts, bubbles) through the
painter, so 200 % text and high contrast reach every one of them.

Called by the town scene: ``TownView(...)`` when it is entered (loads the map's images),
``draw`` once per displayed frame. Keeps only caches of pixels; changes no rule state.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pyscroll
import pytmx

from game import art
from game.world.town import ACTIONS, Town

SPRITE = (32, 48)
SHIRT_KEY = (255, 0, 200)  # the avatar's shirt in the sheet, recoloured to the player's
SPRITE_LAYER = 2  # above both drawn tile layers


def load_map(path: Path) -> pytmx.TiledMap:
    """The map with its tileset images (needs a display mode set: convert())."""
    return pytmx.load_pygame(str(path))


#: a high-contrast tile keeps this share of its grey level (dark, so light labels read)
DIM = 0.42


def dim_tile(image: pygame.Surface | None) -> pygame.Surface | None:
    """A tile in high contrast: grey, darkened to :data:`DIM` of its brightness, edges kept."""
    if image is None:
        return None
    grey = pygame.transform.grayscale(image)
    dark = pygame.Surface(grey.get_size(), pygame.SRCALPHA)
    level = int(255 * DIM)
    dark.fill((level, level, level, 255))
    grey.blit(dark, (0, 0), special_flags=pygame.BLEND_RGB_MULT)
    return grey


class TownView:
    """The map renderer, the sheets and the label caches for one viewport size."""

    def __init__(self, tmx: pytmx.TiledMap, sheet_path: Path, size: tuple[int, int]) -> None:
        self.tmx = tmx
        self.renderer = pyscroll.BufferedRenderer(
            pyscroll.TiledMapData(tmx), size, clamp_camera=True
        )
        sheet = pygame.image.load(str(sheet_path))
        self.sheet = sheet.convert_alpha() if pygame.display.get_surface() is not None else sheet
        self._avatar: tuple[tuple, list[list[pygame.Surface]]] | None = None
        self._workers: dict[tuple[int, int, int], pygame.Surface] = {}
        self._labels: dict[tuple, pygame.Surface] = {}
        self.signs: tuple | None = None  # (key, plates) kept by game.world.frame
        self._colour_tiles: list | None = None
        self._dim_tiles: list | None = None
        self.high_contrast = False

    # -- high contrast -----------------------------------------------------------------
    def set_contrast(self, high: bool) -> None:
        """High contrast: the map's tiles without colour and dimmed to a dark grey (their
        shapes kept), so the people, the avatar, doors and every label stand out; back to
        colour when it is switched off. Called by the town scene before each drawn frame;
        makes the dimmed tiles once, redraws the map buffer only when the setting changed."""
        if high == self.high_contrast:
            return
        images = self.tmx.images
        if self._colour_tiles is None:
            self._colour_tiles = list(images)
        if high and self._dim_tiles is None:
            self._dim_tiles = [dim_tile(image) for image in self._colour_tiles]
        images[:] = self._dim_tiles if high else self._colour_tiles
        self.high_contrast = high
        self.renderer.redraw_tiles(self.renderer._buffer)

    # -- sprites ---------------------------------------------------------------------
    def avatar_frames(self, colour: tuple[int, int, int]) -> list[list[pygame.Surface]]:
        """Four directions x four walk frames, the shirt in the player's colour."""
        if self._avatar is None or self._avatar[0] != colour:
            w, h = SPRITE
            rows = []
            for facing in range(4):
                row = []
                for step in range(4):
                    frame = self.sheet.subsurface((step * w, facing * h, w, h)).copy()
                    pixels = pygame.PixelArray(frame)
                    pixels.replace(SHIRT_KEY, colour)
                    del pixels
                    row.append(frame)
                rows.append(row)
            self._avatar = (colour, rows)
        return self._avatar[1]

    def worker(self, action: str, look: int, beat: int) -> pygame.Surface:
        key = (ACTIONS.index(action), look, beat)
        if key not in self._workers:
            w, h = SPRITE
            self._workers[key] = self.sheet.subsurface(
                ((look * 4 + beat) * w, (4 + key[0]) * h, w, h)
            )
        return self._workers[key]

    # -- labels ----------------------------------------------------------------------
    def label(
        self,
        painter,
        palette,
        text: str,
        size: int,
        *,
        fill=None,
        ink=None,
        width: int = 260,
        bold: bool = True,
    ) -> pygame.Surface:
        """A rounded plate with ``text`` (wrapped to ``width`` at the current text scale),
        cached per text, size, palette and scale."""
        fonts = painter.fonts
        key = (text, size, fill, ink, width, bold, palette, fonts.family, fonts.scale)
        plate = self._labels.get(key)
        if plate is None:
            wrap = int(width * fonts.scale)
            font = painter.font(size, bold)
            one = font.size(text)[0]
            text_w = min(one, wrap)
            text_h = painter.height(text, size, text_w + 1, bold)
            plate = pygame.Surface((text_w + 20, text_h + 12), pygame.SRCALPHA)
            rect = plate.get_rect()
            bg = fill if fill is not None else palette.panel
            pygame.draw.rect(plate, bg, rect, border_radius=10)
            pygame.draw.rect(
                plate,
                palette.ink if palette.high_contrast else art.shade(bg, 0.6),
                rect,
                2,
                border_radius=10,
            )
            painter.text(
                plate,
                text,
                (10, 6),
                size,
                bold=bold,
                colour=ink or palette.ink,
                width=text_w + 1,
                box=rect,
            )
            if len(self._labels) > 400:
                self._labels.clear()
            self._labels[key] = plate
        return plate

    # -- the frame -------------------------------------------------------------------
    def offset(self) -> tuple[int, int]:
        """Map pixel -> viewport pixel: add this."""
        view = self.renderer.view_rect
        return -view.x, -view.y

    def draw_map(self, surface: pygame.Surface, camera: tuple[float, float], sprites) -> None:
        """The tiles and ``sprites`` ((image, map rect) list, drawn in the given order)."""
        self.renderer.center(camera)
        ox, oy = self.offset()
        layered = [(image, rect.move(ox, oy), SPRITE_LAYER) for image, rect in sprites]
        self.renderer.draw(surface, surface.get_rect(), layered)

    def map_rect(self, town: Town) -> pygame.Rect:
        return pygame.Rect(
            0, 0, town.grid.width * town.tile_size, town.grid.height * town.tile_size
        )
