"""Recovery on open: torn/damaged journal lines, damaged TinyDB, half-done checkpoints."""

from __future__ import annotations

import json
import os
from pathlib import Path

from telemetry.xapi import vocab
from telemetry.xapi.atomic import TEMP_MARK
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.statements import build_statement, make_actor, make_context
from telemetry.xapi.store import DB_NAME, JOURNAL_NAME, player_dir

CODE = "BLUE-FOX-42"
REG = "0b7c6f2e-1d2a-4c8e-9a51-3f0e2d4c5b6a"


def _statements(n: int) -> list[dict]:
    actor = make_actor(vocab.account_home_page(None), CODE)
    ctx = make_context(REG, platform="Linux", language="en", class_code=None,
                       game_version="0.1.0", session_id=REG)  # fmt: skip
    return [
        build_statement(
            actor=actor, context=ctx, verb="used", activity_type="item", activity_id=f"hint/c{i}"
        )  # fmt: skip
        for i in range(n)
    ]


def _line(s: dict) -> bytes:
    return json.dumps(s).encode() + b"\n"


def _ids(data_dir: Path) -> tuple[list[str], Recorder]:
    rec = Recorder.open(data_dir, CODE)
    return [s["id"] for s in rec.statements()], rec


def _seed(data_dir: Path, n: int) -> list[str]:
    rec = Recorder.open(data_dir, CODE)
    ids = [rec.record("used", "item", f"hint/s{i}") for i in range(n)]
    assert rec.close()
    return ids


def test_torn_last_line_is_skipped_and_the_rest_kept(data_dir: Path) -> None:
    folder = player_dir(data_dir, CODE)
    folder.mkdir(parents=True)
    stmts = _statements(3)
    (folder / JOURNAL_NAME).write_bytes(_line(stmts[0]) + _line(stmts[1]) + _line(stmts[2])[:40])
    ids, rec = _ids(data_dir)
    try:
        assert ids == [stmts[0]["id"], stmts[1]["id"]]
        assert rec.recovery.recovered == 2
        assert rec.recovery.skipped_lines == 1
        assert rec.recovery.set_aside == ()
        assert "2 events were recovered" in rec.recovery.message
        assert "\n" not in rec.recovery.message
        assert (folder / JOURNAL_NAME).stat().st_size == 0
        new = rec.record("used", "item", "hint/after")
    finally:
        rec.close()
    ids, rec = _ids(data_dir)
    rec.close()
    assert ids[-1] == new and len(ids) == 3


def test_damaged_middle_line_is_counted_and_journal_set_aside(data_dir: Path) -> None:
    folder = player_dir(data_dir, CODE)
    folder.mkdir(parents=True)
    stmts = _statements(3)
    bad = b'{"id": "x", garbage\n' + b"\xff\xfe\n" + b'{"no": "id"}\n'
    (folder / JOURNAL_NAME).write_bytes(_line(stmts[0]) + bad + _line(stmts[1]) + _line(stmts[2]))
    ids, rec = _ids(data_dir)
    try:
        assert ids == [s["id"] for s in stmts]
        assert rec.recovery.skipped_lines == 3
        assert len(rec.recovery.set_aside) == 1
        assert rec.recovery.set_aside[0].name.startswith(JOURNAL_NAME + ".damaged-")
        assert rec.recovery.set_aside[0].exists()
    finally:
        rec.close()


def test_invalid_statement_in_journal_is_skipped(data_dir: Path) -> None:
    folder = player_dir(data_dir, CODE)
    folder.mkdir(parents=True)
    good, evil = _statements(2)
    evil = {**evil, "actor": {**evil["actor"], "name": "Real Name"}}  # actor dicts are shared
    (folder / JOURNAL_NAME).write_bytes(_line(good) + _line(evil))
    ids, rec = _ids(data_dir)
    rec.close()
    assert ids == [good["id"]]


def test_damaged_tinydb_is_set_aside_and_rebuilt(data_dir: Path) -> None:
    ids = _seed(data_dir, 20)
    folder = player_dir(data_dir, CODE)
    db = folder / DB_NAME
    raw = db.read_bytes()
    db.write_bytes(raw[: len(raw) // 2] + b"\x00\x00 garbage")  # torn write on a bad disk
    stmts = _statements(2)
    (folder / JOURNAL_NAME).write_bytes(_line(stmts[0]) + _line(stmts[1]))
    got, rec = _ids(data_dir)
    try:
        report = rec.recovery
        assert len(report.set_aside) == 1
        assert report.set_aside[0].name.startswith(DB_NAME + ".damaged-")
        assert report.set_aside[0].read_bytes().endswith(b"garbage")  # kept for inspection
        salvaged = [i for i in got if i in ids]
        assert 5 <= len(salvaged) < 20 and salvaged == ids[: len(salvaged)]
        assert got[-2:] == [stmts[0]["id"], stmts[1]["id"]]
        assert report.recovered == len(got)
        assert "damaged file was put aside" in report.message
        rec.record("used", "item", "hint/new")
    finally:
        rec.close()
    got2, rec = _ids(data_dir)
    rec.close()
    assert rec.recovery.clean and len(got2) == len(got) + 1


def test_unreadable_tinydb_shapes_never_stop_opening(data_dir: Path) -> None:
    folder = player_dir(data_dir, CODE)
    for content in (b"\xff\xd8\xff\xe0 not json", b"[1, 2, 3]", b'{"statements": [1]}',
                    b'{"statements": {"1": {"no": "id"}}}', b"{"):  # fmt: skip
        folder.mkdir(parents=True, exist_ok=True)
        (folder / DB_NAME).write_bytes(content)
        ids, rec = _ids(data_dir)
        try:
            assert ids == []
            assert len(rec.recovery.set_aside) == 1
        finally:
            rec.close()


def test_crash_after_compaction_before_truncate_does_not_duplicate(data_dir: Path) -> None:
    rec = Recorder.open(data_dir, CODE)
    ids = [rec.record("used", "item", f"hint/c{i}") for i in range(5)]
    assert rec.checkpoint(wait=True, timeout=10)
    journal = rec.player_dir / JOURNAL_NAME
    rec.close()
    # As if the process died after TinyDB was replaced but before the journal was truncated:
    db = json.loads((rec.player_dir / DB_NAME).read_text())
    old_lines = b"".join(_line(d) for d in db["statements"].values())
    extra = _statements(1)[0]
    journal.write_bytes(old_lines + _line(extra))
    got, rec = _ids(data_dir)
    rec.close()
    assert got == ids + [extra["id"]]
    assert rec.recovery.recovered == 1


def test_stray_temp_files_are_removed(data_dir: Path) -> None:
    _seed(data_dir, 2)
    folder = player_dir(data_dir, CODE)
    stray = folder / (DB_NAME + TEMP_MARK + "abc123")
    stray.write_bytes(b'{"half": ')
    ids, rec = _ids(data_dir)
    rec.close()
    assert len(ids) == 2 and not stray.exists()


def test_clean_reopen_reports_nothing(data_dir: Path) -> None:
    _seed(data_dir, 3)
    ids, rec = _ids(data_dir)
    rec.close()
    assert rec.recovery.clean and rec.recovery.message.endswith("good shape.")
    assert len(ids) == 3


def test_db_writes_are_atomic_replacements(data_dir: Path) -> None:
    """TinyDB state is replaced, never rewritten in place (new inode each checkpoint)."""
    rec = Recorder.open(data_dir, CODE)
    db = rec.player_dir / DB_NAME
    before = os.stat(db).st_ino
    rec.record("used", "item", "hint/x")
    assert rec.checkpoint(wait=True, timeout=10)
    assert os.stat(db).st_ino != before
    rec.close()
