"""Peak memory over a 45-minute simulated session (not a test).

    .venv/bin/python bench/memory.py [--minutes 45] [--sample-every 0.5] [--no-tracemalloc]

One simulated player (``frame_time.TouringBot``, challenges at their full content length)
plays ``--minutes`` on the real App at 1280x720 on the dummy driver. Logic runs as the
game runs it; a full frame is drawn every ``--sample-every`` simulated seconds (drawing
every 1/60 s would only repeat the same pixels and take an hour of wall time). Reports
the process's peak resident set (``ru_maxrss``, which covers SDL, fonts and numpy too)
and, with tracemalloc, the peak of Python allocations.

Target: peak RSS at most 250 MB.
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from frame_time import TouringBot  # noqa: E402

TARGET_MB = 250.0


def maxrss_mb() -> float:
    """Peak resident set of this process in MB (Linux reports kB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=45.0)
    ap.add_argument("--sample-every", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--no-tracemalloc", action="store_true")
    args = ap.parse_args(argv)

    from game.app import App

    frames = [0]

    def frame(cost: float, scene: str) -> None:
        frames[0] += 1

    if not args.no_tracemalloc:
        tracemalloc.start()
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp), seed=args.seed)
        after_start = maxrss_mb()
        bot = TouringBot([0.2, 0.6, -0.1, 0.4, 0.0, -0.3], seed=args.seed, minutes=args.minutes,
                         frame=frame, challenge_scale=1.0, draw_all_frames=False,
                         sample_every=args.sample_every)
        result = bot.run(app)
        app.shutdown()
    wall = time.perf_counter() - wall
    traced = None
    if not args.no_tracemalloc:
        traced = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    peak = maxrss_mb()
    figures = {
        "benchmark": "memory", "simulated_minutes": args.minutes, "wall_s": round(wall, 1),
        "drawn_frames": frames[0], "challenges": result.challenges,
        "statements": len(result.statements),
        "rss_after_start_mb": round(after_start, 1), "peak_rss_mb": round(peak, 1),
        "peak_python_alloc_mb": traced, "target_mb": TARGET_MB, "meets_target": peak <= TARGET_MB,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
