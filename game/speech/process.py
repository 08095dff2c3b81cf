"""A backend that speaks by running a command (espeak-ng, spd-say, macOS say): ``start``
starts the child process and returns; ``stop`` ends it. The base of those backends."""

from __future__ import annotations

import subprocess

from game.speech.backend import Backend, Unavailable


class ProcessBackend(Backend):
    """Runs ``command(text, language, rate)``; one child at a time."""

    def __init__(self, exe: str) -> None:
        self.exe = exe
        self.child: subprocess.Popen | None = None

    def command(self, text: str, language: str, rate: float) -> list[str]:
        raise NotImplementedError

    def start(self, text: str, language: str, rate: float) -> None:
        self.child = subprocess.Popen(
            self.command(text, language, rate),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def busy(self) -> bool:
        return self.child is not None and self.child.poll() is None

    def stop(self) -> None:
        child, self.child = self.child, None
        if child is None or child.poll() is not None:
            return
        child.terminate()
        try:
            child.wait(0.5)
        except subprocess.TimeoutExpired:
            child.kill()
            child.wait(0.5)

    def close(self) -> None:
        self.stop()


def check_runs(name: str, args: list[str], timeout: float = 3.0) -> None:
    """Run ``args`` once (on the speaker's thread) to see that the command works."""
    try:
        done = subprocess.run(args, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise Unavailable(name, "failed", f"{type(exc).__name__}: {exc}") from exc
    if done.returncode != 0:
        raise Unavailable(
            name, "failed", f"exit {done.returncode}: {done.stderr.decode(errors='replace')[:200]}"
        )
