"""Collecting a room's data without the command line (issue 13, item 23): in the teacher
panel, by keyboard alone, merge from a folder (a USB stick), write one pupil's report,
erase one pupil after a confirming second press, open the output folder; a class of 1;
no overflow at 200 % text."""

from __future__ import annotations

import shutil
import subprocess

import pygame
import pytest

from game import class_tools
from game.scenes.teacher import TeacherPanelScene
from game.scenes.teacher_create import TeacherCreateScene
from game.scenes.teacher_login import TeacherLoginScene
from telemetry.classroom.class_store import load_class
from telemetry.xapi.reader import read_player_statements
from tests.a11y.overflow import overflow_problems
from tests.classroom.conftest import PASSPHRASE, simulated_class
from tests.helpers import (
    finish_teacher_job,
    focus_label,
    key,
    make_app,
    press,
    run_main,
    type_text,
)


def _open_panel(app) -> TeacherPanelScene:
    app.ctx.scenes.push(TeacherLoginScene())
    app.pump([])
    type_text(app, PASSPHRASE)
    press(app, pygame.K_RETURN)
    panel = app.ctx.scenes.top
    assert isinstance(panel, TeacherPanelScene)
    return panel


def test_merge_from_a_usb_folder_report_and_erase_by_keyboard(tmp_path, monkeypatch):
    usb, data = tmp_path / "usb", tmp_path / "data"
    info = simulated_class(usb, 3, 2, code="ROOM-1")  # the pupils played on other PCs
    shutil.copytree(usb / "classes", data / "classes")  # the class file, copied once
    app = make_app(data, signed_in=False)
    t = app.ctx.t
    panel = _open_panel(app)
    assert not any(r["played"] for r in panel.rows)

    focus_label(app, t("teacher.merge_label"))
    type_text(app, str(tmp_path / "nowhere"))
    press(app, pygame.K_RETURN)
    assert panel.message == t("teacher.not_folder", folder=str(tmp_path / "nowhere"))
    focus_label(app, t("teacher.merge_label"))
    panel.merge_field.element.set_text("")
    type_text(app, str(usb))
    press(app, pygame.K_RETURN)
    finish_teacher_job(app, panel)
    played = info.players[:2]
    assert [r["code"] for r in panel.rows if r["played"]] == played, panel.message
    assert panel.message.startswith(
        t(
            "teacher.merged",
            players=2,
            statements=sum(len(read_player_statements(usb, c)) for c in played),
            current=0,
        )
    )

    focus_label(app, panel._row_text(panel.rows[0]))
    press(app, pygame.K_RETURN)  # choose the pupil
    assert panel.selected == played[0]
    focus_label(app, t("teacher.report", code=played[0]))
    press(app, pygame.K_RETURN)
    finish_teacher_job(app, panel)
    reports = data / "teacher" / "ROOM-1" / "reports"
    assert {p.name for p in reports.iterdir()} == {f"{played[0]}.pdf", f"{played[0]}.html"}

    opened = []
    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/" + name)
    monkeypatch.setattr(subprocess, "Popen", lambda args, **kw: opened.append(args))
    focus_label(app, t("teacher.open_folder"))
    press(app, pygame.K_RETURN)
    assert opened and opened[0][-1] == str(data / "teacher" / "ROOM-1")

    focus_label(app, t("teacher.erase_player", code=played[0]))
    press(app, pygame.K_RETURN)  # arms only
    assert (data / "players" / played[0]).exists()
    focus_label(app, t("teacher.erase_player_confirm", code=played[0]))
    press(app, pygame.K_RETURN)
    assert (
        not (data / "players" / played[0]).exists() and not (reports / f"{played[0]}.pdf").exists()
    )
    assert played[0] not in load_class(data, "ROOM-1").players
    assert "deleted from this computer" in panel.message


def test_open_folder_failure_is_one_line_with_the_path(tmp_path, monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: None)
    problem = class_tools.open_folder(tmp_path / "out", platform="linux")
    assert problem == "no xdg-open on this computer" and (tmp_path / "out").is_dir()

    def refuse(*a, **k):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(shutil, "which", lambda name: "/usr/bin/open")
    assert (
        class_tools.open_folder(tmp_path / "out", platform="darwin", run=refuse)
        == "Permission denied"
    )


def test_a_class_of_one_from_the_create_screen_and_the_command_line(tmp_path):
    app = make_app(tmp_path, signed_in=False)
    app.ctx.scenes.push(TeacherCreateScene())
    app.pump([])
    scene = app.ctx.scenes.top
    type_text(app, "ONE-1")
    scene.count_field.element.set_text("")
    focus_label(app, app.ctx.t("teacher.field_players"))
    type_text(app, "1")
    focus_label(app, app.ctx.t("teacher.field_pass"))
    type_text(app, "a good passphrase")
    focus_label(app, app.ctx.t("teacher.field_again"))
    type_text(app, "a good passphrase")
    focus_label(app, app.ctx.t("teacher.create"))
    press(app, pygame.K_RETURN)
    assert len(load_class(tmp_path, "ONE-1").players) == 1
    assert isinstance(app.ctx.scenes.top, TeacherPanelScene)
    create = ["class", "create", "--class", "ONE-2", "--players", "1"]
    done = run_main(*create, "--passphrase", PASSPHRASE, "--data-dir", str(tmp_path), timeout=120)
    assert done.returncode == 0, done.stderr
    assert len(load_class(tmp_path, "ONE-2").players) == 1


@pytest.mark.parametrize("language", ["en", "es"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_panel_at_any_text_size_has_no_overflow(tmp_path, language, scale):
    info = simulated_class(tmp_path, 12, 5, code="ROOM-2")
    app = make_app(tmp_path, signed_in=False)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = scale, scale > 1, language
    app.apply_settings()
    panel = _open_panel(app)
    panel.select(info.players[0])
    panel.armed = "player"
    panel.message = app.ctx.t(
        "teacher.failed", problem="/media/usb/a/rather/long/path/to/worktown: not a folder"
    )
    panel.rebuild()
    problems = overflow_problems(app)
    assert not problems, "\n".join(problems)
    app.pump([key(pygame.K_END)])
    assert not overflow_problems(app)


@pytest.mark.parametrize("language", ["en", "es"])
def test_create_screen_at_200_percent_has_no_overflow(tmp_path, language):
    app = make_app(tmp_path, signed_in=False)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = 2.0, True, language
    app.apply_settings()
    app.ctx.scenes.push(TeacherCreateScene())
    app.pump([])
    problems = overflow_problems(app)
    assert not problems, "\n".join(problems)
