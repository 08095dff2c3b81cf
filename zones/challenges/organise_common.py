"""Shared pieces of the organise modes: per-difficulty params, the clock, the feedback bar
and a scoring rule. Each mode (sort, schedule, reconcile) is a ``Mechanic`` subclass that
derives from ``OrganiseMode``; ``organise.py`` picks one by the ``mode`` param."""

from __future__ import annotations

import random
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges.base import Mechanic, MechanicResult


def three(params: dict[str, Any], key: str, default: list[int], difficulty: int) -> int:
    """The value of a per-difficulty list param for this difficulty."""
    return int(params.get(key, default)[difficulty - 1])


def check_three(params: dict[str, Any], key: str, low: int, high: int) -> list[str]:
    value = params.get(key)
    if value is None:
        return []
    if not (isinstance(value, list) and len(value) == 3
            and all(isinstance(x, int) and low <= x <= high for x in value)):
        return [f"{key}: must be three whole numbers from {low} to {high}"]
    return []


class OrganiseMode(Mechanic):
    """Base of the three organise modes: counts, clock, feedback and result."""

    family = "organise"

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: random.Random):
        super().__init__(params, difficulty, kit, rng)
        self.time_limit = float(three(params, "time_limit", [0, 0, 0], self.difficulty))
        self.correct = 0
        self.mistakes = 0
        self.feedback = ""
        self.feedback_good = True
        self.flash = 0.0
        self.timed_out = False

    def say(self, text: str, good: bool) -> None:
        self.feedback, self.feedback_good, self.flash = text, good, 0.6

    def update(self, dt: float) -> None:
        super().update(dt)
        self.flash = max(0.0, self.flash - dt)
        if self.time_limit and self.elapsed >= self.time_limit and not self.finished:
            self.finished = True
            self.timed_out = True
            self.say(self.kit.t("challenge.time_up"), False)
            self.on_finish()

    def on_finish(self) -> None:
        """Called when the mode finishes (disable hotspots, etc.)."""

    @property
    def animating(self) -> bool:
        return not self.finished and (self.flash > 0 or bool(self.time_limit))

    @property
    def done(self) -> bool:
        return self.finished and not self.timed_out

    def result(self) -> MechanicResult:
        tries = self.correct + self.mistakes
        accuracy = self.correct / tries if tries else 0.0
        time_frac = max(0.0, 1 - self.elapsed / self.time_limit) if self.time_limit else 1.0
        if self.done:
            score = 0.8 * accuracy + 0.2 * time_frac
        else:
            score = 0.5 * self.progress * accuracy
        score = max(0.0, score - 0.05 * self.hints_used)
        return MechanicResult(self.done, round(score, 3), round(accuracy, 3),
                              {"mistakes": self.mistakes, "hints": self.hints_used, **self.details()})

    def details(self) -> dict[str, Any]:
        return {}

    # -- drawing helpers ------------------------------------------------------------
    def draw_feedback(self, surface: pygame.Surface, rect: pygame.Rect, idle: str) -> None:
        """The last remark (tick or cross and a coloured bar), or an idle instruction."""
        p = self.kit.painter
        pal = p.palette
        rect = pygame.Rect(rect)
        if not self.feedback:
            p.panel(surface, rect, radius=12, shadow=False)
            ui_layout.label(p, surface, idle, (rect.x + 16, rect.centery), rect.w - 28, 18, colour=pal.muted, box=rect)
            return
        colour = pal.good if self.feedback_good else pal.bad
        pygame.draw.rect(surface, colour, rect, border_radius=12)
        white = (255, 255, 255) if not pal.high_contrast else (0, 0, 0)
        size = ui_layout.icon(p, 22)
        p.icon(surface, "check" if self.feedback_good else "cross", (rect.x + 13 + size // 2, rect.centery), size, white)
        if rect.h >= 70:
            h = p.height(self.feedback, 18, rect.w - 38 - size)
            p.text(surface, self.feedback, (rect.x + 24 + size, rect.centery - h // 2), 18, colour=white,
                   width=rect.w - 38 - size, box=rect)
        else:
            ui_layout.label(p, surface, self.feedback, (rect.x + 24 + size, rect.centery), rect.w - 36 - size, 18,
                             colour=white, box=rect)

    def feedback_h(self, design: int = 88) -> int:
        """A remark bar's height: ``design`` where its one line may shrink to fit, else tall
        enough for three wrapped lines (remarks are one or two short sentences)."""
        p = self.kit.painter
        return design if ui_layout.shrinks(p) else max(design, 88, int(p.line(18) * 3.4) + 20)

    def draw_clock(self, surface: pygame.Surface, rect) -> None:
        """The time bar; while :meth:`draw_layered` paints the cached layer it is only noted,
        to be drawn over the layer every frame (it is the one part that moves with time)."""
        clocks = getattr(self, "_clocks", None)
        if clocks is not None:
            clocks.append(pygame.Rect(rect))
            return
        if self.time_limit:
            self.kit.painter.timer(surface, rect, max(0.0, 1 - self.elapsed / self.time_limit),
                                   int(max(0, self.time_limit - self.elapsed)))

    def draw_layered(self, surface: pygame.Surface, area: pygame.Rect, state: Any, paint) -> None:
        """Called by a mode's ``draw``: ``paint()`` draws everything (clocks included) into the
        static layer, redrawn only when ``state`` changes; the clocks go on top every frame."""
        def paint_static() -> None:
            self._clocks: list[pygame.Rect] | None = []
            try:
                paint()
            finally:
                self._clock_rects, self._clocks = self._clocks, None
        self.layer.draw(self.kit, surface, area, state, paint_static)
        for rect in getattr(self, "_clock_rects", ()):
            self.draw_clock(surface, rect)
