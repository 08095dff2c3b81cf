"""Drawing text: wrapping to a width, fitting to a box, aligned labels.

The functions take an optional :class:`TextCache` (the Painter owns one) so that a scene
drawing the same labels every frame renders, measures and wraps each only once.
"""

from __future__ import annotations

from collections import OrderedDict

import pygame


class TextCache:
    """Rendered lines, measured widths and wrapped paragraphs, keyed by the font object
    (so a font replaced after a settings change never matches) and bounded: the least
    recently used entries go first. Created and used by the Painter on the game thread;
    callers must not draw onto the surfaces it returns."""

    def __init__(self, max_renders: int = 400, max_entries: int = 4000) -> None:
        self.max_renders = max_renders
        self.max_entries = max_entries
        self._renders: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self._sizes: OrderedDict[tuple, tuple[int, int]] = OrderedDict()
        self._wraps: OrderedDict[tuple, list[str]] = OrderedDict()

    @staticmethod
    def _get(table: OrderedDict, key: tuple):
        value = table.get(key)
        if value is not None:
            table.move_to_end(key)
        return value

    @staticmethod
    def _put(table: OrderedDict, key: tuple, value, limit: int):
        table[key] = value
        if len(table) > limit:
            table.popitem(last=False)
        return value

    def render(self, font: pygame.font.Font, text: str, colour) -> pygame.Surface:
        """``font.render(text, True, colour)``, once per (font, text, colour)."""
        key = (font, text, tuple(colour))
        img = self._get(self._renders, key)
        if img is None:
            img = self._put(self._renders, key, font.render(text, True, colour), self.max_renders)
        return img

    def size(self, font: pygame.font.Font, text: str) -> tuple[int, int]:
        """``font.size(text)``, once per (font, text)."""
        key = (font, text)
        size = self._get(self._sizes, key)
        if size is None:
            size = self._put(self._sizes, key, font.size(text), self.max_entries)
        return size

    def wrap(self, font: pygame.font.Font, text: str, width: int) -> list[str]:
        """:func:`wrap`, once per (font, text, width); returns a fresh list."""
        key = (font, text, width)
        lines = self._get(self._wraps, key)
        if lines is None:
            lines = self._put(self._wraps, key, wrap(font, text, width, self), self.max_entries)
        return list(lines)

    def clear(self) -> None:
        """Forget everything (fonts or palette replaced)."""
        self._renders.clear()
        self._sizes.clear()
        self._wraps.clear()


def wrap(
    font: pygame.font.Font, text: str, width: int, cache: TextCache | None = None
) -> list[str]:
    """Split ``text`` into lines no wider than ``width``; long words are broken."""
    if cache is not None:
        measure = cache.size
    else:

        def measure(f, t):
            return f.size(t)

    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        line = ""
        for word in words:
            candidate = word if not line else f"{line} {word}"
            if measure(font, candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while measure(font, word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and measure(font, word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def draw_text(
    surface: pygame.Surface,
    font: pygame.font.Font,
    text: str,
    pos: tuple[int, int],
    colour,
    *,
    align: str = "left",
    width: int | None = None,
    line_gap: float = 1.2,
    cache: TextCache | None = None,
) -> pygame.Rect:
    """Draw (wrapped if ``width``) text at ``pos``; returns the rect it covered."""
    if width:
        lines = cache.wrap(font, text, width) if cache is not None else wrap(font, text, width)
    else:
        lines = text.split("\n")
    x, y = pos
    height = font.get_linesize()
    covered = pygame.Rect(x, y, 0, 0)
    for i, line in enumerate(lines):
        img = (
            cache.render(font, line, colour)
            if cache is not None
            else font.render(line, True, colour)
        )
        if align == "center":
            rect = img.get_rect(midtop=(x, y + int(i * height * line_gap)))
        elif align == "right":
            rect = img.get_rect(topright=(x, y + int(i * height * line_gap)))
        else:
            rect = img.get_rect(topleft=(x, y + int(i * height * line_gap)))
        surface.blit(img, rect)
        covered = rect if i == 0 else covered.union(rect)
    return covered


def text_height(
    font: pygame.font.Font,
    text: str,
    width: int,
    line_gap: float = 1.2,
    cache: TextCache | None = None,
) -> int:
    """How tall ``text`` is when wrapped to ``width``."""
    n = len(cache.wrap(font, text, width) if cache is not None else wrap(font, text, width))
    return int(font.get_linesize() * (1 + (n - 1) * line_gap))


def fit_font(
    fonts,
    text: str,
    width: int,
    size: int,
    min_size: int = 12,
    bold: bool = False,
    cache: TextCache | None = None,
):
    """The largest font (≤ size) whose single line of ``text`` fits in ``width``."""

    def measure(font):
        return cache.size(font, text) if cache is not None else font.size(text)

    while size > min_size and measure(fonts.get(size, bold))[0] > width:
        size -= 1
    return fonts.get(size, bold)
