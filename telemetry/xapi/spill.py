"""Spill files: statements the data folder refused at sign-out, kept in the system temp dir.

When a player signs out (or the game closes) while the data folder refuses writes (disk
full, read-only, unplugged), the statements not yet durable would be lost with the
process. :func:`write_spill` writes them as JSON lines to
``<tempdir>/worktown-spill/<PLAYER_CODE>/<session>.jsonl`` (folder 0700, file 0600: only
this user can read it). :func:`take_spills` is called when the player's store is opened
(``telemetry.xapi.store.PlayerStore``): it reads every spill file of that player and the store
deletes them once their statements are stored. Touches only that temp folder.
"""

from __future__ import annotations

import json
import os
import tempfile
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from telemetry.xapi.identity import check_player_code
from telemetry.xapi.journal import scan_journal

SPILL_DIR_NAME = "worktown-spill"


def spill_root(base: Path | str | None = None) -> Path:
    """The spill folder (under ``base``; default ``$WORKTOWN_SPILL_DIR``, else the system
    temp dir)."""
    if base is None:
        base = os.environ.get("WORKTOWN_SPILL_DIR") or tempfile.gettempdir()
    return Path(base) / SPILL_DIR_NAME


def write_spill(
    player_code: str, statements: Iterable[Mapping[str, Any]], base: Path | str | None = None
) -> Path | None:
    """Write ``statements`` to a new spill file (fsynced); its path, or None when there was
    nothing to write. Raises ``OSError`` when the temp dir refuses too."""
    lines = [json.dumps(dict(s), separators=(",", ":")).encode() + b"\n" for s in statements]
    if not lines:
        return None
    folder = spill_root(base) / check_player_code(player_code)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    path = folder / f"{uuid.uuid4().hex}.jsonl"
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(b"".join(lines))
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        try:
            path.unlink()
        except OSError:
            pass
        raise
    return path


def take_spills(
    player_code: str, base: Path | str | None = None
) -> tuple[list[dict[str, Any]], list[Path]]:
    """(statements, files) of every spill file of this player; the caller deletes the files
    with :func:`drop_spills` once the statements are stored. Unreadable lines are skipped."""
    folder = spill_root(base) / check_player_code(player_code)
    try:
        files = sorted(
            p
            for p in folder.iterdir()
            if p.suffix == ".jsonl" and p.is_file() and not p.is_symlink()
        )
    except OSError:
        return [], []
    statements: list[dict[str, Any]] = []
    for path in files:
        statements.extend(scan_journal(path, validate=True).statements)
    return statements, files


def drop_spills(files: Iterable[Path]) -> None:
    """Delete spill files whose statements are now stored (and the player's folder if empty)."""
    folder = None
    for path in files:
        folder = path.parent
        try:
            path.unlink()
        except OSError:
            pass
    if folder is not None:
        try:
            folder.rmdir()
        except OSError:
            pass


def erase_spills(player_code: str, base: Path | str | None = None) -> list[Path]:
    """Delete every spill file of this player (erase reaches every copy); the files removed."""
    folder = spill_root(base) / check_player_code(player_code)
    try:
        files = [p for p in folder.iterdir() if p.is_file() or p.is_symlink()]
    except OSError:
        return []
    for path in files:
        path.unlink(missing_ok=True)
    try:
        folder.rmdir()
    except OSError:
        pass
    return files
