"""Command-line parsing for ``main.py``: one sub-command module each in game/commands/.

Every user-facing failure is one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib

#: sub-command name → module in game/commands (each has HELP, add_arguments, run)
COMMANDS = {
    "play": "game.commands.play",
    "report": "game.commands.report",
    "simulate": "game.commands.simulate",
    "class": "game.commands.class_",
    "lrs": "game.commands.lrs",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="Worktown: a career-exploration game.")
    sub = parser.add_subparsers(dest="command")
    play = importlib.import_module(COMMANDS["play"])
    play.add_arguments(parser)   # `python main.py` alone means play
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        module.add_arguments(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    module = importlib.import_module(COMMANDS[args.command or "play"])
    return module.run(args)
