"""Screens that keep their page between frames (``page_key``) draw it again when what
they show changes: the intro's chosen rating, the reflection's answers and skills, the
mentor's answer and activity question. Each changed frame equals a fresh drawing."""

from game.scenes.challenge_intro import ChallengeIntroScene
from game.scenes.mentor import MentorScene
from game.scenes.reflection import ReflectionScene
from tests.helpers import frame, fresh_frame, make_app


def _changes_are_drawn(app, scene, changes):
    app.ctx.scenes.push(scene)
    before = frame(app)
    assert scene._kept is not None and frame(app) == before
    for change in changes:
        change()
        after = frame(app)
        assert after != before, f"{scene.name}: {change} is drawn"
        assert after == fresh_frame(app)
        before = after
    app.ctx.scenes.pop()


def test_intro_reflection_and_mentor_redraw_what_changed(tmp_path):
    app = make_app(tmp_path)
    ctx = app.ctx
    challenge = next(iter(ctx.content.challenges))
    intro = ChallengeIntroScene(challenge)
    _changes_are_drawn(app, intro, [lambda: intro.rate(4), lambda: intro.set_difficulty(3)])
    reflection = ReflectionScene(challenge)
    _changes_are_drawn(
        app,
        reflection,
        [
            lambda: reflection.rate(5),
            lambda: reflection.could("yes"),
            lambda: reflection.toggle(reflection.skill_options[0]),
        ],
    )
    mentor = MentorScene(ctx.content.mentor_of(ctx.content.districts[0].id).id)
    _changes_are_drawn(app, mentor, [lambda: mentor.ask(mentor.mentor.questions[0].id)])
    app.shutdown()
