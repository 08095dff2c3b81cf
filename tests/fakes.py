"""Fakes the tests share: a speech backend that records what it is asked to say (and the
step that gives it to an app), and a disk that can be made to refuse writes."""

from __future__ import annotations

import os
import threading

import pytest

import telemetry.xapi.journal
from game.speech.backend import Backend


class RecordingBackend(Backend):
    """Speaks instantly; keeps (language, text) of every utterance it was given."""

    name = "recording"

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def start(self, text, language, rate):
        self.said.append((language, text))


def record_speech(app) -> RecordingBackend:
    """Make ``app`` speak through a new :class:`RecordingBackend`, with read-aloud on;
    called by a test before the speech it checks, returns the backend to read."""
    fake = RecordingBackend()
    app.ctx.speech.opener = lambda: (fake, [])
    app.ctx.settings.read_aloud = True
    return fake


class Disk:
    """A disk that can be made to refuse writes: fsync, os.replace (atomic saves and the
    store) and opening the journal raise ``OSError(code)`` while ``broken`` is set."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, code: int) -> None:
        self.broken = threading.Event()
        self.code = code
        real_fsync, real_replace, real_open = os.fsync, os.replace, open

        def fsync(fd):
            if self.broken.is_set():
                raise OSError(code, os.strerror(code))
            return real_fsync(fd)

        def replace(src, dst, *a, **k):
            if self.broken.is_set():
                raise OSError(code, os.strerror(code), str(dst))
            return real_replace(src, dst, *a, **k)

        def journal_open(path, *a, **k):
            if self.broken.is_set():
                raise OSError(code, os.strerror(code), str(path))
            return real_open(path, *a, **k)

        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(telemetry.xapi.journal, "open", journal_open, raising=False)
