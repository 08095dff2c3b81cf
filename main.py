"""Worktown's one entry point: parse the command line, then hand over.

No game logic here. Each sub-command lives in its own module and prints ``--help``.
"""

from __future__ import annotations

import sys

from game.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
