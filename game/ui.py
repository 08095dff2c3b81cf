"""Buttons, hotspots and keyboard focus: one mechanism every scene uses.

pygame-gui has no focus navigation, so each scene owns a ``UiLayer``: it creates themed
pygame-gui buttons and game-drawn hotspots, keeps them in a focus order, moves focus with
the *next* / *previous* keys (Tab / Shift+Tab unless remapped) and the arrow keys,
activates with the *activate* key (Enter unless remapped) or Space, and draws a visible
focus ring. ``kill()`` removes everything the layer created (called from ``Scene.leave``).

Long pages scroll: items built while ``scrolling`` is true live in page coordinates
(``item.rect``); the layer shows them shifted by ``scroll`` inside ``viewport``, hides
buttons that are not wholly inside it, and scrolls whenever focus moves to an item out
of view (mouse wheel and Page Up / Page Down scroll too).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from game import art
from game.ui_button import LookOnDemandButton
from game.ui_pool import ButtonPool

DEFAULT_KEYCODES = {
    "next": pygame.K_TAB,
    "previous": 0,
    "activate": pygame.K_RETURN,
    "back": pygame.K_ESCAPE,
}


def keycodes(bindings: dict[str, str]) -> dict[str, int]:
    """Turn saved key names (``Settings.key_for``) into pygame key codes; unknown names
    fall back to the default key for that action."""
    out = {}
    for action, default in DEFAULT_KEYCODES.items():
        name = bindings.get(action, "")
        try:
            out[action] = (
                pygame.key.key_code(name) if name else (0 if action in bindings else default)
            )
        except (ValueError, pygame.error):
            out[action] = default
    return out


class Focusable:
    """Something the keyboard can reach: a rect, a spoken label, and an action. A plain
    Focusable (``UiLayer.area``) is a clickable area the layer's owner draws that scenes
    do not list as their hotspots (the header's gear). ``shortcut``: a key that uses it
    directly (the letter or number it is labelled with, ``UiLayer.shortcuts``)."""

    hovered: bool = False
    shortcut: int = 0
    #: what it is, read aloud after its label (``speech.role.<role>``): button, option,
    #: toggle, slider, field
    role: str = "button"

    def __init__(self, rect: pygame.Rect, label: str, on_press: Callable[[], None]):
        self.rect = pygame.Rect(rect)
        self.label = label
        self.on_press = on_press
        self.enabled = True
        self.visible = True
        self.scrolls = False
        #: read aloud before the label ("Text size: 125 %"): the row or group it belongs to
        self.group = ""
        #: read aloud after the role: its state now ("selected", "now 100 %"), or None
        self.state: Callable[[], str] | None = None
        #: keys the control itself uses while focused (a slider's Up / Down): called with
        #: the key, True when it used it (before the arrows move the focus)
        self.on_key: Callable[[int], bool] | None = None

    def activate(self) -> None:
        if self.enabled and self.visible:
            self.on_press()

    def kill(self) -> None:
        """Remove any UI element behind this focusable."""


class GuiElement(Focusable):
    """A focusable drawn by a pygame-gui element (``element``, set by the subclass): the
    layer moves it with a scrolling page and kills it with the scene's UI."""

    element: pygame_gui.core.UIElement

    def place(self, screen_rect: pygame.Rect, shown: bool) -> None:
        """Move the element to where the page is scrolled, hidden when out of view."""
        self.element.set_relative_position(screen_rect.topleft)
        if shown and self.visible:
            self.element.show()
        else:
            self.element.hide()

    def kill(self) -> None:
        self.element.kill()


class GuiButton(GuiElement):
    """A themed pygame-gui button that is also keyboard-focusable (a spare from ``pools``
    when one matches, else a new one)."""

    element: pygame_gui.elements.UIButton

    def __init__(
        self,
        manager: pygame_gui.UIManager,
        rect: pygame.Rect,
        label: str,
        on_press: Callable[[], None],
        object_id: str = "@default",
        pools=(),
    ):
        super().__init__(rect, label, on_press)
        self.style = object_id
        element = next(
            (
                e
                for e in (pool.take(manager, self.rect, label, object_id) for pool in pools)
                if e is not None
            ),
            None,
        )
        if element is not None:
            element.bind(pygame_gui.UI_BUTTON_PRESSED, self.activate)
            self.element = element
            return
        self.element = LookOnDemandButton(
            relative_rect=self.rect,
            text=label,
            manager=manager,
            object_id=ObjectID(class_id=object_id, object_id=None),
            command=self.activate,
        )

    def set_text(self, text: str) -> None:
        self.label = text
        self.element.set_text(text)

    def set_enabled(self, enabled: bool) -> None:
        self.enabled = enabled
        if enabled:
            self.element.enable()
        else:
            self.element.disable()


class Hotspot(Focusable):
    """A game-drawn clickable area (a building, a part, a card). The scene draws it."""

    hovered: bool = False


class TextField(GuiElement):
    """A pygame-gui text entry in the focus order. Reaching it with Tab (or clicking it)
    gives it the keyboard; while it has the keyboard, only next/previous leave it."""

    hovered: bool = False
    role = "field"
    element: pygame_gui.elements.UITextEntryLine

    def __init__(
        self,
        manager: pygame_gui.UIManager,
        rect: pygame.Rect,
        label: str,
        *,
        hidden: bool = False,
        limit: int = 40,
        allowed: str | None = None,
        on_submit: Callable[[], None] | None = None,
    ):
        super().__init__(rect, label, lambda: None)
        self.hidden = hidden
        self.on_submit = on_submit
        self.element = pygame_gui.elements.UITextEntryLine(self.rect, manager)
        self.element.set_text_length_limit(limit)
        if hidden:
            self.element.set_text_hidden(True)
        if allowed is not None:
            self.element.set_allowed_characters(list(allowed))
        self.on_press = self.element.focus

    @property
    def text(self) -> str:
        return self.element.get_text()


class UiLayer:
    """The focusable elements of one scene, in focus order."""

    def __init__(
        self,
        manager: pygame_gui.UIManager,
        palette: art.Palette,
        on_focus: Callable[[Focusable], None] | None = None,
        keys: dict[str, int] | None = None,
        pools: tuple[ButtonPool, ...] = (),
    ):
        self.manager = manager
        self.pools = pools  # where buttons may come from (spares of the last build)
        self.palette = palette
        self.items: list[Focusable] = []
        self.extra_elements: list = []
        self.focus_index: int | None = None
        self.on_focus = on_focus
        self.keyboard_used = False
        self.keys = dict(DEFAULT_KEYCODES if keys is None else keys)
        self.scrolling = False  # items built now scroll with the page
        self.scroll = 0
        self.viewport: pygame.Rect | None = None
        self.page_height = 0

    # -- building ---------------------------------------------------------------
    def button(
        self, rect, label: str, on_press: Callable[[], None], style: str = "@default"
    ) -> GuiButton:
        rect = pygame.Rect(rect)
        item = GuiButton(self.manager, rect, label, on_press, style, self.pools)
        self._add(item)
        return item

    def field(self, rect, label: str, **options) -> TextField:
        """A text entry reachable by Tab; ``options``: hidden, limit, allowed characters,
        on_submit (called on Enter; without it Enter moves to the next control)."""
        item = TextField(self.manager, pygame.Rect(rect), label, **options)
        self._add(item)
        return item

    def hotspot(self, rect, label: str, on_press: Callable[[], None]) -> Hotspot:
        item = Hotspot(pygame.Rect(rect), label, on_press)
        self._add(item)
        return item

    def area(self, rect, label: str, on_press: Callable[[], None]) -> Focusable:
        """A clickable, focusable area that is not one of the scene's hotspots."""
        item = Focusable(pygame.Rect(rect), label, on_press)
        self._add(item)
        return item

    def _add(self, item: Focusable) -> None:
        item.scrolls = self.scrolling and self.viewport is not None
        self.items.append(item)
        if item.scrolls:
            self._place(item)

    # -- scrolling --------------------------------------------------------------
    def screen_rect(self, item: Focusable) -> pygame.Rect:
        """Where ``item`` is on screen (its page rect shifted by the scroll)."""
        return item.rect.move(0, -self.scroll) if item.scrolls else item.rect

    def in_view(self, item: Focusable) -> bool:
        if not item.scrolls:
            return True
        assert self.viewport is not None, "only a page with a viewport scrolls (see _add)"
        return self.viewport.contains(self.screen_rect(item))

    @property
    def max_scroll(self) -> int:
        if self.viewport is None:
            return 0
        bottom = max([self.page_height] + [i.rect.bottom + 16 for i in self.items if i.scrolls])
        return max(0, bottom - self.viewport.bottom)

    def set_scroll(self, y: int) -> bool:
        """Scroll the page to ``y`` (clamped); True if it moved."""
        y = max(0, min(int(y), self.max_scroll))
        if y == self.scroll:
            return False
        self.scroll = y
        for item in self.items:
            if item.scrolls:
                self._place(item)
        return True

    def _place(self, item: Focusable) -> None:
        if isinstance(item, GuiElement):
            item.place(self.screen_rect(item), self.in_view(item))

    def ensure_visible(self, item: Focusable | None) -> None:
        """Scroll just enough for ``item`` to be wholly in view."""
        if item is None or not item.scrolls or self.in_view(item):
            return
        assert self.viewport is not None  # in_view: a scrolling item has one
        rect = self.screen_rect(item)
        if rect.top < self.viewport.top:
            self.set_scroll(self.scroll - (self.viewport.top - rect.top) - 12)
        else:
            self.set_scroll(self.scroll + (rect.bottom - self.viewport.bottom) + 12)

    def shortcuts(self, items, keys: str) -> None:
        """Give ``items`` the keys of ``keys`` in order ("abcd" for options badged A–D,
        "12345" for a 1–5 rating): that key (or its keypad twin) uses the item, unless the
        player bound it to a navigation action or a text field has the keyboard."""
        for item, char in zip(items, keys, strict=False):
            item.shortcut = pygame.key.key_code(char)

    def _shortcut_item(self, key: int) -> Focusable | None:
        if pygame.K_KP1 <= key <= pygame.K_KP9:
            key = pygame.K_1 + (key - pygame.K_KP1)
        if not key or key in self.keys.values():
            return None
        for item in self.items:
            if item.shortcut == key and item.enabled and item.visible:
                return item
        return None

    def own(self, element) -> None:
        """Register a non-focusable pygame-gui element so ``kill`` removes it."""
        self.extra_elements.append(element)

    def kill(self, into: ButtonPool | None = None) -> None:
        """Remove every element; with ``into``, buttons go there hidden, for a next build."""
        for item in self.items:
            if into is not None and isinstance(item, GuiButton) and item.element.alive():
                into.put(item.element, item.style)
            else:
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
            self._focused_changed()

    def _focused_changed(self) -> None:
        for item in self.items:  # the keyboard goes to a text field only while focused
            if isinstance(item, TextField):
                if item is self.focused:
                    item.element.focus()
                else:
                    item.element.unfocus()
        self.ensure_visible(self.focused)
        if self.on_focus and self.focused:
            self.on_focus(self.focused)

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
        self._focused_changed()

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
            self._focused_changed()

    # -- events -----------------------------------------------------------------
    def action_of(self, event: pygame.event.Event) -> str | None:
        """The remappable action a KEYDOWN stands for (next/previous/activate/back), if any."""
        if event.type != pygame.KEYDOWN:
            return None
        for action in ("next", "previous", "activate", "back"):
            if self.keys.get(action) and event.key == self.keys[action]:
                if action == "next" and event.mod & pygame.KMOD_SHIFT:
                    return "previous"
                return action
        if event.key in self.keys.values():
            return None
        if event.key == pygame.K_TAB:  # Shift+Tab always goes back, as in every app
            return "previous" if event.mod & pygame.KMOD_SHIFT else None
        if event.key in (pygame.K_KP_ENTER, pygame.K_SPACE):
            return "activate"
        return None

    def handle_event(self, event: pygame.event.Event) -> bool:
        """Keyboard navigation, scrolling and hotspot clicks. True when it used the event."""
        if event.type == pygame.KEYDOWN:
            action = self.action_of(event)
            field = self.focused
            typing = isinstance(field, TextField) and field.element.is_focused
            if (
                isinstance(field, TextField)
                and typing
                and event.key in (pygame.K_RETURN, pygame.K_KP_ENTER)
            ):
                if field.on_submit is None:
                    self.move(1)  # Enter in a field goes to the next control
                else:
                    field.on_submit()
                return True
            if typing and action not in ("next", "previous"):
                return False  # letters, arrows, Delete belong to the field
            shortcut = None if (typing or action) else self._shortcut_item(event.key)
            if shortcut is not None:
                self.focus(shortcut)
                shortcut.activate()
                return True
            if action in ("next", "previous"):
                self.keyboard_used = True
                self.move(1 if action == "next" else -1)
                return True
            own = None if (typing or action) else getattr(self.focused, "on_key", None)
            if own is not None and own(event.key):
                self.keyboard_used = True
                return True
            arrows = {
                pygame.K_LEFT: (-1, 0),
                pygame.K_RIGHT: (1, 0),
                pygame.K_UP: (0, -1),
                pygame.K_DOWN: (0, 1),
            }
            if event.key in arrows and event.key not in self.keys.values():
                self.keyboard_used = True
                self.move_direction(*arrows[event.key])
                return True
            if action == "activate":
                item = self.focused
                if item is not None:
                    self.keyboard_used = True
                    item.activate()
                    return True
            pages = {pygame.K_PAGEDOWN: 1, pygame.K_PAGEUP: -1}
            if event.key in pages and self.viewport is not None:
                return self.set_scroll(self.scroll + pages[event.key] * self.viewport.h * 3 // 4)
        elif event.type == pygame.MOUSEWHEEL and self.viewport is not None:
            return self.set_scroll(self.scroll - event.y * 60)
        elif event.type == pygame.MOUSEMOTION:
            for item in self.items:
                if not isinstance(item, GuiButton):
                    item.hovered = (
                        item.visible
                        and self.in_view(item)
                        and self.screen_rect(item).collidepoint(event.pos)
                    )
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            for item in self.items:
                if (
                    not isinstance(item, GuiButton)
                    and item.visible
                    and self.in_view(item)
                    and self.screen_rect(item).collidepoint(event.pos)
                ):
                    self.focus_index = self.items.index(item)
                    item.activate()
                    return True
        return False

    def draw_focus(self, surface: pygame.Surface) -> None:
        """Draw the focus ring (only once the keyboard has been used, as browsers do)."""
        item = self.focused
        if item is not None and item.visible and self.keyboard_used and self.in_view(item):
            art.focus_ring(surface, self.screen_rect(item), self.palette)
