"""How long each challenge takes at a pupil's pace (not a test).

    .venv/bin/python bench/play_time.py [--seeds 3] [--skill 0.7] [--challenge ID ...]

For every challenge, ``game.sim.pupil_pace.PupilPace`` plays all its levels through the
real App (real clicks, level cards read and passed) and charges reading, deciding,
pointing and looking at the result from what the screen shows; it never reads the
content's ``minutes``. A typical pupil (``--skill``, default 0.7) and a weak one (0.2)
play each challenge ``--seeds`` times. Target (issue 16): 3-5 minutes for the typical
pupil over the three levels; the weak pupil still reaches the result card.

The last line printed is one JSON object: per challenge the median minutes with the
lowest and highest of the seeds, the number of actions, and whether the weak pupil
finished; then how many challenges are inside 3-5 minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

TARGET_MIN = (3.0, 5.0)
WEAK_SKILL = 0.2


def time_challenge(cid: str, skill: float, seed: int):
    """One timed play of ``cid`` by a fresh signed-in player."""
    from game.app import App
    from game.flow import sign_in
    from game.save import PlayerSave
    from game.sim.pupil_pace import PupilPace

    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp), seed=seed)
        try:
            assert sign_in(app.ctx, "PACE-CODE-11", new_player=PlayerSave(code="PACE-CODE-11"))
            app.pump([])
            return PupilPace(app, skill, seed).play(cid)
        finally:
            app.shutdown()


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--skill", type=float, default=0.7)
    parser.add_argument("--challenge", nargs="*", default=None)
    args = parser.parse_args(argv)

    from game import paths

    ids = args.challenge or sorted(
        p.stem for p in (paths.content_dir() / "challenges").glob("*.json")
    )
    figures = {}
    for cid in ids:
        runs = [time_challenge(cid, args.skill, seed) for seed in range(1, args.seeds + 1)]
        weak = time_challenge(cid, WEAK_SKILL, 99)
        minutes = [r.minutes for r in runs]
        figures[cid] = {
            "median_min": round(statistics.median(minutes), 2),
            "lowest_min": round(min(minutes), 2),
            "highest_min": round(max(minutes), 2),
            "levels": len(runs[0].level_seconds),
            "level_min": [round(s / 60, 2) for s in runs[0].level_seconds],
            "actions": round(statistics.median(r.actions for r in runs)),
            "finished": all(r.finished for r in runs),
            "weak_finished": weak.finished,
            "weak_min": round(weak.minutes, 2),
        }
        print(
            f"{cid:22s} {figures[cid]['median_min']:5.2f} min "
            f"[{figures[cid]['lowest_min']:.2f}-{figures[cid]['highest_min']:.2f}] "
            f"levels {figures[cid]['level_min']} actions {figures[cid]['actions']} "
            f"weak {'ends' if weak.finished else 'STUCK'} {weak.minutes:.2f} min",
            flush=True,
        )
    inside = sorted(
        c for c, f in figures.items() if TARGET_MIN[0] <= f["median_min"] <= TARGET_MIN[1]
    )
    out = {
        "bench": "play_time",
        "skill": args.skill,
        "seeds": args.seeds,
        "target_min": list(TARGET_MIN),
        "challenges": figures,
        "inside_target": len(inside),
        "total": len(figures),
        "outside": sorted(set(figures) - set(inside)),
        "weak_stuck": sorted(c for c, f in figures.items() if not f["weak_finished"]),
    }
    print(json.dumps(out))
    return out


if __name__ == "__main__":
    main()
