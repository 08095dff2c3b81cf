"""The goal bar above a challenge's board, laid out from measured text.

Called by ``ChallengePlayScene`` in ``build`` and ``draw_content``; touches nothing but
the surface it is given. The mechanics lay out their boards for a 1200 x 570 area at a
fixed place (``PLAY_AREA``), so the bar may only use the strip between the header and
the board: the goal wraps to as many lines as fit there (never a smaller font). When it
does not fit (large text, long words), the bar shows the goal's first line with "…" and
a *Show goal* button that opens the whole goal, with the difficulty, in a panel over the
board.
"""

from __future__ import annotations

import pygame

from game.ui_scene import HEADER_H

GOAL, INFO = 18, 16  # text sizes: the goal (bold) and the difficulty line
PAD = 16


def layout(ctx, goal: str, info: str, area: pygame.Rect, compact_labels: tuple[str, str]) -> dict:
    """Rects of the bar: ``bar``, ``stop``, ``toggle`` (None unless compact), the goal's
    ``lines`` and ``goal_pos``, ``info_pos``/``info_w`` (None when compact) and ``panel``
    (the open goal's panel over the board)."""
    p, t = ctx.painter, ctx.t
    room = pygame.Rect(area.x, HEADER_H + 4, area.w, area.top - 4 - (HEADER_H + 4))
    font = p.font(GOAL, True)
    small_h = p.button_h("@small")
    stop = pygame.Rect(0, 0, max(124, p.button_w(t("challenge.stop"), "@small")), 0)
    info_w = p.font(INFO).size(info)[0]
    lines_fit = max(1, int((room.h - 12 - font.get_linesize()) // (font.get_linesize() * 1.2)) + 1)

    info_x = min(area.right - 390, area.right - stop.w - 6 - 16 - info_w)
    left, right = area.x + PAD, info_x - 14
    lines = p.cache.wrap(font, goal, right - left) if right > left else [goal]
    compact = len(lines) > lines_fit or right - left < font.size("M" * 6)[0]
    toggle = None
    if compact:
        toggle = pygame.Rect(0, 0, max(p.button_w(label, "@small") for label in compact_labels), 0)
        right = area.right - 6 - stop.w - 10 - toggle.w - 14
        ellipsis = font.size("…")[0]
        first = p.cache.wrap(font, goal, max(1, right - left - ellipsis))[0]
        lines = [first.rstrip(" .,;:") + "…"]
    text_h = (
        p.height("\n".join(lines), GOAL, right - left, True)
        if len(lines) > 1
        else font.get_linesize()
    )
    bar = pygame.Rect(
        area.x, 0, area.w, min(room.h, max(46, text_h + 12, min(room.h, small_h + 4)))
    )
    bar.bottom = min(HEADER_H + 12 + bar.h, room.bottom)
    button_h = min(max(42, small_h), bar.h - 4)
    stop.size = (stop.w, button_h)
    stop.midright = (bar.right - 6, bar.centery)
    if toggle is not None:
        toggle.size = (toggle.w, button_h)
        toggle.midright = (stop.left - 10, bar.centery)
    goal_pos = (left, bar.centery - text_h // 2)
    panel = None
    if compact:
        w = area.w - 2 * PAD - 24
        h = 20 + p.height(goal, GOAL, w, True) + 10 + p.height(info, INFO, w) + 20
        panel = pygame.Rect(area.x, bar.bottom + 8, area.w, h)
    return {
        "bar": bar,
        "stop": stop,
        "toggle": toggle,
        "lines": lines,
        "goal_pos": goal_pos,
        "goal_w": right - left,
        "info_pos": None if compact else (info_x, bar.centery),
        "info_w": info_w,
        "panel": panel,
    }


def draw(ctx, surface: pygame.Surface, lay: dict, info: str) -> None:
    """The bar (called before the board is drawn)."""
    p, pal = ctx.painter, ctx.palette
    bar = lay["bar"]
    p.panel(surface, bar, radius=12, shadow=False)
    p.text(
        surface,
        "\n".join(lay["lines"]),
        lay["goal_pos"],
        GOAL,
        bold=True,
        width=lay["goal_w"],
        box=bar,
    )
    if lay["info_pos"] is not None:
        x, cy = lay["info_pos"]
        p.text(surface, info, (x, cy - p.line(INFO) // 2), INFO, colour=pal.muted, box=bar)


def draw_panel(ctx, surface: pygame.Surface, lay: dict, goal: str, info: str) -> None:
    """The whole goal in its panel over the board (called after the board is drawn)."""
    p, pal = ctx.painter, ctx.palette
    panel = lay["panel"]
    p.panel(surface, panel, edge=pal.accent)
    x, w = panel.x + PAD + 12, panel.w - 2 * PAD - 24
    y = p.text(surface, goal, (x, panel.y + 20), GOAL, bold=True, width=w, box=panel).bottom
    p.text(surface, info, (x, y + 10), INFO, colour=pal.muted, width=w, box=panel)
