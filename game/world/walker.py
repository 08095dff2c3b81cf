"""The avatar's walking: steered by held directions or along a path of tiles, stopped
by the collision grid. Pure (no pygame); positions are the feet's centre in map pixels.

Called by the town scene once per fixed logic step (``step``); the view reads ``pos``,
``facing`` and ``frame``.
"""

from __future__ import annotations

import math

from game.world.grid import Grid, Tile

SPEED = 150.0  # pixels a second (about 4.7 tiles)
FEET = (18, 10)  # the box that collides, centred on ``pos``
FACINGS = {(0, 1): 0, (-1, 0): 1, (1, 0): 2, (0, -1): 3}  # the sheet's rows: down, left, right, up
STRIDE = 14.0  # pixels walked per frame of the walk cycle
ASSIST_FROM = 4.0  # pixels off a tile's line before a blocked walk slides to the next line
ASSIST_REACH = 0.9  # ... if that line is at most this many tiles away


class Walker:
    """Someone who walks on the grid (the pupil's avatar)."""

    def __init__(self, grid: Grid, tile_size: int, tile: Tile) -> None:
        self.grid = grid
        self.size = tile_size
        self.pos = self.centre(tile)
        self.facing = 0
        self.walked = 0.0  # pixels, drives the walk cycle
        self.path: list[Tile] = []
        self.moving = False
        self.extra: frozenset[Tile] = frozenset()  # tiles closed for now (closed quarters)

    def centre(self, tile: Tile) -> tuple[float, float]:
        return ((tile[0] + 0.5) * self.size, (tile[1] + 0.5) * self.size)

    @property
    def tile(self) -> Tile:
        return int(self.pos[0] // self.size), int(self.pos[1] // self.size)

    @property
    def frame(self) -> int:
        """0-3 of the walk cycle (0 standing)."""
        return int(self.walked // STRIDE) % 4 if self.moving else 0

    def facing_tile(self) -> Tile:
        dx, dy = next(k for k, v in FACINGS.items() if v == self.facing)
        x, y = self.tile
        return x + dx, y + dy

    def follow(self, path: list[Tile]) -> None:
        """Walk along ``path`` (from find_path; its first tile is where we stand). The walk
        first goes to the centre of the tile we stand on, so every leg after it runs along
        a row or a column of free tiles and never clips a corner."""
        self.path = list(path)
        if not self.path or self.path[0] != self.tile:
            self.path.insert(0, self.tile)

    def stop(self) -> None:
        self.path = []
        self.moving = False

    def step(self, dt: float, direction: tuple[int, int] = (0, 0)) -> bool:
        """Advance one logic step: a held ``direction`` (-1/0/1 each) wins over the path.
        Returns True when the avatar moved."""
        if direction != (0, 0):
            self.path = []
            dx, dy = direction
            length = math.hypot(dx, dy)
            moved = self._move(dx / length * SPEED * dt, dy / length * SPEED * dt)
            if not moved and (dx == 0) != (dy == 0):
                moved = self._assist(dx, dy, dt)
            self._face(dx, dy)
        elif self.path:
            tx, ty = self.centre(self.path[0])
            gx, gy = tx - self.pos[0], ty - self.pos[1]  # to the next tile's centre
            dist = math.hypot(gx, gy)
            reach = SPEED * dt
            if dist <= reach:
                moved = self._move(gx, gy) or dist == 0
                self.path.pop(0)
            else:
                moved = self._move(gx / dist * reach, gy / dist * reach)
            self._face(gx, gy)
            if not moved:
                self.path = []  # something stands in the way now: give up quietly
        else:
            moved = False
        self.moving = moved
        return moved

    def _assist(self, dx: int, dy: int, dt: float) -> bool:
        """Pushing into a wall beside an opening (a door, a gate, a corridor): slide
        sideways onto the opening's line, as top-down games do, so a key walk need not be
        lined up to the pixel. True when it slid."""
        tx, ty = self.tile
        cx, cy = self.centre((tx, ty))
        along_x = dy != 0  # walking up/down: slide along x
        off = self.pos[0] - cx if along_x else self.pos[1] - cy
        step_ahead = (tx, ty + dy) if along_x else (tx + dx, ty)
        target: float | None
        if self.grid.free(step_ahead, self.extra):
            target = 0.0  # our own line is open: centre on it
        else:
            lean = 1 if off > 0 else -1
            target = None
            for side in (lean, -lean):  # the nearer neighbouring line first
                beside = (tx + side, ty) if along_x else (tx, ty + side)
                ahead = (beside[0], beside[1] + dy) if along_x else (beside[0] + dx, beside[1])
                near = abs(side * self.size - off) <= ASSIST_REACH * self.size
                if (
                    near
                    and abs(off) >= ASSIST_FROM
                    and self.grid.free(beside, self.extra)
                    and self.grid.free(ahead, self.extra)
                ):
                    target = side * self.size  # the neighbouring line is open: go to it
                    break
            if target is None:
                return False
        shift = max(-SPEED * dt, min(SPEED * dt, target - off))
        if abs(shift) < 0.01:
            return False
        return self._move(shift, 0) if along_x else self._move(0, shift)

    def _face(self, dx: float, dy: float) -> None:
        if abs(dx) > abs(dy):
            self.facing = FACINGS[(1 if dx > 0 else -1, 0)]
        elif dy:
            self.facing = FACINGS[(0, 1 if dy > 0 else -1)]

    def _move(self, dx: float, dy: float) -> bool:
        """Move on each axis as far as the grid allows (sliding along walls)."""
        moved = False
        for ax, amount in ((0, dx), (1, dy)):
            if not amount:
                continue
            x, y = self.pos
            nxt = (x + amount, y) if ax == 0 else (x, y + amount)
            if self._fits(nxt):
                self.pos = nxt
                self.walked += abs(amount)
                moved = True
        return moved

    def _fits(self, pos: tuple[float, float]) -> bool:
        hw, hh = FEET[0] / 2, FEET[1] / 2
        s = self.size
        for cx, cy in (
            (pos[0] - hw, pos[1] - hh),
            (pos[0] + hw - 0.01, pos[1] - hh),
            (pos[0] - hw, pos[1] + hh - 0.01),
            (pos[0] + hw - 0.01, pos[1] + hh - 0.01),
        ):
            if not self.grid.free((int(cx // s), int(cy // s)), self.extra):
                return False
        return True
