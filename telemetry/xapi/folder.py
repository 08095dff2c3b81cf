"""Names in a player's folder and salvaging a damaged store file: what both the store
(which opens and locks the folder) and the reader (which only reads it) need.

Layout of ``<data_dir>/players/<PLAYER_CODE>/`` is described in :mod:`telemetry.xapi.store`.
Pure functions; :func:`player_dir` validates the code and touches nothing.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from telemetry.xapi.identity import check_player_code
from telemetry.xapi.statements import validate_statement

__all__ = ["DB_NAME", "JOURNAL_NAME", "LOCK_NAME", "player_dir", "salvage_statements"]

JOURNAL_NAME = "journal.jsonl"
DB_NAME = "store.json"
LOCK_NAME = "player.lock"


def player_dir(data_dir: Path | str, player_code: str) -> Path:
    """The folder holding everything about one player (validates the code)."""
    return Path(data_dir) / "players" / check_player_code(player_code)


_DOC_START = re.compile(r'"\d+"\s*:\s*\{')


def salvage_statements(raw: bytes) -> list[dict[str, Any]]:
    """Valid statements that can still be read out of a damaged TinyDB file."""
    text = raw.decode("utf-8", errors="replace")
    decoder = json.JSONDecoder()
    found: list[dict[str, Any]] = []
    seen: set[str] = set()
    for match in _DOC_START.finditer(text):
        try:
            obj, _ = decoder.raw_decode(text, match.end() - 1)
            validate_statement(obj)
        except ValueError:
            continue
        if obj["id"] not in seen:
            seen.add(obj["id"])
            found.append(obj)
    return found
