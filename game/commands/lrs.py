"""``python main.py lrs push|status``: forward stored statements to a Learning Record Store.

``push --endpoint URL --user U --password P`` sends every statement not yet sent
(idempotent, batched, resumable; see :mod:`telemetry.lrs`) for all players in the data
folder, or only a class's players with ``--class`` (whose LRS settings are then the
defaults). ``status`` says how many are sent, pending and rejected, without the network.
Reads player folders, writes only their LRS ledgers. Bad input: one line, exit 2; a push
that leaves statements pending or rejected exits 1.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HELP = "forward stored statements to an LRS (push), or show what is pending (status)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", help="push or status")
    parser.add_argument("--endpoint", help="the LRS's xAPI endpoint, e.g. https://lrs.example/xAPI")
    parser.add_argument("--user", help="LRS user (HTTP Basic)")
    parser.add_argument("--password", help="LRS password (HTTP Basic)")
    parser.add_argument("--data-dir", type=Path, help="data folder (default: your user data folder)")
    parser.add_argument("--class", dest="class_code", help="only this class's players")
    parser.add_argument("--batch", default="100", help="statements per request (default 100)")
    parser.add_argument("--retry-rejected", action="store_true",
                        help="send statements the LRS refused before once more")


def _codes(data_dir: Path, class_code: str | None):
    from telemetry.class_store import load_class

    if class_code:
        info = load_class(data_dir, class_code)
        return info.players, info.settings.lrs or {}
    folder = data_dir / "players"
    from telemetry.identity import is_valid_player_code

    codes = sorted(p.name for p in folder.iterdir() if is_valid_player_code(p.name)) \
        if folder.is_dir() else []
    return codes, {}


def _run(args: argparse.Namespace) -> int:
    from game import paths
    from telemetry.lrs import LrsConfig, push, statements_url, status

    action = str(args.action).lower()
    if action not in ("push", "status"):
        raise ValueError(f"unknown action {args.action!r}; choose push or status")
    data_dir = Path(args.data_dir or paths.default_data_dir())
    codes, defaults = _codes(data_dir, args.class_code)
    endpoint = args.endpoint or defaults.get("endpoint")
    if not endpoint:
        raise ValueError("--endpoint: which LRS? e.g. --endpoint https://lrs.example/xAPI")
    statements_url(endpoint)
    if action == "status":
        table = status(data_dir, codes, endpoint)
        for code, row in table.items():
            print(f"{code:<16} stored {row['stored']:>5}  sent {row['sent']:>5}  "
                  f"pending {row['pending']:>5}  rejected {row['rejected']:>3}")
        pending = sum(r["pending"] for r in table.values())
        print(f"{pending} pending for {statements_url(endpoint)}")
        return 0
    user = args.user or defaults.get("user")
    password = args.password if args.password is not None else defaults.get("password")
    if not user or password is None:
        raise ValueError("--user and --password: the LRS account to send as")
    try:
        batch = int(args.batch)
    except ValueError:
        raise ValueError(f"--batch: {args.batch!r} is not a whole number") from None
    if not 1 <= batch <= 1000:
        raise ValueError(f"--batch: {batch} is not between 1 and 1000")
    report = push(data_dir, codes, LrsConfig(endpoint, user, password, batch_size=batch),
                  retry_rejected=args.retry_rejected)
    for line in report.lines():
        print(line)
    from telemetry.lrs_void import queued, send_voids

    if queued(data_dir):           # erased players' statements still to void at an LRS
        voids = send_voids(data_dir, [LrsConfig(endpoint, user, password, batch_size=batch)])
        print(f"voided {voids.voided} statement(s) of erased players; {voids.queued} still queued")
        if voids.queued:
            return 1
    return 1 if report.pending or report.rejected or report.errors else 0


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        return _run(args)
    except ValueError as exc:
        print(f"lrs: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"lrs: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("lrs: stopped; run push again to send the rest", file=sys.stderr)
    return 2
