"""pyttsx3, the Python fallback (SAPI5 on Windows, NSSpeechSynthesizer on macOS, libespeak
elsewhere); optional dependency (``pip install worktown[speech]``). One engine, used on
the speaker's thread only. Where the driver runs in an outside loop (``startLoop(False)``
and ``iterate``: SAPI5, NSSS) speech is interrupted by the next utterance; pyttsx3 2.99's
espeak driver cannot (its ``iterate`` is no generator), so there each utterance is spoken
with ``runAndWait`` to its end and the newest waiting one follows (none queue behind it)."""

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
    except Exception as exc:  # noqa: BLE001 (no driver library, no audio, ...)
        raise Unavailable(NAME, "failed", f"{type(exc).__name__}: {exc}") from exc
    return Pyttsx3Backend(engine, voices, outside_loop(engine))


def outside_loop(engine) -> bool:
    """Start the driver's outside loop; False (and no loop) where the driver has none."""
    try:
        engine.startLoop(False)
        engine.iterate()
        return True
    except Exception:  # noqa: BLE001 (TypeError from the espeak driver)
        try:
            engine.endLoop()
        except Exception:  # noqa: BLE001
            pass
        return False


def voice_for(voices, language: str):
    """The first voice whose languages or id name ``language``, else None."""
    for voice in voices:
        names = [str(x).lower() for x in (getattr(voice, "languages", None) or [])]
        if any(
            n == language or n.startswith(language + "_") or n.startswith(language + "-")
            for n in names
        ):
            return voice
    for voice in voices:
        vid = str(getattr(voice, "id", "")).lower()
        if vid.endswith("/" + language) or vid == language:
            return voice
    return None


class Pyttsx3Backend(Backend):
    name = NAME

    def __init__(self, engine, voices, looping: bool = True) -> None:
        self.engine = engine
        self.voices = voices
        self.looping = looping
        self.language = ""

    def start(self, text: str, language: str, rate: float) -> None:
        if language != self.language:
            voice = voice_for(self.voices, language)
            if voice is not None:
                self.engine.setProperty("voice", voice.id)
            self.language = language
        self.engine.setProperty("rate", wpm(rate, 200))
        self.engine.say(text)
        if self.looping:
            self.engine.iterate()
        else:
            self.engine.runAndWait()  # to its end (see the module)

    def busy(self) -> bool:
        if not self.looping:
            return False
        self.engine.iterate()
        return bool(self.engine.isBusy())

    def stop(self) -> None:
        if self.looping:
            self.engine.stop()
            self.engine.iterate()

    def close(self) -> None:
        if self.looping:
            try:
                self.engine.endLoop()
            except Exception:  # noqa: BLE001 (closing: nothing to save)
                pass
