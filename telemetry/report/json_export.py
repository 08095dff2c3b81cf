"""The versioned JSON export of one player: report model plus the raw xAPI statements.

Format (schema in ``assets/schema/worktown-export-<version>.json``)::

    {"format": "worktown-export", "schema_version": 1,
     "generator": {"name": "Worktown", "version": "<pyproject version>"}, "exported_at": "...Z",
     "report": <telemetry.report.model.build_report(...)>, "statements": [...]}

:func:`write_export` is called by the report command; it validates against the schema
before writing (atomically) and touches only the target file. :func:`read_export` is
called when a practitioner makes a report from an export; it touches only that file and
refuses a damaged, foreign or newer-version file with ``ValueError("<file>: <problem>")``
-- one line, never a traceback. Version 1 is the only version; a future version 2 adds a
migration function ``_from_1`` here and keeps reading 1.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from telemetry.report.schema_check import schema_problem
from telemetry.xapi.atomic import atomic_write_bytes
from telemetry.xapi.identity import is_valid_player_code
from telemetry.xapi.version import installed_version

__all__ = [
    "FORMAT",
    "SCHEMA_VERSION",
    "SCHEMA_DIR",
    "make_export",
    "write_export",
    "read_export",
    "check_export",
    "load_schema",
    "export_player_code",
    "actor_code",
]

FORMAT = "worktown-export"
SCHEMA_VERSION = 1
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "assets" / "schema"
MAX_BYTES = 50 * 1024 * 1024


@lru_cache(maxsize=4)
def _schema_text(version: int) -> str:
    return (SCHEMA_DIR / f"worktown-export-{version}.json").read_text(encoding="utf-8")


def load_schema(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The JSON Schema of an export version (a fresh copy each call)."""
    schema: dict[str, Any] = json.loads(_schema_text(version))
    return schema


def make_export(
    report: Mapping[str, Any],
    statements: Sequence[Mapping[str, Any]],
    *,
    game_version: str | None = None,
    exported_at: str | None = None,
) -> dict[str, Any]:
    """The export document (not yet validated or written)."""
    stamp = exported_at or _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "Worktown", "version": game_version or installed_version()},
        "exported_at": stamp,
        "report": dict(report),
        "statements": list(statements),
    }


def check_export(doc: Any, where: str = "export") -> dict[str, Any]:
    """Validate a parsed export; ``ValueError("<where>: <problem>")`` if it is not one we
    can read. Returns the document."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f'{where}: not a Worktown export (no "format": "{FORMAT}")')
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"{where}: damaged export: schema_version {version!r} is not a version")
    if version > SCHEMA_VERSION:
        raise ValueError(
            f"{where}: made by a newer Worktown (export version {version}; this "
            f"one reads up to {SCHEMA_VERSION}). Update Worktown to read it"
        )
    problem = schema_problem(doc, load_schema(version))
    if problem:
        raise ValueError(f"{where}: damaged export: {problem}")
    return doc


def write_export(path: Path | str, doc: Mapping[str, Any]) -> Path:
    """Validate ``doc`` and write it as UTF-8 JSON, atomically. Returns the path."""
    path = Path(path)
    check_export(dict(doc), str(path))
    data = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False)
    atomic_write_bytes(path, data.encode("utf-8"))
    return path


def read_export(path: Path | str) -> dict[str, Any]:
    """Read and validate an export file (see module docstring)."""
    from telemetry.xapi.safe_read import parse_json, read_regular_file

    path = Path(path)
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except ValueError as exc:
        if "too large" in str(exc):
            raise ValueError(f"{path}: too large for a Worktown export") from None
        raise
    try:
        doc = parse_json(raw)
    except ValueError as exc:
        raise ValueError(f"{path}: damaged export: {exc}") from None
    return check_export(doc, str(path))


def actor_code(statement: Any) -> str | None:
    """The player code a statement is about (its actor's account name), or None."""
    actor = statement.get("actor") if isinstance(statement, dict) else None
    account = actor.get("account") if isinstance(actor, dict) else None
    name = account.get("name") if isinstance(account, dict) else None
    return name if isinstance(name, str) else None


def export_player_code(doc: Mapping[str, Any], where: str = "export") -> str:
    """The player code of a checked export (``report.player.code``, else the first
    statement's actor), validated by :func:`telemetry.xapi.identity.is_valid_player_code`:
    the one check ``class merge`` and ``report EXPORT`` share, so a file name made from it
    is always one plain name. ``ValueError("<where>: ...")`` if it is not a player code."""
    report = doc.get("report")
    player = report.get("player") if isinstance(report, dict) else None
    code = player.get("code") if isinstance(player, dict) else None
    if not code:
        code = next((c for c in map(actor_code, doc.get("statements") or []) if c), None)
    if not is_valid_player_code(code):
        raise ValueError(f"{where}: no usable player code ({str(code)[:40]!r})")
    return str(code)
