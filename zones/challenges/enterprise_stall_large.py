"""The market stall at large text: one scrolling column.

Called by ``MarketStall.build`` / ``MarketStall.draw`` when the text is larger than 100 %
(``board_text.large``). Top to bottom: the stall (awning with the round, product cards
in as many columns as fit, each as tall as its wrapped texts and buttons, the help line,
the legend and the feedback banner), then the side panel across the width (coins,
profit and clock; the round's news sized for the longest round; the customer; the price
*open the stall*; the customer; the price or *sorry* buttons). Touches only the surface it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text as bt
from zones.challenges.base import Action

GAP = 16


def _forecasts(m: Any) -> list[str]:
    """The forecast line of every round (it depends on the round's queue)."""
    texts, now = [], m.round
    try:
        for r in range(len(m.rounds)):
            m.round = r
            texts.append(m._forecast())
    finally:
        m.round = now
    return texts


def build(m: Any, area: pygame.Rect) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    lg: dict[str, Any] = {}
    m.large = lg
    lg["awning_h"] = max(64, p.line(20, True) + 28)
    n = len(m.order)
    cols = ui_layout.columns_for(p, n, w - 40, 180)
    card_w = (w - 40 - GAP * (cols - 1)) // cols
    inner = card_w - 24
    buy = t("enterprise.stall.buy_short")
    btn_h = m.button_h(buy, card_w - 70, icon=True)
    heights = []
    for pid in m.order:
        prod = m.products[pid]
        prices = " / ".join(str(v) for v in prod["prices"])
        heights.append(16 + 56 + ui_layout.text_h(p, pick(prod["label"]), inner, 20, True) + 8
                       + ui_layout.tallest(p, [t("enterprise.stall.in_stock", n=k) for k in (0, 10, 99)], inner, 18) + 8
                       + 18 + 12 + ui_layout.label_h(p, t("enterprise.stall.cost", n=prod["cost"]), inner - 26, 18, True) + 10
                       + ui_layout.label_h(p, t("enterprise.stall.prices", prices=prices), inner, 17) + 12 + btn_h + 12)
    m.stall = pygame.Rect(x, area.y, w, 0)
    cards = ui_layout.grid(heights, x + 20, area.y + lg["awning_h"] + 20, w - 40, cols, GAP)
    m.buy_btns, m.back_btns, m.cards = {}, {}, {}
    for pid, card in zip(m.order, cards, strict=True):
        m.cards[pid] = card
        label = pick(m.products[pid]["label"])
        m.buy_btns[pid] = m.button((card.x + 10, card.bottom - btn_h - 12, card.w - 70, btn_h), buy,
                                   Action("buy", pid), icon="coin")
        m.buy_btns[pid].spot.label = t("enterprise.stall.buy", item=label)
        m.back_btns[pid] = m.button((card.right - 54, card.bottom - btn_h - 12, 44, btn_h), "−", Action("unbuy", pid))
        m.back_btns[pid].spot.label = t("enterprise.stall.unbuy", item=label)
    y = ui_layout.bottom(cards, area.y) + 16
    lg["shelf_y"] = y
    y += 28
    lg["help_y"] = y
    y += ui_layout.tallest(p, [t("enterprise.stall.stock_help"), t("enterprise.stall.serve_help")], w - 48, 18) + 12
    if m.difficulty == 1:
        moods = [pick(md["label"]) for md in m.params["moods"]]
        lg["legend_y"] = y
        y += ui_layout.text_h(p, t("enterprise.stall.legend", low=moods[0], mid=moods[1], top=moods[2]), w - 48, 17) + 12
    lg["feedback"] = pygame.Rect(x + 20, y, w - 40, m.feedback_h())
    m.stall.h = lg["feedback"].bottom + 16 - area.y
    _build_side(m, area, m.stall.bottom + 20)


def _build_side(m: Any, area: pygame.Rect, top: int) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    lg = m.large
    y = top + 16 + p.line(24, True) + 8
    lg["profit_y"] = y
    y += ui_layout.tallest(p, [t("enterprise.stall.profit", n=-999, target=m.target)], w - 36 - 160, 18, True) + 12
    inner = w - 32 - 24
    forecasts = _forecasts(m)
    news_h = max(ui_layout.text_h(p, pick(r["label"]), inner, 18, True) + 6 + ui_layout.text_h(p, pick(r["news"]), inner, 17) + 8
                 + ui_layout.text_h(p, f, inner, 17) for r, f in zip(m.rounds, forecasts, strict=True)) + 20
    lg["news"] = pygame.Rect(x + 16, y, w - 32, news_h)
    y = lg["news"].bottom + 10
    opener = pygame.Rect(x + 16, y, w - 32, m.button_h(t("enterprise.stall.open"), w - 32, minimum=50))
    m.open_btn = m.button(opener, t("enterprise.stall.open"), Action("open"), primary=True)
    y = opener.bottom + 12
    quotes = ["“" + pick(prod["ask"]) + " " + pick(md["line"]) + "”"
              for prod in m.products.values() for md in m.params["moods"]]
    text_w = w - 32 - 100
    box_h = max(ui_layout.tallest(p, [pick(md["label"]) for md in m.params["moods"]], text_w, 18, True) + 6
                + ui_layout.tallest(p, quotes, text_w, 17), 100) + 20 + p.line(17) + 12
    lg["customer"] = pygame.Rect(x + 16, y, w - 32, box_h)
    y = lg["customer"].bottom + 12
    labels = [t("enterprise.stall.sell_for", n=v) for prod in m.products.values() for v in prod["prices"]]
    cols = ui_layout.columns_for(p, 3, w - 32, 200)
    price_w = (w - 32 - 12 * (cols - 1)) // cols
    price_h = max(m.button_h(text, price_w, icon=True, minimum=48) for text in labels)
    rects = ui_layout.grid([price_h] * 3, x + 16, y, w - 32, cols, 12)
    m.price_btns = [m.button(r, "", Action("sell", str(k)), icon="coin") for k, r in enumerate(rects)]
    y = ui_layout.bottom(rects, y) + 12
    one = pygame.Rect(x + 16, y, w - 32, m.button_h(t("enterprise.stall.sorry"), w - 32, minimum=50))
    m.sorry_btn = m.button(one, t("enterprise.stall.sorry"), Action("sorry"))
    m.side = pygame.Rect(x, top, w, one.bottom + 16 - top)
    m.bottom = m.side.bottom


def draw(m: Any, surface: pygame.Surface) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    lg, stall = m.large, m.stall
    p.panel(surface, stall)
    awning = pygame.Rect(stall.x, stall.y, stall.w, lg["awning_h"])
    stripes = ((214, 69, 65), (255, 255, 255)) if not pal.high_contrast else (pal.ink, pal.panel)
    clip = surface.get_clip()
    surface.set_clip(awning)
    for k, sx in enumerate(range(awning.x, awning.right, 48)):
        pygame.draw.rect(surface, stripes[k % 2], (sx, awning.y, 48, awning.h), border_top_left_radius=18 if k == 0
                         else 0)
    surface.set_clip(clip)
    for sx in range(awning.x + 24, awning.right, 48):
        pygame.draw.circle(surface, stripes[0], (sx, awning.bottom), 12)
    pygame.draw.rect(surface, pal.ink, awning, 2, border_top_left_radius=18, border_top_right_radius=18)
    title = t("enterprise.stall.round", n=min(m.round + 1, len(m.rounds)), total=len(m.rounds))
    tag = pygame.Rect(awning.x + 16, awning.y + 14, p.font(20, True).size(title)[0] + 28, p.line(20, True) + 8)
    pygame.draw.rect(surface, pal.panel, tag, border_radius=10)
    p.text(surface, title, (tag.x + 14, tag.y + 4), 20, bold=True, box=tag)
    for pid, card in m.cards.items():
        _card(m, surface, pid, card)
    pygame.draw.rect(surface, p.colour("#B07A4A"), (stall.x + 20, lg["shelf_y"], stall.w - 40, 14), border_radius=6)
    if not m.finished:
        hint = t("enterprise.stall.stock_help") if m.phase == "stock" else t("enterprise.stall.serve_help")
        p.text(surface, hint, (stall.x + 24, lg["help_y"]), 18, colour=pal.muted, width=stall.w - 48, box=stall)
        if m.difficulty == 1:
            moods = [pick(md["label"]) for md in m.params["moods"]]
            p.text(surface, t("enterprise.stall.legend", low=moods[0], mid=moods[1], top=moods[2]),
                   (stall.x + 24, lg["legend_y"]), 17, width=stall.w - 48, box=stall)
    m.draw_feedback(surface, lg["feedback"])
    _side(m, surface)
    m.draw_buttons(surface)


def _card(m: Any, surface: pygame.Surface, pid: str, card: pygame.Rect) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    prod = m.products[pid]
    cust = m.customer
    wanted = cust is not None and cust[0] == pid
    p.panel(surface, card, radius=14, shadow=False, edge=pal.focus if wanted else None)
    if wanted:
        pygame.draw.rect(surface, pal.focus, card, 4, border_radius=14)
        bt.hint_mark(p, surface, card)
    p.shape(surface, prod["shape"], (card.centerx, card.y + 44), 28, p.colour(prod["colour"]))
    inner = card.w - 24
    y = p.text(surface, pick(prod["label"]), (card.x + 12, card.y + 16 + 56), 20, bold=True, width=inner,
               box=card).bottom + 8
    y = p.text(surface, t("enterprise.stall.in_stock", n=m.stock[pid]), (card.x + 12, y), 18, width=inner,
               box=card).bottom + 8
    for k in range(min(m.stock[pid], 10)):
        r = pygame.Rect(card.x + 12 + (k % 10) * 18, y + 2, 14, 14)
        pygame.draw.rect(surface, p.colour(prod["colour"]), r, border_radius=3)
        pygame.draw.rect(surface, pal.ink, r, 1, border_radius=3)
    y += 18 + 12
    cost = t("enterprise.stall.cost", n=prod["cost"])
    cost_h = ui_layout.label_h(p, cost, inner - 26, 18, True)
    m.coins(surface, (card.x + 12, y + cost_h // 2 - 11), prod["cost"], 18, label=cost, max_width=inner)
    prices = " / ".join(str(v) for v in prod["prices"])
    p.text(surface, t("enterprise.stall.prices", prices=prices), (card.x + 12, y + cost_h + 10), 17,
           colour=pal.muted, width=inner, box=card)


def _side(m: Any, surface: pygame.Surface) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    s, lg = m.side, m.large
    p.panel(surface, s)
    m.coins(surface, (s.x + 18, s.y + 16), m.coins_now, 24)
    good = m.profit >= m.target
    x = s.x + 18
    if good:
        size = ui_layout.icon(p, 20)
        p.icon(surface, "check", (x + size // 2, lg["profit_y"] + p.line(18, True) // 2), size, pal.good)
        x += size + 8
    p.text(surface, t("enterprise.stall.profit", n=m.profit, target=m.target), (x, lg["profit_y"]), 18,
           colour=pal.good if good else pal.ink, bold=True, width=s.right - 160 - x, box=s)
    m.draw_clock(surface, (s.right - 140, s.y + 20, 120, 22))
    if m.finished:
        return
    news = lg["news"]
    rnd = m.rounds[m.round]
    pygame.draw.rect(surface, p.colour("#FFF4DC") if not pal.high_contrast else pal.panel, news, border_radius=12)
    pygame.draw.rect(surface, pal.panel_edge, news, 2, border_radius=12)
    y = p.text(surface, pick(rnd["label"]), (news.x + 12, news.y + 8), 18, bold=True, width=news.w - 24,
               box=news).bottom + 6
    y = p.text(surface, pick(rnd["news"]), (news.x + 12, y), 17, width=news.w - 24, box=news).bottom + 8
    if m.phase == "stock":
        p.text(surface, m._forecast(), (news.x + 12, y), 17, colour=pal.muted, width=news.w - 24, box=news)
        return
    cust = m.customer
    if cust is None:
        return
    pid, pays = cust
    mood = m.params["moods"][pays]
    box = lg["customer"]
    p.panel(surface, box, radius=14, shadow=False)
    face = (box.x + 44, box.y + 48)
    pygame.draw.circle(surface, p.colour(["#8ECAE6", "#FFB703", "#90BE6D"][pays]), face, 30)
    pygame.draw.circle(surface, pal.ink, face, 30, 2)
    for dx in (-10, 10):
        pygame.draw.circle(surface, pal.ink, (face[0] + dx, face[1] - 8), 4)
    pygame.draw.arc(surface, pal.ink, pygame.Rect(face[0] - 12, face[1] + 2, 24, 14), 3.5, 5.9, 3)
    p.icon(surface, "coin", (face[0] + 28, face[1] + 26), 18 + 4 * pays, pal.ink)
    y = p.text(surface, pick(mood["label"]), (box.x + 88, box.y + 12), 18, bold=True, width=box.w - 100,
               box=box).bottom + 6
    p.text(surface, "“" + pick(m.products[pid]["ask"]) + " " + pick(mood["line"]) + "”", (box.x + 88, y), 17,
           width=box.w - 100, box=box)
    left = len(m.queue) - m._round_pos - 1
    if left > 0:
        wait_y = box.bottom - 12 - p.line(17)
        p.text(surface, t("enterprise.stall.waiting", n=left), (box.x + 12, wait_y), 17, colour=pal.muted,
               width=box.w - 140, box=box)
        for k in range(min(left, 5)):
            pygame.draw.circle(surface, pal.muted, (box.right - 20 - k * 22, wait_y + p.line(17) // 2), 8, 2)
