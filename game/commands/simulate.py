"""``python main.py simulate``: simulated players play the real game headless.

    python main.py simulate --players N --seed S --out DIR [--latent R,I,A,S,E,C] [--minutes M]

Each bot (``game.sim.bot.Bot``) gets a latent interest profile (``--latent`` for all of
them, or drawn from the realistic population with the seed) and plays ``--minutes``
simulated minutes; its data lands in ``DIR/players/<CODE>/`` exactly as a human's does.
A summary file ``DIR/simulated_players.json`` lists each bot's code and latent profile.
Every problem with the arguments is one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

HELP = "simulated players play the real game headless and leave their data in DIR"
#: a bot plays ``--minutes`` of real game each; more than this many is never a useful run
MAX_PLAYERS = 10_000
#: numpy and random take any whole number from 0; this bound keeps every seed derived from it small
MAX_SEED = 2**63 - 1
MIN_MINUTES = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    # values are checked in run(), so every problem is one clear line (argparse prints two)
    parser.add_argument("--players", help=f"how many simulated players (1-{MAX_PLAYERS})")
    parser.add_argument("--seed", help="random seed (a whole number from 0)")
    parser.add_argument("--out", help="folder for the players' data")
    parser.add_argument(
        "--latent",
        help="six numbers R,I,A,S,E,C on the profile's theta scale, the same for every bot "
        "(write --latent=-1,0,... when the first is negative)",
    )
    parser.add_argument(
        "--minutes", default="20", help=f"simulated minutes each, {MIN_MINUTES}-600 (default 20)"
    )


def parse_latent(text: str) -> list[float]:
    """'R,I,A,S,E,C' → six finite numbers, or ValueError with a plain reason."""
    parts = [p.strip() for p in text.split(",")]
    if len(parts) != 6:
        raise ValueError(f"--latent needs six numbers R,I,A,S,E,C, got {len(parts)}")
    try:
        values = [float(p) for p in parts]
    except ValueError:
        raise ValueError(f"--latent needs six numbers R,I,A,S,E,C, got {text!r}") from None
    if any(v != v or abs(v) > 6 for v in values):
        raise ValueError("--latent values must be numbers between -6 and 6")
    return values


def check(args: argparse.Namespace) -> tuple[int, int, Path, list[float] | None, float]:
    """Validated (players, seed, out, latent, minutes); ValueError names the problem."""
    if args.players is None:
        raise ValueError("--players is required (how many simulated players)")
    if args.seed is None:
        raise ValueError("--seed is required (an integer)")
    if args.out is None:
        raise ValueError("--out is required (a folder for the players' data)")
    try:
        players = int(args.players)
    except ValueError:
        raise ValueError(f"--players must be a whole number, got {args.players!r}") from None
    if not 1 <= players <= MAX_PLAYERS:
        raise ValueError(f"--players must be from 1 to {MAX_PLAYERS}, got {_short(args.players)}")
    try:
        seed = int(args.seed)
    except ValueError:
        raise ValueError(f"--seed must be a whole number, got {args.seed!r}") from None
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(
            f"--seed must be a whole number from 0 to {MAX_SEED}, got {_short(args.seed)}"
        )
    try:
        minutes = float(args.minutes)
    except ValueError:
        raise ValueError(f"--minutes must be a number, got {args.minutes!r}") from None
    if not MIN_MINUTES <= minutes <= 600:
        # under two minutes a bot has not yet signed in: it would leave no player at all
        raise ValueError(f"--minutes must be from {MIN_MINUTES} to 600, got {_short(args.minutes)}")
    latent = parse_latent(args.latent) if args.latent is not None else None
    out = Path(args.out)
    try:
        if out.exists() and not out.is_dir():
            raise ValueError(f"--out {out}: exists and is not a folder")
    except OSError as exc:
        raise ValueError(
            f"--out {_short(args.out)}: cannot use this folder ({exc.strerror or exc})"
        ) from None
    return players, seed, out, latent, minutes


def _short(text: str) -> str:
    """An argument as typed, cut to fit in a one-line error (a number may be 1,000 digits)."""
    return text if len(text) <= 40 else text[:37] + "..."


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    from game.app import print_error

    try:
        players, seed, out, latent, minutes = check(args)
    except ValueError as exc:
        print_error(str(exc))
        return 2
    import numpy as np

    from game.sim.synthetic import draw_latent_population

    if latent is not None:
        latents = np.tile(np.asarray(latent), (players, 1))
    else:
        latents = draw_latent_population(players, np.random.default_rng(seed))
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print_error(f"{out}: cannot create the folder ({exc.strerror or exc})")
        return 2
    return play_all(latents, seed, out, minutes)


def play_all(latents, seed: int, out: Path, minutes: float) -> int:
    """Called by :func:`run` once the arguments are valid: every bot plays one lesson."""
    from game.app import print_error, start_app
    from game.sim.bot import Bot

    players = len(latents)
    app = start_app(out, seed=seed)
    if app is None:
        return 2
    summary = []
    try:
        for i in range(players):
            result = Bot(latents[i], seed=seed * 100_003 + i, minutes=minutes).run(app)
            summary.append(
                {
                    "code": result.code,
                    "latent": [round(v, 4) for v in result.latent],
                    "minutes": minutes,
                    "statements": len(result.statements),
                    "challenges": result.challenges,
                    "mentor_items": result.items,
                }
            )
            print(
                f"{result.code}: {result.challenges} challenges, {result.items} activity items "
                "(odd-jobs board and mentors), "
                f"{len(result.statements)} statements"
            )
    finally:
        app.shutdown()
    try:
        (out / "simulated_players.json").write_text(json.dumps(summary, indent=1), encoding="utf-8")
    except OSError as exc:
        print_error(f"{out / 'simulated_players.json'}: cannot write: {exc}")
        return 2
    return 0
