"""Issue 13 item 18: Stop and Escape ask once before a half-done challenge is thrown
away (keyboard usable: Escape or Enter on the focused *Keep playing* keeps it); Escape in
an extra round, once confirmed, goes on to the reflection; a fresh, untouched challenge
stops at once; Escape on the result card goes on to the reflection."""

import pygame

from game.scenes.challenge_play import ChallengePlayScene
from game.scenes.confirm import ConfirmScene
from game.scenes.district import DistrictScene
from game.scenes.reflection import ReflectionScene
from game.sim.drive import do_action
from tests.helpers import focus_label, make_app, press, start_challenge

CID = "i_sick_dog"


def _half_done(app, play):
    rng = __import__("random").Random(2)
    while play.mechanic.progress <= 0:
        assert do_action(app, play, play.mechanic.bot_action(rng, 1.0))
    assert not play.mechanic.finished


def _skips(app):
    return [s for s in app.ctx.recorder.statements() if s["verb"]["id"].endswith("/skipped")]


def test_escape_asks_and_keep_playing_keeps_the_challenge(tmp_path):
    app = make_app(tmp_path)
    play = start_challenge(app, CID)
    _half_done(app, play)
    progress = play.mechanic.progress
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.ctx.scenes.top, ConfirmScene)
    press(app, pygame.K_ESCAPE)  # Escape again: keep playing
    assert app.ctx.scenes.top is play and play.mechanic.progress == progress
    press(app, pygame.K_ESCAPE)
    press(app, pygame.K_RETURN)  # Enter on the focused default: keep
    assert app.ctx.scenes.top is play and not _skips(app)
    app.shutdown()


def test_stop_button_asks_once_then_stops(tmp_path):
    app = make_app(tmp_path)
    play = start_challenge(app, CID)
    _half_done(app, play)
    focus_label(app, app.ctx.t("challenge.stop"))
    press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.scenes.top, ConfirmScene)
    focus_label(app, app.ctx.t("confirm.stop"))
    press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.scenes.top, DistrictScene)
    assert len(_skips(app)) == 1
    app.shutdown()


def test_an_untouched_challenge_stops_without_asking(tmp_path):
    app = make_app(tmp_path)
    start_challenge(app, CID)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.ctx.scenes.top, DistrictScene)
    app.shutdown()


def test_escape_in_an_extra_round_goes_on_to_the_reflection(tmp_path):
    app = make_app(tmp_path)
    app.ctx.scenes.push(ChallengePlayScene(CID, 2, extra_round=True))
    app.pump([])
    play = app.ctx.scenes.top
    _half_done(app, play)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.ctx.scenes.top, ConfirmScene)
    focus_label(app, app.ctx.t("confirm.stop"))
    press(app, pygame.K_RETURN)
    assert (
        isinstance(app.ctx.scenes.top, ReflectionScene) and app.ctx.scenes.top.challenge_id == CID
    )
    app.shutdown()


def test_escape_on_the_result_card_goes_on_to_the_reflection(tmp_path):
    app = make_app(tmp_path)
    play = start_challenge(app, CID)
    rng = __import__("random").Random(2)
    while not play.mechanic.finished:
        assert do_action(app, play, play.mechanic.bot_action(rng, 1.0))
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.ctx.scenes.top, ReflectionScene)
    app.shutdown()


def test_confirm_texts_exist_in_every_language(tmp_path):
    app = make_app(tmp_path)
    for lang in ("en", "es"):
        app.ctx.i18n.set_language(lang)
        for key in ("confirm.stop_q", "confirm.stop_extra_q", "confirm.keep", "confirm.stop"):
            assert app.ctx.t(key) != key
    app.shutdown()
