"""The three case-board layouts of the investigate mechanic, plus the shared ideas column.

Each board places the clue and test hotspots for its ``mode`` and draws its picture:
``chart`` a patient chart (an animal with clue spots, tests listed beside it), ``tray`` a
rack of test tubes over a row of field notes, ``table`` a bar chart of the data with data
files and comparisons beside it. Hotspots are stored in ``mech.spots`` as ``clue:<id>``,
``test:<id>``, ``hyp:<id>`` and ``hint`` so the mechanic can enable and disable them.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text


def _spot(mech: Any, key: str, rect: pygame.Rect, label: str, action) -> None:
    mech.rects[key] = rect
    mech.spots[key] = mech.kit.ui.hotspot(rect, label, action)


def _clue_spot(mech: Any, clue: dict[str, Any], rect: pygame.Rect) -> None:
    from zones.challenges.base import Action
    _spot(mech, f"clue:{clue['id']}", rect, mech.kit.t("investigate.inspect", clue=mech.kit.pick(clue["label"])),
          lambda cid=clue["id"]: mech.perform(Action("inspect", cid)))


def _test_spot(mech: Any, test: dict[str, Any], rect: pygame.Rect) -> None:
    from zones.challenges.base import Action
    _spot(mech, f"test:{test['id']}", rect, mech.kit.t("investigate.run", test=mech.kit.pick(test["label"])),
          lambda tid=test["id"]: mech.perform(Action("test", tid)))


def card(mech: Any, surface: pygame.Surface, rect: pygame.Rect, icon: str, label: str, done: bool,
         key: str) -> None:
    """A clickable card: icon and label; done cards get a tick and a grey face."""
    p = mech.kit.painter
    pal = p.palette
    hinted = key == f"test:{mech.hint_test}"
    usable = mech.spots[key].enabled
    fill = pal.panel
    if done and not pal.high_contrast:
        fill = (236, 240, 236)
    elif hinted and not pal.high_contrast:
        fill = p.colour("#FFF4DC")
    pygame.draw.rect(surface, fill, rect, border_radius=10)
    pygame.draw.rect(surface, pal.focus if hinted else pal.panel_edge, rect, 3 if hinted else 2, border_radius=10)
    colour = pal.good if done else (pal.ink if usable else pal.muted)
    size = ui_layout.icon(p, 20)
    x = rect.x + 18 + size
    if rect.w >= 150 or done:
        p.icon(surface, "check" if done else icon, (rect.x + 10 + size // 2, rect.centery), size, colour)
    else:
        x = rect.x + 10
    ui_layout.label(p, surface, label, (x, rect.centery), rect.right - 8 - x - (24 if hinted else 0), 17,
                     colour=pal.ink if usable or done else pal.muted, box=rect)
    if hinted:
        board_text.hint_mark(p, surface, rect)


def _title(mech: Any, surface: pygame.Surface, board: pygame.Rect) -> None:
    p = mech.kit.painter
    p.panel(surface, board)
    p.text_fit(surface, mech.kit.pick(mech.params["subject"]), (board.x + 20, board.y + 26), board.w - 40, 22,
               bold=True)


class ChartBoard:
    """A patient chart: the animal drawn on the left with numbered clue spots, tests on the right."""

    @staticmethod
    def figure(board: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(board.x + 24, board.y + 56, 420, board.h - 76)

    @staticmethod
    def layout(mech: Any, board: pygame.Rect) -> None:
        fig = ChartBoard.figure(board)
        for clue in mech.clues:
            cx, cy = fig.x + clue["x"] * fig.w, fig.y + clue["y"] * (fig.h - 30)
            _clue_spot(mech, clue, pygame.Rect(int(cx) - 24, int(cy) - 24, 48, 48))
        col = pygame.Rect(fig.right + 24, board.y + 84, board.right - fig.right - 44, 0)
        h = min(48, (board.bottom - col.y - 14) // max(1, len(mech.tests)) - 8)
        for i, test in enumerate(mech.tests):
            _test_spot(mech, test, pygame.Rect(col.x, col.y + i * (h + 8), col.w, h))

    @staticmethod
    def draw(mech: Any, surface: pygame.Surface, board: pygame.Rect) -> None:
        p = mech.kit.painter
        pal = p.palette
        _title(mech, surface, board)
        fig = ChartBoard.figure(board)
        pygame.draw.rect(surface, (240, 246, 250) if not pal.high_contrast else pal.panel, fig, border_radius=14)
        ChartBoard._animal(surface, fig, pal)
        for i, clue in enumerate(mech.clues):
            r = mech.rects[f"clue:{clue['id']}"]
            seen = clue["id"] in mech.seen
            pygame.draw.circle(surface, pal.good if seen else pal.panel, r.center, 22)
            pygame.draw.circle(surface, pal.ink, r.center, 22, 3)
            if seen:
                p.icon(surface, "check", r.center, 22, (255, 255, 255))
            else:
                p.text(surface, str(i + 1), (r.centerx, r.centery - 12), 20, bold=True, align="center")
            tag = mech.kit.pick(clue["label"])
            width = p.font(17).size(tag)[0] + 14
            pill = pygame.Rect(0, 0, width, 24)
            pill.midtop = (r.centerx, r.bottom)
            pill.clamp_ip(fig)
            pygame.draw.rect(surface, pal.panel, pill, border_radius=12)
            pygame.draw.rect(surface, pal.panel_edge, pill, 1, border_radius=12)
            p.text(surface, tag, (pill.centerx, pill.y + 2), 17, align="center")
        p.icon(surface, "flask", (fig.right + 36, board.y + 66), 22, pal.ink)
        p.text(surface, mech.kit.t("investigate.tests"), (fig.right + 54, board.y + 54), 20, bold=True)
        for test in mech.tests:
            key = f"test:{test['id']}"
            card(mech, surface, mech.rects[key], "flask", mech.kit.pick(test["label"]), test["id"] in mech.ran, key)

    @staticmethod
    def _animal(surface: pygame.Surface, fig: pygame.Rect, pal) -> None:
        """A friendly dog, flat style, facing left."""
        x, y = fig.x, fig.y
        fur = (222, 184, 135) if not pal.high_contrast else (0, 0, 0)
        dark = (150, 100, 60) if not pal.high_contrast else (255, 255, 255)
        line = (120, 80, 50) if not pal.high_contrast else (255, 255, 255)
        for lx in (150, 190, 300, 335):
            leg = pygame.Rect(x + lx, y + 170, 26, 70)
            pygame.draw.rect(surface, fur, leg, border_radius=10)
            pygame.draw.rect(surface, line, leg, 2, border_radius=10)
        pygame.draw.line(surface, line, (x + 355, y + 130), (x + 405, y + 70), 12)
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
        pygame.draw.circle(surface, (34, 34, 59) if not pal.high_contrast else dark, (x + 46, y + 108), 9)
        pygame.draw.circle(surface, (34, 34, 59) if not pal.high_contrast else dark, (x + 92, y + 76), 7)
        pygame.draw.arc(surface, line, (x + 60, y + 112, 40, 22), math.pi * 1.1, math.pi * 1.9, 3)


class TrayBoard:
    """A rack of test tubes (the tests) above a row of field notes (the clues)."""

    @staticmethod
    def layout(mech: Any, board: pygame.Rect) -> None:
        n = max(1, len(mech.tests))
        slot = (board.w - 40) // n
        for i, test in enumerate(mech.tests):
            _test_spot(mech, test, pygame.Rect(board.x + 20 + i * slot + 4, board.y + 52, slot - 8, 196))
        m = max(1, len(mech.clues))
        gap = 10
        w = (board.w - 40 - gap * (m - 1)) // m
        for i, clue in enumerate(mech.clues):
            _clue_spot(mech, clue, pygame.Rect(board.x + 20 + i * (w + gap), board.bottom - 66, w, 50))

    @staticmethod
    def draw(mech: Any, surface: pygame.Surface, board: pygame.Rect) -> None:
        p = mech.kit.painter
        pal = p.palette
        _title(mech, surface, board)
        rack_y = board.y + 200
        wood = (190, 140, 90) if not pal.high_contrast else pal.panel_edge
        for test in mech.tests:
            r = mech.rects[f"test:{test['id']}"]
            done = test["id"] in mech.ran
            hinted = test["id"] == mech.hint_test
            if hinted:
                pygame.draw.rect(surface, pal.focus, r, 3, border_radius=12)
                board_text.hint_mark(p, surface, r)
            tube = pygame.Rect(0, 0, 46, 140)
            tube.midtop = (r.centerx, r.y + 8)
            if done:
                liquid = tube.inflate(-10, 0)
                liquid.h = 80
                liquid.bottom = tube.bottom - 5
                colour = p.colour(test.get("colour", "#3A86FF"))
                pygame.draw.rect(surface, colour, liquid, border_bottom_left_radius=18, border_bottom_right_radius=18)
            pygame.draw.rect(surface, pal.ink, tube, 3, border_bottom_left_radius=23, border_bottom_right_radius=23)
            mark = (tube.centerx, tube.y + 30)
            if done:
                pygame.draw.circle(surface, pal.good, mark, 15)
                p.icon(surface, "check", mark, 18, (255, 255, 255))
            else:
                p.text(surface, "?", (mark[0], mark[1] - 13), 22, bold=True, align="center", colour=pal.muted)
            label = pygame.Rect(r.x, tube.bottom + 10, r.w, r.bottom - tube.bottom - 10)
            lines = mech.kit.pick(test["label"])
            p.text_fit(surface, lines, (label.x + max(4, (label.w - p.font(17).size(lines)[0]) // 2),
                                        label.centery), label.w - 8, 17,
                       colour=pal.ink if mech.spots[f"test:{test['id']}"].enabled or done else pal.muted)
        pygame.draw.rect(surface, wood, (board.x + 20, rack_y, board.w - 40, 12), border_radius=6)
        p.icon(surface, "folder", (board.x + 32, board.bottom - 86), 20, pal.ink)
        p.text(surface, mech.kit.t("investigate.field_notes"), (board.x + 48, board.bottom - 98), 18, bold=True)
        for clue in mech.clues:
            key = f"clue:{clue['id']}"
            card(mech, surface, mech.rects[key], "folder", mech.kit.pick(clue["label"]), clue["id"] in mech.seen, key)


class TableBoard:
    """A bar chart of the data on the left; data files and comparisons on the right."""

    @staticmethod
    def chart(board: pygame.Rect) -> pygame.Rect:
        return pygame.Rect(board.x + 20, board.y + 56, 360, board.h - 72)

    @staticmethod
    def layout(mech: Any, board: pygame.Rect) -> None:
        right = pygame.Rect(TableBoard.chart(board).right + 20, board.y, 0, 0)
        right.w = board.right - right.x - 16
        w = (right.w - 10) // 2
        for i, clue in enumerate(mech.clues):
            _clue_spot(mech, clue, pygame.Rect(right.x + (i % 2) * (w + 10), board.y + 82 + (i // 2) * 42, w, 36))
        for i, test in enumerate(mech.tests):
            _test_spot(mech, test, pygame.Rect(right.x + (i % 2) * (w + 10), board.y + 234 + (i // 2) * 42, w, 36))

    @staticmethod
    def draw(mech: Any, surface: pygame.Surface, board: pygame.Rect) -> None:
        p = mech.kit.painter
        pal = p.palette
        _title(mech, surface, board)
        chart = TableBoard.chart(board)
        pygame.draw.rect(surface, (245, 247, 252) if not pal.high_contrast else pal.panel, chart, border_radius=12)
        series = mech.params["series"]
        values = series["values"]
        top = max(values) or 1
        plot = pygame.Rect(chart.x + 20, chart.y + 34, chart.w - 40, chart.h - 74)
        pygame.draw.line(surface, pal.muted, plot.bottomleft, plot.bottomright, 2)
        step = plot.w / len(values)
        bar_w = int(step * 0.6)
        low = values.index(min(values))
        for i, (value, label) in enumerate(zip(values, series["labels"], strict=True)):
            h = int(plot.h * value / top)
            bar = pygame.Rect(int(plot.x + i * step + (step - bar_w) / 2), plot.bottom - h, bar_w, h)
            colour = pal.bad if i == low else pal.accent
            pygame.draw.rect(surface, colour, bar, border_top_left_radius=6, border_top_right_radius=6)
            if i == low:          # the dip: outlined as well as coloured
                pygame.draw.rect(surface, pal.ink, bar, 2, border_top_left_radius=6, border_top_right_radius=6)
            p.text(surface, str(value), (bar.centerx, bar.y - 22), 17, bold=i == low, align="center")
            p.text(surface, mech.kit.pick(label), (bar.centerx, plot.bottom + 6), 17, align="center")
        right_x = chart.right + 20
        p.icon(surface, "folder", (right_x + 10, board.y + 66), 20, pal.ink)
        p.text(surface, mech.kit.t("investigate.data_files"), (right_x + 28, board.y + 54), 18, bold=True)
        p.icon(surface, "flask", (right_x + 10, board.y + 218), 20, pal.ink)
        p.text(surface, mech.kit.t("investigate.checks"), (right_x + 28, board.y + 206), 18, bold=True)
        for clue in mech.clues:
            key = f"clue:{clue['id']}"
            card(mech, surface, mech.rects[key], "folder", mech.kit.pick(clue["label"]), clue["id"] in mech.seen, key)
        for test in mech.tests:
            key = f"test:{test['id']}"
            card(mech, surface, mech.rects[key], "flask", mech.kit.pick(test["label"]), test["id"] in mech.ran, key)


BOARDS: dict[str, Any] = {"chart": ChartBoard, "tray": TrayBoard, "table": TableBoard}


def layout_side(mech: Any, side: pygame.Rect) -> None:
    """The ideas column: one card per idea (pressing it is the diagnosis), and a hint button."""
    from zones.challenges.base import Action
    for i, h in enumerate(mech.hyps):
        r = pygame.Rect(side.x + 16, side.y + 104 + i * 64, side.w - 32, 56)
        _spot(mech, f"hyp:{h['id']}", r, mech.kit.t("investigate.diagnose", idea=mech.kit.pick(h["label"])),
              lambda hid=h["id"]: mech.perform(Action("diagnose", hid)))
    mech.spots["hint"] = mech.kit.ui.button((side.x + 16, side.bottom - 60, side.w - 32, 46),
                                            mech.kit.t("challenge.hint"), lambda: mech.perform(Action("hint")))


def draw_side(mech: Any, surface: pygame.Surface, side: pygame.Rect) -> None:
    p = mech.kit.painter
    pal = p.palette
    t = mech.kit.t
    p.panel(surface, side)
    p.text(surface, t("investigate.ideas"), (side.x + 18, side.y + 12), 22, bold=True)
    p.text_fit(surface, t("investigate.pick_when_sure"), (side.x + 18, side.y + 52), side.w - 36, 17,
               colour=pal.muted)
    left = mech.budget_left
    line = t("investigate.budget_free") if left is None else (
        t("investigate.budget", n=left) if left else t("investigate.out_of_budget"))
    p.icon(surface, "coin", (side.x + 28, side.y + 80), 20, pal.ink if left != 0 else pal.bad)
    p.text_fit(surface, line, (side.x + 44, side.y + 80), side.w - 62, 17, bold=left == 0,
               colour=pal.bad if left == 0 else pal.ink)
    for h in mech.hyps:
        r = mech.rects[f"hyp:{h['id']}"]
        out = mech.ruled.get(h["id"])
        right = mech.finished and h["id"] == mech.answer
        fill = pal.panel if not out or pal.high_contrast else (238, 238, 238)
        pygame.draw.rect(surface, fill, r, border_radius=12)
        pygame.draw.rect(surface, pal.good if right else pal.panel_edge, r, 4 if right else 2, border_radius=12)
        p.shape(surface, h["shape"], (r.x + 30, r.centery), 16,
                p.colour(h.get("colour", "#3A86FF")) if not out else pal.panel_edge)
        label = mech.kit.pick(h["label"])
        if out:
            img_w = min(p.font(18).size(label)[0], r.w - 190)
            p.text_fit(surface, label, (r.x + 58, r.centery), r.w - 190, 18, colour=pal.muted)
            pygame.draw.line(surface, pal.muted, (r.x + 56, r.centery), (r.x + 60 + img_w, r.centery), 2)
            tag = t("investigate.ruled_out")
            tag_w = min(110, p.font(17).size(tag)[0])
            p.icon(surface, "cross", (r.right - tag_w - 26, r.centery), 18, pal.bad)
            p.text_fit(surface, tag, (r.right - tag_w - 12, r.centery), tag_w, 17, colour=pal.bad)
        else:
            p.text_fit(surface, label, (r.x + 58, r.centery), r.w - 110 if right else r.w - 70, 18, bold=right)
            if right:
                p.icon(surface, "check", (r.right - 30, r.centery), 24, pal.good)
    tries = t("investigate.tries", n=mech.tries)
    p.text_fit(surface, tries, (side.x + 18, side.bottom - 84), side.w - 36, 17, colour=pal.muted)
