"""macOS: the system's ``say`` command (the voices VoiceOver uses), a voice chosen by language."""

from __future__ import annotations

import shutil
import subprocess
import sys

from game.speech.backend import Backend, Unavailable, wpm
from game.speech.process import ProcessBackend

NAME = "say"


def probe() -> Unavailable | None:
    if sys.platform != "darwin" or not shutil.which("say"):
        return Unavailable(NAME, "missing", "macOS say not found")
    return None


def open_backend() -> Backend:
    problem = probe()
    if problem is not None:
        raise problem
    exe = shutil.which("say")
    if exe is None:  # gone since probe() looked
        raise Unavailable(NAME, "missing", "macOS say not found")
    try:
        listing = subprocess.run([exe, "-v", "?"], capture_output=True, text=True, timeout=5).stdout
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(NAME, "failed", str(exc)) from exc
    return MacSayBackend(exe, voices_by_language(listing))


def voices_by_language(listing: str) -> dict[str, str]:
    """``say -v ?`` lines ("Monica   es_ES   # Hola") -> {"es": "Monica", ...}, first one wins."""
    out: dict[str, str] = {}
    for line in listing.splitlines():
        head = line.split("#", 1)[0].split()
        if len(head) >= 2 and "_" in head[-1]:
            out.setdefault(head[-1].split("_", 1)[0], " ".join(head[:-1]))
    return out


class MacSayBackend(ProcessBackend):
    name = NAME

    def __init__(self, exe: str, voices: dict[str, str]) -> None:
        super().__init__(exe)
        self.voices = voices

    def command(self, text: str, language: str, rate: float) -> list[str]:
        voice = self.voices.get(language)
        return [self.exe, *(["-v", voice] if voice else []), "-r", str(wpm(rate)), "--", text]
