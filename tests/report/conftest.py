"""Shared fixtures for the report tests: the real content summary, a simulated 45-minute
player in a data folder, and its report."""

from __future__ import annotations

import os

import numpy as np
import pytest

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

CODE = "BLUE-FOX-42"


@pytest.fixture(scope="session")
def inputs():
    """(content summary, occupation table) from the real content."""
    from game.commands.report import load_report_inputs

    return load_report_inputs("en")


def simulated(summary, code=CODE, seed=7, minutes=45, latent=(1.2, 0.3, -0.8, 0.6, -0.2, 0.0)):
    """Recorder-shaped statements of a simulated player on the real challenges."""
    from game.sim.synthetic import SyntheticPlayer, simulate_statements
    from telemetry.xapi.reader import recorded_form

    rng = np.random.default_rng(seed)
    challenges = [
        {
            "id": cid,
            "riasec": cid[0].upper(),
            "occupations": [],
            "minutes": 4,
            "competences": ["strengths_naming"],
        }
        for cid in summary["challenges"]
    ]
    st = simulate_statements(SyntheticPlayer(latent, rng), minutes, rng, challenges=challenges)
    return recorded_form(st, code)


@pytest.fixture(scope="session")
def statements(inputs):
    return simulated(inputs[0])


@pytest.fixture(scope="session")
def report(inputs, statements):
    from telemetry.report.model import build_report

    return build_report(statements, inputs[0], occupations=inputs[1], player_code=CODE)


@pytest.fixture
def data_dir(tmp_path, statements):
    from telemetry.xapi.reader import write_player_folder

    write_player_folder(tmp_path / "data", CODE, statements)
    return tmp_path / "data"
