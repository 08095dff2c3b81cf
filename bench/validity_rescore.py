"""Score the bots saved by ``bench/validity.py --save DIR`` with a given scorer (not a test).

    .venv/bin/python bench/validity_rescore.py DIR [--scorer-root PATH] [--boot 1000]
        [--params FILE] [--workers 2] [--no-questionnaire]

The same recorded play, scored by the telemetry/ found under ``--scorer-root`` (e.g. an
export of an older commit: ``git archive <commit> telemetry | tar -x -C PATH``), so a
scorer change is measured on identical pupils; ``--params`` scores with a calibrated parameter
file (``python main.py calibrate``). Prints one line per population, the detection of
straight-liners and random clickers over all populations (as bench/validity.py), and, last,
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

_MODEL: list[Any] = []  # the scorer's model in this process (set by _setup)


def _setup(scorer_root: str | None, params: str | None) -> None:
    """Import the scorer under ``scorer_root`` (if given) and load ``params`` (in a worker)."""
    if scorer_root:
        sys.path.insert(0, str(Path(scorer_root).resolve()))
        for name in [m for m in sys.modules if m == "telemetry" or m.startswith("telemetry.")]:
            del sys.modules[name]
    _MODEL.clear()
    if params:
        from telemetry.profile.params import load_model

        _MODEL.append(load_model(params))


def _estimate(statements: list[dict], seed: int) -> dict[str, Any]:
    from telemetry.profile.engine import estimate_profile

    kw = {"model": _MODEL[0]} if _MODEL else {}
    p = estimate_profile(statements, n_draws=2000, seed=seed, **kw)
    readable = getattr(p, "readability", None)
    return {
        "mean": p.mean.tolist(),
        "code_p": p.code_probability,
        "first_p": p.first_letter_probability,
        "interpretable": True if readable is None else bool(readable.interpretable),
        "rule": getattr(readable, "rule", None) if readable is not None else None,
    }


def _score(job: tuple) -> dict[str, Any]:
    """One bot's estimates at every cut (and on its questionnaire)."""
    row, quest = job
    out = {c: _estimate(row["statements"][: row["counts"][c]], row["i"]) for c in row["counts"]}
    if quest:
        out["questionnaire_48"] = _estimate(row["questionnaire"], row["i"])
    return out


def _careless(traits: dict | None) -> bool:
    """A straight-liner or a random clicker (as bench/validity.py counts them)."""
    return bool(traits) and (
        traits.get("straight") is not None or traits.get("random_share", 0.0) >= 0.5
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder")
    ap.add_argument("--scorer-root", default=None)
    ap.add_argument("--boot", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--params", default=None, help="a calibrated scorer parameter file")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--no-questionnaire", action="store_true")
    args = ap.parse_args(argv)
    _setup(args.scorer_root, args.params)
    import telemetry
    from bench.validity_stats import detection

    rows: dict[str, list[dict]] = {}
    for path in sorted(Path(args.folder).glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                rows.setdefault(row["pop"], []).append(row)
    out: dict[str, Any] = {
        "scorer": str(Path(telemetry.__file__).parent),
        "params": args.params,
        "populations": {},
    }
    flags, careless, by_pop = [], [], {}
    for pop, group in rows.items():
        group.sort(key=lambda r: r["i"])
        latent = np.array([r["latent"] for r in group])
        jobs = [(r, not args.no_questionnaire) for r in group]
        if args.workers > 1:
            import multiprocessing as mp

            with mp.get_context("fork").Pool(args.workers) as pool:
                scored = pool.map(_score, jobs, chunksize=4)
        else:
            scored = [_score(j) for j in jobs]
        fig: dict[str, Any] = {}
        for cut in group[0]["counts"]:
            est = [s[cut] for s in scored]
            fig[f"game_{int(float(cut))}min"] = bootstrap_figures(
                latent, est, n_boot=args.boot, seed=args.seed
            )
        last = max(group[0]["counts"], key=float)
        f = [0.0 if s[last]["interpretable"] else 1.0 for s in scored]
        c = [_careless(r.get("traits")) for r in group]
        flags += f
        careless += c
        by_pop[pop] = detection(np.array(f), np.array(c, dtype=bool), args.boot, args.seed)
        rules: dict[str, int] = {}
        for s in scored:
            if s[last].get("rule"):
                rules[s[last]["rule"]] = rules.get(s[last]["rule"], 0) + 1
        by_pop[pop]["rules"] = rules
        if not args.no_questionnaire:
            est = [s["questionnaire_48"] for s in scored]
            fig["questionnaire_48"] = bootstrap_figures(
                latent, est, n_boot=args.boot, seed=args.seed
            )
        out["populations"][pop] = {
            k: {kk: vv for kk, vv in v.items() if not kk.endswith("_bins")} for k, v in fig.items()
        }
        out["populations"][pop]["first_p_bins"] = fig[f"game_{int(float(last))}min"]["first_p_bins"]
        for key, m in fig.items():
            print(
                f"{pop:24s} {key:17s} "
                + "  ".join(
                    f"{f} {m[f][0]:.3f} [{m[f][1]:.3f}, {m[f][2]:.3f}]"
                    for f in ("r", "top1", "first_in_top2", "ece_first", "not_interpretable")
                )
            )
    det = detection(np.array(flags), np.array(careless, dtype=bool), args.boot, args.seed)
    det["by_population"] = by_pop
    out["detection"] = det
    print(
        "detection (all populations) "
        + "  ".join(
            f"{k} {det[k][0]:.3f} [{det[k][1]:.3f}, {det[k][2]:.3f}]"
            for k in ("careless_flagged", "others_flagged")
            if k in det
        )
    )
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
