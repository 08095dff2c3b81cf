"""Class files: ``<data_dir>/classes/<CLASS>/class.json``, written atomically.

A class has a code (e.g. ``7B-2026``), the teacher passphrase as a salted slow hash
(:mod:`telemetry.passphrase`), the pseudonymous player codes handed out, and session
settings (minutes, open districts, language, learning routes, optional LRS endpoint). There are no names
anywhere: the list pairing codes with pupils stays on the teacher's paper handout.
Player data stays in ``<data_dir>/players/<CODE>/``; the class file only lists codes.

Called by the class command, the teacher panel and (read-only) when a player signs in.
Functions touch only the class folder they are given; loading never raises anything but
``ValueError("<file>: <problem>")`` (one line).
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import re
import shutil
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from telemetry.atomic import atomic_write_bytes, fsync_dir
from telemetry.identity import generate_player_code, is_valid_player_code
from telemetry.passphrase import hash_passphrase, verify_passphrase

__all__ = ["CLASS_FILE", "MAX_PLAYERS", "SessionSettings", "ClassInfo", "check_class_code",
           "class_dir", "list_classes", "load_class", "save_class", "create_class",
           "open_class", "class_of_player", "delete_class", "WrongPassphrase"]

CLASS_FILE = "class.json"
FORMAT, VERSION = "worktown-class", 1
MAX_PLAYERS = 200
_CLASS_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,31}")
_LANGUAGES = ("en", "es")
_ROUTES = ("scotland", "england", "spain")


class WrongPassphrase(PermissionError):
    """The teacher passphrase does not match the class."""


@dataclass
class SessionSettings:
    """Applied when a player of the class signs in. ``None`` means "no limit / all"."""

    minutes: int | None = None
    districts: list[str] | None = None     # open district ids
    language: str | None = None
    lrs: dict[str, str] | None = None      # {"endpoint", "user", "password"}
    routes: str | None = None              # learning routes shown: scotland, england or spain

    def check(self, where: str = "settings") -> SessionSettings:
        """Raise ``ValueError("<where>: <problem>")`` unless every field is usable."""
        if self.minutes is not None and (not isinstance(self.minutes, int)
                                         or isinstance(self.minutes, bool)
                                         or not 1 <= self.minutes <= 600):
            raise ValueError(f"{where}: minutes must be a whole number from 1 to 600")
        if self.districts is not None and (not isinstance(self.districts, list) or not all(
                isinstance(d, str) and d for d in self.districts)):
            raise ValueError(f"{where}: districts must be a list of district ids")
        if self.language is not None and self.language not in _LANGUAGES:
            raise ValueError(f"{where}: language must be one of {', '.join(_LANGUAGES)}")
        if self.routes is not None and self.routes not in _ROUTES:
            raise ValueError(f"{where}: routes must be one of {', '.join(_ROUTES)}")
        if self.lrs is not None:
            if not isinstance(self.lrs, dict) or not all(
                    isinstance(self.lrs.get(k), str) for k in ("endpoint", "user", "password")):
                raise ValueError(f"{where}: lrs needs endpoint, user and password (text)")
        return self


@dataclass
class ClassInfo:
    code: str
    passphrase_hash: str
    players: list[str] = field(default_factory=list)
    settings: SessionSettings = field(default_factory=SessionSettings)
    created_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"format": FORMAT, "version": VERSION, **asdict(self)}


def check_class_code(code: object) -> str:
    """The class code in upper case, or ``ValueError`` saying what one looks like."""
    text = str(code or "").strip().upper()
    if not _CLASS_CODE.fullmatch(text):
        raise ValueError(f"bad class code {code!r}: expected like 7B-2026 "
                         "(letters, digits, dashes; up to 32)")
    return text


def class_dir(data_dir: Path | str, code: str) -> Path:
    return Path(data_dir) / "classes" / check_class_code(code)


def list_classes(data_dir: Path | str) -> list[str]:
    """Codes of the classes in this data folder (those with a class file), sorted."""
    root = Path(data_dir) / "classes"
    if not root.is_dir():
        return []
    return sorted(p.name for p in root.iterdir()
                  if (p / CLASS_FILE).is_file() and _CLASS_CODE.fullmatch(p.name))


def _parse(doc: Any, where: str) -> ClassInfo:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"{where}: not a Worktown class file")
    if doc.get("version") != VERSION:
        raise ValueError(f"{where}: class file version {doc.get('version')!r} is not {VERSION}")
    try:
        settings = SessionSettings(**(doc.get("settings") or {})).check(f"{where}: settings")
        players = doc["players"]
        if not isinstance(players, list) or not all(is_valid_player_code(p) for p in players):
            raise ValueError(f"{where}: players must be a list of player codes")
        return ClassInfo(code=check_class_code(doc["code"]),
                         passphrase_hash=str(doc["passphrase_hash"]), players=list(players),
                         settings=settings, created_at=str(doc.get("created_at", "")))
    except KeyError as exc:
        raise ValueError(f"{where}: missing field {exc.args[0]!r}") from None
    except TypeError as exc:
        raise ValueError(f"{where}: unexpected field ({exc})") from None


def load_class(data_dir: Path | str, code: str) -> ClassInfo:
    """Read a class file (see module docstring for errors)."""
    path = class_dir(data_dir, code) / CLASS_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{path}: no class {check_class_code(code)} in this data folder") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: damaged class file ({exc})") from None
    return _parse(doc, str(path))


def save_class(data_dir: Path | str, info: ClassInfo) -> Path:
    """Write the class file atomically; returns its path."""
    folder = class_dir(data_dir, info.code)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CLASS_FILE
    atomic_write_bytes(path, json.dumps(info.to_json(), ensure_ascii=False, indent=1).encode("utf-8"))
    return path


def open_class(data_dir: Path | str, code: str, passphrase: str) -> ClassInfo:
    """Load a class and check the passphrase; :class:`WrongPassphrase` if it does not match."""
    info = load_class(data_dir, code)
    if not verify_passphrase(passphrase, info.passphrase_hash):
        raise WrongPassphrase(f"class {info.code}: wrong teacher passphrase")
    return info


def create_class(data_dir: Path | str, code: str, passphrase: str, n_players: int,
                 settings: SessionSettings | None = None, *, rng: random.Random | None = None,
                 taken: Callable[[str], bool] | None = None) -> ClassInfo:
    """Create a new class with ``n_players`` fresh codes (none already used in this data
    folder, nor by ``taken``). ``ValueError`` if the class exists or an input is bad."""
    code = check_class_code(code)
    if not isinstance(n_players, int) or not 1 <= n_players <= MAX_PLAYERS:
        raise ValueError(f"players: expected 1 to {MAX_PLAYERS}, got {n_players!r}")
    settings = (settings or SessionSettings()).check()
    if (class_dir(data_dir, code) / CLASS_FILE).exists():
        raise ValueError(f"{class_dir(data_dir, code)}: class {code} already exists")
    pw_hash = hash_passphrase(passphrase)
    rng = rng or random.SystemRandom()
    used = _codes_in_use(data_dir)
    players: list[str] = []
    for _ in range(n_players * 200):
        if len(players) == n_players:
            break
        candidate = generate_player_code(rng)
        if candidate in used or (taken is not None and taken(candidate)):
            continue
        used.add(candidate)
        players.append(candidate)
    else:
        raise ValueError("could not find enough free player codes")
    info = ClassInfo(code=code, passphrase_hash=pw_hash, players=players, settings=settings,
                     created_at=_dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    save_class(data_dir, info)
    return info


def _codes_in_use(data_dir: Path | str) -> set[str]:
    used = set()
    players = Path(data_dir) / "players"
    if players.is_dir():
        used.update(p.name for p in players.iterdir())
    for cls in list_classes(data_dir):
        try:
            used.update(load_class(data_dir, cls).players)
        except ValueError:
            continue
    return used


def class_of_player(data_dir: Path | str, player_code: str) -> ClassInfo | None:
    """The class that lists this player, if any (damaged class files are skipped).
    Called when a player signs in; reads only class files."""
    for cls in list_classes(data_dir):
        try:
            info = load_class(data_dir, cls)
        except ValueError:
            continue
        if player_code in info.players:
            return info
    return None


def delete_class(data_dir: Path | str, code: str) -> list[Path]:
    """Remove the class folder (after its players were erased); returns what was removed."""
    folder = class_dir(data_dir, code)
    removed = sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []
    if folder.exists():
        shutil.rmtree(folder)
        fsync_dir(folder.parent)
    if folder.exists():
        raise OSError(f"{folder}: could not remove the class folder")
    return removed


def remove_players(info: ClassInfo, codes: Iterable[str]) -> ClassInfo:
    """The class without the given player codes (the caller saves it)."""
    gone = set(codes)
    info.players = [p for p in info.players if p not in gone]
    return info
