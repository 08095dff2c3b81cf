"""The shared-folder merge: bring players' data gathered from many PCs into one folder.

On a school network each PC writes its own player files; the teacher copies them (or the
exports made with ``class export``) into one folder and runs ``class merge --from FOLDER``.
:func:`merge_folder` reads every ``*.json`` export
(:func:`telemetry.report.json_export.read_export`) and every copied data folder
(``players/<CODE>/store.json`` + ``journal.jsonl``, read by
:mod:`telemetry.xapi.reader`) under the source -- regular files only, never through a link, a
FIFO or a device, each within a size limit (:mod:`telemetry.xapi.safe_read`) -- keeps only the
statements about that file's player (and, for a class, recorded in that class), skips a
damaged file with one line each, and
merges each player's statements into ``<data_dir>/players/<CODE>/store.json`` by statement
id: statements already here are kept as they are and only new ids are added, so newer data
is never overwritten by older (a source whose statements are all known, or older than the
last one here, adds nothing). Writes only the target players' ``store.json`` (atomically,
other tables kept), and only while no game has that player open (the player lock).
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telemetry.classroom.class_store import class_in_statements
from telemetry.report.json_export import actor_code, export_player_code, read_export
from telemetry.xapi.atomic import atomic_write_bytes
from telemetry.xapi.folder import DB_NAME, JOURNAL_NAME, LOCK_NAME, player_dir
from telemetry.xapi.identity import is_valid_player_code
from telemetry.xapi.reader import read_player_statements
from telemetry.xapi.safe_read import read_regular_file
from telemetry.xapi.statements import parse_timestamp, validate_statement
from telemetry.xapi.store import PlayerLock, PlayerLocked

__all__ = ["MAX_FILE_BYTES", "MergeResult", "gather", "merge_folder"]

MAX_FILE_BYTES = 64 * 1024 * 1024  # one copied store.json or journal (a lesson: < 1 MB)


@dataclass
class MergeResult:
    """What a merge did: per player the number of statements added, and one line per
    file skipped or player left alone."""

    added: dict[str, int] = field(default_factory=dict)
    up_to_date: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    files_read: int = 0

    def lines(self) -> list[str]:
        out = [
            f"{code}: {n} new statement{'s' if n != 1 else ''} merged"
            for code, n in sorted(self.added.items())
        ]
        out += [f"{code}: already up to date" for code in sorted(self.up_to_date)]
        return out + [f"skipped {line}" for line in self.skipped]


def _when(st: Mapping[str, Any]) -> float:
    try:
        return parse_timestamp(str(st["timestamp"]))
    except (KeyError, TypeError, ValueError):
        return 0.0


def _copied_player(folder: Path, code: str) -> list[dict[str, Any]]:
    """A copied player folder's statements, read safely: ``store.json`` and
    ``journal.jsonl`` must be regular files (no link, FIFO or device) within the size
    limit; they are copied into a scratch folder and parsed there by the reader."""
    with tempfile.TemporaryDirectory(prefix="worktown-merge-") as tmp:
        target = Path(tmp) / "players" / code
        target.mkdir(parents=True)
        for name in (DB_NAME, JOURNAL_NAME):
            path = folder / name
            if not os.path.lexists(path):
                continue
            (target / name).write_bytes(read_regular_file(path, MAX_FILE_BYTES))
        try:
            return read_player_statements(tmp, code)
        except ValueError as exc:
            raise ValueError(str(exc).replace(str(target), str(folder))) from None


def _files(source: Path) -> list[Path]:
    """Every ``*.json`` under ``source``, without following links into other folders."""
    out: list[Path] = []
    for root, dirs, files in os.walk(source, followlinks=False):
        dirs.sort()
        out.extend(Path(root) / f for f in files if f.endswith(".json"))
    return sorted(out)


def gather(
    source: Path | str, class_code: str | None = None
) -> tuple[dict[str, list[dict[str, Any]]], list[str], int]:
    """Every player's statements found under ``source``: ({code: statements}, one line
    per damaged file, number of files read). Only statements about that player (actor
    account name == code) and, with ``class_code``, recorded in that class are kept; the
    rest of a file is refused with one line. Reads only."""
    source = Path(source)
    if not source.is_dir():
        raise ValueError(f"{source}: not a folder")
    found: dict[str, list[dict[str, Any]]] = {}
    problems: list[str] = []
    n_files = 0
    for path in _files(source):
        if path.name == DB_NAME and path.parent.parent.name == "players":
            code = path.parent.name
            n_files += 1
            if not is_valid_player_code(code):
                problems.append(f"{path}: no usable player code ({code[:40]!r})")
                continue
            try:
                statements = _copied_player(path.parent, code)
            except ValueError as exc:
                problems.append(str(exc))
                continue
        elif (
            path.parent.parent.name == "players"
            or path.parent.name == "classes"
            or path.parent.parent.name == "classes"
        ):
            continue  # saves, settings, ledgers, class files: not statements
        else:
            n_files += 1
            try:
                doc = read_export(path)
                code = export_player_code(doc, str(path))
            except ValueError as exc:
                problems.append(str(exc))
                continue
            statements = doc["statements"]
        good, foreign = [], 0
        for st in statements:
            try:
                validate_statement(st)
            except ValueError:
                continue
            if actor_code(st) == code and (
                class_code is None or class_in_statements([st]) == class_code
            ):
                good.append(st)
            else:
                foreign += 1
        damaged = len(statements) - len(good) - foreign
        if foreign:
            whose = f"{code}'s in class {class_code}" if class_code else f"{code}'s"
            problems.append(f"{path}: {foreign} statement(s) refused: not {whose}")
        if damaged:
            problems.append(f"{path}: {damaged} damaged statement(s) left out")
        found.setdefault(code, []).extend(good)
    return found, problems, n_files


def _write_store(folder: Path, statements: list[dict[str, Any]]) -> None:
    path = folder / DB_NAME
    doc: dict[str, Any] = {}
    try:
        loaded = json.loads(path.read_bytes())
        if isinstance(loaded, dict):
            doc = {k: v for k, v in loaded.items() if isinstance(v, dict)}
    except (OSError, ValueError):
        doc = {}
    doc["statements"] = {str(i + 1): st for i, st in enumerate(statements)}
    doc.setdefault("meta", {})
    atomic_write_bytes(
        path, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    )


def merge_folder(
    source: Path | str,
    data_dir: Path | str,
    *,
    only: Iterable[str] | None = None,
    class_code: str | None = None,
) -> MergeResult:
    """Merge everything under ``source`` into ``data_dir`` (see module docstring).
    ``only`` limits the merge to these player codes (e.g. a class's); ``class_code``
    keeps only statements recorded in that class."""
    found, problems, n_files = gather(source, class_code)
    result = MergeResult(skipped=problems, files_read=n_files)
    wanted = set(only) if only is not None else None
    for code, incoming in sorted(found.items()):
        if wanted is not None and code not in wanted:
            result.skipped.append(f"{code}: not a player of this class")
            continue
        folder = player_dir(data_dir, code)
        try:
            here = read_player_statements(data_dir, code)
        except ValueError:
            here = []
        known = {st["id"] for st in here}
        new: dict[str, dict[str, Any]] = {}
        for st in incoming:
            if st["id"] not in known:
                new.setdefault(st["id"], st)
        if not new:
            result.up_to_date.append(code)
            continue
        folder.mkdir(parents=True, exist_ok=True)
        lock = PlayerLock(folder / LOCK_NAME)
        try:
            lock.acquire()
        except PlayerLocked as exc:
            result.skipped.append(f"{code}: {exc}; close it and merge again")
            continue
        try:
            merged = sorted([*here, *new.values()], key=_when)
            _write_store(folder, merged)
        finally:
            lock.release()
        result.added[code] = len(new)
    return result
