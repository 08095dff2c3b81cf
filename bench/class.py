"""Class summary and export for 30 and 1,000 simulated players.

Players are game.sim.synthetic statement streams written as player folders
(telemetry.xapi.reader.write_player_folder). Times: class facts + summary model, summary PDF
and HTML, export to a zip (one versioned JSON export per player, full report each).
Usage: python bench/class.py [--sizes 30,1000] [--minutes 20]. Last line: one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def main() -> None:
    import numpy as np

    from game.class_tools import export, report_inputs, summary_model
    from game.sim.synthetic import SyntheticPlayer, simulate_statements
    from telemetry.classroom.class_store import SessionSettings, create_class
    from telemetry.report.class_report import write_class_report
    from telemetry.xapi.reader import recorded_form, write_player_folder

    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="30,1000")
    ap.add_argument("--minutes", type=float, default=20)
    args = ap.parse_args()
    inputs = report_inputs()
    figures: dict[str, dict[str, float]] = {}
    for n in [int(x) for x in args.sizes.split(",")]:
        with tempfile.TemporaryDirectory() as tmp:
            data = Path(tmp) / "data"
            info = create_class(
                data,
                f"BENCH-{n}",
                "bench passphrase",
                min(n, 200),
                SessionSettings(),
                rng=random.Random(n),
            )
            codes = list(info.players)
            while len(codes) < n:  # classes hold up to 200: add codes for the bench
                codes.append(f"BENCH-{len(codes):05d}")
            info.players = codes
            rng = np.random.default_rng(n)
            t0 = time.perf_counter()
            n_statements = 0
            for c in codes:
                st = simulate_statements(
                    SyntheticPlayer(rng.normal(size=6), rng), args.minutes, rng, actor=c
                )
                rec = recorded_form(st, c, class_code=info.code)
                n_statements += len(rec)
                write_player_folder(data, c, rec)
            t1 = time.perf_counter()
            model = summary_model(data, info, inputs[0])
            t2 = time.perf_counter()
            write_class_report(Path(tmp) / "s.pdf", model, "pdf")
            write_class_report(Path(tmp) / "s.html", model, "html")
            t3 = time.perf_counter()
            where, _ = export(data, info, Path(tmp) / "export.zip", inputs)
            t4 = time.perf_counter()
            figures[str(n)] = {
                "players": n,
                "statements": n_statements,
                "generate_s": round(t1 - t0, 2),
                "summary_model_s": round(t2 - t1, 2),
                "summary_pdf_html_s": round(t3 - t2, 3),
                "export_zip_s": round(t4 - t3, 2),
                "export_per_player_ms": round(1000 * (t4 - t3) / n, 1),
                "zip_mb": round(where.stat().st_size / 1e6, 2),
            }
            print(f"{n} players: {figures[str(n)]}", file=sys.stderr)
    print(json.dumps({"bench": "class", "minutes_per_player": args.minutes, "sizes": figures}))


if __name__ == "__main__":
    main()
