"""The per-player folder: lock, queryable TinyDB state, journal compaction and recovery.

Layout of ``<data_dir>/players/<PLAYER_CODE>/``::

    player.lock     held while a Recorder has the player open (pid inside, for messages)
    journal.jsonl   append-only statements not yet compacted (written by journal.py)
    store.json      TinyDB (InsertOnlyJSONStorage): table "statements", table "meta"

:meth:`PlayerStore.open` is called once per Recorder (game thread) and recovers: stray temp
files removed, an unreadable ``store.json`` set aside as ``store.json.damaged-<UTC time>``
and rebuilt from what can be read, the journal compacted (torn or damaged lines skipped
and counted; a journal with damaged lines is set aside too). A damaged file never stops
opening; the :class:`RecoveryReport` says what happened in one line for the player.
:meth:`PlayerStore.compact_journal` runs on the journal writer thread at each checkpoint.
Statement ids make compaction idempotent: a crash between "inserted into TinyDB" and
"journal truncated" is repaired by skipping ids already stored.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tinydb import TinyDB

from telemetry.xapi.atomic import (
    AtomicJSONStorage,
    DamagedFileError,
    InsertOnlyJSONStorage,
    atomic_write_bytes,
    fsync_dir,
    remove_stray_temps,
)
from telemetry.xapi.folder import DB_NAME, JOURNAL_NAME, LOCK_NAME, player_dir, salvage_statements
from telemetry.xapi.journal import scan_journal
from telemetry.xapi.reader import read_player_statements
from telemetry.xapi.spill import drop_spills, take_spills

STORE_FORMAT = {"format": "worktown-telemetry", "version": 1}


class PlayerLocked(RuntimeError):
    """The player is open in another process (or another Recorder in this one)."""


@dataclass(frozen=True)
class RecoveryReport:
    """What opening the store had to repair. Empty (``clean``) after a normal close."""

    recovered: int = 0  # statements brought in from the journal or salvaged from a damaged file
    skipped_lines: int = 0  # journal lines that could not be read (torn or damaged)
    set_aside: tuple[Path, ...] = ()  # damaged files moved aside, kept for inspection
    spilled: int = 0  # statements brought back from spill files (telemetry.xapi.spill)

    @property
    def clean(self) -> bool:
        return not (self.recovered or self.skipped_lines or self.set_aside or self.spilled)

    @property
    def message(self) -> str:
        """One line the game can show the player."""
        if self.clean:
            return "Your saved progress is in good shape."
        parts = []
        if self.set_aside:
            names = ", ".join(p.name for p in self.set_aside)
            parts.append(
                f"A damaged file was put aside ({names}) and {_events(self.recovered)} "
                "were rebuilt from what could be read"
            )
        else:
            parts.append(
                f"Worktown did not close normally last time; {_events(self.recovered)} were "
                "recovered"
            )
        if self.skipped_lines:
            s = "" if self.skipped_lines == 1 else "s"
            parts.append(f"{self.skipped_lines} unfinished line{s} could not be read")
        return "; ".join(parts) + "."


def _events(n: int) -> str:
    return "1 event" if n == 1 else f"{n} events"


class PlayerLock:
    """An OS-level exclusive lock on ``player.lock`` (fcntl.flock / msvcrt.locking). The
    kernel drops it when the process dies, so a crash never leaves a stale lock; the pid
    written inside is only for the error message."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`PlayerLocked`. Touches only the lock file."""
        for _ in range(10):
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                _lock_fd(fd)
            except OSError:
                holder = _read_pid(fd)
                os.close(fd)
                who = f" (process {holder})" if holder else ""
                raise PlayerLocked(
                    f"{self.path.parent.name} is already open in another Worktown window{who}"
                ) from None
            try:
                same = os.stat(self.path).st_ino == os.fstat(fd).st_ino
            except FileNotFoundError:
                same = False
            if not same:  # the previous holder removed the file while we waited: retry
                _unlock_fd(fd)
                os.close(fd)
                continue
            try:
                os.ftruncate(fd, 0)
                os.write(fd, f"{os.getpid()}\n".encode())
            except OSError:  # disk full: the pid is only for messages, the lock is held
                pass
            self._fd = fd
            return
        raise PlayerLocked(f"{self.path}: could not take the lock")

    def release(self) -> None:
        """Remove the lock file and release the lock (idempotent)."""
        fd, self._fd = self._fd, None
        if fd is None:
            return
        if sys.platform != "win32":
            _unlink_quietly(self.path)  # while still holding it: see acquire()'s inode check
        _unlock_fd(fd)
        os.close(fd)
        if sys.platform == "win32":
            _unlink_quietly(self.path)


def _lock_fd(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock_fd(fd: int) -> None:
    try:
        if sys.platform == "win32":
            import msvcrt

            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def _read_pid(fd: int) -> int | None:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return int(os.read(fd, 32).split()[0])
    except (OSError, ValueError, IndexError):
        return None


def _unlink_quietly(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass


def _set_aside(path: Path) -> Path:
    """Rename a damaged file to ``<name>.damaged-<UTC time>`` next to it."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{n}")
    os.replace(path, target)
    fsync_dir(path.parent)
    return target


class PlayerStore:
    """One player's folder, opened and locked. Use :meth:`open`; see the module docstring."""

    def __init__(self, folder: Path, lock: PlayerLock) -> None:
        self.folder = folder
        self.journal_path = folder / JOURNAL_NAME
        self.db_path = folder / DB_NAME
        self._lock = lock
        self._db_lock = threading.Lock()  # TinyDB is used by the game and writer threads
        self._db: TinyDB | None = None
        self._ids: set[str] = set()
        self.recovery = RecoveryReport()
        self.compacted_skipped = 0  # lines skipped by checkpoints since open
        self.player_code = folder.name
        #: why the folder could not be opened yet (``open(defer=True)``), None once open
        self.deferred: str | None = None
        self._preloaded: list[dict[str, Any]] = []
        self._open_lock = threading.Lock()

    @classmethod
    def open(cls, data_dir: Path | str, player_code: str, *, defer: bool = False) -> PlayerStore:
        """Lock and recover the player's folder (creating it if new). Raises
        :class:`PlayerLocked` if another process has it; never fails on damaged files.

        With ``defer``, a folder the disk refuses (full, read-only: ``OSError``) gives a
        *deferred* store instead of raising: nothing is locked or written yet,
        :attr:`deferred` says why, what the folder already holds is read without writing,
        and :meth:`ensure_open` (called by the journal writer before each write) opens it
        for real once the disk accepts."""
        folder = player_dir(data_dir, player_code)
        try:
            return cls._open_folder(folder, player_code)
        except OSError as exc:
            if not defer:
                raise
            store = cls(folder, PlayerLock(folder / LOCK_NAME))
            store.player_code = player_code
            store.deferred = f"{type(exc).__name__}: {exc.strerror or exc}"
            store._preloaded = _read_quietly(data_dir, player_code)
            return store

    @classmethod
    def _open_folder(cls, folder: Path, player_code: str) -> PlayerStore:
        folder.mkdir(parents=True, exist_ok=True)
        lock = PlayerLock(folder / LOCK_NAME)
        lock.acquire()
        store = cls(folder, lock)
        store.player_code = player_code
        try:
            store.recovery = store._recover()
        except BaseException:
            store._close_db()
            lock.release()
            raise
        return store

    def ensure_open(self) -> None:
        """Open a deferred store for real (lock, recover); no-op when open. Raises
        ``OSError`` or :class:`PlayerLocked` while it cannot; called on the writer thread."""
        if self.deferred is None:
            return
        with self._open_lock:
            if self.deferred is None:
                return
            opened = type(self)._open_folder(self.folder, self.player_code)
            self._lock, self._db, self._ids = opened._lock, opened._db, opened._ids
            self.recovery = opened.recovery
            self._preloaded = []
            self.deferred = None

    def _recover(self) -> RecoveryReport:
        set_aside: list[Path] = []
        recovered = 0
        remove_stray_temps(self.db_path)
        try:
            data = AtomicJSONStorage(self.db_path).read()
            _check_tables(self.db_path, data)
        except DamagedFileError:
            raw = self.db_path.read_bytes()
            salvaged = salvage_statements(raw)
            set_aside.append(_set_aside(self.db_path))
            self._open_db()
            self._insert_new(salvaged)
            recovered += len(salvaged)
        else:
            self._open_db()
        scan = scan_journal(self.journal_path, validate=True)
        recovered += self._insert_new(scan.statements)
        spilled, spill_files = take_spills(self.player_code)
        from_spill = self._insert_new(spilled) if spill_files else 0  # stored before deleting
        if spill_files:
            drop_spills(spill_files)
        if scan.damaged_lines:
            set_aside.append(_set_aside(self.journal_path))
        elif self.journal_path.exists() and self.journal_path.stat().st_size:
            atomic_write_bytes(self.journal_path, b"")
        return RecoveryReport(recovered, scan.skipped_lines, tuple(set_aside), from_spill)

    def _open_db(self) -> None:
        self._db = TinyDB(
            self.db_path, storage=InsertOnlyJSONStorage, frozen_tables=("statements",)
        )
        meta = self._db.table("meta")
        if not meta.all():
            meta.insert(dict(STORE_FORMAT))
        self._ids = {doc["id"] for doc in self._db.table("statements").all()}

    def _insert_new(self, statements: list[dict[str, Any]]) -> int:
        """Insert the statements whose ids are not stored yet, in one TinyDB write."""
        fresh: list[dict[str, Any]] = []
        for statement in statements:
            sid = statement["id"]
            if sid not in self._ids:
                self._ids.add(sid)
                fresh.append(statement)
        if fresh:
            assert self._db is not None
            with self._db_lock:
                try:
                    self._db.table("statements").insert_multiple(fresh)
                except BaseException:
                    self._ids.difference_update(s["id"] for s in fresh)
                    raise
        return len(fresh)

    def compact_journal(self, journal_path: Path) -> None:
        """Checkpoint step, run on the journal writer thread after the journal is fsynced:
        move its statements into TinyDB (one atomic write). The writer truncates after."""
        self.ensure_open()
        scan = scan_journal(journal_path)
        self.compacted_skipped += scan.skipped_lines
        self._insert_new(scan.statements)

    @property
    def statements_encoded(self) -> int:
        """Statement JSON texts made so far by the storage (one per statement if checkpoints
        cost only what they add; read by tests and bench/checkpoint_stall.py)."""
        storage = getattr(self._db, "storage", None)
        return getattr(storage, "documents_encoded", 0)

    @property
    def statement_count(self) -> int:
        """Statements stored in TinyDB (compacted)."""
        return len(self._ids)

    def contains(self, statement_id: str) -> bool:
        """True if the statement is stored in TinyDB."""
        return statement_id in self._ids

    def all_statements(self) -> list[dict[str, Any]]:
        """Compacted statements, oldest first. Reads ``store.json`` (caller's thread); a
        deferred store gives what its folder held when it was opened."""
        if self._db is None and self.deferred is not None:
            return [dict(s) for s in self._preloaded]
        assert self._db is not None
        with self._db_lock:
            return [dict(doc) for doc in self._db.table("statements").all()]

    def close(self) -> None:
        """Close TinyDB and release the lock. Call after the journal writer has stopped."""
        self._close_db()
        self._lock.release()

    def _close_db(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _read_quietly(data_dir: Path | str, player_code: str) -> list[dict[str, Any]]:
    """What the player's folder holds, read without writing (a deferred store's history)."""
    try:
        return read_player_statements(data_dir, player_code)
    except (ValueError, OSError):
        return []


def _check_tables(path: Path, data: Any) -> None:
    if data is None:
        return
    for doc in data.get("statements", {}).values():
        if not isinstance(doc, dict) or not isinstance(doc.get("id"), str):
            raise DamagedFileError(path, "a stored statement is not readable")
