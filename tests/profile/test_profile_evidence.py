import statement_factory as sf

from telemetry.profile.evidence import extract_evidence
from telemetry.xapi.decode import decode, parse_duration
from telemetry.xapi.vocab import extension_iri


def test_decode_short_names():
    s = sf.completed("r_bike_repair", "R", score=0.8, duration_s=183.2, difficulty=2)
    s["context"] = {
        **s["context"],
        "extensions": {**s["context"]["extensions"], extension_iri("difficulty"): 3},
    }
    sh = decode(s)
    assert sh.verb == "completed" and sh.activity_type == "quest"
    assert sh.activity == "challenge/r_bike_repair"
    assert sh.score == 0.8 and sh.success is True
    assert abs(sh.duration_s - 183.2) < 1e-9
    assert sh.ext["riasec"] == "R" and sh.ext["difficulty"] == 2  # result wins over context
    assert sh.ext["game_version"] == "synthetic"  # a context extension


def test_decode_is_exact_not_by_suffix():
    """An IRI outside vocab is not guessed from its last segment (the old suffix decoder
    read ``https://x.example/verbs/completed`` as ``completed``)."""
    s = sf.completed("r_bike_repair", "R", score=0.8)
    s["verb"] = {"id": "https://x.example/verbs/completed"}
    s["object"] = {
        **s["object"],
        "id": "https://x.example/activities/challenge/x",
        "definition": {"type": "https://x.example/types/quest"},
    }
    s["result"] = {**s["result"], "extensions": {"https://x.example/ext/riasec": "S"}}
    sh = decode(s)
    assert (sh.verb, sh.activity_type, sh.activity) == ("", "", "")
    assert "riasec" not in sh.ext
    assert extract_evidence([s]).performance == []


def test_parse_duration():
    assert parse_duration("PT183.2S") == 183.2
    assert parse_duration("PT1M3S") == 63
    assert parse_duration("P1DT1H") == 90000
    assert parse_duration("garbage") is None and parse_duration(None) is None
    assert parse_duration(12) == 12.0


def test_extract_all_conventions():
    stream = [
        sf.choice({"a": "R", "b": "S", "c": "E"}, "b"),
        *sf.play("s_help", "S", 4, 5, "yes"),
        sf.extra("s_help", "S", True),
        sf.extra("s_help", "S", False),
        sf.start("s_help", "S", replay=True),
        sf.completed("s_help", "S", score=0.9),
        sf.item("R2", 2),
        sf.reading("21-1012.00", "S", 40),
        sf.save("21-1012.00"),
        sf.save("11-1011.00"),
        sf.save("11-1011.00", "unsave"),
        {"verb": None},  # malformed: ignored, not fatal
    ]
    ev = extract_evidence(stream)
    assert [(c.letter, c.offered) for c in ev.choices] == [("S", ("R", "S", "E"))]
    kinds = sorted((r.kind, r.letter, r.value) for r in ev.ratings)
    assert kinds == [
        ("could_be_me", "S", 3),
        ("enjoy", "S", 5),
        ("expect", "S", 4),
        ("item", "R", 2),
    ]
    per = sorted((p.kind, p.taken) for p in ev.persistence)
    assert per == [("extra_round", False), ("extra_round", True), ("replay", True)]
    assert [(r.soc, r.seconds) for r in ev.readings] == [("21-1012.00", 40.0)]
    assert ev.saved == ["21-1012.00"]
    assert [p.replay for p in ev.performance] == [False, True]
    assert {c.competence for c in ev.competences} == {"self_interests", "horizons_occupations"}
    assert ev.n_statements == len(stream)


def test_not_replayed_is_an_opportunity():
    ev = extract_evidence(sf.play("r_x", "R", 3, 3, "no"))
    assert [(p.kind, p.taken) for p in ev.persistence] == [("replay", False)]


def test_choice_needs_contrast():
    ev = extract_evidence([sf.choice({"a": "R", "b": "R"}, "a")])
    assert ev.choices == []
