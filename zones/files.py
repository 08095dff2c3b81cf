"""Reading content files into plain Python, with one ``file: field: problem`` line per
failure appended to ``problems`` (never an exception). Used by the loaders in ``zones``."""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any


def read_json(path: Path, problems: list[str]) -> Any:
    """The parsed JSON of ``path``, or None after appending why it could not be read."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        problems.append(f"{path}: -: file missing")
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(f"{path}: -: unreadable ({exc})")
    except json.JSONDecodeError as exc:
        problems.append(f"{path}: line {exc.lineno}: invalid JSON ({exc.msg})")
    return None


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
