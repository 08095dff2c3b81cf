"""Optional sound for the step sequencer: tiny synthesised notes and drums.

Only used when ``pygame.mixer`` is already initialised; any failure just means silence,
so the tune challenge never depends on audio. Every note is scaled by the player's
effects volume (``settings.effects_volume``, 0–1, read through the kit at each step, so
a change in the settings is heard at the next note); at 0 nothing is made or played.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones.challenges.design_params import Item

try:  # numpy ships with the game, but sound must never be a hard requirement
    import numpy as np
except ImportError:  # pragma: no cover
    np = None  # type: ignore[assignment]


class Synth:
    """Makes and caches one short sound per (row, wave, volume). Called by the design
    view on each step of the playhead; touches only the mixer and its own cache."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, str, float], Any] = {}
        self.broken = False

    def ready(self) -> bool:
        try:
            return not self.broken and np is not None and bool(pygame.mixer.get_init())
        except pygame.error:
            return False

    def play(self, item: Item, wave: str, volume: float = 1.0):
        """Play ``item``'s note at ``volume`` (0–1); returns the sound played, or None
        (silence: volume 0, no mixer, or audio broken)."""
        volume = min(1.0, max(0.0, float(volume)))
        if volume <= 0 or not self.ready():
            return None
        key = (item.id, wave, round(volume, 3))
        try:
            if key not in self.cache:
                if len(self.cache) > 64:  # volumes change rarely; keep it small
                    self.cache.clear()
                self.cache[key] = self._make(item, wave, volume)
            self.cache[key].play()
            return self.cache[key]
        except Exception:  # noqa: BLE001 — audio is optional; never crash the lesson
            self.broken = True
            return None

    @staticmethod
    def _make(item: Item, wave: str, volume: float = 1.0):
        mixer = pygame.mixer.get_init()
        assert mixer is not None, "called only when the mixer is ready"
        rate, fmt, channels = mixer
        data = samples(item, wave, rate, fmt, channels, volume)
        return pygame.sndarray.make_sound(np.ascontiguousarray(data))


def samples(item: Item, wave: str, rate: int, fmt: int, channels: int, volume: float = 1.0):
    """The note's samples (numpy int array, one column per channel) at ``volume`` (0–1):
    the amplitude scales linearly with the volume; 0 gives all zeros."""
    volume = min(1.0, max(0.0, float(volume)))
    n = int(rate * 0.22)
    t = np.arange(n) / rate
    env = np.exp(-t * 14)
    drum = item.drum
    if drum == "kick":
        freq = 150 * np.exp(-t * 18) + 45
        sig = np.sin(2 * np.pi * np.cumsum(freq) / rate) * env
    elif drum in ("snare", "hat"):
        noise = np.random.default_rng(7).uniform(-1, 1, n)
        sig = (
            noise * np.exp(-t * (30 if drum == "snare" else 70)) * (0.7 if drum == "snare" else 0.4)
        )
    else:
        phase = 2 * np.pi * float(item.freq or 0) * t
        if wave == "square":
            sig = np.sign(np.sin(phase)) * 0.5
        elif wave == "triangle":
            sig = 2 / np.pi * np.arcsin(np.sin(phase))
        else:
            sig = np.sin(phase)
        sig = sig * env
    peak = (32767 * 0.35 if abs(fmt) == 16 else 127 * 0.35) * volume
    data = (sig * peak).astype(np.int16 if abs(fmt) == 16 else np.int8)
    if channels > 1:
        data = np.repeat(data[:, None], channels, axis=1)
    return data
