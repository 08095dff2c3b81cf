"""Keyboard-only play: from the town (arrow keys to a quarter's board), one challenge in every
district, with posted KEYDOWN events only (Tab to reach a labelled control, Enter to use it);
settings from any screen with F1; remapped keys drive every focus layer."""

import pygame
import pytest

from game.scenes.challenge_intro import ChallengeIntroScene
from game.scenes.challenge_play import ChallengePlayScene
from game.scenes.district import DistrictScene
from game.scenes.quick_question import QuickQuestionScene
from game.scenes.reflection import ReflectionScene
from game.scenes.settings_screen import SettingsScene
from game.scenes.town import TownScene
from game.settings import Settings, settings_path
from tests.helpers import TEST_CODE, choose, focus_label, make_app, press, walk_and_enter

DISTRICTS = [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize("index", DISTRICTS)
def test_one_challenge_per_district_with_the_keyboard_alone(tmp_path, index):
    app = make_app(tmp_path)
    ctx, t = app.ctx, app.ctx.t
    district = ctx.content.districts[index]
    assert isinstance(ctx.scenes.top, TownScene)
    walk_and_enter(app, "district", district.id)  # arrow keys to its notice board, Enter
    if isinstance(ctx.scenes.top, QuickQuestionScene):
        choose(app, t("rate.item3"))
    assert isinstance(ctx.scenes.top, DistrictScene) and ctx.scenes.top.district_id == district.id
    choose(app, t("district.play"))  # the first card
    intro = ctx.scenes.top
    assert isinstance(intro, ChallengeIntroScene)
    challenge_id = intro.challenge_id
    assert challenge_id in district.challenges
    choose(app, t("challenge.start"))
    play = ctx.scenes.top
    assert isinstance(play, ChallengePlayScene)
    skip = {t("challenge.stop"), t("settings.title")}
    for step in range(600 * len(ctx.content.challenges[challenge_id].plan())):
        if play.card_showing and play.reported:
            break
        if play.card_showing:  # a level card: Enter on Next level
            choose(app, t("challenge.next_level"))
            continue
        action = play.mechanic.bot_action(ctx.rng, 1.0)
        label = play.mechanic.label_for(action) if action is not None else ""
        if not label:
            # a mechanic that names no control per action: pick any control it offers,
            # reaching it with Tab like a player trying things out
            offered = [
                i.label for i in play.ui.items if i.enabled and i.visible and i.label not in skip
            ]
            label = offered[step * 7 % len(offered)]
        choose(app, label)
        app.pump([], dt=0.5)
    assert play.mechanic.finished and play.reported
    choose(app, t("challenge.continue"))
    assert isinstance(ctx.scenes.top, ReflectionScene)
    record = ctx.player.challenges[challenge_id]
    assert record.plays == 1
    kinds = {
        s["verb"]["id"].rsplit("/", 1)[-1]
        for s in ctx.recorder.statements()
        if s["object"]["id"].endswith(f"challenge/{challenge_id}")
    }
    assert "completed" in kinds
    app.shutdown()


def test_f1_opens_settings_from_a_challenge_and_escape_returns(tmp_path):
    app = make_app(tmp_path)
    ctx = app.ctx
    ctx.scenes.push(ChallengePlayScene(ctx.content.districts[0].challenges[0], 2))
    app.pump([])
    press(app, pygame.K_F1)
    assert isinstance(ctx.scenes.top, SettingsScene)
    press(app, pygame.K_F1)  # not stacked twice
    assert sum(isinstance(s, SettingsScene) for s in ctx.scenes) == 1
    press(app, pygame.K_ESCAPE)
    assert isinstance(ctx.scenes.top, ChallengePlayScene)


def test_gear_in_every_header_is_reachable_by_keyboard(tmp_path):
    app = make_app(tmp_path)
    choose(app, app.ctx.t("settings.title"))  # the hub's gear
    assert isinstance(app.ctx.scenes.top, SettingsScene)


def test_remapped_keys_drive_navigation_and_are_saved_per_player(tmp_path):
    app = make_app(tmp_path)
    ctx, t = app.ctx, app.ctx.t
    choose(app, t("settings.title"))
    choose(app, t("a11y.change_keys"))
    remap = ctx.scenes.top
    assert remap.name == "key_remap"
    focus_label(app, remap.key_label("next"))  # "Tab": the next-key button
    press(app, pygame.K_RETURN)
    press(app, pygame.K_n)  # next is now N
    assert ctx.settings.key_for("next") == "n"
    focus_label(app, remap.key_label("back"), next_key=pygame.K_n)
    press(app, pygame.K_RETURN)
    press(app, pygame.K_BACKSPACE)  # back is now Backspace
    assert ctx.flush_saves()  # settings are written in the background
    saved, problem = Settings.load(settings_path(ctx.data_dir, TEST_CODE))
    assert problem is None and saved.key_bindings == {"next": "n", "back": "backspace"}
    assert not (ctx.data_dir / "settings.json").exists()  # the installation file is untouched
    press(app, pygame.K_BACKSPACE)  # leaves the keys screen
    press(app, pygame.K_BACKSPACE)  # and the settings
    hub = ctx.scenes.top
    assert isinstance(hub, TownScene)
    before = hub.ui.focus_index
    press(app, pygame.K_TAB)  # Tab no longer moves focus
    assert hub.ui.focus_index == before
    press(app, pygame.K_n)
    assert hub.ui.focus_index != before
