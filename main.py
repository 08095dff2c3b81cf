"""Worktown's one entry point: parse the command line, then hand over.

No game logic here. Each sub-command lives in its own module and prints ``--help``.
"""

from __future__ import annotations

import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from game.cli import main  # noqa: E402  (the prompt setting must come first)

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
