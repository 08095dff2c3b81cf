"""The Thinkers' investigate mechanic (the view over ``investigate_rules``): bots finish every
case at every difficulty through ``perform``, a perfect player succeeds, difficulty changes
real parameters, the three cases use different boards and hands (press the dog, pour a
reagent, plot a variable), ``validate_params`` names the broken field, ``describe`` says
what changed, and a case can be solved with the keyboard alone in the real hosting scene
(drawn in normal and high contrast)."""

from __future__ import annotations

import random

import pygame
import pytest

from telemetry.words import languages
from tests.helpers import make_app
from tests.zones.kit import FakeKit, bot_play, broken_params, build_mechanic, family_params
from zones.challenges.base import Action
from zones.challenges.investigate import InvestigateMechanic

MINE = ("investigate", "organise")


PARAMS = family_params("investigate")
IDS = sorted(PARAMS)


def make(cid: str, difficulty: int, seed: int = 0, kit=None) -> InvestigateMechanic:
    return build_mechanic(InvestigateMechanic, PARAMS[cid], difficulty, seed, kit)


def play(mech, skill: float, seed: int, limit: int = 200) -> int:
    return bot_play(mech, skill, seed, limit)


def test_the_three_thinkers_cases_use_three_boards():
    assert set(IDS) == {"i_sick_dog", "i_water_sample", "i_sales_mystery"}
    assert {PARAMS[c]["mode"] for c in IDS} == {"chart", "tray", "table"}


@pytest.mark.parametrize("cid", IDS)
def test_content_params_are_valid(cid):
    assert InvestigateMechanic.validate_params(PARAMS[cid], languages()) == []


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize("skill", [1.0, 0.3])
def test_bots_finish_through_the_view(cid, difficulty, skill):
    for seed in range(6):
        mech = make(cid, difficulty, seed)
        play(mech, skill, seed)
        assert mech.finished
        assert mech.bot_action(random.Random(0), skill) is None
        result = mech.result()
        assert 0 <= result.score <= 1 and 0 <= result.accuracy <= 1
        if skill == 1.0:
            assert result.success and result.accuracy == 1.0 and result.score >= 0.8
        kinds = [k for k, _ in mech.pop_events()]
        assert "choice" in kinds and "progress" in kinds and "cue" in kinds


@pytest.mark.parametrize("cid", IDS)
def test_difficulty_changes_real_parameters(cid):
    easy, medium, hard = (make(cid, d, 3) for d in (1, 2, 3))
    assert len(easy.rules.hyps) < len(medium.rules.hyps) < len(hard.rules.hyps)
    assert easy.rules.budget == 0 and 0 < hard.rules.budget <= medium.rules.budget
    assert not any(c.herring for c in easy.rules.clues)
    assert any(c.herring for c in hard.rules.clues)
    assert all(set(t.checks) & easy.rules.active for t in easy.rules.tests)


def test_budget_runs_out_and_the_spots_follow():
    mech = make("i_sales_mystery", 3, 4)
    while mech.rules.budget_left:
        look = next(a for a in mech.actions() if a.kind in ("examine", "test"))
        mech.perform(look)
    assert all(a.kind in ("suspect", "conclude", "hint", "wait") for a in mech.actions())
    assert mech.spots[f"hyp:{mech.rules.answer}"].enabled
    assert not any(s.enabled for k, s in mech.spots.items() if k.startswith(("clue:", "test:")))


def test_the_conclude_card_is_off_until_an_idea_is_picked():
    mech = make("i_sick_dog", 2, 1)
    assert not mech.spots["conclude"].enabled
    mech.spots[f"hyp:{mech.rules.answer}"].on_press()
    assert mech.rules.hypothesis == mech.rules.answer and mech.spots["conclude"].enabled
    mech.spots["conclude"].on_press()
    assert mech.rules.solved and not mech.finished, "the vet treats him next"
    assert not mech.spots["conclude"].enabled and not mech.spots[f"hyp:{mech.answer}"].visible
    mech.spots[f"treat:{mech.rules.treat.right_one(mech.answer)}"].on_press()
    assert mech.finished and mech.result().success


def test_a_reagent_is_picked_up_and_poured_on_a_sample():
    mech = make("i_water_sample", 2, 0)
    assert not mech.spots["sample:case"].enabled  # nothing in hand yet
    mech.spots["test:nitrate"].on_press()
    assert mech.held == "nitrate" and mech.spots["sample:case"].enabled
    assert mech.label_for(Action("test", "nitrate", "case")) == mech.spots["sample:case"].label
    mech.spots["sample:case"].on_press()
    assert mech.held is None and "nitrate@case" in mech.rules.running
    mech.update(10)
    assert mech.rules.readings["nitrate@case"] == 3


def test_a_reagent_dragged_with_the_mouse_pours_where_it_is_let_go():
    mech = make("i_water_sample", 2, 0)
    mech.spots["test:sugar"].on_press()  # the mouse went down on it
    target = mech.rects["sample:tap"].center
    mech.handle_event(
        pygame.event.Event(pygame.MOUSEMOTION, pos=target, rel=(0, 0), buttons=(1, 0, 0))
    )
    mech.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=target))
    assert "sugar@tap" in mech.rules.running or "sugar@tap" in mech.rules.readings


@pytest.mark.parametrize("cid", IDS)
def test_describe_names_the_changing_state(cid):
    mech = make(cid, 2, kit=FakeKit(show_values=True))
    before = mech.describe()
    assert any("investigate.describe_no_idea" in line for line in before)
    mech.perform(next(a for a in mech.actions() if a.kind == "examine"))
    mech.perform(Action("suspect", mech.rules.answer))
    test = next(a for a in mech.actions() if a.kind == "test")
    if mech.mode == "tray":
        mech.spots[f"test:{test.target}"].on_press()
    else:
        mech.perform(test)
    after = mech.describe()
    assert any("investigate.describe_idea" in line for line in after)
    assert any(
        "investigate.describe_running" in line or "investigate.holding" in line for line in after
    )
    if mech.mode == "table":
        assert any("investigate.describe_chart" in line for line in after)


def test_the_dog_wags_only_when_treated_right():
    mech = make("i_sick_dog", 1, 0)
    play(mech, 1.0, 0)
    assert mech.rules.solved and mech.wag > 0
    assert not mech.animating  # reduced motion (the fake kit): the end state, still


def test_hint_points_at_a_useful_test_or_rules_an_idea_out():
    mech = make("i_sick_dog", 3, 5)
    mech.perform(Action("hint"))
    assert mech.hints_used == 1 and mech.rules.hint_test is not None
    test = mech.rules.test(mech.rules.hint_test)
    assert set(test.checks) - {mech.rules.answer}
    play(mech, 1.0, 5)
    assert mech.result().score <= 0.92


def broken(cid: str, mutate) -> list[str]:
    return broken_params(InvestigateMechanic, PARAMS[cid], mutate)


def test_validate_params_names_the_problem():
    assert any(p.startswith("mode:") for p in broken("i_sick_dog", lambda p: p.update(mode="maze")))
    assert any(
        p.startswith("answer:") for p in broken("i_sick_dog", lambda p: p.update(answer="ghost"))
    )
    assert any(
        p.startswith("tests[0].checks")
        for p in broken("i_sick_dog", lambda p: p["tests"][0].update(checks=["ghost"]))
    )
    assert any(
        p.startswith("budget:") for p in broken("i_sick_dog", lambda p: p.update(budget=[0, 2, 2]))
    )
    assert any(
        "language 'es' missing" in p
        for p in broken("i_water_sample", lambda p: p["clues"][0]["text"].pop("es"))
    )
    assert any(
        p.startswith("series")
        for p in broken("i_sales_mystery", lambda p: p["series"]["values"].pop())
    )
    assert any(p.startswith("tests:") for p in broken("i_sick_dog", lambda p: p.update(tests=[])))
    assert any(
        "rule out every wrong" in p
        for p in broken("i_sick_dog", lambda p: [t.update(checks=[]) for t in p["tests"]])
    )
    assert any(
        p.startswith("closed:") for p in broken("i_sick_dog", lambda p: p.update(closed=["ghost"]))
    )
    assert any(
        p.startswith("samples:") for p in broken("i_water_sample", lambda p: p.update(samples=[]))
    )
    assert any(
        p.startswith("clues[0].values")
        for p in broken("i_sales_mystery", lambda p: p["clues"][0]["values"].pop("default"))
    )


# -- the real hosting scene -----------------------------------------------------------
def test_keyboard_only_solves_the_case_in_the_real_scene(tmp_path):
    from tests.helpers import focus_item, key, start_challenge

    app = make_app(tmp_path)
    scene = start_challenge(app, "i_sick_dog", 1)
    mech = scene.mechanic
    rules = mech.rules
    # examine, order a test, wait for it, state the idea, conclude, treat: Tab and Enter
    first = rules.clues[0].id
    test = next(t.id for t in rules.tests if t.checks and rules.answer not in t.checks)
    treat = f"treat:{rules.treat.right_one(rules.answer)}"  # then the treatment that fits
    steps = [f"clue:{first}", f"test:{test}", "wait", f"hyp:{rules.answer}", "conclude", treat]
    for name in steps:
        focus_item(app, mech.spots[name], presses=60)
        app.pump([key(pygame.K_RETURN)])
    assert mech.finished and scene.card_showing and scene.level_results[-1].success
    assert rules.seen and rules.ran
    statements = [s["verb"]["id"].rsplit("/", 1)[-1] for s in app.ctx.recorder.statements()]
    assert "completed" in statements and "selected" in statements


@pytest.mark.parametrize("contrast", [False, True])
def test_every_case_draws_at_every_difficulty(tmp_path, contrast):
    from tests.helpers import draw_every_difficulty

    draw_every_difficulty(make_app(tmp_path), IDS, bot_actions=3, high_contrast=contrast)
