"""Spare pygame-gui buttons kept between two builds of the UI (issue 9: a screen's UI is
built in the frame that shows it, and a pygame-gui button costs about a millisecond to
make). Filled and emptied on the game thread by ``game.ui.UiLayer``, the scenes and the
scene stack; touches only the buttons it holds.
"""

from __future__ import annotations

import pygame
from pygame_gui.core import UIElement


class ButtonPool:
    """Spare pygame-gui buttons, hidden, that the next build may take instead of creating
    new ones (a pygame-gui button costs about a millisecond to make: theme look-ups, its
    shape and its label rendered per state). A spare is taken only for a button of the
    same manager, style, label and size (it is moved, enabled and shown again), so it looks
    exactly like a new one. Filled by ``UiLayer.kill(into=pool)``; ``clear()`` kills what
    no build took. Used on the game thread by the scenes' layers and the scene stack."""

    def __init__(self) -> None:
        self._spare: dict[tuple, list] = {}

    def __len__(self) -> int:
        return sum(len(v) for v in self._spare.values())

    @staticmethod
    def _key(manager, style: str, label: str, size) -> tuple:
        return (id(manager), style, label, tuple(size))

    def put(self, element, style: str) -> None:
        # hidden quietly: UIButton.hide() would post an 'unhovered' event for a button that
        # no longer belongs to any screen (and pygame may be shutting down)
        UIElement.hide(element)
        if element.drawable_shape is not None:
            element.drawable_shape.set_active_state("normal" if element.is_enabled else "disabled")
        key = self._key(element.ui_manager, style, element.text, element.relative_rect.size)
        self._spare.setdefault(key, []).append(element)

    def take(self, manager, rect: pygame.Rect, label: str, style: str):
        spares = self._spare.get(self._key(manager, style, label, rect.size))
        if not spares:
            return None
        element = spares.pop(0)
        element.set_relative_position(rect.topleft)
        element.held = element.pressed = element.pressed_event = False
        element.enable()
        element.show()
        return element

    def clear(self) -> None:
        for spares in self._spare.values():
            for element in spares:
                element.kill()
        self._spare.clear()
