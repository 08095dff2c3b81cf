"""The rules of the Thinkers' investigate and the Helpers' dialogue mechanics, played as
plain state machines (no pygame, no kit): each level of every challenge, a good and a bad
bot, time that passes, hypotheses before conclusions, moods that react, recovery."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from game import paths
from zones.challenges.actions import Action
from zones.challenges.dialogue_rules import ChatRules
from zones.challenges.investigate_rules import MAX_MOVES, CaseRules

STEP_S = 4.0  # a deliberate pupil action (the brief's rule of thumb)


def levels(mechanic: str) -> list[tuple[str, str, dict]]:
    """(challenge id, level kind, merged params) for every level and extra shift."""
    found = []
    for path in sorted((paths.content_dir() / "challenges").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data["mechanic"] != mechanic:
            continue
        for level in [*data["levels"], data["extra_shift"]]:
            found.append((data["id"], level["kind"], {**data["params"], **level["params"]}))
    return found


CASES = levels("investigate")
CHATS = levels("dialogue")


def _id(item):
    return f"{item[0]}-{item[1]}"


def play_case(params, difficulty, skill, seed):
    rules = CaseRules(params, difficulty, random.Random(seed))
    rng, moves = random.Random(seed + 100), 0
    while not rules.finished:
        action = rules.bot_action(rng, skill)
        assert action in rules.actions(), (action, rules.actions())
        rules.perform(action)
        rules.tick(STEP_S)
        moves += 1
        assert moves <= MAX_MOVES
    return rules


def test_the_rules_modules_import_no_pygame():
    code = (
        "import sys; sys.modules['pygame'] = None\n"
        "import zones.challenges.investigate_rules, zones.challenges.dialogue_rules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# -- investigate --------------------------------------------------------------------------
@pytest.mark.parametrize("case", CASES, ids=_id)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_good_and_bad_investigators_reach_an_ending_on_every_level(case, difficulty):
    _, _, params = case
    good_scores, bad_scores = [], []
    for seed in range(6):
        good = play_case(params, difficulty, 0.9, seed)
        bad = play_case(params, difficulty, 0.1, seed)
        assert good.finished and bad.finished
        good_scores.append(good.result().score)
        bad_scores.append(bad.result().score)
        assert play_case(params, difficulty, 1.0, seed).result().success
    assert sum(good_scores) > sum(bad_scores)


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_conclude_needs_a_stated_idea_first(case):
    rules = CaseRules(case[2], 2, random.Random(1))
    assert not [a for a in rules.actions() if a.kind == "conclude"]
    rules.perform(Action("conclude", rules.answer))  # not on offer: ignored
    assert not rules.finished
    rules.perform(Action("suspect", rules.answer))
    assert Action("conclude", rules.answer) in rules.actions()


def test_a_test_takes_its_time_and_wait_brings_the_result():
    params = next(p for cid, kind, p in CASES if cid == "i_sick_dog" and kind == "job")
    rules = CaseRules(params, 2, random.Random(2))
    blood = rules.test("blood")
    rules.perform(Action("test", "blood"))
    assert "blood" in rules.running and "blood" not in rules.ran
    rules.tick(blood.wait / 2)
    assert "blood" in rules.running
    assert Action("wait") in rules.actions()
    rules.perform(Action("wait"))
    assert "blood" in rules.ran and not rules.running
    assert rules.clock >= blood.wait
    assert rules.notes[-1][0] == "result"


def test_a_level_changes_the_answer_and_the_same_test_reads_otherwise():
    by_kind = {kind: p for cid, kind, p in CASES if cid == "i_sick_dog"}
    assert len({p["answer"] for p in by_kind.values()}) == 4
    reads = []
    for kind in ("job", "twist"):
        rules = CaseRules(by_kind[kind], 2, random.Random(0))
        rules.perform(Action("test", "blood"))
        rules.perform(Action("wait"))
        reads.append(rules.notes[-1][2]["found"])
    assert reads == [False, True]  # the job's answer is not chocolate, the twist's is


def test_a_closed_test_is_not_on_offer():
    params = next(p for cid, kind, p in CASES if cid == "i_sick_dog" and kind == "twist")
    rules = CaseRules(params, 3, random.Random(0))
    assert "xray" in rules.closed
    assert not [a for a in rules.actions() if a.kind == "test" and a.target == "xray"]


def test_tray_reagent_reads_high_on_the_case_and_base_on_the_control():
    params = next(p for cid, kind, p in CASES if cid == "i_water_sample" and kind == "job")
    rules = CaseRules(params, 2, random.Random(0))
    assert rules.answer == "farm"
    rules.perform(Action("test", "nitrate", "tap"))
    rules.perform(Action("test", "nitrate", "case"))
    while rules.running:
        rules.perform(Action("wait"))
    assert rules.readings == {"nitrate@tap": 1, "nitrate@case": 3}
    assert rules.spent == 2  # the control takes lab time too
    assert [n[0] for n in rules.notes] == ["control", "result"]


def test_table_examining_puts_the_variable_on_the_chart():
    params = next(p for cid, kind, p in CASES if cid == "i_sales_mystery" and kind == "job")
    rules = CaseRules(params, 2, random.Random(0))
    rules.perform(Action("examine", "gate"))
    assert rules.plotted == "gate"
    assert rules.values(rules.clue("gate")) == [0, 0, 30, 0]  # the dip month, in this case's data


def test_a_wrong_conclusion_costs_a_try_and_recovery_is_counted():
    params = next(p for cid, kind, p in CASES if cid == "i_water_sample" and kind == "job")
    rules = CaseRules(params, 1, random.Random(3))
    wrong = next(h for h in rules.remaining() if h != rules.answer)
    rules.perform(Action("suspect", wrong))
    rules.perform(Action("conclude", wrong))
    assert rules.ruled[wrong] == "wrong" and rules.hypothesis is None and not rules.finished
    rules.perform(Action("suspect", rules.answer))
    rules.perform(Action("conclude", rules.answer))
    result = rules.result()
    assert result.success and result.details["recovered"] == 1 and result.accuracy == 0.5
    kinds = [k for k, _ in rules.pop_events()]
    assert "mistake" in kinds and ("cue" in kinds)


def test_a_lucky_guess_scores_less_than_a_sure_answer():
    params = next(p for cid, kind, p in CASES if cid == "i_sick_dog" and kind == "job")
    guess = CaseRules(params, 2, random.Random(1))
    guess.perform(Action("suspect", guess.answer))
    guess.perform(Action("conclude", guess.answer))
    sure = play_case(params, 2, 1.0, 1)
    assert guess.result().success and sure.result().score > guess.result().score
    assert sure.result().details["certainty"] == 1.0 and guess.result().details["certainty"] == 0.0


def test_cues_say_success_when_a_result_rules_ideas_out():
    params = next(p for cid, kind, p in CASES if cid == "i_sick_dog" and kind == "job")
    rules = CaseRules(params, 2, random.Random(0))
    rules.pop_events()
    rules.perform(Action("test", "temp"))  # clears the tummy bug
    rules.perform(Action("wait"))
    cues = [d["name"] for k, d in rules.pop_events() if k == "cue"]
    assert cues[-1] == "success"


# -- dialogue ------------------------------------------------------------------------------
def play_chat(params, difficulty, skill, seed):
    rules = ChatRules(params, difficulty, random.Random(seed))
    rng, steps = random.Random(seed + 7), 0
    while not rules.finished:
        action = rules.bot_action(rng, skill)
        assert action in rules.actions()
        rules.perform(action)
        steps += 1
        assert steps < 40
    return rules


@pytest.mark.parametrize("chat", CHATS, ids=_id)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_good_and_bad_helpers_reach_an_ending_on_every_level(chat, difficulty):
    _, _, params = chat
    for seed in range(5):
        assert play_chat(params, difficulty, 1.0, seed).result().success
        good, bad = (
            play_chat(params, difficulty, 0.9, seed),
            play_chat(params, difficulty, 0.1, seed),
        )
        assert good.finished and bad.finished
        assert bad.result().score < play_chat(params, difficulty, 1.0, seed).result().score


def test_the_twist_brings_a_second_person_whose_mood_reacts():
    params = next(p for cid, kind, p in CHATS if cid == "s_nervous_patient" and kind == "twist")
    rules = ChatRules(params, 2, random.Random(0))
    assert set(rules.mood) == {"main", "other"} and rules.speaker == "other"
    before = dict(rules.mood)
    rules.perform(Action("reply", str(rules.best_option())))
    assert rules.mood["other"] > before["other"] and rules.mood["main"] == before["main"]
    assert rules.speaker == "main"


def test_a_level_span_picks_up_the_story():
    params = next(p for cid, kind, p in CHATS if cid == "s_left_out" and kind == "job")
    rules = ChatRules(params, 1, random.Random(0))
    assert rules.node.id == "draw" and len(rules.nodes) == 4


def test_recovery_counts_a_helpful_reply_after_a_hurtful_one():
    params = next(p for cid, kind, p in CHATS if cid == "s_fractions" and kind == "extra")
    rules = ChatRules(params, 1, random.Random(0))
    worst = min(rules.options, key=lambda o: o[1].mood)[0]
    rules.perform(Action("reply", str(worst)))
    rules.perform(Action("reply", str(rules.best_option())))
    assert rules.result().details["recovered"] == 1
    cues = [d["name"] for k, d in rules.pop_events() if k == "cue"]
    assert cues == ["fail", "success"]


def test_tips_show_in_the_tutorial_at_any_difficulty():
    params = next(p for cid, kind, p in CHATS if cid == "s_nervous_patient" and kind == "tutorial")
    assert ChatRules(params, 3, random.Random(0)).tips
    job = next(p for cid, kind, p in CHATS if cid == "s_nervous_patient" and kind == "job")
    assert not ChatRules(job, 3, random.Random(0)).tips


def test_a_warning_cue_when_one_unit_of_lab_time_is_left():
    params = next(p for cid, kind, p in CASES if cid == "i_sales_mystery" and kind == "job")
    rules = CaseRules(params, 3, random.Random(0))
    cues = []
    while rules.budget_left and rules.budget_left > 1:
        rules.perform(next(a for a in rules.actions() if a.kind == "examine" or a.kind == "test"))
        cues += [d["name"] for k, d in rules.pop_events() if k == "cue"]
    assert rules.budget_left == 1 and cues.count("warning") == 1
