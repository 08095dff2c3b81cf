"""Recorder round trip, checkpoints, disk errors, lock refusal."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
import time
from pathlib import Path

import pytest

from telemetry.xapi import vocab
from telemetry.xapi.journal import JournalWriter
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.statements import validate_statement
from telemetry.xapi.store import DB_NAME, JOURNAL_NAME, PlayerLocked

CODE = "BLUE-FOX-42"

REPO = Path(__file__).resolve().parents[2]


def _readme_session(rec: Recorder) -> list[str]:
    rec.start_session()
    ids = [
        rec.record("accessed", "zone", "district/R", extensions={"riasec": "R"}),
        rec.record("selected", "question", "item/R3", response="4", extensions={"riasec": "R"}),
        rec.record(
            "completed",
            "quest",
            "challenge/r_bike_repair",
            success=True,
            score=0.8,
            duration_s=183.2,
            extensions={"riasec": "R", "difficulty": 2},
        ),  # fmt: skip
    ]
    rec.end_session()
    return ids


def test_round_trip(rec: Recorder, data_dir: Path) -> None:
    ids = _readme_session(rec)
    statements = rec.statements()
    assert [s["id"] for s in statements][1:4] == ids
    assert len(statements) == 5
    for s in statements:
        validate_statement(s)
    verbs = [vocab.verb_name(s["verb"]["id"]) for s in statements]
    assert verbs == ["initialized", "accessed", "selected", "completed", "completed"]
    assert statements[0]["context"]["registration"] == statements[-1]["context"]["registration"]
    assert statements[-1]["result"]["duration"].startswith("PT")
    assert rec.close()
    again = Recorder.open(data_dir, CODE)
    try:
        assert again.recovery.clean
        assert [s["id"] for s in again.statements()] == [s["id"] for s in statements]
    finally:
        again.close()


def test_record_returns_before_anything_is_written(rec: Recorder) -> None:
    sid = rec.record("used", "item", "hint/r_bike_repair")
    assert isinstance(sid, str)
    assert rec.wait_durable(timeout=10)
    assert rec.durable_count == rec.recorded_count == 1
    journal = (rec.player_dir / JOURNAL_NAME).read_text()
    assert json.loads(journal.splitlines()[0])["id"] == sid


def test_checkpoint_compacts_into_tinydb_and_empties_journal(rec: Recorder) -> None:
    ids = [rec.record("progressed", "quest", "challenge/x", extensions={"progress": i / 10})
           for i in range(10)]  # fmt: skip
    assert rec.checkpoint(wait=True, timeout=10)
    assert (rec.player_dir / JOURNAL_NAME).stat().st_size == 0
    db = json.loads((rec.player_dir / DB_NAME).read_text())
    assert [d["id"] for d in db["statements"].values()] == ids


def test_unknown_names_raise_and_record_nothing(rec: Recorder) -> None:
    with pytest.raises(ValueError):
        rec.record("jumped", "quest", "challenge/x")
    with pytest.raises(ValueError):
        rec.record("used", "item", "hint/x", extensions={"email": "a@b.c"})
    assert rec.recorded_count == 0


def test_closed_recorder_refuses(rec: Recorder) -> None:
    rec.close()
    with pytest.raises(RuntimeError):
        rec.record("used", "item", "hint/x")
    assert rec.close()  # idempotent


def test_second_open_in_same_process_is_refused(rec: Recorder, data_dir: Path) -> None:
    with pytest.raises(PlayerLocked, match=CODE):
        Recorder.open(data_dir, CODE)


def test_other_process_holding_the_player_is_refused_and_crash_frees_it(data_dir: Path) -> None:
    script = (
        "import sys, time\n"
        "from telemetry.xapi.recorder import Recorder\n"
        f"rec = Recorder.open({str(data_dir)!r}, {CODE!r})\n"
        "print('OPEN', flush=True)\n"
        "time.sleep(60)\n"
    )
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=REPO, stdout=subprocess.PIPE,
                            text=True)  # fmt: skip
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == "OPEN"
        with pytest.raises(PlayerLocked, match=f"process {proc.pid}"):
            Recorder.open(data_dir, CODE)
    finally:
        proc.kill()
        proc.wait()
    rec = Recorder.open(data_dir, CODE)  # no stale lock after a crash
    rec.close()


def test_bad_codes_are_refused(data_dir: Path) -> None:
    for code in ("../etc", "ann@example.org", "", "CON", "a b"):
        with pytest.raises(ValueError):
            Recorder.open(data_dir, code)
    with pytest.raises(ValueError):
        Recorder.open(data_dir, CODE, class_code="../x")


def test_disk_errors_keep_events_in_memory_and_retry(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = Recorder.open(data_dir, CODE, retry_interval=0.01)
    state = {"broken": True}
    real_open = JournalWriter._open_file

    def flaky_open(self: JournalWriter) -> None:
        if state["broken"]:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_open(self)

    monkeypatch.setattr(JournalWriter, "_open_file", flaky_open)
    ids = [rec.record("used", "item", f"hint/c{i}") for i in range(5)]
    assert not rec.wait_durable(timeout=0.3)  # nothing can be durable while the disk fails
    assert not rec.healthy
    assert "No space" in (rec.last_error or "")
    assert [s["id"] for s in rec.stored_statements(timeout=0.2)] == ids  # still visible, in memory
    state["broken"] = False
    assert rec.wait_durable(timeout=10)
    assert rec.healthy
    assert rec.close()
    again = Recorder.open(data_dir, CODE)
    try:
        assert [s["id"] for s in again.statements()] == ids
    finally:
        again.close()


def test_failing_checkpoint_is_retried_without_loss(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rec = Recorder.open(data_dir, CODE, retry_interval=0.01)
    ids = [rec.record("used", "item", f"hint/c{i}") for i in range(3)]
    assert rec.checkpoint(wait=True, timeout=10)
    calls = {"n": 0}
    real = rec._store.compact_journal

    def failing(path: Path) -> None:
        calls["n"] += 1
        if calls["n"] <= 2:
            raise OSError(errno.EROFS, "Read-only file system")
        real(path)

    monkeypatch.setattr(rec._writer, "_compact", failing)
    ids += [rec.record("used", "item", f"hint/d{i}") for i in range(3)]
    assert rec.checkpoint(wait=True, timeout=10)
    assert calls["n"] == 3
    assert [s["id"] for s in rec.statements()] == ids
    rec.close()


def test_record_cost_has_no_io(rec: Recorder, monkeypatch: pytest.MonkeyPatch) -> None:
    """record() must not open, write or fsync anything on the caller thread."""
    import builtins
    import os
    import threading

    caller = threading.get_ident()
    touched = []

    def spy(name, real):
        def wrapper(*a, **k):
            if threading.get_ident() == caller:
                touched.append(name)
            return real(*a, **k)

        return wrapper

    monkeypatch.setattr(builtins, "open", spy("open", builtins.open))
    monkeypatch.setattr(os, "fsync", spy("fsync", os.fsync))
    monkeypatch.setattr(os, "write", spy("write", os.write))
    for i in range(50):
        rec.record(
            "progressed", "quest", "challenge/r_bike_repair", extensions={"progress": i / 50}
        )
    monkeypatch.undo()
    assert touched == []
    assert rec.wait_durable(timeout=10)


def test_many_threads_may_record(rec: Recorder) -> None:
    import threading

    def work() -> None:
        for _ in range(200):
            rec.record("used", "item", "hint/x")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert rec.wait_durable(timeout=10)
    statements = rec.statements()
    assert len(statements) == len({s["id"] for s in statements}) == 800


def test_end_session_duration(rec: Recorder) -> None:
    rec.start_session()
    time.sleep(0.01)
    rec.end_session()
    last = rec.statements()[-1]
    assert vocab.verb_name(last["verb"]["id"]) == "completed"
    assert vocab.activity_type_name(last["object"]["definition"]["type"]) == "serious-game"
    assert last["result"]["duration"] != "PT0S"
