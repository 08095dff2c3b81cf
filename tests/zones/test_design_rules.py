"""The Creators' rules as a plain state machine (no pygame, no kit), and the design board
built with each level's params: the client changes their mind in the twist, the tune's
mix is balanced track by track, bots play every level to an ending, the board draws at
100 % and 200 % without overflow, every bot action is a control, furniture is dragged
onto the floor plan, ``describe`` follows the design, and nothing gives the design away."""

from __future__ import annotations

import random
import re
import subprocess
import sys

import pygame
import pytest

from tests.helpers import challenge_json as content
from tests.helpers import level_plan as plan
from tests.zones.board_check import TextKit, check_text_through_a_round, press_bot_controls
from tests.zones.kit import build_mechanic
from zones.challenges.actions import Action
from zones.challenges.design import DesignMechanic
from zones.challenges.design_params import validate_params
from zones.challenges.design_rules import DesignRules

IDS = ["a_gig_poster", "a_room_makeover", "a_tune"]


def test_the_rules_import_no_pygame():
    code = (
        "import sys; sys.modules['pygame'] = None\n"
        "import zones.challenges.design_rules, zones.challenges.design_params\nprint('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr


@pytest.mark.parametrize("cid", IDS)
def test_levels_are_valid_tutorial_free_job_with_a_brief_twist_with_a_change_of_mind(cid):
    levels = dict(plan(cid))
    for kind, params in levels.items():
        assert validate_params(params, ("en", "es")) == [], (cid, kind)
    for difficulty in (1, 2, 3):
        assert DesignRules(levels["tutorial"], difficulty, random.Random(0)).wants == []
        job = DesignRules(levels["job"], difficulty, random.Random(0))
        assert len(job.wants) >= 2 and job.change is None
        assert DesignRules(levels["twist"], difficulty, random.Random(0)).change


def test_the_client_changes_their_mind_and_meeting_the_new_wishes_counts_as_recovery():
    params = dict(plan("a_room_makeover"))["twist"]
    r = DesignRules(params, 2, random.Random(1))
    first = r.brief
    while not r.changed:
        r.perform(r.bot_action(random.Random(r.decisions), 1.0))
    events = r.pop_events()
    assert r.brief is not first and r.brief == r.params.briefs[params["change"]["brief"]]
    assert r.said.key == "design.changed" and ("cue", {"name": "warning"}) in events
    assert r.adapt, "something of the new brief was not met yet"
    assert r.min_choices >= r.decisions + 2
    rng = random.Random(2)
    while not r.finished:
        r.perform(r.bot_action(rng, 1.0))
    result = r.result()
    assert (
        result.success and result.details["changed"] and result.details["recovered"] == len(r.adapt)
    )


def test_the_mix_levels_each_track_and_a_mix_wish_follows_them():
    params = {**dict(plan("a_tune"))["extra"]}
    r = DesignRules(params, 3, random.Random(3))
    want = next(w for w in r.wants if w.mix is not None and w.max is not None)
    assert not r.met(want) and r.levels[want.mix] == 2
    r.perform(Action("level", want.mix, "-"))
    assert r.levels[want.mix] == 1 and r.met(want) and r.decisions == 1
    for _ in range(3):
        r.perform(Action("level", want.mix, "-"))
    assert r.levels[want.mix] == 0 and r.decisions == 2  # no level below 0
    assert ("choice", {"step": f"mix/{want.mix}", "response": "0"}) in r.pop_events()


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("skill", [0.9, 0.1])
def test_good_and_bad_bots_finish_every_level(cid, skill):
    for kind, params in plan(cid):
        for difficulty in (1, 2, 3):
            for seed in range(5):
                r = DesignRules(params, difficulty, random.Random(seed))
                rng, steps = random.Random(seed + 7), 0
                while not r.finished and steps < 200:
                    action = r.bot_action(rng, skill)
                    assert action in r.actions(), action
                    r.perform(action)
                    steps += 1
                assert r.finished, (cid, kind, difficulty, skill)
                result = r.result()
                assert result.success and 0 <= result.score <= 1
                if skill == 0.9 and kind == "job":
                    assert result.accuracy >= 0.5


def make(params: dict, kit, difficulty: int = 2, seed: int = 0) -> DesignMechanic:
    return build_mechanic(DesignMechanic, params, difficulty, seed, kit)


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("scale", [1.0, 2.0])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_level_draws_without_overflow_through_a_round(cid, scale, language):
    for kind, params in plan(cid):
        mech = make(params, TextKit(language, scale), 3, seed=2)
        where = f"{cid} {kind} {language} {scale}"
        check_text_through_a_round(mech, where, steps=30, seed=5, dt=0.3)


def press_fader(mech, action) -> bool:
    """A level action goes to the track's fader, through its Up / Down keys."""
    if action.kind != "level":
        return False
    fader = mech.view.faders.spots[action.target]
    assert fader in mech.kit.ui.items and fader.enabled and fader.visible
    assert fader.on_key(pygame.K_UP if action.value == "+" else pygame.K_DOWN)
    return True


@pytest.mark.parametrize("cid", IDS)
def test_every_bot_action_is_a_control(cid):
    for kind, params in plan(cid):
        mech = make(params, TextKit(), 3)
        press_bot_controls(mech, f"{cid} {kind}", skill=0.8, limit=150, other=press_fader)


def test_furniture_dragged_from_the_list_is_placed_where_it_is_dropped():
    mech = make(dict(plan("a_room_makeover"))["tutorial"], TextKit())
    card = next(
        i for i in mech.kit.ui.items if i.label == mech.label_for(Action("tool", "", "desk"))
    )
    card.on_press()  # mouse down on the card
    target = mech.view.cell_rects["3,2"]
    mech.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=target.center))
    assert mech.cells == {"3,2": "desk"}
    mech.handle_event(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=target.center))
    assert mech.cells == {"3,2": "desk"}, "a second let-go without a press places nothing"


def test_describe_follows_the_design():
    mech = make(dict(plan("a_tune"))["job"], TextKit())
    before = mech.describe()
    mech.perform(Action("level", "kick", "+"))
    mech.perform(Action("set", "tempo", "fast"))
    after = mech.describe()
    assert after != before
    assert any("Kick drum" in line and "3" in line for line in after)
    assert any("Fast" in line for line in after) and all("%{" not in line for line in after)


def test_the_poster_prints_and_reduced_motion_shows_the_end_state_at_once():
    kit = TextKit()
    mech = make(dict(plan("a_gig_poster"))["tutorial"], kit)
    rng = random.Random(0)
    while not mech.finished:
        mech.perform(mech.bot_action(rng, 1.0))
    assert mech.view.payoff == 1.0 and not mech.animating  # the kit has reduced motion
    kit.reduced_motion = False
    mech = make(dict(plan("a_gig_poster"))["tutorial"], kit)
    while not mech.finished:
        mech.perform(mech.bot_action(rng, 1.0))
    assert mech.view.payoff == 0.0 and mech.animating
    mech.update(2.0)
    assert mech.view.payoff == 1.0 and not mech.animating


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-záéíóúñü]+", text.lower()) if len(w) > 3}


@pytest.mark.parametrize("cid", IDS)
def test_intro_goal_and_level_titles_and_briefs_name_no_option_a_wish_asks_for(cid):
    data = content(cid)
    params = data["params"]
    for lang in ("en", "es"):
        told = " ".join(
            [data["intro"][lang], data["goal"][lang]]
            + [lv[key][lang] for lv in data["levels"] for key in ("title", "brief")]
            + [data["extra_shift"][key][lang] for key in ("title", "brief")]
        )
        answers: set[str] = set()
        for brief in params["briefs"]:
            for want in brief["wants"]:
                if "group" in want:
                    group = next(g for g in params["groups"] if g["id"] == want["group"])
                    answers |= {
                        w
                        for o in group["options"]
                        if o["id"] in want["options"]
                        for w in words(o["label"][lang])
                    }
                elif want.get("item", "*") != "*":
                    item = next(i for i in params["items"] if i["id"] == want["item"])
                    answers |= words(item["label"][lang])
        assert not answers & words(told), f"{cid} ({lang}): {answers & words(told)}"


def named_options(params: dict, brief: dict, lang: str) -> set[str]:
    """Words of the options that meet one of ``brief``'s option wishes (and no other option)
    found in the wish's own text or the client's words: the wish would name its answer."""
    found: set[str] = set()
    for want in brief["wants"]:
        if "group" not in want:
            continue  # a count or a level names its track: that is the task, not its answer
        group = next(g for g in params["groups"] if g["id"] == want["group"])
        meets = [o for o in group["options"] if o["id"] in want["options"]]
        others = [o for o in group["options"] if o["id"] not in want["options"]]
        answer = set().union(*(words(o["label"][lang]) for o in meets))
        answer -= set().union(*(words(o["label"][lang]) for o in others))
        found |= answer & (words(want["text"][lang]) | words(brief["client"][lang]))
    return found


@pytest.mark.parametrize("cid", IDS)
def test_no_client_wish_names_the_option_that_meets_it(cid):
    """A client says what they need ("something calm, people are reading"); the pupil picks
    the option (Chill, Soft): the wish's words are not the option's label."""
    data = content(cid)
    levels = [{**data["params"], **lv["params"]} for lv in [*data["levels"], data["extra_shift"]]]
    for params in [data["params"], *levels]:
        for brief in params["briefs"]:
            for lang in ("en", "es"):
                named = named_options(params, brief, lang)
                assert not named, f"{cid} ({lang}): {brief['client'][lang]!r} names {named}"


def test_the_wish_check_can_fail():
    params = content("a_tune")["params"]
    brief = {
        "client": {"en": "The gym", "es": "El gimnasio"},
        "wants": [
            {"group": "tempo", "options": ["fast"], "text": {"en": "Fast!", "es": "¡Rápido!"}}
        ],
    }
    assert named_options(params, brief, "en") == {"fast"}
    assert named_options(params, brief, "es") == {"rápido"}


@pytest.mark.parametrize("cid", IDS)
def test_three_levels_an_extra_shift_and_a_next_step(cid):
    data = content(cid)
    assert [lv["kind"] for lv in data["levels"]] == ["tutorial", "job", "twist"]
    assert data["extra_shift"]["kind"] == "extra"
    for entry in data["levels"] + [data["extra_shift"]]:
        assert all(
            entry["title"][lang] and len(entry["title"][lang]) <= 40 and entry["brief"][lang]
            for lang in ("en", "es")
        )
    assert data["next_step"]["en"].startswith("What a real ") and data["next_step"]["es"]
