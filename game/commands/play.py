"""``python main.py play``: the game in a window (also the default command)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

HELP = "play the game in a window (the default)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--fullscreen", action="store_true", help="start full screen")
    parser.add_argument("--lang", help="language code, e.g. en or es")
    parser.add_argument(
        "--data-dir", type=Path, help="folder for player data (default: your user data folder)"
    )


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.app import start_app

    app = start_app(args.data_dir, language=args.lang, fullscreen=args.fullscreen)
    return 2 if app is None else app.run()
