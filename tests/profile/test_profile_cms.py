import statement_factory as sf

from telemetry.profile.cms import assess_competences, strengths

DEFS = [
    {"id": "self_interests", "theme": "self"},
    {"id": "strengths_naming", "theme": "strengths"},
    {"id": "horizons_occupations", "theme": "horizons"},
    {"id": "networks_people", "theme": "networks"},
]


def skills(challenge):
    return sf.st(
        "selected",
        "question",
        f"reflect/{challenge}/skills",
        response="fixing",
        extensions={"competences": ["strengths_naming"]},
    )


def test_levels():
    stream = [
        sf.rating("could_be_me", "S", "yes", "s_a"),  # self_interests: one reflection
        sf.reading("21-1012.00", "S", 30),
        sf.reading("11-1011.00", "E", 30),  # horizons: 2 x 1.0
        sf.reading("25-1062.00", "S", 30),  # horizons: 3 activities, w 3 -> developing
        skills("a"),
        skills("b"),
        sf.completed("a", "R", competences=["strengths_naming"]),
        sf.completed("b", "R", score=0.2, success=False, competences=["strengths_naming"]),
        sf.completed("c", "R", competences=["strengths_naming", "unknown_thing"]),
    ]
    res = {r.id: r for r in assess_competences(DEFS, stream)}
    assert res["self_interests"].level == "emerging" and res["self_interests"].count == 1
    assert res["horizons_occupations"].level == "developing"
    assert res["horizons_occupations"].activities == (
        "occupation/21-1012.00",
        "occupation/11-1011.00",
        "occupation/25-1062.00",
    )
    s = res["strengths_naming"]
    assert s.level == "secure" and s.count == 5 and s.weight == 1.5 * 2 + 2 + 1 + 2
    assert res["networks_people"].level == "none" and res["networks_people"].count == 0
    assert [r.id for r in assess_competences(DEFS, stream)] == [d["id"] for d in DEFS]


def test_many_views_alone_not_secure():
    stream = [sf.reading(f"11-10{i}1.00", "E", 20) for i in range(10)]
    (res,) = assess_competences([DEFS[2]], stream)
    assert res.level == "developing"  # 10 activities but only engagement, no reflection


def test_strengths_use_performance():
    stream = [
        sf.completed("a", "R", score=0.9, accuracy=0.8, difficulty=2),
        sf.completed("b", "R", score=0.3, success=False, accuracy=0.4, difficulty=3),
    ]
    r = strengths(stream)["R"]
    assert r.challenges == 2 and r.successes == 1 and r.best_difficulty == 2
    assert abs(r.mean_score - 0.6) < 1e-9 and abs(r.mean_accuracy - 0.6) < 1e-9
    assert strengths(stream)["S"].mean_score is None


def _viewed(k: int):
    from telemetry.profile.evidence import CompetenceEvent

    return CompetenceEvent(
        "horizons_occupations",
        "accessed",
        "item",
        f"occupation/{k}",
        None,
        None,
        None,
        None,
        f"s{k}",
    )


def test_viewing_job_cards_is_never_secure():
    """Issue 17 item 1: "secure" comes from task performance, not from viewing (plus one
    reflection, which was enough before)."""
    from telemetry.profile.cms import competence_level
    from telemetry.profile.evidence import CompetenceEvent

    named = CompetenceEvent(
        "horizons_occupations",
        "selected",
        "question",
        "reflect/x/skills",
        None,
        None,
        "fixing",
        None,
        "r",
    )
    assert competence_level([_viewed(k) for k in range(12)] + [named]) == "developing"


def test_secure_needs_performance_in_two_activities():
    from telemetry.profile.cms import competence_level
    from telemetry.profile.evidence import CompetenceEvent

    def done(cid: str) -> CompetenceEvent:
        return CompetenceEvent(
            "strengths_naming", "completed", "quest", f"challenge/{cid}", True, 0.8, None, None, cid
        )

    one = [done("a"), done("a")] + [_viewed(k) for k in range(4)]
    assert competence_level(one) != "secure"
    assert competence_level([done("a"), done("b")] + [_viewed(k) for k in range(3)]) == "secure"
