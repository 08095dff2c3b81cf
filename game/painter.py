"""Drawing helpers handed to scenes and mechanics (``kit.painter``).

It binds the current fonts and palette to the functions in ``game.art`` and
``game.text`` so callers say *what* to draw. Holds no state besides those two, an
optional ``recorder``: a list that, when tests set it, receives one ``TextDraw`` per text
drawn (its rect and the box it must stay inside) so overflow can be checked, and caches
of pixels it has already drawn (rendered text, the sky) so that drawing the same screen
every frame costs a few blits; the caches are keyed by font and palette, so a settings
change never shows stale pixels.
"""

from __future__ import annotations

from typing import NamedTuple

import pygame

from game import art
from game.fonts import FontBook
from game.text import TextCache, draw_text, fit_font, text_height
from game.theme import BUTTON_FONTS


class TextDraw(NamedTuple):
    """One drawn text: where it landed and the box it was meant to stay inside
    (``box`` may have height 0: then only the left/right edges bind); ``shrunk`` when it
    was drawn smaller than the size asked for, or cut short, to fit (``text_fit``)."""

    rect: pygame.Rect
    box: pygame.Rect
    text: str
    surface_size: tuple[int, int]
    shrunk: bool = False


class Painter:
    """Draws text, panels, icons and shapes in the game's style."""

    def __init__(self, fonts: FontBook, palette: art.Palette):
        self.fonts = fonts
        self.palette = palette
        self.cache = TextCache()
        self._sky: tuple[tuple, pygame.Surface] | None = None
        self._veils: dict[tuple, pygame.Surface] = {}
        self.recorder: list[TextDraw] | None = None

    def _note(
        self,
        surface: pygame.Surface,
        rect: pygame.Rect | None,
        box,
        text: str,
        shrunk: bool = False,
    ) -> None:
        if self.recorder is not None and rect is not None and text.strip():
            self.recorder.append(
                TextDraw(pygame.Rect(rect), pygame.Rect(box), text, surface.get_size(), shrunk)
            )

    def line(self, size: int, bold: bool = False) -> int:
        """The line height of text of ``size`` at the current text scale."""
        return self.font(size, bold).get_linesize()

    def button_h(self, style: str = "@default") -> int:
        """A button tall enough for its label at the current text scale."""
        size, bold = BUTTON_FONTS.get(style, BUTTON_FONTS["@default"])
        return self.line(size, bold) + 22

    def button_w(self, label: str, style: str = "@default") -> int:
        """A button wide enough for ``label`` at the current text scale."""
        size, bold = BUTTON_FONTS.get(style, BUTTON_FONTS["@default"])
        return self.font(size, bold).size(label)[0] + 40

    def font(self, size: int, bold: bool = False) -> pygame.font.Font:
        return self.fonts.get(size, bold)

    def colour(self, value: str) -> art.Colour:
        """A content colour; in high contrast every content colour becomes white."""
        return (255, 255, 255) if self.palette.high_contrast else art.hex_colour(value)

    def text(
        self,
        surface: pygame.Surface,
        text: str,
        pos,
        size: int = 20,
        *,
        colour=None,
        bold: bool = False,
        width: int | None = None,
        align: str = "left",
        box=None,
    ) -> pygame.Rect:
        """Draw text (wrapped to ``width``); ``box`` is the container it must stay inside
        (default: its column, or the surface)."""
        x, y = int(pos[0]), int(pos[1])
        rect = draw_text(
            surface,
            self.font(size, bold),
            text,
            (x, y),
            colour or self.palette.ink,
            align=align,
            width=width,
            cache=self.cache,
        )
        if self.recorder is not None:
            if box is None and width:
                left = {"center": x - width // 2, "right": x - width}.get(align, x)
                box = pygame.Rect(left, y, width, 0)
            self._note(surface, rect, box if box is not None else surface.get_rect(), text)
        return rect

    def text_fit(
        self,
        surface: pygame.Surface,
        text: str,
        midleft,
        max_width: int,
        size: int = 20,
        *,
        colour=None,
        bold: bool = False,
        box=None,
    ) -> pygame.Rect:
        """One line, shrunk until it fits ``max_width``; wraps to two lines if still too long."""
        rect = self._text_fit(surface, text, midleft, max_width, size, colour, bold)
        if self.recorder is not None:
            self._note(
                surface,
                rect,
                box
                if box is not None
                else pygame.Rect(int(midleft[0]), int(midleft[1]), max_width, 0),
                text,
                shrunk=not self.fits(text, max_width, size, bold),
            )
        return rect

    def fits(
        self, text: str, max_width: int, size: int = 20, bold: bool = False, lines: int = 1
    ) -> bool:
        """True when ``text`` at ``size`` (not shrunk) wraps to at most ``lines`` lines of
        ``max_width`` (``text_fit`` then draws it at the size asked for)."""
        font = self.font(size, bold)
        if self.cache.size(font, text)[0] <= max_width:
            return True
        return lines > 1 and len(self.cache.wrap(font, text, max(1, max_width))) <= lines

    def _text_fit(self, surface, text, midleft, max_width, size, colour, bold) -> pygame.Rect:
        cache = self.cache
        font = fit_font(
            self.fonts,
            text,
            max_width,
            size,
            min_size=max(12, int(size * 0.75)),
            bold=bold,
            cache=cache,
        )
        if cache.size(font, text)[0] <= max_width:
            img = cache.render(font, text, colour or self.palette.ink)
            rect = img.get_rect(midleft=(int(midleft[0]), int(midleft[1])))
            surface.blit(img, rect)
            return rect
        lines = cache.wrap(font, text, max_width)[:2]
        h = font.get_linesize()
        top = int(midleft[1] - h * len(lines) / 2)
        covered: pygame.Rect | None = None
        for i, line in enumerate(lines):
            img = cache.render(font, line, colour or self.palette.ink)
            rect = img.get_rect(topleft=(int(midleft[0]), top + i * h))
            surface.blit(img, rect)
            covered = rect if covered is None else covered.union(rect)
        assert covered is not None  # wrap() gives at least one line for any text
        return covered

    def height(self, text: str, size: int, width: int, bold: bool = False) -> int:
        return text_height(self.font(size, bold), text, width, cache=self.cache)

    def sky(
        self, surface: pygame.Surface, area: pygame.Rect | None = None, clouds: bool = True
    ) -> None:
        """``art.sky`` drawn once per (size, palette) and blitted afterwards: same pixels.
        With ``area`` (a scrolling page shows only its viewport) the sky is drawn clipped to
        that part, uncached: a page-sized copy would hold ~15 MB for a few draw calls."""
        if area is not None:
            art.sky(surface, self.palette, area, clouds)
            return
        key = (surface.get_size(), surface.get_bitsize(), self.palette, clouds)
        if self._sky is None or self._sky[0] != key:
            background = pygame.Surface(surface.get_size(), 0, surface)
            art.sky(background, self.palette, clouds=clouds)
            self._sky = (key, background)
        surface.blit(self._sky[1], (0, 0))

    def veil(
        self, surface: pygame.Surface, rgba: tuple[int, int, int, int] = (20, 20, 40, 150)
    ) -> None:
        """Darken the whole surface with a translucent colour (behind a card). The veil
        surface is made once per (size, colour) instead of once per frame: same pixels."""
        key = (surface.get_size(), tuple(rgba))
        cached = self._veils.get(key)
        if cached is None:
            cached = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            cached.fill(rgba)
            self._veils = {key: cached}  # keep only the last one: sizes rarely change
        surface.blit(cached, (0, 0))

    def panel(
        self,
        surface: pygame.Surface,
        rect,
        *,
        fill=None,
        radius: int = 18,
        shadow: bool = True,
        edge=None,
    ) -> None:
        art.panel(
            surface,
            pygame.Rect(rect),
            self.palette,
            fill=fill,
            radius=radius,
            shadow=shadow,
            edge=edge,
        )

    def icon(self, surface: pygame.Surface, name: str, centre, size: float, colour=None) -> None:
        art.icon(surface, name, centre, size, colour or self.palette.ink)

    def shape(self, surface: pygame.Surface, name: str, centre, r: float, colour) -> None:
        art.shape(
            surface,
            name,
            centre,
            r,
            colour,
            outline=self.palette.ink if self.palette.high_contrast else art.shade(colour, 0.6),
        )

    def timer(self, surface: pygame.Surface, rect, fraction: float, seconds_left: int) -> None:
        """A time bar with the seconds written beside it (never colour alone)."""
        rect = pygame.Rect(rect)
        pygame.draw.rect(surface, self.palette.panel, rect, border_radius=rect.h // 2)
        fill = rect.copy()
        fill.w = max(rect.h, int(rect.w * fraction))
        colour = self.palette.good if fraction > 0.3 else self.palette.bad
        pygame.draw.rect(surface, colour, fill, border_radius=rect.h // 2)
        pygame.draw.rect(surface, self.palette.panel_edge, rect, 2, border_radius=rect.h // 2)
        label = f"{seconds_left // 60}:{seconds_left % 60:02d}"
        img = self.cache.render(self.font(16, True), label, self.palette.ink)
        pill = img.get_rect(midright=(rect.x - 8, rect.centery)).inflate(14, 6)
        pygame.draw.rect(surface, self.palette.panel, pill, border_radius=pill.h // 2)
        surface.blit(img, img.get_rect(center=pill.center))
