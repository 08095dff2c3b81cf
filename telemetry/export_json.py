"""The versioned JSON export of one player: report model plus the raw xAPI statements.

Format (schema in ``assets/schema/worktown-export-<version>.json``)::

    {"format": "worktown-export", "schema_version": 1,
     "generator": {"name": "Worktown", "version": "0.1.0"}, "exported_at": "...Z",
     "report": <telemetry.report_model.build_report(...)>, "statements": [...]}

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

from telemetry.atomic import atomic_write_bytes
from telemetry.schema_check import schema_problem

__all__ = ["FORMAT", "SCHEMA_VERSION", "SCHEMA_DIR", "make_export", "write_export",
           "read_export", "check_export", "load_schema"]

FORMAT = "worktown-export"
SCHEMA_VERSION = 1
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "assets" / "schema"
MAX_BYTES = 50 * 1024 * 1024


@lru_cache(maxsize=4)
def _schema_text(version: int) -> str:
    return (SCHEMA_DIR / f"worktown-export-{version}.json").read_text(encoding="utf-8")


def load_schema(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    """The JSON Schema of an export version (a fresh copy each call)."""
    return json.loads(_schema_text(version))


def make_export(report: Mapping[str, Any], statements: Sequence[Mapping[str, Any]], *,
                game_version: str = "0.1.0", exported_at: str | None = None) -> dict[str, Any]:
    """The export document (not yet validated or written)."""
    stamp = exported_at or _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"format": FORMAT, "schema_version": SCHEMA_VERSION,
            "generator": {"name": "Worktown", "version": game_version},
            "exported_at": stamp, "report": dict(report), "statements": list(statements)}


def check_export(doc: Any, where: str = "export") -> dict[str, Any]:
    """Validate a parsed export; ``ValueError("<where>: <problem>")`` if it is not one we
    can read. Returns the document."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"{where}: not a Worktown export (no \"format\": \"{FORMAT}\")")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ValueError(f"{where}: damaged export: schema_version {version!r} is not a version")
    if version > SCHEMA_VERSION:
        raise ValueError(f"{where}: made by a newer Worktown (export version {version}; this "
                         f"one reads up to {SCHEMA_VERSION}). Update Worktown to read it")
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
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ValueError(f"{path}: too large for a Worktown export")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{path}: file not found") from None
    except IsADirectoryError:
        raise ValueError(f"{path}: is a folder, not an export file") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ValueError(f"{path}: damaged export: not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"{path}: damaged export: not JSON (line {exc.lineno}, "
                         f"column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ValueError(f"{path}: damaged export: nested too deeply") from None
    return check_export(doc, str(path))
