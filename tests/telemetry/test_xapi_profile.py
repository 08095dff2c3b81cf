"""The Worktown xAPI Profile (assets/xapi/worktown-profile.jsonld) and its checker.

The autouse fixture in tests/conftest.py checks every statement any test builds; these tests
show the profile is derived from vocab, that the checker refuses what it must, and that the
fixture really catches an off-profile statement.
"""

from __future__ import annotations

import copy
import json
import time

import pytest

from telemetry.xapi import profile_doc, vocab
from telemetry.xapi.profile_check import (
    ProfileError,
    compile_profile,
    load_profile_checker,
    parse_location,
)
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.statements import StatementFactory, make_actor, make_context

REG = "0b3c5b8e-4c1a-4d2e-8f00-000000000001"


@pytest.fixture
def factory() -> StatementFactory:
    return StatementFactory(make_actor(vocab.account_home_page("7B"), "BLUE-FOX-42"),
                            make_context(REG, platform="Linux", language="en", class_code="7B",
                                         game_version="1.0", session_id=REG))  # fmt: skip


def _session(f: StatementFactory) -> list[dict]:
    return [
        f.build("initialized", "serious-game", "worktown"),
        f.build("initialized", "quest", "challenge/r_bike_repair",
                extensions={"riasec": "R", "difficulty": 2, "replay": False}),
        f.build("completed", "quest", "challenge/r_bike_repair", success=True, score=0.8,
                duration_s=183.2, extensions={"riasec": "R", "difficulty": 2, "accuracy": 0.9,
                                              "competences": ["self_interests"]}),
        f.build("selected", "question", "reflect/r_bike_repair/enjoy", response="4",
                extensions={"riasec": "R"}),
        f.build("completed", "serious-game", "worktown", duration_s=400),
    ]  # fmt: skip


def test_committed_profile_is_what_the_code_builds() -> None:
    """The asset is generated from vocab: `python -m telemetry.xapi.profile_doc` rewrites it."""
    assert profile_doc.PROFILE_FILE.read_text(encoding="utf-8") == profile_doc.profile_text()


def test_every_vocab_name_is_a_concept_of_the_right_type() -> None:
    profile = json.loads(profile_doc.PROFILE_FILE.read_text(encoding="utf-8"))
    by_type: dict[str, set[str]] = {}
    for concept in profile["concepts"]:
        by_type.setdefault(concept["type"], set()).add(concept["id"])
        assert concept["inScheme"] == vocab.PROFILE_VERSION
        assert concept["prefLabel"]["en"] and concept["definition"]["en"]
    assert by_type["Verb"] == set(vocab.VERBS.values())
    assert by_type["ActivityType"] == set(vocab.ACTIVITY_TYPES.values())
    assert by_type["ResultExtension"] == {
        *vocab.PROFILE_EXTENSIONS.values(),
        *vocab.GAME_EXTENSIONS.values(),
    }
    assert by_type["ContextExtension"] == set(vocab.CONTEXT_EXTENSIONS.values())
    # the Serious Games profile's own IRIs, where vocab uses them
    assert vocab.VERBS["accessed"] in by_type["Verb"]
    assert vocab.VERBS["accessed"].startswith(vocab.IRI_PREFIXES[2] + "seriousgames/")
    assert profile["@context"] == vocab.PROFILES_CONTEXT and profile["type"] == "Profile"
    assert profile["versions"][0]["id"] == vocab.PROFILE_VERSION


def test_a_vocab_name_without_a_definition_stops_the_build(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(vocab, "VERBS", {**vocab.VERBS, "danced": "http://example.org/danced"})
    with pytest.raises(ValueError, match="danced"):
        profile_doc.build_profile()


def test_a_game_session_follows_the_templates_and_the_pattern(factory: StatementFactory) -> None:
    checker = load_profile_checker()
    statements = _session(factory)
    names = [checker.template_of(s) for s in statements]
    assert names == ["session-start", "challenge-start", "challenge-end", "answer", "session-end"]
    assert checker.check_sessions(statements, allow_open=False) == []
    assert checker.check_sessions(statements[:-1]) == []  # still open: fine
    assert "not ended" in checker.check_sessions(statements[:-1], allow_open=False)[0]
    assert "does not follow" in checker.check_sessions(statements[1:])[0]  # no start
    after_end = [*statements, factory.build("used", "item", "hint/r_bike_repair")]
    assert "does not follow" in checker.check_sessions(after_end)[0]


@pytest.mark.off_profile
@pytest.mark.parametrize(("breakage", "message"), [
    (lambda s: s["verb"].update(id="http://example.org/verbs/danced"), "unknown verb"),
    (lambda s: s["result"].pop("success"), "challenge-end: result: missing success"),
    (lambda s: s["result"]["extensions"].pop(vocab.extension_iri("riasec")), "missing riasec"),
    (lambda s: s["result"]["extensions"].update({vocab.extension_iri("riasec"): "X"}),
     "result.extensions.riasec"),
    (lambda s: s["result"]["extensions"].update({vocab.extension_iri("difficulty"): 7}),
     "result.extensions.difficulty"),
    (lambda s: s["result"]["extensions"].update({vocab.GAME_NAMESPACE + "extensions/shoe": 1}),
     "unknown extension"),
    (lambda s: s["actor"].update(name="Ann Smith"), "actor.name: must not be there"),
    (lambda s: s["context"].pop("registration"), "missing registration"),
    (lambda s: s["context"].pop("contextActivities"), "missing contextActivities"),
    (lambda s: s["context"]["extensions"].pop(vocab.context_extension_iri("session_id")),
     "missing session_id"),
    (lambda s: s["object"]["definition"].update(type=vocab.activity_type_iri("dialog-tree")),
     "no statement template for completed on 'dialog-tree'"),
])  # fmt: skip
def test_a_broken_statement_fails(factory: StatementFactory, breakage, message: str) -> None:
    statement = copy.deepcopy(_session(factory)[2])
    load_profile_checker().check(statement)
    breakage(statement)
    with pytest.raises(ProfileError, match=message):
        load_profile_checker().check(statement)


def test_a_missing_required_field_built_through_the_factory_is_caught(
    factory: StatementFactory, profile_problems: list[str]
) -> None:
    """The conftest hook, not just the checker: an answer with no response is reported."""
    factory.build("selected", "question", "reflect/r_bike_repair/enjoy")
    factory.build("selected", "question", "reflect/r_bike_repair/enjoy", response="4")
    assert profile_problems == ["template answer: statement: missing result"]
    profile_problems.clear()  # caught as it should be: let this test pass


def test_the_hook_also_sees_the_recorder(tmp_path, profile_problems: list[str]) -> None:
    rec = Recorder.open(tmp_path, "BLUE-FOX-42")
    try:
        rec.start_session()
        rec.record("resumed", "serious-game", "worktown")  # idle_seconds missing
        rec.end_session()
    finally:
        rec.close()
    assert profile_problems == ["template idle-resume: statement: missing result"]
    profile_problems.clear()


def test_locations_and_a_bad_profile() -> None:
    assert parse_location("$.result.extensions['http://x/y']") == [
        "result",
        "extensions",
        "http://x/y",
    ]
    assert parse_location("$.context.contextActivities.category[*].id") == [
        "context",
        "contextActivities",
        "category",
        "*",
        "id",
    ]
    with pytest.raises(ValueError, match="cannot read"):
        parse_location("$.result[?(@.x)]")
    profile = profile_doc.build_profile()
    profile["templates"].append(copy.deepcopy(profile["templates"][0]))
    with pytest.raises(ValueError, match="share"):
        compile_profile(profile)


def test_a_profile_file_with_a_bad_extension_schema_is_one_line(tmp_path) -> None:
    profile = profile_doc.build_profile()
    riasec = next(c for c in profile["concepts"] if c["id"] == vocab.extension_iri("riasec"))
    riasec["inlineSchema"] = json.dumps({"type": "letter"})
    path = tmp_path / "profile.jsonld"
    path.write_text(json.dumps(profile), encoding="utf-8")
    with pytest.raises(ValueError, match=r"profile\.jsonld: cannot use the xAPI profile") as caught:
        load_profile_checker(path)
    assert "\n" not in str(caught.value)


def test_checking_is_cheap(factory: StatementFactory) -> None:
    """Shared blocks (actor, context, verb, object) are validated once per content."""
    checker = load_profile_checker()
    statements = [
        factory.build(
            "selected",
            "question",
            f"item/R{i % 9}",
            response=str(i % 5 + 1),
            extensions={"riasec": "R"},
        )
        for i in range(2000)
    ]
    started = time.perf_counter()
    for statement in statements:
        checker.check(statement)
    per_statement = (time.perf_counter() - started) / len(statements)
    assert per_statement < 500e-6, f"{per_statement * 1e6:.0f} µs per statement"


def _mutations(value, path=()):
    """Every statement one small change away: each key dropped, each leaf made a list, a
    number, None, or an unknown key added to each object."""
    if isinstance(value, dict):
        yield path + ("+",), {**value, "zz_unknown": 1}
        for key, item in value.items():
            yield path + (key, "-"), {k: v for k, v in value.items() if k != key}
            for where, changed in _mutations(item, path + (key,)):
                yield where, {**value, key: changed}
    elif isinstance(value, list):
        for i, item in enumerate(value):
            for where, changed in _mutations(item, path + (i,)):
                yield where, [*value[:i], changed, *value[i + 1 :]]
    else:
        for other in ([value], 7, None, "X"):
            if other != value:
                yield path + ("=",), other


def test_the_fast_path_agrees_with_the_whole_schema(factory: StatementFactory) -> None:
    """The checker's shortcut (shared blocks validated once per content) never says valid
    where the template's whole JSON Schema says invalid, nor the other way round."""
    checker = load_profile_checker()
    seen = 0
    for statement in _session(factory):
        name = checker.template_of(statement)
        template = next(t for t in checker.templates.values() if t.name == name)
        for where, changed in _mutations(statement):
            fast = checker._is_valid(template, changed)
            assert fast == template.validator.is_valid(changed), (name, where)
            assert checker._is_valid(template, changed) == fast  # and again, from the memo
            seen += 1
    assert seen > 500


@pytest.fixture(scope="module")
def built_in_a_module_fixture() -> dict:
    f = StatementFactory(make_actor(vocab.account_home_page(None), "RED-OWL-17"),
                         make_context(REG, platform="Linux", language="en", class_code=None,
                                      game_version="1.0", session_id=REG))  # fmt: skip
    return f.build("selected", "question", "reflect/r_bike_repair/enjoy")  # no response


def test_statements_built_in_wider_fixtures_are_checked_too(
    built_in_a_module_fixture: dict, profile_problems: list[str]
) -> None:
    assert profile_problems == ["template answer: statement: missing result"]
    profile_problems.clear()
