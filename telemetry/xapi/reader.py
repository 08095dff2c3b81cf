"""Read a player's statements without opening (or locking) their store.

:func:`read_player_statements` is called by the report command and practitioner tools. It
reads ``store.json`` and ``journal.jsonl`` in ``<data_dir>/players/<CODE>/`` and writes
nothing: no lock is taken, no file is repaired or set aside, so it is safe while the game
has the player open (it then sees what is durable so far). A damaged ``store.json`` is
salvaged in memory the way :meth:`telemetry.xapi.store.PlayerStore.open` would.

:func:`recorded_form` turns statements of another shape (e.g. from
:mod:`game.sim.synthetic`) into the shape the Recorder writes, so tests and benchmarks can
put simulated players into a data folder. Touches nothing.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from telemetry.xapi import vocab
from telemetry.xapi.activity_ids import HORIZONS_SEARCH
from telemetry.xapi.atomic import atomic_write_bytes
from telemetry.xapi.decode import decode
from telemetry.xapi.folder import DB_NAME, JOURNAL_NAME, player_dir, salvage_statements
from telemetry.xapi.journal import scan_journal
from telemetry.xapi.statements import (
    build_statement,
    make_actor,
    make_context,
    parse_timestamp,
    validate_statement,
)
from telemetry.xapi.version import installed_version

__all__ = ["read_player_statements", "recorded_form", "write_player_folder"]


def read_player_statements(data_dir: Path | str, player_code: str) -> list[dict[str, Any]]:
    """All readable statements of a player (stored, then journal), oldest first.

    Raises ``ValueError("<folder>: <problem>")`` if the code is malformed or the player
    has no data in ``data_dir``.
    """
    try:
        folder = player_dir(data_dir, player_code)
    except ValueError as exc:
        raise ValueError(f"{player_code}: {exc}") from None
    db_path, journal_path = folder / DB_NAME, folder / JOURNAL_NAME
    if not db_path.exists() and not journal_path.exists():
        raise ValueError(f"{folder}: no player {player_code} in this data folder")
    found: list[dict[str, Any]] = []
    try:
        raw = db_path.read_bytes()
    except FileNotFoundError:
        raw = b""
    except OSError as exc:
        raise ValueError(f"{db_path}: cannot read ({exc.strerror or exc})") from None
    found.extend(_stored(raw))
    found.extend(scan_journal(journal_path, validate=True).statements)
    seen: set[str] = set()
    unique = []
    for st in found:
        if st["id"] not in seen:
            seen.add(st["id"])
            unique.append(st)
    return sorted((_without_free_text(st) for st in unique), key=_when)


#: activities whose ``result.response`` was free text typed by the pupil in older versions
#: (the Horizons Tower search); it never leaves the player's folder (exports, LRS, merge).
FREE_TEXT_ACTIVITIES = (HORIZONS_SEARCH,)


def _without_free_text(st: dict[str, Any]) -> dict[str, Any]:
    result = st.get("result")
    if (
        isinstance(result, dict)
        and "response" in result
        and vocab.activity_path(st["object"]["id"]) in FREE_TEXT_ACTIVITIES
    ):
        st = {**st, "result": {k: v for k, v in result.items() if k != "response"}}
        if not st["result"]:
            del st["result"]
    return st


def _stored(raw: bytes) -> list[dict[str, Any]]:
    if not raw.strip():
        return []
    try:
        data = json.loads(raw)
        table = data.get("statements", {}) if isinstance(data, dict) else None
        if not isinstance(table, dict):
            raise ValueError("not a TinyDB document")
        docs = [table[k] for k in sorted(table, key=lambda k: int(k) if k.isdigit() else 0)]
        out = []
        for doc in docs:
            validate_statement(doc)
            out.append(dict(doc))
        return out
    except (
        ValueError,
        RecursionError,
    ):  # damaged: take what can be read, as the store's recovery does
        return salvage_statements(raw)


def _when(statement: Mapping[str, Any]) -> float:
    try:
        return parse_timestamp(statement["timestamp"])
    except (KeyError, TypeError, ValueError):
        return 0.0


def recorded_form(
    statements: Iterable[Mapping[str, Any]],
    player_code: str,
    *,
    class_code: str | None = None,
    language: str = "en",
    game_version: str | None = None,
) -> list[dict[str, Any]]:
    """The same events as the Recorder would have written them (vocab IRIs, the player's
    account, a context per session). Extensions unknown to ``vocab`` are dropped."""
    actor = make_actor(vocab.account_home_page(class_code), player_code)
    contexts: dict[str, dict[str, Any]] = {}
    out = []
    for st in statements:
        s = decode(st)
        reg = str((st.get("context") or {}).get("registration") or "session")
        if reg not in contexts:
            session = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{player_code}/{reg}"))
            contexts[reg] = make_context(
                session,
                platform="Linux",
                language=language,
                class_code=class_code,
                game_version=game_version or installed_version(),
                session_id=session,
            )
        ext = {
            k: v
            for k, v in s.ext.items()
            if k in vocab.GAME_EXTENSIONS or k in vocab.PROFILE_EXTENSIONS
        }
        out.append(
            build_statement(
                actor=actor,
                context=contexts[reg],
                verb=s.verb,
                activity_type=s.activity_type,
                activity_id=s.activity,
                success=s.success,
                score=s.score,
                duration_s=s.duration_s,
                response=s.response,
                extensions=ext or None,
                now=parse_timestamp(_utc(s.timestamp)),
            )
        )
    return out


def _utc(stamp: str | None) -> str:
    """An ISO time with an offset -> the ``...Z`` form ``parse_timestamp`` reads."""
    from datetime import UTC, datetime

    moment = datetime.fromisoformat(str(stamp)).astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def write_player_folder(
    data_dir: Path | str, player_code: str, statements: Iterable[dict[str, Any]]
) -> Path:
    """Write recorder-shaped statements as a player's ``store.json`` (tests, benchmarks).
    Creates ``<data_dir>/players/<CODE>/``; returns the folder."""
    folder = player_dir(data_dir, player_code)
    folder.mkdir(parents=True, exist_ok=True)
    table = {str(i + 1): st for i, st in enumerate(statements)}
    atomic_write_bytes(
        folder / DB_NAME,
        json.dumps({"statements": table, "meta": {}}, ensure_ascii=False).encode("utf-8"),
    )
    return folder
