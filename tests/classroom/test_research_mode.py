"""Research mode (issue 17 item 7): a teacher switches a class into it behind the
passphrase; its pupils are told on the consent page that they will also answer a
questionnaire, and answer the 48 IIP items at the end of the lesson, recorded as a
distinct activity type the profile never reads as game evidence."""

from __future__ import annotations

import json

import pytest

from game.cli import main
from game.save import PlayerSave
from game.scenes.consent import ConsentScene
from game.scenes.questionnaire import QuestionnaireScene
from game.scenes.times_up import TimesUpScene
from game.scenes.title import TitleScene
from telemetry.classroom.class_store import SessionSettings, load_class
from tests.classroom.conftest import PASSPHRASE, simulated_class


def _class_file(data_dir) -> dict:
    return json.loads((data_dir / "classes" / "7B-2026" / "class.json").read_text())


def test_create_research_and_set_behind_the_passphrase(tmp_path, capsys) -> None:
    base = ["class", "--class", "7B-2026", "--data-dir", str(tmp_path)]
    assert (
        main(
            [
                *base[:1],
                "create",
                *base[1:],
                "--players",
                "2",
                "--research",
                "--passphrase",
                PASSPHRASE,
            ]
        )
        == 0
    )
    assert load_class(tmp_path, "7B-2026").settings.research is True
    assert _class_file(tmp_path)["settings"]["research"] is True
    assert main([base[0], "set", *base[1:], "--research", "off", "--passphrase", "wrong one"]) == 2
    assert load_class(tmp_path, "7B-2026").settings.research is True
    assert main([base[0], "set", *base[1:], "--research", "off", "--passphrase", PASSPHRASE]) == 0
    assert load_class(tmp_path, "7B-2026").settings.research is False
    assert "research" not in _class_file(tmp_path)["settings"]
    capsys.readouterr()
    assert main([base[0], "set", *base[1:], "--research", "maybe", "--passphrase", PASSPHRASE]) == 2
    err = capsys.readouterr().err.strip()
    assert err == "class: --research: 'maybe' is not on or off"


def test_a_class_file_written_before_research_mode_still_opens(tmp_path) -> None:
    info = simulated_class(tmp_path, 2, 0)
    assert "research" not in _class_file(tmp_path)["settings"]  # its seal is unchanged
    assert load_class(tmp_path, info.code).settings.research is False


def test_research_pupil_is_told_and_answers_the_questionnaire_at_times_up(tmp_path) -> None:
    from game.app import App
    from game.flow import sign_in
    from telemetry.profile.calibrate import pupil_from_statements

    info = simulated_class(tmp_path, 2, 0, settings=SessionSettings(minutes=20, research=True))
    code = info.players[0]
    app = App(tmp_path, seed=1)
    consent = ConsentScene(PlayerSave(code=code))
    app.ctx.scenes.push(consent)
    app.pump([])
    assert ("folder", "consent.research") in consent.points  # the consent page says so
    app.ctx.scenes.pop()
    now = [1000.0]
    app.ctx.clock = lambda: now[0]
    assert sign_in(app.ctx, code, new_player=PlayerSave(code=code))
    app.pump([])
    if app.ctx.scenes.top.name == "job_board":
        app.ctx.scenes.top.later()
    now[0] += 21 * 60
    app.ctx.scenes.go("times_up")
    app.pump([])
    assert isinstance(app.ctx.scenes.top, TimesUpScene)
    app.ctx.scenes.top.finish()
    app.pump([])
    quest = app.ctx.scenes.top
    assert isinstance(quest, QuestionnaireScene) and len(quest.cards) == 48
    recorder = app.ctx.recorder
    for k in range(48):
        quest.answer(None if k == 5 else 1 + k % 5)
        app.pump([])
    assert isinstance(app.ctx.scenes.top, TitleScene) and app.ctx.player is None
    from telemetry.xapi.reader import read_player_statements

    statements = read_player_statements(tmp_path, code)
    pupil = pupil_from_statements(statements)
    assert len(pupil.questionnaire.ratings) == 47  # one skipped
    assert not [r for r in pupil.game.ratings if r.kind == "item"]  # never game evidence
    assert recorder is not None


@pytest.mark.parametrize("research", [False, True])
def test_consent_points_follow_the_class(tmp_path, research) -> None:
    from game.app import App

    info = simulated_class(tmp_path, 1, 0, settings=SessionSettings(research=research))
    app = App(tmp_path, seed=1)
    consent = ConsentScene(PlayerSave(code=info.players[0]))
    app.ctx.scenes.push(consent)
    app.pump([])
    assert (("folder", "consent.research") in consent.points) is research
    assert app.ctx.t("consent.research") != "consent.research"


def test_teacher_panel_switches_research_mode_by_keyboard(tmp_path) -> None:
    """The panel's research control, pressed with Tab and Enter behind the passphrase, does
    what ``class set --research`` does: the class file, and the next pupil's consent page."""
    import pygame

    from game.scenes.teacher import TeacherPanelScene
    from tests.helpers import key, make_app

    info = simulated_class(tmp_path, 2, 0)
    app = make_app(tmp_path, signed_in=False)
    t = app.ctx.t
    app.ctx.scenes.push("teacher_login")
    app.pump([])
    for ch in PASSPHRASE:
        app.pump([pygame.event.Event(pygame.TEXTINPUT, text=ch)])
    app.pump([key(pygame.K_RETURN)])
    panel = app.ctx.scenes.top
    assert isinstance(panel, TeacherPanelScene)

    def press(label: str) -> None:
        ui = app.ctx.scenes.top.ui
        for _ in range(len(ui.items) + 1):
            if ui.focused is not None and ui.focused.label == label:
                app.pump([key(pygame.K_RETURN)])
                return
            app.pump([key(pygame.K_TAB)])
        raise AssertionError(f"no {label!r} in {[i.label for i in ui.items]}")

    press(t("teacher.research_off"))
    assert load_class(tmp_path, info.code).settings.research is True
    assert _class_file(tmp_path)["settings"]["research"] is True
    assert panel.message == t("teacher.research_now_on")
    assert t("teacher.research_on") in [i.label for i in panel.ui.items]
    consent = ConsentScene(PlayerSave(code=info.players[0]))
    app.ctx.scenes.push(consent)
    app.pump([])
    assert ("folder", "consent.research") in consent.points
    app.ctx.scenes.pop()
    app.pump([])
    press(t("teacher.research_on"))
    assert load_class(tmp_path, info.code).settings.research is False
    assert "research" not in _class_file(tmp_path)["settings"]
    assert panel.message == t("teacher.research_now_off")
