"""What Worktown knows about a player, in plain words.

:func:`describe_player_data` is called by the "My data" screen and the teacher tools; it
reads only the statements it is given (and lists the player's folder if asked).
Erasing is :func:`telemetry.classroom.erase.erase_everywhere` (the one erase: every copy).
No personal data field exists anywhere: the actor is a pseudonymous code.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from typing import Any

from telemetry.words import language_of, say
from telemetry.xapi import vocab
from telemetry.xapi.statements import parse_duration, parse_timestamp


def _say(lang: str, key: str, **values: object) -> str:
    """One ``privacy.*`` text of the locale files, placeholders filled."""
    return say("privacy", lang, key, **values)


def _count(lang: str, n: int, unit: str) -> str:
    """``n`` and the unit in the right number, e.g. "1 session", "3 sesiones"."""
    return _say(lang, f"count.{unit}", n=n)


def _day(stamp: str, tz: tzinfo | None, lang: str) -> str:
    moment = datetime.fromtimestamp(parse_timestamp(stamp), tz or UTC)
    return _say(lang, "day", d=moment.day, month=_say(lang, f"month.{moment.month}"))


def _span(seconds: float, lang: str) -> str:
    if seconds < 60:
        return _count(lang, max(1, round(seconds)), "second")
    return _count(lang, round(seconds / 60), "minute")


def _name(statement: dict[str, Any], lang: str, names: Mapping[str, str]) -> str:
    """The activity's name: from ``names`` (the caller's titles in the player's language),
    else the statement's own name in that language, else any name it has, else its id."""
    path = vocab.activity_path(statement["object"]["id"]) or ""
    challenge = path.split("/", 1)[-1]
    if challenge in names:
        return names[challenge]
    given = statement["object"].get("definition", {}).get("name") or {}
    same = [v for k, v in given.items() if language_of(k) == lang and v]
    return str(
        (same or [next(iter(given.values()), None)])[0]
        or statement["object"]["id"].rsplit("/", 1)[-1]
    )


def describe_player_data(
    statements: Iterable[dict[str, Any]],
    language: str = "en",
    *,
    folder: Path | None = None,
    tz: tzinfo | None = None,
    names: Mapping[str, str] | None = None,
) -> list[str]:
    """Plain sentences describing everything stored about the player, e.g.
    "On 25 Nov you played Bike repair for 3 minutes and rated it 4 of 5." (English) or
    "El 25 de noviembre jugaste a Bike repair durante 3 minutos y le pusiste un 4 sobre 5."

    ``language`` picks the ``privacy.*`` texts of the locale files (English when there
    are none for it). ``names`` maps challenge ids to their titles in that language (the
    game passes its content's titles). ``tz`` is the time zone for dates (the computer's
    local zone if ``None``); ``folder`` adds where files are.
    """
    lang = language_of(language)
    names = names or {}
    if tz is None:
        tz = datetime.now().astimezone().tzinfo
    items = list(statements)
    if not items:
        lines = [_say(lang, "nothing")]
        if folder is not None:
            lines.append(_say(lang, "would_keep", folder=folder))
        return lines
    items.sort(key=lambda s: s["timestamp"])
    code = items[0]["actor"]["account"]["name"]
    sessions = {s.get("context", {}).get("registration") for s in items} - {None}
    first, last = _day(items[0]["timestamp"], tz, lang), _day(items[-1]["timestamp"], tz, lang)
    when = (
        _say(lang, "on_day", day=first)
        if first == last
        else _say(lang, "between", first=first, last=last)
    )
    lines = [
        _say(
            lang,
            "keeps",
            records=_count(lang, len(items), "record"),
            sessions=_count(lang, max(1, len(sessions)), "session"),
            when=when,
        ),
        _say(lang, "pseudonym", code=code),
    ]
    ratings: dict[str, str] = {}
    for s in items:
        path = vocab.activity_path(s["object"]["id"]) or ""
        if path.startswith("reflect/") and path.endswith("/enjoy"):
            response = s.get("result", {}).get("response")
            if response:
                ratings[path[len("reflect/") : -len("/enjoy")]] = response
    read, saved, answered = 0, 0, 0
    for s in items:
        verb = vocab.verb_name(s["verb"]["id"])
        kind = vocab.activity_type_name(s["object"]["definition"]["type"])
        path = vocab.activity_path(s["object"]["id"]) or ""
        result = s.get("result", {})
        if verb == "completed" and kind == "quest":
            line = _say(
                lang, "played", day=_day(s["timestamp"], tz, lang), name=_name(s, lang, names)
            )
            if "duration" in result:
                line += _say(lang, "for", span=_span(parse_duration(result["duration"]), lang))
            challenge = path.split("/", 1)[-1]
            if challenge in ratings:
                line += _say(lang, "rated", rating=ratings[challenge])
            lines.append(line + _say(lang, "end"))
        elif verb == "accessed" and path.startswith("occupation/"):
            read += 1
        elif verb == "used" and path.startswith("occupation/"):
            action = result.get("extensions", {}).get(vocab.extension_iri("action"))
            saved += 1 if action == "save" else -1 if action == "unsave" else 0
        elif verb == "selected" and kind == "question":
            answered += 1
    if read or saved:
        lines.append(_say(lang, "jobs", jobs=_count(lang, read, "job"), saved=max(saved, 0)))
    if answered:
        lines.append(_say(lang, "answered", questions=_count(lang, answered, "question")))
    if folder is not None:
        names_here = sorted(p.name for p in Path(folder).iterdir()) if Path(folder).exists() else []
        lines.append(
            _say(lang, "kept_in", folder=folder)
            + (
                _say(lang, "files", files=", ".join(names_here))
                if names_here
                else _say(lang, "end")
            )
        )
    return lines
