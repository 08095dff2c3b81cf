"""Fuzz the class-folder merge: a copied player folder whose store.json or journal is
damaged never raises; each damaged file is one skipped line naming it; the valid players
beside it are merged in full."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from hypothesis import strategies as st

from telemetry.classroom.merge import merge_folder
from telemetry.xapi.reader import read_player_statements
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.store import DB_NAME, JOURNAL_NAME, player_dir
from tests.fuzz.mutate import fuzz_tests, mutate_bytes

GOOD, BAD = "GOOD-CODE-21", "BADX-CODE-22"


def make_source(base: Path) -> tuple[Path, set[str]]:
    source = base / "pc1"
    if not source.exists():
        for code in (GOOD, BAD):
            with Recorder.open(source, code) as rec:
                for i in range(4):
                    rec.record("selected", "question", f"item/R{i}", response="3")
    good_ids = {s["id"] for s in read_player_statements(source, GOOD)}
    return source, good_ids


def _damaged_class_folder_merges_what_it_can(tmp_path_factory, data) -> None:
    base = tmp_path_factory.getbasetemp() / "merge_fuzz"
    source, good_ids = make_source(base)
    work = base / "work"
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(source, work / "src")
    name = data.draw(st.sampled_from([DB_NAME, JOURNAL_NAME]), label="file")
    path = player_dir(work / "src", BAD) / name
    raw = path.read_bytes() if path.exists() else json.dumps({"x": 1}).encode()
    path.write_bytes(mutate_bytes(data, raw))
    result = merge_folder(work / "src", work / "class")
    for line in result.lines():
        assert "\n" not in line
    assert result.added.get(GOOD) == len(good_ids)
    assert {s["id"] for s in read_player_statements(work / "class", GOOD)} == good_ids


test_damaged_class_folder_merges_what_it_can, test_damaged_class_folder_merges_what_it_can_fresh = (
    fuzz_tests(_damaged_class_folder_merges_what_it_can)
)
