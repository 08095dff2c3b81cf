"""A mentor's own-field questions include "Which would you rather do?" pairs (issue 17
item 3): never in place of the answer the pupil asked for, one of the mentor's own
activities against another kind's, recorded so the profile reads it as a pair."""

from __future__ import annotations

from game.scenes.mentor import MentorScene
from telemetry.profile.evidence import extract_evidence
from telemetry.xapi.decode import decode
from tests.helpers import at_reading_pace, make_app


def test_second_question_brings_a_pair_after_the_answer(tmp_path) -> None:
    app = make_app(tmp_path)
    at_reading_pace(app)
    ctx = app.ctx
    mentor = next(iter(ctx.content.mentors.values()))
    scene = MentorScene(mentor.id)
    ctx.scenes.push(scene)
    app.pump([])
    first, second = mentor.questions[0], mentor.questions[1 % len(mentor.questions)]
    scene.ask(first.id)
    assert scene.pending_item is not None and scene.pending_pair is None
    scene.answer_item(4)
    scene.ask(second.id)
    assert scene.answer_text == ctx.pick(second.answer)  # the pupil's answer comes first
    own, other = scene.pending_pair
    assert own in mentor.items
    assert ctx.content.items[own].riasec != ctx.content.items[other].riasec
    labels = [i.label for i in scene.ui.items]
    assert ctx.pick(ctx.content.items[own].text) in labels and ctx.t("pair.skip") in labels
    scene.answer_pair(other)
    app.pump([])
    assert scene.pending_pair is None and scene.thanks
    last = decode(ctx.recorder.statements()[-1])
    assert (last.activity, last.response, last.ext["source"], last.ext["mentor"]) == (
        f"pair/{own}/{other}",
        other,
        "mentor",
        mentor.id,
    )
    ev = extract_evidence(ctx.recorder.statements())
    assert [(p.chosen, p.where) for p in ev.pairs] == [(other, "mentor")]
    scene.ask(first.id)
    scene.answer_item(3)
    scene.ask(second.id)
    assert scene.pending_pair is not None and own not in scene.pending_pair  # a new pair
    app.shutdown()


def test_an_answer_with_no_activity_question_open_records_nothing(tmp_path) -> None:
    """A 1-5 answer when the mentor asked nothing (a script, a press after the card went)
    is ignored, where it used to look up item ``None`` and fail."""
    app = make_app(tmp_path)
    ctx = app.ctx
    scene = MentorScene(next(iter(ctx.content.mentors)))
    ctx.scenes.push(scene)
    app.pump([])
    before = len(ctx.recorder.statements())
    scene.answer_item(4)
    assert scene.pending_item is None and not scene.thanks
    assert len(ctx.recorder.statements()) == before
    app.shutdown()
