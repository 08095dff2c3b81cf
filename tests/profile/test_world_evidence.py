"""Town evidence (issue 15 item 7): opening a working person's speech bubble and then
watching or asking is a voluntary persistence taken for the person's type, walking on one
not taken; passing by, a glance, an idle watch and a suggested walk are no evidence."""

from __future__ import annotations

from telemetry.profile.evidence import extract_evidence
from telemetry.profile.posterior import posterior
from tests.profile.statement_factory import st


def person(
    action: str,
    letter: str = "I",
    occupation: str = "29-1131.00",
    seconds: float | None = None,
    mode: str | None = None,
    pid: str = "vet",
) -> dict:
    ext = {
        "action": action,
        "occupation": occupation,
        "riasec": letter,
        "district": "discovery_lab",
        "mode": mode or "free",
    }
    kw = {"duration_s": seconds} if seconds is not None else {}
    return st("interacted", "non-player-character", f"person/{pid}", extensions=ext, **kw)


def watch_evidence(*statements):
    return [(p.kind, p.letter, p.taken) for p in extract_evidence(list(statements)).persistence]


def test_watching_or_asking_is_taken_and_walking_on_is_not():
    assert watch_evidence(person("approach"), person("watch", seconds=8.0)) == [
        ("watch", "I", True)
    ]
    assert watch_evidence(person("approach"), person("ask")) == [("watch", "I", True)]
    assert watch_evidence(person("approach"), person("walk_on")) == [("watch", "I", False)]


def test_passing_by_a_glance_an_idle_or_a_suggested_watch_are_not_evidence():
    assert watch_evidence(person("approach")) == []
    assert watch_evidence(person("watch", seconds=1.5)) == []
    assert watch_evidence(person("watch", seconds=80.0, mode="idle")) == []
    assert watch_evidence(person("watch", seconds=8.0, mode="suggested")) == []


def test_one_decision_per_occupation():
    got = watch_evidence(person("watch", seconds=8.0), person("ask"), person("walk_on"))
    assert got == [("watch", "I", True)]
    other = person("walk_on", letter="R", occupation="49-3023.00", pid="mechanic")
    assert watch_evidence(person("watch", seconds=8.0), other) == [
        ("watch", "I", True),
        ("watch", "R", False),
    ]


def test_watching_raises_that_type_and_walking_on_lowers_it():
    watched = [
        person("watch", letter="I", occupation=f"19-10{n}.00", pid=f"p{n}", seconds=9.0)
        for n in range(10, 14)
    ]
    passed = [
        person("walk_on", letter="I", occupation=f"19-10{n}.00", pid=f"p{n}") for n in range(10, 14)
    ]
    up = posterior(extract_evidence(watched))[0]["RIASEC".index("I")]
    down = posterior(extract_evidence(passed))[0]["RIASEC".index("I")]
    assert up > 0.2 > -0.2 > down
