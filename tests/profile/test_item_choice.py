"""Mentors' adaptive questions: the next activity item goes where the profile knows least."""

import statement_factory as sf

from telemetry.profile.adaptive import suggest_item
from telemetry.profile.engine import estimate_profile


def _known_except(missing: str):
    stream = []
    for k in "RIASEC":
        if k != missing:
            stream += [sf.item(f"{k}{i}", 4 if k == "R" else 2) for i in range(1, 7)]
    return estimate_profile(stream, None)


def test_asks_about_the_type_with_no_evidence():
    profile = _known_except("C")
    assert suggest_item(profile, {"R4": "R", "I8": "I", "C2": "C"}) == "C2"
    profile = _known_except("A")
    assert suggest_item(profile, {"R4": "R", "A8": "A", "C2": "C"}) == "A8"


def test_ties_go_to_the_first_listed_and_nothing_to_choose_gives_none():
    flat = estimate_profile([], None)
    assert suggest_item(flat, {"S3": "S", "R5": "R"}) == "S3"
    assert suggest_item(flat, {}) is None
    assert suggest_item(flat, {"X1": "X"}) is None
