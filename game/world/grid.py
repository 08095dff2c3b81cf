"""The collision grid and A* path-finding on it (4 neighbours, unit cost).

Pure: no pygame. Called by the town loader (building the grid), the scene (click-to-walk)
and the tests (every door, person and landmark reachable from the spawn).
"""

from __future__ import annotations

import heapq
from collections import deque
from collections.abc import Iterable

Tile = tuple[int, int]
STEPS = ((1, 0), (-1, 0), (0, 1), (0, -1))


class Grid:
    """Which tiles block walking. ``blocked`` is a set of (x, y); tiles off the map block."""

    def __init__(self, width: int, height: int, blocked: Iterable[Tile] = ()) -> None:
        self.width = width
        self.height = height
        self.blocked: set[Tile] = set(blocked)

    def inside(self, tile: Tile) -> bool:
        return 0 <= tile[0] < self.width and 0 <= tile[1] < self.height

    def free(self, tile: Tile, extra: frozenset[Tile] | set[Tile] = frozenset()) -> bool:
        return self.inside(tile) and tile not in self.blocked and tile not in extra

    def neighbours(self, tile: Tile, extra=frozenset()) -> list[Tile]:
        x, y = tile
        return [(x + dx, y + dy) for dx, dy in STEPS if self.free((x + dx, y + dy), extra)]


def find_path(
    grid: Grid,
    start: Tile,
    goal: Tile,
    extra: frozenset[Tile] | set[Tile] = frozenset(),
    limit: int = 20000,
) -> list[Tile] | None:
    """The shortest path of tiles from ``start`` to ``goal`` (both included), or None.

    ``extra`` are tiles blocked for this walk only (a closed quarter's gate). A goal that
    blocks (a person, a notice board) is reached when the path ends next to it: pass the
    tile itself and the path stops on the neighbour. ``limit`` bounds the tiles searched."""
    goals = {goal} if grid.free(goal, extra) else set(grid.neighbours(goal, extra))
    if not goals or not grid.free(start, extra):
        return None
    if start in goals:
        return [start]

    def h(t: Tile) -> int:
        return min(abs(t[0] - g[0]) + abs(t[1] - g[1]) for g in goals)

    came: dict[Tile, Tile | None] = {start: None}
    cost = {start: 0}
    frontier = [(h(start), 0, start)]
    searched = 0
    while frontier and searched < limit:
        _, g, here = heapq.heappop(frontier)
        if here in goals:
            path = [here]
            while came[path[-1]] is not None:
                path.append(came[path[-1]])  # type: ignore[arg-type]
            return path[::-1]
        if g > cost.get(here, 1 << 30):
            continue
        searched += 1
        for nxt in grid.neighbours(here, extra):
            ng = g + 1
            if ng < cost.get(nxt, 1 << 30):
                cost[nxt] = ng
                came[nxt] = here
                heapq.heappush(frontier, (ng + h(nxt), ng, nxt))
    return None


def reachable(
    grid: Grid, start: Tile, extra: frozenset[Tile] | set[Tile] = frozenset()
) -> set[Tile]:
    """Every free tile a walk from ``start`` can reach (breadth first)."""
    if not grid.free(start, extra):
        return set()
    seen = {start}
    todo = deque([start])
    while todo:
        for nxt in grid.neighbours(todo.popleft(), extra):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
