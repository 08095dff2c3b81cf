"""Soak: hours of simulated play in one process, no memory growth, no slowdown (not a test).

    .venv/bin/python bench/soak.py [--hours 8] [--session-minutes 40] [--sample-every 5]

A school PC runs Worktown all day: one App, lesson after lesson, each lesson a new
simulated player (``frame_time.TouringBot``, full-length challenges) who signs in, plays
``--session-minutes`` and signs out. Logic runs as in the game; one full 1280x720 frame is
drawn every ``--sample-every`` simulated seconds and timed. At each sign-out the process's
current RSS (after a garbage collection) and Python's allocated blocks are sampled.
The bots hand the events pygame-gui posts to the app each drawn frame, as the real loop
does (left in pygame's queue, each such event kept a killed button and its pixels alive:
that was most of the RSS growth this benchmark used to show).
Per simulated hour it reports the median drawn-frame cost, the wall cost of one simulated
minute of logic, and the memory samples; then compares the first hour with the last.

Targets: no memory growth (last hour's RSS within 10 MB and allocated blocks within 5 %
of the first hour's; where glibc is there, the RSS measured after ``malloc_trim(0)``, since
the plain RSS also holds heap the game has freed and glibc keeps for reuse: it goes up and
down by tens of MB from one sample to the next; both are reported, with the C heap in use) and no
slowdown (last hour's median frame and logic cost within 25 % of the first hour's; the machine's own
noise is in that margin).

Growth that is a bounded cache filling up (the painter's text cache: rendered lines,
measured widths and wrapped paragraphs, LRU-bounded) is told apart from a leak: after
every lesson the blocks and the text cache's fill are sampled, and ``flattens`` says
whether the blocks added per lesson in the second half of the day are at most half of
those added in the first half (a leak grows at a steady rate).
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from frame_time import TouringBot  # noqa: E402

RSS_GROWTH_MB = 10.0
BLOCK_GROWTH = 0.05
SLOWDOWN = 1.25


def current_rss_mb() -> float:
    """Resident set now (Linux /proc; elsewhere the peak, which can only overstate growth)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 2**20 if sys.platform == "darwin" else peak / 1024


def _libc():
    """glibc, for ``mallinfo2`` and ``malloc_trim`` (None elsewhere: those figures are then
    None)."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        libc.malloc_trim, libc.mallinfo2  # noqa: B018 - both must exist (glibc >= 2.33)
    except (OSError, AttributeError):
        return None
    fields = (
        "arena",
        "ordblks",
        "smblks",
        "hblks",
        "hblkhd",
        "usmblks",
        "fsmblks",
        "uordblks",
        "fordblks",
        "keepcost",
    )

    class MallInfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in fields]

    libc.mallinfo2.restype = MallInfo2
    return libc


def heap_figures(libc) -> dict[str, float | None]:
    """The C heap (glibc ``mallinfo2``): MB in use (every malloc not yet freed: SDL surfaces,
    fonts, Python's big objects) and MB free but kept by the allocator; then the RSS after
    ``malloc_trim(0)`` hands that free memory back. RSS minus the trimmed RSS is memory the
    process has freed but glibc had not yet returned (it goes up and down between samples)."""
    if libc is None:
        return {"heap_in_use_mb": None, "heap_free_kept_mb": None, "rss_after_trim_mb": None}
    info = libc.mallinfo2()
    in_use, kept = info.uordblks / 2**20, info.fordblks / 2**20
    libc.malloc_trim(0)
    return {
        "heap_in_use_mb": round(in_use, 1),
        "heap_free_kept_mb": round(kept, 1),
        "rss_after_trim_mb": round(current_rss_mb(), 1),
    }


def text_cache_fill(app) -> dict[str, float]:
    """How full the painter's LRU text cache is (share of each table's bound), so growth
    from it filling up can be told apart from a leak. Reads its tables directly."""
    cache = app.painter.cache
    return {
        "renders_fill": round(len(cache._renders) / cache.max_renders, 3),
        "sizes_fill": round(len(cache._sizes) / cache.max_entries, 3),
        "wraps_fill": round(len(cache._wraps) / cache.max_entries, 3),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--hours", type=float, default=8.0)
    ap.add_argument("--session-minutes", type=float, default=40.0)
    ap.add_argument("--sample-every", type=float, default=5.0)
    ap.add_argument("--seed", type=int, default=21)
    args = ap.parse_args(argv)

    import numpy as np

    from game.app import App
    from game.sim.synthetic import draw_latent_population

    sessions = max(2, round(args.hours * 60 / args.session_minutes))
    latents = draw_latent_population(sessions, np.random.default_rng(args.seed))
    hours: dict[int, dict[str, list[float]]] = {}
    per_lesson: list[dict[str, float]] = []
    state = {"offset": 0.0, "bot": None}

    def hour_of(sim_seconds: float) -> dict[str, list[float]]:
        return hours.setdefault(
            int(sim_seconds // 3600),
            {
                "frame_ms": [],
                "logic_ms_per_min": [],
                "rss_mb": [],
                "blocks": [],
                "rss_after_trim_mb": [],
                "heap_in_use_mb": [],
            },
        )

    def frame(cost: float, scene: str) -> None:
        bot = state["bot"]
        hour_of(state["offset"] + bot.clock.now)["frame_ms"].append(cost * 1000)

    libc = _libc()
    wall = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp), seed=args.seed)
        for i in range(sessions):
            bot = TouringBot(
                latents[i],
                seed=args.seed * 1000 + i,
                minutes=args.session_minutes,
                frame=frame,
                challenge_scale=1.0,
                draw_all_frames=False,
                sample_every=args.sample_every,
            )
            state["bot"] = bot
            start = time.perf_counter()
            bot.run(app)
            spent = time.perf_counter() - start
            state["offset"] += args.session_minutes * 60
            gc.collect()
            bucket = hour_of(state["offset"] - 1)
            bucket["logic_ms_per_min"].append(1000 * spent / args.session_minutes)
            bucket["rss_mb"].append(current_rss_mb())
            bucket["blocks"].append(float(sys.getallocatedblocks()))
            heap = heap_figures(libc)
            if heap["rss_after_trim_mb"] is not None:
                bucket["rss_after_trim_mb"].append(heap["rss_after_trim_mb"])
                bucket["heap_in_use_mb"].append(heap["heap_in_use_mb"])
            per_lesson.append(
                {
                    "blocks": sys.getallocatedblocks(),
                    "rss_mb": round(bucket["rss_mb"][-1], 1),
                    **heap,
                    **text_cache_fill(app),
                }
            )
        app.shutdown()
    wall = time.perf_counter() - wall

    def summary(h: dict[str, list[float]]) -> dict[str, float | None]:
        def med(xs: list[float]) -> float | None:
            return round(statistics.median(xs), 3) if xs else None

        return {
            "median_frame_ms": med(h["frame_ms"]),
            "frames": len(h["frame_ms"]),
            "logic_ms_per_sim_min": med(h["logic_ms_per_min"]),
            "rss_mb": med(h["rss_mb"]),
            "rss_after_trim_mb": med(h["rss_after_trim_mb"]),
            "heap_in_use_mb": med(h["heap_in_use_mb"]),
            "allocated_blocks": med(h["blocks"]),
        }

    per_hour = {str(k): summary(v) for k, v in sorted(hours.items())}
    blocks = [lesson["blocks"] for lesson in per_lesson]
    steps = [b - a for a, b in zip(blocks, blocks[1:], strict=False)]
    half = len(steps) // 2
    early = statistics.mean(steps[:half]) if half else 0.0
    late = statistics.mean(steps[half:]) if steps[half:] else 0.0
    flattens = late <= max(0.5 * early, 100.0)
    with_memory = [v for v in per_hour.values() if v["rss_mb"] is not None]
    first, last = with_memory[0], with_memory[-1]
    first_frames = per_hour[min(per_hour)]
    last_frames = per_hour[max(per_hour)]
    rss_growth = last["rss_mb"] - first["rss_mb"]
    trimmed = first["rss_after_trim_mb"] is not None and last["rss_after_trim_mb"] is not None
    trimmed_growth = last["rss_after_trim_mb"] - first["rss_after_trim_mb"] if trimmed else None
    heap_growth = last["heap_in_use_mb"] - first["heap_in_use_mb"] if trimmed else None
    memory_growth = trimmed_growth if trimmed_growth is not None else rss_growth
    block_growth = last["allocated_blocks"] / first["allocated_blocks"] - 1
    frame_ratio = (last_frames["median_frame_ms"] or 0) / (first_frames["median_frame_ms"] or 1)
    logic_ratio = last["logic_ms_per_sim_min"] / first["logic_ms_per_sim_min"]
    figures = {
        "benchmark": "soak",
        "simulated_hours": round(sessions * args.session_minutes / 60, 2),
        "sessions": sessions,
        "wall_s": round(wall, 1),
        "per_hour": per_hour,
        "rss_growth_mb": round(rss_growth, 1),
        "rss_after_trim_growth_mb": round(trimmed_growth, 1)
        if trimmed_growth is not None
        else None,
        "heap_in_use_growth_mb": round(heap_growth, 1) if heap_growth is not None else None,
        "allocated_blocks_growth": round(block_growth, 4),
        "per_lesson": per_lesson,
        "frame_cost_ratio_last_first": round(frame_ratio, 3),
        "logic_cost_ratio_last_first": round(logic_ratio, 3),
        "blocks_after_each_lesson": blocks,
        "blocks_added_per_lesson_first_half": round(early),
        "blocks_added_per_lesson_second_half": round(late),
        "flattens": flattens,
        "text_cache_fill_last_lesson": per_lesson[-1] if per_lesson else None,
        "targets": {
            "rss_growth_mb": RSS_GROWTH_MB,
            "blocks_growth": BLOCK_GROWTH,
            "slowdown": SLOWDOWN,
        },
        "meets_target": (
            memory_growth <= RSS_GROWTH_MB
            and block_growth <= BLOCK_GROWTH
            and frame_ratio <= SLOWDOWN
            and logic_ratio <= SLOWDOWN
        ),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
