"""Atomic file replacement and the TinyDB storage built on it.

:func:`atomic_write_bytes` is the one way Worktown replaces a whole file (TinyDB state,
saves, settings, exports): write a temp file in the same folder, flush, fsync,
``os.replace`` over the target, fsync the folder where the OS supports it. A crash leaves
either the old or the new file, never a mix; at worst a stray ``*.tmp-*`` file, which
:func:`remove_stray_temps` deletes on the next open.

Called on whichever thread owns the file; touches only the target file, its temp file and
(for fsync) the folder.
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
