"""Scenes and the scene stack.

A scene is one screen. The stack calls its hooks in this order:

- ``enter(ctx)``   when it becomes part of the stack (push/replace); build UI here.
- ``pause()``      when another scene is pushed on top of it.
- ``resume()``     when the scene above it is popped; rebuild what ``pause`` removed.
- ``leave()``      when it is popped or replaced; kill every UI element it owns.
- ``handle_event(event)``  for each input event, top scene only.
- ``update(dt)``   once per fixed logic step (seconds), top scene only.
- ``draw(surface)``  once per displayed frame; scenes below an opaque scene are not drawn.

A scene may touch only its own state and the context it was given; it changes screens
by calling ``self.ctx.scenes.push/pop/replace``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.ui_pool import ButtonPool

#: surfaces kept for reuse between screens (a page is 15 MB, kept art 3.5 MB)
SPARE_PIXELS = 6

if TYPE_CHECKING:
    from game.context import GameContext


class Scene:
    """Base class for screens. Subclasses override the hooks they need."""

    #: a scene that covers the whole screen hides the scenes below it
    opaque: bool = True
    #: a stable name, used in saves and telemetry (``screen/<name>``)
    name: str = "scene"

    def __init__(self) -> None:
        self.ctx: GameContext | None = None

    # -- lifecycle -------------------------------------------------------------
    def enter(self, ctx: GameContext) -> None:
        """Called when pushed or swapped in. Build UI elements here."""
        self.ctx = ctx

    def leave(self) -> None:
        """Called when popped or replaced. Kill the UI elements this scene owns."""

    def pause(self) -> None:
        """Called when another scene is pushed above this one."""

    def resume(self) -> None:
        """Called when the scene above is popped and this one is on top again."""

    # -- per frame -------------------------------------------------------------
    def handle_event(self, event: pygame.event.Event) -> None:
        """Called for each input event while this scene is on top."""

    def update(self, dt: float) -> None:
        """Called once per fixed logic step (``dt`` seconds) while on top."""

    def draw(self, surface: pygame.Surface) -> None:
        """Called once per displayed frame. Draw only; change no state."""

    @property
    def animating(self) -> bool:
        """True while something moves, so the loop keeps drawing; False lets it sleep."""
        return False

    def save_point(self) -> dict[str, Any] | None:
        """Where a resumed player should come back to, or None for 'not here'."""
        return None


class SceneStack:
    """Push, pop and replace scenes, calling their hooks in a documented order."""

    def __init__(self, ctx: GameContext) -> None:
        self._ctx = ctx
        self._scenes: list[Scene] = []
        self.changed = False
        #: buttons of the scene that just left, for the scene that comes next to take
        #: (``game.ui_pool``); what it did not take is killed when the change is over
        self.spare = ButtonPool()
        #: off-screen surfaces scenes let go of (pages, kept art), for the next to reuse
        self._spare_pixels: list[pygame.Surface] = []

    def give_pixels(self, surface: pygame.Surface) -> None:
        """Keep a surface a scene no longer needs (at most ``SPARE_PIXELS``, newest first)."""
        self._spare_pixels.insert(0, surface)
        del self._spare_pixels[SPARE_PIXELS:]

    def take_pixels(self, size: tuple[int, int], like: pygame.Surface | None) -> pygame.Surface:
        """A surface of ``size`` in ``like``'s format (32-bit without ``like``): a kept one
        when one matches, else a new one. Its pixels are whatever they were: callers fill it."""
        model = like if like is not None else pygame.Surface((1, 1))
        wanted = (tuple(size), model.get_bitsize(), model.get_masks())
        for i, surface in enumerate(self._spare_pixels):
            if (surface.get_size(), surface.get_bitsize(), surface.get_masks()) == wanted:
                return self._spare_pixels.pop(i)
        return pygame.Surface(size, 0, like) if like is not None else pygame.Surface(size)

    @property
    def top(self) -> Scene | None:
        return self._scenes[-1] if self._scenes else None

    def __len__(self) -> int:
        return len(self._scenes)

    def __iter__(self):
        return iter(list(self._scenes))

    def push(self, scene: Scene) -> None:
        """Pause the current top scene and enter ``scene`` above it."""
        if self._scenes:
            self._scenes[-1].pause()
        self._scenes.append(scene)
        scene.enter(self._ctx)
        self.changed = True
        self.spare.clear()

    def pop(self) -> Scene | None:
        """Leave the top scene and resume the one below it."""
        if not self._scenes:
            return None
        scene = self._scenes.pop()
        scene.leave()
        if self._scenes:
            self._scenes[-1].resume()
        self.changed = True
        self.spare.clear()
        return scene

    def replace(self, scene: Scene) -> None:
        """Leave the top scene and enter ``scene`` in its place (no resume below)."""
        if self._scenes:
            self._scenes.pop().leave()
        self._scenes.append(scene)
        scene.enter(self._ctx)
        self.changed = True
        self.spare.clear()

    def clear(self) -> None:
        """Leave every scene, top first, resuming none (used at shutdown)."""
        while self._scenes:
            scene = self._scenes.pop()     # off the stack first: a failing leave() is not retried
            scene.leave()
        self.changed = True
        self.spare.clear()

    def clear_to(self, scene: Scene) -> None:
        """Leave every scene, top first, then enter ``scene`` alone."""
        self.clear()
        self._scenes.append(scene)
        scene.enter(self._ctx)
        self.changed = True
        self.spare.clear()

    def visible(self) -> list[Scene]:
        """The scenes to draw, bottom first: from the top down to the first opaque one."""
        out: list[Scene] = []
        for scene in reversed(self._scenes):
            out.append(scene)
            if scene.opaque:
                break
        return list(reversed(out))
