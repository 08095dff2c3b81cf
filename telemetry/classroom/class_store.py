"""Class files: ``<data_dir>/classes/<CLASS>/class.json``, written atomically.

A class has a code (e.g. ``7B-2026``), the teacher passphrase as a salted slow hash
(:mod:`telemetry.classroom.passphrase`), the pseudonymous player codes handed out, and session
settings (minutes, open districts, language, optional LRS account, optional school name
and Open Badges signing key). There are no names
anywhere: the list pairing codes with pupils stays on the teacher's paper handout.
Player data stays in ``<data_dir>/players/<CODE>/``; the class file only lists codes.

The file is sealed (:mod:`telemetry.classroom.class_seal`), with a key from the passphrase: ``seal``
is an HMAC-SHA256 over every field but the player list, and each entry of ``players`` is
``{"code", "tag"}``, the tag an HMAC over class code and player code. So a file edited
outside Worktown (a swapped ``passphrase_hash``, a player added, other minutes, another
LRS endpoint) is refused with one line (:class:`TamperedClass`), while taking a code and
its tag out needs no key: a pupil's own erase removes the code from the file at once. The LRS
user and password (and the badges' signing key) are stored only encrypted (AES-GCM, key from the
passphrase, bound to the class and the endpoint); in memory they are in clear only in a class opened
with the passphrase (:func:`open_class`). Wrong passphrases are slowed down by a growing wait kept
in ``<data_dir>/classes/attempts.json`` (:mod:`telemetry.classroom.passphrase_gate`), so starting
the command again does not reset it.

Called by the class, lrs and report commands and the teacher panel (:func:`open_class`,
:func:`unlock_classes`), and, read-only and without the passphrase, when a player signs
in (:func:`class_of_player`: only minutes, districts and language are used there).
Functions touch only the class folder they are given; loading never raises anything but
``ValueError("<file>: <problem>")`` (one line).
"""

from __future__ import annotations

import datetime as _dt
import hmac
import json
import random
import re
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telemetry.classroom.class_seal import (
    SEAL_PREFIX,
    open_badge_key,
    open_lrs,
    player_tag,
    seal_badge_key,
    seal_lrs,
    seal_of,
)
from telemetry.classroom.passphrase import ClassKeys, hash_passphrase, unlock
from telemetry.classroom.passphrase_gate import PassphraseGate, TooManyAttempts
from telemetry.words import languages
from telemetry.xapi.atomic import atomic_write_bytes, fsync_dir
from telemetry.xapi.identity import generate_player_code, is_valid_player_code

__all__ = [
    "CLASS_FILE",
    "MAX_PLAYERS",
    "SessionSettings",
    "ClassInfo",
    "check_class_code",
    "class_dir",
    "list_classes",
    "load_class",
    "save_class",
    "create_class",
    "open_class",
    "reload_class",
    "unlock_classes",
    "class_of_player",
    "delete_class",
    "WrongPassphrase",
    "TamperedClass",
    "TooManyAttempts",
    "PassphraseGate",
]

CLASS_FILE = "class.json"
FORMAT, VERSION = "worktown-class", 3
MAX_PLAYERS = 200
_CLASS_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,31}")


#: the learning-route frameworks a class may set: the ids of assets/data/learning_routes.json
#: (tests/classroom/test_class_routes.py checks they are the content's frameworks)
ROUTE_FRAMEWORKS = ("scotland", "england", "spain")


class WrongPassphrase(PermissionError):
    """The teacher passphrase does not match the class."""


class TamperedClass(ValueError):
    """The class file was changed outside Worktown (its seal does not match)."""


@dataclass
class SessionSettings:
    """Applied when a player of the class signs in. ``None`` means "no limit / all".
    ``lrs`` is ``{"endpoint", "user", "password"}`` in a class opened with the passphrase,
    ``{"endpoint", "sealed"}`` (the account encrypted) in one loaded without it."""

    minutes: int | None = None
    districts: list[str] | None = None  # open district ids
    language: str | None = None
    lrs: dict[str, str] | None = None
    #: the school's name, the issuer of the class's Open Badges (``report --format badges``)
    school: str | None = None
    #: the badges' Ed25519 signing key: ``{"private": PEM}`` opened, ``{"sealed": ...}`` locked
    badge_key: dict[str, str] | None = None
    #: research mode (issue 17 item 7): pupils also answer the 48 IIP items as a plain
    #: questionnaire at the end of the lesson (their consent page says so)
    research: bool = False
    #: the learning routes the class's pupils see (issue 18 item 3): a framework of
    #: :data:`ROUTE_FRAMEWORKS`, or None: each pupil's own setting (default: their language)
    routes: str | None = None

    def check(self, where: str = "settings") -> SessionSettings:
        """Raise ``ValueError("<where>: <problem>")`` unless every field is usable."""
        if self.minutes is not None and (
            not isinstance(self.minutes, int)
            or isinstance(self.minutes, bool)
            or not 1 <= self.minutes <= 600
        ):
            raise ValueError(f"{where}: minutes must be a whole number from 1 to 600")
        if self.districts is not None and (
            not isinstance(self.districts, list)
            or not all(isinstance(d, str) and d for d in self.districts)
        ):
            raise ValueError(f"{where}: districts must be a list of district ids")
        if self.routes is not None and self.routes not in ROUTE_FRAMEWORKS:
            raise ValueError(f"{where}: routes must be one of {', '.join(ROUTE_FRAMEWORKS)}")
        if not isinstance(self.research, bool):
            raise ValueError(f"{where}: research must be true or false")
        if self.language is not None and self.language not in languages():
            raise ValueError(f"{where}: language must be one of {', '.join(languages())}")
        if self.lrs is not None:
            keys = set(self.lrs) if isinstance(self.lrs, dict) else set()
            if keys not in ({"endpoint", "user", "password"}, {"endpoint", "sealed"}) or not all(
                isinstance(v, str) for v in self.lrs.values()
            ):
                raise ValueError(f"{where}: lrs needs endpoint, user and password (text)")
        if self.school is not None and (
            not isinstance(self.school, str)
            or not 1 <= len(self.school.strip()) <= 120
            or any(ord(ch) < 32 or 127 <= ord(ch) < 160 for ch in self.school)
        ):
            raise ValueError(f"{where}: school must be a name of 1 to 120 characters, one line")
        if self.badge_key is not None and (
            not isinstance(self.badge_key, dict)
            or set(self.badge_key) not in ({"private"}, {"sealed"})
            or not all(isinstance(v, str) for v in self.badge_key.values())
        ):
            raise ValueError(f"{where}: badge_key must be a sealed signing key")
        return self

    def badge_signing_key(self) -> bytes | None:
        """The badges' private key (PEM) when the class was opened with the passphrase."""
        key = self.badge_key or {}
        return key["private"].encode("ascii") if "private" in key else None

    def lrs_account(self) -> tuple[str, str, str] | None:
        """(endpoint, user, password) when the class was opened with the passphrase."""
        lrs = self.lrs or {}
        if "password" not in lrs:
            return None
        return lrs["endpoint"], lrs["user"], lrs["password"]


@dataclass
class ClassInfo:
    code: str
    passphrase_hash: str
    players: list[str] = field(default_factory=list)
    settings: SessionSettings = field(default_factory=SessionSettings)
    created_at: str = ""
    seal: str = ""
    keys: ClassKeys | None = field(default=None, repr=False, compare=False)
    tags: dict[str, str] = field(default_factory=dict, repr=False, compare=False)

    @property
    def unlocked(self) -> bool:
        return self.keys is not None

    def body(self) -> dict[str, Any]:
        """Every stored field but the seal and the players (what the seal covers)."""
        s = self.settings
        settings: dict[str, Any] = {
            "minutes": s.minutes,
            "districts": s.districts,
            "language": s.language,
            "lrs": s.lrs,
        }
        # only when set, so the seals of class files written before these existed still hold
        if s.school is not None:
            settings["school"] = s.school
        if s.badge_key is not None:
            settings["badge_key"] = s.badge_key
        if s.research:  # only when on: files sealed before it stay valid
            settings["research"] = True
        if s.routes is not None:  # only when set, likewise
            settings["routes"] = s.routes
        return {
            "format": FORMAT,
            "version": VERSION,
            "code": self.code,
            "passphrase_hash": self.passphrase_hash,
            "settings": settings,
            "created_at": self.created_at,
        }


def check_class_code(code: object) -> str:
    """The class code in upper case, or ``ValueError`` saying what one looks like."""
    text = str(code or "").strip().upper()
    if not _CLASS_CODE.fullmatch(text):
        raise ValueError(
            f"bad class code {code!r}: expected like 7B-2026 (letters, digits, dashes; up to 32)"
        )
    return text


def class_dir(data_dir: Path | str, code: str) -> Path:
    return Path(data_dir) / "classes" / check_class_code(code)


def list_classes(data_dir: Path | str) -> list[str]:
    """Codes of the classes in this data folder (those with a class file), sorted."""
    root = Path(data_dir) / "classes"
    if not root.is_dir():
        return []
    return sorted(
        p.name
        for p in root.iterdir()
        if (p / CLASS_FILE).is_file() and _CLASS_CODE.fullmatch(p.name)
    )


def _parse(doc: Any, where: str) -> ClassInfo:
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"{where}: not a Worktown class file")
    if doc.get("version") != VERSION:
        why = (
            "sealed by an earlier test build"
            if doc.get("version") == 2
            else "older files have no seal"
        )
        raise ValueError(
            f"{where}: class file version {doc.get('version')!r} is not {VERSION} "
            f"({why}: create the class again)"
        )
    try:
        settings = SessionSettings(**(doc.get("settings") or {})).check(f"{where}: settings")
        tags = _player_tags(doc["players"], where)
        seal = doc["seal"]
        if not isinstance(seal, str) or not seal.startswith(SEAL_PREFIX):
            raise ValueError(f"{where}: the class file has no seal")
        return ClassInfo(
            code=check_class_code(doc["code"]),
            passphrase_hash=str(doc["passphrase_hash"]),
            players=list(tags),
            settings=settings,
            created_at=str(doc.get("created_at", "")),
            seal=seal,
            tags=tags,
        )
    except KeyError as exc:
        raise ValueError(f"{where}: missing field {exc.args[0]!r}") from None
    except TypeError as exc:
        raise ValueError(f"{where}: unexpected field ({exc})") from None


def _player_tags(players: Any, where: str) -> dict[str, str]:
    """``{code: tag}`` of the ``players`` entries, in order; a code without a tag is
    :class:`TamperedClass` (Worktown never writes one), anything else ``ValueError``."""
    if not isinstance(players, list):
        raise ValueError(f"{where}: players must be a list of player codes")
    tags: dict[str, str] = {}
    for entry in players:
        code = entry.get("code") if isinstance(entry, dict) else entry
        if not isinstance(code, str) or not is_valid_player_code(code) or code in tags:
            raise ValueError(f"{where}: players must be a list of player codes, each once")
        tag = entry.get("tag") if isinstance(entry, dict) else None
        if not isinstance(tag, str) or not tag.startswith(SEAL_PREFIX):
            raise _tampered(where, f"player {code} has no tag")
        tags[code] = tag
    return tags


def load_class(data_dir: Path | str, code: str) -> ClassInfo:
    """Read a class file without the passphrase: a locked :class:`ClassInfo` (its LRS
    account sealed, its seal and player tags not checked: a code with no tag at all is
    :class:`TamperedClass`). See the module docstring for errors."""
    path = class_dir(data_dir, code) / CLASS_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{path}: no class {check_class_code(code)} in this data folder") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror or exc})") from None
    try:
        doc = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise ValueError(f"{path}: damaged class file ({exc})") from None
    return _parse(doc, str(path))


def _tampered(where: Path | str, why: str = "its seal does not match") -> TamperedClass:
    return TamperedClass(
        f"{where}: the class file was changed outside Worktown ({why}); "
        "refused - restore it from a backup or create the class again"
    )


def _unseal(data_dir: Path | str, info: ClassInfo, keys: ClassKeys) -> ClassInfo:
    where = class_dir(data_dir, info.code) / CLASS_FILE
    if not hmac.compare_digest(seal_of(keys, info.body()), info.seal):
        raise _tampered(where)
    for code in info.players:
        if not hmac.compare_digest(player_tag(keys, info.code, code), info.tags.get(code, "")):
            raise _tampered(where, f"player {code} was not added with the passphrase")
    if info.settings.lrs is not None:
        if "sealed" not in info.settings.lrs:
            raise _tampered(where)  # an account in clear was never written by Worktown
        try:
            info.settings.lrs = open_lrs(keys, info.code, info.settings.lrs, str(where))
        except ValueError as exc:
            raise TamperedClass(str(exc)) from None
    if info.settings.badge_key is not None:
        if "sealed" not in info.settings.badge_key:
            raise _tampered(where)  # a key in clear was never written by Worktown
        try:
            info.settings.badge_key = open_badge_key(
                keys, info.code, info.settings.badge_key, str(where)
            )
        except ValueError as exc:
            raise TamperedClass(str(exc)) from None
    info.keys = keys
    return info


def save_class(data_dir: Path | str, info: ClassInfo) -> Path:
    """Write the class file atomically, sealed, every player tagged and the LRS account
    encrypted; needs a class opened with the passphrase. Without it (a pupil erasing
    themselves) only taking codes out is possible: the file on disk is written again
    without them and their tags, its seal unchanged (``ValueError`` for any other
    change). Returns the path."""
    folder = class_dir(data_dir, info.code)
    path = folder / CLASS_FILE
    if info.keys is None:
        on_disk = load_class(data_dir, info.code)
        if set(info.players) - set(on_disk.players) or info.body() != on_disk.body():
            raise ValueError(f"class {info.code}: open it with the teacher passphrase to change it")
        body, seal = on_disk.body(), on_disk.seal
        tags = {c: t for c, t in on_disk.tags.items() if c in set(info.players)}
    else:
        body = info.body()
        lrs = info.settings.lrs
        if lrs is not None and "password" in lrs:
            body["settings"]["lrs"] = seal_lrs(info.keys, info.code, lrs)
        badge_key = info.settings.badge_key
        if badge_key is not None and "private" in badge_key:
            body["settings"]["badge_key"] = seal_badge_key(info.keys, info.code, badge_key)
        seal = seal_of(info.keys, body)
        tags = {c: player_tag(info.keys, info.code, c) for c in info.players}
    folder.mkdir(parents=True, exist_ok=True)
    doc = {**body, "players": [{"code": c, "tag": t} for c, t in tags.items()], "seal": seal}
    atomic_write_bytes(path, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    info.seal, info.tags = seal, tags
    return path


def open_class(
    data_dir: Path | str, code: str, passphrase: str, *, clock: Callable[[], float] = time.time
) -> ClassInfo:
    """Load a class and unlock it with the passphrase: :class:`TooManyAttempts` while
    the wait after wrong ones runs, :class:`WrongPassphrase` if it does not match,
    :class:`TamperedClass` if the file's seal does not."""
    gate = PassphraseGate(data_dir, clock)
    info = load_class(data_dir, code)
    gate.check()
    keys = unlock(passphrase, info.passphrase_hash)
    if keys is None:
        gate.failed()
        raise WrongPassphrase(f"class {info.code}: wrong teacher passphrase")
    try:
        info = _unseal(data_dir, info, keys)
    except TamperedClass:
        gate.failed()
        raise
    gate.succeeded()
    return info


def reload_class(data_dir: Path | str, info: ClassInfo) -> ClassInfo:
    """Read an opened class again (after a change on disk) with the keys it holds."""
    if info.keys is None:
        raise ValueError(f"class {info.code}: open it with the teacher passphrase first")
    fresh = load_class(data_dir, info.code)
    return _unseal(data_dir, fresh, info.keys)


def unlock_classes(
    data_dir: Path | str, passphrase: str, *, clock: Callable[[], float] = time.time
) -> tuple[list[ClassInfo], list[str]]:
    """Every class of the data folder this passphrase opens (the teacher panel), and one
    line per class file refused as tampered or damaged. Counts as one try for the wait
    (:class:`TooManyAttempts` while it runs)."""
    gate = PassphraseGate(data_dir, clock)
    gate.check()
    opened, problems = [], []
    for code in list_classes(data_dir):
        try:
            info = load_class(data_dir, code)
            keys = unlock(passphrase, info.passphrase_hash)
            if keys is not None:
                opened.append(_unseal(data_dir, info, keys))
        except ValueError as exc:
            problems.append(str(exc))
    if opened:
        gate.succeeded()
    else:
        gate.failed()
    return opened, problems


def create_class(
    data_dir: Path | str,
    code: str,
    passphrase: str,
    n_players: int,
    settings: SessionSettings | None = None,
    *,
    rng: random.Random | None = None,
    taken: Callable[[str], bool] | None = None,
) -> ClassInfo:
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
    info = ClassInfo(
        code=code,
        passphrase_hash=pw_hash,
        players=players,
        settings=settings,
        created_at=_dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        keys=unlock(passphrase, pw_hash),
    )
    save_class(data_dir, info)
    return info


def _codes_in_use(data_dir: Path | str) -> set[str]:
    used: set[str] = set()
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


def class_in_statements(statements: Iterable[Any]) -> str | None:
    """The class code a player's statements were recorded under (context extension),
    or None. Reads nothing."""
    from telemetry.xapi.vocab import context_extension_iri

    key = context_extension_iri("class_code")
    for st in statements:
        ext = ((st.get("context") or {}).get("extensions") or {}) if isinstance(st, dict) else {}
        code = ext.get(key) if isinstance(ext, dict) else None
        if isinstance(code, str) and code:
            return code
    return None


def classes_of_player(
    data_dir: Path | str, player_code: str, statements: Iterable[Any] = ()
) -> list[str]:
    """Every class this player belongs to: the class files that list the code, and the
    class their statements name (even if its file is gone or damaged). Reads class files."""
    found = {cls for cls in list_classes(data_dir) if _lists(data_dir, cls, player_code)}
    named = class_in_statements(statements)
    if named:
        found.add(named)
    return sorted(found)


def _lists(data_dir: Path | str, cls: str, player_code: str) -> bool:
    try:
        return player_code in load_class(data_dir, cls).players
    except ValueError:
        return False
