"""Changing a setting rebuilds only the screen on top; screens below rebuild when they
come back, so their buttons never show through."""

import pygame_gui

from game.scenes.settings_screen import SettingsScene
from tests.helpers import make_app


def _buttons(manager):
    return [
        e
        for e in manager.get_root_container().elements
        if isinstance(e, pygame_gui.elements.UIButton)
    ]


def test_only_the_top_screen_has_buttons_after_a_settings_change(tmp_path):
    app = make_app(tmp_path)  # at the hub
    app.ctx.scenes.push(SettingsScene())
    app.pump([])
    settings = app.ctx.scenes.top
    settings.change("text_scale", 1.5)
    app.pump([])
    mine = {item.element for item in settings.ui.items if hasattr(item, "element")}
    assert set(_buttons(app.ctx.manager)) <= mine
    app.ctx.scenes.pop()  # back at the hub: its buttons return
    app.pump([])
    hub = app.ctx.scenes.top
    assert {item.element for item in hub.ui.items if hasattr(item, "element")} == set(
        _buttons(app.ctx.manager)
    )
    app.shutdown()
