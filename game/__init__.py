"""Worktown engine: app loop, scene stack, input and focus, UI theme, settings, i18n.

Rule: nothing in game/ names a RIASEC type, a district or a challenge. Content comes
from zones/, telemetry goes through telemetry.xapi.recorder.Recorder.
"""

from typing import Any


def __getattr__(name: str) -> Any:
    """``game.GAME_VERSION``: the installed package's version (telemetry.xapi.version),
    looked up on first use rather than at import."""
    if name == "GAME_VERSION":
        from telemetry.xapi.version import game_version

        return game_version()
    raise AttributeError(f"module 'game' has no attribute {name!r}")
