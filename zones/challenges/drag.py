"""Carrying a thing to a target on a board (direct manipulation, issue 16 item 2).

A view makes the thing a hotspot whose press calls ``pick(thing)``: a mouse press or
the keyboard's Enter picks it up. With the mouse held down it follows the pointer and
is dropped on the target under the pointer when the button is released; with the
keyboard (or click, then click) the pupil then presses a target, which the view turns
into the same action. Only the view uses this: the rules see one action per drop.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pygame


def page_pos(ui: Any, pos: tuple[int, int]) -> tuple[int, int]:
    """A screen position in the board's coordinates (on a scrolling page, shifted by the scroll)."""
    if getattr(ui, "viewport", None) is not None:
        return pos[0], pos[1] + getattr(ui, "scroll", 0)
    return pos


class Drag:
    """What is in the pupil's hand, and where the mouse carries it (board coordinates)."""

    def __init__(self) -> None:
        self.held: str | None = None
        self.pos: tuple[int, int] | None = None

    def pick(self, thing: str) -> None:
        self.held, self.pos = thing, None

    def drop(self) -> None:
        self.held, self.pos = None, None

    @property
    def carried(self) -> bool:
        """True while the mouse carries the thing (it is drawn at ``pos``)."""
        return self.held is not None and self.pos is not None

    def over(self, targets: Mapping[str, pygame.Rect]) -> str | None:
        """The target under the carried thing, if any."""
        if self.pos is None:
            return None
        return next((key for key, rect in targets.items() if rect.collidepoint(self.pos)), None)

    def handle(
        self,
        event: pygame.event.Event,
        ui: Any,
        targets: Mapping[str, pygame.Rect],
        on_drop: Callable[[str, str], None],
    ) -> bool:
        """Follow the mouse while the thing is held with the button down; on release over
        a target call ``on_drop(thing, target)``. True when the event was used."""
        if self.held is None:
            return False
        if event.type == pygame.MOUSEMOTION and event.buttons and event.buttons[0]:
            self.pos = page_pos(ui, event.pos)
            return True
        if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.pos is not None:
            self.pos = page_pos(ui, event.pos)
            target, thing = self.over(targets), self.held
            self.drop()
            if target is not None and thing is not None:
                on_drop(thing, target)
            return True
        return False


def pointer(kind: int, pos: tuple[int, int], held: bool = False) -> pygame.event.Event:
    """One mouse event at window position ``pos`` as pygame posts it (for ``Mechanic.gesture``)."""
    if kind == pygame.MOUSEMOTION:
        return pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(int(held), 0, 0))
    return pygame.event.Event(kind, button=1, pos=pos)


def shown_centre(ui: Any, spot: Any) -> tuple[int, int]:
    """Scroll ``spot`` into view and give its middle in window coordinates."""
    ui.ensure_visible(spot)
    return ui.screen_rect(spot).center


def click_events(pos: tuple[int, int]) -> list[pygame.event.Event]:
    """Move to ``pos``, press and release there."""
    return [
        pointer(pygame.MOUSEMOTION, pos),
        pointer(pygame.MOUSEBUTTONDOWN, pos),
        pointer(pygame.MOUSEBUTTONUP, pos),
    ]
