"""Whom a player sits down with at the Network Café is a free choice among six kinds of
work, recorded with the options so the profile reads it as interest evidence."""

from game.commands.report import content_summary
from game.landmarks import open_landmark
from game.scenes.mentor import MentorScene
from telemetry.profile.evidence import extract_evidence
from telemetry.report.model import build_report
from tests.helpers import make_app


def test_choosing_a_mentor_is_a_six_way_choice(tmp_path):
    app = make_app(tmp_path)
    ctx = app.ctx
    cafe_id = ctx.content.landmark_id("networks")
    open_landmark(ctx, cafe_id)
    social = next(d for d in ctx.content.districts if d.riasec == "S")
    mentor_id = ctx.content.mentor_of(social.id).id
    ctx.scenes.top.talk(mentor_id)
    assert isinstance(ctx.scenes.top, MentorScene) and ctx.scenes.top.mentor_id == mentor_id
    choices = extract_evidence(ctx.recorder.statements()).choices
    assert len(choices) == 1
    assert (choices[0].where, choices[0].chosen, choices[0].letter) == (f"menu/{cafe_id}", mentor_id, "S")
    assert sorted(choices[0].offered) == sorted("RIASEC")
    # the practitioner's report names the mentor and the café, not their ids
    report = build_report(ctx.recorder.statements(), content_summary(ctx.content))
    chose = report["evidence"]["S"][0]["text"]
    assert ctx.pick(ctx.content.mentors[mentor_id].name) in chose and mentor_id not in chose
    assert "Network Café" in chose
    app.shutdown()
