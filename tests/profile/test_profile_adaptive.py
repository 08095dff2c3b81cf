import statement_factory as sf

from telemetry.profile.adaptive import (
    REASONS,
    difficulty_history,
    expected_information,
    next_difficulty,
    suggest_next_challenge,
)
from telemetry.profile.engine import RIASEC, estimate_profile

CHALLENGES = [{"id": f"{k.lower()}_{n}", "riasec": k} for k in RIASEC for n in (1, 2)]


def test_staircase():
    assert next_difficulty([]) == 1
    assert next_difficulty([(1, 0.9)]) == 2
    assert next_difficulty([(2, 0.85)]) == 3
    assert next_difficulty([(3, 0.95)]) == 3
    assert next_difficulty([(3, 0.4)]) == 2
    assert next_difficulty([(1, 0.1)]) == 1
    assert next_difficulty([(2, 0.6)]) == 2
    assert next_difficulty([{"difficulty": 2, "score": 0.8}]) == 3
    assert next_difficulty([(1, 0.9), (2, 0.3)]) == 1  # most recent decides


def test_difficulty_history_from_statements():
    stream = [
        sf.completed("a", "R", score=0.9, difficulty=1),
        sf.completed("b", "S", score=0.4, difficulty=2),
    ]
    assert difficulty_history(stream) == [(1, 0.9), (2, 0.4)]
    assert difficulty_history(stream, "S") == [(2, 0.4)]
    assert next_difficulty(difficulty_history(stream)) == 1


def test_suggests_unexplored_type_over_well_known():
    stream = []
    for k in "RIASE":
        stream += sf.play(f"{k.lower()}_1", k, 3, 3, "maybe")
        stream += [sf.item(f"{k}{i}", 3) for i in range(1, 5)]
    p = estimate_profile(stream, None)
    s = suggest_next_challenge(p, CHALLENGES, done=[f"{k.lower()}_1" for k in "RIASE"])
    assert s.letter == "C" and s.challenge_id == "c_1" and s.reason == "unexplored"
    assert s.reason in REASONS and s.gain > 0


def test_close_call_preferred_to_settled():
    stream = [sf.item(f"S{i}", 5) for i in range(1, 8)] + [sf.item(f"R{i}", 1) for i in range(1, 8)]
    stream += [sf.item(f"{k}{i}", 3) for k in "IAEC" for i in (1, 2)]
    p = estimate_profile(stream, None)
    s = suggest_next_challenge(p, CHALLENGES, done=[])
    assert s.letter in "IAEC" and s.reason in ("close_call", "widen")


def test_all_done_returns_none():
    p = estimate_profile([], None)
    assert suggest_next_challenge(p, CHALLENGES, done=[c["id"] for c in CHALLENGES]) is None
    first = suggest_next_challenge(p, CHALLENGES)
    assert first.challenge_id == "r_1" and first.reason == "unexplored"  # tie -> first listed


def test_information_positive():
    assert all(expected_information(t) > 0 for t in (-3, 0, 3))
