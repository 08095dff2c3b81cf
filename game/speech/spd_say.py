"""speech-dispatcher through its ``spd-say`` command, when the Python client (a Debian
package, not on PyPI) is not installed. ``stop`` runs ``spd-say -C``, which cancels the
daemon's messages (a screen reader on the same daemon is cut short too, as any new
message of its own would)."""

from __future__ import annotations

import shutil
import subprocess

from game.speech.backend import Backend, Unavailable, percent
from game.speech.process import ProcessBackend, check_runs

NAME = "spd-say"


def probe() -> Unavailable | None:
    return (
        None
        if shutil.which("spd-say")
        else Unavailable(NAME, "missing", "spd-say not found on PATH")
    )


def open_backend() -> Backend:
    exe = shutil.which("spd-say")
    if exe is None:
        raise Unavailable(NAME, "missing", "spd-say not found on PATH")
    check_runs(NAME, [exe, "-O"])  # lists output modules: the daemon answers
    return SpdSayBackend(exe)


class SpdSayBackend(ProcessBackend):
    name = NAME

    def command(self, text: str, language: str, rate: float) -> list[str]:
        return [self.exe, "-N", "worktown", "-l", language, "-r", str(percent(rate)), "--", text]

    def stop(self) -> None:
        super().stop()
        subprocess.run([self.exe, "-C"], stdin=subprocess.DEVNULL, capture_output=True, timeout=2)
