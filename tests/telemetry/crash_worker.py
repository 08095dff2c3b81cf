"""Subprocess for the crash test (not a test module): records until killed.

Usage: ``python crash_worker.py DATA_DIR PLAYER_CODE SEED``. Prints, unbuffered, one line
per event: ``R <id>`` after record() returned, and ``A <n>`` after wait_durable()
acknowledged the first n recorded events of this run as durable. Checkpoints now and then
so that kills also land inside compaction.
"""

from __future__ import annotations

import random
import sys


def main() -> None:
    from telemetry.xapi.recorder import Recorder

    data_dir, code, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    rng = random.Random(seed)
    out = sys.stdout
    rec = Recorder.open(data_dir, code, fsync_interval=0.2)
    out.write("READY\n")
    out.flush()
    n = 0
    while True:
        sid = rec.record("progressed", "quest", f"challenge/c{seed}",
                         extensions={"progress": rng.random(), "value": n})  # fmt: skip
        n += 1
        out.write(f"R {sid}\n")
        out.flush()
        if n % 10 == 0 and rec.wait_durable(timeout=5):
            out.write(f"A {n}\n")
            out.flush()
        if n % 40 == 0:
            rec.checkpoint(wait=rng.random() < 0.5, timeout=5)


if __name__ == "__main__":
    main()
