"""The player store's TinyDB storage (:class:`InsertOnlyJSONStorage`): a checkpoint encodes
only the statements it adds, the file is what plain ``json.dumps`` would write, and a failed
write loses nothing and duplicates nothing."""

from __future__ import annotations

import json

import pytest
from tinydb import TinyDB

from telemetry.xapi import atomic
from telemetry.xapi.atomic import AtomicJSONStorage, InsertOnlyJSONStorage
from telemetry.xapi.recorder import Recorder


def _doc(i: int) -> dict:
    return {"id": f"s-{i}", "verb": "selected", "result": {"response": str(i % 5), "é": "ñ"}}


def _db(path) -> TinyDB:
    return TinyDB(path, storage=InsertOnlyJSONStorage, frozen_tables=("statements",))


def test_a_write_encodes_only_the_new_statements(tmp_path):
    db = _db(tmp_path / "store.json")
    db.table("meta").insert({"format": "worktown-telemetry"})
    db.table("statements").insert_multiple([_doc(i) for i in range(300)])
    storage = db.storage
    before = storage.documents_encoded
    db.table("statements").insert_multiple([_doc(300), _doc(301)])
    assert storage.documents_encoded - before == 2
    assert len(db.table("statements")) == 302


def test_the_file_is_what_plain_json_would_write(tmp_path):
    fast, plain = tmp_path / "fast.json", tmp_path / "plain.json"
    for path, storage in ((fast, InsertOnlyJSONStorage), (plain, AtomicJSONStorage)):
        kwargs = {"frozen_tables": ("statements",)} if storage is InsertOnlyJSONStorage else {}
        db = TinyDB(path, storage=storage, **kwargs)
        db.table("meta").insert({"format": "worktown-telemetry", "version": 1})
        for chunk in range(3):
            db.table("statements").insert_multiple(
                [_doc(i) for i in range(chunk * 10, chunk * 10 + 10)]
            )
        db.close()
    assert fast.read_bytes() == plain.read_bytes()
    again = TinyDB(fast, storage=AtomicJSONStorage)  # what any reader sees
    assert [d["id"] for d in again.table("statements").all()] == [f"s-{i}" for i in range(30)]


def test_a_failed_write_keeps_the_file_and_does_not_duplicate(tmp_path, monkeypatch):
    path = tmp_path / "store.json"
    db = _db(path)
    db.table("statements").insert_multiple([_doc(i) for i in range(5)])
    on_disk = path.read_bytes()
    real = atomic.atomic_write_bytes

    def full_disk(target, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "atomic_write_bytes", full_disk)
    with pytest.raises(OSError):
        db.table("statements").insert_multiple([_doc(5), _doc(6)])
    assert path.read_bytes() == on_disk
    monkeypatch.setattr(atomic, "atomic_write_bytes", real)
    assert len(db.table("statements")) == 5  # the failed insert is not in memory either
    db.table("statements").insert_multiple([_doc(5), _doc(6)])  # the retry
    ids = [d["id"] for d in json.loads(path.read_bytes())["statements"].values()]
    assert ids == [f"s-{i}" for i in range(7)]


def test_checkpoints_of_a_long_lesson_encode_each_statement_once(tmp_path):
    rec = Recorder.open(tmp_path, "TEST-OWL-17", class_code="T")
    rec.start_session()
    store = rec._store  # white box: the storage's own count
    for burst in range(4):
        for _ in range(50):
            rec.record("progressed", "quest", f"challenge/c{burst}", extensions={"progress": 0.5})
        assert rec.checkpoint(wait=True, timeout=30)
    stored = len(rec.stored_statements())
    assert store.statements_encoded == stored  # not 50 + 100 + 150 + 200 + ...
    assert rec.close()
