"""A growing wait after wrong teacher passphrases, per data folder, kept on disk.

Called by :mod:`telemetry.classroom.class_store` before and after every passphrase check (command
line and teacher panel). Writes only ``<data_dir>/classes/attempts.json`` (the number of
mistakes in a row and when the last was made; nothing else), so starting the command
again does not reset the wait.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Callable
from pathlib import Path

from telemetry.xapi.atomic import atomic_write_bytes

__all__ = ["ATTEMPTS_FILE", "PassphraseGate", "TooManyAttempts"]

ATTEMPTS_FILE = "attempts.json"
_FREE_TRIES, _MAX_WAIT = 2, 900.0


class TooManyAttempts(PermissionError):
    """Too many wrong passphrases in a row: wait ``seconds`` before the next try."""

    def __init__(self, seconds: int) -> None:
        super().__init__(f"too many wrong teacher passphrases: try again in {seconds} s")
        self.seconds = seconds


class PassphraseGate:
    """A growing wait after wrong passphrases, per data folder, kept on disk.

    The first ``_FREE_TRIES`` mistakes cost nothing; after that each one doubles the wait
    (2 s, 4 s, 8 s ... up to 15 minutes) before the next try is even checked. A right
    passphrase resets it. ``clock`` is injectable (tests); nothing here sleeps."""

    def __init__(self, data_dir: Path | str, clock: Callable[[], float] = time.time) -> None:
        self.path = Path(data_dir) / "classes" / ATTEMPTS_FILE
        self.clock = clock

    def _read(self) -> tuple[int, float]:
        try:
            doc = json.loads(self.path.read_bytes())
            return max(0, int(doc["failures"])), float(doc["last"])
        except (OSError, ValueError, TypeError, KeyError):
            return 0, 0.0

    def _write(self, failures: int, last: float) -> None:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(self.path, json.dumps({"failures": failures, "last": last}).encode())
        except OSError:
            pass  # a read-only folder: the wait is then kept for this run only

    @staticmethod
    def wait_after(failures: int) -> float:
        return 0.0 if failures <= _FREE_TRIES else min(_MAX_WAIT, 2.0 ** (failures - _FREE_TRIES))

    def seconds_left(self) -> float:
        failures, last = self._read()
        wait = self.wait_after(failures)
        return max(0.0, min(wait, last + wait - self.clock()))

    def check(self) -> None:
        """:class:`TooManyAttempts` while the wait after the last mistake is not over."""
        left = self.seconds_left()
        if left > 0:
            raise TooManyAttempts(math.ceil(left))

    def failed(self) -> None:
        failures, _ = self._read()
        self._write(failures + 1, self.clock())

    def succeeded(self) -> None:
        if self._read()[0]:
            self._write(0, self.clock())
