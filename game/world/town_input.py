"""How the pupil moves the avatar in the town scene (``game.scenes.town``): arrow/WASD
keys held, Enter/Space on the door or person in reach, Escape out of a talk, the gamepad
(``game.world.gamepad``), click-to-walk (A* on the collision layer, round closed
quarters) and walking up to a door or person to use it.

Functions of the town scene: they change its walker, held keys, goal and trail mode, and
open doors and talks through the scene's own methods (``open_door``, ``start_talk``,
``walk_on``). Called from the scene's ``handle_event`` and ``update``.
"""

from __future__ import annotations

import pygame

from game.ui_scene import HEADER_H
from game.world.doors import closed_tiles, door_in_reach, person_in_reach
from game.world.gamepad import gamepad_event
from game.world.grid import find_path
from game.world.town import Door, Person

MOVE_KEYS = {
    pygame.K_LEFT: (-1, 0),
    pygame.K_RIGHT: (1, 0),
    pygame.K_UP: (0, -1),
    pygame.K_DOWN: (0, 1),
    pygame.K_a: (-1, 0),
    pygame.K_d: (1, 0),
    pygame.K_w: (0, -1),
    pygame.K_s: (0, 1),
}


def handle(scene, event: pygame.event.Event) -> bool:
    """Walking keys, Enter on what is in reach, Escape out of a talk, the gamepad and
    click-to-walk; True when the event was the town's (else the scene's buttons get it)."""
    if event.type in (
        pygame.KEYDOWN,
        pygame.MOUSEBUTTONDOWN,
        pygame.JOYBUTTONDOWN,
        pygame.JOYHATMOTION,
    ):
        scene.last_input = scene.ctx.clock()
    if event.type == pygame.KEYDOWN and event.key in MOVE_KEYS and scene.talk is None:
        pupil_moves(scene)
        scene.held[event.key] = MOVE_KEYS[event.key]
        return True
    if event.type == pygame.KEYUP and event.key in scene.held:
        del scene.held[event.key]
        return True
    if (
        event.type == pygame.KEYDOWN
        and scene.talk is None
        and scene.ui.action_of(event) == "activate"
        and not (scene.ui.keyboard_used and scene.ui.focused is not None)
    ):
        if use_in_reach(scene):
            return True
    if (
        event.type == pygame.KEYDOWN
        and scene.talk is not None
        and scene.ui.action_of(event) == "back"
    ):
        scene.walk_on()
        return True
    if gamepad_event(scene, event):
        return True
    if (
        event.type == pygame.MOUSEBUTTONDOWN
        and event.button == 1
        and scene.talk is None
        and event.pos[1] >= HEADER_H
        and not any(b.rect.collidepoint(event.pos) for b in scene.hud if hasattr(b, "rect"))
    ):
        click(scene, event.pos)
        return True
    return False


def pupil_moves(scene) -> None:
    """The pupil steers: their own walk (free), buttons lose the keyboard focus."""
    scene.trail.mode = "free"
    scene.helped = True
    scene.goal = None
    scene.walker.path = []
    scene.ui.keyboard_used = False
    scene.ui.focus_index = None


def direction(scene) -> tuple[int, int]:
    if not scene.held:
        return (0, 0)
    dx, dy = list(scene.held.values())[-1]  # the key pressed last wins (no diagonals)
    return dx, dy


def map_tile(scene, pos) -> tuple[int, int]:
    ox, oy = scene.view.offset()
    size = scene.town_map.tile_size
    return (int(pos[0] - ox) // size, int(pos[1] - HEADER_H - oy) // size)


def click(scene, pos) -> None:
    """Click-to-walk: to a tile, or up to a door or person and then use it."""
    pupil_moves(scene)
    tile = map_tile(scene, pos)
    quarter = scene.town_map.quarter_at(tile)
    if (
        quarter is not None
        and scene.is_closed(quarter.district)
        and scene.town_map.quarter_at(scene.walker.tile) is not quarter
    ):
        scene.ctx.notices.append(scene.ctx.t("teacher.closed_notice"))
        return
    target = scene.town_map.door_at(tile) or scene.town_map.person_at(tile)
    walk_to(scene, tile, target)


def walk_to(scene, tile, target=None) -> bool:
    """Find a path and start walking; True when there is one."""
    extra = closed(scene)
    scene.walker.extra = extra
    if target is not None and in_reach(scene, target):
        scene.goal = target
        arrive(scene)
        return True
    path = find_path(scene.town_map.grid, scene.walker.tile, tile, extra)
    if path is None:
        return False
    scene.walker.follow(path)
    scene.goal = target
    if len(path) <= 1:
        arrive(scene)
    return True


def walk_to_suggestion(scene) -> None:
    """The 'go there' button: the avatar walks the suggested challenge's door; the walk
    and the door it opens are recorded as following a suggestion, not a free choice."""
    door = next(
        (d for d in scene.town_map.doors if d.kind == "challenge" and d.target == scene.suggestion),
        None,
    )
    if door is None:
        return
    pupil_moves(scene)
    scene.trail.mode = "suggested"
    walk_to(scene, door.tile, door)


def closed(scene) -> frozenset:
    return closed_tiles(scene.town_map, scene.is_closed)


def in_reach(scene, target) -> bool:
    w = scene.walker
    if isinstance(target, Door):
        return door_in_reach(scene.town_map, w.tile, w.facing_tile()) is target
    return person_in_reach(scene.town_map, w.tile, w.facing_tile()) is target


def use_in_reach(scene) -> bool:
    """Enter/Space/A: open the door or talk to the person in reach."""
    w = scene.walker
    door = door_in_reach(scene.town_map, w.tile, w.facing_tile())
    person = person_in_reach(scene.town_map, w.tile, w.facing_tile())
    if person is not None and (door is None or scene.town_map.person_at(w.facing_tile()) is person):
        scene.start_talk(person)
        return True
    if door is not None:
        scene.open_door(door)
        return True
    return False


def arrive(scene) -> None:
    goal, scene.goal = scene.goal, None
    if isinstance(goal, Door):
        if in_reach(scene, goal):
            scene.open_door(goal)
    elif isinstance(goal, Person):
        if in_reach(scene, goal):
            face(scene, goal.tile)
            scene.start_talk(goal)


def face(scene, tile) -> None:
    x, y = scene.walker.tile
    dx, dy = tile[0] - x, tile[1] - y
    scene.walker._face(dx, dy)
