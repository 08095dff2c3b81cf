"""Statement shape for every verb, and validation that rejects bad statements."""

from __future__ import annotations

import copy
import re
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from telemetry.xapi import vocab
from telemetry.xapi.statements import (
    build_statement,
    format_duration,
    format_timestamp,
    make_actor,
    make_context,
    parse_duration,
    parse_timestamp,
    validate_statement,
)

REG = "0b7c6f2e-1d2a-4c8e-9a51-3f0e2d4c5b6a"
ACTOR = make_actor(vocab.account_home_page("CLASS-7"), "BLUE-FOX-42")
CONTEXT = make_context(
    REG, platform="Linux", language="en", class_code="CLASS-7", game_version="0.1.0",
    session_id=REG,
)  # fmt: skip

# One realistic statement per verb (README "evidence conventions").
EXAMPLES: dict[str, dict[str, Any]] = {
    "initialized": dict(activity_type="quest", activity_id="challenge/r_bike_repair",
                        extensions={"riasec": "R", "difficulty": 2, "replay": False}),
    "progressed": dict(activity_type="quest", activity_id="challenge/r_bike_repair",
                       extensions={"progress": 0.5}),
    "completed": dict(activity_type="quest", activity_id="challenge/r_bike_repair",
                      success=True, score=0.8, duration_s=183.2,
                      extensions={"riasec": "R", "difficulty": 2, "accuracy": 0.9,
                                  "skills": ["problem_solving"]}),
    "accessed": dict(activity_type="zone", activity_id="district/R",
                     extensions={"riasec": "R"}),
    "skipped": dict(activity_type="level", activity_id="challenge/r_bike_repair/extra",
                    extensions={"riasec": "R"}),
    "selected": dict(activity_type="menu", activity_id="menu/plaza", response="r_bike_repair",
                     extensions={"options": {"r_bike_repair": "R", "a_mural": "A"},
                                 "riasec": "R"}),
    "interacted": dict(activity_type="non-player-character", activity_id="mentor/ana",
                       extensions={"topic": "pay"}),
    "used": dict(activity_type="item", activity_id="occupation/49-3091.00",
                 extensions={"action": "save"}),
    "suspended": dict(
        activity_type="serious-game", activity_id="worktown", extensions={"idle_seconds": 60.0}
    ),
    "resumed": dict(
        activity_type="serious-game", activity_id="worktown", extensions={"idle_seconds": 95.0}
    ),
}  # fmt: skip


def make(verb: str, **overrides: Any) -> dict[str, Any]:
    kwargs = {**EXAMPLES[verb], **overrides}
    return build_statement(actor=ACTOR, context=CONTEXT, verb=verb, **kwargs)


@pytest.mark.parametrize("verb", sorted(vocab.VERBS))
def test_statement_shape_for_every_verb(verb: str) -> None:
    s = make(verb)
    validate_statement(s)
    assert re.fullmatch(
        r"[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}", s["id"]
    )
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", s["timestamp"])
    assert s["version"] == "1.0.3"
    assert s["actor"] == {
        "objectType": "Agent",
        "account": {"homePage": vocab.account_home_page("CLASS-7"), "name": "BLUE-FOX-42"},
    }
    assert s["verb"] == {"id": vocab.verb_iri(verb), "display": {"en-US": verb}}
    obj = s["object"]
    assert obj["objectType"] == "Activity"
    assert obj["id"] == vocab.activity_iri(EXAMPLES[verb]["activity_id"])
    assert obj["definition"]["type"] == vocab.activity_type_iri(EXAMPLES[verb]["activity_type"])
    assert isinstance(obj["definition"]["name"]["en-US"], str)
    ctx = s["context"]
    assert ctx["registration"] == REG and ctx["platform"] == "Linux" and ctx["language"] == "en"
    assert ctx["extensions"] == {
        vocab.context_extension_iri("class_code"): "CLASS-7",
        vocab.context_extension_iri("game_version"): "0.1.0",
        vocab.context_extension_iri("session_id"): REG,
    }
    for key in EXAMPLES[verb]["extensions"]:
        assert vocab.extension_iri(key) in s["result"]["extensions"]


def test_completed_result_block() -> None:
    result = make("completed")["result"]
    assert result["success"] is True
    assert result["score"] == {"scaled": 0.8}
    assert result["duration"] == "PT183.2S"
    assert make("selected")["result"]["response"] == "r_bike_repair"


def test_no_personal_fields_in_actor() -> None:
    s = make("accessed")
    assert set(s["actor"]) == {"objectType", "account"}


@pytest.mark.parametrize(
    "kwargs",
    [
        {"verb": "jumped"},
        {"activity_type": "castle"},
        {"extensions": {"real_name": "Ann"}},
        {"extensions": {"riasec": object()}},
        {"extensions": {"accuracy": float("nan")}},
        {"score": 1.5},
        {"score": True},
        {"success": "yes"},
        {"duration_s": -1},
        {"response": 4},
        {"activity_id": "bad id"},
    ],
)
def test_build_refuses_bad_input(kwargs: dict[str, Any]) -> None:
    verb = kwargs.pop("verb", "completed")
    with pytest.raises(ValueError):
        if verb != "completed":
            build_statement(actor=ACTOR, context=CONTEXT, verb=verb, activity_type="quest",
                            activity_id="challenge/x")  # fmt: skip
        else:
            make("completed", **kwargs)


def _set(path: str, value: Any):
    def mutate(s: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node = s
        for key in parents:
            node = node[key]
        if value is _DELETE:
            del node[last]
        else:
            node[last] = value

    return mutate


_DELETE = object()
BAD = {
    "id not uuid": _set("id", "123"),
    "id upper": _set("id", "0B7C6F2E-1D2A-4C8E-9A51-3F0E2D4C5B6A"),
    "no timestamp": _set("timestamp", _DELETE),
    "timestamp no ms": _set("timestamp", "2026-11-25T19:22:01Z"),
    "timestamp offset": _set("timestamp", "2026-11-25T19:22:01.123+01:00"),
    "version": _set("version", "1.0.0"),
    "actor name": _set("actor.name", "Ann Smith"),
    "actor mbox": _set("actor.mbox", "mailto:ann@example.org"),
    "actor no account": _set("actor.account", _DELETE),
    "account empty name": _set("actor.account.name", ""),
    "account homepage not iri": _set("actor.account.homePage", "not an iri"),
    "group actor": _set("actor.objectType", "Group"),
    "unknown verb": _set("verb.id", "urn:x:verb"),
    "verb display not map": _set("verb.display", "completed"),
    "object not activity": _set("object.objectType", "Agent"),
    "object id not iri": _set("object.id", "challenge x"),
    "unknown type": _set("object.definition.type", "urn:x:type"),
    "bad lang tag": _set("object.definition.name", {"english!": "x"}),
    "score out of range": _set("result.score", {"scaled": 2}),
    "score raw only": _set("result.score", {"raw": 3}),
    "duration bad": _set("result.duration", "183 seconds"),
    "success not bool": _set("result.success", "true"),
    "response not str": _set("result.response", 4),
    "unknown result ext": _set("result.extensions", {"urn:x:ext": 1}),
    "unknown result prop": _set("result.grade", "A"),
    "registration bad": _set("context.registration", "session-1"),
    "unknown context ext": _set("context.extensions", {"urn:x:ext": 1}),
    "context language bad": _set("context.language", "english language"),
    "top-level extra": _set("player_name", "Ann"),
}


@pytest.mark.parametrize("mutation", sorted(BAD))
def test_validation_rejects_bad_statements(mutation: str) -> None:
    s = copy.deepcopy(make("completed", response="done"))
    validate_statement(copy.deepcopy(s))
    BAD[mutation](s)
    with pytest.raises(ValueError):
        validate_statement(s)


@pytest.mark.parametrize("thing", [None, [], "statement", 3])
def test_validation_rejects_non_objects(thing: Any) -> None:
    with pytest.raises(ValueError):
        validate_statement(thing)


def test_validation_message_names_the_field() -> None:
    s = make("completed")
    s["result"]["duration"] = "soon"
    with pytest.raises(ValueError, match=r"^result\.duration: "):
        validate_statement(s)


@given(st.floats(min_value=0, max_value=10**7, allow_nan=False))
def test_duration_round_trip(seconds: float) -> None:
    text = format_duration(seconds)
    assert re.fullmatch(r"PT\d+(\.\d+)?S", text)
    assert abs(parse_duration(text) - seconds) <= 0.0005 + 1e-9 * seconds


def test_duration_examples() -> None:
    assert format_duration(183.2) == "PT183.2S"
    assert format_duration(3) == "PT3S"
    assert format_duration(0) == "PT0S"


@given(st.floats(min_value=0, max_value=4_000_000_000, allow_nan=False))
def test_timestamp_format(epoch: float) -> None:
    text = format_timestamp(epoch)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", text)
    assert abs(parse_timestamp(text) - epoch) < 0.001 + 1e-6


def test_timestamp_example() -> None:
    assert format_timestamp(1795634521.123) == "2026-11-25T19:22:01.123Z"


@pytest.mark.off_profile  # random verb/extension mixes: xAPI shape only, not the profile
@given(
    verb=st.sampled_from(sorted(vocab.VERBS)),
    response=st.none() | st.text(max_size=20),
    score=st.none() | st.floats(min_value=-1, max_value=1),
    ext=st.dictionaries(
        st.sampled_from(sorted(vocab.GAME_EXTENSIONS)),
        st.none()
        | st.booleans()
        | st.integers()
        | st.text(max_size=5)
        | st.lists(st.text(max_size=5), max_size=3),
        max_size=4,
    ),
)
def test_everything_built_validates(verb: str, response, score, ext) -> None:
    s = build_statement(actor=ACTOR, context=CONTEXT, verb=verb, activity_type="item",
                        activity_id="hint/r_bike_repair", response=response, score=score,
                        extensions=ext)  # fmt: skip
    validate_statement(s)
