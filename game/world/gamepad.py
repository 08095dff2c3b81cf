"""The town's gamepad input (pygame joystick events), apart from the scene."""

from __future__ import annotations

import pygame

#: stick travel below this is no direction
PAD_DEAD = 0.45


def gamepad_event(scene, event) -> bool:
    """Gamepad: hat or left stick walks, button 0 (A) uses, button 1 (B) closes. Called by
    the town scene for each event; changes only its held directions, pads and talk. True
    when the event was the gamepad's."""
    if event.type == pygame.JOYDEVICEADDED:
        try:
            scene.pads.append(pygame.joystick.Joystick(event.device_index))
        except pygame.error:
            pass
        return True
    if event.type == pygame.JOYHATMOTION:
        x, y = event.value
        scene.held.pop("hat", None)
        if (x, y) != (0, 0) and scene.talk is None:
            scene._pupil_moves()
            scene.held["hat"] = (x, -y)
        return True
    if event.type == pygame.JOYAXISMOTION and event.axis in (0, 1):
        sx, sy = scene.held.get("stick", (0, 0))
        value = 0 if abs(event.value) < PAD_DEAD else (1 if event.value > 0 else -1)
        sx, sy = (value, sy) if event.axis == 0 else (sx, value)
        scene.held.pop("stick", None)
        if (sx, sy) != (0, 0) and scene.talk is None:
            if "stick" not in scene.held:
                scene._pupil_moves()
            scene.held["stick"] = (sx, sy)
        return True
    if event.type == pygame.JOYBUTTONDOWN:
        if event.button == 0:
            if scene.talk is not None and scene.ui.focused is not None:
                scene.ui.focused.activate()
            else:
                scene.use_in_reach()
        elif event.button == 1 and scene.talk is not None:
            scene.walk_on()
        return True
    return False
