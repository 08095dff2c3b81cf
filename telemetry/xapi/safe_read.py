"""Reading a file that someone else may have made: regular files only, with a size limit.

Called wherever Worktown reads a file it did not write itself on this PC (an export, a
copied player folder for ``class merge``). A symbolic link, a folder, a FIFO or a device
(``/dev/zero``) is refused before anything is read: the file is looked at with ``lstat``,
opened with ``O_NOFOLLOW`` and ``O_NONBLOCK`` (a FIFO never blocks the open), checked again
on the open handle, and read only up to ``limit`` bytes. Touches only that one file.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

__all__ = ["read_regular_file", "parse_json", "json_problem", "printable"]

_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_BINARY", 0)
)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a link, not a file"
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    return "not a regular file (a pipe or a device)"


def read_regular_file(path: Path | str, limit: int) -> bytes:
    """The bytes of ``path``; ``ValueError("<path>: <problem>")`` (one line) if it is
    missing, not a regular file, or larger than ``limit`` bytes."""
    path = Path(path)
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        raise ValueError(f"{path}: file not found") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(before.st_mode):
        raise ValueError(f"{path}: is {_kind(before.st_mode)}; left alone")
    if before.st_size > limit:
        raise ValueError(f"{path}: too large ({before.st_size} bytes; at most {limit})")
    try:
        fd = os.open(path, _FLAGS)
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        now = os.fstat(fd)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (
            before.st_dev,
            before.st_ino,
        ):
            raise ValueError(f"{path}: changed while being read; left alone")
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if total > limit:
        raise ValueError(f"{path}: too large (over {limit} bytes)")
    return b"".join(chunks)


def parse_json(raw: bytes) -> Any:
    """``raw`` (UTF-8) parsed as JSON; every way a document can be refused (not UTF-8, bad
    JSON, nested too deeply, a number too long) is one ``ValueError`` whose message is the
    short :func:`json_problem` reason, for the caller to put after the file's name. Called
    by every reader of a file someone else may have made."""
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise ValueError(json_problem(exc)) from None


def json_problem(exc: BaseException) -> str:
    """Why ``json.loads`` refused a document, short and on one line (see :func:`parse_json`)."""
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    if isinstance(exc, json.JSONDecodeError):
        return f"not JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})"
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    if "digits" in str(exc):  # Python refuses integers of more than 4,300 digits
        return "not JSON (a number too long to read)"
    return f"not JSON ({' '.join(str(exc).split())})"


def printable(name: str) -> str:
    """An untrusted key or path as one printable line for an error message: each control,
    line break or other non-printable character is shown as its escape (``\\n``)."""
    return "".join(
        ch if ch.isprintable() else ch.encode("unicode_escape").decode("ascii") for ch in name
    )
