"""The teacher panel and class sessions in the real headless game."""

from __future__ import annotations

import pygame

from game.scenes.teacher import TeacherPanelScene
from game.scenes.teacher_login import TeacherLoginScene
from game.scenes.times_up import TimesUpScene
from game.scenes.title import TitleScene
from game.scenes.town import TownScene
from telemetry.classroom.class_store import SessionSettings
from tests.classroom.conftest import PASSPHRASE, class_pupil_app, simulated_class
from tests.helpers import choose, finish_teacher_job, key, make_app, type_text


def test_title_teacher_button_passphrase_panel_and_two_step_erase(tmp_path):
    info = simulated_class(tmp_path, 4, 3)
    app = make_app(tmp_path, signed_in=False)
    t = app.ctx.t
    assert isinstance(app.ctx.scenes.top, TitleScene)
    choose(app, t("title.teacher"))
    login = app.ctx.scenes.top
    assert isinstance(login, TeacherLoginScene) and login.entry.is_text_hidden
    type_text(app, "wrong passphrase")
    login.submit()
    assert login.problem == t("teacher.wrong") and isinstance(app.ctx.scenes.top, TeacherLoginScene)
    type_text(app, PASSPHRASE)
    app.pump([key(pygame.K_RETURN)])
    panel = app.ctx.scenes.top
    assert isinstance(panel, TeacherPanelScene)
    assert [r["code"] for r in panel.rows] == info.players
    assert sum(r["played"] for r in panel.rows) == 3
    panel.start("handout")
    finish_teacher_job(app, panel, 30)
    assert (tmp_path / "teacher" / "7B-2026" / "7B-2026-codes.pdf").exists()
    target = info.players[0]
    panel.select(target)
    choose(app, t("teacher.erase_player", code=target))  # first press arms
    assert (tmp_path / "players" / target).exists()
    choose(app, t("teacher.erase_player_confirm", code=target))  # second press erases
    assert not (tmp_path / "players" / target).exists()
    assert [r["code"] for r in panel.rows] == info.players[1:]


def test_class_player_gets_timer_closed_districts_and_gentle_end(tmp_path):
    settings = SessionSettings(minutes=20, districts=["workshop_yard"])
    app, now = class_pupil_app(tmp_path, settings)
    hub = app.ctx.scenes.top
    assert isinstance(hub, TownScene)
    session = app.ctx.class_session
    assert session.class_code == "7B-2026" and session.seconds_left(now[0]) == 1200
    first = app.ctx.recorder.statements()[0]  # the class is named in every statement
    assert first["actor"]["account"]["homePage"].endswith("/classes/7B-2026")
    assert "7B-2026" in first["context"]["extensions"].values()
    hub.open_district("discovery_lab")  # closed: stays at the hub
    assert app.ctx.scenes.top is hub and app.ctx.notices[-1] == app.ctx.t("teacher.closed_notice")
    hub.open_district("workshop_yard")
    district = app.ctx.scenes.top
    assert district is not hub
    now[0] += 21 * 60  # time runs out inside a district
    app.pump([])
    assert app.ctx.scenes.top is district  # the current step is not cut short
    while not isinstance(app.ctx.scenes.top, TownScene | TimesUpScene):
        app.ctx.scenes.pop()  # back to the hub, step by step
    app.pump([])
    assert isinstance(app.ctx.scenes.top, TimesUpScene)
    choose(app, app.ctx.t("teacher.times_up_ok"))
    assert isinstance(app.ctx.scenes.top, TitleScene) and app.ctx.player is None
    assert app.ctx.recorder is None
