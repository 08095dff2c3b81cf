import datetime as dt
from collections import Counter

import numpy as np

from game.sim.synthetic import (
    HEXAGON_CORR,
    SyntheticPlayer,
    draw_latent_population,
    simulate_statements,
)
from telemetry.profile.evidence import extract_evidence
from telemetry.xapi.decode import decode


def test_decisions_in_range_and_follow_latent():
    rng = np.random.default_rng(0)
    p = SyntheticPlayer([2, 0, 0, -2, 0, 0], rng, style=0.0)
    picks = Counter(p.choose_option({"r": "R", "s": "S", "i": "I"}) for _ in range(600))
    assert picks["r"] > picks["i"] > picks["s"]
    for f in (p.rate_expectation, p.rate_enjoyment, p.answer_item):
        vals = [f("R") for _ in range(200)]
        assert set(vals) <= {1, 2, 3, 4, 5}
        assert np.mean(vals) > np.mean([f("S") for _ in range(200)]) + 1
    assert {p.could_be_me("R") for _ in range(100)} <= {"yes", "maybe", "no"}
    assert np.mean([p.wants_extra_round("R") for _ in range(300)]) > np.mean(
        [p.wants_extra_round("S") for _ in range(300)]
    )
    assert np.mean([p.wants_replay("R") for _ in range(300)]) > np.mean(
        [p.wants_replay("S") for _ in range(300)]
    )
    assert np.median([p.reading_seconds("R") for _ in range(300)]) > np.median(
        [p.reading_seconds("S") for _ in range(300)]
    )


def test_population_follows_hexagon():
    lat = draw_latent_population(20000, np.random.default_rng(1))
    r = np.corrcoef(lat.T)
    adjacent = np.mean([r[i, (i + 1) % 6] for i in range(6)])
    opposite = np.mean([r[i, (i + 3) % 6] for i in range(6)])
    assert adjacent > opposite + 0.2
    np.testing.assert_allclose(r, HEXAGON_CORR, atol=0.03)
    np.testing.assert_allclose(lat.std(axis=0), 1, atol=0.03)


def test_stream_pace_and_conventions():
    rng = np.random.default_rng(2)
    p = SyntheticPlayer(draw_latent_population(1, rng)[0], rng)
    stream = simulate_statements(p, 20, rng)
    times = [dt.datetime.fromisoformat(s["timestamp"]) for s in stream]
    assert times == sorted(times)
    span = (times[-1] - times[0]).total_seconds()
    assert 15 * 60 < span <= 20 * 60
    ev = extract_evidence(stream)
    assert ev.skipped == 0
    kinds = Counter(r.kind for r in ev.ratings)
    assert 2 <= kinds["enjoy"] <= 5  # ~ one challenge (+ reflections) per 5 minutes, or a replay
    assert kinds["item"] >= 10  # mentor items spread through the session
    assert len(ev.choices) >= 3
    short = [decode(s) for s in stream]
    items_at = [t for t, s in zip(times, short, strict=True) if s.activity.startswith("item/")]
    assert (items_at[-1] - items_at[0]).total_seconds() > 10 * 60
    for s in short:
        if s.verb == "completed" and s.activity_type == "quest":
            assert {"riasec", "difficulty", "accuracy", "skills"} <= set(s.ext)
            assert s.score is not None and s.duration_s is not None
        if s.activity.startswith("reflect/") and not s.activity.endswith("/skills"):
            assert s.ext["riasec"] in "RIASEC"
