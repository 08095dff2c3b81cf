"""Spill files (issue 13 item 10): statements the data folder refused at sign-out come back
into the player's store at the next open, counted in the recovery report, then deleted."""

from __future__ import annotations

from telemetry.xapi.recorder import Recorder
from telemetry.xapi.spill import spill_root, take_spills, write_spill
from telemetry.xapi.store import PlayerStore

CODE = "SPILL-TEST-22"


def test_spilled_statements_come_back_once(tmp_path):
    rec = Recorder.open(tmp_path / "elsewhere", CODE)  # statements of the right shape
    made = [rec.record("used", "item", f"hint/s{i}") for i in range(7)]
    statements = rec.statements()
    rec.close()
    path = write_spill(CODE, statements)
    assert path is not None and path.parent.parent == spill_root()
    assert oct(path.stat().st_mode & 0o777) == oct(0o600)
    store = PlayerStore.open(tmp_path / "data", CODE)
    assert store.recovery.spilled == len(statements) and not store.recovery.clean
    assert set(made) <= {s["id"] for s in store.all_statements()}
    store.close()
    assert take_spills(CODE) == ([], [])  # deleted once stored
    again = PlayerStore.open(tmp_path / "data", CODE)
    assert again.recovery.clean and again.statement_count == len(statements)
    again.close()


def test_nothing_to_spill_writes_no_file(tmp_path):
    assert write_spill(CODE, []) is None
    assert not (spill_root() / CODE).exists()


def test_erase_reaches_the_spill_files(tmp_path):
    from telemetry.classroom.erase import erase_everywhere

    rec = Recorder.open(tmp_path, CODE)
    rec.record("used", "item", "hint/x")
    statements = rec.statements()
    rec.close()
    path = write_spill(CODE, statements)
    removed = erase_everywhere(tmp_path, [CODE]).removed
    assert path in removed and not path.exists() and not (spill_root() / CODE).exists()
