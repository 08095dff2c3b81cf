"""The Persuaders' mechanic (market stall, app pitch, festival deals): bots finish every
challenge at every difficulty through ``perform``, skill shows in the results, difficulty
changes real parameters, broken params get clear messages, and the real hosting scene
draws every phase and can be played with the keyboard alone."""

from __future__ import annotations

import random

import pygame
import pytest

from telemetry.words import languages
from tests.helpers import make_app
from tests.zones.kit import FakeKit, bot_play, broken_params, build_mechanic, family_params
from zones.challenges.enterprise import EnterpriseMechanic
from zones.challenges.enterprise_deal import DealGame
from zones.challenges.enterprise_pitch import PitchGame
from zones.challenges.enterprise_stall import StallGame

CHALLENGES = ("e_market_stall", "e_app_pitch", "e_festival")


PARAMS = family_params("enterprise")


def make(cid: str, difficulty: int, seed: int = 0):
    kit = FakeKit(show_values=True)
    return build_mechanic(EnterpriseMechanic, PARAMS[cid], difficulty, seed, kit)


def play(mech, skill: float, seed: int, limit: int = 400) -> int:
    return bot_play(mech, skill, seed, limit)


# -- bots play the real rules ----------------------------------------------------------
@pytest.mark.parametrize("cid", CHALLENGES)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize("skill", [1.0, 0.3])
def test_bots_finish_every_challenge(cid, difficulty, skill):
    for seed in range(8):
        mech = make(cid, difficulty, seed)
        steps = play(mech, skill, seed)
        assert mech.finished, (
            f"{cid} d{difficulty} skill {skill} seed {seed}: not done after {steps} actions"
        )
        assert mech.bot_action(random.Random(0), skill) is None
        result = mech.result()
        assert 0.0 <= result.score <= 1.0 and 0.0 <= result.accuracy <= 1.0
        assert mech.progress == pytest.approx(1.0) or not result.success
        if skill == 1.0:
            assert result.success, (
                f"{cid} d{difficulty} seed {seed}: perfect player failed: {result}"
            )
            assert result.accuracy == 1.0 and result.score >= 0.7


@pytest.mark.parametrize("cid", CHALLENGES)
def test_skill_shows_in_the_score(cid):
    def mean(skill):
        scores = []
        for seed in range(20):
            mech = make(cid, 2, seed)
            play(mech, skill, seed)
            scores.append(mech.result().score)
        return sum(scores) / len(scores)

    assert mean(1.0) > mean(0.5) > mean(0.0)


def test_mode_picks_the_game_and_layout():
    kinds = {cid: type(make(cid, 1)) for cid in CHALLENGES}
    assert kinds == {"e_market_stall": StallGame, "e_app_pitch": PitchGame, "e_festival": DealGame}
    assert all(m.family == "enterprise" for m in (make(c, 1) for c in CHALLENGES))


def test_difficulty_changes_real_parameters():
    stalls = [make("e_market_stall", d) for d in (1, 2, 3)]
    assert [s.start_coins for s in stalls] == sorted((s.start_coins for s in stalls), reverse=True)
    assert len(stalls[2].queues[0]) > len(stalls[0].queues[0])
    assert stalls[0].time_limit == 0 < stalls[2].time_limit < stalls[1].time_limit
    pitches = [make("e_app_pitch", d) for d in (1, 2, 3)]
    assert len(pitches[2].investors) >= len(pitches[0].investors)
    assert len(pitches[2].wants[0]) > len(pitches[0].wants[0])
    deals = [make("e_festival", d) for d in (1, 2, 3)]
    assert deals[0].budget > deals[2].budget and deals[0].days > deals[2].days
    assert len(deals[2].needs) > len(deals[0].needs)


def test_market_stall_rules():
    mech = make("e_market_stall", 1, seed=3)
    pid, pays = mech.queue[0]
    coins = mech.coins_now
    mech.perform(mech.actions()[0].__class__("buy", pid))
    assert mech.stock[pid] == 1 and mech.coins_now == coins - mech.products[pid].cost
    mech.perform(mech.actions()[0].__class__("open"))
    assert mech.phase == "serve"
    if pays < 2:  # asking too much loses the sale
        mech.perform(mech.actions()[0].__class__("sell", "2"))
        assert mech.stock[pid] == 1 and mech.lost == 1 and mech.feedback_good is False


def test_time_runs_out_on_hard():
    for cid in ("e_market_stall", "e_app_pitch"):
        mech = make(cid, 3)
        for _ in range(400):
            mech.update(1.0)
        assert mech.finished and not mech.result().success


def test_events_for_telemetry():
    mech = make("e_festival", 2)
    play(mech, 1.0, 1)
    kinds = {kind for kind, _ in mech.pop_events()}
    assert {"choice", "progress"} <= kinds


# -- params validation --------------------------------------------------------------------
def problems(params):
    return EnterpriseMechanic.validate_params(params, languages())


@pytest.mark.parametrize("cid", CHALLENGES)
def test_shipped_params_are_valid(cid):
    assert problems(PARAMS[cid]) == []


def broken(cid, change):
    return broken_params(EnterpriseMechanic, PARAMS[cid], change)


def test_validate_params_names_the_problem():
    assert problems({}) == ["mode: must be one of ['deal', 'pitch', 'stall']"]
    cases = [
        (
            "e_market_stall",
            lambda p: p["products"][0].update(prices=[5, 3, 4]),
            "products[0].prices",
        ),
        (
            "e_market_stall",
            lambda p: p["products"][1]["label"].pop("es"),
            "products[1].label: language 'es'",
        ),
        (
            "e_market_stall",
            lambda p: p["rounds"][0].update(demand={"unicorns": 2}),
            "rounds[0].demand",
        ),
        ("e_market_stall", lambda p: p.update(budget=[30, 20]), "budget: must be three numbers"),
        ("e_market_stall", lambda p: p.update(moods=p["moods"][:2]), "moods: needs exactly 3"),
        (
            "e_app_pitch",
            lambda p: p["arguments"][0].update(interest="vibes"),
            "arguments[0].interest",
        ),
        ("e_app_pitch", lambda p: p["investors"][0].update(wants=["money"]), "investors[0].wants"),
        ("e_app_pitch", lambda p: p.update(asks=[500, 100, 300]), "asks: needs at least 3 rising"),
        (
            "e_app_pitch",
            lambda p: p.update(investors_count=[3, 3, 9]),
            "investors_count: more investors",
        ),
        ("e_festival", lambda p: p["suppliers"][0].update(need="fireworks"), "suppliers[0].need"),
        ("e_festival", lambda p: p["suppliers"][2].update(flex=150), "suppliers[2].flex"),
        ("e_festival", lambda p: p.update(cuts=[40, 10]), "cuts: needs 2–4 rising"),
        ("e_festival", lambda p: p.update(time_limit="soon"), "time_limit: must be three numbers"),
        (
            "e_festival",
            lambda p: p.update(
                suppliers=[s for s in p["suppliers"] if s["need"] != "food"][:9]
                + [s for s in p["suppliers"] if s["need"] == "food"][:1]
            ),
            "need 'food' needs at least 2 suppliers",
        ),
    ]
    for cid, change, expected in cases:
        found = broken(cid, change)
        assert any(expected in line for line in found), f"{cid}: expected '{expected}' in {found}"


# -- the real hosting scene ---------------------------------------------------------------
def test_scene_draws_every_phase_in_both_palettes(tmp_path):
    from game import art
    from tests.helpers import start_challenge

    app = make_app(tmp_path)
    for high_contrast in (False, True):
        palette = art.Palette.contrast() if high_contrast else art.Palette.normal()
        app.ctx.palette = app.ctx.painter.palette = palette
        for language in ("en", "es"):
            app.ctx.i18n.set_language(language)
            for cid in CHALLENGES:
                for difficulty in (1, 3):
                    scene = start_challenge(app, cid, difficulty)
                    rng = random.Random(difficulty)
                    for _ in range(200):
                        app.draw()
                        if scene.mechanic.finished:
                            break
                        scene.perform(scene.mechanic.bot_action(rng, 0.6))
                    assert scene.mechanic.finished and scene.level_done  # the level's card shows
                    app.pump([])
                    app.draw()
                    scene.stop()
                    app.pump([])
    app.shutdown()


@pytest.mark.parametrize("cid", CHALLENGES)
def test_keyboard_only_playthrough(tmp_path, cid):
    from tests.helpers import focus_item, key, start_challenge

    app = make_app(tmp_path)
    scene = start_challenge(app, cid, 1)
    mech = scene.mechanic
    rng = random.Random(2)
    for _ in range(120):
        if mech.finished:
            break
        wanted = mech.bot_action(rng, 1.0)
        target = next(b.spot for b in mech.buttons if b.action == wanted and b.spot.visible)
        focus_item(app, target)
        app.pump([key(pygame.K_RETURN)])
    assert mech.finished and scene.level_done and scene.level_results[-1].success
    statements = app.ctx.recorder.statements()
    verbs = {s["verb"]["id"].rsplit("/", 1)[-1] for s in statements}
    assert {"initialized", "selected", "completed"} <= verbs
    app.shutdown()
