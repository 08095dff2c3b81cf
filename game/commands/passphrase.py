"""Asking for the teacher passphrase, for every command that opens a class.

Called by the class, lrs and report commands before a class is opened: ``--passphrase``
if given, else typed at a hidden prompt, else one line on standard input. Touches only
the terminal.
"""

from __future__ import annotations

import argparse
import getpass
import sys


def add_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--passphrase", help="teacher passphrase (else asked for)")


def ask(args: argparse.Namespace, confirm: bool = False) -> str:
    """The passphrase; ``ValueError`` (one line) if none can be had."""
    if getattr(args, "passphrase", None) is not None:
        return args.passphrase
    if sys.stdin is not None and sys.stdin.isatty():
        first = getpass.getpass("Teacher passphrase: ")
        if confirm and getpass.getpass("Type it again: ") != first:
            raise ValueError("the two passphrases differ")
        return first
    line = sys.stdin.readline() if sys.stdin is not None else ""
    if not line:
        raise ValueError("--passphrase: needed (give it, type it, or pipe one line)")
    return line.rstrip("\r\n")
