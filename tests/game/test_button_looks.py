"""The game's buttons build their hovered / pressed / selected looks when first shown, not
one per frame after they are made (game/ui_button.py), and never show a stale text."""

from __future__ import annotations

import pygame
import pygame_gui
import pytest
from pygame_gui.elements import UIButton

from game.ui_button import LookOnDemandButton


@pytest.fixture
def manager():
    pygame.init()
    pygame.display.set_mode((640, 480))
    return pygame_gui.UIManager((640, 480))


def _make(cls, manager, text="Start", x=10):
    return cls(relative_rect=pygame.Rect(x, 10, 220, 48), text=text, manager=manager)


def _pixels(button, look: str) -> bytes:
    return pygame.image.tobytes(button.drawable_shape.states[look].surface, "RGBA")


def _frames(manager, n=8):
    for _ in range(n):
        manager.update(1 / 60)


def test_a_new_button_builds_only_the_look_it_shows(manager):
    plain, lazy = _make(UIButton, manager), _make(LookOnDemandButton, manager, x=300)
    _frames(manager)
    built_plain = [k for k, v in plain.drawable_shape.states.items() if v.generated]
    assert len(built_plain) >= 3  # pygame-gui made every look, one per frame
    assert lazy.looks_built() == ["normal"]


def test_hover_builds_the_look_with_the_current_text(manager):
    lazy = _make(LookOnDemandButton, manager)
    _frames(manager)
    lazy.set_text("Play again")
    lazy.drawable_shape.set_active_state("hovered")
    fresh = _make(UIButton, manager, text="Play again", x=300)
    _frames(manager)
    assert "hovered" in lazy.looks_built()
    assert _pixels(lazy, "hovered") == _pixels(fresh, "hovered")


def test_a_text_change_while_hovered_shows_the_new_text_at_once(manager):
    lazy = _make(LookOnDemandButton, manager)
    _frames(manager)
    lazy.drawable_shape.set_active_state("hovered")
    lazy.set_text("Off")
    fresh = _make(UIButton, manager, text="Off", x=300)
    _frames(manager)
    assert _pixels(lazy, "hovered") == _pixels(fresh, "hovered")
    assert lazy.looks_built() == ["normal", "hovered"]
    lazy.drawable_shape.set_active_state("active")  # a look made stale by the text change
    assert _pixels(lazy, "active") == _pixels(fresh, "active")
