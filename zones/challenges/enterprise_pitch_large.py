"""The app pitch at large text: one scrolling column.

Called by ``AppPitch.build`` / ``AppPitch.draw`` when the text is larger than 100 %
(``board_text.large``). Top to bottom: the investors (cards in as many columns as fit,
each as tall as its wrapped name, status, pledge and bio), the deck (the heading sized
for its longest wording, then the idea, argument or ask buttons of the phase, all in the
same place, each as tall as its wrapped label), and the side panel across the width
(chosen idea, clock, pledge line, feedback banner). Touches only the surface it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges.base import Action

GAP = 16


def _buttons(m: Any, labels: list[str], x: int, y: int, w: int, icon: bool) -> list[pygame.Rect]:
    cols = ui_layout.columns_for(m.kit.painter, 2, w, 300)
    bw = (w - 20 * (cols - 1)) // cols
    h = max([m.button_h(text, bw, icon=icon, minimum=52) for text in labels], default=52)
    return ui_layout.grid([h] * len(labels), x, y, w, cols, 10)


def build(m: Any, area: pygame.Rect) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    lg: dict[str, Any] = {}
    m.large = lg
    n = len(m.investors)
    cols = ui_layout.columns_for(p, n, w, 250)
    card_w = (w - GAP * (cols - 1)) // cols
    text_w = card_w - 96 - 14 - (34 * 3 + 10 if m.difficulty == 1 else 0)
    status = [t(k) for k in ("enterprise.pitch.status_yes", "enterprise.pitch.status_no",
                             "enterprise.pitch.status_listening", "enterprise.pitch.status_waiting")]
    heights = []
    for inv in m.investors:
        top = (ui_layout.text_h(p, pick(inv["name"]), text_w, 20, True) + 6
               + ui_layout.tallest(p, status, text_w - ui_layout.icon(p, 18) - 8, 17, True) + 6
               + ui_layout.label_h(p, t("enterprise.pitch.could_invest", n=inv["pledge"]), text_w - 25, 17, True))
        heights.append(14 + max(90, top) + 12 + ui_layout.text_h(p, pick(inv["bio"]), card_w - 32, 17) + 16)
    m.inv_rects = ui_layout.grid(heights, x, area.y, w, cols, GAP)
    lg["text_w"] = text_w
    y = ui_layout.bottom(m.inv_rects, area.y) + 20
    names = [pick(inv["name"]) for inv in m.investors]
    heads = [t("enterprise.pitch.choose_idea"), t("enterprise.pitch.choose_ask"), t("enterprise.pitch.finished")]
    heads += [t("enterprise.pitch.choose_argument", name=name) for name in names]
    lg["head_h"] = ui_layout.tallest(p, heads, w - 40, 21, True)
    top = y + 16 + lg["head_h"] + 16
    ideas = m.params["ideas"][:4]
    rects = _buttons(m, [pick(i["label"]) for i in ideas], x + 20, top, w - 40, False)
    m.idea_btns = [m.button(r, pick(i["label"]), Action("idea", i["id"]), shape=i["shape"], colour=i["colour"])
                   for i, r in zip(ideas, rects, strict=True)]
    bottom = ui_layout.bottom(rects, top)
    icon = m.difficulty < 3
    rects = _buttons(m, [pick(a["label"]) for a in m.arguments], x + 20, top, w - 40, icon)
    m.arg_btns = [m.button(r, pick(a["label"]), Action("argue", a["id"]),
                           icon=m.interests[a["interest"]]["icon"] if icon else "")
                  for a, r in zip(m.arguments, rects, strict=True)]
    bottom = max(bottom, ui_layout.bottom(rects, top))
    asks = m.params["asks"][:8]
    rects = _buttons(m, [t("enterprise.pitch.ask_for", n=a) for a in asks], x + 20, top, w - 40, True)
    m.ask_btns = [m.button(r, t("enterprise.pitch.ask_for", n=a), Action("ask", str(a)), icon="coin")
                  for a, r in zip(asks, rects, strict=True)]
    bottom = max(bottom, ui_layout.bottom(rects, top), top + m.feedback_h())
    lg["done_feedback"] = pygame.Rect(x + 20, top, w - 40, m.feedback_h())
    m.deck = pygame.Rect(x, y, w, bottom + 16 - y)
    side_y = m.deck.bottom + 20
    idea_h = ui_layout.tallest(p, [pick(i["label"]) for i in ideas], w - 76, 18, True)
    lg["clock_y"] = side_y + 16 + idea_h + 12
    lines = [t("enterprise.pitch.pledged", n=sum(inv["pledge"] for inv in m.investors)), t("enterprise.pitch.add_up")]
    lg["pledge_y"] = lg["clock_y"] + 22 + 16
    lg["feedback"] = pygame.Rect(x + 12, lg["pledge_y"] + ui_layout.tallest(p, lines, w - 36 - 28, 20, True) + 16, w - 24,
                                 m.feedback_h())
    m.side = pygame.Rect(x, side_y, w, lg["feedback"].bottom + 12 - side_y)
    m.bottom = m.side.bottom


def draw(m: Any, surface: pygame.Surface) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    lg = m.large
    for i, rect in enumerate(m.inv_rects):
        _investor(m, surface, i, rect)
    d = m.deck
    p.panel(surface, d)
    head = {"idea": "enterprise.pitch.choose_idea", "pitch": "enterprise.pitch.choose_argument",
            "ask": "enterprise.pitch.choose_ask", "done": "enterprise.pitch.finished"}[m.phase]
    name = pick(m.investors[min(m.current, len(m.investors) - 1)]["name"])
    p.text(surface, t(head, name=name), (d.x + 20, d.y + 16), 21, bold=True, width=d.w - 40, box=d)
    if m.phase == "done":
        m.draw_feedback(surface, lg["done_feedback"])
    m.draw_buttons(surface)
    s = m.side
    p.panel(surface, s)
    if m.idea:
        p.shape(surface, m.idea["shape"], (s.x + 34, s.y + 16 + p.line(18, True) // 2), 16, p.colour(m.idea["colour"]))
        p.text(surface, pick(m.idea["label"]), (s.x + 60, s.y + 16), 18, bold=True, width=s.w - 76, box=s)
    m.draw_clock(surface, (s.x + 110, lg["clock_y"], s.w - 130, 22))
    if m.difficulty == 1:
        text = t("enterprise.pitch.pledged", n=m.pledged)
        h = ui_layout.label_h(p, text, s.w - 36 - 28, 20, True)
        m.coins(surface, (s.x + 18, lg["pledge_y"] + h // 2 - 12), m.pledged, 20, label=text, max_width=s.w - 36)
    else:
        p.text(surface, t("enterprise.pitch.add_up"), (s.x + 18, lg["pledge_y"]), 18, colour=pal.muted,
               width=s.w - 36, box=s)
    if m.phase != "done":
        m.draw_feedback(surface, lg["feedback"])


def _investor(m: Any, surface: pygame.Surface, i: int, rect: pygame.Rect) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    inv = m.investors[i]
    active = m.phase == "pitch" and i == m.current
    p.panel(surface, rect, radius=16, edge=pal.focus if active else None)
    if active:
        pygame.draw.rect(surface, pal.focus, rect, 4, border_radius=16)
    face = (rect.x + 50, rect.y + 56)
    p.shape(surface, inv["shape"], face, 34, p.colour(inv["colour"]))
    st = m.status[i]
    for dx in (-10, 10):
        pygame.draw.circle(surface, pal.ink, (face[0] + dx, face[1] - 6), 4)
    mouth = pygame.Rect(face[0] - 12, face[1] + 2, 24, 14)
    if st == "yes":
        pygame.draw.arc(surface, pal.ink, mouth, 3.5, 5.9, 3)
    elif st == "no":
        pygame.draw.arc(surface, pal.ink, mouth.move(0, 8), 0.4, 2.7, 3)
    else:
        pygame.draw.line(surface, pal.ink, (mouth.x + 2, mouth.y + 8), (mouth.right - 2, mouth.y + 8), 3)
    x, w = rect.x + 96, m.large["text_w"]
    y = p.text(surface, pick(inv["name"]), (x, rect.y + 14), 20, bold=True, width=w, box=rect).bottom + 6
    words = {"yes": "enterprise.pitch.status_yes", "no": "enterprise.pitch.status_no"}.get(
        st, "enterprise.pitch.status_listening" if active else "enterprise.pitch.status_waiting")
    colour = pal.good if st == "yes" else pal.bad if st == "no" else pal.muted
    sx = x
    if st in ("yes", "no"):
        size = ui_layout.icon(p, 18)
        p.icon(surface, "check" if st == "yes" else "cross", (x + size // 2, y + p.line(17, True) // 2), size, colour)
        sx += size + 8
    y = p.text(surface, t(words), (sx, y), 17, colour=colour, bold=True, width=w - (sx - x), box=rect).bottom + 6
    if st == "yes" or m.difficulty < 3:
        text = t("enterprise.pitch.could_invest", n=inv["pledge"])
        h = ui_layout.label_h(p, text, w - 25, 17, True)
        m.coins(surface, (x, y + h // 2 - 11), inv["pledge"], 17, label=text, max_width=w)
        y += h
    bio_y = max(rect.y + 14 + 90, y) + 12
    p.text(surface, pick(inv["bio"]), (rect.x + 16, bio_y), 17, width=rect.w - 32, box=rect)
    if m.difficulty == 1:
        for k, want in enumerate(m.wants[i]):
            c = (rect.right - 28 - k * 34, rect.y + 28)
            p.icon(surface, m.interests[want]["icon"], c, 26, pal.ink)
            if want in m.hits[i]:
                p.icon(surface, "check", (c[0] + 8, c[1] + 12), 14, pal.good)
