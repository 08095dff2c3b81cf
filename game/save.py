"""Player saves: versioned JSON written atomically, one migration per version step.

Folder: ``<data_dir>/players/<CODE>/save.json``; ``<data_dir>/last_player.json`` names
the player who played last on this computer. No personal data: a pseudonymous code
and a chosen avatar only. Loading never raises: a bad file gives a one-line message.
"""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from telemetry.xapi.atomic import atomic_write_bytes
from telemetry.xapi.safe_read import parse_json, printable

SAVE_VERSION = 2
CODE_PATTERN = re.compile(r"^[A-Z]{2,8}-[A-Z]{2,8}-[0-9]{2}$")


@dataclass
class ChallengeRecord:
    """What the player has done in one challenge."""

    plays: int = 0
    best_score: float = 0.0
    last_score: float = 0.0
    difficulty: int = 1


@dataclass
class PlayerSave:
    """Everything needed to resume a player where they were."""

    code: str
    avatar_shape: str = "circle"
    avatar_colour: str = "#3A86FF"
    place: dict[str, Any] = field(default_factory=lambda: {"scene": "hub"})
    challenges: dict[str, ChallengeRecord] = field(default_factory=dict)
    saved_occupations: list[str] = field(default_factory=list)
    next_step: str = ""
    mentor_items_asked: list[str] = field(default_factory=list)
    consent_given: bool = True

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["version"] = SAVE_VERSION
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlayerSave:
        data = migrate(dict(data))
        check_shape(data)
        challenges = {k: ChallengeRecord(**v) for k, v in data.get("challenges", {}).items()}
        return cls(
            code=data["code"],
            avatar_shape=data["avatar_shape"],
            avatar_colour=data["avatar_colour"],
            place=data["place"],
            challenges=challenges,
            saved_occupations=list(data["saved_occupations"]),
            next_step=data.get("next_step", ""),
            mentor_items_asked=list(data.get("mentor_items_asked", [])),
            consent_given=bool(data.get("consent_given", True)),
        )


_SHAPE: dict[str, type] = {
    "code": str,
    "avatar_shape": str,
    "avatar_colour": str,
    "place": dict,
    "challenges": dict,
    "saved_occupations": list,
    "next_step": str,
    "mentor_items_asked": list,
}
_RECORD: dict[str, type | tuple[type, ...]] = {
    "plays": int,
    "best_score": (int, float),
    "last_score": (int, float),
    "difficulty": int,
}


def check_shape(data: dict[str, Any]) -> None:
    """ValueError naming the first field whose value has the wrong type (after migration),
    so a damaged save never half-loads into something a scene would trip over later."""
    for key, kind in _SHAPE.items():
        if key in data and not isinstance(data[key], kind):
            raise ValueError(f"{key}: must be {kind.__name__}, got {type(data[key]).__name__}")
    for raw_cid, record in data.get("challenges", {}).items():
        cid = printable(raw_cid)  # a key from the file: shown escaped, on one line
        if not isinstance(record, dict) or set(record) - set(_RECORD):
            raise ValueError(f"challenges.{cid}: not a challenge record")
        for key, number in _RECORD.items():
            value = record.get(key, 0)
            if isinstance(value, bool) or not isinstance(value, number):
                raise ValueError(f"challenges.{cid}.{key}: must be a number")
    for key in ("saved_occupations", "mentor_items_asked"):
        if not all(isinstance(v, str) for v in data.get(key, [])):
            raise ValueError(f"{key}: must be a list of texts")


def _v1_to_v2(data: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no mentor item memory and called the place 'location'."""
    data["place"] = data.pop("location", {"scene": "hub"})
    data.setdefault("mentor_items_asked", [])
    data["version"] = 2
    return data


MIGRATIONS = {1: _v1_to_v2}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Apply exactly the migration steps from the file's version to SAVE_VERSION."""
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise ValueError(f"no valid version ({version!r})")
    if version > SAVE_VERSION:
        raise ValueError(f"made by a newer Worktown (save version {version})")
    while version < SAVE_VERSION:
        data = MIGRATIONS[version](data)
        version = data["version"]
    return data


class SaveStore:
    """Reads and writes player saves under one data folder.

    ``writer`` is the app's background writer (``game.save_writer.SaveWriter``) when saves
    go through it: reading waits for what it still holds, so a load sees the latest save.
    """

    def __init__(self, data_dir: Path, writer: Any = None):
        self.data_dir = data_dir
        self.writer = writer
        self._signed_out: set[str] = set()

    def settle(self) -> None:
        """Wait until saves handed to the background writer are on disk (before reading)."""
        if self.writer is not None:
            self.writer.flush(30.0)

    def player_dir(self, code: str) -> Path:
        return self.data_dir / "players" / code

    def save(self, player: PlayerSave) -> None:
        """Write the save and remember this player as the last one (both atomic), now."""
        for path, data in self.files(player):
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, data)

    def files(self, player: PlayerSave) -> list[tuple[Path, bytes]]:
        """The save and the last-player note as (path, bytes), in writing order: what
        :meth:`save` writes, serialised now (``GameContext.save_player`` hands these to the
        background writer)."""
        self._signed_out.discard(player.code)
        return [
            (self.player_dir(player.code) / "save.json", json_bytes(player.to_json())),
            (self.data_dir / "last_player.json", json_bytes({"version": 1, "code": player.code})),
        ]

    def load(self, code: str) -> tuple[PlayerSave | None, str | None]:
        """The player's save, or (None, one-line reason)."""
        player, problem, _kind = self.read(code)
        return player, problem

    def read(self, code: str) -> tuple[PlayerSave | None, str | None, str]:
        """(save, one-line reason, kind): kind is ``"ok"``, ``"missing"``, ``"damaged"``
        (unreadable or wrong shape: can be rebuilt) or ``"newer"`` (made by a newer
        Worktown: kept as it is)."""
        self.settle()
        path = self.player_dir(code) / "save.json"
        if not path.exists():
            return None, None, "missing"
        try:
            data = parse_json(path.read_bytes())
            if not isinstance(data, dict):
                raise ValueError("not a save object")
            if isinstance(data.get("version"), int) and data["version"] > SAVE_VERSION:
                shown = data["version"] if data["version"] < 10**6 else "far beyond this one"
                return None, f"{path}: made by a newer Worktown (save version {shown})", "newer"
            player = PlayerSave.from_json(data)
            if player.code != code:
                raise ValueError("player code does not match its folder")
            return player, None, "ok"
        except RecursionError:
            return None, f"{path}: save could not be read (nested too deeply)", "damaged"
        except (OSError, ValueError, KeyError, TypeError) as exc:
            return None, f"{path}: save could not be read ({exc})", "damaged"

    def set_aside(self, code: str) -> Path | None:
        """Rename a damaged save to ``save.json.damaged-<UTC time>`` (kept for inspection);
        None when the disk refuses (the rebuilt save then simply replaces it)."""
        import os
        import time

        path = self.player_dir(code) / "save.json"
        target = path.with_name(
            f"save.json.damaged-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}"
        )
        try:
            os.replace(path, target)
        except OSError:
            return None
        return target

    def signed_out(self, code: str) -> None:
        """Called after an explicit sign-out: the title must not offer to continue as
        ``code`` (the next pupil at a shared PC types their own code). The note is
        removed; if the disk refuses, the code is remembered for this run."""
        self._signed_out.add(code)
        self.forget_last(code)

    def last_player_code(self) -> str | None:
        """The code of whoever played last on this computer, if still present."""
        self.settle()
        path = self.data_dir / "last_player.json"
        try:
            code = json.loads(path.read_text(encoding="utf-8")).get("code")
        except (OSError, ValueError, AttributeError):
            return None
        if (
            isinstance(code, str)
            and code not in self._signed_out
            and CODE_PATTERN.match(code)
            and (self.player_dir(code) / "save.json").exists()
        ):
            return code
        return None

    def forget_last(self, code: str) -> None:
        """Called after a player erases their data or signs out."""
        path = self.data_dir / "last_player.json"
        try:
            named = json.loads(path.read_text(encoding="utf-8")).get("code")
        except (OSError, ValueError, AttributeError):
            named = None
        try:
            if named in (code, None) and path.exists():
                path.unlink()
        except OSError:
            pass


def write_json(path: Path, data: object) -> None:
    """Write JSON atomically (temp file, fsync, os.replace), creating the folder."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, json_bytes(data))


def json_bytes(data: object) -> bytes:
    """The bytes :func:`write_json` writes for ``data``."""
    return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
