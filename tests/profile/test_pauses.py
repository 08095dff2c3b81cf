"""Issue 13 item 24: paused time (suspended ... resumed) is neither play time nor
reading time nor challenge time in the profile, the report and the teacher's figures."""

import datetime as dt

from telemetry.profile.evidence import extract_evidence
from telemetry.report.session import session_facts
from tests.profile import statement_factory as f

T0 = dt.datetime(2025, 1, 6, 9, 0, tzinfo=dt.UTC)


def at(minutes: float, statement: dict) -> dict:
    """The statement at ``minutes`` into one session (one registration)."""
    statement["timestamp"] = (T0 + dt.timedelta(minutes=minutes)).isoformat()
    statement["context"]["registration"] = "6fccc2e8-2e28-4102-aa12-000000000001"
    return statement


def pause(start_min: float, end_min: float) -> list[dict]:
    """Nobody touched the game from ``start_min``: suspended a minute later, then resumed."""
    return [
        at(
            start_min + 1,
            f.st("suspended", "serious-game", "worktown", extensions={"idle_seconds": 60.0}),
        ),
        at(
            end_min,
            f.st(
                "resumed",
                "serious-game",
                "worktown",
                extensions={"idle_seconds": (end_min - start_min) * 60},
            ),
        ),
    ]


def lesson(with_pause: bool) -> list[dict]:
    """7 active minutes: a 3-minute challenge, a 2-minute reading, a 2-minute reading;
    with ``with_pause`` 23 idle minutes inside the challenge and 20 inside the last reading."""
    p = with_pause
    out = [at(0, f.start("r_bikes", "R"))]
    if p:
        out += pause(1, 24)
    out.append(at(26 if p else 3, f.completed("r_bikes", "R", duration_s=(26 if p else 3) * 60)))
    out.append(at(28 if p else 5, f.reading("47-2111.00", "R", 120.0)))
    if p:
        out += pause(29, 49)
    out.append(at(50 if p else 7, f.reading("47-2031.00", "R", (22 if p else 2) * 60.0)))
    return out


def test_paused_time_is_not_play_time_in_the_report():
    played = session_facts(lesson(True), {})["minutes"]
    assert played == session_facts(lesson(False), {})["minutes"] == 7.0


def test_paused_time_is_not_challenge_or_reading_time_in_the_evidence():
    paused, plain = extract_evidence(lesson(True)), extract_evidence(lesson(False))
    assert (
        [p.duration_s for p in paused.performance]
        == [p.duration_s for p in plain.performance]
        == [180.0]
    )
    assert (
        [r.seconds for r in paused.readings]
        == [r.seconds for r in plain.readings]
        == [120.0, 120.0]
    )


def test_a_game_closed_while_paused_counts_nothing_after_the_last_input():
    out = [
        at(0, f.start("r_bikes", "R")),
        at(2, f.st("suspended", "serious-game", "worktown", extensions={"idle_seconds": 60.0})),
    ]
    out.append(
        at(40, f.st("completed", "serious-game", "worktown"))
    )  # the session ended 38 min later
    assert session_facts(out, {})["minutes"] == 1.0
