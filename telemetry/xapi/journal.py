"""The append-only journal (JSON lines) and its background writer thread.

The game thread only calls :meth:`JournalWriter.append` (a deque append under a tiny lock:
no I/O, no serialisation). The writer thread, started by :meth:`JournalWriter.start`,
wakes every ``poll_interval`` seconds (or at once when asked), serialises what is queued,
writes and flushes it, and ``os.fsync``\\ s at least every ``fsync_interval`` seconds and
whenever someone waits for durability or a checkpoint. A checkpoint runs the compaction
callback on the writer thread (so nothing is appended meanwhile) and then truncates the
journal. Disk errors never escape the thread: unwritten lines stay in memory,
``healthy`` turns false, ``last_error`` says why, and the write is retried.

The writer touches only the journal file; the compaction callback touches what it owns.
:func:`scan_journal` reads a journal file (any thread; used by compaction and recovery).
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telemetry.xapi.statements import validate_statement


@dataclass
class JournalScan:
    """What :func:`scan_journal` found in a journal file."""

    statements: list[dict[str, Any]] = field(default_factory=list)
    skipped_lines: int = 0
    torn_tail: bool = False  # the last line was cut short (a crash mid-write)
    damaged_lines: int = 0  # complete lines that could not be read (not just a torn tail)


def scan_journal(path: Path, *, validate: bool = False) -> JournalScan:
    """Read every readable statement of a journal, in order. A torn last line or any
    unparsable line is skipped and counted; a missing file is an empty journal."""
    scan = JournalScan()
    try:
        raw = Path(path).read_bytes()
    except FileNotFoundError:
        return scan
    lines = raw.split(b"\n")
    tail = lines.pop()  # b"" when the file ends with a newline
    if tail.strip():
        scan.torn_tail = True
        scan.skipped_lines += 1
    for line in lines:
        if not line.strip():
            continue
        try:
            statement = json.loads(line)
            if not isinstance(statement, dict) or not isinstance(statement.get("id"), str):
                raise ValueError("not a statement")
            if validate:
                validate_statement(statement)
        except ValueError:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
            scan.skipped_lines += 1
            scan.damaged_lines += 1
            continue
        scan.statements.append(statement)
    return scan


class JournalWriter:
    """Owns the journal file and the thread that writes it. See the module docstring."""

    def __init__(
        self,
        path: Path,
        compact: Callable[[Path], None],
        *,
        fsync_interval: float = 0.5,
        poll_interval: float = 0.02,
        retry_interval: float = 1.0,
        prepare: Callable[[], None] | None = None,
    ) -> None:
        if not 0 < fsync_interval <= 1.0:
            raise ValueError("fsync_interval must be in (0, 1] seconds")
        self.path = Path(path)
        self._compact = compact
        #: called (writer thread) before the journal file is opened: e.g. a store whose
        #: folder could not be made yet makes it now; raising means "retry later"
        self._prepare = prepare
        self._fsync_interval = fsync_interval
        self._poll_interval = poll_interval
        self._retry_interval = retry_interval
        self._queue: deque[dict[str, Any]] = deque()
        self._count_lock = threading.Lock()
        self._enqueued = 0
        self._written = 0
        self._durable = 0
        self._pending: list[bytes] = []  # serialised, not yet written (disk trouble)
        self._unsynced: list[bytes] = []  # written but not yet fsynced: rewritten if fsync fails
        self._cv = threading.Condition()
        self._wake = threading.Event()
        self._want_sync = False
        self._ckpt_requested = 0
        self._ckpt_done = 0
        self._stopping = False
        self._fh: Any = None
        self._healthy = True
        self._last_error: str | None = None
        self._thread = threading.Thread(target=self._run, name="telemetry-journal", daemon=True)

    # -- caller side ---------------------------------------------------------------------

    def start(self) -> None:
        """Start the writer thread (once, right after opening)."""
        self._thread.start()

    def append(self, statement: dict[str, Any]) -> None:
        """Queue one statement. Any thread; no I/O; the dict must not be mutated afterwards."""
        with self._count_lock:
            self._queue.append(statement)
            self._enqueued += 1

    @property
    def enqueued_count(self) -> int:
        """Statements appended since open."""
        return self._enqueued

    @property
    def durable_count(self) -> int:
        """Statements (in append order) written *and* fsynced since open."""
        return self._durable

    @property
    def healthy(self) -> bool:
        """False while the last disk operation failed (events are kept in memory)."""
        return self._healthy

    @property
    def last_error(self) -> str | None:
        """The last disk error, as text, or ``None``."""
        return self._last_error

    def pending_statements(self) -> list[dict[str, Any]]:
        """Statements not yet written to the journal (queued or held back by disk errors)."""
        held = [json.loads(line) for line in list(self._pending)]
        return held + list(self._queue)

    def unsaved_statements(self) -> list[dict[str, Any]]:
        """After :meth:`stop`: every statement not fsynced to the journal (queued, held back
        by disk errors, or written but never synced), oldest first."""
        lines = list(self._unsynced) + list(self._pending)
        return [json.loads(line) for line in lines] + list(self._queue)

    def wait_durable(self, timeout: float | None = None) -> bool:
        """Block until every statement appended before this call is fsynced; False on timeout."""
        target = self._enqueued
        with self._cv:
            self._want_sync = True
        self._wake.set()
        with self._cv:
            return self._cv.wait_for(lambda: self._durable >= target, timeout)

    def checkpoint(self, *, wait: bool = True, timeout: float | None = None) -> bool:
        """Ask the writer to sync and compact. With ``wait``, block until done (False on
        timeout, e.g. while the disk is failing); without, return at once."""
        generation = self.request_checkpoint()
        if not wait:
            return True
        return self.wait_checkpoint(generation, timeout)

    def request_checkpoint(self) -> int:
        """Ask for a checkpoint without waiting; its generation, for :meth:`wait_checkpoint`."""
        with self._cv:
            self._ckpt_requested += 1
            generation = self._ckpt_requested
        self._wake.set()
        return generation

    def wait_checkpoint(self, generation: int, timeout: float | None = None) -> bool:
        """Block until checkpoint ``generation`` is done; False on timeout."""
        with self._cv:
            return self._cv.wait_for(lambda: self._ckpt_done >= generation, timeout)

    def stop(self, timeout: float | None = 10.0) -> bool:
        """Write and fsync what is queued, stop the thread. True if everything is durable."""
        self._stopping = True
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        return self._durable >= self._enqueued

    # -- writer thread -------------------------------------------------------------------

    def _run(self) -> None:
        last_sync = time.monotonic()
        retry_at = 0.0
        while True:
            self._wake.wait(self._poll_interval)
            self._wake.clear()
            stopping = self._stopping
            now = time.monotonic()
            if not self._healthy and now < retry_at and not stopping:
                continue
            with self._cv:
                force = self._want_sync
                self._want_sync = False
                ckpt = self._ckpt_requested
            try:
                self._drain()
                due = now - last_sync >= self._fsync_interval
                if self._written > self._durable and (
                    force or due or stopping or ckpt > self._ckpt_done
                ):
                    self._sync()
                    last_sync = now
                if ckpt > self._ckpt_done:
                    self._checkpoint(ckpt)
                self._healthy = True
            except Exception as exc:  # noqa: BLE001 - the writer must never die
                self._fail(exc)
                retry_at = time.monotonic() + self._retry_interval
                if force:
                    with self._cv:
                        self._want_sync = True
            if stopping:
                self._close_file()
                with self._cv:
                    self._cv.notify_all()
                return

    def _drain(self) -> None:
        queue = self._queue
        pending = self._pending
        while queue:
            statement = queue.popleft()
            try:
                pending.append(json.dumps(statement, separators=(",", ":")).encode() + b"\n")
            except (TypeError, ValueError) as exc:  # validated at record(): should not happen
                self._last_error = f"dropped an unserialisable statement: {exc}"
        if not pending:
            return
        if self._fh is None:
            self._open_file()
        self._fh.write(b"".join(pending))
        self._fh.flush()
        self._written += len(pending)
        self._unsynced.extend(pending)
        self._pending = []

    def _sync(self) -> None:
        if self._fh is None:  # closed by a failure since the write: write it again first
            self._fail_back()
            self._drain()
            if self._fh is None:
                return
        os.fsync(self._fh.fileno())
        self._healthy = True
        self._unsynced = []
        with self._cv:
            self._durable = self._written
            self._cv.notify_all()

    def _checkpoint(self, generation: int) -> None:
        self._compact(self.path)
        if self._fh is None:
            self._open_file()
        self._fh.truncate(0)
        self._fh.flush()
        os.fsync(self._fh.fileno())
        self._healthy = True
        with self._cv:
            self._ckpt_done = generation
            self._cv.notify_all()

    def _open_file(self) -> None:
        if self._prepare is not None:
            self._prepare()
        fh = open(self.path, "ab")  # noqa: SIM115 - held open across wake-ups
        if fh.tell() > 0:  # after a failed partial write: never glue onto a torn line
            with open(self.path, "rb") as reader:
                reader.seek(-1, os.SEEK_END)
                if reader.read(1) != b"\n":
                    fh.write(b"\n")
        self._fh = fh

    def _close_file(self) -> None:
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError:
                pass
            self._fh = None

    def _fail(self, exc: BaseException) -> None:
        self._healthy = False
        self._last_error = f"{type(exc).__name__}: {exc}"
        self._close_file()  # reopen (and re-check the tail) on retry
        self._fail_back()

    def _fail_back(self) -> None:
        """Lines written but never fsynced may be lost after a failed fsync (the kernel
        may drop them): queue them to be written again. Statement ids make the repeat
        harmless (compaction and readers keep one copy per id)."""
        if self._unsynced:
            self._written -= len(self._unsynced)
            self._pending = self._unsynced + self._pending
            self._unsynced = []
