"""Fit the scorer's parameters on bots saved by ``bench/validity.py --save DIR`` (not a test).

    .venv/bin/python bench/validity_calibrate.py DIR --out params.json
        [--populations mixed] [--rounds 6]

The saved bots are a simulated research class: each played AND answered the 48 IIP items as
a plain questionnaire. ``telemetry.profile.calibrate.fit`` (the EM behind ``python main.py
calibrate``) fits item, rating, persistence and appeal parameters and the response-style
priors from them, and the parameter file is written for ``bench/validity_rescore.py
--params``. Fit on one seed range and score another: a scorer calibrated on the pupils it is
then graded on grades itself. The last line printed is one JSON object.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from telemetry.profile.calibrate import Pupil, agreement, fit  # noqa: E402
from telemetry.profile.evidence import extract_evidence  # noqa: E402
from telemetry.profile.params import model_to_doc, save_params  # noqa: E402


def pupils(folder: Path, populations: list[str]) -> list[Pupil]:
    """Every saved bot of ``populations``: its play, and its questionnaire as item ratings."""
    out = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row["pop"] in populations:
                    out.append(
                        Pupil(
                            extract_evidence(row["statements"]),
                            extract_evidence(row["questionnaire"]),
                        )
                    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--out", required=True)
    ap.add_argument("--populations", nargs="+", default=["mixed"])
    ap.add_argument("--rounds", type=int, default=6)
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    group = pupils(Path(args.folder), args.populations)
    try:
        model = fit(group, rounds=args.rounds, seed=1)
    except ValueError as exc:
        print(f"validity_calibrate: {exc}", file=sys.stderr)
        return 2
    doc = model_to_doc(
        model,
        fitted_from={"pupils": len(group), "exports": 0},
        agreement=agreement(group, model, n_boot=200),
    )
    save_params(args.out, doc)
    summary = {
        "params": args.out,
        "params_version": doc["params_version"],
        "pupils": len(group),
        "style_prior_sd": doc["style_prior_sd"],
        "spread_prior_sd": doc["spread_prior_sd"],
        "ordinal": doc["ordinal"],
        "agreement": doc["agreement"],
        "runtime_s": round(time.perf_counter() - t0, 1),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
