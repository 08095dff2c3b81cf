"""Issue 13 item 27: one answer per question counts, the latest. Pressing the same
rating again is not new evidence; changing it replaces the earlier answer. The stored
history keeps every press (the statements are not touched)."""

import numpy as np

from telemetry.profile.engine import estimate_profile
from telemetry.profile.evidence import extract_evidence
from tests.profile import statement_factory as f


def _base():
    return [f.choice({"a": "R", "b": "S"}, "a"), f.rating("expect", "S", 2, "s_one")]


def test_four_presses_of_the_same_rating_count_once():
    once = _base() + [f.rating("enjoy", "R", 5, "r_one")]
    four = _base() + [f.rating("enjoy", "R", 5, "r_one") for _ in range(4)]
    p1, p4 = estimate_profile(once, seed=1), estimate_profile(four, seed=1)
    r = "RIASEC".index("R")
    assert np.allclose(p1.mean, p4.mean) and np.allclose(p1.sd, p4.sd)
    assert p4.mean[r] > 0  # the one answer still counts
    assert len(extract_evidence(four).ratings) == len(extract_evidence(once).ratings) == 2


def test_the_latest_answer_replaces_earlier_ones_per_question():
    changed = _base() + [
        f.rating("enjoy", "R", 1, "r_one"),
        f.rating("enjoy", "R", 5, "r_one"),
        f.item("R1", 2),
        f.item("R1", 4),
    ]
    latest = _base() + [f.rating("enjoy", "R", 5, "r_one"), f.item("R1", 4)]
    ev = extract_evidence(changed)
    assert [(r.kind, r.source, r.value) for r in ev.ratings if r.letter == "R"] == [
        ("enjoy", "r_one", 5),
        ("item", "R1", 4),
    ]
    assert np.allclose(
        estimate_profile(changed, seed=1).mean, estimate_profile(latest, seed=1).mean
    )
    assert ev.n_statements == len(changed)  # every press was read, none dropped


def test_different_questions_all_count():
    two = _base() + [f.rating("enjoy", "R", 5, "r_one"), f.rating("enjoy", "R", 5, "r_two")]
    assert len([r for r in extract_evidence(two).ratings if r.letter == "R"]) == 2
