"""Drawing for the investigate view: the title, tools, notebook and ideas (or treatments)
panels around the picture (``investigate_pictures``), and what moves over them.

Called by ``InvestigateMechanic.draw``: ``draw_static`` into the cached layer, ``draw_live``
over it each frame (test timers, the held reagent, the dog's tail, the cloud of a wrong
treatment). The layout is ``investigate_layout``'s. Touches only the surface it is given.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges.investigate_layout import card
from zones.challenges.investigate_pictures import PICTURES, draw_key

# -- drawing: the cached part -------------------------------------------------------------------


def draw_static(mech: Any, surface: pygame.Surface) -> None:
    _title(mech, surface)
    PICTURES[mech.mode](mech, surface, mech.box["picture"])
    _tools(mech, surface)
    _notebook(mech, surface)
    _side(mech, surface)


def _title(mech: Any, surface: pygame.Surface) -> None:
    p, pal = mech.kit.painter, mech.kit.painter.palette
    box = mech.box["title"]
    p.panel(surface, box, radius=14)
    drawn = p.text(
        surface,
        mech.kit.pick(mech.params.subject),
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
            mech.kit.pick(mech.params.closed_note),
            (box.x + 28 + size, y),
            17,
            colour=pal.bad,
            width=box.w - 48 - size,
            bold=True,
        )


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
        key, tid = f"test:{test.id}", test.id
        name = pick(test.label)
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
        tried = option.id in r.treat.tried
        worked = tried and option.fits == r.answer
        card(
            mech,
            surface,
            f"treat:{option.id}",
            "flask",
            mech._treat_label(option),
            done=worked,
            crossed=tried and not worked,
        )
    for h in [] if treating else r.hyps:
        key = f"hyp:{h.id}"
        out = r.ruled.get(h.id)
        mine = r.hypothesis == h.id
        text = pick(h.label)
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
        draw_key(mech, surface)


# -- drawing: what moves ---------------------------------------------------------------------------


def draw_live(mech: Any, surface: pygame.Surface) -> None:
    """Each frame: test timers (a bar and the seconds, not colour alone), the held reagent
    and, in chart mode, the dog's tail (it wags when he is treated right; still when the
    pupil asked for reduced motion)."""
    p, pal, r = mech.kit.painter, mech.kit.painter.palette, mech.rules
    for key, left in r.running.items():
        tid = key.partition("@")[0]
        rect = mech.rects.get(f"test:{tid}")
        total = float(r.test(tid).wait) * r.wait_scale or 1.0
        if rect is not None:
            bar = pygame.Rect(rect.x + 8, rect.bottom - 8, rect.w - 16, 5)
            pygame.draw.rect(surface, pal.panel_edge, bar, border_radius=2)
            done = bar.copy()
            done.w = int(bar.w * max(0.0, min(1.0, 1 - left / total)))
            pygame.draw.rect(surface, pal.accent, done, border_radius=2)
    if mech.mode == "chart":
        fig = mech.box["picture"].inflate(-24, -24)
        base = (fig.x + 355, fig.y + 126)
        if r.well:
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
        if r.treat is not None and r.treat.wrong and not r.well:
            _no_better(surface, pal, (fig.x + 110, fig.y + 10), mech)
    if mech.mode == "tray" and mech.held is not None and mech.mouse is not None:
        pos = mech.mouse
        bottle = pygame.Rect(0, 0, 26, 40)
        bottle.center = pos
        colour = p.colour(r.test(mech.held).colour)
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
