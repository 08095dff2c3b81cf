"""Fuzz the content loader: every real content file, mutated in a temporary copy, either
loads or gives ContentError whose every problem is one line naming a file."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import strategies as st

from game import paths
from tests.fuzz.mutate import damaged, fuzz_tests
from zones.loader import ContentError, load_content

CONTENT = paths.content_dir()
FILES = sorted(p.relative_to(CONTENT) for p in CONTENT.rglob("*.json"))


@pytest.fixture(scope="module")
def copy_dir(tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("content") / "data"
    shutil.copytree(CONTENT, target)
    return target


def test_real_content_loads(copy_dir: Path) -> None:
    content = load_content(copy_dir, paths.assets_dir() / "data")
    assert content.challenges and content.districts


def _mutated_content_file_is_loaded_or_named(copy_dir: Path, data) -> None:
    import json

    rel = data.draw(st.sampled_from(FILES), label="file")
    path = copy_dir / rel
    original = path.read_bytes()
    path.write_bytes(damaged(data, json.loads(original)))
    try:
        load_content(copy_dir, paths.assets_dir() / "data")
    except ContentError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert "\n" not in problem
            assert ".json" in problem.split(": ")[0] or ".csv" in problem.split(": ")[0], problem
    finally:
        path.write_bytes(original)


test_mutated_content_file_is_loaded_or_named, test_mutated_content_file_is_loaded_or_named_fresh = (
    fuzz_tests(_mutated_content_file_is_loaded_or_named)
)
