"""LRS forwarding against a real Ralph LRS (started by the ``ralph`` fixture): push a
simulated class, read it back through the xAPI GET API, interrupt and resume without
duplicates, and report a statement the LRS rejects."""

from __future__ import annotations

from pathlib import Path

import pytest

from telemetry.lrs.forward import Ledger, LrsConfig, fetch_statements, push, status
from telemetry.xapi.reader import read_player_statements
from tests.classroom.conftest import PASSPHRASE, simulated_class
from tests.helpers import run_main


class Interrupted(Exception):
    pass


def _stored_ids(data_dir, codes):
    return {
        st["id"]
        for c in codes
        if (Path(data_dir) / "players" / c / "store.json").exists()
        for st in read_player_statements(data_dir, c)
    }


def _lrs_ids(cfg, class_code):
    got = fetch_statements(cfg, {"limit": "40"})  # small pages: follows `more`
    return [st["id"] for st in got if class_code in st["actor"]["account"]["homePage"]]


def test_push_class_then_read_back_same_ids(ralph, tmp_path):
    endpoint, user, password = ralph
    info = simulated_class(tmp_path, 5, 4, code="PUSH-1")
    login = ["--endpoint", endpoint, "--user", user, "--password", password]
    push_class = ["--class", "PUSH-1", "--batch", "30", "--passphrase", PASSPHRASE]
    done = run_main("lrs", "push", *login, *push_class, "--data-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    ids = _lrs_ids(LrsConfig(endpoint, user, password), "PUSH-1")
    assert len(ids) == len(set(ids)) and set(ids) == _stored_ids(tmp_path, info.players)
    assert "pending 0" in done.stdout
    again = push(tmp_path, info.players, LrsConfig(endpoint, user, password))
    assert again.sent == 0 and again.already == len(ids) and again.pending == 0


def test_interrupted_push_resumes_without_duplicates(ralph, tmp_path):
    endpoint, user, password = ralph
    info = simulated_class(tmp_path, 4, 4, code="RESUME-1", seed=5)
    cfg = LrsConfig(endpoint, user, password, batch_size=20)
    total = len(_stored_ids(tmp_path, info.players))

    def stop_after_first(code, n):
        raise Interrupted

    with pytest.raises(Interrupted):
        push(tmp_path, info.players, cfg, on_batch=stop_after_first)
    pending = status(tmp_path, info.players, endpoint)
    assert sum(r["sent"] for r in pending.values()) == 20
    assert sum(r["pending"] for r in pending.values()) == total - 20
    # a crash after the LRS stored a batch but before the ledger was written: forget it
    ledger = tmp_path / "players" / info.players[0] / "lrs_ledger.json"
    ledger.unlink()
    rest = push(tmp_path, info.players, cfg)
    assert rest.pending == 0 and not rest.errors and rest.sent == total
    ids = _lrs_ids(cfg, "RESUME-1")
    assert len(ids) == total and len(set(ids)) == total


def test_rejected_statement_is_reported_not_dropped(ralph, tmp_path):
    """Worktown's own validator never stores a statement Ralph refuses, so this one (from
    another tool: an agent with both an mbox and an account) is added at read time."""
    endpoint, user, password = ralph
    info = simulated_class(tmp_path, 3, 1, code="REJECT-1", seed=9)
    code = info.players[0]
    statements = read_player_statements(tmp_path, code)
    bad = {**statements[5], "id": "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"}
    bad["actor"] = {**bad["actor"], "mbox": "mailto:pupil@example.org"}  # two IFIs: invalid

    def read(data_dir, player):
        return [*read_player_statements(data_dir, player), bad]

    cfg = LrsConfig(endpoint, user, password, batch_size=50)
    report = push(tmp_path, [code], cfg, read=read)
    assert [(c, sid) for c, sid, _ in report.rejected] == [(code, bad["id"])]
    assert "422" in report.rejected[0][2]
    assert report.sent == len(statements) and report.pending == 0
    assert any(bad["id"] in line for line in report.lines())
    ids = set(_lrs_ids(cfg, "REJECT-1"))
    assert bad["id"] not in ids and ids == {s["id"] for s in statements}
    assert Ledger(tmp_path, code, cfg.url).rejected.keys() == {bad["id"]}
    again = push(tmp_path, [code], cfg, read=read)  # still reported next time
    assert again.sent == 0 and [sid for _, sid, _ in again.rejected] == [bad["id"]]


def test_unreachable_lrs_keeps_everything_pending(tmp_path):
    info = simulated_class(tmp_path, 2, 1, code="OFFLINE-1")
    cfg = LrsConfig("http://127.0.0.1:9/xAPI", "u", "p", retries=1, backoff=0.01, timeout=2)
    report = push(tmp_path, info.players, cfg)
    assert report.sent == 0 and report.pending == len(_stored_ids(tmp_path, info.players))
    assert len(report.errors) == 1 and "not reachable" in report.errors[0]
