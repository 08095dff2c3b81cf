"""The Creators' design mechanic, for every challenge that uses it: bots finish at every
difficulty through ``perform`` (free design, so a bounded number of actions), a careful
designer meets the client brief, the three canvases differ, every decision is a
telemetry-safe ``choice`` event, broken params get a message naming the field, and a
design can be made and finished with the keyboard alone in the real hosting scene."""

from __future__ import annotations

import random
import re

import pygame
import pytest

from telemetry.words import languages
from tests.zones.kit import bot_play, broken_params, build_mechanic, family_params
from zones.challenges.base import Action
from zones.challenges.design import DesignMechanic

MINE = ("a_gig_poster", "a_tune", "a_room_makeover")
SAFE_STEP = re.compile(r"^[A-Za-z0-9_.\-/]+$")


PARAMS = family_params("design")
IDS = sorted(PARAMS)


def make(cid: str, difficulty: int, seed: int = 0) -> DesignMechanic:
    return build_mechanic(DesignMechanic, PARAMS[cid], difficulty, seed)


def play(mech: DesignMechanic, skill: float, seed: int) -> int:
    return bot_play(mech, skill, seed, limit=200)


def test_the_three_creators_challenges_use_design():
    assert set(MINE) <= set(IDS)
    for cid in MINE:
        assert DesignMechanic.validate_params(PARAMS[cid], languages()) == [], cid
    assert {PARAMS[cid]["mode"] for cid in MINE} == {"poster", "tune", "room"}


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize("skill", [1.0, 0.3])
def test_bots_finish_through_perform(cid, difficulty, skill):
    for seed in range(5):
        mech = make(cid, difficulty, seed)
        steps = play(mech, skill, seed)
        assert mech.finished and steps <= mech.min_choices + 40
        result = mech.result()
        assert result.success
        assert 0.0 <= result.score <= 1.0 and 0.0 <= result.accuracy <= 1.0
        assert result.details["decisions"] >= mech.min_choices
        if skill == 1.0:
            assert result.accuracy == 1.0 and result.score >= 0.9
        assert mech.bot_action(random.Random(0), skill) is None


@pytest.mark.parametrize("cid", IDS)
def test_difficulty_adds_brief_wishes_and_choices(cid):
    easy, mid, hard = make(cid, 1), make(cid, 2), make(cid, 3)
    assert easy.wants == [] and len(mid.wants) == 2 and len(hard.wants) >= 3
    assert easy.min_choices < mid.min_choices < hard.min_choices


def test_tune_grid_grows_with_difficulty():
    assert [make("a_tune", d).cols for d in (1, 2, 3)] == [8, 12, 16]


@pytest.mark.parametrize("cid", IDS)
def test_finish_waits_for_enough_choices(cid):
    mech = make(cid, 2)
    mech.perform(Action("finish"))
    assert not mech.finished
    rng = random.Random(4)
    while not mech.can_finish:
        mech.perform(mech._random(rng))
    mech.perform(Action("finish"))
    assert mech.finished


@pytest.mark.parametrize("cid", IDS)
def test_every_decision_is_a_safe_choice_event(cid):
    mech = make(cid, 3, 2)
    play(mech, 0.6, 2)
    choices = [d for k, d in mech.pop_events() if k == "choice"]
    assert len(choices) == mech.decisions
    assert all(SAFE_STEP.match(f"challenge/{cid}/{c['step']}") for c in choices)


def test_same_option_again_is_not_a_new_decision():
    mech = make("a_gig_poster", 1)
    mech.perform(Action("set", "background", "night"))
    mech.perform(Action("set", "background", "night"))
    assert mech.decisions == 1


def test_poster_sticker_toggles_and_room_furniture_moves():
    poster = make("a_gig_poster", 1)
    poster.perform(Action("place", "0,0", "bolt"))
    poster.perform(Action("place", "1,0", "bolt"))
    assert poster.count("bolt") == 2
    poster.perform(Action("place", "0,0", "bolt"))
    assert poster.count("bolt") == 1 and poster.decisions == 3
    room = make("a_room_makeover", 1)
    room.perform(Action("tool", "", "bed"))
    room.perform(Action("place", "0,0"))
    room.perform(Action("place", "3,2"))
    assert room.cells == {"3,2": "bed"}


def test_tune_plays_back_with_a_moving_playhead_even_without_audio():
    mech = make("a_tune", 1)
    mech.perform(Action("place", "kick:0", "kick"))
    mech.perform(Action("play"))
    assert mech.playing and mech.animating
    for _ in range(60):
        mech.update(1 / 30)
    assert mech.playhead != 0 or mech.elapsed > 0
    seen = set()
    for _ in range(200):
        mech.update(1 / 30)
        seen.add(mech.playhead)
    assert seen == set(range(mech.cols))
    mech.perform(Action("play"))
    assert not mech.playing


def test_hint_points_at_an_unmet_wish():
    mech = make("a_room_makeover", 3, 1)
    mech.pop_events()
    mech.perform(Action("hint"))
    assert mech.hint_target is not None and mech.hints_used == 1
    assert [k for k, _ in mech.pop_events()] == ["hint"]


def _broken(cid, mutate) -> list[str]:
    return broken_params(DesignMechanic, PARAMS[cid], mutate)


@pytest.mark.parametrize(
    "cid, mutate, expected",
    [
        ("a_gig_poster", lambda p: p.update(mode="sculpture"), "mode:"),
        ("a_gig_poster", lambda p: p.update(groups=p["groups"][1:]), "needs a group 'background'"),
        (
            "a_gig_poster",
            lambda p: p["groups"][0]["options"][0].update(colour="blue"),
            "groups.background.options[0].colour",
        ),
        (
            "a_gig_poster",
            lambda p: p["poster"]["band"].pop("es"),
            "poster.band: language 'es' missing",
        ),
        ("a_tune", lambda p: p["items"][3].pop("freq"), "items[3]: a tune row needs"),
        ("a_tune", lambda p: p.update(steps=[8, 12]), "steps:"),
        (
            "a_room_makeover",
            lambda p: p["briefs"][0]["wants"][0].update(options=["gold"]),
            "briefs[0].wants[0]",
        ),
        ("a_room_makeover", lambda p: p.update(min_choices=[4, 6]), "min_choices:"),
        ("a_room_makeover", lambda p: p["items"][0].update(shape="sofa"), "items[0].shape"),
    ],
)
def test_validate_params_names_the_problem(cid, mutate, expected):
    problems = _broken(cid, mutate)
    assert any(expected in problem for problem in problems), problems


# -- the real hosting scene (the module's ``app``, tests/zones/conftest.py) -------------
def test_keyboard_alone_makes_and_finishes_a_room(app):
    """Every level of the room, then the result card, with Tab, Space and Enter only."""
    from game.ui import Hotspot
    from tests.helpers import key, start_challenge

    scene = start_challenge(app, "a_room_makeover", 2)
    presses, levels = 0, set()
    while not scene.reported and presses < 3000:
        mech = scene.mechanic
        levels.add(id(mech))
        focused = scene.ui.focused
        if scene.card_showing:
            assert focused is scene.continue_button
            app.pump([key(pygame.K_RETURN)])  # the level card's Next level
        elif mech.can_finish and focused is mech.view.finish_button:
            app.pump([key(pygame.K_RETURN)])
        elif (
            not mech.can_finish
            and isinstance(focused, Hotspot)
            and scene.ui.keyboard_used
            and presses % 3 == 0
        ):
            app.pump([key(pygame.K_SPACE)])
        else:
            app.pump([key(pygame.K_TAB)])
        presses += 1
    assert scene.reported and len(levels) == 3, f"{len(levels)} levels played in {presses} presses"
    assert all(r.success for r in scene.level_results)
    assert scene.level_results[-1].details["decisions"] >= scene.mechanic.min_choices
    app.ctx.scenes.pop()
    app.pump([])


def test_arrow_keys_walk_the_step_grid(app):
    from tests.helpers import key, start_challenge

    scene = start_challenge(app, "a_tune", 1)
    mech = scene.mechanic
    cells = mech.view.cell_rects
    first = next(i for i in scene.ui.items if i.rect == cells["kick:0"])
    scene.ui.focus(first)
    app.pump([key(pygame.K_RIGHT)])
    assert scene.ui.focused.rect == cells["kick:1"]
    app.pump([key(pygame.K_DOWN)])
    assert scene.ui.focused.rect == cells["snare:1"]
    app.pump([key(pygame.K_RETURN)])
    assert mech.cells == {"snare:1": "snare"}
    app.ctx.scenes.pop()
    app.pump([])


@pytest.mark.parametrize("cid", MINE)
def test_scene_draws_every_difficulty_and_survives_a_settings_rebuild(app, cid):
    from tests.helpers import draw_through_a_settings_rebuild

    def warm_up(scene, rng):  # a few choices, the tune playing, a hint showing
        for _ in range(4):
            scene.perform(scene.mechanic.bot_action(rng, 0.5))
        scene.perform(Action("play"))
        scene.perform(Action("hint"))
        app.pump([], dt=0.5)

    draw_through_a_settings_rebuild(app, cid, warm_up)
