"""Optional sound for the step sequencer: tiny synthesised notes and drums.

Only used when ``pygame.mixer`` is already initialised; any failure just means silence,
so the tune challenge never depends on audio.
"""

from __future__ import annotations

from typing import Any

import pygame

try:  # numpy ships with the game, but sound must never be a hard requirement
    import numpy as np
except ImportError:  # pragma: no cover
    np = None


class Synth:
    """Makes and caches one short sound per (row, wave)."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, str], Any] = {}
        self.broken = False

    def ready(self) -> bool:
        try:
            return not self.broken and np is not None and bool(pygame.mixer.get_init())
        except pygame.error:
            return False

    def play(self, item: dict[str, Any], wave: str) -> None:
        if not self.ready():
            return
        key = (item["id"], wave)
        try:
            if key not in self.cache:
                self.cache[key] = self._make(item, wave)
            self.cache[key].play()
        except Exception:  # noqa: BLE001 — audio is optional; never crash the lesson
            self.broken = True

    @staticmethod
    def _make(item: dict[str, Any], wave: str):
        rate, fmt, channels = pygame.mixer.get_init()
        n = int(rate * 0.22)
        t = np.arange(n) / rate
        env = np.exp(-t * 14)
        drum = item.get("drum")
        if drum == "kick":
            freq = 150 * np.exp(-t * 18) + 45
            sig = np.sin(2 * np.pi * np.cumsum(freq) / rate) * env
        elif drum in ("snare", "hat"):
            noise = np.random.default_rng(7).uniform(-1, 1, n)
            sig = noise * np.exp(-t * (30 if drum == "snare" else 70)) * (0.7 if drum == "snare" else 0.4)
        else:
            phase = 2 * np.pi * float(item["freq"]) * t
            if wave == "square":
                sig = np.sign(np.sin(phase)) * 0.5
            elif wave == "triangle":
                sig = 2 / np.pi * np.arcsin(np.sin(phase))
            else:
                sig = np.sin(phase)
            sig = sig * env
        peak = 32767 * 0.35 if abs(fmt) == 16 else 127 * 0.35
        data = (sig * peak).astype(np.int16 if abs(fmt) == 16 else np.int8)
        if channels > 1:
            data = np.repeat(data[:, None], channels, axis=1)
        return pygame.sndarray.make_sound(np.ascontiguousarray(data))
