"""Issue 13 items 4, 5, 11, 12, 20: every path into a new player shows the consent page,
signing out leaves no one-click way in, what recovery did is shown, a damaged save is
rebuilt from the store, and codes may be typed with spaces or in small letters."""

from __future__ import annotations

import json

import pygame
import pytest

from game.app import App
from game.class_tools import prepare_saves
from game.flow import sign_out
from game.save import PlayerSave
from game.scenes.code_entry import CodeEntryScene
from game.scenes.consent import ConsentScene
from game.scenes.create_player import CreatePlayerScene
from game.scenes.job_board import JobBoardScene
from game.scenes.title import TitleScene
from game.scenes.town import TownScene
from telemetry.classroom.class_store import create_class
from telemetry.classroom.consent import consent_in
from telemetry.xapi.reader import read_player_statements
from tests.helpers import TEST_CODE, key, make_app, type_text


def _class_code(data_dir, districts=None) -> str:
    """A teacher's class of one pupil, with the handout's save prepared (as `class create`)."""
    from telemetry.classroom.class_store import SessionSettings

    info = create_class(data_dir, "7B", "teacher-pass-1", 1, SessionSettings(districts=districts))
    prepare_saves(data_dir, info.players)
    return info.players[0]


def _enter_code(app, text):
    app.ctx.scenes.clear_to(CodeEntryScene())
    app.pump([])
    type_text(app, text)
    app.pump([key(pygame.K_RETURN)])


def _labels(app):
    return [item.label for item in app.ctx.scenes.top.ui.items]


def _agree_and_start(app):
    consent = app.ctx.scenes.top
    assert isinstance(consent, ConsentScene)
    assert app.ctx.recorder is None  # nothing recorded before consent
    consent.agree()
    create = app.ctx.scenes.top
    assert isinstance(create, CreatePlayerScene)
    create.start()


@pytest.mark.parametrize("path", ["code_entry", "continue", "sign_in"])
def test_a_handout_code_sees_consent_and_the_job_board_on_every_path(tmp_path, path):
    """Item 4: a pupil joining with a class code used to land on the town map, never told
    what is recorded (and never saw the odd-jobs board)."""
    code = _class_code(tmp_path)
    app = App(tmp_path, seed=2)
    app.ctx.scenes.push(TitleScene())
    app.pump([])
    if path == "code_entry":
        _enter_code(app, code)
    elif path == "continue":
        app.ctx.scenes.top.continue_as(code)  # e.g. a stale 'last player' note
    else:
        from game.flow import sign_in

        assert not sign_in(app.ctx, code)
    _agree_and_start(app)
    assert isinstance(app.ctx.scenes.top, JobBoardScene)
    assert app.ctx.recorder is not None and app.ctx.player.code == code
    assert consent_in(app.ctx.recorder.statements())
    app.shutdown()
    # the second time in, no consent page: straight to the town
    app = App(tmp_path, seed=2)
    _enter_code(app, code)
    assert (
        isinstance(app.ctx.scenes.top, (TownScene, JobBoardScene)) and app.ctx.player.code == code
    )
    app.shutdown()


def test_title_new_player_still_asks_consent_first(tmp_path):
    app = make_app(tmp_path, signed_in=False)
    app.ctx.scenes.top.new_player()
    _agree_and_start(app)
    assert isinstance(app.ctx.scenes.top, JobBoardScene)
    statements = read_player_statements(tmp_path, app.ctx.player.code)
    app.shutdown()
    assert consent_in(statements)


def test_declining_consent_with_a_handout_code_records_nothing(tmp_path):
    code = _class_code(tmp_path)
    app = make_app(tmp_path, signed_in=False)
    _enter_code(app, code)
    assert isinstance(app.ctx.scenes.top, ConsentScene)
    app.ctx.scenes.top.back()
    assert app.ctx.recorder is None and app.ctx.player is None
    folder = tmp_path / "players" / code
    assert sorted(p.name for p in folder.iterdir()) == ["save.json"]
    app.shutdown()


def test_sign_out_leaves_no_continue_but_quitting_does(tmp_path):
    """Item 5: 'Save and sign out' left 'Continue as CODE' for the next pupil."""
    app = make_app(tmp_path)
    continue_label = app.ctx.t("title.continue", code=TEST_CODE)
    app.ctx.scenes.top.sign_out()  # the hub's button
    assert isinstance(app.ctx.scenes.top, TitleScene)
    assert continue_label not in _labels(app)
    app.shutdown()
    app = make_app(tmp_path, signed_in=False)  # and after a restart
    assert continue_label not in _labels(app)
    _enter_code(app, TEST_CODE)  # typing the code still works
    assert app.ctx.player.code == TEST_CODE
    app.shutdown()  # quit without signing out
    app = make_app(tmp_path, signed_in=False)
    assert continue_label in _labels(app)  # a pupil alone on their own PC
    app.shutdown()


def test_a_class_player_is_never_offered_continue(tmp_path):
    """Class lessons run on shared PCs: quitting without signing out must not let the next
    pupil in either."""
    code = _class_code(tmp_path)
    app = App(tmp_path, seed=2)
    _enter_code(app, code)
    _agree_and_start(app)
    app.shutdown()  # the window closed at the bell
    app = make_app(tmp_path, signed_in=False)
    assert not any(code in label for label in _labels(app))
    app.shutdown()


def test_times_up_sign_out_forgets_the_player_too(tmp_path):
    from game.scenes.times_up import TimesUpScene

    app = make_app(tmp_path)
    app.ctx.scenes.push(TimesUpScene())
    app.pump([])
    app.ctx.scenes.top.finish()
    assert app.ctx.t("title.continue", code=TEST_CODE) not in _labels(app)
    app.shutdown()


def test_recovery_after_a_crash_is_told(tmp_path):
    """Item 11: sign_in cleared the recovery notice right after adding it."""
    from telemetry.xapi.recorder import Recorder

    make_app(tmp_path).shutdown()
    rec = Recorder.open(tmp_path, TEST_CODE)
    for i in range(3):
        rec.record("used", "item", f"hint/crash{i}")
    assert rec.wait_durable(10)
    rec._writer.stop()  # the process dies: no compaction, no close
    rec._store._lock.release()
    app = make_app(tmp_path, signed_in=False)
    _enter_code(app, TEST_CODE)
    assert app.ctx.player.code == TEST_CODE
    want = app.ctx.t("notice.recovered_crash", n=3)
    assert want in app.ctx.notices
    app.shutdown()


def test_a_clean_sign_in_shows_no_recovery_line(tmp_path):
    make_app(tmp_path).shutdown()
    app = make_app(tmp_path, signed_in=False)
    _enter_code(app, TEST_CODE)
    assert app.ctx.notices == []
    app.shutdown()


@pytest.mark.parametrize(
    "damage",
    [
        b'{"version": 2, "code": ',
        b"\x00\xff garbage",
        b"[1, 2]",
        b'{"version": 2, "code": "TEST-CODE-11", "challenges": 5}',
    ],
)
def test_a_damaged_save_is_rebuilt_from_the_store(tmp_path, damage):
    """Item 12: any damage to save.json refused sign-in with a raw JSON error and an
    absolute path, although the store was intact."""
    from tests.helpers import start_challenge

    app = make_app(tmp_path)
    ctx = app.ctx
    challenge = next(iter(ctx.content.challenges))
    scene = start_challenge(app, challenge)
    scene._finish()  # a played challenge, as the UI ends one
    from game.flow import toggle_saved_occupation

    occupation = next(iter(ctx.content.occupations))
    toggle_saved_occupation(ctx, occupation)
    ctx.player.avatar_shape = "star"
    best = ctx.player.challenges[challenge].best_score
    sign_out(ctx)
    ctx.player = None
    save = tmp_path / "players" / TEST_CODE / "save.json"
    save.write_bytes(damage)
    _enter_code(app, TEST_CODE)
    assert ctx.player is not None and ctx.player.code == TEST_CODE  # signed in
    assert ctx.player.challenges[challenge].plays == 1
    assert ctx.player.challenges[challenge].best_score == pytest.approx(best)
    assert ctx.player.saved_occupations == [occupation]
    notice = ctx.t("notice.save_rebuilt", n=1)
    assert ctx.notices and ctx.notices[0] == notice
    assert str(tmp_path) not in " ".join(ctx.notices) and "\n" not in notice
    assert list(save.parent.glob("save.json.damaged-*"))  # kept for inspection
    app.shutdown()
    assert json.loads(save.read_text())["challenges"][challenge]["plays"] == 1


def test_codes_typed_with_spaces_or_small_letters_are_accepted(tmp_path):
    """Item 20: `wise maple 77` is WISE-MAPLE-77 (spaces used to be refused as keys)."""
    from game.flow import sign_in

    app = make_app(tmp_path, signed_in=False)
    assert sign_in(app.ctx, "WISE-MAPLE-77", new_player=PlayerSave(code="WISE-MAPLE-77"))
    sign_out(app.ctx)
    app.ctx.player = None
    for typed in ("wise maple 77", "  Wise  Maple-77 ", "wise_maple_77"):
        _enter_code(app, typed)
        assert app.ctx.player is not None and app.ctx.player.code == "WISE-MAPLE-77", typed
        sign_out(app.ctx)
        app.ctx.player = None
    app.shutdown()


def test_create_player_says_what_is_true_about_other_computers(tmp_path):
    app = make_app(tmp_path, signed_in=False)
    for lang in ("en", "es"):
        app.ctx.i18n.set_language(lang)
        text = app.ctx.t("create.write_it_down")
        assert "any computer" not in text and "cualquier ordenador" not in text
        assert ("this computer" in text) or ("este ordenador" in text)
    app.shutdown()
