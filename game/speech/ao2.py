"""Windows: accessible-output2 speaks through the screen reader that runs (NVDA, JAWS, ...)
or else SAPI. Optional dependency (``pip install worktown[speech]``); the screen reader
keeps its own voice and rate."""

from __future__ import annotations

import importlib.util
import sys

from game.speech.backend import Backend, Unavailable

NAME = "accessible-output2"


def probe() -> Unavailable | None:
    if sys.platform != "win32":
        return Unavailable(NAME, "missing", "Windows only")
    if importlib.util.find_spec("accessible_output2") is None:
        return Unavailable(NAME, "missing", "accessible-output2 not installed")
    return None


def open_backend() -> Backend:
    problem = probe()
    if problem is not None:
        raise problem
    try:
        from accessible_output2.outputs.auto import Auto

        return Ao2Backend(Auto())
    except Exception as exc:  # noqa: BLE001 (DLL load errors and the like)
        raise Unavailable(NAME, "failed", f"{type(exc).__name__}: {exc}") from exc


class Ao2Backend(Backend):
    name = NAME

    def __init__(self, output) -> None:
        self.output = output

    def start(self, text: str, language: str, rate: float) -> None:
        self.output.speak(text, interrupt=True)

    def stop(self) -> None:
        silence = getattr(self.output, "silence", None)
        if callable(silence):
            silence()
