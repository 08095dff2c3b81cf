"""Drawing of the market stall (``enterprise_stall``): the stall with its product cards
and the side panel with the news and the customer.

Called by :class:`zones.challenges.enterprise_stall.StallGame`: ``draw_board`` inside its
cached layer, ``draw_patience`` and ``draw_motion`` every frame over it. Reads the view's
state and the rects its ``build`` laid out, draws on the surface it is given and changes
nothing else.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text


def draw_board(view: Any, surface: pygame.Surface) -> None:
    """The stall (awning, round tag, product cards, shelf, help, legend, feedback), the
    side panel and the buttons."""
    p = view.kit.painter
    pal = p.palette
    hc = pal.high_contrast
    p.panel(surface, view.stall)
    awning = pygame.Rect(view.stall.x, view.stall.y, view.stall.w, view.awning_h)
    stripes = ((214, 69, 65), (255, 255, 255)) if not hc else (pal.ink, pal.panel)
    clip = surface.get_clip()
    surface.set_clip(awning)
    for k, x in enumerate(range(awning.x, awning.right, 48)):
        pygame.draw.rect(
            surface,
            stripes[k % 2],
            (x, awning.y, 48, awning.h),
            border_top_left_radius=18 if k == 0 else 0,
        )
    surface.set_clip(clip)
    for x in range(awning.x + 24, awning.right, 48):
        pygame.draw.circle(surface, stripes[0], (x, awning.bottom), 12)
    pygame.draw.rect(
        surface, pal.ink, awning, 2, border_top_left_radius=18, border_top_right_radius=18
    )
    title = view.kit.t(
        "enterprise.stall.round",
        n=min(view.round + 1, len(view.rounds)),
        total=len(view.rounds),
    )
    tag = pygame.Rect(
        awning.x + 16,
        awning.y + 14,
        p.font(20, True).size(title)[0] + 28,
        ui_layout.grow(36, p.line(20, True) + 8),
    )
    pygame.draw.rect(surface, pal.panel, tag, border_radius=10)
    p.text(surface, title, (tag.x + 14, tag.y + 6), 20, bold=True, box=tag)
    for pid, card in view.cards.items():
        _draw_card(view, surface, pid, card)
    st = view.stall
    pygame.draw.rect(
        surface, p.colour("#B07A4A"), (st.x + 20, view.shelf_y, st.w - 40, 14), border_radius=6
    )
    hint = (
        view.kit.t("enterprise.stall.stock_help")
        if view.phase == "stock"
        else view.kit.t("enterprise.stall.serve_help")
    )
    if not view.finished:
        p.text(
            surface,
            hint,
            (st.x + 24, view.shelf_y + 28),
            18,
            colour=pal.muted,
            width=st.w - 48,
            box=st,
        )
    if view.difficulty == 1 and not view.finished:
        p.text(surface, view.legend(), (st.x + 24, view.legend_y), 17, width=st.w - 48, box=st)
    view.draw_feedback(surface, view.stall_feedback)
    _draw_side(view, surface)
    view.draw_buttons(surface)


def draw_patience(view: Any, surface: pygame.Surface) -> None:
    """The customer's patience running down along the foot of their box (each frame)."""
    if not view.patience or view.finished or view.phase == "stock" or view.customer is None:
        return
    pal = view.kit.painter.palette
    box = view.customer_box
    share = max(0.0, 1 - view.waited / view.patience)
    bar = pygame.Rect(box.x + 12, box.bottom - 7, box.w - 24, 5)
    pygame.draw.rect(surface, pal.panel_edge, bar, border_radius=2)
    pygame.draw.rect(
        surface,
        pal.bad if share < 0.3 else pal.good,
        (bar.x, bar.y, int(bar.w * share), bar.h),
        border_radius=2,
    )


def draw_motion(view: Any, surface: pygame.Surface) -> None:
    """The payoff of the last sale (a few shapes while it plays): a coin hops from the
    customer to the purse; a lost sale shakes a red ring round the customer."""
    pal = view.kit.painter.palette
    t = min(1.0, view.anim / 0.5)
    box = view.customer_box
    if view.feedback_good:
        start = pygame.Vector2(box.x + 44, box.y + 48)
        end = pygame.Vector2(view.side.x + 30, view.side.y + 28)
        pos = start.lerp(end, t)
        centre = (int(pos.x), int(pos.y - 60 * 4 * t * (1 - t)))
        pygame.draw.circle(
            surface, (240, 180, 40) if not pal.high_contrast else pal.ink, centre, 12
        )
        pygame.draw.circle(surface, pal.ink, centre, 12, 2)
    elif view.said is not None:
        dx = int(6 * (1 - t) * (1 if int(view.anim * 20) % 2 else -1))
        pygame.draw.circle(surface, pal.bad, (box.x + 44 + dx, box.y + 48), 36, 4)


def _draw_card(view: Any, surface: pygame.Surface, pid: str, card: pygame.Rect) -> None:
    """A product card: its shape, name, stock (a number and squares), cost and prices."""
    p, t = view.kit.painter, view.kit.t
    pal = p.palette
    prod = view.products[pid]
    cust = view.customer
    wanted = cust is not None and cust[0] == pid
    p.panel(surface, card, radius=14, shadow=False, edge=pal.focus if wanted else None)
    if wanted:
        pygame.draw.rect(surface, pal.focus, card, 4, border_radius=14)
        board_text.hint_mark(p, surface, card)
    p.shape(surface, prod.shape, (card.centerx, card.y + 48), 28, p.colour(prod.colour))
    label_y, stock_y, squares_y, cost_y, prices_y, _ = view.card_rows(pid, card.y, card.w)
    inner = card.w - 24
    ui_layout.label(
        p,
        surface,
        view.kit.pick(prod.label),
        (card.x + 12, label_y),
        inner,
        20,
        bold=True,
        box=card,
    )
    p.text(
        surface,
        t("enterprise.stall.in_stock", n=view.stock[pid]),
        (card.x + 12, stock_y),
        18,
        width=inner,
        box=card,
    )
    for k in range(min(view.stock[pid], 10)):
        r = pygame.Rect(card.x + 12 + (k % 10) * 18, squares_y, 14, 14)
        pygame.draw.rect(surface, p.colour(prod.colour), r, border_radius=3)
        pygame.draw.rect(surface, pal.ink, r, 1, border_radius=3)
    view.coins(
        surface,
        (card.x + 12, cost_y),
        prod.cost,
        18,
        label=t("enterprise.stall.cost", n=prod.cost),
        max_width=inner,
    )
    prices = " / ".join(str(x) for x in prod.prices)
    ui_layout.label(
        p,
        surface,
        t("enterprise.stall.prices", prices=prices),
        (card.x + 12, prices_y),
        inner,
        17,
        colour=pal.muted,
        box=card,
    )


def _draw_side(view: Any, surface: pygame.Surface) -> None:
    """The side panel: coins, profit, the news and forecast (stocking) or the customer
    with their mood, words and the queue behind them (serving)."""
    p, t, pick = view.kit.painter, view.kit.t, view.kit.pick
    pal = p.palette
    s = view.side
    p.panel(surface, s)
    view.coins(surface, (s.x + 18, s.y + 16), view.coins_now, 24)
    x = s.x + 18
    if view.profit >= view.target:  # target reached: a tick as well as the colour
        size = ui_layout.icon(p, 20)
        p.icon(
            surface,
            "check",
            (x + size // 2, view.profit_y + p.line(18, True) // 2),
            size,
            pal.good,
        )
        x += size + 8
    p.text(
        surface,
        t("enterprise.stall.profit", n=view.profit, target=view.target),
        (x, view.profit_y),
        18,
        colour=pal.good if view.profit >= view.target else pal.ink,
        bold=True,
        width=s.right - 18 - x,
        box=s,
    )
    news = view.news
    if view.finished:
        return
    rnd = view.rounds[view.round]
    pygame.draw.rect(
        surface,
        p.colour("#FFF4DC") if not pal.high_contrast else pal.panel,
        news,
        border_radius=12,
    )
    pygame.draw.rect(surface, pal.panel_edge, news, 2, border_radius=12)
    forecast = view.forecast_text()
    news_y, forecast_y, _ = view.news_rows(rnd, forecast, news.y, news.w)
    p.text(
        surface,
        pick(rnd.label),
        (news.x + 12, news.y + 8),
        18,
        bold=True,
        width=news.w - 24,
        box=news,
    )
    p.text(surface, pick(rnd.news), (news.x + 12, news_y), 17, width=news.w - 24, box=news)
    if view.phase == "stock":
        p.text(
            surface,
            forecast,
            (news.x + 12, forecast_y),
            17,
            colour=pal.muted,
            width=news.w - 24,
            box=news,
        )
        return
    cust = view.customer
    if cust is None:
        return
    pid, pays = cust
    mood = view.params.moods[pays]
    box = view.customer_box
    p.panel(surface, box, radius=14, shadow=False)
    face = (box.x + 44, box.y + 48)
    pygame.draw.circle(surface, p.colour(["#8ECAE6", "#FFB703", "#90BE6D"][pays]), face, 30)
    pygame.draw.circle(surface, pal.ink, face, 30, 2)
    for dx in (-10, 10):
        pygame.draw.circle(surface, pal.ink, (face[0] + dx, face[1] - 8), 4)
    mouth = pygame.Rect(face[0] - 12, face[1] + 2, 24, 14)
    pygame.draw.arc(surface, pal.ink, mouth, 3.5, 5.9, 3)
    p.icon(surface, "coin", (face[0] + 28, face[1] + 26), 18 + 4 * pays, pal.ink)
    label = pick(mood.label)
    p.text(surface, label, (box.x + 88, box.y + 12), 18, bold=True, width=box.w - 100, box=box)
    quote_y = ui_layout.below(
        box.y + 38, box.y + 12 + ui_layout.text_h(p, label, box.w - 100, 18, True) + 5
    )
    p.text(
        surface,
        "“" + pick(view.products[pid].ask) + " " + pick(mood.line) + "”",
        (box.x + 88, quote_y),
        17,
        width=box.w - 100,
        box=box,
    )
    left = view.waiting
    if left > 0:
        wait_y = box.bottom - 10 - p.line(17)
        p.text(
            surface,
            t("enterprise.stall.waiting", n=left),
            (box.x + 12, wait_y),
            17,
            colour=pal.muted,
            width=box.w - 140,
            box=box,
        )
        for k in range(min(left, 5)):
            pygame.draw.circle(
                surface, pal.muted, (box.right - 20 - k * 22, wait_y + p.line(17) // 2), 8, 2
            )
