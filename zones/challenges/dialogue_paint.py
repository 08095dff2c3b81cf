"""Painting the dialogue view's parts (into its cached layer): the person and their mood
meter (or a phone thread's header), the speech bubble or the message thread, the whiteboard
with its pie diagrams, the mood strip and the reply cards. The mood is always a face, a
word and a bar with the goal marked, never colour alone. Called by
``dialogue_draw.DialogueView.draw`` with the view (its measured rects and the mechanic);
touches only the surface it is given.
"""

from __future__ import annotations

import math
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text
from zones.challenges.dialogue_params import Board

WHITE = (255, 255, 255)


def draw_pie(
    surface: pygame.Surface,
    painter,
    centre,
    r: int,
    shaded: int,
    slices: int,
    *,
    label: bool = True,
) -> None:
    """A pizza cut in ``slices`` with ``shaded`` slices filled (and k/n written under it)."""
    pal = painter.palette
    crust = (214, 160, 90) if not pal.high_contrast else (0, 0, 0)
    fill = (231, 76, 60) if not pal.high_contrast else (255, 255, 255)
    cx, cy = centre
    pygame.draw.circle(surface, crust, (cx, cy), r)
    for k in range(shaded):
        a0 = -math.pi / 2 + 2 * math.pi * k / slices
        a1 = -math.pi / 2 + 2 * math.pi * (k + 1) / slices
        steps = max(2, int(24 / slices) + 2)
        pts = [(cx, cy)] + [
            (
                cx + (r - 3) * math.cos(a0 + (a1 - a0) * t / steps),
                cy + (r - 3) * math.sin(a0 + (a1 - a0) * t / steps),
            )
            for t in range(steps + 1)
        ]
        pygame.draw.polygon(surface, fill, pts)
    for k in range(slices):
        a = -math.pi / 2 + 2 * math.pi * k / slices
        pygame.draw.line(
            surface, pal.ink, (cx, cy), (cx + r * math.cos(a), cy + r * math.sin(a)), 2
        )
    pygame.draw.circle(surface, pal.ink, (cx, cy), r, 3)
    if label:
        painter.text(surface, f"{shaded}/{slices}", (cx, cy + r + 4), 20, bold=True, align="center")


def draw_face(surface: pygame.Surface, painter, centre, r: int, level: int) -> None:
    """A round face whose mouth shows mood level 0 (upset) to 3 (happy)."""
    pal = painter.palette
    cx, cy = centre
    skin = (255, 214, 102) if not pal.high_contrast else (0, 0, 0)
    pygame.draw.circle(surface, skin, (cx, cy), r)
    pygame.draw.circle(surface, pal.ink, (cx, cy), r, 2)
    eye = max(2, r // 8)
    pygame.draw.circle(surface, pal.ink, (cx - r // 3, cy - r // 5), eye)
    pygame.draw.circle(surface, pal.ink, (cx + r // 3, cy - r // 5), eye)
    mouth = pygame.Rect(0, 0, r, r // 2)
    width = max(2, r // 9)
    if level == 0:
        mouth.center = (cx, cy + r // 2)
        pygame.draw.arc(surface, pal.ink, mouth, math.pi * 0.15, math.pi * 0.85, width)
    elif level == 1:
        pygame.draw.line(
            surface, pal.ink, (cx - r // 3, cy + r // 3), (cx + r // 3, cy + r // 3 - 2), width
        )
    else:
        mouth.center = (cx, cy + r // 5)
        if level == 3:
            mouth.inflate_ip(r // 4, r // 4)
        pygame.draw.arc(surface, pal.ink, mouth, math.pi * 1.1, math.pi * 1.9, width)


def mood_word(m: Any) -> str:
    """How the last reply moved the mood, in words (up / down / the same)."""
    delta = m.rules.last_delta
    return m.kit.t(
        "dialogue.up" if delta > 0 else ("dialogue.down" if delta < 0 else "dialogue.same")
    )


def mood_chip(surface: pygame.Surface, m: Any, chip: pygame.Rect) -> tuple[int, int, int]:
    """The chip behind :func:`mood_word`: its colour and an arrow (up, down or a bar), so the
    change is not told by colour alone. Returns the colour to write the word in."""
    pal = m.kit.painter.palette
    delta = m.rules.last_delta
    colour = pal.good if delta > 0 else (pal.bad if delta < 0 else pal.muted)
    pygame.draw.rect(surface, colour, chip, border_radius=chip.h // 2)
    cy = chip.centery
    if delta > 0:
        pts = [(chip.x + 16, cy + 7), (chip.x + 32, cy + 7), (chip.x + 24, cy - 8)]
    elif delta < 0:
        pts = [(chip.x + 16, cy - 7), (chip.x + 32, cy - 7), (chip.x + 24, cy + 8)]
    else:
        pts = [
            (chip.x + 16, cy - 4),
            (chip.x + 32, cy - 4),
            (chip.x + 32, cy + 4),
            (chip.x + 16, cy + 4),
        ]
    on_chip = (0, 0, 0) if pal.high_contrast else WHITE
    pygame.draw.polygon(surface, on_chip, pts)
    return on_chip


def person(view, surface, p, who: str, rect: pygame.Rect) -> None:
    m, pal = view.m, p.palette
    person = m.rules.people[who]
    p.panel(surface, rect)
    radius = 52 if len(view.people) == 1 else 34
    centre = (rect.centerx, rect.y + 16 + radius)
    speaking = m.rules.phase == "talk" and m.rules.speaker == who
    if speaking and not pal.high_contrast:
        pygame.draw.circle(surface, (236, 244, 250), centre, radius + 12)
    p.shape(surface, person.shape, centre, radius, p.colour(person.colour))
    draw_face(surface, p, centre, int(radius * 0.55), m.rules.mood_level(who))
    view.faces[who] = (centre, radius)
    y = centre[1] + radius + 10
    drawn = p.text(
        surface,
        m.kit.pick(person.name),
        (rect.centerx, y),
        20,
        bold=True,
        align="center",
        width=rect.w - 32,
    )
    drawn = p.text(
        surface,
        m.kit.pick(person.role),
        (rect.x + 16, drawn.bottom),
        17,
        colour=pal.muted,
        width=rect.w - 32,
    )
    meter(view, surface, p, who, pygame.Rect(rect.x + 16, drawn.bottom + 8, rect.w - 32, 0))


def header(view, surface, p, who: str, rect: pygame.Rect) -> None:
    m, pal = view.m, p.palette
    person = m.rules.people[who]
    p.panel(surface, rect)
    centre, radius = (rect.x + 52, rect.y + 56), 38
    p.shape(surface, person.shape, centre, radius, p.colour(person.colour))
    draw_face(surface, p, centre, int(radius * 0.55), m.rules.mood_level(who))
    view.faces[who] = (centre, radius)
    x, w = rect.x + 100, rect.w - 110
    drawn = p.text(surface, m.kit.pick(person.name), (x, rect.y + 12), 20, bold=True, width=w)
    drawn = p.text(
        surface, m.kit.pick(person.role), (x, drawn.bottom), 17, colour=pal.muted, width=w
    )
    meter(view, surface, p, who, pygame.Rect(x, drawn.bottom + 8, w, 0))


def meter(view, surface, p, who: str, rect: pygame.Rect) -> None:
    """Mood: a word, a bar with a goal mark and the numbers (the face is on the avatar)."""
    m, pal = view.m, p.palette
    mood, goal = m.rules.mood[who], m.rules.threshold
    drawn = p.text(
        surface,
        m.kit.t("dialogue.mood", mood=m.mood_word(who)),
        (rect.x, rect.y),
        19,
        bold=True,
        width=rect.w,
    )
    bar = pygame.Rect(rect.x, drawn.bottom + 6, rect.w, 22)
    pygame.draw.rect(surface, pal.panel, bar, border_radius=11)
    fill = bar.copy()
    fill.w = max(bar.h, int(bar.w * mood / 100))
    pygame.draw.rect(surface, pal.good if mood >= goal else pal.accent, fill, border_radius=11)
    pygame.draw.rect(
        surface, pal.panel_edge if not pal.high_contrast else pal.ink, bar, 2, border_radius=11
    )
    gx = bar.x + int(bar.w * goal / 100)
    pygame.draw.line(surface, pal.ink, (gx, bar.y - 4), (gx, bar.bottom + 4), 3)
    pygame.draw.polygon(
        surface,
        pal.ink,
        [(gx - 6, bar.bottom + 10), (gx + 6, bar.bottom + 10), (gx, bar.bottom + 3)],
    )
    p.text(
        surface,
        m.kit.t("dialogue.goal_mark", n=goal, mood=mood),
        (rect.x, bar.bottom + 12),
        16,
        colour=pal.muted,
        width=rect.w,
    )


def bubble(view, surface, p) -> None:
    m, pal = view.m, p.palette
    r = m.rules
    rect = view.bubble
    assert rect is not None, "drawn only on a layout with a bubble"
    p.panel(surface, rect, radius=24)
    who = r.speaker if r.phase == "talk" else "main"
    width = rect.w - 48
    p.text(
        surface,
        m.name_of(who),
        (rect.x + 24, rect.y + 16),
        18,
        bold=True,
        colour=pal.muted,
        width=width,
    )
    y = rect.y + 16 + p.line(18, True) + 8
    if r.react and r.picks:
        react = m.kit.pick(r.react)
        if len(r.people) > 1:
            react = m.kit.t("dialogue.says", name=m.name_of(r.last_who), line=react)
        drawn = p.text(surface, react, (rect.x + 24, y), 18, colour=pal.muted, width=width)
        y = drawn.bottom + 12
    said = r.history[-1][1] if r.phase == "end" else r.node.say
    p.text(surface, m.kit.pick(said), (rect.x + 24, y), 21, bold=True, width=width)


def thread(view, surface, p) -> None:
    m, pal = view.m, p.palette
    phone = view.phone
    assert phone is not None, "drawn only on the thread layout"
    frame = (44, 48, 70) if not pal.high_contrast else (0, 0, 0)
    pygame.draw.rect(surface, frame, phone, border_radius=34)
    pygame.draw.rect(surface, pal.panel_edge, phone, 2, border_radius=34)
    screen = phone.inflate(-28, -56)
    bg = (239, 242, 248) if not pal.high_contrast else (0, 0, 0)
    pygame.draw.rect(surface, bg, screen, border_radius=14)
    pygame.draw.rect(
        surface, (90, 96, 120), (phone.centerx - 40, phone.y + 14, 80, 8), border_radius=4
    )
    y = screen.bottom - 10
    you = m.kit.t("dialogue.you")
    w = screen.w - 60
    for who, said in reversed(m.rules.history):
        text = m.kit.pick(said)
        h = p.height(text, 18, w - 24) + p.line(14, True) + 14
        mine = who == "you"
        box = pygame.Rect(0, y - h, w, h)
        if box.y < screen.y + 6:
            break  # older messages scrolled off the top
        if mine:
            box.right = screen.right - 10
            fill, ink = ((58, 134, 255) if not pal.high_contrast else (0, 0, 0)), WHITE
        else:
            box.x = screen.x + 10
            fill, ink = pal.panel, pal.ink
        pygame.draw.rect(surface, fill, box, border_radius=14)
        pygame.draw.rect(
            surface,
            WHITE if pal.high_contrast else (pal.panel_edge if not mine else fill),
            box,
            2,
            border_radius=14,
        )
        p.text(
            surface,
            you if mine else m.name_of(who),
            (box.x + 12, box.y + 6),
            14,
            bold=True,
            colour=ink,
            width=w - 24,
        )
        p.text(
            surface,
            text,
            (box.x + 12, box.y + 8 + p.line(14, True)),
            18,
            colour=ink,
            width=w - 24,
        )
        y = box.y - 10


def whiteboard(view, surface, p) -> None:
    m, pal = view.m, p.palette
    rect = view.board
    assert rect is not None, "drawn only on the board layout"
    p.panel(surface, rect, fill=(250, 252, 250) if not pal.high_contrast else None, radius=10)
    pygame.draw.rect(
        surface,
        (150, 150, 160) if not pal.high_contrast else pal.ink,
        rect,
        6,
        border_radius=10,
    )
    p.text(
        surface,
        m.kit.t("dialogue.whiteboard"),
        (rect.x + 20, rect.y + 14),
        18,
        bold=True,
        colour=pal.muted,
        width=rect.w - 40,
    )
    node = m.rules.node
    board = node.board if node and node.board else Board()
    pies = list(board.pies)
    if not pies and m.rules.phase == "end":
        pies = [(1, 2), (2, 4)]
    top = rect.y + 14 + p.line(18, True) + 10
    radius = min(58, (rect.w - 40) // (2 * max(1, len(pies[:3]))) - 12)
    for k, (shaded, slices) in enumerate(pies[:3]):
        cx = rect.x + int(rect.w * (k + 1) / (len(pies[:3]) + 1))
        draw_pie(surface, p, (cx, top + radius), radius, shaded, slices)
    if board.text:
        text = m.kit.pick(board.text)
        if pies:
            y = top + 2 * radius + p.line(20, True) + 14
            p.text(surface, text, (rect.centerx, y), 20, align="center", width=rect.w - 40)
        else:  # the question alone, big, in the middle
            h = p.height(text, 32, rect.w - 40, True)
            p.text(
                surface,
                text,
                (rect.centerx, max(top, rect.centery - h // 2)),
                32,
                bold=True,
                align="center",
                width=rect.w - 40,
            )
    if not pies and not board.text:
        p.text(
            surface,
            "½ ⅓ ¼ ?",
            (rect.centerx, rect.centery - 20),
            44,
            bold=True,
            align="center",
            colour=pal.muted,
        )


def strip(view, surface, p) -> None:
    m, pal = view.m, p.palette
    r = m.rules
    rect = view.strip
    if r.phase == "end":
        good = r.moods_met()
        p.icon(
            surface,
            "check" if good else "cross",
            (rect.x + 18, rect.centery),
            24,
            pal.good if good else pal.bad,
        )
        p.text(
            surface,
            m.kit.t("dialogue.reached" if good else "dialogue.missed", n=r.threshold),
            (rect.x + 40, rect.y + 8),
            19,
            bold=True,
            width=rect.w - 44,
        )
        return
    node = r.node
    tip = node.tip if node and r.tips else None
    cue = r.picks > 0 and r.difficulty < 3
    if not tip and not cue:
        p.text(
            surface,
            m.kit.t("dialogue.pick_reply"),
            (rect.x + 4, rect.y + 8),
            18,
            colour=pal.muted,
            width=rect.w - 8,
        )
        return
    x = rect.x
    if cue:
        chip = pygame.Rect(x, rect.y, view.chip_w, min(rect.h, max(42, view.chip_h)))
        on_chip = mood_chip(surface, m, chip)
        ui_layout.label(
            p,
            surface,
            mood_word(m),
            (chip.x + 42, chip.centery),
            chip.w - 50,
            17,
            colour=on_chip,
            bold=True,
            box=chip,
        )
        x = chip.right + 12
    if tip:
        box = pygame.Rect(x, rect.y, rect.right - x, rect.h)
        fill = (255, 244, 220) if not pal.high_contrast else None
        p.panel(surface, box, fill=fill, radius=min(21, rect.h // 2), shadow=False)
        p.shape(surface, "star", (box.x + 22, box.y + 21), 11, pal.focus)
        p.text(
            surface,
            m.kit.t("dialogue.tip", tip=m.kit.pick(tip)),
            (box.x + 42, box.y + 8),
            17,
            width=box.w - 54,
        )


def options(view, surface, p) -> None:
    m, pal = view.m, p.palette
    r = m.rules
    if r.phase == "end":
        rect = view.option_rects[0]
        p.panel(surface, rect, fill=(232, 246, 238) if not pal.high_contrast else None, radius=14)
        p.icon(surface, "heart", (rect.x + 32, rect.centery), 26, pal.good)
        ui_layout.label(
            p,
            surface,
            m.kit.pick(m.params.goodbye),
            (rect.x + 60, rect.centery),
            rect.w - 80,
            20,
            bold=True,
            box=rect,
        )
        return
    for k, (index, reply) in enumerate(r.options):
        rect = view.option_rects[k]
        hinted = index == r.hint_reply
        spot = view.option_spots[k] if k < len(view.option_spots) else None
        hovered = bool(spot and getattr(spot, "hovered", False))
        fill = (
            (255, 244, 220)
            if hinted and not pal.high_contrast
            else ((246, 249, 255) if hovered and not pal.high_contrast else pal.panel)
        )
        p.panel(surface, rect, fill=fill, radius=14, edge=pal.focus if hinted else None)
        br = ui_layout.icon(p, 17)
        badge = (rect.x + 11 + br, rect.centery)
        pygame.draw.circle(surface, pal.accent, badge, br)
        p.text(
            surface,
            "ABCD"[k],
            (badge[0], badge[1] - p.line(19, True) // 2),
            19,
            bold=True,
            align="center",
            colour=(0, 0, 0) if pal.high_contrast else WHITE,
            box=rect,
        )
        x = rect.x + 2 * br + 22
        if reply.pie is not None:
            pr = 22
            draw_pie(
                surface,
                p,
                (x + pr + 4, rect.centery),
                pr,
                reply.pie[0],
                reply.pie[1],
                label=False,
            )
            x += 60
        right = rect.right - (view.hinted_w if hinted else 16)
        text = m.kit.pick(reply.text)
        h = p.height(text, 19, right - x)
        p.text(surface, text, (x, rect.centery - h // 2), 19, width=right - x, box=rect)
        if hinted:
            board_text.hint_mark(p, surface, rect)
