"""Benchmark of the telemetry store (not a test).

    .venv/bin/python bench/telemetry.py [--sizes 10000 100000] [--tinydb-n 10000]
                                        [--tinydb-budget-s 60]

For each size, records that many realistic events through the real ``Recorder`` API and
measures the cost of ``record()`` on the caller thread (median, p99 in microseconds) and
durable events per second (first record() until ``wait_durable`` acknowledges all), then
the checkpoint (compaction into TinyDB). In the same run, inserts the same kind of
statements one by one with plain ``TinyDB(path).insert()`` (default JSONStorage, which
rewrites the whole file on every insert) up to ``--tinydb-n`` or the time budget,
whichever comes first; since its per-insert cost grows with the file, stopping early
*overstates* TinyDB's rate, so the reported ratio is a lower bound.

The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tinydb import TinyDB  # noqa: E402

from telemetry.xapi import vocab  # noqa: E402
from telemetry.xapi.recorder import Recorder  # noqa: E402
from telemetry.xapi.statements import build_statement, make_actor, make_context  # noqa: E402
from telemetry.xapi.version import game_version  # noqa: E402

# A realistic mix of the README's evidence conventions: (verb, type, id, keyword arguments).
EVENTS: list[tuple[str, str, str, dict[str, Any]]] = [
    ("selected", "menu", "menu/plaza", {"response": "r_bike_repair",
     "extensions": {"options": {"r_bike_repair": "R", "a_mural": "A", "s_clinic": "S"},
                    "riasec": "R"}}),
    ("initialized", "quest", "challenge/r_bike_repair",
     {"extensions": {"riasec": "R", "difficulty": 2, "replay": False}}),
    ("progressed", "quest", "challenge/r_bike_repair", {"extensions": {"progress": 0.5}}),
    ("completed", "quest", "challenge/r_bike_repair",
     {"success": True, "score": 0.8, "duration_s": 183.2,
      "extensions": {"riasec": "R", "difficulty": 2, "accuracy": 0.9,
                     "skills": ["problem_solving", "tools"]}}),
    ("selected", "question", "reflect/r_bike_repair/enjoy",
     {"response": "4", "extensions": {"riasec": "R"}}),
    ("accessed", "item", "occupation/49-3091.00", {"duration_s": 42.0,
     "extensions": {"riasec": "R"}}),
    ("interacted", "non-player-character", "mentor/ana", {"extensions": {"topic": "pay"}}),
    ("used", "item", "hint/r_bike_repair", {}),
]  # fmt: skip


def bench_recorder(n: int) -> dict[str, Any]:
    """Record n events through Recorder; returns the figures for this size."""
    with tempfile.TemporaryDirectory() as tmp:
        rec = Recorder.open(tmp, "BENCH-FOX-42", class_code="BENCH")
        rec.start_session()
        costs = [0] * n
        clock = time.perf_counter_ns
        events = EVENTS
        k = len(events)
        gc.collect()
        start = time.perf_counter()
        for i in range(n):
            verb, kind, activity, kwargs = events[i % k]
            t0 = clock()
            rec.record(verb, kind, activity, **kwargs)
            costs[i] = clock() - t0
        recorded = time.perf_counter()
        assert rec.wait_durable(timeout=600)
        durable = time.perf_counter()
        assert rec.checkpoint(wait=True, timeout=600)
        checkpointed = time.perf_counter()
        count = len(rec.stored_statements())
        assert rec.close()
    costs.sort()
    return {
        "events": n,
        "stored": count,
        "record_median_us": round(statistics.median(costs) / 1000, 2),
        "record_p99_us": round(costs[int(0.99 * (n - 1))] / 1000, 2),
        "record_max_us": round(costs[-1] / 1000, 1),
        "record_loop_s": round(recorded - start, 3),
        "durable_events_per_s": round(n / (durable - start)),
        "checkpoint_s": round(checkpointed - durable, 3),
    }


def bench_plain_tinydb(n: int, budget_s: float) -> dict[str, Any]:
    """Insert statements one by one into TinyDB's default JSONStorage."""
    actor = make_actor(vocab.account_home_page("BENCH"), "BENCH-FOX-42")
    reg = "0b7c6f2e-1d2a-4c8e-9a51-3f0e2d4c5b6a"
    context = make_context(reg, platform="bench", language="en", class_code="BENCH",
                           game_version=game_version(), session_id=reg)  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        db = TinyDB(Path(tmp) / "plain.json")
        start = time.perf_counter()
        done = 0
        for i in range(n):
            verb, kind, activity, kwargs = EVENTS[i % len(EVENTS)]
            statement = build_statement(
                actor=actor,
                context=context,
                verb=verb,
                activity_type=kind,
                activity_id=activity,
                **kwargs,
            )
            db.insert(statement)
            done += 1
            if time.perf_counter() - start > budget_s:
                break
        elapsed = time.perf_counter() - start
        db.close()
    return {
        "target": n,
        "inserted": done,
        "stopped_by_budget": done < n,
        "seconds": round(elapsed, 2),
        "events_per_s": round(done / elapsed, 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--tinydb-n", type=int, default=10_000)
    parser.add_argument("--tinydb-budget-s", type=float, default=60.0)
    args = parser.parse_args(argv)

    figures: dict[str, Any] = {"python": sys.version.split()[0], "recorder": []}
    for n in args.sizes:
        result = bench_recorder(n)
        figures["recorder"].append(result)
        print(f"Recorder, {n} events: record() median {result['record_median_us']} µs, "
              f"p99 {result['record_p99_us']} µs, max {result['record_max_us']} µs; "
              f"{result['durable_events_per_s']} durable events/s; "
              f"checkpoint {result['checkpoint_s']} s", flush=True)  # fmt: skip
    plain = bench_plain_tinydb(args.tinydb_n, args.tinydb_budget_s)
    figures["plain_tinydb"] = plain
    print(f"Plain TinyDB insert(): {plain['inserted']} of {plain['target']} in "
          f"{plain['seconds']} s = {plain['events_per_s']} events/s"
          + (" (stopped by time budget; the rate only falls as the file grows)"
             if plain["stopped_by_budget"] else ""), flush=True)  # fmt: skip
    base = figures["recorder"][0]
    figures["ratio_vs_plain_tinydb"] = round(
        base["durable_events_per_s"] / plain["events_per_s"], 1
    )
    figures["targets"] = {
        "ratio_at_least_100": figures["ratio_vs_plain_tinydb"] >= 100,
        "p99_record_at_most_50us": all(r["record_p99_us"] <= 50 for r in figures["recorder"]),
    }
    print(
        f"Ratio (Recorder durable events/s at {base['events']} vs plain TinyDB): "
        f"{figures['ratio_vs_plain_tinydb']}x"
    )
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
