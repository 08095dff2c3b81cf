"""Run every benchmark, each in its own process, and gather their figures (not a test).

    .venv/bin/python bench/run_all.py [--quick] [--only frame_time idle_cpu ...]

Each benchmark prints one JSON object as its last line; this collects those lines into
one JSON object keyed by benchmark name (printed as the last line), with the wall time
of each run and ``"error"`` for a benchmark that failed (its last stderr line).
``--quick`` passes smaller sizes so that the whole suite takes a few minutes.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent

#: name → (full arguments, --quick arguments)
SUITE: dict[str, tuple[list[str], list[str]]] = {
    "frame_time": ([], ["--minutes", "2"]),
    "idle_cpu": ([], ["--seconds", "3"]),
    "cold_start": ([], ["--runs", "3"]),
    "memory": ([], ["--minutes", "10"]),
    "soak": ([], ["--hours", "2", "--session-minutes", "20"]),
    "telemetry": ([], ["--sizes", "2000", "--tinydb-n", "500", "--tinydb-budget-s", "10"]),
    "validity": ([], ["--players", "12", "--minutes", "20", "--cuts", "10", "20"]),
    "report": ([], ["--players", "5", "--minutes", "20"]),
    "class": ([], []),
}


def run_one(name: str, args: list[str]) -> dict:
    """Run ``bench/<name>.py`` with ``args``; its last stdout line as a dict."""
    start = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, str(BENCH / f"{name}.py"), *args],
        capture_output=True,
        text=True,
        cwd=str(BENCH.parent),
    )
    wall = round(time.perf_counter() - start, 1)
    lines = [line for line in proc.stdout.splitlines() if line.strip()]
    if proc.returncode == 0 and lines:
        try:
            figures = json.loads(lines[-1])
            if isinstance(figures, dict):
                figures["run_wall_s"] = wall
                return figures
        except ValueError:
            pass
    errors = [line for line in proc.stderr.splitlines() if line.strip()]
    return {
        "error": errors[-1] if errors else f"exit {proc.returncode}, no JSON last line",
        "run_wall_s": wall,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="smaller sizes (a few minutes in all)")
    ap.add_argument("--only", nargs="+", choices=sorted(SUITE), help="run only these")
    args = ap.parse_args(argv)
    results = {}
    for name, (full, quick) in SUITE.items():
        if args.only and name not in args.only:
            continue
        if not (BENCH / f"{name}.py").exists():
            results[name] = {"skipped": f"bench/{name}.py does not exist yet"}
            continue
        results[name] = run_one(name, quick if args.quick else full)
        print(f"{name}: {json.dumps(results[name])[:200]}", file=sys.stderr, flush=True)
    print(json.dumps({"benchmark": "run_all", "quick": args.quick, "results": results}))
    return 0 if not any("error" in r for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
