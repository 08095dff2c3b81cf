"""Drawing for the investigate view: the three pictures, the tools, notebook and ideas.

Called by ``InvestigateMechanic.build`` (``picture_size``, ``layout_picture``,
``layout_under``: place the picture's hotspots, measured at the chosen text size) and
``draw`` (``draw_static`` into the cached layer, ``draw_live`` over it each frame: test
timers, the held reagent, the dog's tail). Pictures: ``chart`` a dog whose body areas are
pressed to examine him; ``tray`` sample beakers a reagent is dropped on, each reading
shown as filled dots and a word beside the key (never colour alone); ``table`` a bar chart
of the sales with the chosen variable drawn over it as a line on its own scale.
Touches only the surface it is given.
"""

from __future__ import annotations

import math
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
        labels = [mech.kit.pick(lab) for lab in mech.params["series"]["labels"]]
        values = [f"{v:g}" for c in r.clues for v in r.values(c)] + [
            str(v) for v in mech.params["series"]["values"]
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
        ui_layout.text_h(p, mech.kit.pick(s["label"]), inner - 12, 17, True) for s in r.samples
    )
    return w, 10 + 110 + label_h + 8 + len(r.tests) * row_h(mech) + 12


def tray_columns(mech: Any) -> tuple[int, int]:
    """Tray mode: the reagent-name column's width and a sample column's least width, so a
    reading (three dots and a word) sits on one line beside its reagent's name."""
    p, t, pick = mech.kit.painter, mech.kit.t, mech.kit.pick
    name_w = max(p.font(16).size(pick(test["label"]))[0] for test in mech.rules.tests) + 16
    words = [t(f"investigate.level{k}") for k in range(4)] + [t("investigate.testing_short")]
    return name_w, 56 + max(p.font(16).size(w)[0] for w in words) + 16


def row_h(mech: Any) -> int:
    return mech.kit.painter.line(16) + 4


def legend_h(mech: Any, width: int) -> int:
    """Table mode: the height of the chart's two legend lines at ``width``."""
    p, t, pick = mech.kit.painter, mech.kit.t, mech.kit.pick
    lines = [t("investigate.chart_empty")] + [
        t("investigate.on_chart", var=pick(c["label"])) for c in mech.rules.clues
    ]
    return (
        ui_layout.text_h(p, pick(mech.params["series"]["name"]), width - 64, 16)
        + ui_layout.tallest(p, lines, width - 64, 16, True)
        + 2
    )


def layout_picture(mech: Any, pic: pygame.Rect) -> None:
    r, t, pick = mech.rules, mech.kit.t, mech.kit.pick
    if mech.mode == "chart":
        fig = pic.inflate(-24, -24)
        for n, clue in enumerate(r.clues):
            cx, cy = fig.x + clue["x"] * (fig.w - 40) + 20, fig.y + 20 + clue["y"] * (fig.h - 60)
            mech._spot(
                f"clue:{clue['id']}",
                pygame.Rect(int(cx) - 24, int(cy) - 24, 48, 48),
                t("investigate.examine", clue=pick(clue["label"]), n=n + 1),
                lambda cid=clue["id"]: mech.perform(_act("examine", cid)),
            )
    elif mech.mode == "tray":
        n = len(r.samples)
        name_w, _ = tray_columns(mech)
        w = (pic.w - 40 - name_w - 10 * n) // n
        for k, sample in enumerate(r.samples):
            rect = pygame.Rect(pic.x + 20 + name_w + k * (w + 10), pic.y + 10, w, pic.h - 22)
            mech._spot(
                f"sample:{sample['id']}",
                rect,
                t("investigate.drop_on", sample=pick(sample["label"])),
                lambda sid=sample["id"]: mech.drop_on(sid),
            )


def layout_under(mech: Any, box: pygame.Rect) -> int:
    """What goes under the picture; returns its bottom. ``chart``: the names of the numbered
    body areas; ``tray``: the field notes to read; ``table``: the variables to put on the chart."""
    p, r, t, pick = mech.kit.painter, mech.rules, mech.kit.t, mech.kit.pick
    h = p.line(17) + 12
    if mech.mode == "chart":
        widths = [
            p.font(17).size(pick(c["label"]))[0] + 2 * ui_layout.icon(p, 11) + 24 for c in r.clues
        ]
        mech.box["legend"] = pygame.Rect(box.x, box.y, box.w, 0)
        mech.legend = ui_layout.flow(widths, box.x, box.y, box.w, h, 8)
        return ui_layout.bottom(mech.legend, box.y)
    title = t("investigate.variables" if mech.mode == "table" else "investigate.field_notes")
    verb = "investigate.plot" if mech.mode == "table" else "investigate.read_note"
    labels = [t(verb, var=pick(c["label"])) for c in r.clues]
    size = ui_layout.icon(p, 20)
    head_w = min(box.w, p.font(18, True).size(title)[0] + 6)
    widths = [min(box.w, p.font(17).size(pick(c["label"]))[0] + size + 34) for c in r.clues]
    hs = [
        max(36, ui_layout.label_h(p, pick(c["label"]), w - size - 30, 17) + 12)
        for c, w in zip(r.clues, widths, strict=True)
    ]
    h = max(hs + [ui_layout.text_h(p, title, head_w, 18, True)])
    rects = ui_layout.flow([head_w, *widths], box.x, box.y, box.w, h, 10)  # the title leads the row
    mech.box["vars_head"] = rects[0]
    for clue, rect, label in zip(r.clues, rects[1:], labels, strict=True):
        mech._spot(
            f"clue:{clue['id']}",
            rect,
            label,
            lambda cid=clue["id"]: mech.perform(_act("examine", cid)),
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


# -- drawing: the cached part -------------------------------------------------------------------


def draw_static(mech: Any, surface: pygame.Surface) -> None:
    _title(mech, surface)
    {"chart": _chart, "tray": _tray_all, "table": _table}[mech.mode](
        mech, surface, mech.box["picture"]
    )
    _tools(mech, surface)
    _notebook(mech, surface)
    _side(mech, surface)


def _title(mech: Any, surface: pygame.Surface) -> None:
    p, pal = mech.kit.painter, mech.kit.painter.palette
    box = mech.box["title"]
    p.panel(surface, box, radius=14)
    drawn = p.text(
        surface,
        mech.kit.pick(mech.params["subject"]),
        (box.x + 20, box.y + 7),
        22,
        bold=True,
        width=box.w - 40,
    )
    if mech.rules.closed:
        y = drawn.bottom + 6
        size = ui_layout.icon(p, 18)
        p.icon(surface, "lock", (box.x + 20 + size // 2, y + p.line(17) // 2), size, pal.bad)
        p.text(
            surface,
            mech.kit.pick(mech.params["closed_note"]),
            (box.x + 28 + size, y),
            17,
            colour=pal.bad,
            width=box.w - 48 - size,
            bold=True,
        )


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


def _tools(mech: Any, surface: pygame.Surface) -> None:
    p, pal, r, pick, t = (
        mech.kit.painter,
        mech.kit.painter.palette,
        mech.rules,
        mech.kit.pick,
        mech.kit.t,
    )
    head = mech.box["tools_head"]
    title = {
        "chart": "investigate.tests",
        "tray": "investigate.reagents",
        "table": "investigate.checks",
    }[mech.mode]
    size = ui_layout.icon(p, 20)
    p.icon(
        surface, "flask", (head.x + 2 + size // 2, head.y + p.line(20, True) // 2), size, pal.ink
    )
    p.text(
        surface, t(title), (head.x + size + 10, head.y + 2), 20, bold=True, width=head.w - size - 10
    )
    for test in r.tests:
        key, tid = f"test:{test['id']}", test["id"]
        name = pick(test["label"])
        if tid in r.closed:
            card(mech, surface, key, "lock", t("investigate.closed", test=name), crossed=True)
            continue
        running = any(k.partition("@")[0] == tid for k in r.running)
        done = r.done(tid, r.case_sample) and not running
        card(
            mech,
            surface,
            key,
            "flask",
            t("investigate.in_hand", test=name) if mech.held == tid else name,
            done=done and mech.mode != "tray",
            marked=mech.held == tid or r.hint_test == tid,
            lit=running,
        )


def _notebook(mech: Any, surface: pygame.Surface) -> None:
    p, pal, t = mech.kit.painter, mech.kit.painter.palette, mech.kit.t
    nb = mech.box["notes"]
    p.panel(surface, nb, radius=14)
    if mech.note_head > 6:
        size = ui_layout.icon(p, 20)
        p.icon(
            surface,
            "folder",
            (nb.x + 14 + size // 2, nb.y + 8 + p.line(20, True) // 2),
            size,
            pal.ink,
        )
        p.text(
            surface,
            t("investigate.notes"),
            (nb.x + 22 + size, nb.y + 8),
            20,
            bold=True,
            width=nb.w - 40 - size,
        )
    y = nb.y + mech.note_head
    notes = [n for n in mech.rules.notes if n[0] != "suspect"]  # the idea card already says it
    if not notes:
        p.text(
            surface,
            t("investigate.notes_empty"),
            (nb.x + 20, y),
            17,
            colour=pal.muted,
            width=nb.w - 40,
        )
        return
    for k, note in enumerate(reversed(notes[-mech.note_rows :])):
        row = pygame.Rect(nb.x + 10, y + k * (mech.note_h + 4), nb.w - 20, mech.note_h)
        kind = note[0]
        if k == 0:
            fill = (255, 244, 220) if not pal.high_contrast else pal.panel
            pygame.draw.rect(surface, fill, row, border_radius=10)
            pygame.draw.rect(surface, pal.focus, row, 2, border_radius=10)
        icon = {
            "wrong": "cross",
            "idea_out": "cross",
            "unsolved": "cross",
            "right": "check",
            "clue": "folder",
            "suspect": "star",
        }.get(kind, "flask")
        colour = {"cross": pal.bad, "check": pal.good}.get(icon, pal.ink)
        size = ui_layout.icon(p, 18)
        p.icon(surface, icon, (row.x + 10 + size // 2, row.y + p.line(17) // 2 + 6), size, colour)
        p.text(
            surface,
            mech.note_text(note),
            (row.x + 18 + size, row.y + 6),
            17,
            width=row.w - 28 - size,
            colour=pal.ink if k == 0 else pal.muted,
        )


def _side(mech: Any, surface: pygame.Surface) -> None:
    p, pal, r, pick, t = (
        mech.kit.painter,
        mech.kit.painter.palette,
        mech.rules,
        mech.kit.pick,
        mech.kit.t,
    )
    treating = r.treat is not None and r.treat.open
    side = mech.box["side"]
    p.panel(surface, side)
    x, w = side.x + 16, side.w - 32
    head = t("investigate.treat_head" if treating else "investigate.ideas")
    shown = p.text(surface, head, (x, side.y + 10), 22, bold=True, width=w)
    p.text(
        surface,
        t("investigate.treat_first" if treating else "investigate.idea_first"),
        (x, shown.bottom + 6),
        17,
        colour=pal.muted,
        width=w,
    )
    bud = mech.box["budget"]
    left = r.budget_left
    size = ui_layout.icon(p, 18)
    p.icon(
        surface,
        "coin",
        (bud.x + size // 2, bud.y + p.line(17) // 2),
        size,
        pal.bad if left == 0 else pal.ink,
    )
    p.text(
        surface,
        mech.budget_line()
        + "  "
        + t("investigate.tries", n=r.treat.tries - r.treat.wrong if treating else r.tries),
        (bud.x + size + 8, bud.y),
        17,
        bold=left == 0,
        colour=pal.bad if left == 0 else pal.ink,
        width=bud.w - size - 8,
    )
    for option in r.treat.options if treating else []:
        tried = option["id"] in r.treat.tried
        worked = tried and option["fits"] == r.answer
        card(
            mech,
            surface,
            f"treat:{option['id']}",
            "flask",
            mech._treat_label(option),
            done=worked,
            crossed=tried and not worked,
        )
    for h in [] if treating else r.hyps:
        key = f"hyp:{h['id']}"
        out = r.ruled.get(h["id"])
        mine = r.hypothesis == h["id"]
        text = pick(h["label"])
        if out:
            text = t("investigate.ruled_out", idea=text)
        elif mine:
            text = t("investigate.my_idea", idea=text)
        card(mech, surface, key, "star" if mine else "circle", text, crossed=bool(out), marked=mine)
    idea = t("investigate.conclude_with") if r.hypothesis else t("investigate.conclude")
    card(mech, surface, "conclude", "check", idea, lit=r.hypothesis is not None and not treating)
    waiting = len(r.running)
    card(
        mech,
        surface,
        "wait",
        "flask",
        t("investigate.wait_n", n=waiting) if waiting else t("investigate.wait"),
    )
    if mech.mode == "tray":
        _key(mech, surface)


# -- the three pictures ---------------------------------------------------------------------------


def _chart(mech: Any, surface: pygame.Surface, pic: pygame.Rect) -> None:
    p, pal, r, pick = mech.kit.painter, mech.kit.painter.palette, mech.rules, mech.kit.pick
    p.panel(surface, pic, fill=(240, 246, 250) if not pal.high_contrast else None, radius=14)
    fig = pic.inflate(-24, -24)
    _dog(surface, fig, pal)
    for n, clue in enumerate(r.clues):
        key = f"clue:{clue['id']}"
        rect, spot = mech.rects[key], mech.spots[key]
        seen = clue["id"] in r.seen
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
        seen = clue["id"] in r.seen
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
            pick(clue["label"]),
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
        key = f"sample:{sample['id']}"
        rect, spot = mech.rects[key], mech.spots[key]
        ready = mech.held is not None and spot.enabled
        if ready:
            pygame.draw.rect(surface, pal.focus, rect, 4, border_radius=12)
        else:
            pygame.draw.rect(surface, pal.panel_edge, rect, 2, border_radius=12)
        beaker = pygame.Rect(0, 0, 80, 92)
        beaker.midtop = (rect.centerx, rect.y + 8)
        tinted = [k for k in r.readings if k.endswith("@" + sample["id"]) and r.readings[k]]
        water = (120, 190, 160) if sample.get("case") else (170, 210, 240)
        if tinted and not pal.high_contrast:
            water = p.colour(r.test(tinted[-1].partition("@")[0]).get("colour", "#3A86FF"))
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
            pick(sample["label"]),
            (rect.centerx, beaker.bottom + 6),
            17,
            bold=True,
            align="center",
            width=rect.w - 12,
        )
        table_y = pic.bottom - 12 - len(r.tests) * row_h(mech)
        for n, test in enumerate(r.tests):
            y = table_y + n * row_h(mech) + 2
            key2 = f"{test['id']}@{sample['id']}"
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
            pick(test["label"]),
            (pic.x + 20, y + 2),
            16,
            colour=pal.muted if test["id"] in r.closed else pal.ink,
            width=name_w - 4,
        )


def _tray_all(mech: Any, surface: pygame.Surface, pic: pygame.Rect) -> None:
    _tray(mech, surface, pic)
    _chips(mech, surface)


def _key(mech: Any, surface: pygame.Surface) -> None:
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
    series = mech.params["series"]
    values = series["values"]
    top = max(values) or 1
    legend_y = pic.y + 10
    sales = pick(series["name"])
    pygame.draw.rect(surface, pal.accent, (pic.x + 20, legend_y + 4, 18, 14))
    drawn = p.text(surface, sales, (pic.x + 44, legend_y), 16, width=pic.w - 64)
    plotted = r.clue(r.plotted) if r.plotted else None
    var_line = (
        t("investigate.on_chart", var=pick(plotted["label"]))
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
    for i, (value, label) in enumerate(zip(values, series["labels"], strict=True)):
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
        key = f"clue:{clue['id']}"
        on = r.plotted == clue["id"]
        card(
            mech,
            surface,
            key,
            "folder",
            pick(clue["label"]),
            done=clue["id"] in r.seen and not on,
            marked=on,
            star=False,
        )


# -- drawing: what moves ---------------------------------------------------------------------------


def draw_live(mech: Any, surface: pygame.Surface) -> None:
    """Each frame: test timers (a bar and the seconds, not colour alone), the held reagent
    and, in chart mode, the dog's tail (it wags when he is treated right; still when the
    pupil asked for reduced motion)."""
    p, pal, r = mech.kit.painter, mech.kit.painter.palette, mech.rules
    for key, left in r.running.items():
        tid = key.partition("@")[0]
        rect = mech.rects.get(f"test:{tid}")
        total = float(r.test(tid).get("wait", 0)) * r.wait_scale or 1.0
        if rect is not None:
            bar = pygame.Rect(rect.x + 8, rect.bottom - 8, rect.w - 16, 5)
            pygame.draw.rect(surface, pal.panel_edge, bar, border_radius=2)
            done = bar.copy()
            done.w = int(bar.w * max(0.0, min(1.0, 1 - left / total)))
            pygame.draw.rect(surface, pal.accent, done, border_radius=2)
    if mech.mode == "chart":
        fig = mech.box["picture"].inflate(-24, -24)
        base = (fig.x + 355, fig.y + 126)
        if r.recovered:
            swing = (
                0.0
                if mech.kit.reduced_motion
                else math.sin(mech.elapsed * 14) * 0.5 * min(1.0, mech.wag + 0.3)
            )
            angle = -0.9 + swing
        else:
            angle = 0.5  # a poorly dog's tail hangs down
        tip = (base[0] + 60 * math.cos(angle), base[1] + 60 * math.sin(angle))
        colour = (120, 80, 50) if not pal.high_contrast else (255, 255, 255)
        pygame.draw.line(surface, colour, base, tip, 12)
        pygame.draw.circle(surface, colour, (int(tip[0]), int(tip[1])), 6)
        if r.treat is not None and r.treat.wrong and not r.recovered:
            _no_better(surface, pal, (fig.x + 110, fig.y + 10), mech)
    if mech.mode == "tray" and mech.held is not None and mech.mouse is not None:
        pos = mech.mouse
        bottle = pygame.Rect(0, 0, 26, 40)
        bottle.center = pos
        colour = p.colour(r.test(mech.held).get("colour", "#3A86FF"))
        pygame.draw.rect(surface, colour, bottle, border_radius=6)
        pygame.draw.rect(surface, pal.ink, bottle, 2, border_radius=6)
        pygame.draw.rect(surface, pal.ink, (bottle.centerx - 5, bottle.y - 8, 10, 8))


def _no_better(surface: pygame.Surface, pal, head: tuple[int, int], mech: Any) -> None:
    """A wrong treatment: a grey rain cloud over the poor dog's head (it drifts a little
    unless motion is reduced; the notebook says it in words)."""
    drift = 0 if mech.kit.reduced_motion else int(math.sin(mech.elapsed * 3) * 4)
    cx, cy = head[0] + drift, head[1]
    grey = (150, 156, 166) if not pal.high_contrast else (255, 255, 255)
    for dx, dy, radius in ((-22, 4, 16), (0, -6, 20), (22, 4, 16)):
        pygame.draw.circle(surface, grey, (cx + dx, cy + dy), radius)
    pygame.draw.rect(surface, grey, (cx - 22, cy + 2, 44, 18))
    for dx in (-16, 0, 16):
        pygame.draw.line(surface, pal.ink, (cx + dx, cy + 26), (cx + dx - 4, cy + 38), 3)
