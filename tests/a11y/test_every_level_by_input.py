"""Every challenge through every level and its extra shift by real input only, in English and
Spanish at 200 % text (issue 16, tests): started from its intro with the keyboard, each
board action done by mouse events through the App (a control clicked, or the mechanic's
gesture: a pick-up and a drop, a fader dragged), every level card and the result card
passed by keyboard (Enter, Tab to the extra shift); the level statements, the stars on the
result card, the extra shift's acceptance and its own result reach the record.

Slow (36 plays of four levels each): marked ``slow``, which CI still runs (``.ci/run`` runs
the whole suite); one app at a time, shut down after each play.
"""

from __future__ import annotations

import json
import random

import pygame
import pytest

from game import paths
from game.scenes.challenge_intro import ChallengeIntroScene
from game.scenes.challenge_play import ChallengePlayScene
from game.scenes.reflection import ReflectionScene
from game.sim.drive import do_action
from game.stars import stars_for
from telemetry.profile.evidence import extract_evidence
from tests.helpers import focus_label, make_app, press

#: board actions (or waits) allowed per level before the play counts as stuck
STEPS_PER_LEVEL = 400


def challenge_ids() -> list[str]:
    folder = paths.content_dir() / "challenges"
    return sorted(json.loads(p.read_text(encoding="utf-8"))["id"] for p in folder.glob("*.json"))


def statements_about(app, activity: str) -> list[tuple[str, str]]:
    """(verb, activity type) of every statement recorded on activity id ``activity``."""
    found = []
    for s in app.ctx.recorder.statements():
        if s["object"]["id"].endswith("/" + activity):
            verb = s["verb"]["id"].rsplit("/", 1)[-1]
            found.append((verb, s["object"]["definition"]["type"].rsplit("/", 1)[-1]))
    return found


def play_to_result_card(app, play: ChallengePlayScene, rng: random.Random) -> int:
    """Play every level of ``play`` by input events to its result card; the level cards
    between are passed with Enter on their focused *Next level*. Returns the levels played."""
    levels = 1
    for _ in range(STEPS_PER_LEVEL * len(play.plan)):
        assert app.ctx.scenes.top is play
        if play.card_showing and play.reported:
            return levels
        if play.card_showing:
            assert play.ui.focused is play.continue_button
            press(app, pygame.K_RETURN)
            assert not play.card_showing, "Enter on the level card starts the next level"
            levels += 1
            continue
        action = play.mechanic.bot_action(rng, 0.7)
        if action is None:  # a timed board: time passes
            app.pump([], dt=0.25)
            continue
        assert do_action(app, play, action), f"no input does {action} on the board"
        app.pump([])
    raise AssertionError(f"{play.challenge_id}: stuck on level {levels} of {len(play.plan)}")


def card_stars(play: ChallengePlayScene) -> int:
    return stars_for(play.result.score, play.result.success)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("cid", challenge_ids())
def test_every_level_and_the_extra_shift_by_input_at_200_percent(tmp_path, cid, language):
    app = make_app(tmp_path)
    try:
        ctx = app.ctx
        ctx.settings.text_scale, ctx.settings.language = 2.0, language
        app.apply_settings()
        t = ctx.t
        ctx.scenes.push(ChallengeIntroScene(cid))
        app.pump([])
        focus_label(app, t("challenge.start"))
        press(app, pygame.K_RETURN)
        play = ctx.scenes.top
        assert isinstance(play, ChallengePlayScene) and not play.extra_round
        rng = random.Random(f"{cid}-{language}")
        levels = play_to_result_card(app, play, rng)
        plan = ctx.content.challenges[cid].plan()
        assert levels == len(plan) == 3
        for n in range(1, 4):
            about = statements_about(app, f"challenge/{cid}/level/{n}")
            assert ("initialized", "level") in about and ("completed", "level") in about, n
        record = ctx.player.challenges[cid]
        assert record.plays == 1 and record.best_score == play.result.score
        assert 0 <= card_stars(play) <= 3
        assert stars_for(record.best_score, True) >= card_stars(play)
        assert ("completed", "quest") in statements_about(app, f"challenge/{cid}")

        # the same offer on every result card: Tab to it, Enter
        focus_label(app, t("challenge.extra_round"))
        press(app, pygame.K_RETURN)
        shift = ctx.scenes.top
        assert isinstance(shift, ChallengePlayScene) and shift.extra_round
        assert ("initialized", "level") in statements_about(app, f"challenge/{cid}/extra")
        kinds = [p.kind for p in extract_evidence(ctx.recorder.statements()).persistence]
        assert "extra_round" in kinds
        assert play_to_result_card(app, shift, rng) == 1
        assert ("completed", "level") in statements_about(app, f"challenge/{cid}/extra")
        assert record.plays == 2
        assert t("challenge.extra_round") not in {i.label for i in shift.ui.items}
        assert shift.ui.focused is shift.continue_button
        press(app, pygame.K_RETURN)
        assert isinstance(ctx.scenes.top, ReflectionScene)
    finally:
        app.shutdown()
