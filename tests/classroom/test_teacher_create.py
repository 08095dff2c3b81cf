"""Creating a class in the teacher panel, with the keyboard alone."""

from __future__ import annotations

from game.scenes.teacher import TeacherPanelScene
from game.scenes.teacher_create import TeacherCreateScene
from telemetry.classroom.class_store import load_class
from telemetry.classroom.passphrase import verify_passphrase
from tests.helpers import choose, focus_label, make_app, type_text


def test_create_a_class_by_keyboard(tmp_path):
    app = make_app(tmp_path, signed_in=False)
    t = app.ctx.t
    choose(app, t("title.teacher"))
    choose(app, t("teacher.new_class"))
    form = app.ctx.scenes.top
    assert isinstance(form, TeacherCreateScene)
    type_text(app, "9C-2027")  # the class code field has the keyboard
    focus_label(app, t("teacher.field_players"))
    form.count_field.element.set_text("")
    type_text(app, "20")
    choose(app, t("teacher.minutes", n=40))
    closed = app.ctx.content.districts[1]
    choose(app, "✓ " + app.ctx.pick(closed.name))  # close one district
    focus_label(app, t("teacher.field_pass"))
    type_text(app, "correct horse battery")
    focus_label(app, t("teacher.field_again"))
    type_text(app, "correct horse battery")
    choose(app, t("teacher.create"))
    assert isinstance(app.ctx.scenes.top, TeacherPanelScene), form.problem
    info = load_class(tmp_path, "9C-2027")
    assert len(info.players) == 20 and info.settings.minutes == 40
    assert closed.id not in info.settings.districts and len(info.settings.districts) == 5
    assert verify_passphrase("correct horse battery", info.passphrase_hash)
    assert all((tmp_path / "players" / code / "save.json").exists() for code in info.players)
    assert "correct horse" not in (tmp_path / "classes" / "9C-2027" / "class.json").read_text()


def test_mismatched_passphrases_are_refused(tmp_path):
    app = make_app(tmp_path, signed_in=False)
    from game.scenes.teacher_create import TeacherCreateScene as Form

    app.ctx.scenes.push(Form())
    app.pump([])
    form = app.ctx.scenes.top
    type_text(app, "9C-2027")
    focus_label(app, app.ctx.t("teacher.field_pass"))
    type_text(app, "first passphrase")
    focus_label(app, app.ctx.t("teacher.field_again"))
    type_text(app, "other passphrase")
    form.create()
    assert form.problem == app.ctx.t("teacher.pass_mismatch")
    assert not (tmp_path / "classes" / "9C-2027").exists()
