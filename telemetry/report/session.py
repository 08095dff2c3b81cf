"""Report parts read straight from statements: reflections, next step and session facts.

Called by :func:`telemetry.report.model.build_report`; pure functions, touch nothing.
Responses are the player's own words or ids and are untrusted: they are returned as plain
strings (trimmed to :data:`MAX_TEXT` characters) for the renderers to escape.
"""

from __future__ import annotations

import datetime as _dt
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from telemetry.profile.evidence import RIASEC
from telemetry.profile.pauses import overlap, pause_intervals
from telemetry.xapi.activity_ids import NEXT_STEP
from telemetry.xapi.decode import DecodedLog, decode_log

__all__ = ["reflections", "next_step", "session_facts", "MAX_TEXT"]

MAX_TEXT = 500
_ORDINAL = ("expect", "enjoy")


def _clean(text: str | None) -> str:
    """Untrusted text as a plain one-line string: controls removed, length capped."""
    if text is None:
        return ""
    out = "".join(ch if ch.isprintable() or ch in "\u200e\u200f" else " " for ch in str(text))
    out = " ".join(out.split())
    return out[:MAX_TEXT] + ("…" if len(out) > MAX_TEXT else "")


Statements = Iterable[Mapping[str, Any]] | DecodedLog


def _log(statements: Statements) -> DecodedLog:
    """Statements as decoded once (a report passes its :class:`DecodedLog` on)."""
    return statements if isinstance(statements, DecodedLog) else decode_log(statements)


def reflections(statements: Statements, summary: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Per challenge, in first-seen order: expect / enjoy (latest 1-5), could_be_me,
    skills named (names where known) and any other free answers as notes."""
    titles = summary.get("challenges") or {}
    skills = summary.get("skills") or {}
    by: dict[str, dict[str, Any]] = {}
    for s in _log(statements).statements:
        parts = s.activity.split("/")
        if s.verb != "selected" or parts[0] != "reflect" or len(parts) < 3:
            continue
        cid, kind = "/".join(parts[1:-1]), parts[-1]
        r = by.setdefault(
            cid,
            {
                "challenge": _clean(cid),
                "title": _clean(str(titles.get(cid, cid))),
                "letter": None,
                "expect": None,
                "enjoy": None,
                "could_be_me": None,
                "skills": [],
                "notes": [],
            },
        )
        letter = s.ext.get("riasec")
        if isinstance(letter, str) and letter.upper() in RIASEC and len(letter) == 1:
            r["letter"] = letter.upper()
        response = s.response or ""
        if kind in _ORDINAL:
            try:
                value = int(response.strip())
            except ValueError:
                value = None
            if value is not None and 1 <= value <= 5:
                r[kind] = value
            elif response.strip():
                r["notes"].append(_clean(response))
        elif kind == "could_be_me":
            answer = response.strip().lower()
            if answer in ("yes", "maybe", "no"):
                r["could_be_me"] = answer
            elif answer:
                r["notes"].append(_clean(response))
        elif kind == "skills":
            named = [_clean(str(skills.get(x.strip(), x.strip()))) for x in response.split(",")]
            r["skills"] = [x for x in dict.fromkeys(named) if x]
        elif response.strip():
            r["notes"].append(_clean(response))
    return list(by.values())


def next_step(statements: Statements, summary: Mapping[str, Any]) -> str | None:
    """The latest ``passport/next_step`` answer (its text if it is a known id)."""
    steps = summary.get("next_steps") or {}
    found = None
    for s in _log(statements).statements:
        if s.verb == "selected" and s.activity == NEXT_STEP and s.response:
            found = s.response.strip()
    if not found:
        return None
    return _clean(str(steps.get(found, found))) or None


def _moment(stamp: Any) -> _dt.datetime | None:
    try:
        m = _dt.datetime.fromisoformat(str(stamp))
    except ValueError:
        return None
    return m if m.tzinfo else m.replace(tzinfo=_dt.UTC)


def session_facts(
    statements: Statements, summary: Mapping[str, Any], *, skipped: int = 0
) -> dict[str, Any]:
    """Dates, sessions, minutes played (sum of each session's first-to-last span, less
    its pauses),
    challenges completed and districts visited."""
    titles = summary.get("challenges") or {}
    places = {**(summary.get("districts") or {}), **(summary.get("places") or {})}
    spans: dict[str, list[_dt.datetime]] = {}
    completed: list[str] = []
    successes = 0
    districts: list[str] = []
    log = _log(statements)
    for s in log.statements:
        moment = _moment(s.timestamp)
        reg = s.registration
        if moment is not None:
            spans.setdefault(reg, []).append(moment)
        parts = s.activity.split("/")
        if s.verb == "completed" and s.activity_type == "quest" and parts[0] == "challenge":
            completed.append(parts[1] if len(parts) > 1 else "")
            successes += 1 if s.success else 0
        if s.verb == "accessed" and parts[0] == "district" and len(parts) > 1:
            districts.append(parts[1])
    plays = Counter(completed)  # in first-completed order
    moments = sorted(m for ms in spans.values() for m in ms)
    pauses = pause_intervals(log.statements)  # nobody there: not play time
    seconds = sum(
        max(0.0, (max(ms) - min(ms)).total_seconds() - overlap(pauses, min(ms), max(ms)))
        for ms in spans.values()
        if ms
    )
    return {
        "first": moments[0].strftime("%Y-%m-%d") if moments else None,
        "last": moments[-1].strftime("%Y-%m-%d") if moments else None,
        "sessions": len([r for r in spans if spans[r]]),
        "minutes": round(seconds / 60.0, 1),
        "challenges_completed": len(completed),
        "challenges_succeeded": successes,
        "challenges": [_clean(str(titles.get(c, c))) for c in plays],
        "challenge_plays": list(plays.values()),
        "districts": [_clean(str(places.get(d, d))) for d in dict.fromkeys(districts)],
        "statements": log.total,
        "skipped": skipped,
    }
