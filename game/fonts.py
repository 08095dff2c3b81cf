"""Fonts: the bundled DejaVu Sans or OpenDyslexic, at sizes scaled by the text setting."""

from __future__ import annotations

from pathlib import Path

import pygame

FONT_FILES = {
    "dejavu": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"),
    "dyslexic": ("OpenDyslexic-Regular.otf", "OpenDyslexic-Bold.otf"),
}


class FontBook:
    """Caches pygame fonts by (size, bold). Rebuilt when text size or font changes."""

    def __init__(self, font_dir: Path, family: str = "dejavu", scale: float = 1.0) -> None:
        self.font_dir = font_dir
        self.family = family
        self.scale = scale
        self._cache: dict[tuple[int, bool], pygame.font.Font] = {}

    def configure(self, family: str, scale: float) -> None:
        """Called when settings change; drops the cache."""
        if (family, scale) != (self.family, self.scale):
            self.family, self.scale = family, scale
            self._cache.clear()

    def path(self, bold: bool = False) -> Path:
        regular, heavy = FONT_FILES[self.family]
        return self.font_dir / (heavy if bold else regular)

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        """A font of ``size`` design pixels times the text scale."""
        px = max(8, round(size * self.scale))
        key = (px, bold)
        font = self._cache.get(key)
        if font is None:
            font = pygame.font.Font(str(self.path(bold)), px)
            self._cache[key] = font
        return font
