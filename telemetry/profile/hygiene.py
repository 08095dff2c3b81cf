"""Evidence hygiene (issue 17 item 1): what a pupil did too fast or too briefly to mean
anything is not interest evidence.

Called by ``telemetry.profile.evidence.extract_evidence`` once the statements are read.
Rules (pure functions of the short statements; no I/O):

* key-mash: an answer, choice or replay recorded less than :data:`MASH_SECONDS` after the
  previous statement of the same session was pressed faster than a person can read the
  question -- it is dropped (the stored history keeps it);
* one reading observation per screen: the cards of one Horizons screen are recorded
  together with the screen's time split between them; they share one observation's weight
  (each card 1/k), so 3 cards are not 3 independent readings;
* a screen read for less than :data:`MIN_READ_SECONDS` (after paused time is removed, see
  ``telemetry.profile.pauses``) is not evidence: a glance says nothing about interest;
* a suggested, required or default option (``mode`` other than ``free``) is never a choice
  (``evidence._read_one`` already skips them).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import replace
from typing import Any

# the evidence module's own types (not imported: evidence imports this module)
Evidence = Any
ShortStatement = Any  # a telemetry.xapi.decode.Decoded (typed loosely: no import cycle)

#: answers closer together than this (seconds) are key-mash, not answers
MASH_SECONDS = 1.0
#: a screen of occupations read for less than this (active seconds) is not evidence
MIN_READ_SECONDS = 5.0
#: cards of one screen are recorded within this many seconds of each other
SCREEN_GAP_SECONDS = 1.0

_ANSWERS = {("selected", "question"), ("selected", "menu"), ("initialized", "quest")}


def _when(stamp: str | None) -> _dt.datetime | None:
    try:
        m = _dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00"))
    except ValueError:
        return None
    return m if m.tzinfo else m.replace(tzinfo=_dt.UTC)


def mashed_ids(shorts: Sequence[ShortStatement]) -> set[str]:
    """Ids of answers recorded less than MASH_SECONDS after the previous statement."""
    out: set[str] = set()
    prev: _dt.datetime | None = None
    for s in shorts:
        now = _when(s.timestamp)
        if now is None:
            continue
        if (
            prev is not None
            and s.id
            and (s.verb, s.activity_type) in _ANSWERS
            and 0 <= (now - prev).total_seconds() < MASH_SECONDS
        ):
            out.add(s.id)
        prev = now
    return out


def screens(shorts: Sequence[ShortStatement]) -> dict[str, int]:
    """Reading statement id -> number of cards on its screen (recorded together)."""
    groups: list[list[str]] = []
    last: tuple[_dt.datetime, float | None] | None = None
    for s in shorts:
        is_read = (
            s.verb == "accessed"
            and s.activity_type == "item"
            and s.activity.startswith("occupation/")
            and s.id
        )
        if not is_read:
            if s.verb != "used":  # saving a card does not end the screen
                last = None
            continue
        now = _when(s.timestamp)
        together = (
            last is not None
            and now is not None
            and last[1] == s.duration_s
            and abs((now - last[0]).total_seconds()) <= SCREEN_GAP_SECONDS
        )
        if together:
            groups[-1].append(str(s.id))
        else:
            groups.append([str(s.id)])
        last = (now, s.duration_s) if now is not None else None
    return {sid: len(g) for g in groups for sid in g}


def clean(ev: Evidence, shorts: Sequence[ShortStatement]) -> None:
    """Apply the rules above to ``ev`` in place; counts what was dropped in ``ev.discarded``."""
    mashed = mashed_ids(shorts)
    cards = screens(shorts)

    def keep(sid: str | None) -> bool:
        return sid is None or sid not in mashed

    before = (len(ev.choices), len(ev.ratings), len(ev.persistence), len(ev.pairs))
    ev.choices = [c for c in ev.choices if keep(c.statement_id)]
    ev.pairs = [p for p in ev.pairs if keep(p.statement_id)]
    ev.ratings = [r for r in ev.ratings if keep(r.statement_id)]
    ev.persistence = [p for p in ev.persistence if keep(p.statement_id)]
    mash = sum(before) - len(ev.choices) - len(ev.ratings) - len(ev.persistence) - len(ev.pairs)
    readings = []
    short = 0
    for r in ev.readings:
        k = cards.get(r.statement_id or "", 1)
        if r.seconds * k < MIN_READ_SECONDS:
            short += 1
            continue
        readings.append(replace(r, weight=1.0 / k))
    ev.readings = readings
    ev.discarded = {"key_mash": mash, "glance": short}
