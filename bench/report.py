"""Time to make every report format (pdf, html, json, csv, xapi) for one simulated
45-minute player and for a class of 30, content loaded once and one PDF renderer (parsed
fonts) reused for the class, as ``main.py report`` does for one run. The class is timed
``--runs`` times (default 3) and each figure is the median over the runs, so one busy
moment on a shared machine does not decide the result; the 1-minute load average before
and after is printed with the figures. "one_player_s" is the first player of a fresh
process (imports and font parsing included).
Targets: <= 1 s per player, <= 10 s for 30. Last line: one JSON object of the figures.

    .venv/bin/python bench/report.py [--players 30] [--minutes 45] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.commands.report import FORMATS, load_report_inputs, make_outputs  # noqa: E402
from game.sim.synthetic import SyntheticPlayer, draw_latent_population, simulate_statements  # noqa: E402
from telemetry.report.model import build_report  # noqa: E402
from telemetry.report.pdf import ReportRenderer  # noqa: E402
from telemetry.xapi.reader import read_player_statements, recorded_form, write_player_folder  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--players", type=int, default=30)
    ap.add_argument("--minutes", type=float, default=45)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    load_before = os.getloadavg()[0]
    t0 = time.perf_counter()
    summary, table = load_report_inputs()
    load_s = time.perf_counter() - t0
    rng = np.random.default_rng(11)
    challenges = [
        {
            "id": c,
            "riasec": c[0].upper(),
            "occupations": [],
            "minutes": 4,
            "competences": ["strengths_naming"],
        }
        for c in summary["challenges"]
    ]
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "data", Path(tmp) / "out"
        codes = []
        for n, latent in enumerate(draw_latent_population(args.players, rng)):
            code = f"BENCH-CODE-{n:02d}"
            st = simulate_statements(
                SyntheticPlayer(latent, rng), args.minutes, rng, challenges=challenges
            )
            write_player_folder(data, code, recorded_form(st, code))
            codes.append(code)
        runs = []
        n_statements = []
        first = None
        for _ in range(max(1, args.runs)):
            t = time.perf_counter()
            renderer = ReportRenderer()
            setup_s = time.perf_counter() - t
            times = []
            for code in codes:
                t = time.perf_counter()
                st = read_player_statements(data, code)
                rep = build_report(st, summary, occupations=table, player_code=code)
                make_outputs(rep, st, [f for f in FORMATS if f != "badges"], out, renderer=renderer)
                times.append(time.perf_counter() - t)
                n_statements.append(len(st))
            if first is None:
                first = times[0] + setup_s
            runs.append(
                {
                    "median": float(np.median(times)),
                    "max": max(times),
                    "class": sum(times) + setup_s + load_s,
                    "setup": setup_s,
                }
            )
    med = {k: float(np.median([r[k] for r in runs])) for k in runs[0]}
    figures = {
        "benchmark": "report",
        "formats": list(FORMATS),
        "minutes_played": args.minutes,
        "runs": len(runs),
        "load_average_1min": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "cpus": os.cpu_count(),
        "content_load_s": round(load_s, 3),
        "renderer_setup_s": round(med["setup"], 3),
        "one_player_s": round(first, 3),
        "per_player_median_s": round(med["median"], 3),
        "per_player_max_s": round(med["max"], 3),
        "class_players": len(codes),
        "class_total_with_load_s": round(med["class"], 3),
        "class_runs_s": [round(r["class"], 3) for r in runs],
        "statements_per_player_median": int(np.median(n_statements)),
        "target_per_player_s": 1.0,
        "target_class_s": 10.0,
        "meets_targets": max(med["max"], first) <= 1.0 and med["class"] <= 10.0,
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
