"""Doors, people within reach and closed quarters: what the avatar can use where it
stands. Pure (no pygame). Called by the town scene each step and on Enter or a click.
"""

from __future__ import annotations

from game.world.grid import Tile
from game.world.town import Door, Person, Town

REACH = 1  # tiles: a person or a board is in reach from a neighbouring tile


def closed_tiles(town: Town, is_closed) -> frozenset[Tile]:
    """The gate tiles of every quarter ``is_closed(district_id)`` says is closed: the
    barrier stands there and nobody walks through."""
    return frozenset(t for did, tiles in town.gates.items() if is_closed(did) for t in tiles)


def can_open(door: Door, is_closed) -> bool:
    """A door opens unless its quarter is closed (a landmark's door is always open)."""
    return door.district is None or not is_closed(door.district)


def _near(a: Tile, b: Tile) -> int:
    return abs(a[0] - b[0]) + abs(a[1] - b[1])


def door_in_reach(town: Town, tile: Tile, facing: Tile) -> Door | None:
    """The door the avatar stands on, else the one it faces, else one beside it."""
    on = town.door_at(tile)
    if on is not None:
        return on
    ahead = town.door_at(facing)
    if ahead is not None:
        return ahead
    return next((d for d in town.doors if _near(d.tile, tile) <= REACH), None)


def person_in_reach(town: Town, tile: Tile, facing: Tile) -> Person | None:
    """The person the avatar faces, else one beside it (diagonals count)."""
    ahead = town.person_at(facing)
    if ahead is not None:
        return ahead
    return next(
        (
            p
            for p in town.people
            if max(abs(p.tile[0] - tile[0]), abs(p.tile[1] - tile[1])) <= REACH
        ),
        None,
    )
