"""One small background thread that writes saves and settings files, so a slow disk (a
network share) never stalls a frame.

The game thread calls :meth:`SaveWriter.submit` with a file's path and its complete new
bytes (serialised on the game thread, so later changes to the live objects cannot leak
into a half-taken snapshot). Writes are *coalesced*: while a file waits, a newer submit
replaces its bytes, so only the latest version of each file is written. Each write is
atomic and durable as before (:func:`telemetry.xapi.atomic.atomic_write_bytes`).

A write the disk refuses (full, read-only, gone) is not retried here: the failure is kept
per file under its *kind* (``"save"`` or ``"settings"``) until a later write of that file
succeeds. The game thread reads :meth:`problem` (``GameContext.save_problem``, the app's
calm notice and retry) and :meth:`take_failures` (one-shot notices) once per frame.

:meth:`flush` blocks until everything submitted so far is on disk (or failed); it is
called on sign-out, before erasing a player and at shutdown. Touches only the files it is
given and their folders.
"""

from __future__ import annotations

import threading
from pathlib import Path

from telemetry.xapi.atomic import atomic_write_bytes

THREAD_NAME = "worktown-saves"


class SaveWriter:
    """Coalescing writer of whole files on one daemon thread (started on first use)."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._pending: dict[Path, tuple[bytes, str]] = {}
        self._busy = False
        self._closed = False
        self._thread: threading.Thread | None = None
        self._failed: dict[Path, tuple[str, str]] = {}
        self._new_failures: list[tuple[str, Path, str]] = []
        #: files written since the writer was made (tests and benchmarks read it)
        self.written = 0

    # -- game thread ----------------------------------------------------------------------
    def submit(self, path: Path, data: bytes, kind: str = "save") -> None:
        """Queue ``data`` as the new content of ``path`` (replacing a queued older one)."""
        path = Path(path)
        with self._cond:
            self._pending.pop(path, None)  # keep files in the order last asked for
            self._pending[path] = (data, kind)
            if self._thread is None:
                self._start()
            self._cond.notify_all()

    def _start(self) -> None:
        self._thread = threading.Thread(target=self._run, name=THREAD_NAME, daemon=True)
        self._thread.start()

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until every submitted file is written or has failed; False on timeout."""
        with self._cond:
            return self._cond.wait_for(lambda: not self._pending and not self._busy, timeout)

    def problem(self, kind: str = "save") -> str | None:
        """Why the latest write of some file of ``kind`` failed, or None when all are written."""
        if not self._failed:  # the usual case, without taking the lock
            return None
        with self._cond:
            for failed_kind, message in self._failed.values():
                if failed_kind == kind:
                    return message
        return None

    def take_failures(self) -> list[tuple[str, Path, str]]:
        """Failures (kind, path, message) since the last call, for one-shot notices."""
        if not self._new_failures:  # the usual case, without taking the lock
            return []
        with self._cond:
            out, self._new_failures = self._new_failures, []
        return out

    def close(self, timeout: float | None = 30.0) -> bool:
        """Flush, then stop the thread (a later submit starts a new one). Returns whether
        everything was written in time; a writer stuck on a dead disk is left behind (daemon)."""
        done = self.flush(timeout)
        thread = self._thread
        if thread is None or not done:
            return done
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        thread.join(timeout)
        with self._cond:
            self._closed = False
            if not thread.is_alive():
                self._thread = None
                if self._pending:  # submitted while closing: a new thread takes it
                    self._start()
        return done

    # -- writer thread --------------------------------------------------------------------
    def _run(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending or self._closed)
                if not self._pending:
                    return  # closed and nothing left
                path = next(iter(self._pending))
                data, kind = self._pending.pop(path)
                self._busy = True
            problem = None
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_bytes(path, data)
            except OSError as exc:
                problem = f"{type(exc).__name__}: {exc}"
            with self._cond:
                if problem is None:
                    self._failed.pop(path, None)
                    self.written += 1
                else:
                    self._failed[path] = (kind, problem)
                    self._new_failures.append((kind, path, problem))
                self._busy = False
                self._cond.notify_all()
