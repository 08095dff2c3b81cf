"""Issue 13 item 28: a screen that raises mid-frame on a pupil's PC: the player is
signed out, every statement the recorder acknowledged is in the store on disk, the
pupil gets one line (no traceback), the traceback goes to the rotating log in the data
folder, and the log holds no player code."""

import logging.handlers

from game import logs
from game.scene import Scene
from telemetry.xapi.reader import read_player_statements
from tests.helpers import TEST_CODE, make_app


class Exploding(Scene):
    """Records a few statements, then raises in its fourth update."""

    name = "exploding"

    def __init__(self):
        super().__init__()
        self.steps = 0
        self.acknowledged: list[str] = []

    def update(self, dt):
        self.steps += 1
        self.ctx.record(
            "progressed", "quest", "challenge/boom", extensions={"progress": self.steps / 10}
        )
        self.acknowledged = [s["id"] for s in self.ctx.recorder.statements()]
        if self.steps == 4:
            raise KeyError(f"broken state for {TEST_CODE}")

    @property
    def animating(self):
        return True


def test_a_scene_raising_mid_frame_loses_no_acknowledged_event(tmp_path, capsys):
    app = make_app(tmp_path)
    app.crash_notice_s = 0
    scene = Exploding()
    app.ctx.scenes.push(scene)
    assert app.run() == 1
    assert app.ctx.recorder is None  # signed out
    stored = read_player_statements(tmp_path, TEST_CODE)
    ids = {s["id"] for s in stored}
    assert scene.acknowledged and set(scene.acknowledged) <= ids
    assert stored[-1]["verb"]["id"].endswith("/completed")  # the session was ended
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err and "KeyError" not in err
    assert "saved" in err
    log = (tmp_path / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "crash in screen exploding" in log and "Traceback" in log and "KeyError" in log
    assert TEST_CODE not in log and "<code>" in log


def test_the_log_rotates_and_redacts_code_shaped_text(tmp_path):
    logger, redact = logs.setup(tmp_path)
    handler = logger.handlers[0]
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.BACKUPS
    for _ in range(logs.MAX_BYTES // 40 + 10):
        logger.info("player BLUE-FOX-42 opened a screen")
    logs.close(logger)
    files = sorted(p.name for p in tmp_path.glob(logs.LOG_NAME + "*"))
    assert files == [logs.LOG_NAME, logs.LOG_NAME + ".1"]
    assert all("BLUE-FOX-42" not in (tmp_path / f).read_text(encoding="utf-8") for f in files)


def test_a_screen_failing_while_leaving_still_signs_out(tmp_path):
    class BadLeave(Scene):
        name = "bad_leave"

        def leave(self):
            raise RuntimeError("cannot leave")

    app = make_app(tmp_path)
    app.ctx.scenes.push(BadLeave())
    recorded = len(app.ctx.recorder.statements())
    app.shutdown()
    assert app.ctx.recorder is None
    assert len(read_player_statements(tmp_path, TEST_CODE)) >= recorded
    assert "cannot leave" in (tmp_path / logs.LOG_NAME).read_text(encoding="utf-8")


def test_an_unwritable_log_file_prints_nothing(tmp_path, capsys) -> None:
    """A log file that cannot be opened (here a folder in its place, which refuses even
    root): logging gives no 'Logging error' traceback on the console."""
    from game import logs

    (tmp_path / logs.LOG_NAME).mkdir()
    try:
        log, _ = logs.setup(tmp_path)
        log.info("start")
        log.error("something")
        assert "Logging error" not in capsys.readouterr().err
    finally:
        logs.close()
