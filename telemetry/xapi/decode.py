"""The one statement decoder: an xAPI statement dict -> :class:`Decoded` short names.

Every reader of statements (the profile's evidence, reports, progress, consent, pauses)
works on :class:`Decoded` records made here, with ``vocab``'s exact reverse maps: an IRI
that is not in the vocabulary decodes to ``""`` (verb, type, activity) or is left out
(extensions), never guessed from its last path segment. A report decodes each statement
once (:func:`decode_log`) and passes the records on. Pure functions, touch nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from telemetry.xapi import vocab

__all__ = ["Decoded", "DecodedLog", "decode", "decode_log", "parse_duration"]


@dataclass(frozen=True)
class Decoded:
    """A statement in short names. ``ext`` holds context then result extensions by short
    name (result wins when both carry one); ``activity`` is the short path of one of our
    activity IRIs; ``registration`` is the session's and ``actor`` the account name."""

    id: str | None
    timestamp: str | None
    verb: str
    activity_type: str
    activity: str
    response: str | None
    score: float | None
    success: bool | None
    duration_s: float | None
    ext: dict[str, Any]
    registration: str = ""
    actor: str | None = None


@dataclass(frozen=True)
class DecodedLog:
    """A player's statements decoded once, oldest first; ``skipped`` could not be read."""

    statements: tuple[Decoded, ...]
    skipped: int = 0

    @property
    def total(self) -> int:
        """Statements given, readable or not."""
        return len(self.statements) + self.skipped


_DURATION = re.compile(
    r"^P(?:(?P<d>\d+(?:\.\d+)?)D)?(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)


def parse_duration(value: Any) -> float | None:
    """ISO 8601 duration (``PT1M3.5S``, ``P1DT2H``) -> seconds; numbers pass through."""
    if value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    m = _DURATION.match(str(value).strip())
    if not m or str(value).strip() in ("P", "PT"):
        return None
    parts = {k: float(v) if v else 0.0 for k, v in m.groupdict().items()}
    return parts["d"] * 86400 + parts["h"] * 3600 + parts["m"] * 60 + parts["s"]


def _block(value: Any, what: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ValueError(f"{what} is not an object")
    return value


def _ext_name(iri: str) -> str | None:
    return vocab.extension_name(iri) or vocab.context_extension_name(iri)


def decode(statement: Mapping[str, Any]) -> Decoded:
    """One statement in short names; ``ValueError`` if it is not a readable statement."""
    if not isinstance(statement, Mapping):
        raise ValueError("a statement is not an object")
    verb = _block(statement.get("verb"), "verb")
    obj = _block(statement.get("object"), "object")
    definition = _block(obj.get("definition"), "object.definition")
    result = _block(statement.get("result"), "result")
    context = _block(statement.get("context"), "context")
    ext: dict[str, Any] = {}
    for where, block in (("context", context), ("result", result)):
        for key, value in _block(block.get("extensions"), f"{where}.extensions").items():
            name = _ext_name(str(key))
            if name is not None:
                ext[name] = value
    score = _block(result.get("score"), "result.score").get("scaled")
    response = result.get("response")
    success = result.get("success")
    try:
        scaled = None if score is None else float(score)
    except (TypeError, ValueError):
        raise ValueError(f"result.score.scaled {score!r} is not a number") from None
    account = _block(_block(statement.get("actor"), "actor").get("account"), "actor.account")
    name = account.get("name")
    return Decoded(
        id=None if statement.get("id") is None else str(statement.get("id")),
        timestamp=None if statement.get("timestamp") is None else str(statement["timestamp"]),
        verb=vocab.verb_name(str(verb.get("id") or "")) or "",
        activity_type=vocab.activity_type_name(str(definition.get("type") or "")) or "",
        activity=vocab.activity_path(str(obj.get("id") or "")) or "",
        response=None if response is None else str(response),
        score=scaled,
        success=success if isinstance(success, bool) else None,
        duration_s=parse_duration(result.get("duration")),
        ext=ext,
        registration=str(context.get("registration") or ""),
        actor=name if isinstance(name, str) and name else None,
    )


def decode_log(statements: Iterable[Mapping[str, Any]]) -> DecodedLog:
    """Decode a player's statements once (oldest first); unreadable ones are counted."""
    out: list[Decoded] = []
    skipped = 0
    for statement in statements:
        try:
            out.append(decode(statement))
        except ValueError:
            skipped += 1
    return DecodedLog(tuple(out), skipped)
