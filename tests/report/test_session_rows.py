"""The 'about the sessions' table adds up: a challenge completed twice shows "×2", so the
titles account for the count beside them, in the PDF and HTML alike (one row builder)."""

from __future__ import annotations

import datetime as dt

from telemetry.report.layout import session_rows
from telemetry.report.session import session_facts
from telemetry.report.words import texts
from tests.profile import statement_factory as f

T0 = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)


def _at(minutes: float, statement: dict) -> dict:
    statement["timestamp"] = (T0 + dt.timedelta(minutes=minutes)).isoformat()
    return statement


def _plays() -> list[dict]:
    """Bikes completed twice, shelf once."""
    out = []
    for k, cid in enumerate(("r_bikes", "r_shelf", "r_bikes")):
        out += [_at(4 * k, f.start(cid, "R")), _at(4 * k + 3, f.completed(cid, "R"))]
    return out


def _row(facts: dict) -> str:
    t = texts("en")
    return dict(session_rows(t, facts))[t["s_challenges"]]


def test_a_challenge_completed_twice_is_counted_in_its_title():
    facts = session_facts(_plays(), {"challenges": {"r_bikes": "Fix the Bike", "r_shelf": "Shelf"}})
    assert facts["challenges_completed"] == 3 and facts["challenge_plays"] == [2, 1]
    assert _row(facts) == "3 (Fix the Bike ×2, Shelf)"


def test_an_export_without_matching_play_counts_still_shows_its_titles():
    facts = session_facts(_plays(), {})
    del facts["challenge_plays"]
    assert _row(facts) == "3 (r_bikes, r_shelf)"
    facts["challenge_plays"] = [2]  # a damaged count: the titles alone, none lost
    assert _row(facts) == "3 (r_bikes, r_shelf)"
