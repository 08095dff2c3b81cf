"""The investigate board at large text: everything stacked down one scrolling column.

Called by ``Investigate.build`` and ``Investigate.draw`` when the text is larger than
100 % (``board_text.large``). Order, top to bottom: the case board across the whole
width (title; the picture with its clue and test cards in as many columns as fit, each
card as tall as its wrapped label), the ideas column as a panel of idea cards, then the
case notes (as tall as the newest three notes wrapped), which is the last block, so its
height may change with the notes. Touches only the surface it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text as bt
from zones.challenges.base import Action
from zones.challenges.investigate_boards import ChartBoard, _clue_spot, _spot, _test_spot, card

GAP = 12


def _cards(mech: Any, p, labels: list[str], x: int, y: int, w: int, base_cols: int) -> list[pygame.Rect]:
    cols = ui_layout.columns_for(p, base_cols, w, 250)
    card_w = (w - GAP * (cols - 1)) // cols
    heights = [max(48, ui_layout.label_h(p, text, card_w - 46, 17) + 16) for text in labels]
    return ui_layout.grid(heights, x, y, w, cols, GAP)


def _head_h(p) -> int:
    return p.line(20, True) + 14


def layout(mech: Any, area: pygame.Rect) -> None:
    """Place the board, the ideas and the notebook's top; create every hotspot."""
    p, pick = mech.kit.painter, mech.kit.pick
    x, w = area.x + 20, area.w - 40
    y = area.y + 14 + ui_layout.text_h(p, pick(mech.params["subject"]), w, 22, True) + 12
    clue_labels = [pick(c["label"]) for c in mech.clues]
    test_labels = [pick(s["label"]) for s in mech.tests]
    mech.large_rects = {}
    if mech.mode == "chart":
        fig = pygame.Rect(area.x + 24, y, 420, 290)
        mech.large_rects["figure"] = fig
        numbered = [f"{i + 1}. {label}" for i, label in enumerate(clue_labels)]
        cx = fig.right + 24
        rects = _cards(mech, p, numbered, cx, y, area.right - 20 - cx, 2)
        for clue, r in zip(mech.clues, rects, strict=True):
            _clue_spot(mech, clue, r)
        y = max(fig.bottom, ui_layout.bottom(rects, y)) + 16
        mech.large_rects["tests_head"] = pygame.Rect(x, y, w, _head_h(p))
        y += _head_h(p)
        for test, r in zip(mech.tests, _cards(mech, p, test_labels, x, y, w, 3), strict=True):
            _test_spot(mech, test, r)
    elif mech.mode == "tray":
        n = max(1, len(mech.tests))
        cols = ui_layout.columns_for(p, n, w, 160)
        slot = w // cols
        label_h = ui_layout.tallest(p, test_labels, slot - 16, 17)
        tube_h = 8 + 140 + 10 + label_h + 10
        for i, test in enumerate(mech.tests):
            row, col = divmod(i, cols)
            _test_spot(mech, test, pygame.Rect(x + col * slot + 4, y + row * (tube_h + GAP), slot - 8, tube_h))
        y += ((len(mech.tests) + cols - 1) // cols) * (tube_h + GAP) + 8
        mech.large_rects["clues_head"] = pygame.Rect(x, y, w, _head_h(p))
        y += _head_h(p)
        for clue, r in zip(mech.clues, _cards(mech, p, clue_labels, x, y, w, 3), strict=True):
            _clue_spot(mech, clue, r)
    else:
        labels = [pick(label) for label in mech.params["series"]["labels"]]
        chart_h = 300 + ui_layout.tallest(p, labels, w // max(1, len(labels)) - 8, 17)
        mech.large_rects["chart"] = pygame.Rect(x, y, w, chart_h)
        y += chart_h + 16
        mech.large_rects["clues_head"] = pygame.Rect(x, y, w, _head_h(p))
        y += _head_h(p)
        rects = _cards(mech, p, clue_labels, x, y, w, 3)
        for clue, r in zip(mech.clues, rects, strict=True):
            _clue_spot(mech, clue, r)
        y = ui_layout.bottom(rects, y) + 12
        mech.large_rects["tests_head"] = pygame.Rect(x, y, w, _head_h(p))
        y += _head_h(p)
        for test, r in zip(mech.tests, _cards(mech, p, test_labels, x, y, w, 3), strict=True):
            _test_spot(mech, test, r)
    spots = [mech.rects[k] for k in mech.rects]
    mech.board = pygame.Rect(area.x, area.y, area.w, ui_layout.bottom(spots, y) + 16 - area.y)
    _layout_side(mech, area, mech.board.bottom + 20)
    mech.notebook = pygame.Rect(area.x, mech.side.bottom + 20, area.w, 0)


def _layout_side(mech: Any, area: pygame.Rect, top: int) -> None:
    p, pick, t = mech.kit.painter, mech.kit.pick, mech.kit.t
    x, w = area.x + 16, area.w - 32
    y = top + 12 + p.line(22, True) + 6
    y += ui_layout.text_h(p, t("investigate.pick_when_sure"), w, 17) + 6
    lines = [t("investigate.budget_free"), t("investigate.out_of_budget")] + [
        t("investigate.budget", n=n) for n in range(1, (mech.budget or 0) + 1)]
    mech.large_rects["budget"] = pygame.Rect(x, y, w, ui_layout.tallest(p, lines, w - ui_layout.icon(p, 20) - 8, 17, True))
    y = mech.large_rects["budget"].bottom + 10
    cols = ui_layout.columns_for(p, 2, w, 300)
    card_w = (w - GAP * (cols - 1)) // cols
    tag = p.line(17) + 6
    heights = [ui_layout.text_h(p, pick(h["label"]), card_w - 110, 18, True) + tag + 20 for h in mech.hyps]
    rects = ui_layout.grid(heights, x, y, w, cols, GAP)
    for h, r in zip(mech.hyps, rects, strict=True):
        _spot(mech, f"hyp:{h['id']}", r, t("investigate.diagnose", idea=pick(h["label"])),
              lambda hid=h["id"]: mech.perform(Action("diagnose", hid)))
    y = ui_layout.bottom(rects, y) + 10
    tries = [t("investigate.tries", n=n) for n in range(0, 6)]
    mech.large_rects["tries"] = pygame.Rect(x, y, w, ui_layout.tallest(p, tries, w, 17))
    y = mech.large_rects["tries"].bottom + 10
    label = t("challenge.hint")
    hint = pygame.Rect(x, y, max(300, p.button_w(label)), max(46, p.button_h()))
    mech.spots["hint"] = mech.kit.ui.button(hint, label, lambda: mech.perform(Action("hint")))
    mech.side = pygame.Rect(area.x, top, area.w, hint.bottom + 16 - top)


def notes_height(mech: Any) -> int:
    p = mech.kit.painter
    w = mech.notebook.w - 52 - ui_layout.icon(p, 20)
    head = p.line(20, True) + 20
    if not mech.notes:
        return head + ui_layout.text_h(p, mech.kit.t("investigate.notes_empty"), mech.notebook.w - 40, 18) + 20
    return head + sum(ui_layout.text_h(p, text, w, 17) + 24 for _, text in mech.notes[-3:]) + 10


def draw(mech: Any, surface: pygame.Surface) -> None:
    """The whole column (called inside the mechanic's cached layer)."""
    _draw_board(mech, surface)
    _draw_side(mech, surface)
    _draw_notes(mech, surface)


def _draw_board(mech: Any, surface: pygame.Surface) -> None:
    p, pick, t = mech.kit.painter, mech.kit.pick, mech.kit.t
    pal = p.palette
    board = mech.board
    p.panel(surface, board)
    p.text(surface, pick(mech.params["subject"]), (board.x + 20, board.y + 14), 22, bold=True,
           width=board.w - 40, box=board)
    lr = mech.large_rects
    if mech.mode == "chart":
        fig = lr["figure"]
        pygame.draw.rect(surface, (240, 246, 250) if not pal.high_contrast else pal.panel, fig, border_radius=14)
        ChartBoard._animal(surface, fig, pal)
        for i, clue in enumerate(mech.clues):
            cx, cy = fig.x + clue["x"] * fig.w, fig.y + clue["y"] * (fig.h - 30)
            seen = clue["id"] in mech.seen
            pygame.draw.circle(surface, pal.good if seen else pal.panel, (int(cx), int(cy)), 22)
            pygame.draw.circle(surface, pal.ink, (int(cx), int(cy)), 22, 3)
            mark = "✓" if seen else str(i + 1)
            p.text(surface, mark, (int(cx), int(cy) - p.line(17, True) // 2), 17, bold=True, align="center",
                   colour=(0, 0, 0) if seen and pal.high_contrast else None)
            key = f"clue:{clue['id']}"
            card(mech, surface, mech.rects[key], "folder", f"{i + 1}. {pick(clue['label'])}", seen, key)
    elif mech.mode == "tray":
        for test in mech.tests:
            _tube(mech, surface, test)
        _head(p, surface, lr["clues_head"], "folder", t("investigate.field_notes"))
        for clue in mech.clues:
            key = f"clue:{clue['id']}"
            card(mech, surface, mech.rects[key], "folder", pick(clue["label"]), clue["id"] in mech.seen, key)
    else:
        _chart(mech, surface, lr["chart"])
        _head(p, surface, lr["clues_head"], "folder", t("investigate.data_files"))
        for clue in mech.clues:
            key = f"clue:{clue['id']}"
            card(mech, surface, mech.rects[key], "folder", pick(clue["label"]), clue["id"] in mech.seen, key)
    if "tests_head" in lr:
        _head(p, surface, lr["tests_head"], "flask",
              t("investigate.tests" if mech.mode == "chart" else "investigate.checks"))
        for test in mech.tests:
            key = f"test:{test['id']}"
            card(mech, surface, mech.rects[key], "flask", pick(test["label"]), test["id"] in mech.ran, key)


def _head(p, surface: pygame.Surface, rect: pygame.Rect, icon: str, text: str) -> None:
    size = ui_layout.icon(p, 22)
    p.icon(surface, icon, (rect.x + size // 2, rect.y + p.line(20, True) // 2), size, p.palette.ink)
    p.text(surface, text, (rect.x + size + 8, rect.y), 20, bold=True, width=rect.w - size - 8, box=rect)


def _tube(mech: Any, surface: pygame.Surface, test: dict) -> None:
    p = mech.kit.painter
    pal = p.palette
    r = mech.rects[f"test:{test['id']}"]
    done = test["id"] in mech.ran
    pygame.draw.rect(surface, pal.focus if test["id"] == mech.hint_test else pal.panel_edge, r,
                     3 if test["id"] == mech.hint_test else 1, border_radius=12)
    if test["id"] == mech.hint_test:
        bt.hint_mark(p, surface, r)
    tube = pygame.Rect(0, 0, 46, 140)
    tube.midtop = (r.centerx, r.y + 8)
    if done:
        liquid = tube.inflate(-10, 0)
        liquid.h, liquid.bottom = 80, tube.bottom - 5
        pygame.draw.rect(surface, p.colour(test.get("colour", "#3A86FF")), liquid,
                         border_bottom_left_radius=18, border_bottom_right_radius=18)
    pygame.draw.rect(surface, pal.ink, tube, 3, border_bottom_left_radius=23, border_bottom_right_radius=23)
    mark = (tube.centerx, tube.y + 30)
    if done:
        pygame.draw.circle(surface, pal.good, mark, 15)
        p.icon(surface, "check", mark, 18, (0, 0, 0) if pal.high_contrast else (255, 255, 255))
    else:
        p.text(surface, "?", (mark[0], mark[1] - p.line(17, True) // 2), 17, bold=True, align="center",
               colour=pal.muted)
    usable = mech.spots[f"test:{test['id']}"].enabled
    p.text(surface, mech.kit.pick(test["label"]), (r.centerx, tube.bottom + 10), 17, align="center",
           width=r.w - 12, colour=pal.ink if usable or done else pal.muted, box=r)


def _chart(mech: Any, surface: pygame.Surface, chart: pygame.Rect) -> None:
    p = mech.kit.painter
    pal = p.palette
    pygame.draw.rect(surface, (245, 247, 252) if not pal.high_contrast else pal.panel, chart, border_radius=12)
    series = mech.params["series"]
    values = series["values"]
    top = max(values) or 1
    labels = [mech.kit.pick(label) for label in series["labels"]]
    step = (chart.w - 40) / len(values)
    label_h = ui_layout.tallest(p, labels, int(step) - 8, 17)
    plot = pygame.Rect(chart.x + 20, chart.y + 14 + p.line(17, True), chart.w - 40, 0)
    plot.h = chart.bottom - 10 - label_h - plot.y
    pygame.draw.line(surface, pal.muted, plot.bottomleft, plot.bottomright, 2)
    bar_w = int(step * 0.5)
    low = values.index(min(values))
    for i, (value, label) in enumerate(zip(values, labels, strict=True)):
        h = int((plot.h - p.line(17, True) - 4) * value / top)
        bar = pygame.Rect(int(plot.x + i * step + (step - bar_w) / 2), plot.bottom - h, bar_w, h)
        pygame.draw.rect(surface, pal.bad if i == low else pal.accent, bar,
                         border_top_left_radius=6, border_top_right_radius=6)
        if i == low:
            pygame.draw.rect(surface, pal.ink, bar, 3, border_top_left_radius=6, border_top_right_radius=6)
        p.text(surface, str(value), (bar.centerx, bar.y - p.line(17, True) - 2), 17, bold=i == low, align="center")
        p.text(surface, label, (bar.centerx, plot.bottom + 6), 17, align="center", width=int(step) - 8)


def _draw_side(mech: Any, surface: pygame.Surface) -> None:
    p, t = mech.kit.painter, mech.kit.t
    pal = p.palette
    side = mech.side
    x, w = side.x + 16, side.w - 32
    p.panel(surface, side)
    p.text(surface, t("investigate.ideas"), (x, side.y + 12), 22, bold=True, width=w, box=side)
    p.text(surface, t("investigate.pick_when_sure"), (x, side.y + 18 + p.line(22, True)), 17,
           colour=pal.muted, width=w, box=side)
    left = mech.budget_left
    line = t("investigate.budget_free") if left is None else (
        t("investigate.budget", n=left) if left else t("investigate.out_of_budget"))
    b = mech.large_rects["budget"]
    size = ui_layout.icon(p, 20)
    p.icon(surface, "coin", (b.x + size // 2, b.y + p.line(17) // 2), size, pal.ink if left != 0 else pal.bad)
    p.text(surface, line, (b.x + size + 8, b.y), 17, bold=left == 0, colour=pal.bad if left == 0 else pal.ink,
           width=b.w - size - 8, box=b)
    for h in mech.hyps:
        _idea(mech, surface, h)
    tr = mech.large_rects["tries"]
    p.text(surface, t("investigate.tries", n=mech.tries), tr.topleft, 17, colour=pal.muted, width=tr.w, box=tr)


def _idea(mech: Any, surface: pygame.Surface, h: dict) -> None:
    p, t = mech.kit.painter, mech.kit.t
    pal = p.palette
    r = mech.rects[f"hyp:{h['id']}"]
    out = mech.ruled.get(h["id"])
    right = mech.finished and h["id"] == mech.answer
    fill = pal.panel if not out or pal.high_contrast else (238, 238, 238)
    pygame.draw.rect(surface, fill, r, border_radius=12)
    pygame.draw.rect(surface, pal.good if right else pal.panel_edge, r, 4 if right else 2, border_radius=12)
    label = mech.kit.pick(h["label"])
    label_y = r.y + 10 if out else r.centery - ui_layout.text_h(p, label, r.w - 110, 18, right) // 2
    p.shape(surface, h["shape"], (r.x + 30, label_y + p.line(18, True) // 2), 16,
            p.colour(h.get("colour", "#3A86FF")) if not out else pal.panel_edge)
    text = p.text(surface, label, (r.x + 58, label_y), 18, bold=right, width=r.w - 110,
                  colour=pal.muted if out else None, box=r)
    if out:
        for k in range(max(1, text.h // p.line(18))):          # struck through, line by line
            y = text.y + int((k + 0.5) * p.line(18) * 1.2)
            pygame.draw.line(surface, pal.muted, (text.x - 2, y), (text.right + 2, y), 2)
        tag_y = text.bottom + 4
        size = ui_layout.icon(p, 18)
        p.icon(surface, "cross", (r.x + 58 + size // 2, tag_y + p.line(17) // 2), size, pal.bad)
        p.text(surface, t("investigate.ruled_out"), (r.x + 66 + size, tag_y), 17, colour=pal.bad,
               width=r.w - 80 - size, box=r)
    elif right:
        p.icon(surface, "check", (r.right - 30, r.centery), ui_layout.icon(p, 24), pal.good)


def _draw_notes(mech: Any, surface: pygame.Surface) -> None:
    p = mech.kit.painter
    pal = p.palette
    nb = mech.notebook
    nb.h = notes_height(mech)
    p.panel(surface, nb, radius=14)
    size = ui_layout.icon(p, 22)
    p.icon(surface, "folder", (nb.x + 16 + size // 2, nb.y + 10 + p.line(20, True) // 2), size, pal.ink)
    p.text(surface, mech.kit.t("investigate.notes"), (nb.x + 24 + size, nb.y + 10), 20, bold=True,
           width=nb.w - 40 - size, box=nb)
    y = nb.y + p.line(20, True) + 20
    if not mech.notes:
        p.text(surface, mech.kit.t("investigate.notes_empty"), (nb.x + 20, y), 18, colour=pal.muted,
               width=nb.w - 40, box=nb)
        return
    for k, (icon, text) in enumerate(reversed(mech.notes[-3:])):
        size = ui_layout.icon(p, 20)
        row = pygame.Rect(nb.x + 10, y, nb.w - 20, ui_layout.text_h(p, text, nb.w - 52 - size, 17) + 16)
        if k == 0:
            pygame.draw.rect(surface, p.colour("#FFF4DC") if not pal.high_contrast else pal.panel, row,
                             border_radius=10)
            pygame.draw.rect(surface, pal.focus, row, 2, border_radius=10)
        colour = {"cross": pal.bad, "check": pal.good}.get(icon, pal.ink)
        p.icon(surface, icon, (row.x + 10 + size // 2, row.y + 8 + p.line(17) // 2), size, colour)
        p.text(surface, text, (row.x + 20 + size, row.y + 8), 17, width=nb.w - 52 - size, box=row,
               colour=pal.ink if k == 0 else pal.muted)
        y = row.bottom + 8
