"""Issue 13 item 21: 'Give me another code' moves nothing (no button under the cursor
changes), 'Start exploring' stays on screen at 100 % text, and the title has no scrollbar."""

from __future__ import annotations

import pytest

import game.scenes.create_player as create_player
from game.scenes.create_player import CreatePlayerScene
from tests.helpers import click, make_app

CODES = ["RED-BEE-22", "SILVER-BADGER-99", "JADE-OAK-34", "BRIGHT-OTTER-88"]


def _rects(scene):
    return [tuple(item.rect) for item in scene.ui.items]


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_another_code_keeps_every_control_in_place(tmp_path, monkeypatch, scale):
    codes = iter(CODES * 3)
    monkeypatch.setattr(create_player, "generate_player_code", lambda rng: next(codes))
    app = make_app(tmp_path, signed_in=False)
    app.ctx.settings.text_scale = scale
    app.apply_settings()
    scene = CreatePlayerScene()
    app.ctx.scenes.push(scene)
    app.pump([])
    first = _rects(scene)
    layout = scene.layout()
    for _ in CODES[1:]:
        label = app.ctx.t("create.another_code")
        button = next(i for i in scene.ui.items if i.label == label)
        before = scene.code
        for event in click(scene.ui.screen_rect(button).center):  # the mouse, as a pupil
            app.pump([event])
        assert scene.code != before
        assert _rects(scene) == first, scene.code
        assert {k: v for k, v in scene.layout().items() if k != "write_y"} == {
            k: v for k, v in layout.items() if k != "write_y"
        }
    if scale == 1.0:  # the whole page fits: Start is on screen
        start = scene.layout()["start"]
        assert start.bottom <= scene.ui.viewport.bottom and scene.ui.max_scroll == 0
    app.shutdown()


def test_title_has_no_needless_scrollbar(tmp_path):
    app = make_app(tmp_path, signed_in=False)
    app.pump([])
    app.draw()
    assert app.ctx.scenes.top.ui.max_scroll == 0
    app.shutdown()


def test_a_teacher_code_page_fits_too(tmp_path):
    """A handout code's first sign-in shows the same page with a note instead of the
    'another code' button; Start stays on screen at 100 % text."""
    from game.save import PlayerSave

    app = make_app(tmp_path, signed_in=False)
    scene = CreatePlayerScene(PlayerSave(code="BRIGHT-BADGER-99", consent_given=False))
    app.ctx.scenes.push(scene)
    app.pump([])
    assert app.ctx.t("create.another_code") not in [i.label for i in scene.ui.items]
    lay = scene.layout()
    assert not lay["note"].colliderect(lay["code_box"])
    assert lay["start"].bottom <= scene.ui.viewport.bottom and scene.ui.max_scroll == 0
    app.shutdown()
