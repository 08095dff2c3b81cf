"""The scene stack: screens pushed, popped and replaced by name, and who is told.

Every screen has a name in one table (``game.scenes.SCENES``); a scene opens another by
name, never by importing it: ``ctx.scenes.go("district", district_id="lab")`` pushes one,
``replace("reflection", challenge_id=...)`` swaps the top, ``clear_to("title")`` starts
over, ``pop()`` goes back. A named scene's module is imported the first time it is shown,
so starting the game imports only the title's. Tests and tools may push a built scene
object instead of a name.

Listeners (``watch``) follow the stack without any scene calling them; for each change
they are told, in this order:

- ``("entering", scene)`` before ``scene.enter``, while the top of the stack (if any) is
  still live: a listener may change the context (the class session switches the
  language, so the screen is built in it) but must not change the stack;
- ``("entered", scene)`` right after ``scene.enter`` (a listener may push a scene now);
- ``("left", scene)`` after ``scene.leave`` (popped, replaced or cleared);
- ``("resumed", scene)`` after a pop, when ``scene`` is on top again (after ``resume``).

The class session (``game.class_session.watch``) is such a listener.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Protocol

import pygame

from game.ui_pool import ButtonPool

#: surfaces kept for reuse between screens (a page is 15 MB, kept art 3.5 MB)
SPARE_PIXELS = 6

EVENTS = ("entering", "entered", "left", "resumed")


class StackedScene(Protocol):
    """What the stack and the app loop use of a scene (``game.scene.Scene`` has it all)."""

    name: str
    opaque: bool

    def enter(self, ctx: Any) -> None: ...
    def leave(self) -> None: ...
    def pause(self) -> None: ...
    def resume(self) -> None: ...
    def handle_event(self, event: pygame.event.Event) -> None: ...
    def update(self, dt: float) -> None: ...
    def draw(self, surface: pygame.Surface) -> None: ...

    @property
    def animating(self) -> bool: ...


Listener = Callable[[str, StackedScene], None]


class SceneRoutes:
    """Scene names to scene classes, from a table of ``"module:Class"`` strings; a class
    is imported the first time its name is asked for."""

    def __init__(self, table: Mapping[str, str]) -> None:
        self._table = dict(table)
        self._classes: dict[str, type] = {}

    def names(self) -> list[str]:
        return list(self._table)

    def scene_class(self, name: str) -> type:
        """The class for ``name``; LookupError naming the scene when there is none."""
        if name not in self._table:
            raise LookupError(f"no scene named {name!r} (the names are in game/scenes/__init__.py)")
        found = self._classes.get(name)
        if found is None:
            module, _, attribute = self._table[name].partition(":")
            found = self._classes[name] = getattr(importlib.import_module(module), attribute)
        return found

    def make(self, name: str, **kwargs: Any) -> StackedScene:
        """A new scene ``name`` built with ``kwargs`` (its constructor's keyword arguments)."""
        return self.scene_class(name)(**kwargs)


def game_routes() -> SceneRoutes:
    """The game's own table (``game.scenes.SCENES``)."""
    from game.scenes import SCENES

    return SceneRoutes(SCENES)


class SceneStack:
    """Push, pop and replace scenes, calling their hooks in a documented order."""

    def __init__(self, ctx: Any, routes: SceneRoutes | None = None) -> None:
        self._ctx = ctx
        self.routes = routes if routes is not None else game_routes()
        self._scenes: list[StackedScene] = []
        self._listeners: list[Listener] = []
        self.changed = False
        #: buttons of the scene that just left, for the scene that comes next to take
        #: (``game.ui_pool``); what it did not take is killed when the change is over
        self.spare = ButtonPool()
        #: off-screen surfaces scenes let go of (pages, kept art), for the next to reuse
        self._spare_pixels: list[pygame.Surface] = []

    # -- listeners ----------------------------------------------------------------------
    def watch(self, listener: Listener) -> None:
        """Call ``listener(event, scene)`` on every change from now on (see the module)."""
        self._listeners.append(listener)

    def _tell(self, event: str, scene: StackedScene) -> None:
        for listener in list(self._listeners):
            listener(event, scene)

    # -- pixels -------------------------------------------------------------------------
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

    # -- the stack ----------------------------------------------------------------------
    @property
    def top(self) -> StackedScene | None:
        return self._scenes[-1] if self._scenes else None

    def __len__(self) -> int:
        return len(self._scenes)

    def __iter__(self) -> Iterator[StackedScene]:
        return iter(list(self._scenes))

    def _scene(self, target: str | StackedScene, kwargs: dict[str, Any]) -> StackedScene:
        if isinstance(target, str):
            return self.routes.make(target, **kwargs)
        if kwargs:
            raise TypeError("arguments go with a scene name, not with a built scene")
        return target

    def _enter(self, scene: StackedScene) -> None:
        self._scenes.append(scene)
        scene.enter(self._ctx)
        self._tell("entered", scene)

    def _done(self) -> None:
        self.changed = True
        self.spare.clear()

    def go(self, name: str, **kwargs: Any) -> StackedScene:
        """Open the scene ``name`` (built with ``kwargs``) on top; returns it."""
        return self.push(name, **kwargs)

    def push(self, target: str | StackedScene, **kwargs: Any) -> StackedScene:
        """Pause the current top scene and enter ``target`` (a name or a scene) above it."""
        scene = self._scene(target, kwargs)
        self._tell("entering", scene)
        if self._scenes:
            self._scenes[-1].pause()
        self._enter(scene)
        self._done()
        return scene

    def pop(self) -> StackedScene | None:
        """Leave the top scene and resume the one below it."""
        if not self._scenes:
            return None
        scene = self._scenes.pop()
        scene.leave()
        self._tell("left", scene)
        if self._scenes:
            below = self._scenes[-1]
            below.resume()
            self._tell("resumed", below)
        self._done()
        return scene

    def replace(self, target: str | StackedScene, **kwargs: Any) -> StackedScene:
        """Leave the top scene and enter ``target`` in its place (no resume below)."""
        scene = self._scene(target, kwargs)
        self._tell("entering", scene)
        if self._scenes:
            old = self._scenes.pop()
            old.leave()
            self._tell("left", old)
        self._enter(scene)
        self._done()
        return scene

    def clear(self) -> None:
        """Leave every scene, top first, resuming none (used at shutdown)."""
        while self._scenes:
            scene = self._scenes.pop()  # off the stack first: a failing leave() is not retried
            scene.leave()
            self._tell("left", scene)
        self._done()

    def clear_to(self, target: str | StackedScene, **kwargs: Any) -> StackedScene:
        """Leave every scene, top first, then enter ``target`` alone."""
        scene = self._scene(target, kwargs)
        self.clear()
        self._tell("entering", scene)
        self._enter(scene)
        self._done()
        return scene

    def visible(self) -> list[StackedScene]:
        """The scenes to draw, bottom first: from the top down to the first opaque one."""
        out: list[StackedScene] = []
        for scene in reversed(self._scenes):
            out.append(scene)
            if scene.opaque:
                break
        return list(reversed(out))
