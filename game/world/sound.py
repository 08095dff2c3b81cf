"""The town's sound, synthesised (no files, so no licence to keep): footsteps, a door
chime, a soft blip when someone starts talking, the challenges' feedback cues, and a light music
loop per place (each quarter its own key and tempo, by its position in the content's district list;
the park and the streets one of their own), following the effects and music volume settings.

Only used when ``pygame.mixer`` is initialised; any failure means silence, never a crash.
Called by the town scene (its steps, doors, talks and place changes); touches only the
mixer and its own cache.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

try:  # numpy ships with the game, but sound is never a hard requirement
    import numpy as np
except ImportError:  # pragma: no cover
    # the optional-import idiom mypy cannot type: np is the module, or None (silent town)
    np = None  # type: ignore[assignment]

STEP_EVERY_S = 0.32
PENTATONIC = (0, 2, 4, 7, 9, 12, 14, 16)
LOOP_S = 8.0


class TownSound:
    """Makes each sound once and plays it at the volume the settings say now."""

    def __init__(self, settings: Callable[[], object]) -> None:
        self.settings = settings
        self.cache: dict[object, object] = {}
        self.broken = False
        self.music_key: object = None
        self.music_channel = None
        self._step_clock = 0.0

    def ready(self) -> bool:
        try:
            return not self.broken and np is not None and bool(pygame.mixer.get_init())
        except pygame.error:
            return False

    def _sound(self, key, make):
        if key not in self.cache:
            rate, fmt, channels = pygame.mixer.get_init()
            data = make(rate)
            peak = 32767 if abs(fmt) == 16 else 127
            pcm = (np.clip(data, -1, 1) * peak).astype(np.int16 if abs(fmt) == 16 else np.int8)
            if channels > 1:
                pcm = np.repeat(pcm[:, None], channels, axis=1)
            self.cache[key] = pygame.sndarray.make_sound(np.ascontiguousarray(pcm))
        return self.cache[key]

    def _effect(self, key, make) -> None:
        volume = float(getattr(self.settings(), "effects_volume", 0.0))
        if volume <= 0 or not self.ready():
            return
        try:
            sound = self._sound(key, make)
            sound.set_volume(volume)
            sound.play()
        except Exception:  # noqa: BLE001 — audio is optional; never stop the lesson
            self.broken = True

    # -- effects -------------------------------------------------------------------------
    def walking(self, dt: float, moving: bool) -> None:
        """Called each logic step: a footstep every ``STEP_EVERY_S`` while walking."""
        if not moving:
            self._step_clock = STEP_EVERY_S * 0.5
            return
        self._step_clock += dt
        if self._step_clock >= STEP_EVERY_S:
            self._step_clock = 0.0
            self._effect("step", _footstep)

    def door(self) -> None:
        self._effect("door", _chime)

    def talk(self) -> None:
        self._effect("talk", _blip)

    def cue(self, name: str) -> None:
        """A challenge's feedback sound: ``success``, ``fail``, ``tick`` or ``warning``
        (an unknown name is silent). Called by the challenge host on a mechanic's cue."""
        make = CUES.get(name)
        if make is not None:
            self._effect(("cue", name), make)

    # -- music ---------------------------------------------------------------------------
    def place(self, mood: int) -> None:
        """Play the loop of ``mood`` (0-based: a quarter's index, or -1 for the park and
        streets), fading from the last one; at music volume 0 nothing plays."""
        volume = float(getattr(self.settings(), "music_volume", 0.0))
        if not self.ready():
            return
        if volume <= 0:
            self.stop()
            return
        if (
            mood == self.music_key
            and self.music_channel is not None
            and self.music_channel.get_busy()
        ):
            self.music_channel.set_volume(volume * 0.5)
            return
        try:
            self.stop()
            sound = self._sound(("music", mood), lambda rate: _loop(rate, mood))
            self.music_channel = sound.play(loops=-1, fade_ms=900)
            if self.music_channel is not None:
                self.music_channel.set_volume(volume * 0.5)
            self.music_key = mood
        except Exception:  # noqa: BLE001
            self.broken = True

    def stop(self) -> None:
        if self.music_channel is not None:
            try:
                self.music_channel.fadeout(500)
            except pygame.error:
                pass
        self.music_channel = None
        self.music_key = None


# -- the synthesis (pure numpy) ----------------------------------------------------------
def _footstep(rate: int):
    n = int(rate * 0.05)
    t = np.arange(n) / rate
    noise = np.random.default_rng(3).uniform(-1, 1, n)
    smooth = np.convolve(noise, np.ones(8) / 8, mode="same")
    return smooth * np.exp(-t * 90) * 0.35


def _tone(rate: int, freq: float, seconds: float, decay: float):
    t = np.arange(int(rate * seconds)) / rate
    return np.sin(2 * np.pi * freq * t) * np.exp(-t * decay)


def _chime(rate: int):
    a = _tone(rate, 660, 0.35, 9) * 0.3
    b = _tone(rate, 880, 0.45, 7) * 0.3
    out = np.zeros(int(rate * 0.6))
    out[: len(a)] += a
    start = int(rate * 0.12)
    out[start : start + len(b)] += b
    return out


def _blip(rate: int):
    return _tone(rate, 1100, 0.08, 40) * 0.2


def _notes(rate: int, freqs: tuple[float, ...], each: float, decay: float, gain: float):
    """Tones one after another (``each`` seconds apart, each ringing a little longer)."""
    step = int(rate * each)
    out = np.zeros(step * len(freqs) + int(rate * 0.3))
    for i, freq in enumerate(freqs):
        note = _tone(rate, freq, each + 0.3, decay) * gain
        out[i * step : i * step + len(note)] += note
    return out


#: the challenge cues: a rising major arpeggio, a falling pair, a click, two beeps
CUES = {
    "success": lambda rate: _notes(rate, (523.0, 659.0, 784.0), 0.09, 8, 0.25),
    "fail": lambda rate: _notes(rate, (330.0, 247.0), 0.16, 6, 0.25),
    "tick": lambda rate: _tone(rate, 1400, 0.04, 60) * 0.15,
    "warning": lambda rate: _notes(rate, (880.0, 880.0), 0.18, 14, 0.2),
}


def _loop(rate: int, mood: int):
    """An 8-second arpeggio: a root and a tempo of its own for each mood."""
    n = int(rate * LOOP_S)
    out = np.zeros(n)
    root = 220.0 * 2 ** (((mood * 5) % 12) / 12) if mood >= 0 else 196.0
    beats = 16 + (mood % 3) * 4 if mood >= 0 else 12
    step = n // beats
    rng = np.random.default_rng(100 + mood)
    pattern = rng.choice(len(PENTATONIC), beats)
    for i, k in enumerate(pattern):
        freq = root * 2 ** (PENTATONIC[k] / 12)
        note = _tone(rate, freq, min(0.5, step / rate * 1.6), 6) * 0.16
        start = i * step
        end = min(n, start + len(note))
        out[start:end] += note[: end - start]
        if i % 4 == 0:
            bass = _tone(rate, root / 2, min(1.0, step * 4 / rate), 3) * 0.12
            end = min(n, start + len(bass))
            out[start:end] += bass[: end - start]
    fade = int(rate * 0.05)
    out[:fade] *= np.linspace(0, 1, fade)
    out[-fade:] *= np.linspace(1, 0, fade)
    return out
