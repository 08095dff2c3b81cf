"""The Helpers' dialogue mechanic (the view over ``dialogue_rules``), for every challenge
that uses it: bots finish at every difficulty through ``perform``, a perfect helper
succeeds, the three conversations use different layouts and structures, broken params get
a message naming the field, and a whole chat can be played with the keyboard alone
through the real hosting scene."""

from __future__ import annotations

import random

import pygame
import pytest

from telemetry.words import languages
from tests.zones.kit import FakeKit, bot_play, broken_params, build_mechanic, family_params
from zones.challenges.base import Action
from zones.challenges.dialogue import DialogueMechanic
from zones.challenges.dialogue_rules import ChatRules

MINE = ("s_nervous_patient", "s_fractions", "s_left_out")


PARAMS = family_params("dialogue")
IDS = sorted(PARAMS)


def make(cid: str, difficulty: int, seed: int = 0, kit=None) -> DialogueMechanic:
    return build_mechanic(DialogueMechanic, PARAMS[cid], difficulty, seed, kit)


def play(mech: DialogueMechanic, skill: float, seed: int) -> int:
    return bot_play(mech, skill, seed, limit=100)


def test_the_three_helpers_challenges_use_dialogue():
    assert set(MINE) <= set(IDS)
    for cid in MINE:
        assert DialogueMechanic.validate_params(PARAMS[cid], languages()) == [], cid


def test_each_conversation_has_its_own_layout():
    assert len({PARAMS[cid]["layout"] for cid in MINE}) == 3


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize("skill", [1.0, 0.3])
def test_bots_finish_through_perform(cid, difficulty, skill):
    for seed in range(5):
        mech = make(cid, difficulty, seed)
        steps = play(mech, skill, seed)
        assert mech.finished and steps < 100
        result = mech.result()
        assert 0.0 <= result.score <= 1.0 and 0.0 <= result.accuracy <= 1.0
        assert 5 <= result.details["exchanges"] <= 7
        if skill == 1.0:
            assert result.success and result.accuracy == 1.0 and result.score >= 0.8
        assert mech.bot_action(random.Random(0), skill) is None


@pytest.mark.parametrize("cid", IDS)
def test_difficulty_changes_options_tips_and_threshold(cid):
    easy, hard = make(cid, 1), make(cid, 3)
    assert len(easy.options) == 3 and len(hard.options) == 4
    assert easy.rules.threshold < hard.rules.threshold
    assert all(r.level == 1 for _, r in easy.options)


def test_every_reply_emits_a_choice_and_a_progress_event():
    mech = make("s_nervous_patient", 2)
    mech.pop_events()
    mech.perform(Action("reply", str(mech.rules.best_option())))
    kinds = [k for k, _ in mech.pop_events()]
    assert kinds.count("choice") == 1 and "progress" in kinds


def test_choice_response_names_reply_and_tone():
    mech = make("s_left_out", 1)
    mech.pop_events()
    best = mech.rules.best_option()
    mech.perform(Action("reply", str(best)))
    choice = next(d for k, d in mech.pop_events() if k == "choice")
    assert choice["step"] == "hello" and choice["response"] == f"{best}:helpful"


def test_fractions_chat_holds_a_real_pie_task():
    nodes = PARAMS["s_fractions"]["nodes"]
    tasks = [n for n in nodes if sum("pie" in r for r in n["replies"]) >= 2]
    assert tasks
    for node in tasks:
        best = max(node["replies"], key=lambda r: r["mood"])
        assert "pie" in best


def test_a_wrong_turn_can_be_repaired_in_left_out():
    mech = make("s_left_out", 1)
    while mech.rules.node.id != "draw":
        mech.perform(Action("reply", str(mech.rules.best_option())))
    worst = min(mech.options, key=lambda o: o[1].mood)[0]
    mech.perform(Action("reply", str(worst)))
    assert mech.rules.node.id == "repair"


def test_hint_marks_the_best_reply_and_costs_a_little():
    a, b = make("s_fractions", 2, 1), make("s_fractions", 2, 1)
    a.perform(Action("hint"))
    assert a.rules.hint_reply == a.rules.best_option()
    assert [k for k, _ in a.pop_events()][-1] == "hint"
    play(a, 1.0, 1)
    play(b, 1.0, 1)
    assert a.result().score < b.result().score


def test_wrong_actions_are_ignored():
    mech = make("s_nervous_patient", 1)
    mech.perform(Action("reply", "99"))
    mech.perform(Action("end"))
    mech.perform(Action("dance"))
    assert mech.rules.picks == 0 and not mech.finished


def _broken(mutate) -> list[str]:
    return broken_params(DialogueMechanic, PARAMS["s_nervous_patient"], mutate)


@pytest.mark.parametrize(
    "mutate, expected",
    [
        (lambda p: p.pop("layout"), "layout:"),
        (lambda p: p.update(threshold=[40, 50]), "threshold:"),
        (lambda p: p["person"].update(shape="blob"), "person.shape:"),
        (lambda p: p["moods"].pop(), "moods:"),
        (lambda p: p["nodes"][0]["say"].pop("es"), "nodes[0].say: language 'es' missing"),
        (lambda p: p["nodes"][1]["replies"][0].update(next="hello"), "nodes[1].replies[0].next"),
        (
            lambda p: p["nodes"][2].update(replies=p["nodes"][2]["replies"][:2]),
            "nodes[2].replies: needs at least 3",
        ),
        (lambda p: p["nodes"][0]["replies"][0].update(level=2), "nodes[0].replies"),
        (lambda p: p["nodes"][0]["replies"][0].update(pie=[5, 3]), "nodes[0].replies[0].pie"),
        (lambda p: p.update(nodes=p["nodes"][:1]), "nodes: needs a list of at least 2"),
        (lambda p: p.update(span=[4, 5]), "span:"),
        (lambda p: p["nodes"][0].update(who="other"), "nodes[0].who"),
        (
            lambda p: p.update(
                other={
                    "name": {"en": "Grace"},
                    "role": {"en": "x", "es": "x"},
                    "shape": "star",
                    "colour": "#123456",
                    "start_mood": 30,
                }
            ),
            "other.name: language 'es' missing",
        ),
    ],
)
def test_validate_params_names_the_problem(mutate, expected):
    problems = _broken(mutate)
    assert any(expected in problem for problem in problems), problems


# -- the real hosting scene (the module's ``app``, tests/zones/conftest.py) -------------
def test_keyboard_alone_plays_a_whole_chat(app):
    from tests.helpers import key, start_challenge

    scene = start_challenge(app, "s_nervous_patient", 2)
    mech = scene.mechanic
    presses = 0
    while not mech.finished and presses < 400:
        if mech.phase == "end":
            target = mech.kit.pick(mech.params.goodbye)
        else:
            best = dict(mech.options)[mech.rules.best_option()]
            target = mech.kit.pick(best.text)
        focused = scene.ui.focused
        if focused is not None and focused.label == target and scene.ui.keyboard_used:
            app.pump([key(pygame.K_RETURN)])
        else:
            app.pump([key(pygame.K_TAB)])
        presses += 1
    assert mech.finished and scene.card_showing
    assert scene.level_results[-1].success and scene.level_results[-1].accuracy == 1.0
    app.ctx.scenes.pop()
    app.pump([])


@pytest.mark.parametrize("cid", MINE)
def test_scene_draws_every_difficulty_and_survives_a_settings_rebuild(app, cid):
    from tests.helpers import draw_through_a_settings_rebuild

    def warm_up(scene, rng):  # one reply said
        scene.perform(scene.mechanic.bot_action(rng, 0.5))

    draw_through_a_settings_rebuild(app, cid, warm_up)


@pytest.mark.parametrize("cid", MINE)
def test_describe_says_who_spoke_each_mood_and_the_replies(cid):
    mech = make(cid, 2, kit=FakeKit(show_values=True))
    before = mech.describe()
    assert any(line.startswith("dialogue.describe_mood") for line in before)
    assert sum(line.startswith("dialogue.option") for line in before) == len(mech.options)
    mech.perform(Action("reply", str(mech.rules.best_option())))
    after = mech.describe()
    mood = next(line for line in after if line.startswith("dialogue.describe_mood"))
    assert mood not in before  # the mood number moved
    assert "dialogue.up" in after


def test_a_helpful_reply_raises_a_heart_and_a_hurtful_one_a_cloud():
    mech = make("s_nervous_patient", 1)
    mech.perform(Action("reply", str(mech.rules.best_option())))
    assert mech.pop == ("main", "heart") and mech.animating
    worst = min(mech.options, key=lambda o: o[1].mood)[0]
    mech.perform(Action("reply", str(worst)))
    assert mech.pop == ("main", "cloud")
    mech.update(2.0)
    assert not mech.animating


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_the_mood_word_changes_when_the_goal_is_reached(cid, difficulty):
    """Below the threshold one of the two lower words, at or above it one of the upper two,
    every mood from 0 to 100 (the word once read 'Nervous' at 37 with the goal at 35)."""
    rules = ChatRules(PARAMS[cid], difficulty, random.Random(0))
    levels = []
    for mood in range(101):
        rules.mood["main"] = mood
        level = rules.mood_level()
        assert (level >= 2) == (mood >= rules.threshold), (mood, rules.threshold, level)
        levels.append(level)
    assert levels == sorted(levels) and set(levels) == {0, 1, 2, 3}
