"""Market stall (``"mode": "stall"``): buy stock with a budget, then price each sale.

Each round of the afternoon starts with the news (what people want today) and a stock
phase: buy units with your coins. Then customers queue up one by one; each wants one
product and shows a mood that tells how much they will pay. Pick a price: too high and
they walk off, too low and you give profit away. Profit (coins now − coins at the start)
against a target is the score.

Params::

    {"mode": "stall", "budget": [30, 24, 18], "customers": [4, 5, 6],
     "goal_share": [0.45, 0.55, 0.65], "time_limit": [0, 200, 150],
     "mood_mix": [[1, 2, 2], [2, 2, 1], [3, 2, 1]],
     "products": [{"id": "lemonade", "shape": "circle", "colour": "#F7D038", "cost": 1,
                   "prices": [2, 3, 4], "label": {...}, "ask": {...}}],
     "moods": [{"label": {...}, "line": {...}}, ...three: pays low, middle, top price],
     "rounds": [{"label": {...}, "news": {...}, "demand": {"lemonade": 3, "cases": 1}}],
     "rounds_used": [0, 1], "patience": [0, 14, 11]}

``rounds_used`` (optional) picks which rounds a level plays; ``patience`` (optional, per
difficulty, seconds; 0 = for ever) is how long a customer waits before walking off.

Difficulty: less money, pickier customers (``mood_mix`` weights low/middle/top payers),
more customers per round, a clock, and the news shows exact counts (1), words (2) or
nothing but the headline (3). ``goal_share`` is the profit target as a share of the best
possible profit.
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import enterprise_stall_draw
from zones.challenges.actions import Action
from zones.challenges.enterprise_common import EnterpriseBase
from zones.challenges.enterprise_params import Round
from zones.challenges.enterprise_stall_rules import StallRules


class StallGame(EnterpriseBase):
    """The stall and its side panel: the view of :class:`StallRules`."""

    rules_class = StallRules

    def sync(self) -> None:
        self._refresh()

    # -- layout -----------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        """The stall (awning, product cards in as many columns as fit, shelf, help, legend,
        feedback) with the side panel (coins, profit, news, customer, price buttons)
        beside it, or below it where the two do not fit side by side; every box as tall
        as its 100 % design or its measured text."""
        self.area = area
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        side_by_side, stall_w = ui_layout.beside(p, area.x, area.y, area.w, 760, area.w - 780)
        x, w = area.x, stall_w
        self.awning_h = ui_layout.grow(64, p.line(20, True) + 28)
        n = len(self.order)
        cols = ui_layout.columns_for(p, n, w - 40, 180)
        card_w = (w - 40 - 16 * (cols - 1)) // cols
        buy = t("enterprise.stall.buy_short")
        self.btn_h = self.button_h(buy, card_w - 70, icon=True)
        heights = [
            ui_layout.grow(300, self.card_rows(pid, 0, card_w)[-1] + 12 + self.btn_h + 12)
            for pid in self.order
        ]
        cards = ui_layout.grid(
            heights,
            x + 20,
            ui_layout.below(area.y + 84, area.y + self.awning_h + 20),
            w - 40,
            cols,
            16,
        )
        self.buy_btns: dict[str, Any] = {}
        self.back_btns: dict[str, Any] = {}
        self.cards: dict[str, pygame.Rect] = {}
        for pid, card in zip(self.order, cards, strict=True):
            self.cards[pid] = card
            label = pick(self.products[pid].label)
            y = card.bottom - self.btn_h - 12
            self.buy_btns[pid] = self.button(
                (card.x + 10, y, card.w - 70, self.btn_h), buy, Action("buy", pid), icon="coin"
            )
            self.buy_btns[pid].spot.label = t("enterprise.stall.buy", item=label)
            self.back_btns[pid] = self.button(
                (card.right - 54, y, 44, self.btn_h), "−", Action("unbuy", pid)
            )
            self.back_btns[pid].spot.label = t("enterprise.stall.unbuy", item=label)
        self.shelf_y = ui_layout.below(area.y + 400, ui_layout.bottom(cards, area.y) + 16)
        helps = [t("enterprise.stall.stock_help"), t("enterprise.stall.serve_help")]
        self.legend_y = ui_layout.below(
            self.shelf_y + 60, self.shelf_y + 28 + ui_layout.tallest(p, helps, w - 48, 18) + 11
        )
        y = self.legend_y
        if self.difficulty == 1:
            y += ui_layout.text_h(p, self.legend(), w - 48, 17) + 6
        fb_h = self.feedback_h(44)
        self.stall = pygame.Rect(
            x, area.y, w, ui_layout.grow(area.h if side_by_side else 0, y + fb_h + 16 - area.y)
        )
        self.stall_feedback = pygame.Rect(x + 20, self.stall.bottom - 16 - fb_h, w - 40, fb_h)
        self.side = ui_layout.second(self.stall, area, side_by_side, area.h)
        self._build_side()
        self.bottom = max(self.stall.bottom, self.side.bottom)
        self._refresh()

    def legend(self) -> str:
        """The moods key shown under the shelf on easy (who pays low, middle, top)."""
        moods = [self.kit.pick(md.label) for md in self.params.moods]
        return self.kit.t("enterprise.stall.legend", low=moods[0], mid=moods[1], top=moods[2])

    def card_rows(self, pid: str, y: int, card_w: int) -> list[int]:
        """A product card's label centre, stock line top, stock squares top, cost line
        top, prices line centre and bottom, for a card at ``y``."""
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        prod, inner = self.products[pid], card_w - 24
        label_h = ui_layout.label_h(p, pick(prod.label), inner, 20, True)
        stock = ui_layout.below(y + 126, y + 72 + label_h + 8)
        stock_h = ui_layout.tallest(
            p, [t("enterprise.stall.in_stock", n=k) for k in (0, 10, 99)], inner, 18
        )
        squares = ui_layout.below(y + 154, stock + stock_h + 7)
        cost_h = ui_layout.label_h(p, t("enterprise.stall.cost", n=prod.cost), inner - 26, 18, True)
        cost = ui_layout.below(y + 180, squares + 14 + 12 + cost_h // 2 - 11)
        prices = t("enterprise.stall.prices", prices=" / ".join(str(v) for v in prod.prices))
        prices_h = ui_layout.label_h(p, prices, inner, 17)
        prices_top = cost - cost_h // 2 + 11 + cost_h + 10
        return [
            ui_layout.below(y + 100, y + 72 + label_h // 2),
            stock,
            squares,
            cost,
            prices_top + prices_h // 2,
            prices_top + prices_h,
        ]

    def _build_side(self) -> None:
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        s = self.side
        x, w = s.x, s.w
        self.profit_y = ui_layout.below(s.y + 52, s.y + 16 + p.line(24, True) + 8)
        profit = ui_layout.text_h(
            p, t("enterprise.stall.profit", n=-999, target=self.target), w - 36 - 28, 18, True
        )
        news_h = max(
            self.news_rows(r, self._forecast_for(i), 0, w - 32)[-1] + 12
            for i, r in enumerate(self.rounds)
        )
        self.news = pygame.Rect(
            x + 16,
            ui_layout.below(s.y + 86, self.profit_y + profit + 12),
            w - 32,
            ui_layout.grow(140, news_h),
        )
        quotes = [
            "“" + pick(prod.ask) + " " + pick(md.line) + "”"
            for prod in self.products.values()
            for md in self.params.moods
        ]
        moods = [pick(md.label) for md in self.params.moods]
        quote_y = ui_layout.below(38, 12 + ui_layout.tallest(p, moods, w - 32 - 100, 18, True) + 5)
        box_h = (
            max(quote_y + ui_layout.tallest(p, quotes, w - 32 - 100, 17), 96) + 8 + p.line(17) + 10
        )
        self.customer_box = pygame.Rect(
            x + 16, self.news.bottom + 10, w - 32, ui_layout.grow(136, box_h)
        )
        labels = [
            t("enterprise.stall.sell_for", n=v)
            for prod in self.products.values()
            for v in prod.prices
        ]
        cols = ui_layout.columns_for(p, 3, w - 32, 200)
        price_w = (w - 32 - 12 * (cols - 1)) // cols
        price_h = max(self.button_h(text, price_w, icon=True, minimum=48) for text in labels)
        rects = ui_layout.grid([price_h] * 3, x + 16, 0, w - 32, cols, 12, 8)
        grid_h = ui_layout.bottom(rects, 0)
        one_h = max(
            self.button_h(t(k), w - 32, minimum=50)
            for k in ("enterprise.stall.open", "enterprise.stall.sorry")
        )
        need = (
            max(
                self.customer_box.bottom + 2 + grid_h + 36,
                self.customer_box.bottom + 12 + one_h + 14,
                self.customer_box.bottom + 12 + grid_h + 12 + one_h + 14 if cols > 1 else 0,
            )
            - s.y
        )
        s.h = ui_layout.grow(s.h, need)
        top = s.bottom - 36 - grid_h if cols == 1 else self.customer_box.bottom + 12
        self.price_btns = [
            self.button(r.move(0, top), "", Action("sell", str(k)), icon="coin")
            for k, r in enumerate(rects)
        ]
        one = (x + 16, s.bottom - 14 - one_h, w - 32, one_h)
        self.open_btn = self.button(one, t("enterprise.stall.open"), Action("open"), primary=True)
        self.sorry_btn = self.button(one, t("enterprise.stall.sorry"), Action("sorry"))

    def news_rows(self, rnd: Round, forecast: str, y: int, width: int) -> list[int]:
        """The news box's news line top, forecast top and forecast bottom, for a box at ``y``."""
        p, pick = self.kit.painter, self.kit.pick
        inner = width - 24
        news = ui_layout.below(
            y + 34, y + 8 + ui_layout.text_h(p, pick(rnd.label), inner, 18, True) + 5
        )
        forecast_y = ui_layout.below(
            y + 80, news + ui_layout.text_h(p, pick(rnd.news), inner, 17) + 2
        )
        return [news, forecast_y, forecast_y + ui_layout.text_h(p, forecast, inner, 17)]

    def _forecast_for(self, r: int) -> str:
        """The forecast line of round ``r`` (it depends on the round's queue)."""
        return self.forecast_text(r)

    def _refresh(self) -> None:
        stocking = self.phase == "stock" and not self.finished
        for pid in self.order:
            self.buy_btns[pid].show(stocking)
            self.buy_btns[pid].spot.enabled = self.coins_now >= self.products[pid].cost
            self.back_btns[pid].show(stocking)
            self.back_btns[pid].spot.enabled = self.stock[pid] > 0
        self.open_btn.show(stocking)
        cust = self.customer
        can_sell = cust is not None and self.stock[cust[0]] > 0 and not self.finished
        for k, b in enumerate(self.price_btns):
            price = self.products[cust[0]].prices[k] if cust else 0
            b.show(can_sell, self.kit.t("enterprise.stall.sell_for", n=price))
        self.sorry_btn.show(cust is not None and not can_sell and not self.finished)

    # -- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The board from a cached layer, drawn again only when the stall's state or a
        button changes; over it what moves every frame: the clock, the customer's
        patience and the payoff of the last sale."""
        state = (self.rules.shown_state(), self.button_states())
        rect = pygame.Rect(area.x, area.y, area.w, max(area.bottom, self.bottom) - area.y)
        self.layer.draw(
            self.kit, surface, rect, state, lambda: enterprise_stall_draw.draw_board(self, surface)
        )
        s = self.side
        self.draw_clock(surface, (s.right - 140, s.y + 20, 120, 22))
        enterprise_stall_draw.draw_patience(self, surface)
        if self.moving:
            enterprise_stall_draw.draw_motion(self, surface)

    @property
    def waiting(self) -> int:
        """How many customers queue behind the one being served."""
        return len(self.queue) - self._round_pos - 1

    def forecast_text(self, r: int | None = None) -> str:
        """The forecast line of round ``r`` (the current one by default): exact counts, words
        or nothing, by difficulty."""
        if self.difficulty == 3:
            return self.kit.t("enterprise.stall.forecast_none")
        counts = self.rules.forecast(r)
        parts = []
        for pid in self.order:
            name = self.kit.pick(self.products[pid].label)
            n = counts.get(pid, 0)
            if self.difficulty == 1:
                parts.append(f"{name} ×{n}")
            else:
                parts.append(
                    f"{name}: "
                    + self.kit.t(
                        "enterprise.stall.many"
                        if n >= 3
                        else "enterprise.stall.some"
                        if n
                        else "enterprise.stall.none"
                    )
                )
        return self.kit.t("enterprise.stall.forecast", list=", ".join(parts))
