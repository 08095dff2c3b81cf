"""Headless test setup: dummy video and audio drivers before pygame is imported."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_spill_dir(tmp_path_factory, monkeypatch):
    """Each test gets its own spill folder (telemetry.xapi.spill), never the shared temp dir."""
    monkeypatch.setenv("WORKTOWN_SPILL_DIR", str(tmp_path_factory.mktemp("spill")))
