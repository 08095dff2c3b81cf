"""The investigate board's three pictures, drawn into the cached layer: ``chart`` a dog
whose body areas are pressed to examine him; ``tray`` sample beakers a reagent is dropped on,
each reading shown as filled dots and a word beside the key (never colour alone); ``table``
a bar chart of the sales with the chosen variable drawn over it as a line on its own scale.
Called by ``investigate_boards.draw_static``; touches only the surface it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges.investigate_layout import WHITE, card, legend_h, row_h, tray_columns

# -- the three pictures ---------------------------------------------------------------------------


def _chart(mech: Any, surface: pygame.Surface, pic: pygame.Rect) -> None:
    p, pal, r, pick = mech.kit.painter, mech.kit.painter.palette, mech.rules, mech.kit.pick
    p.panel(surface, pic, fill=(240, 246, 250) if not pal.high_contrast else None, radius=14)
    fig = pic.inflate(-24, -24)
    _dog(surface, fig, pal)
    for n, clue in enumerate(r.clues):
        key = f"clue:{clue.id}"
        rect, spot = mech.rects[key], mech.spots[key]
        seen = clue.id in r.seen
        pygame.draw.circle(surface, pal.good if seen else pal.panel, rect.center, 22)
        pygame.draw.circle(
            surface, pal.focus if getattr(spot, "hovered", False) else pal.ink, rect.center, 22, 3
        )
        if seen:
            p.icon(surface, "check", rect.center, 22, WHITE)
        else:
            p.text(
                surface,
                str(n + 1),
                (rect.centerx, rect.centery - p.line(18, True) // 2),
                18,
                bold=True,
                align="center",
                box=rect,
            )
    for n, (clue, pill) in enumerate(zip(r.clues, mech.legend, strict=True)):
        seen = clue.id in r.seen
        pygame.draw.rect(surface, pal.panel, pill, border_radius=pill.h // 2)
        pygame.draw.rect(
            surface, pal.good if seen else pal.panel_edge, pill, 2, border_radius=pill.h // 2
        )
        br = ui_layout.icon(p, 11)
        badge = (pill.x + 5 + br, pill.centery)
        pygame.draw.circle(surface, pal.good if seen else pal.ink, badge, br)
        if seen:
            p.icon(surface, "check", badge, int(br * 1.3), WHITE)
        else:
            num = str(n + 1)
            p.text(
                surface,
                num,
                (badge[0], pill.centery - p.line(14, True) // 2),
                14,
                bold=True,
                align="center",
                colour=WHITE if not pal.high_contrast else (0, 0, 0),
                box=pill,
            )
        p.text(
            surface,
            pick(clue.label),
            (pill.x + 2 * br + 12, pill.centery - p.line(17) // 2),
            17,
            box=pill,
        )


def _dog(surface: pygame.Surface, fig: pygame.Rect, pal) -> None:
    """A friendly beagle, flat style, facing left (the tail is drawn live: it wags)."""
    x, y = fig.x, fig.y - 4
    fur = (222, 184, 135) if not pal.high_contrast else (0, 0, 0)
    dark = (150, 100, 60) if not pal.high_contrast else (255, 255, 255)
    line = (120, 80, 50) if not pal.high_contrast else (255, 255, 255)
    pygame.draw.ellipse(
        surface,
        (200, 214, 222) if not pal.high_contrast else (60, 60, 60),
        (x + 80, y + 228, 320, 18),
    )
    for lx in (150, 190, 300, 335):
        leg = pygame.Rect(x + lx, y + 170, 26, 70)
        pygame.draw.rect(surface, fur, leg, border_radius=10)
        pygame.draw.rect(surface, line, leg, 2, border_radius=10)
    body = pygame.Rect(x + 120, y + 95, 250, 110)
    pygame.draw.ellipse(surface, fur, body)
    pygame.draw.ellipse(surface, line, body, 3)
    pygame.draw.ellipse(surface, dark, (x + 240, y + 100, 70, 40))
    pygame.draw.circle(surface, fur, (x + 110, y + 90), 55)
    pygame.draw.circle(surface, line, (x + 110, y + 90), 55, 3)
    pygame.draw.ellipse(surface, dark, (x + 118, y + 45, 38, 80))
    snout = pygame.Rect(x + 40, y + 95, 70, 44)
    pygame.draw.ellipse(surface, fur, snout)
    pygame.draw.ellipse(surface, line, snout, 3)
    eye = (34, 34, 59) if not pal.high_contrast else dark
    pygame.draw.circle(surface, eye, (x + 46, y + 108), 9)
    pygame.draw.circle(surface, eye, (x + 92, y + 76), 7)


def _tray(mech: Any, surface: pygame.Surface, pic: pygame.Rect) -> None:
    """Beakers over a results table: one row per reagent, one column per sample (so the
    case reads straight against the clean control), each reading as dots and a word."""
    p, pal, r, pick, t = (
        mech.kit.painter,
        mech.kit.painter.palette,
        mech.rules,
        mech.kit.pick,
        mech.kit.t,
    )
    p.panel(surface, pic, radius=14)
    name_w, _ = tray_columns(mech)
    p.text(
        surface, t("investigate.samples"), (pic.x + 20, pic.y + 14), 18, bold=True, width=name_w - 4
    )
    table_y = None
    for sample in r.samples:
        key = f"sample:{sample.id}"
        rect, spot = mech.rects[key], mech.spots[key]
        ready = mech.held is not None and spot.enabled
        if ready:
            pygame.draw.rect(surface, pal.focus, rect, 4, border_radius=12)
        else:
            pygame.draw.rect(surface, pal.panel_edge, rect, 2, border_radius=12)
        beaker = pygame.Rect(0, 0, 80, 92)
        beaker.midtop = (rect.centerx, rect.y + 8)
        tinted = [k for k in r.readings if k.endswith("@" + sample.id) and r.readings[k]]
        water = (120, 190, 160) if sample.case else (170, 210, 240)
        if tinted and not pal.high_contrast:
            water = p.colour(r.test(tinted[-1].partition("@")[0]).colour)
        liquid = beaker.inflate(-8, 0)
        liquid.h, liquid.bottom = 56, beaker.bottom - 4
        pygame.draw.rect(
            surface,
            water if not pal.high_contrast else pal.panel,
            liquid,
            border_bottom_left_radius=14,
            border_bottom_right_radius=14,
        )
        pygame.draw.rect(
            surface, pal.ink, beaker, 3, border_bottom_left_radius=18, border_bottom_right_radius=18
        )
        pygame.draw.line(
            surface, pal.ink, (beaker.x - 6, beaker.y), (beaker.right + 6, beaker.y), 3
        )
        p.text(
            surface,
            pick(sample.label),
            (rect.centerx, beaker.bottom + 6),
            17,
            bold=True,
            align="center",
            width=rect.w - 12,
        )
        table_y = pic.bottom - 12 - len(r.tests) * row_h(mech)
        for n, test in enumerate(r.tests):
            y = table_y + n * row_h(mech) + 2
            key2 = f"{test.id}@{sample.id}"
            if key2 in r.readings:
                level = r.readings[key2]
                _dots(surface, pal, (rect.x + 10, y + p.line(16) // 2), level)
                p.text(
                    surface,
                    t(f"investigate.level{level}"),
                    (rect.x + 56, y),
                    16,
                    bold=level == 3,
                    box=rect,
                )
            elif key2 in r.running:
                p.text(
                    surface,
                    t("investigate.testing_short"),
                    (rect.x + 10, y),
                    16,
                    colour=pal.muted,
                    box=rect,
                )
    if table_y is None:
        return
    for n, test in enumerate(r.tests):
        y = table_y + n * row_h(mech)
        if n % 2 == 0 and not pal.high_contrast:
            pygame.draw.rect(surface, (244, 246, 250), (pic.x + 12, y, 6, row_h(mech)))
        pygame.draw.line(surface, pal.panel_edge, (pic.x + 16, y), (pic.right - 16, y), 1)
        p.text(
            surface,
            pick(test.label),
            (pic.x + 20, y + 2),
            16,
            colour=pal.muted if test.id in r.closed else pal.ink,
            width=name_w - 4,
        )


def _tray_all(mech: Any, surface: pygame.Surface, pic: pygame.Rect) -> None:
    _tray(mech, surface, pic)
    _chips(mech, surface)


def draw_key(mech: Any, surface: pygame.Surface) -> None:
    """The reading key: each level as dots and a word."""
    p, pal, t = mech.kit.painter, mech.kit.painter.palette, mech.kit.t
    words = [t("investigate.key")] + [t(f"investigate.level{k}") for k in range(4)]
    for k, (word, box) in enumerate(zip(words, mech.legend, strict=True)):
        if k == 0:
            p.text(
                surface, word, (box.x, box.centery - p.line(17, True) // 2), 17, bold=True, box=box
            )
            continue
        pygame.draw.rect(surface, pal.panel, box, border_radius=box.h // 2)
        pygame.draw.rect(surface, pal.panel_edge, box, 2, border_radius=box.h // 2)
        _dots(surface, pal, (box.x + 10, box.centery), k - 1)
        p.text(surface, word, (box.x + 54, box.centery - p.line(17) // 2), 17, box=box)


def _dots(surface: pygame.Surface, pal, left_mid: tuple[int, int], level: int) -> None:
    """A reading as three dots, ``level`` of them filled (0 none … 3 high)."""
    x, y = left_mid
    for k in range(3):
        centre = (x + 6 + k * 13, y)
        if k < level:
            pygame.draw.circle(surface, pal.ink, centre, 5)
        else:
            pygame.draw.circle(surface, pal.ink, centre, 5, 1)


def _table(mech: Any, surface: pygame.Surface, pic: pygame.Rect) -> None:
    p, pal, r, pick, t = (
        mech.kit.painter,
        mech.kit.painter.palette,
        mech.rules,
        mech.kit.pick,
        mech.kit.t,
    )
    p.panel(surface, pic, fill=(245, 247, 252) if not pal.high_contrast else None, radius=14)
    series = mech.params.series
    values = series.values
    top = max(values) or 1
    legend_y = pic.y + 10
    sales = pick(series.name)
    pygame.draw.rect(surface, pal.accent, (pic.x + 20, legend_y + 4, 18, 14))
    drawn = p.text(surface, sales, (pic.x + 44, legend_y), 16, width=pic.w - 64)
    plotted = r.clue(r.plotted) if r.plotted else None
    var_line = (
        t("investigate.on_chart", var=pick(plotted.label))
        if plotted
        else t("investigate.chart_empty")
    )
    y2 = max(drawn.bottom, legend_y + p.line(16)) + 2
    if plotted:
        pygame.draw.line(surface, pal.ink, (pic.x + 20, y2 + 9), (pic.x + 38, y2 + 9), 3)
        pygame.draw.circle(surface, pal.ink, (pic.x + 29, y2 + 9), 4)
    p.text(surface, var_line, (pic.x + 44, y2), 16, width=pic.w - 64, bold=plotted is not None)
    plot = pygame.Rect(
        pic.x + 44, legend_y + legend_h(mech, pic.w) + 24 + p.line(15), pic.w - 88, 0
    )
    plot.h = pic.bottom - plot.y - 2 * p.line(16) - 14
    pygame.draw.line(surface, pal.muted, plot.bottomleft, plot.bottomright, 2)
    step = plot.w / len(values)
    bar_w = int(step * 0.55)
    points = []
    var = r.values(plotted) if plotted else []
    vtop = max(var, default=0) or 1
    for i, (value, label) in enumerate(zip(values, series.labels, strict=True)):
        h = int(plot.h * value / top)
        bar = pygame.Rect(int(plot.x + i * step + (step - bar_w) / 2), plot.bottom - h, bar_w, h)
        pygame.draw.rect(
            surface, pal.accent, bar, border_top_left_radius=6, border_top_right_radius=6
        )
        if pal.high_contrast:
            pygame.draw.rect(surface, pal.ink, bar, 2)
        p.text(surface, str(value), (bar.centerx, bar.y - p.line(15) - 2), 15, align="center")
        p.text(surface, pick(label), (bar.centerx, plot.bottom + 6), 16, align="center")
        if i < len(var):
            points.append((bar.centerx, plot.bottom - int((plot.h - 14) * var[i] / vtop)))
    if len(points) >= 2:
        pygame.draw.lines(surface, pal.ink, False, points, 3)
    for (px, py), v in zip(points, var, strict=False):
        pygame.draw.circle(surface, pal.ink, (px, py), 6)
        pygame.draw.circle(surface, pal.panel, (px, py), 3)
        p.text(surface, f"{v:g}", (px, plot.bottom + 6 + p.line(16)), 15, bold=True, align="center")
    _chips(mech, surface)


def _chips(mech: Any, surface: pygame.Surface) -> None:
    """The row under the picture: the variables to plot (table) or field notes to read (tray)."""
    p, r, t, pick = mech.kit.painter, mech.rules, mech.kit.t, mech.kit.pick
    head = mech.box["vars_head"]
    title = t("investigate.variables" if mech.mode == "table" else "investigate.field_notes")
    p.text(
        surface,
        title,
        (head.x, head.centery - ui_layout.text_h(p, title, head.w, 18, True) // 2),
        18,
        bold=True,
        width=head.w,
    )
    for clue in r.clues:
        key = f"clue:{clue.id}"
        on = r.plotted == clue.id
        card(
            mech,
            surface,
            key,
            "folder",
            pick(clue.label),
            done=clue.id in r.seen and not on,
            marked=on,
            star=False,
        )


#: the picture each mode draws
PICTURES = {"chart": _chart, "tray": _tray_all, "table": _table}
