"""Learning routes per class (issue 18 item 3): the teacher sets them behind the passphrase
(``class create/set --routes``, the teacher panel), sealed in the class file; the class's
pupils see them in the Horizons Tower and their report and exports use them; outside a
class the pupil's own setting applies, by default their language's."""

from __future__ import annotations

import json

import pygame
import pytest

from game.cli import main
from game.scenes.teacher import TeacherPanelScene
from telemetry.classroom.class_store import (
    ROUTE_FRAMEWORKS,
    SessionSettings,
    TamperedClass,
    load_class,
    open_class,
)
from tests.classroom.conftest import PASSPHRASE, simulated_class
from tests.helpers import choose, finish_teacher_job, key, make_app, type_text

BASE = ["--class", "7B-2026"]
JZ3_EN = "In Scotland: Highers (SCQF 6)"  # an English-speaking pupil's default for Job Zone 3
JZ3_SPAIN = "Typical routes in Spain"  # the report's route line, Spanish framework


def _class_file(data_dir) -> dict:
    return json.loads((data_dir / "classes" / "7B-2026" / "class.json").read_text())


def _cli(data_dir, action, *extra, passphrase=PASSPHRASE) -> int:
    return main(
        ["class", action, *BASE, "--data-dir", str(data_dir), *extra, "--passphrase", passphrase]
    )


def test_the_frameworks_a_class_may_set_are_the_contents(tmp_path):
    app = make_app(tmp_path)
    assert set(ROUTE_FRAMEWORKS) == set(app.ctx.content.routes)


def test_create_and_set_routes_behind_the_passphrase_sealed(tmp_path, capsys):
    assert _cli(tmp_path, "create", "--players", "2", "--routes", "Spain") == 0
    assert load_class(tmp_path, "7B-2026").settings.routes == "spain"
    assert _class_file(tmp_path)["settings"]["routes"] == "spain"
    assert _cli(tmp_path, "set", "--routes", "england", passphrase="wrong one") == 2
    assert load_class(tmp_path, "7B-2026").settings.routes == "spain"
    assert _cli(tmp_path, "set", "--routes", "england") == 0
    assert load_class(tmp_path, "7B-2026").settings.routes == "england"
    assert _cli(tmp_path, "set", "--routes", "auto") == 0
    assert load_class(tmp_path, "7B-2026").settings.routes is None
    assert "routes" not in _class_file(tmp_path)["settings"]  # auto: as files made before
    doc = _class_file(tmp_path)
    doc["settings"]["routes"] = "scotland"  # changed outside Worktown
    (tmp_path / "classes" / "7B-2026" / "class.json").write_text(json.dumps(doc))
    with pytest.raises(TamperedClass):  # the seal covers the routes
        open_class(tmp_path, "7B-2026", PASSPHRASE)


@pytest.mark.parametrize(
    "action, extra, message",
    [
        ("create", ["--players", "2", "--routes", "wales"], "--routes: 'wales' is not one of"),
        ("create", ["--players", "2", "--routes", ""], "--routes: '' is not one of"),
        ("set", ["--routes", "scotland;rm"], "--routes: 'scotland;rm' is not one of"),
    ],
)
def test_bad_routes_are_one_clear_line_and_exit_2(tmp_path, capsys, action, extra, message):
    if action == "set":
        simulated_class(tmp_path, 2, 0)
    before = sorted(p.name for p in tmp_path.rglob("*"))
    assert _cli(tmp_path, action, *extra) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith(f"class: {message}")
    assert "scotland, england, spain or auto" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before  # nothing written


def test_set_with_nothing_to_change_says_what_it_takes(tmp_path, capsys):
    simulated_class(tmp_path, 2, 0)
    assert _cli(tmp_path, "set") == 2
    assert capsys.readouterr().err == (
        "class: set: what to change? e.g. --research on or --routes scotland\n"
    )


def _panel(app) -> TeacherPanelScene:
    choose(app, app.ctx.t("title.teacher"))
    type_text(app, PASSPHRASE)
    app.pump([key(pygame.K_RETURN)])
    panel = app.ctx.scenes.top
    assert isinstance(panel, TeacherPanelScene)
    return panel


def test_the_teacher_panel_steps_the_class_routes_by_keyboard(tmp_path):
    simulated_class(tmp_path, 2, 0)
    app = make_app(tmp_path, signed_in=False)
    t = app.ctx.t
    panel = _panel(app)
    auto = t("teacher.routes", name=t("settings.route_auto"))
    choose(app, auto)
    assert load_class(tmp_path, "7B-2026").settings.routes == "scotland"
    scotland = t("teacher.routes", name=app.ctx.pick(app.ctx.content.routes["scotland"].name))
    assert panel.message == t(
        "teacher.routes_saved",
        code="7B-2026",
        name=app.ctx.pick(app.ctx.content.routes["scotland"].name),
    )
    for _ in range(3):  # england, spain, and back to automatic
        choose(app, [i.label for i in panel.ui.items if i.label.startswith(auto[:10])][0])
    assert load_class(tmp_path, "7B-2026").settings.routes is None
    assert scotland != auto


def _tower_texts(app, soc="47-2111.00"):
    from game.scenes.horizons_tower import HorizonsTowerScene
    from game.widgets.tower_layout import detail_blocks

    tower = HorizonsTowerScene()
    app.ctx.scenes.push(tower)
    app.pump([])
    return [text for text, *_ in detail_blocks(app.ctx, app.ctx.content.occupations[soc], "")]


def _sign_in_class_player(tmp_path, settings):
    from game.app import App
    from game.flow import sign_in
    from game.save import PlayerSave

    info = simulated_class(tmp_path, 2, 1, settings=settings)
    app = App(tmp_path, seed=1)
    code = info.players[0]
    assert sign_in(app.ctx, code, new_player=PlayerSave(code=code))
    app.pump([])
    return app, info


def test_a_class_pupil_sees_the_class_routes_in_the_tower(tmp_path):
    app, _info = _sign_in_class_player(tmp_path, SessionSettings(routes="spain"))
    assert app.ctx.settings.language == "en" and app.ctx.settings.route_framework == ""
    texts = _tower_texts(app)
    assert any(x.startswith("In Spain:") for x in texts), texts
    assert not any(x.startswith(JZ3_EN) for x in texts)


def test_without_class_routes_the_pupils_own_setting_applies(tmp_path):
    """A class that sets none (auto), as for a pupil in no class (tests/zones/
    test_learning_routes.py): the pupil's setting, by default their language's."""
    app, _info = _sign_in_class_player(tmp_path, SessionSettings())  # class sets no routes
    assert any(x.startswith(JZ3_EN) for x in _tower_texts(app))  # default: the language's
    app.ctx.settings.route_framework = "england"
    assert any(x.startswith("In England:") for x in _tower_texts(app))


def test_the_report_and_exports_of_a_class_pupil_use_the_class_routes(tmp_path):
    info = simulated_class(tmp_path, 2, 1, settings=SessionSettings(routes="spain"))
    code, out = info.players[0], tmp_path / "out"
    args = ["report", code, "--format", "json,guidance", "--out", str(out)]
    assert main([*args, "--data-dir", str(tmp_path), "--passphrase", PASSPHRASE]) == 0
    doc = json.loads((out / f"{code}.json").read_text(encoding="utf-8"))
    assert doc["report"]["occupations"]["routes"]["framework"] == "spain"
    guidance = (out / f"{code}.guidance.csv").read_text(encoding="utf-8-sig")
    assert ",spain," in guidance
    assert main(["class", "export", *BASE, "--data-dir", str(tmp_path), "--out",
                 str(tmp_path / "exp"), "--passphrase", PASSPHRASE]) == 0  # fmt: skip
    doc = json.loads((tmp_path / "exp" / f"{code}.json").read_text(encoding="utf-8"))
    assert doc["report"]["occupations"]["routes"]["framework"] == "spain"


def test_the_panels_pupil_report_uses_the_class_routes(tmp_path):
    info = simulated_class(tmp_path, 2, 1, settings=SessionSettings(routes="spain"))
    app = make_app(tmp_path, signed_in=False)
    panel = _panel(app)
    panel.select(info.players[0])
    panel.start("report")
    finish_teacher_job(app, panel)
    pages = list((tmp_path / "teacher" / "7B-2026").rglob("*.html"))
    assert pages and all(JZ3_SPAIN in p.read_text(encoding="utf-8") for p in pages)
