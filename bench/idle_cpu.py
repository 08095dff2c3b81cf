"""CPU use while the game sits idle, with the real loop (not a test).

    .venv/bin/python bench/idle_cpu.py [--seconds 10]

For each idle place (the title menu, the hub with a signed-in player, the settings menu
over the hub) the real ``App.loop_once`` runs for ``--seconds`` of wall time with no
input, as ``App.run`` would: it blocks on the event queue when nothing animates. CPU is
``time.process_time`` (every thread of the process, including the telemetry writer)
divided by wall time; 100 % is one core busy.

Target: at most 10 % of one core in each place.
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

TARGET_PERCENT = 10.0


def measure(app, seconds: float) -> dict:
    """Run the real loop for ``seconds`` of wall time; CPU percent, iterations, draws."""
    import pygame

    clock = pygame.time.Clock()
    app.pump([])  # settle: the first frame of the place is drawn
    drawn = app.frames_drawn
    iterations = 0
    cpu0, wall0 = time.process_time(), time.perf_counter()
    while time.perf_counter() - wall0 < seconds:
        app.loop_once(clock)
        iterations += 1
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {
        "cpu_percent": round(100 * cpu / wall, 2),
        "wall_s": round(wall, 2),
        "loop_iterations": iterations,
        "frames_drawn": app.frames_drawn - drawn,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=10.0)
    args = ap.parse_args(argv)

    from game.app import App
    from game.flow import sign_in
    from game.save import PlayerSave
    from game.scenes.settings_screen import SettingsScene
    from game.scenes.title import TitleScene

    places: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp), seed=1)
        app.ctx.scenes.push(TitleScene())
        places["title_menu"] = measure(app, args.seconds)
        sign_in(app.ctx, "IDLE-BENCH-01", new_player=PlayerSave(code="IDLE-BENCH-01"))
        places["hub"] = measure(app, args.seconds)
        app.ctx.scenes.push(SettingsScene())
        places["settings_menu"] = measure(app, args.seconds)
        app.shutdown()
    worst = max(p["cpu_percent"] for p in places.values())
    figures = {
        "benchmark": "idle_cpu",
        "places": places,
        "worst_cpu_percent": worst,
        "target_percent": TARGET_PERCENT,
        "meets_target": worst <= TARGET_PERCENT,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
