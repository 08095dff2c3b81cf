"""The base class of every screen.

A scene is one screen. The stack (``game.scene_stack.SceneStack``) calls its hooks in
this order:

- ``enter(ctx)``   when it becomes part of the stack (push/replace); build UI here.
- ``pause()``      when another scene is pushed on top of it.
- ``resume()``     when the scene above it is popped; rebuild what ``pause`` removed.
- ``leave()``      when it is popped or replaced; kill every UI element it owns.
- ``handle_event(event)``  for each input event, top scene only.
- ``update(dt)``   once per fixed logic step (seconds), top scene only.
- ``draw(surface)``  once per displayed frame; scenes below an opaque scene are not drawn.

A scene may touch only its own state and the context it was given; it changes screens
by name through ``self.ctx.scenes`` (``go("district", district_id=...)``, ``replace``,
``pop``); it never imports another scene.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    from game.context import GameContext


class Scene:
    """Base class for screens. Subclasses override the hooks they need."""

    #: a scene that covers the whole screen hides the scenes below it
    opaque: bool = True
    #: a stable name, used in saves and telemetry (``screen/<name>``)
    name: str = "scene"

    def __init__(self) -> None:
        self._ctx: GameContext | None = None

    @property
    def ctx(self) -> GameContext:
        """The game context, set by :meth:`enter`; a scene used before it entered the stack
        is a programming error and says so."""
        if self._ctx is None:
            raise RuntimeError(f"scene {self.name!r} used before it entered the scene stack")
        return self._ctx

    @ctx.setter
    def ctx(self, ctx: GameContext) -> None:
        self._ctx = ctx

    @property
    def entered(self) -> bool:
        """True once :meth:`enter` has given the scene its context."""
        return self._ctx is not None

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
