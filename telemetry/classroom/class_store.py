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
The file's fields and their parse live in :mod:`telemetry.classroom.class_info`.
Functions touch only the class folder they are given; loading never raises anything but
``ValueError("<file>: <problem>")`` (one line).
"""

from __future__ import annotations

import datetime as _dt
import hmac
import json
import random
import shutil
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from telemetry.classroom.class_info import (
    CLASS_CODE,
    CLASS_FILE,
    MAX_PLAYERS,
    ROUTE_FRAMEWORKS,
    ClassInfo,
    SessionSettings,
    TamperedClass,
    WrongPassphrase,
    check_class_code,
    parse_class,
    tampered,
)
from telemetry.classroom.class_seal import (
    open_badge_key,
    open_lrs,
    player_tag,
    seal_badge_key,
    seal_lrs,
    seal_of,
)
from telemetry.classroom.passphrase import ClassKeys, hash_passphrase, unlock
from telemetry.classroom.passphrase_gate import PassphraseGate, TooManyAttempts
from telemetry.xapi.atomic import atomic_write_bytes, fsync_dir
from telemetry.xapi.identity import generate_player_code
from telemetry.xapi.safe_read import parse_json

__all__ = [
    "CLASS_FILE",
    "MAX_PLAYERS",
    "ROUTE_FRAMEWORKS",
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
        if (p / CLASS_FILE).is_file() and CLASS_CODE.fullmatch(p.name)
    )


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
        doc = parse_json(raw)
    except ValueError as exc:
        raise ValueError(f"{path}: damaged class file ({exc})") from None
    return parse_class(doc, str(path))


def _unseal(data_dir: Path | str, info: ClassInfo, keys: ClassKeys) -> ClassInfo:
    where = class_dir(data_dir, info.code) / CLASS_FILE
    if not hmac.compare_digest(seal_of(keys, info.body()), info.seal):
        raise tampered(where)
    for code in info.players:
        if not hmac.compare_digest(player_tag(keys, info.code, code), info.tags.get(code, "")):
            raise tampered(where, f"player {code} was not added with the passphrase")
    if info.settings.lrs is not None:
        if "sealed" not in info.settings.lrs:
            raise tampered(where)  # an account in clear was never written by Worktown
        try:
            info.settings.lrs = open_lrs(keys, info.code, info.settings.lrs, str(where))
        except ValueError as exc:
            raise TamperedClass(str(exc)) from None
    if info.settings.badge_key is not None:
        if "sealed" not in info.settings.badge_key:
            raise tampered(where)  # a key in clear was never written by Worktown
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
