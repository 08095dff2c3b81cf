"""Time to make every report format (pdf, html, json, csv, xapi) for one simulated
45-minute player and for a class of 30, content loaded once (as the class tools do).
Targets: <= 1 s per player, <= 10 s for 30. Last line: one JSON object of the figures.

    .venv/bin/python bench/report.py [--players 30] [--minutes 45]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from game.commands.report import FORMATS, load_report_inputs, make_outputs  # noqa: E402
from telemetry.reader import read_player_statements, recorded_form, write_player_folder  # noqa: E402
from telemetry.report_model import build_report  # noqa: E402
from telemetry.synthetic import SyntheticPlayer, draw_latent_population, simulate_statements  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--players", type=int, default=30)
    ap.add_argument("--minutes", type=float, default=45)
    args = ap.parse_args()
    t0 = time.perf_counter()
    summary, table = load_report_inputs()
    load_s = time.perf_counter() - t0
    rng = np.random.default_rng(11)
    challenges = [{"id": c, "riasec": c[0].upper(), "occupations": [], "minutes": 4,
                   "competences": ["strengths_naming"]} for c in summary["challenges"]]
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "data", Path(tmp) / "out"
        codes = []
        for n, latent in enumerate(draw_latent_population(args.players, rng)):
            code = f"BENCH-CODE-{n:02d}"
            st = simulate_statements(SyntheticPlayer(latent, rng), args.minutes, rng,
                                     challenges=challenges)
            write_player_folder(data, code, recorded_form(st, code))
            codes.append(code)
        times = []
        n_statements = []
        for code in codes:
            t = time.perf_counter()
            st = read_player_statements(data, code)
            rep = build_report(st, summary, occupations=table, player_code=code)
            make_outputs(rep, st, list(FORMATS), out)
            times.append(time.perf_counter() - t)
            n_statements.append(len(st))
    figures = {
        "benchmark": "report", "formats": list(FORMATS), "minutes_played": args.minutes,
        "content_load_s": round(load_s, 3),
        "one_player_s": round(times[0], 3),
        "per_player_median_s": round(float(np.median(times)), 3),
        "per_player_max_s": round(max(times), 3),
        "class_players": len(times), "class_total_s": round(sum(times), 3),
        "class_total_with_load_s": round(sum(times) + load_s, 3),
        "statements_per_player_median": int(np.median(n_statements)),
        "target_per_player_s": 1.0, "target_class_s": 10.0,
        "meets_targets": max(times) <= 1.0 and sum(times) + load_s <= 10.0,
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
