"""Evidence hygiene (issue 17 item 1), each rule on a hand-made statement set."""

from __future__ import annotations

from typing import Any

from telemetry.profile.evidence import extract_evidence
from telemetry.profile.posterior import posterior
from tests.profile import statement_factory as f
from tests.profile.statement_factory import at


def read(soc: str, letter: str, seconds: float) -> dict[str, Any]:
    return f.st(
        "accessed",
        "item",
        f"occupation/{soc}",
        duration_s=seconds,
        extensions={"riasec": letter, "occupation": soc},
    )


DISTRICTS = {"district_r": "R", "district_i": "I", "district_a": "A", "district_s": "S"}


def test_suggested_choice_is_not_a_choice():
    free = f.st(
        "selected",
        "menu",
        "menu/hub",
        response="district_r",
        extensions={"options": DISTRICTS, "riasec": "R", "mode": "free"},
    )
    told = f.st(
        "selected",
        "menu",
        "menu/hub",
        response="district_i",
        extensions={"options": DISTRICTS, "riasec": "I", "mode": "suggested"},
    )
    ev = extract_evidence([at(0, free), at(20, told)])
    assert [c.letter for c in ev.choices] == ["R"]


def test_only_free_choices_are_choices():
    picks = [
        at(
            20 * k,
            f.st(
                "selected",
                "menu",
                "menu/cafe",
                response="district_s",
                extensions={"options": DISTRICTS, "riasec": "S", "mode": mode},
            ),
        )
        for k, mode in enumerate(("social", "required", "default", "free"))
    ]
    assert len(extract_evidence(picks).choices) == 1


def test_key_mash_answers_are_not_evidence():
    # four job-board cards answered 0.2 s apart after the first: nobody reads that fast
    items = [f.item(f"R{i}", 5) for i in range(1, 5)]
    stamped = [at(10 + 0.2 * k, s) for k, s in enumerate(items)]
    replay = at(11.0, f.start("r_bikes", "R", replay=True))
    ev = extract_evidence(stamped + [replay])
    assert [r.source for r in ev.ratings] == ["R1"]
    assert not [p for p in ev.persistence if p.kind == "replay" and p.taken]
    assert ev.discarded["key_mash"] == 4


def test_answers_at_reading_pace_count():
    items = [at(10 + 6 * k, f.item(f"R{k + 1}", 4)) for k in range(4)]
    assert len(extract_evidence(items).ratings) == 4


def test_one_screen_is_one_reading_observation():
    # one Horizons screen of three cards, 60 s in all, recorded as 20 s each
    cards = [
        at(100, read("15-1252.00", "I", 20.0)),
        at(100.01, read("17-2071.00", "R", 20.0)),
        at(100.02, read("27-1024.00", "A", 20.0)),
    ]
    ev = extract_evidence(cards)
    assert len(ev.readings) == 3
    assert abs(sum(r.weight for r in ev.readings) - 1.0) < 1e-9
    # so three cards pull the reading-speed parameter no more than one observation would
    one = extract_evidence([at(100, read("15-1252.00", "I", 20.0))])
    _, cov3, _ = posterior(ev)
    _, cov1, _ = posterior(one)
    assert cov3[1, 1] > cov1[1, 1] - 0.05


def test_a_glance_is_not_evidence():
    ev = extract_evidence(
        [at(100, read("15-1252.00", "I", 1.5)), at(101, read("17-2071.00", "R", 1.5))]
    )
    assert ev.readings == []
    assert ev.discarded["glance"] == 2


def test_an_idle_minute_is_not_reading():
    # the card was open 90 s, but nobody touched the game for 78 of them
    reg = "00000000-0000-4000-8000-00000000aaaa"
    game = [
        at(5, f.st("initialized", "serious-game", "worktown", registration=reg)),
        at(
            80,
            f.st(
                "suspended",
                "serious-game",
                "worktown",
                registration=reg,
                extensions={"idle_seconds": 60.0},
            ),
        ),
        at(
            98,
            f.st(
                "resumed",
                "serious-game",
                "worktown",
                registration=reg,
                extensions={"idle_seconds": 78.0},
            ),
        ),
        at(
            100,
            f.st(
                "accessed",
                "item",
                "occupation/15-1252.00",
                duration_s=90.0,
                registration=reg,
                extensions={"riasec": "I"},
            ),
        ),
    ]
    ev = extract_evidence(game)
    assert len(ev.readings) == 1 and 11 < ev.readings[0].seconds < 13
