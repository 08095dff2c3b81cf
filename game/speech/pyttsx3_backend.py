"""pyttsx3, the Python fallback (SAPI5 on Windows, NSSpeechSynthesizer on macOS, libespeak
elsewhere); optional dependency (``pip install worktown[speech]``). Run with its own
loop on the speaker's thread (``startLoop(False)`` and ``iterate``): one engine, one thread."""

from __future__ import annotations

import importlib.util

from game.speech.backend import Backend, Unavailable, wpm

NAME = "pyttsx3"


def probe() -> Unavailable | None:
    if importlib.util.find_spec("pyttsx3") is None:
        return Unavailable(NAME, "missing", "pyttsx3 not installed")
    return None


def open_backend() -> Backend:
    try:
        import pyttsx3
    except ImportError as exc:
        raise Unavailable(NAME, "missing", str(exc)) from exc
    try:
        engine = pyttsx3.init()
        voices = list(engine.getProperty("voices") or [])
        engine.startLoop(False)
    except Exception as exc:           # noqa: BLE001 (no driver library, no audio, ...)
        raise Unavailable(NAME, "failed", f"{type(exc).__name__}: {exc}") from exc
    return Pyttsx3Backend(engine, voices)


def voice_for(voices, language: str):
    """The first voice whose languages or id name ``language``, else None."""
    for voice in voices:
        names = [str(x).lower() for x in (getattr(voice, "languages", None) or [])]
        if any(n == language or n.startswith(language + "_") or n.startswith(language + "-") for n in names):
            return voice
    for voice in voices:
        vid = str(getattr(voice, "id", "")).lower()
        if vid.endswith("/" + language) or vid == language:
            return voice
    return None


class Pyttsx3Backend(Backend):
    name = NAME

    def __init__(self, engine, voices) -> None:
        self.engine = engine
        self.voices = voices
        self.language = ""

    def start(self, text: str, language: str, rate: float) -> None:
        if language != self.language:
            voice = voice_for(self.voices, language)
            if voice is not None:
                self.engine.setProperty("voice", voice.id)
            self.language = language
        self.engine.setProperty("rate", wpm(rate, 200))
        self.engine.say(text)
        self.engine.iterate()

    def busy(self) -> bool:
        self.engine.iterate()
        return bool(self.engine.isBusy())

    def stop(self) -> None:
        self.engine.stop()
        self.engine.iterate()

    def close(self) -> None:
        try:
            self.engine.endLoop()
        except Exception:              # noqa: BLE001 (closing: nothing to save)
            pass
