"""The shared-folder merge: bring players' data gathered from many PCs into one folder.

On a school network each PC writes its own player files; the teacher copies them (or the
exports made with ``class export``) into one folder and runs ``class merge --from FOLDER``.
:func:`merge_folder` reads every ``*.json`` export (:func:`telemetry.export_json.read_export`)
and every copied data folder (``players/<CODE>/store.json`` + ``journal.jsonl``, read by
:mod:`telemetry.reader`) under the source, skips a damaged file with one line each, and
merges each player's statements into ``<data_dir>/players/<CODE>/store.json`` by statement
id: statements already here are kept as they are and only new ids are added, so newer data
is never overwritten by older (a source whose statements are all known, or older than the
last one here, adds nothing). Writes only the target players' ``store.json`` (atomically,
other tables kept), and only while no game has that player open (the player lock).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telemetry.atomic import atomic_write_bytes
from telemetry.export_json import read_export
from telemetry.identity import is_valid_player_code
from telemetry.reader import read_player_statements
from telemetry.statements import parse_timestamp, validate_statement
from telemetry.store import DB_NAME, LOCK_NAME, PlayerLock, PlayerLocked, player_dir

__all__ = ["MergeResult", "gather", "merge_folder"]


@dataclass
class MergeResult:
    """What a merge did: per player the number of statements added, and one line per
    file skipped or player left alone."""

    added: dict[str, int] = field(default_factory=dict)
    up_to_date: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    files_read: int = 0

    def lines(self) -> list[str]:
        out = [f"{code}: {n} new statement{'s' if n != 1 else ''} merged"
               for code, n in sorted(self.added.items())]
        out += [f"{code}: already up to date" for code in sorted(self.up_to_date)]
        return out + [f"skipped {line}" for line in self.skipped]


def _when(st: Mapping[str, Any]) -> float:
    try:
        return parse_timestamp(str(st["timestamp"]))
    except (KeyError, TypeError, ValueError):
        return 0.0


def _player_of(statements: Iterable[Mapping[str, Any]]) -> str | None:
    for st in statements:
        name = ((st.get("actor") or {}).get("account") or {}).get("name")
        if isinstance(name, str):
            return name
    return None


def gather(source: Path | str) -> tuple[dict[str, list[dict[str, Any]]], list[str], int]:
    """Every player's statements found under ``source``: ({code: statements}, one line
    per damaged file, number of files read). Reads only."""
    source = Path(source)
    if not source.is_dir():
        raise ValueError(f"{source}: not a folder")
    found: dict[str, list[dict[str, Any]]] = {}
    problems: list[str] = []
    n_files = 0
    for path in sorted(source.rglob("*.json")):
        if path.name == DB_NAME and path.parent.parent.name == "players":
            code = path.parent.name
            n_files += 1
            try:
                statements = read_player_statements(path.parent.parent.parent, code)
            except ValueError as exc:
                problems.append(str(exc))
                continue
        elif path.parent.parent.name == "players" or path.parent.name == "classes" \
                or path.parent.parent.name == "classes":
            continue  # saves, settings, ledgers, class files: not statements
        else:
            n_files += 1
            try:
                doc = read_export(path)
            except ValueError as exc:
                problems.append(str(exc))
                continue
            statements = doc["statements"]
            code = str(doc["report"].get("player", {}).get("code") or _player_of(statements) or "")
        if not is_valid_player_code(code):
            problems.append(f"{path}: no usable player code ({code!r})")
            continue
        good = []
        for st in statements:
            try:
                validate_statement(st)
            except ValueError:
                continue
            if _player_of([st]) == code:
                good.append(st)
        if len(good) < len(statements):
            problems.append(f"{path}: {len(statements) - len(good)} damaged or foreign "
                            "statement(s) left out")
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
    atomic_write_bytes(path, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def merge_folder(source: Path | str, data_dir: Path | str, *,
                 only: Iterable[str] | None = None) -> MergeResult:
    """Merge everything under ``source`` into ``data_dir`` (see module docstring).
    ``only`` limits the merge to these player codes (e.g. a class's)."""
    found, problems, n_files = gather(source)
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
