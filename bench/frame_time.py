"""Frame time over a scripted headless playthrough at 1280x720 (not a test).

    .venv/bin/python bench/frame_time.py [--minutes 10] [--seed 3] [--challenge-scale 0.25]
                                         [--pause-scale 0.2]

A :class:`TouringBot` (a ``game.sim.bot.Bot`` that visits the districts in turn, so every
district is played within the budget; a café visit does not use up a district's turn)
drives the real App on the dummy video driver. Every
simulated 1/60 s is one frame: ``app.pump(pygame.event.get(), dt=1/60)`` with the app marked
dirty, so each frame handles the events pygame-gui posted (as the real loop does: left in
the queue they would keep every killed button alive) and runs the fixed-step update *and*
a full draw. The cost of a button action (a
scene change, building its UI) is added to the frame that follows it, as in the real
loop where the click is handled in that frame. Challenges last ``--challenge-scale`` of
their content minutes and the bot's pauses outside challenges (reading, thinking, the
Horizons reading time) ``--pause-scale`` of a real pupil's, so that ten minutes reach all six
districts: this is a frame-time benchmark, every simulated 1/60 s is still drawn, only
fewer of them are spent on one screen; the real pacing lives in ``game.sim.bot``.

Target: p99 frame time <= 4 ms (room for a PC four times slower at 60 fps).
The last line printed is one JSON object of the figures.

``TouringBot`` is reused by ``bench/memory.py`` and ``bench/soak.py``.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pygame  # noqa: E402

from game.sim.bot import Bot, OutOfTime  # noqa: E402

FRAME = 1 / 60
TARGET_P99_MS = 4.0
#: the tour's pauses outside challenges, as a share of a real pupil's (see the docstring)
PAUSE_SCALE = 0.2
#: challenges last this share of their content minutes (with PAUSE_SCALE: all six districts
#: and a challenge in each within ten simulated minutes)
CHALLENGE_SCALE = 0.25


class TouringBot(Bot):
    """A bot that visits the districts in a fixed rotation and lets time pass in frames.

    ``frame(cost_s, scene_name)`` is called after every frame it plays, with the seconds that frame
    took (action + update + draw). With ``draw_all_frames=False`` it lets time pass as the plain
    Bot does (logic only, in 0.5 s chunks) and plays one drawn frame per ``sample_every``
    simulated seconds instead (used by the soak, whose hours must not take hours).
    """

    def __init__(
        self,
        latent,
        seed: int,
        minutes: float,
        *,
        frame: Callable[[float, str], None],
        challenge_scale: float = 0.35,
        draw_all_frames: bool = True,
        sample_every: float = 5.0,
        pause_scale: float = 1.0,
    ) -> None:
        super().__init__(latent, seed=seed, minutes=minutes)
        self.frame = frame
        self.challenge_scale = challenge_scale
        self.pause_scale = pause_scale
        self._in_mechanic = False
        self.draw_all_frames = draw_all_frames
        self.sample_every = sample_every
        self._next_sample = 0.0
        self._pending = 0.0  # cost of the last action, charged to the next frame
        self._turn = 0
        self._hub_visits = 0
        self.visited: list[str] = []
        if hasattr(self.habits, "follow_next_board"):
            self.habits.follow_next_board = 0.0  # back to the hub: the tour picks the next district

    def _play_frame(self) -> None:
        app = self.app
        app.dirty = True
        start = time.perf_counter()
        app.pump(pygame.event.get(), dt=FRAME)  # what pygame-gui posted, as the real loop reads it
        cost = time.perf_counter() - start + self._pending
        self._pending = 0.0
        top = self.top
        self.frame(cost, getattr(top, "name", "?"))

    def wait(self, seconds: float) -> None:
        if not self._in_mechanic:
            seconds = seconds * self.pause_scale  # challenge pacing has its own scale
        if not self.draw_all_frames:
            left = max(0.0, float(seconds))
            if self.clock.now + left > self.minutes * 60.0:
                super().wait(left)  # raises OutOfTime
            while left > 1e-9:
                chunk = min(left, max(0.0, self._next_sample - self.clock.now) or self.sample_every)
                super().wait(chunk)
                left -= chunk
                if self.clock.now >= self._next_sample - 1e-9:
                    self._next_sample = self.clock.now + self.sample_every
                    self._play_frame()
                top = self.top
                if top is not None and hasattr(top, "mechanic") and top.mechanic.finished:
                    self.clock.now += left  # the rest of the wait is skipped, as Bot does
                    break
            return
        seconds = max(0.0, float(seconds))
        if self.clock.now + seconds > self.minutes * 60.0:
            self.clock.now = self.minutes * 60.0
            raise OutOfTime
        end = self.clock.now + seconds
        while self.clock.now < end - 1e-9:
            self.clock.now = min(end, self.clock.now + FRAME)
            self._play_frame()
            top = self.top
            if top is not None and hasattr(top, "mechanic") and top.mechanic.finished:
                self.clock.now = end
                break

    def act(self, seconds: float, fn, *args):
        self.wait(seconds)
        start = time.perf_counter()
        out = fn(*args)
        self._pending += time.perf_counter() - start
        self._mark()
        return out

    def hub_turn(self) -> None:
        """Open the next district in the rotation (every so often the café first)."""
        from game.scenes.town import TownScene

        hub = self.top
        if not isinstance(hub, TownScene):
            self.district_turn()
            return
        districts = self.ctx.content.districts
        self._hub_visits += 1
        if self._hub_visits % 4 == 0:  # the café's turn does not use up a district's
            cafe = self.ctx.content.landmark_id("networks")
            if cafe is not None:
                self.act(self.span(self.habits.hub_seconds), hub.open_landmark, cafe)
                self.cafe_turn()
                return
        district = districts[self._turn % len(districts)]
        self._turn += 1
        self.visited.append(district.id)
        if not self.walk_to_board(hub, district.id):
            self.act(self.span(self.habits.hub_seconds), hub.open_district, district.id)
        self.district_turn()

    def walk_tick(self, hub) -> None:
        """Walking in the tour: a drawn frame per simulated 1/60 s (the camera scrolling
        the map all the way), instead of the plain bot's logic steps."""
        if self.clock.now + FRAME > self.minutes * 60.0:
            raise OutOfTime
        self.clock.now += FRAME
        self._play_frame()

    def district_turn(self) -> None:
        """Play one challenge of the district (no lingering: the tour moves on)."""
        top = self.top
        if not hasattr(top, "district") and hasattr(top, "item_id") and hasattr(top, "answer"):
            item = self.ctx.content.items[top.item_id]  # a mentor's quick question on arrival
            self.act(
                self.span(self.habits.item_seconds),
                top.answer,
                int(self.player.answer_item(item.riasec, item.id)),
            )
        saved = self.habits.stay_in_district
        self.habits.stay_in_district = 0.0
        try:
            super().district_turn()
        finally:
            self.habits.stay_in_district = saved

    def play_mechanic(self, seconds: float, letter: str) -> None:
        self._in_mechanic = True
        try:
            super().play_mechanic(seconds * self.challenge_scale, letter)
        finally:
            self._in_mechanic = False


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100) by nearest rank."""
    ordered = sorted(values)
    if not ordered:
        return 0.0
    rank = max(0, min(len(ordered) - 1, int(round(q / 100 * len(ordered) + 0.5)) - 1))
    return ordered[rank]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=10.0)
    ap.add_argument("--seed", type=int, default=3)
    ap.add_argument("--challenge-scale", type=float, default=CHALLENGE_SCALE)
    ap.add_argument("--pause-scale", type=float, default=PAUSE_SCALE)
    args = ap.parse_args(argv)

    from game.app import App

    times: list[float] = []
    by_scene: dict[str, list[float]] = {}

    def frame(cost: float, scene: str) -> None:
        times.append(cost)
        by_scene.setdefault(scene, []).append(cost)

    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp), seed=args.seed)
        bot = TouringBot(
            [0.5, 0.3, 0.2, 0.1, 0.0, -0.2],
            seed=args.seed,
            minutes=args.minutes,
            frame=frame,
            challenge_scale=args.challenge_scale,
            pause_scale=args.pause_scale,
        )
        wall = time.perf_counter()
        result = bot.run(app)
        wall = time.perf_counter() - wall
        app.shutdown()
    ms = [t * 1000 for t in times]
    p99 = percentile(ms, 99)
    slowest = sorted(by_scene.items(), key=lambda kv: -percentile(kv[1], 99))[:5]
    figures = {
        "benchmark": "frame_time",
        "resolution": "1280x720",
        "driver": os.environ["SDL_VIDEODRIVER"],
        "simulated_minutes": args.minutes,
        "challenge_scale": args.challenge_scale,
        "pause_scale": args.pause_scale,
        "frames": len(ms),
        "wall_s": round(wall, 1),
        "districts_visited": sorted(set(bot.visited)),
        "challenges": result.challenges,
        "median_ms": round(statistics.median(ms), 3) if ms else None,
        "p99_ms": round(p99, 3),
        "max_ms": round(max(ms), 3) if ms else None,
        "p99_ms_by_scene": {name: round(percentile(v, 99) * 1000, 3) for name, v in slowest},
        "target_p99_ms": TARGET_P99_MS,
        "meets_target": p99 <= TARGET_P99_MS,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
