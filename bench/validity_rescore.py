"""Score the bots saved by ``bench/validity.py --save DIR`` with a given scorer (not a test).

    .venv/bin/python bench/validity_rescore.py DIR [--scorer-root PATH] [--boot 1000]

The same recorded play, scored by the telemetry/ found under ``--scorer-root`` (e.g. an
export of an older commit: ``git archive <commit> telemetry | tar -x -C PATH``), so a
scorer change is measured on identical pupils. Prints one line per population and, last,
one JSON object of the figures with 95 % bootstrap intervals.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from bench.validity_stats import bootstrap_figures  # noqa: E402


def _estimate(statements: list[dict], seed: int) -> dict[str, Any]:
    from telemetry.profile.engine import estimate_profile

    p = estimate_profile(statements, n_draws=2000, seed=seed)
    readable = getattr(p, "readability", None)
    return {
        "mean": p.mean.tolist(),
        "code_p": p.code_probability,
        "first_p": p.first_letter_probability,
        "interpretable": True if readable is None else bool(readable.interpretable),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--scorer-root", default=None)
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if args.scorer_root:
        sys.path.insert(0, str(Path(args.scorer_root).resolve()))
        for name in [m for m in sys.modules if m == "telemetry" or m.startswith("telemetry.")]:
            del sys.modules[name]
    import telemetry

    rows: dict[str, list[dict]] = {}
    for path in sorted(Path(args.folder).glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                rows.setdefault(row["pop"], []).append(row)
    out: dict[str, Any] = {"scorer": str(Path(telemetry.__file__).parent), "populations": {}}
    for pop, group in rows.items():
        group.sort(key=lambda r: r["i"])
        latent = np.array([r["latent"] for r in group])
        fig: dict[str, Any] = {}
        for cut in group[0]["counts"]:
            est = [_estimate(r["statements"][: r["counts"][cut]], r["i"]) for r in group]
            fig[f"game_{int(float(cut))}min"] = bootstrap_figures(
                latent, est, n_boot=args.boot, seed=args.seed
            )
        est = [_estimate(r["questionnaire"], r["i"]) for r in group]
        fig["questionnaire_48"] = bootstrap_figures(latent, est, n_boot=args.boot, seed=args.seed)
        out["populations"][pop] = {
            k: {kk: vv for kk, vv in v.items() if not kk.endswith("_bins")} for k, v in fig.items()
        }
        for key, m in fig.items():
            print(
                f"{pop:24s} {key:17s} "
                + "  ".join(
                    f"{f} {m[f][0]:.3f} [{m[f][1]:.3f}, {m[f][2]:.3f}]"
                    for f in ("r", "top1", "first_in_top2", "ece_first", "not_interpretable")
                )
            )
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
