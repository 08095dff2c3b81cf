"""Issue 13 item 8: a district the teacher closed is closed everywhere: never offered
('What next?', the hub's suggestion), never resumed into, never started."""

from __future__ import annotations

import pytest

from game.app import App
from game.flow import resume_place, sign_in
from game.save import PlayerSave
from game.scenes.challenge_intro import ChallengeIntroScene
from game.scenes.challenge_play import ChallengePlayScene
from game.scenes.district import DistrictScene
from game.scenes.next_board import NextChallengeScene
from game.scenes.town import TownScene
from game.suggest import contrasting_challenges
from telemetry.classroom.class_store import SessionSettings, create_class


@pytest.fixture
def lesson(tmp_path):
    """A class pupil signed in, with only the first district open."""
    app = App(tmp_path, seed=5)
    open_id = app.ctx.content.districts[0].id
    info = create_class(tmp_path, "7C", "teacher-pass-1", 1, SessionSettings(districts=[open_id]))
    code = info.players[0]
    assert sign_in(app.ctx, code, new_player=PlayerSave(code=code))
    app.pump([])
    closed = [d for d in app.ctx.content.districts if d.id != open_id]
    yield app, open_id, closed
    app.shutdown()


def test_what_next_offers_only_open_districts(lesson):
    app, open_id, closed = lesson
    ctx = app.ctx
    for seed in range(30):  # the board shuffles: many draws
        import random

        offered = contrasting_challenges(ctx, random.Random(seed))
        assert offered and all(ctx.content.challenges[c].district == open_id for c in offered)
    ctx.scenes.push(NextChallengeScene(open_id))
    assert all(ctx.content.challenges[c].district == open_id for c in ctx.scenes.top.options)


def test_the_hub_never_suggests_a_closed_district(lesson):
    app, open_id, _closed = lesson
    hub = app.ctx.scenes.top
    assert isinstance(hub, TownScene)
    assert hub.suggestion is None or app.ctx.content.challenges[hub.suggestion].district == open_id
    for _ in range(3):
        hub.rebuild()
        assert (
            hub.suggestion is None or app.ctx.content.challenges[hub.suggestion].district == open_id
        )


def test_a_closed_challenge_cannot_be_started_from_any_screen(lesson):
    app, _open_id, closed = lesson
    ctx = app.ctx
    challenge = closed[0].challenges[0]
    ctx.scenes.push(ChallengeIntroScene(challenge))  # however the intro was reached
    app.pump([])
    ctx.scenes.top.start()
    assert not any(isinstance(s, ChallengePlayScene) for s in ctx.scenes.visible())
    assert isinstance(ctx.scenes.top, TownScene)
    assert ctx.notices[-1] == ctx.t("notice.challenge_closed")
    ctx.scenes.push(DistrictScene(closed[0].id))  # a district screen left open
    app.pump([])
    ctx.scenes.top.choose(challenge)
    assert not any(
        isinstance(s, (ChallengeIntroScene, ChallengePlayScene)) for s in ctx.scenes.visible()
    )
    ctx.scenes.push(NextChallengeScene(closed[0].id))
    ctx.scenes.top.choose(challenge)  # a stale option
    assert not any(
        isinstance(s, (ChallengeIntroScene, ChallengePlayScene)) for s in ctx.scenes.visible()
    )


def test_resuming_into_a_closed_district_lands_at_the_hub(lesson):
    app, _open_id, closed = lesson
    ctx = app.ctx
    ctx.player.place = {"scene": "district", "district": closed[0].id}
    resume_place(ctx)
    assert isinstance(ctx.scenes.top, TownScene)
