"""``python main.py calibrate EXPORTS... --out params.json``: fit the scorer's parameters
on research-mode classes (issue 17 item 7).

EXPORTS are player exports (``report --format json`` or ``class export``: .json files, a
folder of them, or the .zip) of classes in research mode, whose pupils also answered the
48 IIP items as the end-of-lesson questionnaire. The fit (``telemetry.profile.calibrate``)
writes a versioned parameter file for ``report --params``, and prints the game-vs-
questionnaire agreement before and after, with 95 % bootstrap intervals. The file holds
parameters only, nothing about any pupil. Reads only EXPORTS, writes only ``--out``.
Bad input is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import sys
import zipfile
from pathlib import Path
from typing import Any

HELP = "fit the profile scorer's parameters on research-mode class exports"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "exports",
        nargs="+",
        metavar="EXPORT",
        type=Path,
        help="player export .json files, folders of them, or a class export .zip",
    )
    parser.add_argument("--out", type=Path, required=True, help="parameter file to write (.json)")
    parser.add_argument("--rounds", type=int, default=8, help="EM rounds (default 8)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the posterior draws")


def _documents(path: Path) -> list[tuple[str, Any]]:
    """(name, parsed JSON) of every export in a file, folder or zip (not yet checked)."""
    from telemetry.report.json_export import read_export

    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".json")
        if not files:
            raise ValueError(f"{path}: no .json exports in this folder")
        return [(str(p), read_export(p)) for p in files]
    if path.suffix.lower() == ".zip":
        from telemetry.report.json_export import check_export
        from telemetry.xapi.safe_read import parse_json

        try:
            with zipfile.ZipFile(path) as zf:
                names = [n for n in zf.namelist() if n.lower().endswith(".json")]
                out = []
                for n in names:
                    where = f"{path}:{n}"
                    try:
                        doc = parse_json(zf.read(n))
                    except ValueError as exc:  # also nested too deeply (once a traceback)
                        raise ValueError(f"{where}: damaged export: {exc}") from None
                    out.append((where, check_export(doc, where)))
        except zipfile.BadZipFile:
            raise ValueError(f"{path}: not a zip file") from None
        if not out:
            raise ValueError(f"{path}: no .json exports in this zip")
        return out
    if not path.exists():
        raise ValueError(f"{path}: no such file or folder")
    return [(str(path), read_export(path))]


def read_pupils(paths: list[Path]) -> list[Any]:
    """One :class:`~telemetry.profile.calibrate.Pupil` per export that holds questionnaire
    answers (the others counted in one line on stderr); ``ValueError`` (one line) for a bad export
    or when none has answers."""
    from telemetry.profile.calibrate import pupil_from_statements
    from telemetry.report.json_export import actor_code, export_player_code

    pupils, seen, without = [], 0, []
    for path in paths:
        for where, doc in _documents(path):
            code = export_player_code(doc, where)
            statements = [s for s in doc["statements"] if actor_code(s) == code]
            seen += 1
            pupil = pupil_from_statements(statements)
            if pupil.questionnaire.ratings:
                pupils.append(pupil)
            else:
                without.append(where)
    if not pupils:
        raise ValueError(
            f"no questionnaire answers in any of the {seen} export(s): "
            "calibration needs a class in research mode"
        )
    if without:
        print(
            f"calibrate: {len(without)} export(s) without questionnaire answers left out "
            f"(not a research-mode class, or the pupil left before it), e.g. {without[0]}",
            file=sys.stderr,
        )
    return pupils


def _line(label: str, a: dict[str, list[float]]) -> str:
    if "r" not in a:
        return f"{label}: no pupil with both game evidence and questionnaire answers"

    def f(k: str) -> str:
        v = a[k]
        return f"{v[0]:.3f} [{v[1]:.3f}, {v[2]:.3f}]"

    return (
        f"{label}: r {f('r')}  same first letter {f('same_first')}  "
        f"questionnaire's first in game's top two {f('first_in_top2')}  "
        f"({int(a['pupils'][0])} pupils)"
    )


def run(args: argparse.Namespace) -> int:
    from telemetry.profile.calibrate import agreement, fit
    from telemetry.profile.params import model_to_doc, save_params
    from telemetry.profile.posterior import MODEL

    if not 1 <= args.rounds <= 50:
        print("calibrate: --rounds must be from 1 to 50", file=sys.stderr)
        return 2
    if args.out.suffix.lower() != ".json":
        print(f"calibrate: --out: {args.out} should be a .json file", file=sys.stderr)
        return 2
    try:
        pupils = read_pupils(list(args.exports))
        model = fit(
            pupils,
            rounds=args.rounds,
            seed=args.seed,
            progress=lambda k: print(
                f"calibrate: round {k} of {args.rounds}", file=sys.stderr, flush=True
            ),
        )
        before = agreement(pupils, MODEL, seed=args.seed)
        after = agreement(pupils, model, seed=args.seed)
        doc = model_to_doc(
            model,
            date=_dt.date.today().strftime("%Y%m%d"),
            fitted_from={"pupils": len(pupils), "inputs": len(args.exports)},
            agreement={"built_in": before, "calibrated_in_sample": after},
        )
        save_params(args.out, doc)
    except ValueError as exc:
        print(f"calibrate: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"calibrate: {exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    except (KeyboardInterrupt, EOFError):
        print("calibrate: stopped", file=sys.stderr)
        return 2
    print(f"calibrate: {len(pupils)} pupils; parameters {doc['params_version']} -> {args.out}")
    print(_line("game vs questionnaire, built-in parameters", before))
    print(_line("game vs questionnaire, calibrated (in sample)", after))
    return 0
