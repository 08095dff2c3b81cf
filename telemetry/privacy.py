"""What Worktown knows about a player, in plain words, and erasing it.

:func:`describe_player_data` is called by the "My data" screen and the teacher tools; it
reads only the statements it is given (and lists the player's folder if asked).
:func:`erase_player` is called when a player or teacher asks for erasure, after the
player's Recorder is closed; it deletes the player's whole folder and checks that nothing
is left. No personal data field exists anywhere: the actor is a pseudonymous code.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from telemetry import vocab
from telemetry.statements import parse_duration, parse_timestamp
from telemetry.store import LOCK_NAME, PlayerLock, player_dir

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _day(stamp: str, tz: tzinfo | None) -> str:
    moment = datetime.fromtimestamp(parse_timestamp(stamp), tz or UTC)
    return f"{moment.day} {_MONTHS[moment.month - 1]}"


def _span(seconds: float) -> str:
    if seconds < 60:
        n = max(1, round(seconds))
        return "1 second" if n == 1 else f"{n} seconds"
    n = round(seconds / 60)
    return "1 minute" if n == 1 else f"{n} minutes"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _name(statement: dict[str, Any]) -> str:
    names = statement["object"].get("definition", {}).get("name") or {}
    return next(iter(names.values()), None) or statement["object"]["id"].rsplit("/", 1)[-1]


def describe_player_data(
    statements: Iterable[dict[str, Any]],
    language: str = "en",
    *,
    folder: Path | None = None,
    tz: tzinfo | None = None,
) -> list[str]:
    """Plain sentences describing everything stored about the player, e.g.
    "On 25 Nov you played Bike repair for 3 minutes and rated it 4 of 5."

    Only English exists so far; other languages fall back to it. ``tz`` is the time zone
    for dates (the computer's local zone if ``None``); ``folder`` adds where files are.
    """
    del language  # one language for now; the parameter is the contract
    if tz is None:
        tz = datetime.now().astimezone().tzinfo
    items = list(statements)
    if not items:
        lines = ["Worktown has no records about you yet."]
        if folder is not None:
            lines.append(f"Your records would be kept in the folder {folder}.")
        return lines
    items.sort(key=lambda s: s["timestamp"])
    code = items[0]["actor"]["account"]["name"]
    sessions = {s.get("context", {}).get("registration") for s in items} - {None}
    first, last = _day(items[0]["timestamp"], tz), _day(items[-1]["timestamp"], tz)
    when = f"on {first}" if first == last else f"between {first} and {last}"
    lines = [
        f"Worktown keeps {_plural(len(items), 'record')} of what you did, "
        f"from {_plural(max(1, len(sessions)), 'session')} {when}.",
        f"You are known only by your player code {code}; "
        "no name, email address or birthday is stored.",
    ]
    ratings: dict[str, str] = {}
    for s in items:
        path = vocab.activity_path(s["object"]["id"]) or ""
        if path.startswith("reflect/") and path.endswith("/enjoy"):
            response = s.get("result", {}).get("response")
            if response:
                ratings[path[len("reflect/"): -len("/enjoy")]] = response
    read, saved, answered = 0, 0, 0
    for s in items:
        verb = vocab.verb_name(s["verb"]["id"])
        kind = vocab.activity_type_name(s["object"]["definition"]["type"])
        path = vocab.activity_path(s["object"]["id"]) or ""
        result = s.get("result", {})
        if verb == "completed" and kind == "quest":
            line = f"On {_day(s['timestamp'], tz)} you played {_name(s)}"
            if "duration" in result:
                line += f" for {_span(parse_duration(result['duration']))}"
            challenge = path.split("/", 1)[-1]
            if challenge in ratings:
                line += f" and rated it {ratings[challenge]} of 5"
            lines.append(line + ".")
        elif verb == "accessed" and path.startswith("occupation/"):
            read += 1
        elif verb == "used" and path.startswith("occupation/"):
            action = result.get("extensions", {}).get(vocab.extension_iri("action"))
            saved += 1 if action == "save" else -1 if action == "unsave" else 0
        elif verb == "selected" and kind == "question":
            answered += 1
    if read or saved:
        lines.append(f"You read about {_plural(read, 'job')} and saved {max(saved, 0)}.")
    if answered:
        lines.append(f"You answered {_plural(answered, 'question')}.")
    if folder is not None:
        names = sorted(p.name for p in Path(folder).iterdir()) if Path(folder).exists() else []
        lines.append(
            f"Your records are kept on this computer in the folder {folder}"
            + (f" (files: {', '.join(names)})." if names else ".")
        )
    return lines


def erase_player(data_dir: Path | str, player_code: str) -> list[Path]:
    """Delete everything stored about a player (journal, TinyDB, save, settings, lock):
    the whole ``<data_dir>/players/<code>`` folder. Close the player's Recorder first:
    raises :class:`~telemetry.store.PlayerLocked` while it is open. Returns the files
    removed; raises ``OSError`` if anything remains afterwards."""
    folder = player_dir(data_dir, player_code)
    if not folder.exists():
        return []
    lock = PlayerLock(folder / LOCK_NAME)
    lock.acquire()  # refuse while a Recorder (any process) holds the player
    removed: list[Path] = []
    try:
        for root, dirs, files in os.walk(folder):
            removed.extend(Path(root) / f for f in files if f != LOCK_NAME or Path(root) != folder)
            dirs.sort()
        for child in folder.iterdir():
            if child.name == LOCK_NAME:
                continue
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    finally:
        lock.release()  # deletes the lock file
    removed.append(folder / LOCK_NAME)
    try:
        folder.rmdir()
    except FileNotFoundError:
        pass
    if folder.exists():
        left = ", ".join(p.name for p in folder.iterdir())
        raise OSError(f"{folder}: could not erase everything (left: {left})")
    return removed
