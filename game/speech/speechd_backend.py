"""Linux speech-dispatcher through its Python client (Debian package python3-speechd, not
on PyPI): the same daemon a running Orca screen reader speaks through."""

from __future__ import annotations

import importlib.util

from game.speech.backend import Backend, Unavailable, percent

NAME = "speech-dispatcher"


def probe() -> Unavailable | None:
    """Cheap check on the game thread: is the client installed?"""
    if importlib.util.find_spec("speechd") is None:
        return Unavailable(NAME, "missing", "python3-speechd not installed")
    return None


def open_backend() -> Backend:
    try:
        import speechd
    except ImportError as exc:
        raise Unavailable(NAME, "missing", str(exc)) from exc
    try:
        client = speechd.SSIPClient("worktown")
    except Exception as exc:  # noqa: BLE001 (no daemon, socket refused, ...)
        raise Unavailable(NAME, "failed", f"{type(exc).__name__}: {exc}") from exc
    return SpeechdBackend(client)


class SpeechdBackend(Backend):
    name = NAME

    def __init__(self, client) -> None:
        self.client = client
        self.language = ""

    def start(self, text: str, language: str, rate: float) -> None:
        if language != self.language:
            self.client.set_language(language)
            self.language = language
        self.client.set_rate(percent(rate))
        self.client.speak(text)

    def stop(self) -> None:
        self.client.cancel()

    def close(self) -> None:
        self.client.close()
