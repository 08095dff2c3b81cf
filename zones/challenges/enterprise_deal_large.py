"""The festival deals at large text: one scrolling column.

Called by ``FestivalDeal.build`` / ``FestivalDeal.draw`` when the text is larger than
100 % (``board_text.large``). Top to bottom: the plan (one row per need, as tall as its
wrapped name and booking), the money box (budget line, bar, days), then the phone table
(heading; the three supplier cards of the current need, each as tall as the longest
supplier's wrapped texts; or, while talking, the supplier's line, blurb, patience, the
offer buttons and *leave*; the feedback banner). Touches only the surface it is given.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text as bt
from zones.challenges.base import Action

GAP = 12


def _blurbs(m: Any, sid: str) -> list[str]:
    t, pick = m.kit.t, m.kit.pick
    blurb = pick(m.suppliers[sid]["blurb"])
    flex = [t("enterprise.deal.flex_exact", n=m._best_cut(sid))] + [
        t("enterprise.deal.flex_" + k) for k in ("none", "some", "lots")]
    return [t("enterprise.deal.gone"), blurb] + [f"{blurb} {f}" for f in flex]


def build(m: Any, area: pygame.Rect) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    lg: dict[str, Any] = {}
    m.large = lg
    icon = ui_layout.icon(p, 28)
    text_w = w - 32 - 58 - icon - 40
    names = [pick(s["name"]) for s in m.suppliers.values()]
    sub_h = max(ui_layout.tallest(p, names, text_w - 170, 17), p.line(18, True), p.line(17))
    y = area.y + 14 + ui_layout.text_h(p, t("enterprise.deal.plan"), w - 40, 22, True) + 12
    lg["rows"] = []
    for need in m.needs:
        h = ui_layout.text_h(p, pick(need["label"]), text_w, 19, True) + 8 + max(sub_h, ui_layout.text_h(
            p, t("enterprise.deal.not_booked"), text_w, 17)) + 20
        lg["rows"].append(pygame.Rect(x + 16, y, w - 32, h))
        y += h + 10
    budget = t("enterprise.deal.budget", spent=m.budget * 2, budget=m.budget)
    budget_h = ui_layout.label_h(p, budget, w - 32 - 28 - 28, 20, True)
    days_h = ui_layout.text_h(p, t("enterprise.deal.days", n=99), w - 60, 18, True)
    lg["money"] = pygame.Rect(x + 16, y + 6, w - 32, 12 + budget_h + 10 + 16 + 12 + days_h + 8 + 24 + 14)
    lg["budget_h"] = budget_h
    m.board = pygame.Rect(x, area.y, w, lg["money"].bottom + 16 - area.y)
    _build_table(m, area, m.board.bottom + 20)


def _build_table(m: Any, area: pygame.Rect, top: int) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    x, w = area.x, area.w
    lg = m.large
    heads = [t("enterprise.deal.choose", need=pick(n["label"])) for n in m.needs]
    heads += [t("enterprise.deal.talking", name=pick(s["name"])) for s in m.suppliers.values()]
    y = top + 18 + ui_layout.tallest(p, heads, w - 40, 21, True) + 14
    lg["body_y"] = y
    # supplier cards (choosing)
    card_w = w - 40
    price_w = max(p.font(20, True).size(t("enterprise.coins", n=s["price"]))[0] for s in m.suppliers.values()) + 40
    name_h = ui_layout.tallest(p, [pick(s["name"]) for s in m.suppliers.values()], card_w - 80 - price_w - 20, 20, True)
    stars_h = max(p.line(16), ui_layout.tallest(p, [t("enterprise.deal.stars", n=k) for k in (1, 2, 3)],
                                         card_w - 80 - 90, 16))
    blurb_h = max(ui_layout.tallest(p, _blurbs(m, sid), card_w - 40, 17) for sid in m.suppliers)
    card_h = 12 + max(name_h, p.line(20, True)) + 8 + stars_h + 12 + blurb_h + 14
    lg["card"] = {"name_h": name_h, "price_w": price_w}
    m.sup_btns = {}
    for need in m.needs:
        for k, sid in enumerate(m.order[need["id"]][:3]):
            r = (x + 20, y + k * (card_h + GAP), card_w, card_h)
            m.sup_btns[sid] = m.button(r, pick(m.suppliers[sid]["name"]), Action("choose", sid), custom=True)
    cards_bottom = y + 3 * (card_h + GAP)
    # talking
    lines = [t("enterprise.deal.asks", n=s["price"]) for s in m.suppliers.values()]
    lines += [t("enterprise.deal.counter", n=s["price"]) for s in m.suppliers.values()]
    bubble_w = w - 150
    lg["bubble"] = pygame.Rect(x + 130, y, bubble_w, max(96, ui_layout.tallest(p, ["“" + s + "”" for s in lines],
                                                                        bubble_w - 32, 20) + 24))
    ty = lg["bubble"].bottom + 12
    lg["blurb_y"] = ty
    ty += ui_layout.tallest(p, [pick(s["blurb"]) for s in m.suppliers.values()], w - 40, 17) + 12
    lg["patience_y"] = ty
    hearts = ui_layout.icon(p, 22) + 8
    ty += max(p.line(18, True), hearts) + 8 + hearts + 12
    labels = [t("enterprise.deal.accept", n=s["price"]) for s in m.suppliers.values()]
    labels += [t("enterprise.deal.offer", n=s["price"], cut=c) for s in m.suppliers.values() for c in m.cuts]
    cols = ui_layout.columns_for(p, 2, w - 40, 300)
    bw = (w - 40 - GAP * (cols - 1)) // cols
    bh = max(m.button_h(text, bw, icon=True, minimum=52) for text in labels)
    rects = ui_layout.grid([bh] * (len(m.cuts) + 1), x + 20, ty, w - 40, cols, 10)
    m.offer_btns = [m.button(r, "", Action("offer", str(k)), icon="coin", primary=k == 0)
                    for k, r in enumerate(rects)]
    ty = ui_layout.bottom(rects, ty) + 12
    leave = pygame.Rect(x + 20, ty, w - 40, m.button_h(t("enterprise.deal.leave"), w - 40, minimum=50))
    m.leave_btn = m.button(leave, t("enterprise.deal.leave"), Action("leave"))
    lg["feedback"] = pygame.Rect(x + 20, max(cards_bottom, leave.bottom + 12), w - 40, m.feedback_h())
    lg["done_feedback"] = pygame.Rect(x + 20, top + 20, w - 40, m.feedback_h())
    m.table = pygame.Rect(x, top, w, lg["feedback"].bottom + 16 - top)
    m.bottom = m.table.bottom


def draw(m: Any, surface: pygame.Surface) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    b, lg = m.board, m.large
    p.panel(surface, b, fill=p.colour("#E9D3A8") if not pal.high_contrast else pal.panel)
    p.text(surface, t("enterprise.deal.plan"), (b.x + 20, b.y + 14), 22, bold=True, width=b.w - 40, box=b)
    size = ui_layout.icon(p, 28)
    for i, (need, row) in enumerate(zip(m.needs, lg["rows"], strict=True)):
        current = i == m.need_i and not m.finished
        p.panel(surface, row, radius=12, shadow=False, edge=pal.focus if current else None)
        if current:
            pygame.draw.rect(surface, pal.focus, row, 3, border_radius=12)
            if need["id"] not in m.booked:
                bt.hint_mark(p, surface, row)
        p.icon(surface, need.get("icon", "folder"), (row.x + 16 + size // 2, row.y + 10 + p.line(19, True) // 2),
               size, pal.ink)
        x = row.x + 30 + size
        w = row.right - x - 40 - ui_layout.icon(p, 22)
        y = p.text(surface, pick(need["label"]), (x, row.y + 10), 19, bold=True, width=w, box=row).bottom + 8
        if need["id"] in m.booked:
            sid, price = m.booked[need["id"]]
            p.icon(surface, "check", (row.right - 14 - ui_layout.icon(p, 22) // 2, row.y + 22), ui_layout.icon(p, 22), pal.good)
            p.text(surface, pick(m.suppliers[sid]["name"]), (x, y), 17, width=w - 170, box=row)
            m.coins(surface, (row.right - 150, y), price, 18, label=str(price))
        else:
            p.text(surface, t("enterprise.deal.not_booked"), (x, y), 17, colour=pal.muted, width=w, box=row)
    _money(m, surface, lg["money"])
    _table(m, surface)
    m.draw_buttons(surface)


def _money(m: Any, surface: pygame.Surface, box: pygame.Rect) -> None:
    p, t = m.kit.painter, m.kit.t
    pal = p.palette
    p.panel(surface, box, radius=12, shadow=False)
    budget = t("enterprise.deal.budget", spent=m.spent, budget=m.budget)
    h = m.large["budget_h"]
    m.coins(surface, (box.x + 14, box.y + 12 + h // 2 - 12), 0, 20, label=budget, max_width=box.w - 28)
    bar = pygame.Rect(box.x + 14, box.y + 12 + h + 10, box.w - 28, 16)
    pygame.draw.rect(surface, pal.panel_edge, bar, border_radius=8)
    fill = bar.copy()
    fill.w = int(bar.w * min(1.0, m.spent / m.budget))
    pygame.draw.rect(surface, pal.bad if m.spent > m.budget else pal.accent, fill, border_radius=8)
    pygame.draw.rect(surface, pal.ink, bar, 1, border_radius=8)
    days = p.text(surface, t("enterprise.deal.days", n=max(0, m.days)), (box.x + 14, bar.bottom + 12), 18,
                  bold=True, width=box.w - 28, box=box)
    for k in range(max(0, m.days)):
        r = pygame.Rect(box.x + 14 + k * 30, days.bottom + 8, 24, 24)
        pygame.draw.rect(surface, pal.panel, r, border_radius=4)
        pygame.draw.rect(surface, pal.ink, r, 2, border_radius=4)
        pygame.draw.line(surface, pal.bad, (r.x, r.y + 6), (r.right - 1, r.y + 6), 4)


def _table(m: Any, surface: pygame.Surface) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    tb, lg = m.table, m.large
    p.panel(surface, tb)
    if m.finished:
        m.draw_feedback(surface, lg["done_feedback"])
        return
    if m.talking is None:
        p.text(surface, t("enterprise.deal.choose", need=pick(m.need["label"])), (tb.x + 20, tb.y + 18), 21,
               bold=True, width=tb.w - 40, box=tb)
        for sid, btn in m.sup_btns.items():
            if btn.spot.visible:
                _supplier(m, surface, sid, btn.spot.rect)
        m.draw_feedback(surface, lg["feedback"])
        return
    sup = m.suppliers[m.talking]
    p.text(surface, t("enterprise.deal.talking", name=pick(sup["name"])), (tb.x + 20, tb.y + 18), 21, bold=True,
           width=tb.w - 40, box=tb)
    bubble = lg["bubble"]
    p.shape(surface, sup["shape"], (tb.x + 70, bubble.centery), 40, p.colour(sup["colour"]))
    pygame.draw.rect(surface, p.colour("#FFF4DC") if not pal.high_contrast else pal.panel, bubble, border_radius=16)
    pygame.draw.rect(surface, pal.ink, bubble, 2, border_radius=16)
    p.text(surface, "“" + m.line + "”", (bubble.x + 16, bubble.y + 12), 20, width=bubble.w - 32, box=bubble)
    p.text(surface, pick(sup["blurb"]), (tb.x + 20, lg["blurb_y"]), 17, colour=pal.muted, width=tb.w - 40, box=tb)
    patience = p.text(surface, t("enterprise.deal.patience", n=max(0, m.patience)), (tb.x + 20, lg["patience_y"]),
                      18, bold=True, width=tb.w - 40, box=tb)
    size = ui_layout.icon(p, 22)
    for k in range(max(0, m.patience)):
        p.icon(surface, "heart", (tb.x + 20 + size // 2 + k * (size + 8), patience.bottom + 8 + size // 2), size,
               pal.bad)
    m.draw_feedback(surface, lg["feedback"])


def _supplier(m: Any, surface: pygame.Surface, sid: str, r: pygame.Rect) -> None:
    p, t, pick = m.kit.painter, m.kit.t, m.kit.pick
    pal = p.palette
    sup = m.suppliers[sid]
    gone = sid in m.gone
    card = m.large["card"]
    p.panel(surface, r, radius=14, shadow=False, fill=pal.panel_edge if gone else None)
    p.shape(surface, sup["shape"], (r.x + 40, r.y + 44), 24, p.colour(sup["colour"]))
    name_w = r.w - 80 - card["price_w"] - 20
    p.text(surface, pick(sup["name"]), (r.x + 80, r.y + 12), 20, bold=True, width=name_w, box=r)
    y = r.y + 12 + max(card["name_h"], p.line(20, True)) + 8
    for k in range(3):
        p.shape(surface, "star", (r.x + 92 + k * 26, y + p.line(16) // 2), 10,
                pal.focus if k < sup["stars"] else pal.panel_edge)
    stars = p.text(surface, t("enterprise.deal.stars", n=sup["stars"]), (r.x + 170, y), 16, colour=pal.muted,
                   width=r.w - 80 - 90, box=r)
    m.coins(surface, (r.right - card["price_w"], r.y + 12), sup["price"], 20)
    blurb = pick(sup["blurb"])
    if gone:
        blurb = t("enterprise.deal.gone")
    elif m.difficulty == 1:
        blurb += " " + t("enterprise.deal.flex_exact", n=m._best_cut(sid))
    elif m.difficulty == 2:
        blurb += " " + t("enterprise.deal.flex_" + ("none" if m._best_cut(sid) == 0 else "some"
                                                     if m._best_cut(sid) < m.cuts[-1] else "lots"))
    p.text(surface, blurb, (r.x + 20, max(stars.bottom, y + p.line(16)) + 12), 17, width=r.w - 40, box=r)
