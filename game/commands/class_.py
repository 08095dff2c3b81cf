"""``python main.py class ACTION --class CODE ...``: the teacher's class tools.

Actions: ``create`` (new class and player codes; ``--research`` for research mode,
``--routes`` for the learning routes its pupils see), ``set`` (change a class setting:
``--research on|off``, ``--routes scotland|england|spain|auto``), ``handout`` (codes to print),
``progress`` (who has played, challenges, minutes), ``summary`` (class report, PDF/HTML),
``export`` (every player's JSON export to a folder or .zip), ``erase`` (a player or the
whole class, for real, from every copy the game made, voiding what reached the class's
LRS; needs ``--yes``), ``merge`` (player data gathered from many PCs), ``badges`` (the
school that issues the class's Open Badges, ``--school``, and ``--new-key`` for a signing
key kept encrypted with the passphrase; prints the public key).
Every action except ``create`` needs the teacher passphrase (``--passphrase``, or typed at
the prompt, or one line on standard input). Reads and writes only the data folder and the
``--out`` paths. Any bad input is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from telemetry.words import languages

HELP = (
    "teacher tools: create a class, set, handout, progress, summary, export, erase, merge, badges"
)
ACTIONS = ("create", "set", "handout", "progress", "summary", "export", "erase", "merge", "badges")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", help=f"one of {', '.join(ACTIONS)}")
    parser.add_argument("--class", dest="class_code", help="class code, e.g. 7B-2026")
    parser.add_argument("--passphrase", help="teacher passphrase (else asked for)")
    parser.add_argument(
        "--data-dir", type=Path, help="data folder (default: your user data folder)"
    )
    parser.add_argument("--players", help="create: number of player codes (1-200)")
    parser.add_argument("--minutes", help="create: session length in minutes (default: no limit)")
    parser.add_argument("--districts", help="create: open districts, e.g. R,I,A or all (default)")
    parser.add_argument("--lang", help="create: session language (en or es)")
    parser.add_argument("--lrs-endpoint", help="create: forward this class to an LRS")
    parser.add_argument("--lrs-user", help="create: LRS user")
    parser.add_argument("--lrs-password", help="create: LRS password")
    parser.add_argument(
        "--research",
        nargs="?",
        const="on",
        default=None,
        help="create/set: research mode on (or off): pupils also answer the 48 "
        "IIP items as a questionnaire at the end of the lesson",
    )
    parser.add_argument(
        "--routes",
        help="create/set: learning routes the pupils see: scotland, england, spain, "
        "or auto (each pupil's own setting; by default their language's)",
    )
    parser.add_argument("--format", default="pdf,html", help="handout/summary: pdf,html")
    parser.add_argument("--out", type=Path, help="output file or folder (export: folder or .zip)")
    parser.add_argument("--player", help="erase: one player code")
    parser.add_argument("--all", action="store_true", help="erase: every player and the class")
    parser.add_argument("--yes", action="store_true", help="erase: confirm erasing for real")
    parser.add_argument("--from", dest="source", type=Path, help="merge: folder of gathered data")
    parser.add_argument("--school", help="create/badges: the school's name (issuer of badges)")
    parser.add_argument(
        "--new-key",
        action="store_true",
        help="badges: make a new signing key for the class's badges",
    )


class BadInput(ValueError):
    """One line for the teacher; exit 2."""


def _passphrase(args: argparse.Namespace, confirm: bool = False) -> str:
    from game.commands import passphrase

    try:
        return passphrase.ask(args, confirm)
    except ValueError as exc:
        raise BadInput(str(exc)) from None


def _int(value: str | None, name: str, lo: int, hi: int) -> int | None:
    if value is None:
        return None
    try:
        n = int(value)
    except ValueError:
        raise BadInput(f"--{name}: {value!r} is not a whole number") from None
    if not lo <= n <= hi:
        raise BadInput(f"--{name}: {n} is not between {lo} and {hi}")
    return n


def _formats(args: argparse.Namespace) -> list[str]:
    from game.class_tools import FORMATS

    formats = [f.strip().lower() for f in str(args.format).split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        raise BadInput(
            f"--format: unknown format {bad[0] if bad else '(none)'!r}; "
            f"choose from {','.join(FORMATS)}"
        )
    return formats


def _create(args: argparse.Namespace, data_dir: Path) -> int:
    from game import paths
    from game.class_tools import district_ids, prepare_saves
    from telemetry.classroom.class_store import SessionSettings, create_class
    from zones.loader import load_content

    n = _int(args.players, "players", 1, 200)
    if n is None:
        raise BadInput("--players: how many player codes? e.g. --players 30")
    minutes = _int(args.minutes, "minutes", 1, 600)
    districts = None
    if args.districts and args.districts.strip().lower() != "all":
        content = load_content(paths.content_dir(), paths.assets_dir() / "data")
        districts = district_ids(content, args.districts.split(","))
    lang = args.lang.strip().lower() if args.lang else None
    if lang is not None and lang not in languages():
        raise BadInput(
            f"--lang: {args.lang!r} is not a language of the game ({', '.join(languages())})"
        )
    lrs = None
    if args.lrs_endpoint or args.lrs_user or args.lrs_password:
        from telemetry.lrs.forward import statements_url

        if not (args.lrs_endpoint and args.lrs_user and args.lrs_password):
            raise BadInput("--lrs-endpoint, --lrs-user and --lrs-password go together")
        statements_url(args.lrs_endpoint)
        lrs = {"endpoint": args.lrs_endpoint, "user": args.lrs_user, "password": args.lrs_password}
    settings = SessionSettings(
        minutes=minutes,
        districts=districts,
        language=lang,
        lrs=lrs,
        research=_research(args.research) or False,
        routes=_routes(args.routes)[1],
        school=args.school.strip() if args.school else None,
    )
    info = create_class(data_dir, args.class_code, _passphrase(args, confirm=True), n, settings)
    prepare_saves(data_dir, info.players)
    print(f"class {info.code}: {len(info.players)} player codes")
    for code in info.players:
        print(code)
    return 0


def _research(value: str | None) -> bool | None:
    if value is None:
        return None
    word = str(value).strip().lower()
    if word not in ("on", "off"):
        raise BadInput(f"--research: {value!r} is not on or off")
    return word == "on"


def _routes(value: str | None) -> tuple[bool, str | None]:
    """(given, framework or None for auto) of ``--routes``; BadInput for any other word."""
    from telemetry.classroom.class_store import ROUTE_FRAMEWORKS

    if value is None:
        return False, None
    word = str(value).strip().lower()
    if word == "auto":
        return True, None
    if word not in ROUTE_FRAMEWORKS:
        raise BadInput(f"--routes: {value!r} is not one of {', '.join(ROUTE_FRAMEWORKS)} or auto")
    return True, word


def _set(args: argparse.Namespace, data_dir: Path, info) -> int:
    """Change class settings (behind the passphrase, as every class action)."""
    from telemetry.classroom.class_store import save_class

    research = _research(args.research)
    given, routes = _routes(args.routes)
    if research is None and not given:
        raise BadInput("set: what to change? e.g. --research on or --routes scotland")
    if research is not None:
        info.settings.research = research
    if given:
        info.settings.routes = routes
    save_class(data_dir, info)
    if research is not None:
        print(f"class {info.code}: research mode {'on' if research else 'off'}")
    if given:
        shown = routes or "auto (each pupil's own setting)"
        print(f"class {info.code}: learning routes {shown}")
    return 0


def _open(args: argparse.Namespace, data_dir: Path):
    from telemetry.classroom.class_store import load_class, open_class

    load_class(data_dir, args.class_code)  # 'no such class' before asking a passphrase
    return open_class(data_dir, args.class_code, _passphrase(args))


def _run(args: argparse.Namespace) -> int:
    from game import class_tools as tools
    from game import paths

    action = str(args.action).lower()
    if action not in ACTIONS:
        raise BadInput(f"unknown action {args.action!r}; choose from {', '.join(ACTIONS)}")
    if not args.class_code:
        raise BadInput("--class: which class? e.g. --class 7B-2026")
    data_dir = Path(args.data_dir or paths.default_data_dir())
    if action == "create":
        return _create(args, data_dir)
    if action in ("handout", "summary", "export") and args.out is None:
        raise BadInput(f"--out: where should the {action} go?")
    if action == "merge" and (args.source is None or not args.source.is_dir()):
        raise BadInput(f"--from: {args.source or '(missing)'} is not a folder")
    if action == "erase" and not (args.all or args.player):
        raise BadInput("erase: say --player CODE or --all")
    if action == "set" and args.research is None and args.routes is None:
        raise BadInput("set: what to change? e.g. --research on or --routes scotland")
    if action in ("create", "set"):
        _research(args.research), _routes(args.routes)  # a bad word before the passphrase
    formats = _formats(args) if action in ("handout", "summary") else []
    info = _open(args, data_dir)
    if action == "handout":
        written = tools.write_codes_handout(info, formats, args.out, data_dir)
    elif action == "summary":
        written = tools.write_summary(data_dir, info, formats, args.out)
    elif action == "export":
        where, skipped = tools.export(data_dir, info, args.out)
        for line in skipped:
            print(f"skipped {line}", file=sys.stderr)
        written = [where]
    elif action == "progress":
        return _progress(data_dir, info)
    elif action == "badges":
        return _badges(args, data_dir, info)
    elif action == "set":
        return _set(args, data_dir, info)
    elif action == "merge":
        from telemetry.classroom.merge import merge_folder

        result = merge_folder(args.source, data_dir, only=info.players, class_code=info.code)
        for line in result.lines():
            print(line)
        return 0
    else:
        return _erase(args, data_dir, info)
    for path in written:
        print(path)
    return 0


def _badges(args: argparse.Namespace, data_dir: Path, info) -> int:
    """Set the school and/or a new signing key; print what the badges will carry."""
    from telemetry.classroom.class_store import save_class
    from telemetry.report.badges import new_signing_key, public_key_pem

    if args.school is not None:
        info.settings.school = args.school.strip()
    if args.new_key:
        info.settings.badge_key = {"private": new_signing_key().decode("ascii")}
    info.settings.check("--school")
    if args.school is not None or args.new_key:
        save_class(data_dir, info)
    print(
        f"class {info.code}: badges issued by {info.settings.school or '(no school set)'}, "
        + ("signed" if info.settings.badge_key else "unsigned (no key: --new-key)")
    )
    key = info.settings.badge_signing_key()
    if key is not None:
        print(public_key_pem(key).decode("ascii").strip())
    return 0


def _progress(data_dir: Path, info) -> int:
    from telemetry.classroom.classes import class_facts, progress_rows

    rows = progress_rows(class_facts(data_dir, info, profile=False))
    print(f"{'code':<16} {'played':<7} {'challenges':>10} {'minutes':>8}")
    for r in rows:
        played = "yes" if r["played"] else "no"
        print(
            f"{r['code']:<16} {played:<7} {r['challenges']:>10} {r['minutes']:>8}"
            + (f"  ({r['problem']})" if r["problem"] else "")
        )
    n = sum(1 for r in rows if r["played"])
    print(f"{n} of {len(rows)} have played")
    return 0


def _erase(args: argparse.Namespace, data_dir: Path, info) -> int:
    from telemetry.classroom.classes import erase_class_players

    what = f"all {len(info.players)} players of class {info.code}" if args.all else args.player
    if not args.yes:
        raise BadInput(f"erase: this deletes {what} for good; add --yes to confirm")
    from game.class_tools import lrs_configs

    result = erase_class_players(
        data_dir, info, None if args.all else [args.player.upper()], lrs_configs=lrs_configs(info)
    )
    print(f"erased {what}")
    for line in result.lines():
        print(line)
    return 0 if result.complete else 1


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from telemetry.classroom.class_store import TooManyAttempts, WrongPassphrase
    from telemetry.profile.occupations import OccupationDataError
    from telemetry.xapi.store import PlayerLocked
    from zones.loader import ContentError

    try:
        return _run(args)
    except (
        BadInput,
        ValueError,
        WrongPassphrase,
        TooManyAttempts,
        PlayerLocked,
        ContentError,
        OccupationDataError,
    ) as exc:
        print(f"class: {exc}", file=sys.stderr)
    except OSError as exc:
        print(
            f"class: {exc.filename or ''}: {exc.strerror or exc}".replace(": : ", ": "),
            file=sys.stderr,
        )
    except (KeyboardInterrupt, EOFError):
        print("class: stopped", file=sys.stderr)
    return 2
