"""The investigate board's layout: the picture's size and hotspots, what goes under it,
the tray's key, and the pressable card every panel draws its controls as. Measured at the
chosen text size (one layout for every size). Called by ``InvestigateMechanic.build``;
``card`` by the panels and pictures as they draw. Touches only the surface it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text

WHITE = (255, 255, 255)
FIGURE = (460, 262)


# -- layout ---------------------------------------------------------------------------------


def picture_size(mech: Any, width: int) -> tuple[int, int]:
    """The picture's box: the dog at its drawn size, the chart wide enough for its labels,
    the beakers tall enough for every reading line."""
    p, r = mech.kit.painter, mech.rules
    if mech.mode == "chart":
        return min(width, FIGURE[0]), FIGURE[1]
    if mech.mode == "table":
        labels = [mech.kit.pick(lab) for lab in mech.params.series.labels]
        values = [f"{v:g}" for c in r.clues for v in r.values(c)] + [
            str(v) for v in mech.params.series.values
        ]
        per = (
            max(
                [p.font(16).size(lab)[0] for lab in labels]
                + [p.font(15, True).size(v)[0] for v in values]
            )
            + 16
        )
        w = min(width, max(470, per * len(labels) + 90))
        return w, 180 + legend_h(mech, w) + 2 * p.line(16)
    n = len(r.samples)
    name_w, cell_w = tray_columns(mech)
    w = min(width, max(440, 40 + name_w + n * cell_w + 10 * n))
    inner = (w - 40 - name_w - 10 * n) // n
    label_h = max(
        ui_layout.text_h(p, mech.kit.pick(s.label), inner - 12, 17, True) for s in r.samples
    )
    return w, 10 + 110 + label_h + 8 + len(r.tests) * row_h(mech) + 12


def tray_columns(mech: Any) -> tuple[int, int]:
    """Tray mode: the reagent-name column's width and a sample column's least width, so a
    reading (three dots and a word) sits on one line beside its reagent's name."""
    p, t, pick = mech.kit.painter, mech.kit.t, mech.kit.pick
    name_w = max(p.font(16).size(pick(test.label))[0] for test in mech.rules.tests) + 16
    words = [t(f"investigate.level{k}") for k in range(4)] + [t("investigate.testing_short")]
    return name_w, 56 + max(p.font(16).size(w)[0] for w in words) + 16


def row_h(mech: Any) -> int:
    return mech.kit.painter.line(16) + 4


def legend_h(mech: Any, width: int) -> int:
    """Table mode: the height of the chart's two legend lines at ``width``."""
    p, t, pick = mech.kit.painter, mech.kit.t, mech.kit.pick
    lines = [t("investigate.chart_empty")] + [
        t("investigate.on_chart", var=pick(c.label)) for c in mech.rules.clues
    ]
    return (
        ui_layout.text_h(p, pick(mech.params.series.name), width - 64, 16)
        + ui_layout.tallest(p, lines, width - 64, 16, True)
        + 2
    )


def layout_picture(mech: Any, pic: pygame.Rect) -> None:
    r, t, pick = mech.rules, mech.kit.t, mech.kit.pick
    if mech.mode == "chart":
        fig = pic.inflate(-24, -24)
        for n, clue in enumerate(r.clues):
            cx, cy = fig.x + clue.x * (fig.w - 40) + 20, fig.y + 20 + clue.y * (fig.h - 60)
            mech._spot(
                f"clue:{clue.id}",
                pygame.Rect(int(cx) - 24, int(cy) - 24, 48, 48),
                t("investigate.examine", clue=pick(clue.label), n=n + 1),
                lambda cid=clue.id: mech.perform(_act("examine", cid)),
            )
    elif mech.mode == "tray":
        n = len(r.samples)
        name_w, _ = tray_columns(mech)
        w = (pic.w - 40 - name_w - 10 * n) // n
        for k, sample in enumerate(r.samples):
            rect = pygame.Rect(pic.x + 20 + name_w + k * (w + 10), pic.y + 10, w, pic.h - 22)
            mech._spot(
                f"sample:{sample.id}",
                rect,
                t("investigate.drop_on", sample=pick(sample.label)),
                lambda sid=sample.id: mech.drop_on(sid),
            )


def layout_under(mech: Any, box: pygame.Rect) -> int:
    """What goes under the picture; returns its bottom. ``chart``: the names of the numbered
    body areas; ``tray``: the field notes to read; ``table``: the variables to put on the chart."""
    p, r, t, pick = mech.kit.painter, mech.rules, mech.kit.t, mech.kit.pick
    h = p.line(17) + 12
    if mech.mode == "chart":
        widths = [
            p.font(17).size(pick(c.label))[0] + 2 * ui_layout.icon(p, 11) + 24 for c in r.clues
        ]
        mech.box["legend"] = pygame.Rect(box.x, box.y, box.w, 0)
        mech.legend = ui_layout.flow(widths, box.x, box.y, box.w, h, 8)
        return ui_layout.bottom(mech.legend, box.y)
    title = t("investigate.variables" if mech.mode == "table" else "investigate.field_notes")
    verb = "investigate.plot" if mech.mode == "table" else "investigate.read_note"
    labels = [t(verb, var=pick(c.label)) for c in r.clues]
    size = ui_layout.icon(p, 20)
    head_w = min(box.w, p.font(18, True).size(title)[0] + 6)
    widths = [min(box.w, p.font(17).size(pick(c.label))[0] + size + 34) for c in r.clues]
    hs = [
        max(36, ui_layout.label_h(p, pick(c.label), w - size - 30, 17) + 12)
        for c, w in zip(r.clues, widths, strict=True)
    ]
    h = max(hs + [ui_layout.text_h(p, title, head_w, 18, True)])
    rects = ui_layout.flow([head_w, *widths], box.x, box.y, box.w, h, 10)  # the title leads the row
    mech.box["vars_head"] = rects[0]
    for clue, rect, label in zip(r.clues, rects[1:], labels, strict=True):
        mech._spot(
            f"clue:{clue.id}",
            rect,
            label,
            lambda cid=clue.id: mech.perform(_act("examine", cid)),
        )
    return ui_layout.bottom(rects, box.y)


def layout_key(mech: Any, box: pygame.Rect) -> int:
    """Tray mode: the reading key (dots and words) in ``box``; returns its bottom."""
    p, t = mech.kit.painter, mech.kit.t
    h = p.line(17) + 12
    words = [t("investigate.key")] + [t(f"investigate.level{k}") for k in range(4)]
    widths = [p.font(17, True).size(words[0])[0] + 8] + [
        p.font(17).size(w)[0] + 62 for w in words[1:]
    ]
    mech.legend = ui_layout.flow(widths, box.x, box.y, box.w, h, 8)
    return ui_layout.bottom(mech.legend, box.y)


def _act(kind: str, target: str):
    from zones.challenges.actions import Action

    return Action(kind, target)


def card(
    mech: Any,
    surface: pygame.Surface,
    key: str,
    icon: str,
    text: str,
    *,
    done: bool = False,
    marked: bool = False,
    crossed: bool = False,
    lit: bool = False,
    star: bool = True,
) -> None:
    """A pressable card: an icon and its text. ``done`` a tick, ``crossed`` a cross and a
    strike, ``marked`` a thick edge and a star, ``lit`` a warm fill; an unusable card has a
    dashed edge (shape and words as well as colour)."""
    p, pal = mech.kit.painter, mech.kit.painter.palette
    rect, spot = mech.rects[key], mech.spots[key]
    usable = spot.enabled
    fill = pal.panel
    if not pal.high_contrast:
        fill = (
            (255, 244, 220)
            if lit or marked
            else ((236, 240, 236) if done or crossed else pal.panel)
        )
        if getattr(spot, "hovered", False) and usable:
            fill = (246, 249, 255)
    pygame.draw.rect(surface, fill, rect, border_radius=10)
    if usable or done or marked:
        pygame.draw.rect(
            surface,
            pal.focus if marked else pal.panel_edge,
            rect,
            4 if marked else 2,
            border_radius=10,
        )
    else:
        board_text.dashed_rect(surface, pal.muted, rect)
    size = ui_layout.icon(p, 20)
    mark = "check" if done else ("cross" if crossed else icon)
    colour = pal.good if done else (pal.bad if crossed else (pal.ink if usable else pal.muted))
    p.icon(surface, mark, (rect.x + 12 + size // 2, rect.y + rect.h // 2), size, colour)
    x = rect.x + 20 + size
    ink = pal.ink if usable or done or marked else pal.muted
    star = star and marked
    shown = ui_layout.label(
        p,
        surface,
        text,
        (x, rect.centery),
        rect.right - 10 - x - (22 if star else 0),
        17,
        colour=ink,
        box=rect,
    )
    if crossed:
        pygame.draw.line(
            surface, pal.bad, (shown.x, shown.centery), (shown.right, shown.centery), 2
        )
    if star:
        board_text.hint_mark(p, surface, rect)
