"""Pauses: stretches when nobody touched the game (issue 13 item 24).

The game records ``suspended serious-game worktown`` once input has been missing for a
minute (``idle_seconds``: how long it had been missing then) and ``resumed`` at the next
key or click. A pause runs from the last input (the suspended statement's time minus its
``idle_seconds``) to the resumed statement, or, if the game closed while paused, to the
next statement of that session (else the suspended statement itself). Play time and
reading or challenge durations leave paused time out. Called by ``telemetry.profile.evidence``
and ``telemetry.report.session``; pure functions of the statements, no I/O.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from telemetry.xapi.vocab import verb_name

Interval = tuple[_dt.datetime, _dt.datetime]


def moment(stamp: Any) -> _dt.datetime | None:
    """An ISO timestamp as an aware datetime (UTC when it names no zone), else None."""
    try:
        m = _dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return None
    return m if m.tzinfo else m.replace(tzinfo=_dt.UTC)


def _idle(st: Mapping[str, Any]) -> float:
    for iri, value in ((st.get("result") or {}).get("extensions") or {}).items():
        if str(iri).rstrip("/").endswith("/idle_seconds"):
            try:
                return max(0.0, min(float(value), 86400.0))
            except (TypeError, ValueError):
                return 0.0
    return 0.0


def _verb(st: Mapping[str, Any]) -> str | None:
    try:
        return verb_name(str((st.get("verb") or {}).get("id", "")))
    except (ValueError, AttributeError):
        return None


def pause_intervals(statements: Iterable[Mapping[str, Any]]) -> list[Interval]:
    """Every pause in ``statements`` (oldest first), as (start, end) datetimes."""
    out: list[Interval] = []
    open_: dict[str, _dt.datetime] = {}
    for st in statements:
        if not isinstance(st, Mapping):
            continue
        reg = str((st.get("context") or {}).get("registration") or "")
        when = moment(st.get("timestamp"))
        if when is None:
            continue
        verb = _verb(st)
        if reg in open_ and verb != "suspended":
            out.append((open_.pop(reg), when))      # resumed, or the next thing that happened
            continue
        if verb == "suspended":
            open_[reg] = when - _dt.timedelta(seconds=_idle(st))
    for start in open_.values():
        out.append((start, start))
    return [(a, b) for a, b in out if b > a]


def overlap(intervals: Sequence[Interval], start: _dt.datetime, end: _dt.datetime) -> float:
    """Seconds of ``intervals`` inside [start, end]."""
    total = 0.0
    for a, b in intervals:
        lo, hi = max(a, start), min(b, end)
        if hi > lo:
            total += (hi - lo).total_seconds()
    return total


def active_seconds(seconds: float, end_stamp: Any, intervals: Sequence[Interval]) -> float:
    """A duration that ended at ``end_stamp`` without the paused time inside it."""
    end = moment(end_stamp)
    if end is None or not intervals or seconds <= 0:
        return seconds
    return max(0.0, seconds - overlap(intervals, end - _dt.timedelta(seconds=seconds), end))
