"""The Doers' rules as plain state machines (no pygame, no kit): what each action does to
the bike, the circuit and the shelf, and bots that play every level to an ending."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from tests.helpers import challenge_json, level_plan
from zones.challenges.actions import Action
from zones.challenges.assemble_modes import rules_for, validate_params
from zones.challenges.assemble_rules import FitRules

LANGS = ("en", "es")


def level(cid: str, kind: str) -> dict:
    return dict(level_plan(cid))[kind]


def kinds(events) -> list[str]:
    return [k for k, _ in events]


def cues(events) -> list[str]:
    return [d["name"] for k, d in events if k == "cue"]


def test_the_rules_modules_import_no_pygame():
    code = (
        "import sys; sys.modules['pygame'] = None\n"
        "import zones.challenges.assemble_rules, zones.challenges.assemble_wire_rules, "
        "zones.challenges.assemble_cut_rules, zones.challenges.rules_core, "
        "zones.challenges.actions\n"
        "print('ok')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.stdout.strip() == "ok", out.stderr


@pytest.mark.parametrize("cid", ["r_bike_repair", "r_wiring", "r_shelf"])
def test_every_level_is_valid_and_the_modes_differ(cid):
    for kind, params in level_plan(cid):
        assert validate_params(params, LANGS) == [], (cid, kind)
    modes = {challenge_json(c)["params"]["mode"] for c in ("r_bike_repair", "r_wiring", "r_shelf")}
    assert modes == {"fit", "wire", "cut"}


# -- the bike ---------------------------------------------------------------------------------
def test_bike_a_wrong_part_is_only_found_by_the_ride_and_fixing_it_counts_as_recovery():
    r = rules_for(level("r_bike_repair", "tutorial"), 1, random.Random(1))
    a, b = r.slots
    assert r.slot_action(a.id) == Action("examine", a.id)
    r.perform(Action("examine", a.id))
    assert a.id in r.examined and r.said.values["clue"] == a.clue
    r.perform(Action("grab", b.part))  # b's part onto a: no complaint yet
    r.perform(Action("fit", a.id))
    assert r.fitted[a.id] == b.part and r.mistakes == 0 and r.said.good
    r.perform(Action("grab", a.part))
    r.perform(Action("fit", b.id))
    r.pop_events()
    r.perform(Action("ride"))
    assert r.rattles == {a.id, b.id} and r.mistakes == 1 and not r.finished
    assert "fail" in cues(r.pop_events())
    for sid in (a.id, b.id):
        r.perform(Action("remove", sid))
    for sid, part in ((a.id, a.part), (b.id, b.part)):
        r.perform(Action("grab", part))
        r.perform(Action("fit", sid))
    r.perform(Action("ride"))
    result = r.result()
    assert (
        r.finished
        and result.success
        and result.details["recovered"] == 2
        and result.accuracy == 0.5
    )
    assert "success" in cues(r.pop_events())


def test_bike_a_joke_tool_is_refused_at_once_with_its_quip():
    params = level("r_bike_repair", "job")
    r = FitRules(params, 3, random.Random(2))
    joke = next(p for p in r.tray if p in r.quips)
    r.perform(Action("grab", joke))
    r.perform(Action("fit", r.slots[0].id))
    assert (
        r.mistakes == 1
        and r.slots[0].id not in r.fitted
        and (r.said.key, r.said.values) == ("assemble.quip", {"quip": r.quips[joke]})
    )


def test_bike_the_twist_starts_with_parts_on_and_a_ride_finds_the_wrong_ones():
    params = level("r_bike_repair", "twist")
    r = rules_for(params, 2, random.Random(3))
    assert r.fitted == params["prefitted"]
    r.perform(Action("ride"))
    wrong = {s for s, part in params["prefitted"].items() if r.by_id[s].part != part}
    assert wrong and wrong <= r.rattles and r.mistakes == 1


# -- the wiring -------------------------------------------------------------------------------
def wire_up(r, a: str, b: str) -> None:
    r.perform(Action("terminal", a))
    r.perform(Action("terminal", b))


def test_wiring_a_live_room_refuses_touching_until_switched_off_and_proved_dead():
    r = rules_for(level("r_wiring", "job"), 2, random.Random(4))
    assert r.power and not r.proved_dead
    r.perform(Action("terminal", "box"))
    assert (
        r.unsafe == 1 and r.mistakes == 1 and r.held is None and "warning" in cues(r.pop_events())
    )
    r.perform(Action("power"))
    r.perform(Action("terminal", "box"))  # off, but not proved dead
    assert r.unsafe == 2 and r.said.key == "assemble.prove_dead"
    r.perform(Action("tool", "", "meter"))
    r.perform(Action("probe", "lamp"))
    assert r.proved_dead and r.reading == ("lamp", "quiet")
    r.perform(Action("tool", "", "wire"))
    wire_up(r, "box", "junction")
    assert r.wires == {frozenset(("box", "junction"))}


def test_wiring_the_meter_reads_the_circuit_and_the_lamp_lights_only_when_it_is_complete():
    r = rules_for(level("r_wiring", "tutorial"), 1, random.Random(5))
    wire_up(r, "box", "switch")
    r.perform(Action("power"))
    assert r.power and r.lit() == set() and not r.finished
    r.perform(Action("tool", "", "meter"))
    r.perform(Action("probe", "switch"))
    assert r.reading == ("switch", "live") and r.volts("switch") == 230 and r.volts("lamp") == 0
    r.perform(Action("power"))
    r.perform(Action("probe", "lamp"))  # dead now: proved
    r.perform(Action("tool", "", "wire"))
    wire_up(r, "switch", "lamp")
    r.perform(Action("power"))
    assert r.lit() == {"lamp"} and r.finished and r.result().success


def test_wiring_a_wrong_wire_trips_the_breaker_and_taking_it_out_is_recovery():
    params = level("r_wiring", "twist")
    r = rules_for(params, 2, random.Random(6))
    r.perform(Action("power"))  # off
    r.perform(Action("tool", "", "meter"))
    r.perform(Action("probe", "box"))
    r.perform(Action("tool", "", "wire"))
    for a, b in params["links"]:
        if {a, b} <= set(r.by_id) and frozenset((a, b)) not in r.wires:
            wire_up(r, a, b)
    r.perform(Action("power"))
    assert r.trips == 1 and not r.power and not r.finished and r.mistakes == 1
    wire_up(r, "box", "lamp")  # the last electrician's short
    r.perform(Action("power"))
    result = r.result()
    assert (
        result.success and result.details["recovered"] == 1 and result.details["faults_found"] == 1
    )


# -- the shelf -------------------------------------------------------------------------------------
def test_shelf_measure_then_cut_too_long_is_trimmed_too_short_is_wasted():
    params = level("r_shelf", "job")
    r = rules_for(params, 2, random.Random(7))
    first = params["pieces"][0]
    r.perform(Action("measure"))
    assert (r.said.key, r.said.values) == (
        "assemble.measured",
        {"piece": first["label"], "cm": first["need"]},
    )
    r.perform(Action("mark", "", str(first["need"] + 5)))
    r.perform(Action("cut"))
    assert r.hand == first["need"] + 5 and r.mistakes == 1 and r.index == 0
    r.perform(Action("nudge", "", "-1"))
    for _ in range(4):
        r.perform(Action("nudge", "", "-1"))
    r.perform(Action("cut"))
    assert (
        r.index == 1 and r.cuts[first["id"]] == first["need"] and r.recovered == 1 and r.waste == 5
    )
    second = params["pieces"][1]
    r.perform(Action("mark", "", str(second["need"] - 10)))
    r.perform(Action("cut"))
    offcut = (
        params["stock"][0] - (first["need"] + 5) - (second["need"] - 10)
    )  # too short for it: set aside
    assert r.index == 1 and r.waste == 5 + second["need"] - 10 + offcut and r.mistakes == 2
    assert r.boards == params["stock"][1:]


def test_shelf_running_out_of_wood_ends_the_level():
    params = {**level("r_shelf", "tutorial"), "stock": [100]}
    r = rules_for(params, 1, random.Random(8))
    r.perform(Action("mark", "", "50"))
    r.perform(Action("cut"))  # 50 of a 64 cm gap: wasted, 50 left
    assert r.finished and not r.result().success and r.said.key == "assemble.out_of_wood"


def test_shelf_fixing_it_crooked_is_a_mistake_and_level_then_fix_succeeds():
    params = {**level("r_shelf", "tutorial"), "tilt": [2, 2, 2]}
    r = rules_for(params, 1, random.Random(9))
    r.perform(Action("measure"))
    r.perform(Action("mark", "", "64"))
    r.perform(Action("cut"))
    assert r.phase == "level" and abs(r.tilt) == 2
    r.perform(Action("fix"))
    assert r.mistakes == 1 and not r.finished
    side = "left" if r.tilt < 0 else "right"
    r.perform(Action("raise", side))
    r.perform(Action("raise", side))
    assert r.tilt == 0
    r.perform(Action("fix"))
    result = r.result()
    assert result.success and result.accuracy == 1.0 and result.details["measured_first"] == 1.0


def test_a_timed_level_ends_when_the_clock_runs_out_with_a_warning_first():
    r = rules_for(level("r_shelf", "job"), 3, random.Random(10))
    assert r.time_limit > 30
    r.tick(r.time_limit - 19)
    assert cues(r.pop_events()) == ["warning"] and not r.finished
    r.tick(20)
    assert r.finished and not r.result().success and r.said.key == "challenge.time_up"


# -- bots through every level ----------------------------------------------------------------------
def play(params: dict, difficulty: int, skill: float, seed: int) -> tuple[object, int]:
    r = rules_for(params, difficulty, random.Random(seed))
    rng = random.Random(seed + 1000)
    steps = 0
    while not r.finished and steps < 400:
        action = r.bot_action(rng, skill)
        assert action in r.actions(), f"the bot chose {action}, not offered"
        r.perform(action)
        r.tick(4.0)  # a deliberate pupil action takes about 4 s
        steps += 1
    return r, steps


@pytest.mark.parametrize("cid", ["r_bike_repair", "r_wiring", "r_shelf"])
@pytest.mark.parametrize("skill", [0.9, 0.1])
def test_good_and_bad_bots_reach_an_ending_in_every_level(cid, skill):
    wins = total = 0
    for kind, params in level_plan(cid):
        for difficulty in (1, 2, 3):
            for seed in range(8):
                r, steps = play(params, difficulty, skill, seed)
                assert r.finished, (
                    f"{cid} {kind} d{difficulty} skill {skill}: stuck after {steps} actions"
                )
                result = r.result()
                assert 0 <= result.score <= 1 and 0 <= result.accuracy <= 1
                if kind != "extra":
                    wins += result.success
                    total += 1
    rate = wins / total
    if skill == 0.9:
        assert rate >= 0.8, f"{cid}: a good player wins only {rate:.0%}"
    else:
        assert rate <= 0.5, f"{cid}: a careless player wins {rate:.0%}"


@pytest.mark.parametrize("cid", ["r_bike_repair", "r_wiring", "r_shelf"])
def test_a_good_player_needs_three_to_five_minutes_for_the_three_levels(cid):
    """At about 4 s per deliberate action (and the texts read at 150 words a minute)."""
    seconds = []
    data = challenge_json(cid)
    words = sum(len(lv["brief"]["en"].split()) for lv in data["levels"])
    for seed in range(10):
        total = 0
        for _kind, params in level_plan(cid)[:3]:
            _, steps = play(params, 2, 0.9, seed)
            total += 4 * steps
        seconds.append(total + words * 60 / 150)
    mean = sum(seconds) / len(seconds)
    assert 150 <= mean <= 330, f"{cid}: about {mean:.0f} s"
