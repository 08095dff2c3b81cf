"""Disk full and a read-only data folder while playing: the game keeps running, tells the
player calmly, keeps events and the save in memory, and writes them when it can."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import game.app
import game.save_writer
from tests.fakes import Disk
from tests.helpers import TEST_CODE, make_app


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS], ids=["disk-full", "read-only"])
def test_game_survives_a_refusing_disk_and_catches_up(
    tmp_path: Path, monkeypatch, code: int
) -> None:
    monkeypatch.setattr(game.app, "SAVE_RETRY_S", 0.0)
    app = make_app(tmp_path)
    ctx, rec = app.ctx, app.ctx.recorder
    disk = Disk(monkeypatch, code)
    disk.broken.set()

    district = ctx.content.districts[0].id
    ctx.scenes.top.open_district(district)  # records, saves the place, changes scene
    ids = [rec.record("used", "item", f"hint/{c}") for c in list(ctx.content.challenges)[:5]]
    for _ in range(3):
        app.pump([])
    assert not rec.wait_durable(timeout=1.5)  # nothing reaches the disk ...
    app.pump([])
    assert ctx.save_problem is not None
    assert not rec.healthy
    from game.storage_notice import reason, shown_folder

    assert ctx.notices and ctx.notices[-1] == ctx.t(  # ... calmly said,
        "notice.storage_trouble",
        folder=shown_folder(tmp_path),
        reason=reason(ctx, f"[Errno {code}]"),
    )  # where
    assert ctx.scenes.top is not None and not ctx.quit_requested  # ... game goes on
    assert set(ids) <= {s["id"] for s in rec.statements()}  # kept in memory

    disk.broken.clear()  # the disk comes back
    assert rec.wait_durable(timeout=10)
    app.pump([])  # the app retries the save ...
    ctx.flush_saves()  # ... which the save writer writes
    app.pump([])
    assert ctx.save_problem is None
    assert ctx.notices[-1] == ctx.t("notice.storage_ok")
    saved, problem = ctx.saves.load(TEST_CODE)
    assert problem is None and saved.place.get("district") == district
    assert set(ids) <= {s["id"] for s in rec.stored_statements()}
    app.shutdown()


def test_storage_notice_is_translated() -> None:
    import json

    from game import paths

    locale = paths.assets_dir() / "locale"
    for lang in ("en", "es"):
        table = json.loads((locale / f"{lang}.robustness.json").read_text(encoding="utf-8"))
        assert set(table) == {"notice.storage_trouble", "notice.storage_ok"}
        assert all(text.strip() for text in table.values())


def test_refused_settings_file_becomes_a_notice(tmp_path: Path, monkeypatch) -> None:
    """Settings are written by the background save writer; when the disk refuses, the
    player is told once (the notice names the problem) and the game goes on."""
    from game.flow import save_settings

    app = make_app(tmp_path)
    ctx = app.ctx

    def refuse(path, data):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))

    monkeypatch.setattr(game.save_writer, "atomic_write_bytes", refuse)
    ctx.settings.reduced_motion = True
    save_settings(ctx)
    ctx.flush_saves()
    app.pump([])
    assert len(ctx.notices) == 1 and ctx.notices[0].startswith(
        ctx.t("notice.settings_not_saved", problem="")[:10]
    )
    assert os.strerror(errno.EROFS) in ctx.notices[0]
    app.pump([])
    assert len(ctx.notices) == 1  # said once, not every frame
