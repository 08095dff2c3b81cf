"""Shared fixtures for telemetry tests: a temporary data dir and an open recorder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from telemetry.xapi.recorder import Recorder

CODE = "BLUE-FOX-42"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def rec(data_dir: Path) -> Iterator[Recorder]:
    recorder = Recorder.open(data_dir, CODE, class_code="CLASS-7", platform="Linux")
    yield recorder
    recorder.close()
