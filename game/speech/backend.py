"""What every speech backend offers, and why one may be unavailable.

Every method of a backend is called on the speaker's thread only (engines such as pyttsx3
are not thread-safe), never on the game thread: ``start`` hands the text on and returns
(to a daemon, a child process or an event loop), ``busy`` says whether it still speaks,
``stop`` silences it at once (the next utterance interrupts the current one).
"""

from __future__ import annotations

#: words per minute of the engines that count in them, at rate 1.0
BASE_WPM = 175


class Unavailable(Exception):
    """A backend cannot speak here: ``kind`` is "missing" (not installed or not found) or
    "failed" (found but would not start); ``detail`` is for the log, not for the pupil."""

    def __init__(self, backend: str, kind: str, detail: str = "") -> None:
        super().__init__(f"{backend}: {kind} ({detail})" if detail else f"{backend}: {kind}")
        self.backend = backend
        self.kind = kind
        self.detail = detail


class Backend:
    """One way to speak. Subclasses override ``start`` and ``stop``."""

    name = "backend"

    def start(self, text: str, language: str, rate: float) -> None:
        """Begin speaking ``text`` in ``language`` ("en", "es") at ``rate`` (1.0 normal)."""
        raise NotImplementedError

    def busy(self) -> bool:
        """True while it still speaks (polled by the speaker); daemons that cannot tell say
        False."""
        return False

    def stop(self) -> None:
        """Silence what it is saying now (called before each new utterance)."""

    def close(self) -> None:
        """Release the engine (the speaker's thread ends)."""


def percent(rate: float) -> int:
    """A rate factor as speech-dispatcher's -100..100 scale (1.0 -> 0, 2.0 -> 100)."""
    return max(-100, min(100, round((rate - 1.0) * 100)))


def wpm(rate: float, base: int = BASE_WPM) -> int:
    """A rate factor as words per minute (espeak-ng, macOS say, pyttsx3)."""
    return max(80, min(450, round(base * rate)))
