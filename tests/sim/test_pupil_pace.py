"""The pupil-pace timer (game/sim/pupil_pace.py) measures the board, not the content's
``minutes``: the same play takes the same time whatever ``minutes`` says, and more words
on screen take longer to read."""

from __future__ import annotations

import dataclasses

from game.sim import pupil_pace
from game.sim.pupil_pace import PupilPace
from tests.helpers import make_app

CID = "c_library_sort"


def timed(tmp_path, minutes: int | None = None) -> float:
    app = make_app(tmp_path)
    if minutes is not None:
        chal = app.ctx.content.challenges[CID]
        app.ctx.content.challenges[CID] = dataclasses.replace(chal, minutes=minutes)
    try:
        result = PupilPace(app, 0.7, seed=4).play(CID)
    finally:
        app.shutdown()
    assert result.finished and result.actions > 3 and result.words_read > 20
    return result.minutes


def test_the_content_minutes_do_not_change_the_measured_time(tmp_path):
    assert timed(tmp_path / "a", minutes=3) == timed(tmp_path / "b", minutes=5)


def test_slower_reading_takes_longer(tmp_path, monkeypatch):
    fast = timed(tmp_path / "a")
    monkeypatch.setattr(pupil_pace, "READ_WPM", pupil_pace.READ_WPM / 2)
    slow = timed(tmp_path / "b")
    assert slow > fast + 0.1
