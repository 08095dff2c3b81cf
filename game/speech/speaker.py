"""The speaker: a thread that owns the backend, fed through a slot of size one.

``say`` returns at once (a lock and a notify): the new utterance replaces one still
waiting, and the thread interrupts whatever is being said (the backend's ``stop``) before
starting it, so speech never queues behind old text. The thread opens the backend itself
(``opener``, ``game.speech.choose.choose``) the first time something is said or
``start`` is called; when none opens it records why (``problems``) and ends.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from game.speech.backend import Backend, Unavailable

log = logging.getLogger("worktown.speech")

#: how often a speaking backend is polled (seconds)
POLL_S = 0.02
#: what ``Speaker._call`` returns when the backend raised
FAILED = object()


@dataclass(frozen=True)
class Utterance:
    text: str
    language: str
    rate: float


class Speaker:
    """One speech thread; every backend call happens on it."""

    def __init__(self, opener: Callable[[], tuple[Backend | None, list[Unavailable]]]) -> None:
        self._opener = opener
        self._cond = threading.Condition()
        self._pending: Utterance | None = None
        self._silence = False
        self._closing = False
        self._speaking = False
        self._thread: threading.Thread | None = None
        #: "idle" (not started), "starting", "ready", "unavailable" or "closed"
        self.status = "idle"
        self.backend_name = ""
        self.problems: list[Unavailable] = []

    # -- the game thread's side (never waits) ----------------------------------------
    def start(self) -> None:
        """Open the backend in the background (the settings screen asks to know early)."""
        with self._cond:
            self._start_locked()

    def _start_locked(self) -> None:
        if self._thread is None and not self._closing:
            self.status = "starting"
            self._thread = threading.Thread(target=self._run, name="worktown-speech", daemon=True)
            self._thread.start()

    def say(self, text: str, language: str, rate: float) -> None:
        """Speak ``text`` now: replaces what waits, interrupts what is being said."""
        with self._cond:
            if self.status in ("unavailable", "closed"):
                return
            self._pending = Utterance(text, language, rate)
            self._start_locked()
            self._cond.notify()

    def silence(self) -> None:
        """Stop speaking and forget what waits (Read aloud turned off)."""
        with self._cond:
            self._pending = None
            self._silence = True
            self._cond.notify()

    def wait_idle(self, timeout: float = 2.0) -> bool:
        """Block until nothing waits or speaks (tests and shutdown only); True if so."""
        with self._cond:
            return self._cond.wait_for(
                lambda: (
                    self.status in ("unavailable", "closed", "idle")
                    or (self.status == "ready" and self._pending is None and not self._speaking)
                ),
                timeout,
            )

    def close(self, timeout: float = 1.0) -> None:
        """End the thread (app shutdown); waits at most ``timeout``."""
        with self._cond:
            self._closing = True
            self._pending = None
            self._cond.notify()
            thread = self._thread
        if thread is not None:
            thread.join(timeout)
        self.status = "closed"

    # -- the speech thread ---------------------------------------------------------------
    def _run(self) -> None:
        try:
            backend, problems = self._opener()
        except Exception as exc:  # noqa: BLE001 (a broken chooser: no speech, no crash)
            backend, problems = (
                None,
                [Unavailable("speech", "failed", f"{type(exc).__name__}: {exc}")],
            )
        with self._cond:
            self.problems = list(problems)
            if backend is None:
                self.status = "unavailable"
                self._pending = None
                self._cond.notify_all()
                log.warning("read aloud unavailable: %s", "; ".join(str(p) for p in problems))
                return
            self.status = "ready"
            self.backend_name = backend.name
            self._cond.notify_all()
        log.info("read aloud through %s", backend.name)
        started = False
        try:
            while True:
                with self._cond:
                    if self._pending is None and not self._silence and not self._closing:
                        self._cond.wait(POLL_S if self._speaking else None)
                    if self._closing:
                        break
                    job, self._pending = self._pending, None
                    hush, self._silence = self._silence, False
                    if job is not None:
                        self._speaking = True
                if job is not None or hush:
                    if started:
                        self._call(backend.stop)
                    busy = False
                    if job is not None:
                        started = (
                            self._call(backend.start, job.text, job.language, job.rate)
                            is not FAILED
                        ) or started
                        busy = self._call(backend.busy) is True
                elif self._speaking:
                    busy = self._call(backend.busy) is True
                else:
                    continue
                with self._cond:
                    self._speaking = busy
                    self._cond.notify_all()
        finally:
            self._call(backend.stop)
            self._call(backend.close)

    def _call(self, method, *args):
        """A backend call; an error is logged and spoken past (``FAILED``), never raised."""
        try:
            return method(*args)
        except Exception:  # noqa: BLE001
            log.exception(
                "speech backend %s failed in %s",
                self.backend_name,
                getattr(method, "__name__", "?"),
            )
            return FAILED
