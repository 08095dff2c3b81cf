"""Issue 16's measure as a test: at a pupil's pace (game/sim/pupil_pace.py: reading,
deciding, pointing and looking, never the content's ``minutes``) a pupil who plays well
spends 3–5 minutes in every challenge's three levels, and one who plays badly still reaches
the ending. One seed each; ``bench/play_time.py`` gives the spread over seeds."""

from __future__ import annotations

import pytest

from game import paths
from game.sim.pupil_pace import PupilPace
from tests.helpers import make_app

CHALLENGES = sorted(p.stem for p in (paths.content_dir() / "challenges").glob("*.json"))


def play(tmp_path, cid: str, skill: float, seed: int):
    app = make_app(tmp_path, seed=seed)
    try:
        return PupilPace(app, skill, seed).play(cid)
    finally:
        app.shutdown()


def test_every_challenge_file_is_timed():
    assert len(CHALLENGES) >= 18


@pytest.mark.slow
@pytest.mark.parametrize("cid", CHALLENGES)
def test_a_good_pupil_plays_three_to_five_minutes_and_a_weak_one_reaches_the_end(tmp_path, cid):
    good = play(tmp_path / "good", cid, 0.7, 1)
    assert good.finished and len(good.level_seconds) == 3
    assert 3.0 <= good.minutes <= 5.0, f"{cid}: {good.minutes:.2f} min at skill 0.7"
    weak = play(tmp_path / "weak", cid, 0.2, 99)
    assert weak.finished, f"{cid}: a weak pupil is stuck after {weak.minutes:.2f} min"
