"""Peak memory over a 45-minute simulated session (not a test).

    .venv/bin/python bench/memory.py [--minutes 45] [--sample-every 0.5] [--tracemalloc] [--xvfb]

``--xvfb`` measures with a real X11 window (SCALED renderer, window surface, X client
buffers) instead of the dummy driver: it starts ``Xvfb :9 -screen 0 1280x720x24`` unless
``--display`` names a running server, and sets DISPLAY and SDL_VIDEODRIVER=x11 (needs the
``xvfb`` package). The figures say which driver was used and how the resident set grew
(``rss_timeline_mb``: at each tenth of the session).

One simulated player (``frame_time.TouringBot``, challenges at their full content length)
plays ``--minutes`` on the real App at 1280x720 on the dummy driver. Logic runs as the
game runs it; a full frame is drawn every ``--sample-every`` simulated seconds (drawing
every 1/60 s would only repeat the same pixels and take an hour of wall time). Reports
the process's peak resident set (``ru_maxrss``, which covers SDL, fonts and numpy too)
and, with ``--tracemalloc``, the peak of Python allocations. tracemalloc is off by default:
its own record of every live block is counted in the resident set (over 120 simulated
minutes it added ~40 MB and made a plateau look like a climb), so the RSS figures of a
``--tracemalloc`` run are not the game's and the JSON says which was measured.

Target: peak RSS at most 250 MB.
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
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


def rss_mb() -> float:
    """The resident set now (Linux /proc; elsewhere the peak so far)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return maxrss_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def start_xvfb(display: str | None) -> subprocess.Popen | None:
    """Point SDL at an X server: ``display`` if given (already running), else a new Xvfb :9."""
    os.environ["SDL_VIDEODRIVER"] = "x11"
    if display:
        os.environ["DISPLAY"] = display
        return None
    server = subprocess.Popen(
        ["Xvfb", ":9", "-screen", "0", "1280x720x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.environ["DISPLAY"] = ":9"
    for _ in range(50):  # wait for its socket (at most 5 s)
        if Path("/tmp/.X11-unix/X9").exists():
            break
        time.sleep(0.1)
    return server


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--minutes", type=float, default=45.0)
    ap.add_argument("--sample-every", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also the peak of Python allocations (its bookkeeping inflates the RSS figures)",
    )
    ap.add_argument(
        "--xvfb", action="store_true", help="a real X11 window on Xvfb, not the dummy driver"
    )
    ap.add_argument(
        "--display", help="with --xvfb: a running X server (e.g. :9) instead of starting one"
    )
    args = ap.parse_args(argv)
    server = start_xvfb(args.display) if args.xvfb else None
    try:
        return measure(args)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=10)


def measure(args: argparse.Namespace) -> int:
    """Play the session and print the figures (the last line: one JSON object)."""
    import pygame

    from game.app import App

    frames = [0]
    timeline: dict[int, float] = {}
    session_s = args.minutes * 60.0

    def frame(cost: float, scene: str) -> None:
        frames[0] += 1
        tenth = min(10, int(10 * bot.clock.now / session_s))
        if tenth not in timeline:
            timeline[tenth] = round(rss_mb(), 1)

    if args.tracemalloc:
        tracemalloc.start()
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp), seed=args.seed)
        driver = pygame.display.get_driver()
        after_start = maxrss_mb()
        bot = TouringBot(
            [0.2, 0.6, -0.1, 0.4, 0.0, -0.3],
            seed=args.seed,
            minutes=args.minutes,
            frame=frame,
            challenge_scale=1.0,
            draw_all_frames=False,
            sample_every=args.sample_every,
        )
        result = bot.run(app)
        timeline[10] = round(rss_mb(), 1)
        app.shutdown()
    wall = time.perf_counter() - wall
    traced = None
    if args.tracemalloc:
        traced = round(tracemalloc.get_traced_memory()[1] / 2**20, 1)
        tracemalloc.stop()
    peak = maxrss_mb()
    figures = {
        "benchmark": "memory",
        "video_driver": driver,
        "simulated_minutes": args.minutes,
        "sample_every_s": args.sample_every,
        "wall_s": round(wall, 1),
        "drawn_frames": frames[0],
        "challenges": result.challenges,
        "statements": len(result.statements),
        "rss_after_start_mb": round(after_start, 1),
        "peak_rss_mb": round(peak, 1),
        "rss_timeline_mb": [timeline[k] for k in sorted(timeline)],
        "tracemalloc_on": args.tracemalloc,
        "peak_python_alloc_mb": traced,
        "target_mb": TARGET_MB,
        "meets_target": peak <= TARGET_MB,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
