"""Buttons, hotspots and keyboard focus: one mechanism every scene uses.

pygame-gui has no focus navigation, so each scene owns a ``UiLayer``: it creates themed
pygame-gui buttons and game-drawn hotspots, keeps them in a focus order, moves focus with
Tab / Shift+Tab / arrow keys, activates with Enter or Space, and draws a visible focus
ring. ``kill()`` removes everything the layer created (called from ``Scene.leave``).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game import art


class Focusable:
    """Something the keyboard can reach: a rect, a spoken label, and an action."""

    def __init__(self, rect: pygame.Rect, label: str, on_press: Callable[[], None]):
        self.rect = pygame.Rect(rect)
        self.label = label
        self.on_press = on_press
        self.enabled = True
        self.visible = True

    def activate(self) -> None:
        if self.enabled and self.visible:
            self.on_press()

    def kill(self) -> None:
        """Remove any UI element behind this focusable."""


class GuiButton(Focusable):
    """A themed pygame-gui button that is also keyboard-focusable."""

    def __init__(self, manager: pygame_gui.UIManager, rect: pygame.Rect, label: str,
                 on_press: Callable[[], None], object_id: str = "@default"):
        super().__init__(rect, label, on_press)
        self.element = pygame_gui.elements.UIButton(
            relative_rect=self.rect, text=label, manager=manager,
            object_id=ObjectID(class_id=object_id, object_id=None), command=self.activate)

    def set_text(self, text: str) -> None:
        self.label = text
        self.element.set_text(text)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self.element.enable()
        else:
            self.element.disable()

    def kill(self) -> None:
        self.element.kill()


class Hotspot(Focusable):
    """A game-drawn clickable area (a building, a part, a card). The scene draws it."""

    hovered: bool = False


class UiLayer:
    """The focusable elements of one scene, in focus order."""

    def __init__(self, manager: pygame_gui.UIManager, palette: art.Palette,
                 on_focus: Callable[[Focusable], None] | None = None):
        self.manager = manager
        self.palette = palette
        self.items: list[Focusable] = []
        self.extra_elements: list = []
        self.focus_index: int | None = None
        self.on_focus = on_focus
        self.keyboard_used = False

    # -- building ---------------------------------------------------------------
    def button(self, rect, label: str, on_press: Callable[[], None], style: str = "@default") -> GuiButton:
        item = GuiButton(self.manager, pygame.Rect(rect), label, on_press, style)
        self.items.append(item)
        return item

    def hotspot(self, rect, label: str, on_press: Callable[[], None]) -> Hotspot:
        item = Hotspot(pygame.Rect(rect), label, on_press)
        self.items.append(item)
        return item

    def own(self, element) -> None:
        """Register a non-focusable pygame-gui element so ``kill`` removes it."""
        self.extra_elements.append(element)

    def kill(self) -> None:
        for item in self.items:
            item.kill()
        for element in self.extra_elements:
            element.kill()
        self.items.clear()
        self.extra_elements.clear()
        self.focus_index = None

    # -- focus ------------------------------------------------------------------
    @property
    def focused(self) -> Focusable | None:
        if self.focus_index is None or self.focus_index >= len(self.items):
            return None
        return self.items[self.focus_index]

    def focus(self, item: Focusable) -> None:
        if item in self.items:
            self.focus_index = self.items.index(item)
            if self.on_focus:
                self.on_focus(item)

    def _reachable(self) -> list[int]:
        return [i for i, it in enumerate(self.items) if it.enabled and it.visible]

    def move(self, step: int) -> None:
        """Tab order: next (+1) or previous (-1) reachable element, wrapping."""
        reach = self._reachable()
        if not reach:
            return
        if self.focus_index not in reach:
            self.focus_index = reach[0] if step > 0 else reach[-1]
        else:
            pos = reach.index(self.focus_index)
            self.focus_index = reach[(pos + step) % len(reach)]
        if self.on_focus and self.focused:
            self.on_focus(self.focused)

    def move_direction(self, dx: int, dy: int) -> None:
        """Arrow keys: the nearest reachable element in that direction, else Tab order."""
        current = self.focused
        if current is None:
            self.move(1)
            return
        cx, cy = current.rect.center
        best, best_cost = None, None
        for i in self._reachable():
            item = self.items[i]
            if item is current:
                continue
            ix, iy = item.rect.center
            ddx, ddy = ix - cx, iy - cy
            along = ddx * dx + ddy * dy
            if along <= 0:
                continue
            across = abs(ddx * dy) + abs(ddy * dx)
            cost = along + 2 * across
            if best_cost is None or cost < best_cost:
                best, best_cost = i, cost
        if best is None:
            self.move(1 if dx + dy > 0 else -1)
        else:
            self.focus_index = best
            if self.on_focus and self.focused:
                self.on_focus(self.focused)

    # -- events -----------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> bool:
        """Keyboard navigation and hotspot clicks. Returns True when it used the event."""
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_TAB:
                self.keyboard_used = True
                self.move(-1 if event.mod & pygame.KMOD_SHIFT else 1)
                return True
            arrows = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0),
                      pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}
            if event.key in arrows:
                self.keyboard_used = True
                self.move_direction(*arrows[event.key])
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                item = self.focused
                if item is not None:
                    self.keyboard_used = True
                    item.activate()
                    return True
        elif event.type == pygame.MOUSEMOTION:
            for item in self.items:
                if isinstance(item, Hotspot):
                    item.hovered = item.visible and item.rect.collidepoint(event.pos)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for item in self.items:
                if isinstance(item, Hotspot) and item.visible and item.rect.collidepoint(event.pos):
                    self.focus_index = self.items.index(item)
                    item.activate()
                    return True
        return False

    def draw_focus(self, surface: pygame.Surface) -> None:
        """Draw the focus ring (only once the keyboard has been used, as browsers do)."""
        item = self.focused
        if item is not None and item.visible and self.keyboard_used:
            art.focus_ring(surface, item.rect, self.palette)
