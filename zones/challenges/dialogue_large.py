"""The dialogue screens at large text: one scrolling column, sized for the longest line.

Called by ``DialogueView.build`` and ``DialogueView.draw`` when the text is larger than
100 % (``board_text.large``). The conversation is a finite tree, so every box is made
as tall as the longest text it can ever show (what the person says and their reaction,
each reply, each tip), and nothing moves while playing. Top to bottom: the person (avatar,
name and role, mood word, bar and goal), the speech bubble (or the phone thread), the
whiteboard (``board`` layout), the cue-and-tip strip, the replies, the hint button.
Touches only the surface it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges.dialogue_draw import WHITE, draw_face, draw_pie, mood_chip, mood_word

GAP = 12


def _all_replies(m: Any) -> list[dict]:
    return [r for node in m.nodes for r in node["replies"]]


def build(view: Any, area: pygame.Rect) -> pygame.Rect:
    """Set the view's rects; returns the hint button's rect."""
    m = view.m
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    layout = m.params["layout"]
    person = m.params["person"]
    text_x = 16 + 2 * 46 + 24
    who_h = ui_layout.text_h(p, pick(person["name"]), w - text_x - 16, 22, True) + 4 + ui_layout.text_h(
        p, pick(person["role"]), w - text_x - 16, 17)
    mood_h = ui_layout.tallest(p, [t("dialogue.mood", mood=pick(word)) for word in m.params["moods"]], w - 32, 19, True)
    goal_h = ui_layout.tallest(p, [t("dialogue.goal_mark", n=m.threshold, mood=n) for n in (0, 50, 100)], w - 32, 16)
    view.large = {"who_h": max(who_h, 2 * 46), "mood_h": mood_h}
    view.person = pygame.Rect(x, area.y, w, 16 + view.large["who_h"] + 14 + mood_h + 8 + 22 + 16 + goal_h + 16)
    y = view.person.bottom + GAP
    says = [pick(node["say"]) for node in m.nodes] + [pick(m.params["end_good"]), pick(m.params["end_bad"])]
    reacts = [pick(r["react"]) for r in _all_replies(m)]
    inner = w - 48
    if layout == "thread":
        view.bubble = pygame.Rect(x, y, w, 640)
    else:
        name_h = p.line(18, True) + 12
        view.bubble = pygame.Rect(x, y, w, 16 + name_h + ui_layout.tallest(p, reacts, inner, 18) + 12
                                  + ui_layout.tallest(p, says, inner, 21, True) + 20)
    y = view.bubble.bottom + GAP
    view.board = None
    if layout == "board":
        texts = [pick(node["board"]["text"]) for node in m.nodes if "text" in (node.get("board") or {})]
        view.board = pygame.Rect(x, y, w, 14 + p.line(18, True) + 10 + 120 + 8 + p.line(20, True) + 12
                                 + ui_layout.tallest(p, texts, w - 40, 20) + 16)
        y = view.board.bottom + GAP
    chip_h = p.line(17, True) + 14
    tips = [t("dialogue.tip", tip=pick(node["tip"])) for node in m.nodes if node.get("tip")]
    ends = [t(k, n=m.threshold) for k in ("dialogue.reached", "dialogue.missed")] + [t("dialogue.pick_reply")]
    strip_h = max(chip_h + 8 + ui_layout.tallest(p, tips, w - 16 - 42 - 12, 17) + 16,
                  ui_layout.tallest(p, ends, w - 16 - ui_layout.icon(p, 24), 19, True) + 12)
    view.strip = pygame.Rect(x, y, w, strip_h)
    y = view.strip.bottom + GAP
    texts = [pick(r["text"]) for r in _all_replies(m)] + [pick(m.params["goodbye"])]
    hinted_w = p.font(16, True).size(t("dialogue.hinted"))[0] + 40
    pie = 2 * 26 + 20 if any("pie" in r for r in _all_replies(m)) else 0
    badge = max(17, p.line(19, True) // 2 + 2)
    option_h = ui_layout.tallest(p, texts, w - (28 + badge + 14) - pie - hinted_w - 16, 19) + 24
    option_h = max(option_h, 2 * 26 + p.line(16, True) + 24 if pie else 0, 2 * badge + 16)
    view.option_rects = [pygame.Rect(x, y + k * (option_h + GAP), w, option_h) for k in range(4)]
    y = view.option_rects[-1].bottom + GAP
    label = t("challenge.hint")
    hint = pygame.Rect(x, y, max(300, p.button_w(label)), max(52, p.button_h()))
    m.bottom = hint.bottom
    return hint


def draw(view: Any, surface: pygame.Surface, p) -> None:
    m = view.m
    _person(view, surface, p)
    if m.params["layout"] == "thread":
        _thread(view, surface, p)
    else:
        _bubble(view, surface, p)
    if view.board is not None:
        _whiteboard(view, surface, p)
    _strip(view, surface, p)
    _options(view, surface, p)


def _person(view: Any, surface: pygame.Surface, p) -> None:
    m, pal = view.m, p.palette
    person = m.params["person"]
    rect, lg = view.person, view.large
    p.panel(surface, rect)
    centre = (rect.x + 16 + 46, rect.y + 16 + 46)
    p.shape(surface, person["shape"], centre, 46, p.colour(person["colour"]))
    draw_face(surface, p, centre, int(46 * 0.55), min(3, m.mood // 25))
    x = rect.x + 16 + 2 * 46 + 24
    name = p.text(surface, m.kit.pick(person["name"]), (x, rect.y + 16), 22, bold=True, width=rect.right - 16 - x,
                  box=rect)
    p.text(surface, m.kit.pick(person["role"]), (x, name.bottom + 4), 17, colour=pal.muted,
           width=rect.right - 16 - x, box=rect)
    top = rect.y + 16 + lg["who_h"] + 14
    p.text(surface, m.kit.t("dialogue.mood", mood=m.mood_word()), (rect.x + 16, top), 19, bold=True,
           width=rect.w - 32, box=rect)
    bar = pygame.Rect(rect.x + 16, top + lg["mood_h"] + 8, rect.w - 32, 22)
    pygame.draw.rect(surface, pal.panel, bar, border_radius=11)
    fill = bar.copy()
    fill.w = max(bar.h, int(bar.w * m.mood / 100))
    pygame.draw.rect(surface, pal.good if m.mood >= m.threshold else pal.accent, fill, border_radius=11)
    pygame.draw.rect(surface, pal.panel_edge if not pal.high_contrast else pal.ink, bar, 2, border_radius=11)
    gx = bar.x + int(bar.w * m.threshold / 100)
    pygame.draw.line(surface, pal.ink, (gx, bar.y - 4), (gx, bar.bottom + 4), 3)
    pygame.draw.polygon(surface, pal.ink, [(gx - 6, bar.bottom + 10), (gx + 6, bar.bottom + 10), (gx, bar.bottom + 3)])
    p.text(surface, m.kit.t("dialogue.goal_mark", n=m.threshold, mood=m.mood), (rect.x + 16, bar.bottom + 16), 16,
           colour=pal.muted, width=rect.w - 32, box=rect)


def _bubble(view: Any, surface: pygame.Surface, p) -> None:
    m, pal = view.m, p.palette
    rect = view.bubble
    p.panel(surface, rect, radius=24)
    pts = [(rect.x + 60, rect.y + 2), (rect.x + 76, rect.y - 20), (rect.x + 92, rect.y + 2)]
    pygame.draw.polygon(surface, pal.panel, pts)
    pygame.draw.lines(surface, pal.panel_edge, False, pts, 2)
    p.text(surface, m.kit.pick(m.params["person"]["name"]), (rect.x + 24, rect.y + 16), 18, bold=True,
           colour=pal.muted, width=rect.w - 48, box=rect)
    y = rect.y + 16 + p.line(18, True) + 12
    if m.react and m.picks:
        y = p.text(surface, m.kit.pick(m.react), (rect.x + 24, y), 18, colour=pal.muted, width=rect.w - 48,
                   box=rect).bottom + 12
    said = m.history[-1][1] if m.phase == "end" else m.node["say"]
    p.text(surface, m.kit.pick(said), (rect.x + 24, y), 21, bold=True, width=rect.w - 48, box=rect)


def _thread(view: Any, surface: pygame.Surface, p) -> None:
    """The phone, newest message at the bottom; only whole messages are shown (older ones
    have scrolled off the top, as on a phone)."""
    m, pal = view.m, p.palette
    phone = view.bubble
    pygame.draw.rect(surface, (44, 48, 70) if not pal.high_contrast else (0, 0, 0), phone, border_radius=34)
    pygame.draw.rect(surface, pal.panel_edge, phone, 2, border_radius=34)
    screen = phone.inflate(-28, -56)
    pygame.draw.rect(surface, (239, 242, 248) if not pal.high_contrast else (0, 0, 0), screen, border_radius=14)
    pygame.draw.rect(surface, (90, 96, 120), (phone.centerx - 40, phone.y + 14, 80, 8), border_radius=4)
    y = screen.bottom - 10
    name, you = m.kit.pick(m.params["person"]["name"]), m.kit.t("dialogue.you")
    w = screen.w - 160
    for who, said in reversed(m.history):
        text = m.kit.pick(said)
        head = p.line(14, True) + 10
        h = head + p.height(text, 18, w - 24) + 12
        if y - h < screen.y + 6:
            break
        mine = who == "you"
        box = pygame.Rect(0, y - h, w, h)
        if mine:
            box.right = screen.right - 10
            fill, ink = ((58, 134, 255) if not pal.high_contrast else (0, 0, 0)), WHITE
        else:
            box.x, fill, ink = screen.x + 10, pal.panel, pal.ink
        pygame.draw.rect(surface, fill, box, border_radius=14)
        pygame.draw.rect(surface, WHITE if pal.high_contrast else (pal.panel_edge if not mine else fill), box, 2,
                         border_radius=14)
        p.text(surface, you if mine else name, (box.x + 12, box.y + 6), 14, bold=True, colour=ink, box=box)
        p.text(surface, text, (box.x + 12, box.y + head), 18, colour=ink, width=w - 24, box=box)
        y = box.y - 10


def _whiteboard(view: Any, surface: pygame.Surface, p) -> None:
    m, pal = view.m, p.palette
    rect = view.board
    p.panel(surface, rect, fill=(250, 252, 250) if not pal.high_contrast else None, radius=10)
    pygame.draw.rect(surface, (150, 150, 160) if not pal.high_contrast else pal.ink, rect, 6, border_radius=10)
    p.text(surface, m.kit.t("dialogue.whiteboard"), (rect.x + 20, rect.y + 14), 18, bold=True, colour=pal.muted,
           width=rect.w - 40, box=rect)
    board = (m.node or {}).get("board") or {}
    pies = board.get("pies") or []
    if not pies and m.phase == "end":
        pies = [[1, 2], [2, 4]]
    cy = rect.y + 14 + p.line(18, True) + 10 + 60
    for k, (shaded, slices) in enumerate(pies[:3]):
        draw_pie(surface, p, (rect.x + int(rect.w * (k + 1) / (len(pies[:3]) + 1)), cy), 60, shaded, slices)
    below = cy + 60 + 8 + p.line(20, True) + 12
    if "text" in board:
        p.text(surface, m.kit.pick(board["text"]), (rect.centerx, below), 20, align="center", width=rect.w - 40,
               box=rect)
    if not pies and "text" not in board:
        p.text(surface, "½ ⅓ ¼ ?", (rect.centerx, cy - p.line(44, True) // 2), 44, bold=True, align="center",
               colour=pal.muted, box=rect)


def _strip(view: Any, surface: pygame.Surface, p) -> None:
    m, pal = view.m, p.palette
    rect = view.strip
    if m.phase == "end":
        good = m.mood >= m.threshold
        size = ui_layout.icon(p, 24)
        p.icon(surface, "check" if good else "cross", (rect.x + 4 + size // 2, rect.y + 6 + p.line(19, True) // 2),
               size, pal.good if good else pal.bad)
        p.text(surface, m.kit.t("dialogue.reached" if good else "dialogue.missed", n=m.threshold),
               (rect.x + 12 + size, rect.y + 6), 19, bold=True, width=rect.w - 16 - size, box=rect)
        return
    node = m.node
    tip = node.get("tip") if node and m.difficulty == 1 else None
    cue = m.picks > 0 and m.difficulty < 3
    if not tip and not cue:
        p.text(surface, m.kit.t("dialogue.pick_reply"), (rect.x + 4, rect.y + 6), 18, colour=pal.muted,
               width=rect.w - 8, box=rect)
        return
    y = rect.y
    if cue:
        label = mood_word(m)
        chip = pygame.Rect(rect.x, y, 42 + p.font(17, True).size(label)[0] + 20, p.line(17, True) + 14)
        on_chip = mood_chip(surface, m, chip)
        p.text(surface, label, (chip.x + 42, chip.y + 7), 17, colour=on_chip, bold=True, box=chip)
        y = chip.bottom + 8
    if tip:
        box = pygame.Rect(rect.x, y, rect.w, rect.bottom - y)
        p.panel(surface, box, fill=(255, 244, 220) if not pal.high_contrast else None, radius=18, shadow=False)
        p.shape(surface, "star", (box.x + 22, box.y + 8 + p.line(17) // 2), 11, pal.focus)
        p.text(surface, m.kit.t("dialogue.tip", tip=m.kit.pick(tip)), (box.x + 42, box.y + 8), 17,
               width=box.w - 54, box=box)


def _options(view: Any, surface: pygame.Surface, p) -> None:
    m, pal = view.m, p.palette
    if m.phase == "end":
        rect = view.option_rects[0]
        p.panel(surface, rect, fill=(232, 246, 238) if not pal.high_contrast else None, radius=14)
        size = ui_layout.icon(p, 26)
        p.icon(surface, "heart", (rect.x + 12 + size // 2, rect.centery), size, pal.good)
        text = m.kit.pick(m.params["goodbye"])
        w = rect.w - 36 - size
        p.text(surface, text, (rect.x + 24 + size, rect.centery - p.height(text, 20, w, True) // 2), 20, bold=True,
               width=w, box=rect)
        return
    for k, (index, reply) in enumerate(m.options):
        rect = view.option_rects[k]
        hinted = index == m.hint_reply
        spot = view.option_spots[k] if k < len(view.option_spots) else None
        hovered = bool(spot and getattr(spot, "hovered", False))
        fill = (255, 244, 220) if hinted and not pal.high_contrast else (
            (246, 249, 255) if hovered and not pal.high_contrast else pal.panel)
        p.panel(surface, rect, fill=fill, radius=14, edge=pal.focus if hinted else None)
        badge = (rect.x + 28, rect.centery)
        pygame.draw.circle(surface, pal.accent, badge, max(17, p.line(19, True) // 2 + 2))
        p.text(surface, "ABCD"[k], (badge[0], badge[1] - p.line(19, True) // 2), 19, bold=True, align="center",
               colour=(0, 0, 0) if pal.high_contrast else WHITE)
        x = rect.x + 28 + max(17, p.line(19, True) // 2 + 2) + 14
        if "pie" in reply:
            pr = 26
            draw_pie(surface, p, (x + pr + 4, rect.centery - p.line(16, True) // 2), pr, reply["pie"][0],
                     reply["pie"][1], label=False)
            p.text(surface, f"{reply['pie'][0]}/{reply['pie'][1]}", (x + pr + 4, rect.centery + pr // 2 + 2), 16,
                   bold=True, align="center", box=rect)
            x += 2 * pr + 20
        hinted_w = p.font(16, True).size(m.kit.t("dialogue.hinted"))[0] + 40
        right = rect.right - hinted_w - 16
        text = m.kit.pick(reply["text"])
        p.text(surface, text, (x, rect.centery - p.height(text, 19, right - x) // 2), 19, width=right - x, box=rect)
        if hinted:
            p.shape(surface, "star", (right + 14, rect.centery), 12, pal.focus)
            p.text(surface, m.kit.t("dialogue.hinted"), (right + 30, rect.centery - p.line(16, True) // 2), 16,
                   bold=True, box=rect)
