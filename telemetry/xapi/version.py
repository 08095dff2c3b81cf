"""The game's version, from the installed package's metadata (pyproject.toml's
``[project] version``): the one source for statements, exports and the window title.

Called when a Recorder opens or an export is made; read once and cached. When Worktown
runs from a source checkout that is not installed, the version is read from the
checkout's ``pyproject.toml``; failing that it is :data:`UNKNOWN`.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

__all__ = ["DISTRIBUTION", "UNKNOWN", "game_version", "installed_version"]

DISTRIBUTION = "worktown"
UNKNOWN = "0+unknown"
_PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"


@lru_cache(maxsize=1)
def game_version() -> str:
    """``importlib.metadata.version("worktown")``, else the checkout's pyproject version."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return _checkout_version(_PYPROJECT)


def _checkout_version(pyproject: Path) -> str:
    try:
        project = tomllib.loads(pyproject.read_text(encoding="utf-8")).get("project", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return UNKNOWN
    version = project.get("version") if isinstance(project, dict) else None
    return version if isinstance(version, str) and version else UNKNOWN


#: the alias telemetry's own modules use (same cached function)
installed_version = game_version
