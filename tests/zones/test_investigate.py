"""The Thinkers' investigate mechanic: bots finish every case at every difficulty through
``perform``, a perfect player succeeds, difficulty changes real parameters, the three cases
use different boards, ``validate_params`` names the broken field, and a case can be solved
with the keyboard alone in the real hosting scene (drawn in normal and high contrast)."""

from __future__ import annotations

import copy
import random
import re

import pygame
import pytest

from telemetry.words import languages
from tests.zones.kit import AREA, FakeKit, family_params
from zones.challenges.base import Action
from zones.challenges.investigate import InvestigateMechanic

MINE = ("investigate", "organise")


PARAMS = family_params("investigate")
IDS = sorted(PARAMS)


def make(cid: str, difficulty: int, seed: int = 0) -> InvestigateMechanic:
    mech = InvestigateMechanic(PARAMS[cid], difficulty, FakeKit(), random.Random(seed))
    mech.build(AREA)
    return mech


def play(mech, skill: float, seed: int, limit: int = 200) -> int:
    rng = random.Random(seed)
    steps = 0
    while not mech.finished and steps < limit:
        action = mech.bot_action(rng, skill)
        assert action is not None and action in mech.actions()
        mech.perform(action)
        steps += 1
    return steps


def test_the_three_thinkers_cases_use_three_boards():
    assert set(IDS) == {"i_sick_dog", "i_water_sample", "i_sales_mystery"}
    assert {PARAMS[c]["mode"] for c in IDS} == {"chart", "tray", "table"}


@pytest.mark.parametrize("cid", IDS)
def test_content_params_are_valid(cid):
    assert InvestigateMechanic.validate_params(PARAMS[cid], languages()) == []


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize("skill", [1.0, 0.3])
def test_bots_finish_through_perform(cid, difficulty, skill):
    for seed in range(8):
        mech = make(cid, difficulty, seed)
        play(mech, skill, seed)
        assert mech.finished
        assert mech.bot_action(random.Random(0), skill) is None
        result = mech.result()
        assert 0 <= result.score <= 1 and 0 <= result.accuracy <= 1
        assert mech.progress == (1.0 if result.success else mech.progress) and 0 <= mech.progress <= 1
        if skill == 1.0:
            assert result.success and result.accuracy == 1.0 and result.score >= 0.8
        kinds = [k for k, _ in mech.pop_events()]
        assert "choice" in kinds and "progress" in kinds


@pytest.mark.parametrize("cid", IDS)
def test_difficulty_changes_real_parameters(cid):
    easy, medium, hard = (make(cid, d, 3) for d in (1, 2, 3))
    assert len(easy.hyps) < len(medium.hyps) < len(hard.hyps)
    assert easy.budget == 0 and 0 < hard.budget <= medium.budget
    assert not any(c.get("herring") for c in easy.clues)
    assert any(c.get("herring") for c in hard.clues)
    assert all(t["rules_out"] for t in easy.tests)


def test_a_lucky_guess_scores_less_than_a_tested_answer():
    guess = make("i_sick_dog", 2, 1)
    guess.perform(Action("diagnose", guess.answer))
    tested = make("i_sick_dog", 2, 1)
    play(tested, 1.0, 1)
    assert guess.result().success and tested.result().score > guess.result().score


def test_wrong_diagnoses_cost_tries_and_end_the_case():
    mech = make("i_water_sample", 3, 2)
    wrong = [h["id"] for h in mech.hyps if h["id"] != mech.answer]
    mech.perform(Action("diagnose", wrong[0]))
    assert not mech.finished and mech.ruled[wrong[0]] == "wrong"
    assert Action("diagnose", wrong[0]) not in mech.actions()
    mech.perform(Action("diagnose", wrong[1]))
    assert mech.finished and not mech.result().success and mech.result().accuracy == 0


def test_budget_runs_out_and_tests_rule_ideas_out():
    mech = make("i_sales_mystery", 3, 4)
    for _ in range(mech.budget):
        look = next(a for a in mech.actions() if a.kind in ("inspect", "test"))
        mech.perform(look)
    assert mech.budget_left == 0
    assert all(a.kind in ("diagnose", "hint") for a in mech.actions())
    assert mech.spots[f"hyp:{mech.answer}"].enabled
    assert not any(s.enabled for k, s in mech.spots.items() if k.startswith(("clue:", "test:")))


def test_hint_points_at_a_useful_test_or_rules_an_idea_out():
    mech = make("i_sick_dog", 3, 5)
    mech.perform(Action("hint"))
    assert mech.hints_used == 1 and mech.hint_test is not None
    test = next(t for t in mech.tests if t["id"] == mech.hint_test)
    assert test["rules_out"]
    play(mech, 1.0, 5)
    assert mech.result().score <= 0.92


def broken(cid: str, mutate) -> list[str]:
    params = copy.deepcopy(PARAMS[cid])
    mutate(params)
    return InvestigateMechanic.validate_params(params, languages())


def test_validate_params_names_the_problem():
    assert any(p.startswith("mode:") for p in broken("i_sick_dog", lambda p: p.update(mode="maze")))
    assert any(p.startswith("answer:") for p in broken("i_sick_dog", lambda p: p.update(answer="ghost")))
    assert any("must not rule out the answer" in p
               for p in broken("i_sick_dog", lambda p: p["tests"][0]["rules_out"].append("sock")))
    assert any(p.startswith("budget:") for p in broken("i_sick_dog", lambda p: p.update(budget=[0, 2, 2])))
    assert any("language 'es' missing" in p
               for p in broken("i_water_sample", lambda p: p["clues"][0]["text"].pop("es")))
    assert any(p.startswith("series") for p in broken("i_sales_mystery", lambda p: p["series"]["values"].pop()))
    assert any(p.startswith("tests:") for p in broken("i_sick_dog", lambda p: p.update(tests=[])))
    assert any("rule out every wrong" in p
               for p in broken("i_sick_dog", lambda p: [t.update(rules_out=[]) for t in p["tests"]]))


# -- the real hosting scene -----------------------------------------------------------
def real_app(tmp_path):
    from tests.helpers import make_app
    from zones.loader import ContentError

    try:
        return make_app(tmp_path)
    except ContentError as exc:
        unknown = re.findall(r"unknown mechanic '(\w+)'", str(exc))
        if unknown and not set(unknown) & set(MINE):
            pytest.skip(f"other families not registered yet: {sorted(set(unknown))}")
        raise


def test_keyboard_only_solves_the_case_in_the_real_scene(tmp_path):
    from tests.helpers import key, start_challenge

    app = real_app(tmp_path)
    scene = start_challenge(app, "i_sick_dog", 1)
    mech = scene.mechanic
    # inspect the first clue, run the first test, then diagnose, all with Tab and Enter
    targets = [mech.spots[f"clue:{mech.clues[0]['id']}"], mech.spots[f"test:{mech.tests[0]['id']}"],
               mech.spots[f"hyp:{mech.answer}"]]
    for target in targets:
        for _ in range(40):
            if scene.ui.focused is target:
                break
            app.pump([key(pygame.K_TAB)])
        assert scene.ui.focused is target
        app.pump([key(pygame.K_RETURN)])
    assert mech.finished and scene.reported and scene.result.success
    assert mech.seen and mech.ran
    statements = [s["verb"]["id"].rsplit("/", 1)[-1] for s in app.ctx.recorder.statements()]
    assert "completed" in statements and "selected" in statements


@pytest.mark.parametrize("contrast", [False, True])
def test_every_case_draws_at_every_difficulty(tmp_path, contrast):
    from tests.helpers import start_challenge

    app = real_app(tmp_path)
    if contrast:
        app.ctx.settings.high_contrast = True
        app.apply_settings()
    rng = random.Random(1)
    for cid in IDS:
        for difficulty in (1, 2, 3):
            scene = start_challenge(app, cid, difficulty)
            for _ in range(3):
                if not scene.mechanic.finished:
                    scene.perform(scene.mechanic.bot_action(rng, 0.5))
            scene.mechanic.perform(Action("hint"))
            app.pump([], dt=0.1)
            app.draw()
            app.ctx.scenes.pop()
            app.pump([])
