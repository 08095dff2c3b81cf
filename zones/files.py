"""Reading content files into plain Python, with one ``file: field: problem`` line per
failure appended to ``problems`` (never an exception). Used by the loaders in ``zones``."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

from telemetry.xapi.safe_read import json_problem

_KIND_NAMES: dict[type, str] = {dict: "a JSON object", list: "a JSON list"}


def read_json(path: Path, problems: list[str], kind: type | None = None) -> Any:
    """The parsed JSON of ``path``, or None after appending why it could not be read.
    With ``kind`` (dict or list) a document of another type is one such problem too."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{path}: -: file missing")
        return None
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: -: unreadable ({exc})")
        return None
    except json.JSONDecodeError as exc:
        problems.append(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})")
        return None
    except RecursionError:
        problems.append(f"{path}: -: invalid JSON (nested too deeply)")
        return None
    except ValueError as exc:  # after JSONDecodeError: e.g. a number of 4,300+ digits
        problems.append(f"{path}: -: {json_problem(exc).replace('not JSON', 'invalid JSON', 1)}")
        return None
    if kind is not None and not isinstance(data, kind):
        problems.append(
            f"{path}: -: must be {_KIND_NAMES.get(kind, kind.__name__)}, got {_json_type(data)}"
        )
        return None
    return data


def _json_type(value: Any) -> str:
    """The JSON name of a parsed value's type, for a problem line."""
    names = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def read_csv(path: Path, problems: list[str], columns: tuple[str, ...]) -> list[dict[str, str]]:
    """The rows of a CSV with at least ``columns``, or [] after appending the problem."""
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [c for c in columns if c not in (reader.fieldnames or [])]
            if missing:
                problems.append(f"{path}: header: missing columns {missing}")
                return []
            return list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(f"{path}: -: unreadable ({exc})")
        return []
