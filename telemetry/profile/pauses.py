"""Pauses: stretches when nobody touched the game (issue 13 item 24).

The game records ``suspended serious-game worktown`` once input has been missing for a
minute (``idle_seconds``: how long it had been missing then) and ``resumed`` at the next
key or click. A pause runs from the last input (the suspended statement's time minus its
``idle_seconds``) to the resumed statement, or, if the game closed while paused, to the
next statement of that session (else the suspended statement itself). Play time and
reading or challenge durations leave paused time out. Called by ``telemetry.profile.evidence``
and ``telemetry.report.session``; pure functions of the decoded statements
(:mod:`telemetry.xapi.decode`), no I/O.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable, Sequence
from typing import Any

from telemetry.xapi.decode import Decoded

Interval = tuple[_dt.datetime, _dt.datetime]


def moment(stamp: Any) -> _dt.datetime | None:
    """An ISO timestamp as an aware datetime (UTC when it names no zone), else None."""
    try:
        m = _dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return None
    return m if m.tzinfo else m.replace(tzinfo=_dt.UTC)


def _idle(st: Decoded) -> float:
    try:
        return max(0.0, min(float(st.ext.get("idle_seconds") or 0.0), 86400.0))
    except (TypeError, ValueError):
        return 0.0


def pause_intervals(statements: Iterable[Decoded]) -> list[Interval]:
    """Every pause in decoded ``statements`` (oldest first), as (start, end) datetimes."""
    out: list[Interval] = []
    open_: dict[str, _dt.datetime] = {}
    for st in statements:
        when = moment(st.timestamp)
        if when is None:
            continue
        reg = st.registration
        if reg in open_ and st.verb != "suspended":
            out.append((open_.pop(reg), when))  # resumed, or the next thing that happened
            continue
        if st.verb == "suspended":
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
