"""Fixtures for the class tools: a real Ralph LRS on 127.0.0.1, and simulated classes."""

from __future__ import annotations

import importlib.util
import os
import random
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import numpy as np
import pytest

from game.sim.synthetic import SyntheticPlayer, simulate_statements
from telemetry.classroom.class_store import SessionSettings, create_class
from telemetry.xapi.reader import recorded_form, write_player_folder

RALPH_USER, RALPH_PASSWORD = "worktown", "lrs-test-secret"
PASSPHRASE = "correct horse battery"


def ralph_missing() -> str | None:
    """Why Ralph cannot run here, or None."""
    for module in ("ralph", "uvicorn", "fastapi", "bcrypt", "requests"):
        if importlib.util.find_spec(module) is None:
            return f'{module} is not installed: pip install -e ".[test,lrs]"'
    if not (Path(sys.executable).parent / "ralph").exists():
        return "the ralph command is not installed next to this Python"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def ralph(tmp_path_factory):
    """A running Ralph LRS: yields (endpoint, user, password). Stopped at the end."""
    why = ralph_missing()
    if why:
        pytest.skip(f"Ralph LRS unavailable: {why}")
    root = tmp_path_factory.mktemp("ralph")
    env = {**os.environ, "RALPH_APP_DIR": str(root / "app"), "RALPH_RUNSERVER_BACKEND": "fs"}
    (root / "app").mkdir()
    (root / "lrs").mkdir()
    ralph_cli = str(Path(sys.executable).parent / "ralph")
    subprocess.run(
        [
            ralph_cli,
            "auth",
            "-u",
            RALPH_USER,
            "-p",
            RALPH_PASSWORD,
            "-s",
            "all",
            "-M",
            "mailto:teacher@example.org",
            "-w",
        ],
        env=env,
        check=True,
        capture_output=True,
        timeout=60,
    )
    port = _free_port()
    log = open(root / "server.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        [
            sys.executable,
            str(Path(__file__).with_name("ralph_server.py")),
            str(root / "lrs"),
            "127.0.0.1",
            str(port),
        ],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 45
        while True:
            try:
                with urllib.request.urlopen(f"{base}/__heartbeat__", timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(
                    "Ralph did not start: "
                    + (root / "server.log").read_text(errors="replace")[-2000:]
                )
            time.sleep(0.2)
        yield f"{base}/xAPI", RALPH_USER, RALPH_PASSWORD
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)
        log.close()


def simulated_class(
    data_dir: Path,
    n: int = 6,
    played: int | None = None,
    *,
    seed: int = 1,
    code: str = "7B-2026",
    minutes: float = 12,
    settings=None,
):
    """A class of ``n`` codes; the first ``played`` have synthetic play data written as
    player folders (recorder-shaped statements). Returns the ClassInfo."""
    info = create_class(
        data_dir,
        code,
        PASSPHRASE,
        n,
        settings or SessionSettings(minutes=40),
        rng=random.Random(seed),
    )
    rng = np.random.default_rng(seed)
    for c in info.players[: n if played is None else played]:
        st = simulate_statements(SyntheticPlayer(rng.normal(size=6), rng), minutes, rng, actor=c)
        write_player_folder(data_dir, c, recorded_form(st, c, class_code=info.code))
    return info


def class_pupil_app(data_dir: Path, settings: SessionSettings):
    """A real App whose clock reads ``now[0]`` (a test moves it on), with the first pupil of
    a new two-code class with ``settings`` signed in (a fresh save). Returns (app, now)."""
    from game.app import App
    from game.flow import sign_in
    from game.save import PlayerSave

    info = simulated_class(data_dir, 2, 0, settings=settings)
    now = [1000.0]
    app = App(data_dir, seed=1)
    app.ctx.clock = lambda: now[0]
    code = info.players[0]
    assert sign_in(app.ctx, code, new_player=PlayerSave(code=code))
    app.pump([])
    return app, now
