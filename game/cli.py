"""Command-line parsing for ``main.py``: play, simulate, report, class, lrs.

Every user-facing failure is one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Worktown: a career-exploration game.")
    sub = parser.add_subparsers(dest="command")
    play = sub.add_parser("play", help="play the game in a window (the default)")
    for p in (parser, play):
        p.add_argument("--fullscreen", action="store_true", help="start full screen")
        p.add_argument("--lang", help="language code, e.g. en or es")
        p.add_argument("--data-dir", type=Path, help="folder for player data (default: your user data folder)")
    return parser


def run_play(args: argparse.Namespace) -> int:
    from game.app import App, print_error
    from game.i18n import TranslationError
    from zones.loader import ContentError

    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    try:
        app = App(args.data_dir, language=args.lang, fullscreen=args.fullscreen)
    except (ContentError, TranslationError) as exc:
        print_error(str(exc))
        return 2
    except OSError as exc:
        print_error(f"cannot start: {exc}")
        return 2
    return app.run()


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command in (None, "play"):
        return run_play(args)
    parser.print_help()
    return 2
