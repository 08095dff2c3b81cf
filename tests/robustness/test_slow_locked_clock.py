"""A slow data folder, a second game on the same player, and the system clock jumping."""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import numpy as np

import game.save_writer
import telemetry.xapi.statements
from game.app import App
from game.flow import save_settings, sign_in, sign_out
from game.settings import settings_path
from game.sim.bot import Bot, SimClock
from telemetry.xapi.statements import parse_duration, validate_statement
from tests.helpers import TEST_CODE, make_app


def test_slow_folder_never_stalls_the_game_thread(tmp_path: Path, monkeypatch) -> None:
    """The journal writer is stuck in fsync (a network share that hangs); the game thread
    still records, changes scenes and pumps frames without waiting for it."""
    app = make_app(tmp_path)
    ctx, rec = app.ctx, app.ctx.recorder
    gate = threading.Event()
    stuck = threading.Event()
    real_fsync = os.fsync

    def slow_fsync(fd):
        if threading.current_thread().name == "telemetry-journal":
            stuck.set()
            gate.wait(30)  # released by the test (or after 30 s: a failure)
        return real_fsync(fd)

    monkeypatch.setattr(os, "fsync", slow_fsync)
    rec.record("used", "item", "hint/first")
    rec.wait_durable(timeout=0)  # ask for a sync: the writer now hangs in fsync
    assert stuck.wait(10)
    frames = app.frames_drawn
    before = rec.recorded_count
    ctx.scenes.top.open_district(ctx.content.districts[0].id)  # scene change (+ checkpoint)
    for i in range(20):
        rec.record("used", "item", f"hint/{i}")
        app.dirty = True
        app.pump([])
    assert not gate.is_set()  # all that happened while stuck
    assert rec.recorded_count >= before + 20
    assert app.frames_drawn >= frames + 20
    assert rec.durable_count < rec.recorded_count  # the writer really is stuck
    gate.set()
    assert rec.wait_durable(timeout=10)
    app.shutdown()


def test_scene_changes_never_wait_for_a_slow_save(tmp_path: Path, monkeypatch) -> None:
    """The save writer is stuck writing to a slow share: scene changes (each saves the
    player's place) and settings changes go on, only the latest save of each file is
    written once the share answers, and signing out writes it before it returns."""
    app = make_app(tmp_path)
    ctx = app.ctx
    gate = threading.Event()
    stuck = threading.Event()
    written: list[tuple[Path, bytes]] = []
    real_write = game.save_writer.atomic_write_bytes

    def slow_write(path, data):
        assert threading.current_thread().name == game.save_writer.THREAD_NAME
        stuck.set()
        gate.wait(30)  # released by the test (or after 30 s: a failure)
        written.append((Path(path), data))
        return real_write(path, data)

    monkeypatch.setattr(game.save_writer, "atomic_write_bytes", slow_write)
    districts = [d.id for d in ctx.content.districts]
    frames = app.frames_drawn
    for district in districts:  # hub -> district -> hub, six times
        ctx.scenes.top.open_district(district)
        app.pump([])
        while ctx.scenes.top.name != "district":  # a quick question on the way in
            ctx.scenes.pop()
            app.pump([])
        assert ctx.player.place == {"scene": "district", "district": district}
        ctx.scenes.top.back()
        app.pump([])
    ctx.settings.reduced_motion = True
    save_settings(ctx)
    app.pump([])
    assert stuck.wait(10) and not gate.is_set()  # all of that while the writer was stuck
    assert ctx.scenes.top.name == "hub" and app.frames_drawn >= frames + 12
    assert written == []
    gate.set()
    sign_out(ctx)  # flushes: on disk before it returns
    saves = [data for path, data in written if path.name == "save.json"]
    assert len(saves) <= 2  # the one being written + the latest
    assert json.loads(saves[-1])["place"] == {"scene": "hub"}
    assert ctx.saves.load(TEST_CODE)[0].place == {"scene": "hub"}
    stored = json.loads(settings_path(tmp_path, TEST_CODE).read_text(encoding="utf-8"))
    assert stored["values"]["reduced_motion"] is True
    app.shutdown()


def test_second_game_on_the_same_player_refuses_clearly(tmp_path: Path) -> None:
    first = make_app(tmp_path)
    second = App(tmp_path, seed=2)
    assert not sign_in(second.ctx, TEST_CODE)
    assert second.ctx.recorder is None
    assert second.ctx.notices == [second.ctx.t("notice.player_locked", code=TEST_CODE)]
    assert first.ctx.recorder is not None and first.ctx.recorder.healthy
    second.shutdown()
    first.shutdown()


class JumpyClock(SimClock):
    """A simulated clock that the system moves back an hour, then forward two, and so on."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def __call__(self) -> float:
        self.calls += 1
        jump = (-3600.0, 0.0, 7200.0, -60.0)[(self.calls // 7) % 4]
        return self.now + jump


def test_clock_jumps_never_crash_or_make_negative_durations(tmp_path: Path, monkeypatch) -> None:
    wall = {"t": 1_700_000_000.0, "n": 0}

    def jumpy_time() -> float:  # statement timestamps: wall clock jumping both ways
        wall["n"] += 1
        wall["t"] += (-5000.0, 3.0, 90000.0, -90000.0, 1.0)[wall["n"] % 5]
        return wall["t"]

    monkeypatch.setattr(telemetry.xapi.statements.time, "time", jumpy_time)
    app = App(tmp_path, seed=4)
    bot = Bot(np.zeros(6), seed=4, minutes=8)
    bot.clock = JumpyClock()
    result = bot.run(app)
    app.shutdown()
    assert len(result.statements) > 10
    for statement in result.statements:
        validate_statement(statement)
        duration = statement.get("result", {}).get("duration")
        if duration is not None:
            assert parse_duration(duration) >= 0
        idle = statement.get("result", {}).get("extensions", {})
        assert all(
            not (isinstance(v, (int, float)) and k.endswith("idle_seconds") and v < 0)
            for k, v in idle.items()
        )
