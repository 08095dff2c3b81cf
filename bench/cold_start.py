"""Cold start to the first interactive frame, in a fresh process (not a test).

    .venv/bin/python bench/cold_start.py [--runs 5]

Each run starts a new Python process (so nothing is imported or cached in memory) that
does what ``python main.py`` does up to the title screen being drawn and ready for
input: imports, ``App(...)`` (settings, content load, locale, fonts, UI manager and
theme), push the title scene, pump one frame. The child reports its own breakdown; the
parent measures from launching the process to the child saying it is ready, so the
interpreter's own start is included. The disk cache stays warm (the OS cache is not
dropped), as on a PC that has run the game before.

Target: at most 1 s (median of the runs).
The last line printed is one JSON object of the figures.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET_S = 1.0

CHILD = r"""
import time
t0 = time.perf_counter()
import sys, json
sys.path.insert(0, ROOT)
import pygame
import game.app as app_module
t_imports = time.perf_counter() - t0
phases = {"content_load_s": 0.0, "manager_theme_s": 0.0}
def timed(name, fn):
    def wrapper(*a, **k):
        s = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            phases[name] += time.perf_counter() - s
    return wrapper
app_module.load_content = timed("content_load_s", app_module.load_content)
app_module.make_manager = timed("manager_theme_s", app_module.make_manager)
s = time.perf_counter()
app = app_module.App(DATA_DIR)
t_app = time.perf_counter() - s
from game.scenes.title import TitleScene
s = time.perf_counter()
app.ctx.scenes.push(TitleScene())
app.pump([])
t_draw = time.perf_counter() - s
out = {"imports_s": t_imports, "app_init_s": t_app, "first_frame_s": t_draw,
       "to_ready_in_process_s": time.perf_counter() - t0, **phases}
out["other_init_s"] = t_app - phases["content_load_s"] - phases["manager_theme_s"]
print("READY " + json.dumps(out), flush=True)
app.shutdown()
"""


def one_run(data_dir: str) -> dict:
    code = f"ROOT = {str(ROOT)!r}\nDATA_DIR = {data_dir!r}\n" + CHILD
    env = dict(
        os.environ,
        SDL_VIDEODRIVER=os.environ.get("SDL_VIDEODRIVER", "dummy"),
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
    )
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=str(ROOT),
    )
    figures = None
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("READY "):
            ready = time.perf_counter() - start
            figures = json.loads(line[6:])
            figures["launch_to_ready_s"] = ready
    proc.wait()
    if figures is None:
        raise SystemExit(f"cold_start: the child process failed (exit {proc.returncode})")
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    runs = []
    with tempfile.TemporaryDirectory() as tmp:
        for i in range(max(1, args.runs)):
            runs.append(one_run(str(Path(tmp) / f"run{i}")))
    keys = list(runs[0])
    median = {k: round(statistics.median(r[k] for r in runs), 3) for k in keys}
    total = median["launch_to_ready_s"]
    figures = {
        "benchmark": "cold_start",
        "runs": len(runs),
        "median": median,
        "max_launch_to_ready_s": round(max(r["launch_to_ready_s"] for r in runs), 3),
        "target_s": TARGET_S,
        "meets_target": total <= TARGET_S,
    }
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
