"""Which backend speaks: the platform's order, the first that opens, and why the others did not."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable

from game.speech.backend import Backend, Unavailable

#: backend modules (in game.speech) in the order they are tried, per platform
ORDER = {
    "linux": ("speechd_backend", "spd_say", "espeak", "pyttsx3_backend"),
    "win32": ("ao2", "pyttsx3_backend"),
    "darwin": ("mac_say", "pyttsx3_backend"),
}


def modules(platform: str | None = None) -> tuple[str, ...]:
    platform = platform or sys.platform
    return ORDER.get(platform, ORDER["linux"])


def probe(platform: str | None = None) -> list[Unavailable] | None:
    """Cheap (imports nothing optional): None when some backend looks installed, else why
    none is. Called by the settings screen on the game thread."""
    problems = []
    for name in modules(platform):
        problem = importlib.import_module(f"game.speech.{name}").probe()
        if problem is None:
            return None
        problems.append(problem)
    return problems


def choose(
    platform: str | None = None, openers: list[Callable[[], Backend]] | None = None
) -> tuple[Backend | None, list[Unavailable]]:
    """Open the first backend that works (called on the speaker's thread: opening may take
    a moment); returns it (or None) and why each one before it failed."""
    if openers is None:
        openers = [
            importlib.import_module(f"game.speech.{name}").open_backend
            for name in modules(platform)
        ]
    problems: list[Unavailable] = []
    for opener in openers:
        try:
            return opener(), problems
        except Unavailable as problem:
            problems.append(problem)
        except Exception as exc:  # noqa: BLE001 (a backend that breaks is skipped, not fatal)
            name = getattr(opener, "__module__", "backend").rsplit(".", 1)[-1]
            problems.append(Unavailable(name, "failed", f"{type(exc).__name__}: {exc}"))
    return None, problems
