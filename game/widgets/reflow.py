"""Shared pieces for screens laid out from measured text: button rows with a minimum
height, a row's bold label beside its buttons, and a scrolling page whose art is drawn
once and blitted every frame.

Called by the hub, district, player creation, reflection, jobs, mentor, quick question,
'what next?' board, settings, key remapping and the challenge result card, from ``build``
and ``draw_content``.
Touches nothing but the surfaces it is given.
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game import art
from zones.ui_layout import button_row, centred_row


def _even_rows(rects: list[pygame.Rect], y: int, h: int, gap: int) -> list[pygame.Rect]:
    rows = sorted({r.y for r in rects})
    for r in rects:
        r.y, r.h = y + rows.index(r.y) * (h + gap), h
    return rects


def centred_buttons(
    painter,
    labels: list[str],
    centre_x: int,
    y: int,
    max_w: int,
    style: str = "@default",
    min_w: int = 0,
    min_h: int = 0,
    gap: int = 14,
) -> list[pygame.Rect]:
    """``layout.centred_row`` with buttons at least ``min_h`` tall (the 100 % look)."""
    rects = centred_row(painter, labels, centre_x, y, max_w, style, min_w, gap)
    return _even_rows(rects, y, max(min_h, painter.button_h(style)), gap)


def left_buttons(
    painter,
    labels: list[str],
    x: int,
    y: int,
    max_w: int,
    style: str = "@default",
    min_w: int = 0,
    min_h: int = 0,
    gap: int = 14,
) -> list[pygame.Rect]:
    """``layout.button_row`` with buttons at least ``min_h`` tall."""
    rects = button_row(painter, labels, x, y, max_w, style, min_w, gap)
    return _even_rows(rects, y, max(min_h, painter.button_h(style)), gap)


def fit_button(painter, label: str, rect: pygame.Rect, style: str = "@default") -> pygame.Rect:
    """``rect`` grown (never shrunk) to hold ``label``: wider about its centre, taller downwards."""
    rect = pygame.Rect(rect)
    w = max(rect.w, painter.button_w(label, style))
    rect.inflate_ip(w - rect.w, 0)
    rect.h = max(rect.h, painter.button_h(style))
    return rect


def draw_row_label(painter, surface: pygame.Surface, text: str, rect: pygame.Rect) -> None:
    """Draw a row's bold label in its ``rect`` from the layout (8 px down, level with the
    buttons beside it); the settings and key remapping rows."""
    painter.text(
        surface,
        text,
        (rect.x, rect.y + 8),
        22,
        bold=True,
        width=rect.w,
        box=rect.inflate(0, 16),
    )


class StaticPage:
    """A scrolling page's art, drawn once per ``key`` and blitted at the scroll offset.

    The key a scene gives must change whenever anything drawn changes (state, hover,
    progress); palette, fonts, language and size are added here. While a test records
    text draws (``painter.recorder``), the page is drawn afresh so every text is seen.
    """

    def __init__(self) -> None:
        self._key: tuple | None = None
        self._surface: pygame.Surface | None = None
        self.bottom = 0

    def surface(
        self,
        ctx,
        target: pygame.Surface,
        key: tuple,
        height: int,
        paint: Callable[[pygame.Surface], int | None],
    ) -> pygame.Surface:
        """The page (at least the screen's height, else ``height``), painted by ``paint``."""
        p = ctx.painter
        size = (target.get_width(), max(target.get_height(), int(height)))
        full = (
            key,
            size,
            target.get_bitsize(),
            p.palette,
            p.fonts.family,
            p.fonts.scale,
            ctx.i18n.language,
        )
        if self._surface is None or full != self._key or p.recorder is not None:
            page = pygame.Surface(size, 0, target)
            art.sky(page, p.palette, clouds=False)
            self.bottom = int(paint(page) or 0)
            self._surface, self._key = page, full
        return self._surface

    def show(self, scene, target: pygame.Surface, key: tuple, height: int) -> None:
        """Draw ``scene``'s page (its ``draw_content``) below the header, scrolled."""
        page = self.surface(scene.ctx, target, key, height, scene.draw_content)
        ui = scene.ui
        ui.page_height = self.bottom + 24
        view = ui.viewport
        target.blit(page, view.topleft, pygame.Rect(0, view.y + ui.scroll, view.w, view.h))
        if ui.max_scroll:
            scene._scrollbar(target, view)
