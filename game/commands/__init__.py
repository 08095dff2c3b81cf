"""Sub-commands of main.py, one module each.

Each module defines ``HELP`` (one line), ``add_arguments(parser)`` and ``run(args) -> int``.
``run`` prints one clear line on stderr and returns non-zero on bad input; it never lets
a traceback reach the user. ``game.cli.COMMANDS`` lists them.
"""
