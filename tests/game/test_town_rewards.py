"""The town shows what the pupil did (issue 15 item 5): a plaque of stars by each tried
challenge's door, the finished poster on its wall, and someone riding the fixed bike."""

from __future__ import annotations

import json

import pytest

from game.save import ChallengeRecord
from game.stars import stars_for
from game.world import rewards
from game.world.rewards import RewardsError, read_rewards, street_for
from tests.helpers import make_app


def ride_the_fixed_bike(app, monkeypatch, *, beats: int) -> None:
    """The bike repair played once; the town (the top scene) drawn at beats 0 to
    ``beats`` - 1, one frame each."""
    town = app.ctx.scenes.top
    app.ctx.player.challenges["r_bike_repair"] = ChallengeRecord(
        plays=1, best_score=0.7, last_score=0.7
    )
    for beat in range(beats):
        monkeypatch.setattr(town, "beat", lambda b=beat: b)
        app.dirty = True
        app.pump([])


def test_plaques_and_poster_appear_once_played(tmp_path):
    app = make_app(tmp_path)
    town = app.ctx.scenes.top
    assert rewards._make_art(town, app.ctx.player.challenges) == []
    app.ctx.player.challenges["a_gig_poster"] = ChallengeRecord(
        plays=1, best_score=0.9, last_score=0.9
    )
    art = rewards._make_art(town, app.ctx.player.challenges)
    assert len(art) == 2, "a plaque and the poster by the Gig Poster door"
    door = next(d for d in town.town.doors if d.target == "a_gig_poster")
    size = town.town.tile_size
    assert all(abs(mx - door.tile[0] * size) < 3 * size for _, (mx, _) in art)
    app.ctx.player.challenges["r_wiring"] = ChallengeRecord(plays=1, best_score=0.2, last_score=0.2)
    assert len(rewards._make_art(town, app.ctx.player.challenges)) == 3, "no poster for the wiring"
    app.shutdown()


def test_the_plaque_shows_the_best_result_as_stars():
    assert [stars_for(s, True) for s in (0.1, 0.55, 0.85)] == [1, 2, 3]


def test_the_rider_rides_along_a_street_once_the_bike_is_fixed(tmp_path, monkeypatch):
    app = make_app(tmp_path)
    town = app.ctx.scenes.top
    door = next(d for d in town.town.doors if d.target == "r_bike_repair")
    first, last, y = street_for(town.town, door.tile)
    assert last - first + 1 >= rewards.STREET_TILES
    assert all(town.town.grid.free((x, y)) for x in range(first, last + 1))
    places = []
    monkeypatch.setattr(
        rewards, "_rider", lambda sub, view, look, ground, forward, beat: places.append(ground)
    )
    ride_the_fixed_bike(app, monkeypatch, beats=3)
    assert len(places) == 3 and len({p[0] for p in places}) == 3, "the rider moves"
    app.shutdown()


def test_the_riders_street_is_found_once_not_every_frame(tmp_path, monkeypatch):
    app = make_app(tmp_path)
    town = app.ctx.scenes.top
    scans = []
    real = rewards.street_for
    monkeypatch.setattr(rewards, "street_for", lambda t, tile: scans.append(tile) or real(t, tile))
    ride_the_fixed_bike(app, monkeypatch, beats=20)
    assert len(scans) == 1
    door = next(d for d in town.town.doors if d.target == "r_bike_repair")
    assert door.tile in town.reward_cache.streets, "kept in the scene's typed cache"
    assert not hasattr(town.view, "reward_streets") and not hasattr(town.view, "reward_art")
    app.shutdown()


@pytest.mark.parametrize(
    "records, words",
    [
        ("{", "cannot be read"),
        ({"a": 1}, "top level: must be a list"),
        ([{"challenge": "nope", "kind": "poster"}], "[0].challenge: 'nope' is not a challenge"),
        ([{"challenge": "a_tune", "kind": "statue"}], "[0].kind: must be one of poster, rider"),
        ([{"challenge": "a_tune", "kind": "rider", "look": 9}], "[0].look: must be 0-4"),
    ],
)
def test_a_bad_rewards_file_is_one_line_naming_it(tmp_path, records, words):
    path = tmp_path / "town_rewards.json"
    path.write_text(records if isinstance(records, str) else json.dumps(records), encoding="utf-8")
    with pytest.raises(RewardsError) as info:
        read_rewards(path, {"a_tune": object()})
    message = str(info.value)
    assert str(path) in message and words in message and "\n" not in message
