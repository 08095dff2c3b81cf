"""Shared drawing of the organise views: the remark bar and the clock. Each mode (sort,
schedule, reconcile) is a view (an ``OrganiseMode``) of its rules (``organise_*_rules.py``,
no pygame); ``organise.py`` picks one by the ``mode`` param."""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges.rules_view import RulesView

__all__ = ["OrganiseMode"]


class OrganiseMode(RulesView):
    """Base of the three organise views: the remark bar and the clock."""

    family = "organise"

    @property
    def animating(self) -> bool:
        return not self.finished and (self.moving or bool(self.time_limit))

    # -- drawing helpers ------------------------------------------------------------
    def draw_feedback(self, surface: pygame.Surface, rect: pygame.Rect, idle: str) -> None:
        """The last remark (tick or cross and a coloured bar), or an idle instruction."""
        p = self.kit.painter
        pal = p.palette
        rect = pygame.Rect(rect)
        if not self.feedback:
            p.panel(surface, rect, radius=12, shadow=False)
            ui_layout.label(
                p,
                surface,
                idle,
                (rect.x + 16, rect.centery),
                rect.w - 28,
                18,
                colour=pal.muted,
                box=rect,
            )
            return
        colour = pal.good if self.feedback_good else pal.bad
        pygame.draw.rect(surface, colour, rect, border_radius=12)
        white = (255, 255, 255) if not pal.high_contrast else (0, 0, 0)
        size = ui_layout.icon(p, 22)
        p.icon(
            surface,
            "check" if self.feedback_good else "cross",
            (rect.x + 13 + size // 2, rect.centery),
            size,
            white,
        )
        if rect.h >= 70:
            h = p.height(self.feedback, 18, rect.w - 38 - size)
            p.text(
                surface,
                self.feedback,
                (rect.x + 24 + size, rect.centery - h // 2),
                18,
                colour=white,
                width=rect.w - 38 - size,
                box=rect,
            )
        else:
            ui_layout.label(
                p,
                surface,
                self.feedback,
                (rect.x + 24 + size, rect.centery),
                rect.w - 36 - size,
                18,
                colour=white,
                box=rect,
            )

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
            self.kit.painter.timer(
                surface,
                rect,
                max(0.0, 1 - self.elapsed / self.time_limit),
                int(max(0, self.time_limit - self.elapsed)),
            )

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
