"""Input as a player gives it: real pygame events through ``App.handle``.

Called by the bot (``game.sim.bot``) and the tests to do a mechanic's action the way the
UI does: the control bound to the action (``Mechanic.label_for``) is scrolled into view
and clicked with a MOUSEBUTTONDOWN/UP pair, so pygame-gui, the focus layer and the
scene's ``handle_event`` all run as for a pupil's click; an action no single control does
(a drop, a fader) is done by the mechanic's ``gesture``. Touches only the App it is given.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

if TYPE_CHECKING:
    from game.ui import Focusable


def control_for(scene: Any, action: object) -> Focusable | None:
    """The enabled, visible control of ``scene`` that does ``action``, or None: the one
    bound to it by label (``Mechanic.bind``), else the one whose callback asks for it (each
    callback is run once with ``perform`` caught, so nothing happens to the game)."""
    items = [i for i in scene.ui.items if i.enabled and i.visible]
    label = scene.mechanic.label_for(action)
    if label:
        for item in items:
            if item.label == label:
                return item
    mechanic = scene.mechanic
    asked: list[object] = []
    mechanic.perform = asked.append  # an instance attribute hides the method
    try:
        for item in items:
            if getattr(item.on_press, "__self__", None) is scene:
                continue  # the scene's own buttons (Stop, the goal)
            asked.clear()
            item.on_press()
            if asked and asked[0] == action:
                return item
    finally:
        del mechanic.perform
    return None


def click(app, pos: tuple[int, int]) -> None:
    """A left click at ``pos`` (window coordinates), as the mouse would give it."""
    app.handle(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos))
    app.handle(pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos))


def press_control(app, scene, item) -> None:
    """Scroll ``item`` into view and click its middle."""
    scene.ui.ensure_visible(item)
    click(app, scene.ui.screen_rect(item).center)


def gesture(app, scene, action) -> bool:
    """Do ``action`` with the pointer events the mechanic names for it (``Mechanic.gesture``:
    a pick-up and a drop, a fader dragged), each through ``App.handle``; False when it names
    none."""
    done = False
    for event in scene.mechanic.gesture(action):
        app.handle(event)
        done = True
    return done


def do_action(app, scene, action) -> bool:
    """Do ``action`` by clicking its control, else by the mechanic's gesture for it; False
    when neither does it now."""
    item = control_for(scene, action)
    if item is None:
        return gesture(app, scene, action)
    press_control(app, scene, item)
    return True
