"""How long a telemetry checkpoint stalls the game thread (not a test).

    .venv/bin/python bench/checkpoint_stall.py [--sizes 2000 6000] [--checkpoints 5]

A checkpoint moves the journal into the player's TinyDB file on the journal thread. The game
thread keeps drawing meanwhile, but only while that thread does not hold the interpreter lock
(a ``json.loads`` or ``json.dumps`` of the whole file holds it from start to end). For each
store size (2,000 statements is about one 45-minute lesson, 6,000 three), the player's store is
filled, then a few checkpoints of 40 new statements each run while the main thread plays
"frames" of 1 ms of Python work; the figure is the longest frame and the frames over 4 ms
during checkpoints. In the same run the baseline is the storage before this change (the
plain atomic JSON storage: parse and dump the whole file at every write), and the ratio of
the longest stalls is reported, beside the longest frame of a second in which nothing else
runs (the machine's own noise). The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from telemetry.xapi import store as store_module  # noqa: E402
from telemetry.xapi.atomic import AtomicJSONStorage, InsertOnlyJSONStorage  # noqa: E402
from telemetry.xapi.recorder import Recorder  # noqa: E402

WORK_S = 0.001  # Python work per simulated frame


class WholeFileStorage(AtomicJSONStorage):
    """The baseline: the storage the player store used before (whole file every time)."""

    def __init__(self, path, frozen_tables=(), **json_kwargs) -> None:
        super().__init__(path, **json_kwargs)


def _record(rec: Recorder, n: int, tag: int) -> None:
    for i in range(n):
        rec.record(
            "completed" if i % 7 == 0 else "progressed",
            "quest",
            f"challenge/c{(tag + i) % 18}",
            extensions={"progress": round((i % 10) / 10, 1), "riasec": "RIASEC"[i % 6]},
        )


def _frame_loop(stop: threading.Event, frames: list[float]) -> None:
    while not stop.is_set():
        start = time.perf_counter()
        end = start + WORK_S
        x = 0
        while time.perf_counter() < end:  # Python bytecode, as a frame's update and draw
            x += 1
        frames.append(time.perf_counter() - start)


def noise_floor(seconds: float) -> float:
    """The longest frame when nothing else runs (the machine's own scheduling noise), ms."""
    frames: list[float] = []
    stop = threading.Event()
    loop = threading.Thread(target=_frame_loop, args=(stop, frames))
    loop.start()
    time.sleep(seconds)
    stop.set()
    loop.join()
    return round(max(frames) * 1000, 2)


def measure(storage_cls: type, size: int, checkpoints: int) -> dict[str, float]:
    original = store_module.InsertOnlyJSONStorage
    store_module.InsertOnlyJSONStorage = storage_cls
    try:
        with tempfile.TemporaryDirectory() as tmp:
            rec = Recorder.open(tmp, "BENCH-OWL-17", class_code="BENCH")
            rec.start_session()
            _record(rec, size, 0)
            assert rec.checkpoint(wait=True, timeout=600)
            stalls, over, walls = [], 0, []
            for k in range(checkpoints):
                _record(rec, 40, k + 1)
                assert rec.wait_durable(timeout=60)
                frames: list[float] = []
                stop = threading.Event()
                loop = threading.Thread(target=_frame_loop, args=(stop, frames))
                loop.start()
                time.sleep(0.02)
                start = time.perf_counter()
                assert rec.checkpoint(wait=True, timeout=600)
                walls.append(time.perf_counter() - start)
                time.sleep(0.02)
                stop.set()
                loop.join()
                stalls.append(max(frames))
                over += sum(1 for f in frames if f > 0.004)
            assert rec.close()
    finally:
        store_module.InsertOnlyJSONStorage = original
    return {
        "statements": size,
        "longest_frame_ms": round(max(stalls) * 1000, 2),
        "median_longest_frame_ms": round(sorted(stalls)[len(stalls) // 2] * 1000, 2),
        "frames_over_4ms": over,
        "checkpoint_wall_ms": round(sorted(walls)[len(walls) // 2] * 1000, 1),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[2000, 6000])
    ap.add_argument("--checkpoints", type=int, default=5)
    args = ap.parse_args(argv)
    rows = []
    for size in args.sizes:
        base = measure(WholeFileStorage, size, args.checkpoints)
        new = measure(InsertOnlyJSONStorage, size, args.checkpoints)
        ratio = round(
            base["median_longest_frame_ms"] / max(new["median_longest_frame_ms"], 1e-3), 1
        )
        rows.append(
            {"statements": size, "baseline": base, "insert_only": new, "stall_ratio": ratio}
        )
        print(
            f"{size} statements: longest frame during a checkpoint "
            f"{base['median_longest_frame_ms']} ms (whole file) vs "
            f"{new['median_longest_frame_ms']} ms (insert-only), {ratio}x",
            flush=True,
        )
    figures = {
        "benchmark": "checkpoint_stall",
        "work_per_frame_ms": WORK_S * 1000,
        "noise_floor_longest_frame_ms": noise_floor(1.0),
        "sizes": rows,
        "target_longest_frame_ms": 4.0,
        "meets_target": all(r["insert_only"]["median_longest_frame_ms"] <= 4.0 for r in rows),
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
