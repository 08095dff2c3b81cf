"""Atomic file replacement and the TinyDB storage built on it.

:func:`atomic_write_bytes` is the one way Worktown replaces a whole file (TinyDB state,
saves, settings, exports): write a temp file in the same folder, flush, fsync,
``os.replace`` over the target, fsync the folder where the OS supports it. A crash leaves
either the old or the new file, never a mix; at worst a stray ``*.tmp-*`` file, which
:func:`remove_stray_temps` deletes on the next open.

Called on whichever thread owns the file; touches only the target file, its temp file and
(for fsync) the folder.

:class:`InsertOnlyJSONStorage` is the player store's TinyDB storage: the same atomic file,
but it keeps the document in memory after the first read and the JSON text of every
statement once made, so a checkpoint costs what it adds, not what the file holds (the
compaction runs on the journal thread, and a whole-file parse and dump there held the
game thread's interpreter lock for 50-200 ms in a long lesson).
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

TEMP_MARK = ".tmp-"


class DamagedFileError(ValueError):
    """A file exists but cannot be parsed; ``path`` names it."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


def fsync_dir(folder: Path) -> None:
    """Make a rename/create/delete in ``folder`` durable (no-op where unsupported, e.g. Windows)."""
    flags = getattr(os, "O_DIRECTORY", None)
    if flags is None:
        return
    try:
        fd = os.open(folder, os.O_RDONLY | flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on directories
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically and durably. Raises ``OSError`` on failure,
    leaving the old file untouched."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=path.name + TEMP_MARK, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


def remove_stray_temps(path: Path) -> list[Path]:
    """Delete temp files a crash left next to ``path``; returns what was removed."""
    path = Path(path)
    removed = []
    for stray in path.parent.glob(path.name + TEMP_MARK + "*"):
        try:
            stray.unlink()
            removed.append(stray)
        except OSError:
            pass
    return removed


def read_json_file(path: Path) -> Any:
    """Parse a JSON file; ``None`` if missing or empty; :class:`DamagedFileError` if unreadable."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    if not raw.strip():
        return None
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DamagedFileError(path, f"not valid JSON ({exc})") from None


class AtomicJSONStorage(Storage):
    """TinyDB storage that never leaves a half-written file (never TinyDB's JSONStorage).

    ``TinyDB(path, storage=AtomicJSONStorage)``. TinyDB calls :meth:`read` before and
    :meth:`write` after every table operation, on the thread using the database.
    """

    def __init__(self, path: str | os.PathLike[str], **json_kwargs: Any) -> None:
        super().__init__()
        self.path = Path(path)
        self._json_kwargs = {"separators": (",", ":"), **json_kwargs}

    def read(self) -> dict[str, dict[str, Any]] | None:
        data = read_json_file(self.path)
        if data is not None and not (
            isinstance(data, dict) and all(isinstance(t, dict) for t in data.values())
        ):
            raise DamagedFileError(self.path, "not a TinyDB document (expected {table: {...}})")
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        atomic_write_bytes(self.path, json.dumps(data, **self._json_kwargs).encode("utf-8"))

    def close(self) -> None:
        """Nothing is held open between operations."""


class InsertOnlyJSONStorage(AtomicJSONStorage):
    """:class:`AtomicJSONStorage` for tables whose documents never change once inserted.

    ``TinyDB(path, storage=InsertOnlyJSONStorage, frozen_tables=("statements",))``.
    :meth:`read` parses the file once and then hands TinyDB the same in-memory document
    (TinyDB changes it in place and passes it back to :meth:`write`); :meth:`write`
    re-encodes only the documents of the frozen tables it has not seen before (kept by
    document id, checked to be the same object), so a write costs one ``json.dumps`` per new
    statement plus joining bytes, and the file on disk is what ``json.dumps`` would write.
    Only safe for tables nothing updates or removes from in place: the player store only
    inserts statements, and erase deletes the whole folder. Other tables (``meta``) are
    encoded whole on every write. One thread at a time, as TinyDB itself.
    """

    def __init__(
        self, path: str | os.PathLike[str], frozen_tables: tuple[str, ...] = (), **json_kwargs: Any
    ) -> None:
        super().__init__(path, **json_kwargs)
        self.frozen_tables = frozenset(frozen_tables)
        self._memory: dict[str, dict[str, Any]] | None = None
        #: table -> document id -> (the document object, its JSON bytes)
        self._fragments: dict[str, dict[str, tuple[Any, bytes]]] = {}
        #: documents encoded so far (tests read it: a write encodes only what is new)
        self.documents_encoded = 0

    def read(self) -> dict[str, dict[str, Any]] | None:
        if self._memory is None:
            self._memory = super().read()
        return self._memory

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Replace the file with ``data``. If that fails, the file is as it was, so the
        memory copy TinyDB has already changed is dropped: the next read parses the file."""
        try:
            atomic_write_bytes(self.path, self._encode(data))
        except BaseException:
            self._memory = None
            raise
        self._memory = data

    def _encode(self, data: dict[str, dict[str, Any]]) -> bytes:
        dumps = self._dumps
        parts = []
        for table, docs in data.items():
            if table in self.frozen_tables:
                body = b",".join(self._frozen_docs(table, docs))
            else:
                body = dumps(docs)[1:-1]
            parts.append(dumps(table) + b":{" + body + b"}")
        return b"{" + b",".join(parts) + b"}"

    def _frozen_docs(self, table: str, docs: dict[str, Any]) -> list[bytes]:
        known = self._fragments.setdefault(table, {})
        out = []
        for doc_id, doc in docs.items():
            cached = known.get(doc_id)
            if cached is None or cached[0] is not doc:
                cached = (doc, self._dumps(doc_id) + b":" + self._dumps(doc))
                known[doc_id] = cached
                self.documents_encoded += 1
            out.append(cached[1])
        if len(known) > len(docs):  # a document left the table: forget its bytes
            for gone in set(known) - set(docs):
                del known[gone]
        return out

    def _dumps(self, value: Any) -> bytes:
        return json.dumps(value, **self._json_kwargs).encode("utf-8")
