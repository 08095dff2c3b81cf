"""Command-line parsing for ``main.py``: one sub-command module each in game/commands/.

Every user-facing failure is one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

#: sub-command name → module in game/commands (each has HELP, add_arguments, run)
COMMANDS = {
    "play": "game.commands.play",
    "report": "game.commands.report",
    "simulate": "game.commands.simulate",
    "class": "game.commands.class_",
    "lrs": "game.commands.lrs",
    "calibrate": "game.commands.calibrate",
}


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one line (``main.py report: error: ...``, then
    ``--help`` for more) and exit code 2, instead of the usage block plus the error."""

    def error(self, message: str):  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = OneLineParser(prog="main.py", description="Worktown: a career-exploration game.")
    sub = parser.add_subparsers(dest="command")
    play = importlib.import_module(COMMANDS["play"])
    play.add_arguments(parser)  # `python main.py` alone means play
    for name, module_name in COMMANDS.items():
        module = importlib.import_module(module_name)
        module.add_arguments(sub.add_parser(name, help=module.HELP, description=module.HELP))
    return parser


def main(argv: list[str]) -> int:
    for word in argv:
        if any(ord(ch) < 32 or 127 <= ord(ch) < 160 or ch in "\u2028\u2029" for ch in word):
            # a line break or carriage return would split the one-line error, and no code,
            # number or sensible file name contains one
            print(
                f"main.py: error: argument {word!r} contains a control character", file=sys.stderr
            )
            return 2
    args = build_parser().parse_args(argv)
    module = importlib.import_module(COMMANDS[args.command or "play"])
    return module.run(args)
