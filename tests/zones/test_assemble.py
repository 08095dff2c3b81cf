"""The Doers' assemble mechanic, for every challenge that uses it: bots finish at every
difficulty through ``perform``, a perfect player succeeds, the three layouts differ, and
``validate_params`` rejects broken params with a message naming the field."""

from __future__ import annotations

import copy
import random

import pytest

from telemetry.words import languages
from tests.zones.kit import AREA, FakeKit, family_params
from zones.challenges.assemble import AssembleMechanic
from zones.challenges.base import Action

PARAMS = family_params("assemble")
IDS = sorted(PARAMS)


def make(cid: str, difficulty: int, seed: int = 0) -> AssembleMechanic:
    mech = AssembleMechanic(PARAMS[cid], difficulty, FakeKit(), random.Random(seed))
    mech.build(AREA)
    return mech


def test_the_three_doers_challenges_use_assemble():
    assert {"r_bike_repair", "r_wiring", "r_shelf"} <= set(IDS)


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize("skill", [1.0, 0.3])
def test_bots_finish_through_perform(cid, difficulty, skill):
    for seed in range(6):
        mech = make(cid, difficulty, seed)
        rng = random.Random(seed)
        steps = 0
        while not mech.finished and steps < 500:
            action = mech.bot_action(rng, skill)
            assert action in mech.actions()
            mech.perform(action)
            steps += 1
        assert mech.finished, f"{cid} d{difficulty}: not done after {steps} actions"
        result = mech.result()
        assert 0.0 <= result.score <= 1.0 and 0.0 <= result.accuracy <= 1.0
        if skill == 1.0:
            assert result.success and result.accuracy == 1.0 and steps == len(PARAMS[cid]["slots"])


@pytest.mark.parametrize("cid", IDS)
def test_difficulty_changes_the_tray_and_clock(cid):
    mechs = [make(cid, d) for d in (1, 2, 3)]
    trays = [len(m.tray) for m in mechs]
    assert trays[0] < trays[1] <= trays[2]
    assert mechs[0].time_limit == 0 and 0 < mechs[2].time_limit <= mechs[1].time_limit


@pytest.mark.parametrize("cid", IDS)
def test_wrong_pick_costs_accuracy_and_hint_points_at_the_part(cid):
    mech = make(cid, 3)
    right = PARAMS[cid]["slots"][0]["part"]
    wrong = next(p["id"] for p in mech.tray if p["id"] != right)
    mech.perform(Action("pick", wrong))
    assert mech.step == 0 and mech.mistakes == 1 and not mech.feedback_good
    mech.perform(Action("hint"))
    assert mech.hint_part == right and mech.hints_used == 1


@pytest.mark.parametrize("cid", IDS)
def test_shipped_params_are_valid_and_every_distractor_is_funny(cid):
    params = PARAMS[cid]
    assert AssembleMechanic.validate_params(params, languages()) == []
    assert len(params["distractors"]) >= 5
    ids = [p["id"] for p in params["parts"] + params["distractors"]]
    assert len(ids) == len(set(ids)), "a distractor shares an id with a part"
    for slot in params["slots"]:
        assert 0.1 <= slot["y"] <= 0.8, f"{cid}.{slot['id']}: y outside the clear band of the blueprint"


def test_the_layouts_differ():
    shapes = {}
    for cid in ("r_bike_repair", "r_wiring", "r_shelf"):
        params = PARAMS[cid]
        shapes[cid] = (frozenset((s["x"], s["y"]) for s in params["slots"]), len(params["links"]))
    positions = [s[0] for s in shapes.values()]
    for i, a in enumerate(positions):
        for b in positions[i + 1:]:
            assert len(a & b) <= 1, "two R challenges share their slot layout"


def broken(change) -> list[str]:
    params = copy.deepcopy(PARAMS["r_wiring"])
    change(params)
    return AssembleMechanic.validate_params(params, languages())


@pytest.mark.parametrize("change, expected", [
    (lambda p: p.pop("object"), "object: must be a language map"),
    (lambda p: p.update(slots=p["slots"][:2]), "slots: needs a list of at least 3"),
    (lambda p: p.update(parts=[]), "parts: needs a list of parts"),
    (lambda p: p["slots"][1].update(part="sonic_screwdriver"), "slots[1].part: 'sonic_screwdriver'"),
    (lambda p: p["slots"][0].update(x=1.5), "slots[0].x: must be a number 0–1"),
    (lambda p: p["slots"][2]["clue"].pop("es"), "slots[2].clue: language 'es' missing"),
    (lambda p: p["parts"][0].update(shape="blob"), "parts[0].shape"),
    (lambda p: p["distractors"][0].pop("quip"), "distractors[0].quip"),
    (lambda p: p["links"].append(["dead", "narnia"]), "links: ['dead', 'narnia'] must name two slots"),
    (lambda p: p.update(time_limit=[0, 60]), "time_limit: must be three whole numbers"),
])
def test_validate_params_rejects_broken_params(change, expected):
    found = broken(change)
    assert any(expected in line for line in found), f"expected '{expected}' in {found}"
