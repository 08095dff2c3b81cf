"""Drawing of the festival planning board (``enterprise_deal``): the plan, the money box,
the phone table and the supplier cards.

Called by :class:`zones.challenges.enterprise_deal.DealGame` inside its cached layer
(``draw_board``). Reads the view's state and the rects its ``build`` laid out, draws on
the surface it is given and changes nothing else.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import board_text


def draw_board(view: Any, surface: pygame.Surface) -> None:
    """The cork board with a row per need, the money box, the table and the buttons."""
    p, t, pick = view.kit.painter, view.kit.t, view.kit.pick
    pal = p.palette
    b = view.board
    cork = p.colour("#E9D3A8") if not pal.high_contrast else pal.panel
    p.panel(surface, b, fill=cork)
    p.text(
        surface,
        t("enterprise.deal.plan"),
        (b.x + 20, b.y + 14),
        22,
        bold=True,
        width=b.w - 40,
        box=b,
    )
    size, check = ui_layout.icon(p, 28), ui_layout.icon(p, 22)
    for i, (need, row) in enumerate(zip(view.needs, view.rows, strict=True)):
        current = i == view.need_i and not view.finished
        p.panel(surface, row, radius=12, shadow=False, edge=pal.focus if current else None)
        if current:
            pygame.draw.rect(surface, pal.focus, row, 3, border_radius=12)
            if need.id not in view.booked:
                board_text.hint_mark(p, surface, row)
        p.icon(
            surface,
            need.icon,
            (row.x + 16 + size // 2, row.centery),
            size,
            pal.ink,
        )
        x = row.x + 30 + size
        p.text(
            surface,
            pick(need.label),
            (x, row.y + 10),
            19,
            bold=True,
            width=view.label_w,
            box=row,
        )
        y = view.sub_y(need, row.y)
        if need.id in view.booked:
            sid, price = view.booked[need.id]
            p.icon(surface, "check", (row.right - 13 - check // 2, row.y + 22), check, pal.good)
            name = pick(view.suppliers[sid].name)
            h = ui_layout.label_h(p, name, view.name_w(), 17)
            ui_layout.label(
                p,
                surface,
                name,
                (x, ui_layout.below(y + 12, y + h // 2)),
                view.name_w(),
                17,
                box=row,
            )
            view.coins(surface, (row.right - 150, y), price, 18, label=str(price))
        else:
            p.text(
                surface,
                t("enterprise.deal.not_booked"),
                (x, y),
                17,
                colour=pal.muted,
                width=view.label_w,
                box=row,
            )
    _draw_money(view, surface, view.money_box)
    _draw_table(view, surface)
    view.draw_buttons(surface)


def _draw_money(view: Any, surface: pygame.Surface, box: pygame.Rect) -> None:
    """The budget bar and the days left as squares."""
    p = view.kit.painter
    pal = p.palette
    bar_y, days_y, squares_y, _ = view.money_rows
    p.panel(surface, box, radius=12, shadow=False)
    view.coins(
        surface,
        (box.x + 14, box.y + 12),
        0,
        20,
        label=view.kit.t("enterprise.deal.budget", spent=view.spent, budget=view.budget),
        max_width=box.w - 28,
    )
    bar = pygame.Rect(box.x + 14, box.y + bar_y, box.w - 28, 16)
    pygame.draw.rect(surface, pal.panel_edge, bar, border_radius=8)
    fill = bar.copy()
    fill.w = int(bar.w * min(1.0, view.spent / view.budget))
    pygame.draw.rect(
        surface, pal.bad if view.spent > view.budget else pal.accent, fill, border_radius=8
    )
    pygame.draw.rect(surface, pal.ink, bar, 1, border_radius=8)
    p.text(
        surface,
        view.kit.t("enterprise.deal.days", n=max(0, view.days)),
        (box.x + 14, box.y + days_y),
        18,
        bold=True,
        width=box.w - 28,
        box=box,
    )
    for k in range(max(0, view.days)):
        r = pygame.Rect(box.x + 14 + k * 30, box.y + squares_y, 24, 24)
        pygame.draw.rect(surface, pal.panel, r, border_radius=4)
        pygame.draw.rect(surface, pal.ink, r, 2, border_radius=4)
        pygame.draw.line(surface, pal.bad, (r.x, r.y + 6), (r.right - 1, r.y + 6), 4)


def _draw_table(view: Any, surface: pygame.Surface) -> None:
    """The phone table: the supplier cards (choosing), the talk (talking) or the result."""
    p, t, pick = view.kit.painter, view.kit.t, view.kit.pick
    pal = p.palette
    tb = view.table
    p.panel(surface, tb)
    if view.finished:
        view.draw_feedback(surface, view.done_feedback)
        return
    if view.talking is None:
        p.text(
            surface,
            t("enterprise.deal.choose", need=pick(view.need.label)),
            (tb.x + 20, tb.y + 18),
            21,
            bold=True,
            width=tb.w - 40,
            box=tb,
        )
        for sid, btn in view.sup_btns.items():
            if btn.spot.visible:
                _draw_supplier(view, surface, sid, btn.spot.rect)
        view.draw_feedback(surface, view.choose_feedback)
        return
    sup = view.suppliers[view.talking]
    p.text(
        surface,
        t("enterprise.deal.talking", name=pick(sup.name)),
        (tb.x + 20, tb.y + 18),
        21,
        bold=True,
        width=tb.w - 40,
        box=tb,
    )
    bubble = view.bubble
    p.shape(
        surface,
        sup.shape,
        (tb.x + 70, ui_layout.below(tb.y + 130, bubble.centery)),
        40,
        p.colour(sup.colour),
    )
    pygame.draw.rect(
        surface,
        p.colour("#FFF4DC") if not pal.high_contrast else pal.panel,
        bubble,
        border_radius=16,
    )
    pygame.draw.rect(surface, pal.ink, bubble, 2, border_radius=16)
    p.text(
        surface,
        "“" + view.line_text + "”",
        (bubble.x + 16, bubble.y + 12),
        20,
        width=bubble.w - 32,
        box=bubble,
    )
    p.text(
        surface,
        pick(sup.blurb),
        (tb.x + 20, view.blurb_y),
        17,
        colour=pal.muted,
        width=tb.w - 40,
        box=tb,
    )
    text = t("enterprise.deal.patience", n=max(0, view.patience))
    p.text(surface, text, (tb.x + 20, view.patience_y), 18, bold=True, width=tb.w - 40, box=tb)
    size = ui_layout.icon(p, 22)
    left = tb.x + 20 + max(169, p.font(18, True).size(text)[0] + 14)
    for k in range(max(0, view.patience)):
        p.icon(
            surface,
            "heart",
            (
                left + size // 2 + k * (size + 8),
                view.patience_y + max(12, p.line(18, True) // 2),
            ),
            size,
            pal.bad,
        )
    view.draw_feedback(surface, view.talk_feedback)


def _draw_supplier(view: Any, surface: pygame.Surface, sid: str, r: pygame.Rect) -> None:
    """A supplier card, drawn over its generic button: a richer card."""
    p, t, pick = view.kit.painter, view.kit.t, view.kit.pick
    pal = p.palette
    sup = view.suppliers[sid]
    gone = sid in view.gone
    p.panel(surface, r, radius=14, shadow=False, fill=pal.panel_edge if gone else None)
    p.shape(surface, sup.shape, (r.x + 40, r.y + 44), 24, p.colour(sup.colour))
    p.text(
        surface,
        pick(sup.name),
        (r.x + 80, r.y + 12),
        20,
        bold=True,
        width=r.w - 80 - view.price_w - 20,
        box=r,
    )
    stars_y, blurb_y, _ = view.card_rows(sid, r.y, r.w)
    for k in range(3):
        p.shape(
            surface,
            "star",
            (r.x + 92 + k * 26, stars_y + p.line(16) // 2 + 1),
            10,
            pal.focus if k < sup.stars else pal.panel_edge,
        )
    p.text(
        surface,
        t("enterprise.deal.stars", n=sup.stars),
        (r.x + 170, stars_y),
        16,
        colour=pal.muted,
        width=r.w - 80 - 90,
        box=r,
    )
    view.coins(surface, (r.right - view.price_w, r.y + 12), sup.price, 20)
    blurb = view.card_blurb(sid)
    p.text(surface, blurb, (r.x + 20, blurb_y), 17, width=r.w - 40, box=r)
