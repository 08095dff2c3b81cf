"""A long day in one process: leaving screens releases what they built."""

from __future__ import annotations

from pathlib import Path

from tests.helpers import make_app


def test_scene_changes_leave_no_ui_behind(tmp_path: Path) -> None:
    """Going hub -> district -> hub many times leaves the UI manager's sprite group as it
    was: every element killed, and no rect of a killed element kept (pygame-gui 0.6 keeps
    them in ``lostsprites`` for ever unless the app drops them after each draw)."""
    app = make_app(tmp_path)
    ctx = app.ctx
    group = ctx.manager.get_sprite_group()
    app.dirty = True
    app.pump([])
    baseline = len(group.sprites())
    for _lap in range(3):
        for district in ctx.content.districts:
            ctx.scenes.top.open_district(district.id)
            app.pump([])
            while ctx.scenes.top.name != "hub":
                ctx.scenes.pop()
                app.pump([])
    assert len(group.sprites()) == baseline
    assert group.lostsprites == []
    app.shutdown()
