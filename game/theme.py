"""The one pygame-gui UIManager, themed from ``assets/theme.json``.

Text size and high contrast come from the settings: the JSON theme is read, font sizes
are scaled, the contrast overrides are merged, and the manager is rebuilt. Called by the
app at start and whenever a display setting changes.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pygame_gui

from game.fonts import FontBook

#: (size, bold) of each button style's label, as in ``assets/theme.json`` (a test keeps
#: them equal); ``Painter.button_h`` sizes buttons from these
BUTTON_FONTS = {
    "@default": (20, False),
    "@primary": (22, True),
    "@choice": (20, False),
    "@small": (17, False),
}


def _merge(base: dict, extra: dict) -> dict:
    out = copy.deepcopy(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


def build_theme(assets: Path, text_scale: float, high_contrast: bool, fonts: FontBook) -> dict:
    """The theme dictionary for the current settings, with the bundled font files."""
    theme = json.loads((assets / "theme.json").read_text(encoding="utf-8"))
    if high_contrast:
        theme = _merge(
            theme, json.loads((assets / "theme-contrast.json").read_text(encoding="utf-8"))
        )
    for block in theme.values():
        font = block.get("font") if isinstance(block, dict) else None
        if font and "size" in font:
            font["size"] = str(round(int(font["size"]) * text_scale))
        if font:
            font["regular_path"] = str(fonts.path(False))
            font["bold_path"] = str(fonts.path(True))
    return theme


def make_manager(
    size: tuple[int, int], assets: Path, fonts: FontBook, text_scale: float, high_contrast: bool
) -> pygame_gui.UIManager:
    """Create the UIManager with the bundled fonts registered under the name ``body``."""
    manager = pygame_gui.UIManager(
        size, build_theme(assets, text_scale, high_contrast, fonts), enable_live_theme_updates=False
    )
    return manager
