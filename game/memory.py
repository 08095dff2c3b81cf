"""Memory hygiene of the running game: a screen's pixels go back when it is left.

A left screen often sits in a reference cycle (its buttons' callbacks name the scene), so
only Python's cyclic collector frees it, and that collector counts objects, not bytes: a
pygame Surface is one small object holding megabytes of pixels. Left to itself the collector
ran about three full passes in ten minutes of play while left screens piled up, and a
45-minute session peaked at 270 MB of memory, of which ~100 MB were screens already gone.
So: after a frame in which a screen left the stack, collect once (7-25 ms, at a scene
change, which already builds a screen's UI). :func:`settle_startup` moves what the game
loaded at start (content, fonts, locale) out of the collector's way (``gc.freeze``), so each
of those passes looks only at what play made; the real loop calls it, tests do not (a test
process makes hundreds of Apps, whose frozen content would never be freed).

:class:`LeftScreenCollector` is created by the App, listens to the scene stack and is asked
by ``App.pump`` after each frame. Touches only the interpreter's collector.
"""

from __future__ import annotations

import gc


class LeftScreenCollector:
    """Collects garbage after a frame in which a scene left the stack (see module doc)."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.due = False
        #: passes run (tests and benches read it)
        self.passes = 0

    def on_stack(self, event: str, scene: object) -> None:
        """A scene-stack listener: a scene that left makes a pass due."""
        if event == "left":
            self.due = True

    def after_frame(self) -> None:
        """Called by ``App.pump`` at the end of each iteration."""
        if self.due and self.enabled:
            self.due = False
            gc.collect()
            self.passes += 1


def settle_startup() -> None:
    """Called once by the real loop before the first frame: what start-up loaded stays for
    the whole run, so the collector need not look at it again."""
    gc.collect()
    gc.freeze()
