"""xAPI statement files: a JSON array of statements, as an LRS accepts in one POST to
``/statements``.

Called by the report/export command and the LRS forwarder (export) and by practitioner
tools (load). Touches only the file it is given. Every statement is validated both ways;
problems are one-line ``ValueError``\\ s ``"<file>: <problem>"``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from telemetry.xapi.atomic import atomic_write_bytes
from telemetry.xapi.safe_read import parse_json
from telemetry.xapi.statements import validate_statement


def export_statements(statements: Iterable[dict[str, Any]], path: Path | str) -> int:
    """Validate and write ``statements`` (oldest first) as a JSON array, atomically.
    Returns how many were written. Duplicated ids are written once."""
    path = Path(path)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for index, statement in enumerate(statements):
        try:
            validate_statement(statement)
        except ValueError as exc:
            raise ValueError(f"{path}: statement {index + 1}: {exc}") from None
        if statement["id"] not in seen:
            seen.add(statement["id"])
            out.append(statement)
    data = json.dumps(out, ensure_ascii=False, indent=1).encode("utf-8")
    atomic_write_bytes(path, data)
    return len(out)


def load_statements_file(path: Path | str) -> list[dict[str, Any]]:
    """Read a file written by :func:`export_statements` (or any LRS-style array of
    Worktown statements). Raises ``ValueError("<file>: <problem>")``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{path}: file not found") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        data = parse_json(raw)
    except ValueError as exc:
        raise ValueError(f"{path}: {exc}") from None
    if isinstance(data, dict):
        data = [data]  # a single statement is a valid xAPI payload too
    if not isinstance(data, list):
        raise ValueError(f"{path}: expected a JSON array of statements")
    for index, statement in enumerate(data):
        try:
            validate_statement(statement)
        except ValueError as exc:
            raise ValueError(f"{path}: statement {index + 1}: {exc}") from None
    return data
