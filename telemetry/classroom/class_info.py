"""What a class file holds and how it is read: the class (:class:`ClassInfo`), its session
settings (:class:`SessionSettings`), the class code's form, and the parse of a
``class.json`` document with its one-line errors (``ValueError("<file>: <problem>")``,
:class:`TamperedClass`). Pure: no file is touched here.

Used by :mod:`telemetry.classroom.class_store` (which reads, seals and writes the files and
re-exports these names); see its docstring for the file's layout and seal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telemetry.classroom.class_seal import SEAL_PREFIX
from telemetry.classroom.passphrase import ClassKeys
from telemetry.words import languages
from telemetry.xapi.identity import is_valid_player_code

CLASS_FILE = "class.json"
FORMAT, VERSION = "worktown-class", 3
MAX_PLAYERS = 200
CLASS_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,31}")


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
    if not CLASS_CODE.fullmatch(text):
        raise ValueError(
            f"bad class code {code!r}: expected like 7B-2026 (letters, digits, dashes; up to 32)"
        )
    return text


def parse_class(doc: Any, where: str) -> ClassInfo:
    """The :class:`ClassInfo` of a class file's JSON document (locked: seal not checked)."""
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
            raise tampered(where, f"player {code} has no tag")
        tags[code] = tag
    return tags


def tampered(where: Path | str, why: str = "its seal does not match") -> TamperedClass:
    """The one-line error of a class file changed outside Worktown."""
    return TamperedClass(
        f"{where}: the class file was changed outside Worktown ({why}); "
        "refused - restore it from a backup or create the class again"
    )
