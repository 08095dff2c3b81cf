"""The Poorly Pup's treatment step (issue 16 item 3): after the right diagnosis the vet
gives a treatment; the one that fits the diagnosis makes him recover, a wrong one shows him
no better and costs score, the options never point at the answer, and the whole step is
played with the keyboard. Rules as a pure state machine; the board through a real App."""

from __future__ import annotations

import json
import random

import pygame
import pytest

from game import paths
from tests.helpers import focus_label, make_app, press, start_challenge
from zones.challenges.actions import Action
from zones.challenges.investigate_params import validate
from zones.challenges.investigate_rules import CaseRules
from zones.challenges.investigate_treat import TREAT_TRIES, WRONG_COST

LANGS = ("en", "es")


def dog_levels() -> list[tuple[str, dict]]:
    data = json.loads((paths.content_dir() / "challenges" / "i_sick_dog.json").read_text("utf-8"))
    return [
        (level["kind"], {**data["params"], **level["params"]})
        for level in [*data["levels"], data["extra_shift"]]
    ]


def diagnosed(params, seed=3) -> CaseRules:
    """A case played carefully up to its right conclusion."""
    rules = CaseRules(params, 2, random.Random(seed))
    rng = random.Random(seed)
    while not rules.treating:
        assert not rules.finished
        rules.perform(rules.bot_action(rng, 1.0))
        rules.tick(30)
    return rules


def fitting(rules) -> str:
    return rules.treat.right_one(rules.answer)


@pytest.mark.parametrize("kind,params", dog_levels(), ids=[k for k, _ in dog_levels()])
def test_the_right_diagnosis_opens_the_treatment_and_the_fitting_one_ends_it(kind, params):
    rules = diagnosed(params)
    assert rules.solved and not rules.finished and not rules.well
    assert {a.kind for a in rules.actions()} == {"treat"}
    assert len(rules.actions()) == len(rules.hyps), "one treatment per idea in play"
    rules.perform(Action("treat", fitting(rules)))
    assert rules.finished and rules.well and rules.treat.treated
    assert rules.notes[-1][0] == "treated"
    assert rules.result().details["wrong_treatments"] == 0


def test_a_wrong_treatment_shows_him_no_better_and_costs_score():
    params = dog_levels()[1][1]
    right, wrong = diagnosed(params), diagnosed(params)
    bad = next(a.target for a in wrong.actions() if a.target != fitting(wrong))
    wrong.pop_events()
    wrong.perform(Action("treat", bad))
    assert not wrong.finished and not wrong.well
    assert wrong.notes[-1][:2] == ("no_better", bad)
    events = wrong.pop_events()
    assert ("mistake", {"step": "treatment"}) in events and ("cue", {"name": "fail"}) in events
    assert Action("treat", bad) not in wrong.actions(), "a treatment that failed is not offered"
    wrong.perform(Action("treat", fitting(wrong)))
    right.perform(Action("treat", fitting(right)))
    assert wrong.well and right.well
    assert wrong.result().score == pytest.approx(right.result().score - WRONG_COST, abs=1e-3)


def test_after_the_last_wrong_treatment_the_senior_vet_takes_over():
    rules = diagnosed(dog_levels()[1][1])
    bad = [a.target for a in rules.actions() if a.target != fitting(rules)]
    for tid in bad[:TREAT_TRIES]:
        rules.perform(Action("treat", tid))
    assert rules.finished and not rules.treat.treated
    assert rules.notes[-1] == ("senior", fitting(rules), {})
    assert rules.result().success, "the diagnosis was right: the case is solved"


def test_a_wrong_diagnosis_that_ends_the_case_has_no_treatment_step():
    params = dict(dog_levels()[1][1], attempts=[1, 1, 1])
    rules = CaseRules(params, 2, random.Random(1))
    other = next(h for h in rules.remaining() if h != rules.answer)
    rules.perform(Action("suspect", other))
    rules.perform(Action("conclude", other))
    assert rules.finished and not rules.solved and not rules.treat.open


def test_no_treatment_is_offered_before_the_diagnosis():
    rules = CaseRules(dog_levels()[1][1], 2, random.Random(4))
    assert not any(a.kind == "treat" for a in rules.actions())
    rules.perform(Action("treat", fitting(rules)))
    assert not rules.treat.tried


def test_the_treatments_are_shuffled_so_their_place_says_nothing():
    params = dog_levels()[1][1]
    places = set()
    for seed in range(12):
        rules = CaseRules(params, 2, random.Random(seed))
        places.add([o.id for o in rules.treat.options].index(fitting(rules)))
    assert len(places) > 1


def test_treatments_are_validated():
    params = dog_levels()[1][1]
    assert validate(params, LANGS) == []
    broken = dict(params, treatments=params["treatments"][1:])
    assert any("every hypothesis needs exactly one" in p for p in validate(broken, LANGS))
    odd = dict(params, treatments=[dict(params["treatments"][0], fits="cat")])
    assert any(p.startswith("treatments[0].fits") for p in validate(odd, LANGS))
    assert any(p.startswith("treat_tries") for p in validate(dict(params, treat_tries=0), LANGS))


def test_the_vet_treats_with_the_keyboard_and_the_dog_wags(tmp_path):
    app = make_app(tmp_path)
    try:
        play = start_challenge(app, "i_sick_dog")
        mech, t, pick = play.mechanic, app.ctx.t, app.ctx.pick
        rng = random.Random(2)
        while not mech.rules.treating:
            action = mech.bot_action(rng, 1.0)
            play.perform(action)
            play.update(30)
        assert mech.wag == 0, "no wag at the diagnosis: he is not treated yet"
        treat_labels = {mech._treat_label(o) for o in mech.rules.treat.options}
        shown = {i.label for i in play.ui.items if i.visible and i.enabled}
        assert treat_labels <= shown
        ideas = t("investigate.suspect", idea="")
        assert not [i for i in play.ui.items if i.visible and i.label.startswith(ideas)]
        right = mech.rules.treat.option(fitting(mech.rules))
        focus_label(app, mech._treat_label(right))
        press(app, pygame.K_RETURN)
        assert mech.rules.well and mech.finished
        assert mech.wag > 0
        assert any(pick(right.label) in line for line in mech.all_note_texts())
    finally:
        app.shutdown()


def test_a_wrong_treatment_by_keyboard_shows_him_no_better(tmp_path):
    app = make_app(tmp_path)
    try:
        play = start_challenge(app, "i_sick_dog")
        mech = play.mechanic
        rng = random.Random(2)
        while not mech.rules.treating:
            play.perform(mech.bot_action(rng, 1.0))
            play.update(30)
        bad = next(o for o in mech.rules.treat.options if o.fits != mech.rules.answer)
        focus_label(app, mech._treat_label(bad))
        press(app, pygame.K_RETURN)
        assert not mech.finished and mech.droop > 0
        assert mech.rules.notes[-1][:2] == ("no_better", bad.id)
        said = mech.note_text(mech.rules.notes[-1])
        assert app.ctx.pick(bad.label) in said and "%{" not in said
    finally:
        app.shutdown()
