"""The class session and its clock follow the scene stack (issue 14 item 3): no scene and
not the scene base class call them."""

from __future__ import annotations

from game import class_session
from game.scene import Scene
from telemetry.classroom.class_store import SessionSettings
from tests.classroom.conftest import class_pupil_app


class BareHub(Scene):
    """A scene named like the hub that calls nothing: only the stack can start a lesson."""

    name = "hub"


class Step(Scene):
    name = "step"


def _class_app(tmp_path, **settings):
    return class_pupil_app(tmp_path, SessionSettings(**settings))


def test_the_lesson_starts_and_times_out_on_whatever_the_stack_shows_as_the_hub(tmp_path):
    app, now = _class_app(tmp_path, minutes=20)
    ctx = app.ctx
    class_session.end(ctx)
    assert ctx.class_session is None
    ctx.scenes.clear_to(BareHub())  # calls no class_session function
    assert class_session.current(ctx) is not None and ctx.class_session.minutes == 20
    ctx.scenes.push(Step())
    now[0] += 21 * 60
    assert ctx.scenes.top.name == "step"  # a step in progress is not cut short
    ctx.scenes.pop()  # back at the hub: time's up on top
    assert ctx.scenes.top.name == "times_up"
    app.shutdown()


def test_the_hub_is_built_once_already_in_the_class_language(tmp_path, monkeypatch):
    """The session starts as the hub is about to be entered (not after it was built), so the
    hub is built once, in the class's language, knowing its closed districts."""
    from game.scenes.town import TownScene

    builds = []
    original = TownScene.build

    def counted(self):
        builds.append(self.ctx.i18n.language)
        original(self)

    monkeypatch.setattr(TownScene, "build", counted)
    app, _ = _class_app(tmp_path, minutes=20, language="es", districts=["workshop_yard"])
    hub = app.ctx.scenes.top
    assert isinstance(hub, TownScene) and builds == ["es"]
    suggested = hub.suggestion and app.ctx.content.district_of(hub.suggestion).id
    assert suggested in (None, "workshop_yard")
    app.shutdown()


def test_the_header_clock_is_a_badge_every_screen_shows(tmp_path):
    app, now = _class_app(tmp_path, minutes=20)
    ctx = app.ctx
    timer = ctx.t("teacher.timer", minutes=20, seconds="00")

    def header_texts():
        app.painter.recorder = []
        try:
            app.draw()
            return [d.text for d in app.painter.recorder]
        finally:
            app.painter.recorder = None

    assert timer in header_texts()
    ctx.scenes.go("passport")
    assert timer in header_texts()
    badges, ctx.header_badges[:] = list(ctx.header_badges), []
    assert timer not in header_texts()  # the header knows no class session
    ctx.header_badges[:] = badges
    app.shutdown()
