"""``python main.py lrs push|status``: forward stored statements to a Learning Record Store.

``push --endpoint URL --user U --password P`` sends every statement not yet sent
(idempotent, batched, resumable; see :mod:`telemetry.lrs.forward`) for the players in the data
folder who belong to no class, or a class's players with ``--class`` (which needs the
teacher passphrase; the class's LRS account, stored encrypted, is then the default, and
is sent only to the class's own endpoint). ``status`` says how many are sent, pending and rejected,
without the network. Reads player folders, writes only their LRS ledgers. Bad input: one line, exit
2; a push that leaves statements pending or rejected exits 1.
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
    parser.add_argument(
        "--data-dir", type=Path, help="data folder (default: your user data folder)"
    )
    parser.add_argument(
        "--class",
        dest="class_code",
        help="only this class's players (needs the teacher passphrase)",
    )
    from game.commands import passphrase

    passphrase.add_argument(parser)
    parser.add_argument("--batch", default="100", help="statements per request (default 100)")
    parser.add_argument(
        "--retry-rejected",
        action="store_true",
        help="send statements the LRS refused before once more",
    )


def _codes(args: argparse.Namespace, data_dir: Path):
    """(player codes, the class's LRS account or None). A class needs the teacher
    passphrase; without ``--class`` the players of any class are left out (one line)."""
    from telemetry.classroom.class_store import classes_of_player, open_class
    from telemetry.xapi.identity import is_valid_player_code
    from telemetry.xapi.reader import read_player_statements

    if args.class_code:
        from game.commands import passphrase

        info = open_class(data_dir, args.class_code, passphrase.ask(args))
        return info.players, info.settings.lrs_account()
    folder = data_dir / "players"
    codes = (
        sorted(p.name for p in folder.iterdir() if is_valid_player_code(p.name))
        if folder.is_dir()
        else []
    )
    own, left_out = [], 0
    for code in codes:
        try:
            statements = read_player_statements(data_dir, code)
        except ValueError:
            statements = []
        if classes_of_player(data_dir, code, statements):
            left_out += 1
        else:
            own.append(code)
    if left_out:
        print(
            f"left out {left_out} player(s) of a class: use --class CODE "
            "(needs the teacher passphrase)"
        )
    return own, None


def _account(args: argparse.Namespace, stored) -> tuple[str, str | None, str | None]:
    """(endpoint, user, password). The class's stored account goes only to the class's
    own endpoint: another ``--endpoint`` needs its own ``--user`` and ``--password``."""
    from telemetry.lrs.forward import statements_url

    endpoint = args.endpoint or (stored[0] if stored else None)
    if not endpoint:
        raise ValueError("--endpoint: which LRS? e.g. --endpoint https://lrs.example/xAPI")
    url = statements_url(endpoint)
    user, password = args.user, args.password
    if stored and statements_url(stored[0]) == url:
        user = user or stored[1]
        password = password if password is not None else stored[2]
    elif stored and (not user or password is None):
        raise ValueError(
            f"--endpoint: {url} is not the class's LRS; its stored account is "
            "sent only there: give --user and --password for this one"
        )
    return endpoint, user, password


def _run(args: argparse.Namespace) -> int:
    from game import paths
    from telemetry.lrs.forward import LrsConfig, push, statements_url, status

    action = str(args.action).lower()
    if action not in ("push", "status"):
        raise ValueError(f"unknown action {args.action!r}; choose push or status")
    data_dir = Path(args.data_dir or paths.default_data_dir())
    if args.endpoint:
        statements_url(args.endpoint)  # a bad URL before anything else
    codes, stored = _codes(args, data_dir)
    endpoint, user, password = _account(args, stored)
    if action == "status":
        table = status(data_dir, codes, endpoint)
        for code, row in table.items():
            print(
                f"{code:<16} stored {row['stored']:>5}  sent {row['sent']:>5}  "
                f"pending {row['pending']:>5}  rejected {row['rejected']:>3}"
            )
        pending = sum(r["pending"] for r in table.values())
        print(f"{pending} pending for {statements_url(endpoint)}")
        return 0
    if not user or password is None:
        raise ValueError("--user and --password: the LRS account to send as")
    try:
        batch = int(args.batch)
    except ValueError:
        raise ValueError(f"--batch: {args.batch!r} is not a whole number") from None
    if not 1 <= batch <= 1000:
        raise ValueError(f"--batch: {batch} is not between 1 and 1000")
    report = push(
        data_dir,
        codes,
        LrsConfig(endpoint, user, password, batch_size=batch),
        retry_rejected=args.retry_rejected,
    )
    for line in report.lines():
        print(line)
    from telemetry.lrs.void import queued, send_voids

    if queued(data_dir):  # erased players' statements still to void at an LRS
        voids = send_voids(data_dir, [LrsConfig(endpoint, user, password, batch_size=batch)])
        print(f"voided {voids.voided} statement(s) of erased players; {voids.queued} still queued")
        if voids.queued:
            return 1
    return 1 if report.pending or report.rejected or report.errors else 0


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from telemetry.classroom.class_store import TooManyAttempts, WrongPassphrase

    try:
        return _run(args)
    except (ValueError, WrongPassphrase, TooManyAttempts) as exc:
        print(f"lrs: {exc}", file=sys.stderr)
    except OSError as exc:
        print(f"lrs: {exc.filename or ''}: {exc.strerror or exc}", file=sys.stderr)
    except KeyboardInterrupt:
        print("lrs: stopped; run push again to send the rest", file=sys.stderr)
    return 2
