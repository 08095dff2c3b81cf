"""Whom a player sits down with at the Network Café is recorded with the options, as a
social pick: it is not scored as passing over the other five kinds of work (issue 17
item 1; before, it counted as a six-way interest choice)."""

from game.landmarks import open_landmark
from game.scenes.mentor import MentorScene
from telemetry.profile.evidence import extract_evidence
from tests.helpers import make_app


def test_choosing_a_mentor_is_recorded_but_not_a_choice(tmp_path):
    app = make_app(tmp_path)
    ctx = app.ctx
    cafe_id = ctx.content.landmark_id("networks")
    open_landmark(ctx, cafe_id)
    social = next(d for d in ctx.content.districts if d.riasec == "S")
    mentor_id = ctx.content.mentor_of(social.id).id
    ctx.scenes.top.talk(mentor_id)
    assert isinstance(ctx.scenes.top, MentorScene) and ctx.scenes.top.mentor_id == mentor_id
    picks = [s for s in ctx.recorder.statements() if s["object"]["id"].endswith(f"menu/{cafe_id}")]
    assert len(picks) == 1
    ext = {k.rsplit("/", 1)[-1]: v for k, v in picks[0]["result"]["extensions"].items()}
    assert ext["mode"] == "social" and sorted(ext["options"].values()) == sorted("RIASEC")
    assert extract_evidence(ctx.recorder.statements()).choices == []
    app.shutdown()
