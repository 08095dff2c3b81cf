"""espeak-ng (or the older espeak) as a child process: offline, small, in every Linux
distribution, with English and Spanish voices."""

from __future__ import annotations

import shutil

from game.speech.backend import Backend, Unavailable, wpm
from game.speech.process import ProcessBackend, check_runs

NAME = "espeak-ng"


def _exe() -> str | None:
    return shutil.which("espeak-ng") or shutil.which("espeak")


def probe() -> Unavailable | None:
    return None if _exe() else Unavailable(NAME, "missing", "espeak-ng not found on PATH")


def open_backend() -> Backend:
    exe = _exe()
    if exe is None:
        raise Unavailable(NAME, "missing", "espeak-ng not found on PATH")
    check_runs(NAME, [exe, "--version"])
    return EspeakBackend(exe)


class EspeakBackend(ProcessBackend):
    name = NAME

    def command(self, text: str, language: str, rate: float) -> list[str]:
        return [self.exe, "-v", language, "-s", str(wpm(rate)), "--", text]
