"""Where things live: the read-only assets and the player's writable data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def assets_dir() -> Path:
    """The shipped, read-only assets (fonts, theme, locale, O*NET data)."""
    return PROJECT_ROOT / "assets"


def content_dir() -> Path:
    """The content data files (districts, challenges, mentors, competences)."""
    return PROJECT_ROOT / "zones" / "data"


def default_data_dir() -> Path:
    """The per-user writable folder; no admin rights needed on any platform.

    ``WORKTOWN_DATA_DIR`` overrides it (tests, portable installs on a USB stick).
    """
    override = os.environ.get("WORKTOWN_DATA_DIR")
    if override:
        return Path(override)
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
        return base / "Worktown"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "Worktown"
    base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "worktown"
