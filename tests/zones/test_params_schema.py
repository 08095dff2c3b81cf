"""Typed challenge params and the exported JSON Schema (issue 14, item 6).

The params dataclasses (``zones.params_types``) are one description used three ways: the
loader builds them, the mechanics read them, ``python -m zones.schema`` exports them. The
committed schema is what the code generates, every shipped file fits it, and a broken file
is refused by the schema and by the loader, whose one line names the file and the field.
"""

from __future__ import annotations

import copy
import json
import shutil
from dataclasses import dataclass, field
from typing import Annotated, Literal

import jsonschema
import pytest

from game import paths
from telemetry.words import languages
from zones import schema
from zones.loader import ContentError, load_content
from zones.params_types import ParamsError, Rule, Text, Three, build, key, parse, to_json

ASSETS = paths.assets_dir() / "data"
CHALLENGES = sorted((paths.content_dir() / "challenges").glob("*.json"))


# -- the converter ------------------------------------------------------------------------
@dataclass(frozen=True)
class Leg:
    """A leg of the test record."""

    id: str
    label: Text
    from_: float = field(metadata=key("from"))
    to: float = 0.0

    def check(self) -> list[str]:
        return [] if self.from_ <= self.to else ["from: must be ≤ 'to'"]


@dataclass(frozen=True)
class Trip:
    """The test record."""

    mode: Literal["walk", "ride"]
    legs: Annotated[tuple[Leg, ...], Rule(min_items=1, message="needs at least one leg")]
    speed: Annotated[Three[int], Rule(ge=0, message="must be three whole numbers ≥ 0")] = (
        1,
        2,
        3,
    )
    note: str | None = None
    tags: dict[str, int] = field(default_factory=dict)


GOOD = {
    "mode": "walk",
    "legs": [{"id": "a", "label": {"en": "A", "es": "A"}, "from": 1, "to": 2}],
    "tags": {"x": 1},
}


def problems_of(data):
    return parse(Trip, data, ("en", "es"))[1]


def test_a_record_is_built_by_its_hints():
    trip = build(Trip, GOOD, ("en", "es"))
    assert trip.legs[0].from_ == 1 and trip.legs[0].label["es"] == "A"
    assert trip.speed == (1, 2, 3) and trip.note is None and trip.tags == {"x": 1}
    assert isinstance(trip.legs, tuple)
    assert to_json(trip)["legs"][0]["from"] == 1


@pytest.mark.parametrize(
    "change, expected",
    [
        (lambda d: d.update(mode="fly"), "mode: must be one of 'walk', 'ride'"),
        (lambda d: d.pop("legs"), "legs: missing"),
        (lambda d: d.update(legs=[]), "legs: needs at least one leg"),
        (lambda d: d["legs"][0]["label"].pop("es"), "legs[0].label: language 'es' missing"),
        (lambda d: d["legs"][0].update({"from": "one"}), "legs[0].from: must be a number"),
        (lambda d: d["legs"][0].update({"from": 5}), "legs[0].from: must be ≤ 'to'"),
        (lambda d: d.update(speed=[1, 2]), "speed: must be three whole numbers ≥ 0"),
        (lambda d: d.update(speed=[1, True, 3]), "speed: must be three whole numbers ≥ 0"),
        (lambda d: d.update(speed=[1, -2, 3]), "speed: must be three whole numbers ≥ 0"),
        (lambda d: d.update(note=3), "note: must be text, got int"),
        (lambda d: d.update(tags={"x": "many"}), "tags.x: must be a whole number"),
        (lambda d: d.update(sped=[1, 2, 3]), "sped: unknown field"),
        (lambda d: d["legs"].append([]), "legs[1]: must be an object"),
    ],
)
def test_each_problem_is_one_line_naming_the_field(change, expected):
    data = copy.deepcopy(GOOD)
    change(data)
    found = problems_of(data)
    assert any(p.startswith(expected) for p in found), found
    with pytest.raises(ParamsError):
        build(Trip, data, ("en", "es"))


# -- the schema ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def validator():
    committed = json.loads(schema.SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(committed)
    return jsonschema.Draft202012Validator(committed)


def test_the_committed_schema_is_what_the_code_generates():
    assert schema.SCHEMA_PATH.read_text(encoding="utf-8") == schema.render(schema.generate()), (
        "run `python -m zones.schema` and commit zones/schema/challenge.schema.json"
    )


def test_the_schema_types_the_params_of_every_typed_mode():
    generated = schema.generate()
    assert "SortParams" in generated["$defs"] and "ShelfLevel" not in generated["$defs"]
    organise = next(
        r for r in generated["allOf"] if r["if"]["properties"]["mechanic"]["const"] == "organise"
    )
    modes = organise["then"]["properties"]["params"]["oneOf"]
    assert {"$ref": "#/$defs/SortParams"} in modes and len(modes) == 3
    design = next(
        r for r in generated["allOf"] if r["if"]["properties"]["mechanic"]["const"] == "design"
    )
    assert design["then"]["properties"]["params"] == {"$ref": "#/$defs/DesignParams"}
    investigate = next(
        r for r in generated["allOf"] if r["if"]["properties"]["mechanic"]["const"] == "investigate"
    )
    assert investigate["then"]["properties"]["params"] == {"$ref": "#/$defs/InvestigateParams"}


@pytest.mark.parametrize("path", CHALLENGES, ids=lambda p: p.stem)
def test_every_shipped_challenge_fits_the_schema(validator, path):
    errors = list(validator.iter_errors(json.loads(path.read_text(encoding="utf-8"))))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def _edit_params(cid, change):
    def edit(data):
        change(data["params"])

    return cid, edit


BROKEN = [
    # (challenge, edit of the file's data, the loader's line after "<file>: ")
    (
        "c_library_sort",
        lambda d: d["params"]["bins"][0].update(shape="blob"),
        "params: bins[0].shape: must be one of",
    ),
    (
        "c_library_sort",
        lambda d: d["params"]["items"][0].update(code=641),
        "params: items[0].code: must be text, got int",
    ),
    (
        "c_library_sort",
        lambda d: d["params"].update(shelfs=[]),
        "params: shelfs: unknown field",
    ),
    (
        "c_library_sort",
        lambda d: d["levels"][1]["params"].update(items_shown="many"),
        "levels[2].params: items_shown: must be three whole numbers",
    ),
    (
        "c_library_sort",
        lambda d: d["params"]["bins"][1]["label"].pop("es"),
        "params: bins[1].label: language 'es' missing",
    ),
    ("c_library_sort", lambda d: d.update(minutes=9), "minutes: 9 is outside 3–5"),
    (
        "s_nervous_patient",
        lambda d: d["params"]["person"].update(shape="blob"),
        "params: person.shape: must be one of",
    ),
    (
        "e_festival",
        lambda d: d["params"]["suppliers"][0].update(stars=5),
        "params: suppliers[0].stars: must be 1, 2 or 3",
    ),
    (
        "r_wiring",
        lambda d: d["params"]["slots"][0].update(x=1.5),
        "params: slots[0].x: must be a number 0–1",
    ),
    (
        "r_shelf",
        lambda d: d["extra_shift"]["params"].update(stock=[]),
        "extra_shift.params: stock: needs a list of board lengths",
    ),
    (
        "e_market_stall",
        lambda d: d["levels"][0]["params"].update(budget=[30, 20]),
        "levels[1].params: budget: must be three numbers ≥ 0",
    ),
    (
        "a_gig_poster",
        lambda d: d["params"]["items"][0].update(shape="blob"),
        "params: items[0].shape: must be one of",
    ),
    (
        "a_room_makeover",
        lambda d: d["params"]["groups"][0]["options"][0].update(shade="dark"),
        "params: groups[0].options[0].shade: unknown field",
    ),
    (
        "a_tune",
        lambda d: d["params"].update(min_choices=[4, 6]),
        "params: min_choices: must be three whole numbers 1–30",
    ),
    (
        "a_tune",
        lambda d: d["params"]["items"][0].update(colour="red"),
        "params: items[0].colour: must be like '#1B1B3A'",
    ),
    (
        "i_sick_dog",
        lambda d: d["levels"][0]["params"].update(budget=[0, 8]),
        "levels[1].params: budget: must be three whole numbers from 0 to 99",
    ),
    (
        "i_sick_dog",
        lambda d: d["levels"][2]["params"].update(closed_notes={}),
        "levels[3].params: closed_notes: unknown field",
    ),
    (
        "i_water_sample",
        lambda d: d["levels"][2]["params"]["samples"][0].update(case="yes"),
        "levels[3].params: samples[0].case: must be true or false",
    ),
    (
        "i_sales_mystery",
        lambda d: d["levels"][2]["params"]["series"].update(values="many"),
        "levels[3].params: series.values: must be numbers ≥ 0",
    ),
]


@pytest.mark.parametrize("cid, change, line", BROKEN, ids=[b[2][:40] for b in BROKEN])
def test_a_broken_file_is_refused_by_the_schema_and_the_loader(
    tmp_path, validator, cid, change, line
):
    data, path, mine = _broken_file(tmp_path, cid, change)
    assert list(validator.iter_errors(data)), "the schema accepts the broken file"
    assert any(p.startswith(f"{path}: {line}") for p in mine), mine


def _broken_file(tmp_path, cid, change):
    """The content with ``cid``'s file changed: its data and the loader's lines about it."""
    folder = tmp_path / "data"
    shutil.copytree(paths.content_dir(), folder)
    path = folder / "challenges" / f"{cid}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(folder, ASSETS)
    assert all("\n" not in p for p in info.value.problems), "a problem is one line"
    return data, path, [p for p in info.value.problems if p.startswith(f"{path}: ")]


def _close_every_test(d):
    d["levels"][2]["params"]["closed"] = [t["id"] for t in d["params"]["tests"]]


CROSS = [
    # (challenge, edit, the loader's one line after "<file>: "): rules between fields,
    # which the schema cannot see
    (
        "i_sick_dog",
        lambda d: d["levels"][2]["params"].update(answer="ghost"),
        "levels[3].params: answer: 'ghost' is not one of the hypotheses",
    ),
    (
        "i_sick_dog",
        _close_every_test,
        "levels[3].params: tests: the open tests must rule out every wrong idea "
        "when the answer is '{answer}'",
    ),
    (
        "i_water_sample",
        lambda d: [s.update(case=True) for s in d["levels"][2]["params"]["samples"]],
        'levels[3].params: samples: needs 2 or more samples, exactly one with "case": true',
    ),
    (
        "i_sick_dog",
        lambda d: d["levels"][0]["params"].update(only_hypotheses=["sock"]),
        "levels[1].params: only_hypotheses: must list 2 or more hypothesis ids, "
        "the answer among them",
    ),
]


@pytest.mark.parametrize("cid, change, line", CROSS, ids=[c[2][18:58] for c in CROSS])
def test_a_broken_case_is_one_line_from_the_loader(tmp_path, cid, change, line):
    data, path, mine = _broken_file(tmp_path, cid, change)
    answer = {**data["params"], **data["levels"][2]["params"]}["answer"]
    assert mine == [f"{path}: {line.format(answer=answer)}"]


def test_a_mistyped_idea_is_one_line_not_a_cascade(tmp_path):
    """An idea without its id: the one field named, not every clue and test that names it."""
    _, path, mine = _broken_file(
        tmp_path, "i_sick_dog", lambda d: d["params"]["hypotheses"][0].pop("id")
    )
    lines = {p.partition(".params: ")[2] or p.partition(": params: ")[2] for p in mine}
    assert lines == {"hypotheses[0].id: missing"}, mine


def test_the_loader_hands_the_mechanic_its_typed_params():
    from zones.challenges.investigate_params import InvestigateParams
    from zones.challenges.organise_params import SortParams

    content = load_content(paths.content_dir(), ASSETS)
    chal = content.challenges["c_library_sort"]
    assert isinstance(chal.params, SortParams)
    assert all(isinstance(level.params, SortParams) for level in (*chal.levels, chal.extra_shift))
    assert [lv.params.tricky for lv in chal.levels] == ["never", "hard", "always"]
    case = content.challenges["i_sick_dog"]
    assert all(isinstance(lv.params, InvestigateParams) for lv in (*case.levels, case.extra_shift))
    assert case.levels[2].params.closed and case.levels[2].params.hypotheses[0].shape
    assert languages() == ("en", "es")
