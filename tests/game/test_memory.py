"""A left screen's memory goes back after the next frame (game/memory.py), though the screen
sits in a reference cycle that only the cyclic collector can free."""

from __future__ import annotations

import gc
import weakref

from game.memory import LeftScreenCollector
from tests.helpers import make_app, start_challenge


def _left_challenge_survives(tmp_path, enabled: bool) -> bool:
    app = make_app(tmp_path)
    app.collector.enabled = enabled
    scene = start_challenge(app, next(iter(app.ctx.content.challenges)))
    gone = weakref.ref(scene)
    del scene
    gc.collect()  # whatever was garbage before the screen left
    gc.disable()  # only the game's own pass may free it now
    try:
        app.ctx.scenes.pop()
        app.pump([])
        alive = gone() is not None
    finally:
        gc.enable()
        app.shutdown()
    return alive


def test_a_left_challenge_is_freed_after_the_next_frame(tmp_path):
    assert not _left_challenge_survives(tmp_path / "on", enabled=True)


def test_without_the_pass_the_left_challenge_would_stay_in_memory(tmp_path):
    """The cycle is real: the automatic collector alone would leave the screen (and its
    pixels) alive until a full pass happens to run."""
    assert _left_challenge_survives(tmp_path / "off", enabled=False)


def test_a_pass_runs_once_per_frame_with_a_left_screen():
    collector = LeftScreenCollector()
    collector.after_frame()
    assert collector.passes == 0
    collector.on_stack("entered", object())
    collector.after_frame()
    assert collector.passes == 0
    collector.on_stack("left", object())
    collector.on_stack("left", object())
    collector.after_frame()
    collector.after_frame()
    assert collector.passes == 1
