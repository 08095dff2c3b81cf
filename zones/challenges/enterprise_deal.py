"""Festival planning (``"mode": "deal"``): book suppliers and haggle within budget and days.

A planning board lists what the festival needs (band, food, stage...). For each need the
player picks a supplier, then negotiates at the table: accept the asking price or offer
less. Each supplier has a hidden lowest price (``flex``, percent off) hinted by their
blurb; an offer at or above it is accepted, a lower one gets a counter-offer halfway and
costs patience; out of patience, they hang up for good. Every call costs a day.

Params::

    {"mode": "deal", "budget": [900, 780, 660], "days": [10, 8, 7], "patience": [2, 1, 1],
     "needs_count": [3, 3, 4], "cuts": [10, 25, 40],
     "needs": [{"id": "band", "icon": "palette", "label": {...}}],
     "suppliers": [{"id": "dinos", "need": "band", "shape": "star", "colour": "#8E5CC5",
                    "name": {...}, "blurb": {...}, "price": 400, "flex": 30, "stars": 3}],
     "cut_after": 1, "budget_cut": [80, 100, 120]}

``cut_after`` / ``budget_cut`` (optional, the twist): after that many bookings the budget
shrinks by the amount for the difficulty.

Difficulty: less money, fewer days, less patience, one more need, and the supplier's
mood is spelt out (easy: how much they might drop; medium: a word) or only in the blurb (hard).
"""

from __future__ import annotations

from typing import Any

import pygame

from zones import ui_layout
from zones.challenges import enterprise_deal_draw
from zones.challenges.actions import Action
from zones.challenges.enterprise_common import EnterpriseBase
from zones.challenges.enterprise_deal_rules import DealRules
from zones.challenges.enterprise_params import Need


class DealGame(EnterpriseBase):
    """The planning board and the negotiating table: the view of :class:`DealRules`."""

    rules_class = DealRules

    def perform(self, action: Action) -> None:
        was = self.talking
        super().perform(action)
        if self.talking is not None and was is None and self.offer_btns:
            self.focus(self.offer_btns[0])
        elif self.talking is None and not self.finished:
            first = next(
                (b for b in self.sup_btns.values() if b.spot.visible and b.spot.enabled), None
            )
            if first:
                self.focus(first)

    def sync(self) -> None:
        self._refresh()

    @property
    def line_text(self) -> str:
        """What the supplier at the table last said, in the pupil's language."""
        return self.words(self.line[0], self.line[1]) if self.line else ""

    # -- layout -----------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        """The plan board (a row per need, then the money box) with the phone table beside
        it, or below it where the two do not fit side by side; every box as tall as its
        100 % design or its measured text."""
        self.area = area
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        self.side_by_side, board_w = ui_layout.beside(p, area.x, area.y, area.w, 480, area.w - 500)
        x, w = area.x, board_w
        size = ui_layout.icon(p, 28)
        self.label_w = w - 32 - 30 - size - 40 - ui_layout.icon(p, 22)
        names = [pick(s.name) for s in self.suppliers.values()]
        sub_h = max(
            max(ui_layout.label_h(p, n, self.name_w(), 17) for n in names),
            p.line(18, True),
            ui_layout.text_h(p, t("enterprise.deal.not_booked"), self.label_w, 17),
        )
        y = ui_layout.below(
            area.y + 56,
            area.y + 14 + ui_layout.text_h(p, t("enterprise.deal.plan"), w - 40, 22, True) + 12,
        )
        self.rows = []
        for need in self.needs:
            h = ui_layout.grow(74, self.sub_y(need, 0) + sub_h + 12)
            self.rows.append(pygame.Rect(x + 16, y, w - 32, h))
            y += h + 10
        self.money_rows = self._money_rows(w - 32)
        board_h = ui_layout.grow(
            area.h if self.side_by_side else 0, y + 6 + self.money_rows[-1] + 16 - area.y
        )
        self.board = pygame.Rect(x, area.y, w, board_h)
        self.money_box = pygame.Rect(
            x + 16, self.board.bottom - 16 - self.money_rows[-1], w - 32, self.money_rows[-1]
        )
        self.table = ui_layout.second(self.board, area, self.side_by_side, area.h)
        self._build_table()
        self.bottom = max(self.board.bottom, self.table.bottom)
        self._refresh()

    def name_w(self) -> int:
        """How wide a booked supplier's name may be in a plan row."""
        return max(220, self.label_w - 170)

    def sub_y(self, need: Need, y: int) -> int:
        """The top of a plan row's second line (booking or *not booked*) in a row at ``y``."""
        text_h = ui_layout.text_h(
            self.kit.painter, self.kit.pick(need.label), self.label_w, 19, True
        )
        return ui_layout.below(y + 40, y + 10 + text_h + 6)

    def _money_rows(self, width: int) -> list[int]:
        """The money box's bar top, days line top, day squares top and height."""
        p, t = self.kit.painter, self.kit.t
        budget = t("enterprise.deal.budget", spent=self.budget * 2, budget=self.budget)
        bar = ui_layout.below(46, 12 + ui_layout.label_h(p, budget, width - 56, 20, True) + 10)
        days = ui_layout.below(74, bar + 16 + 12)
        squares = ui_layout.below(
            100,
            days + ui_layout.text_h(p, t("enterprise.deal.days", n=99), width - 28, 18, True) + 4,
        )
        return [bar, days, squares, ui_layout.grow(134, squares + 24 + 10)]

    def _build_table(self) -> None:
        """The heading, the supplier cards (choosing) or the talk and offers (talking),
        the feedback banner and *leave*: in the table's 100 % places or lower."""
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        tb = self.table
        x, w = tb.x, tb.w
        heads = [t("enterprise.deal.choose", need=pick(n.label)) for n in self.needs]
        heads += [t("enterprise.deal.talking", name=pick(s.name)) for s in self.suppliers.values()]
        body = tb.y + 18 + ui_layout.tallest(p, heads, w - 40, 21, True) + 14
        card_w = w - 40
        self.price_w = max(
            190,
            max(
                p.font(20, True).size(t("enterprise.coins", n=s.price))[0]
                for s in self.suppliers.values()
            )
            + 40,
        )
        card_h = ui_layout.grow(
            132, max(self.card_rows(sid, 0, card_w)[-1] for sid in self.suppliers) + 12
        )
        self.sup_btns: dict[str, Any] = {}
        card_y = ui_layout.below(tb.y + 66, body)
        for need in self.needs:
            for k, sid in enumerate(self.order[need.id][:3]):
                r = (x + 20, card_y + k * (card_h + 12), card_w, card_h)
                self.sup_btns[sid] = self.button(
                    r, pick(self.suppliers[sid].name), Action("choose", sid), custom=True
                )
        cards_bottom = card_y + 3 * card_h + 2 * 12
        lines = [t("enterprise.deal.asks", n=s.price) for s in self.suppliers.values()]
        lines += [t("enterprise.deal.counter", n=s.price) for s in self.suppliers.values()]
        bubble_h = ui_layout.grow(
            96, ui_layout.tallest(p, ["“" + s + "”" for s in lines], w - 150 - 32, 20) + 24
        )
        self.bubble = pygame.Rect(x + 130, ui_layout.below(tb.y + 70, body), w - 150, bubble_h)
        self.blurb_y = ui_layout.below(tb.y + 186, self.bubble.bottom + 12)
        blurbs = [pick(s.blurb) for s in self.suppliers.values()]
        self.patience_y = ui_layout.below(
            tb.y + 250, self.blurb_y + ui_layout.tallest(p, blurbs, w - 40, 17) + 12
        )
        hearts = ui_layout.icon(p, 22)
        top = ui_layout.below(tb.y + 300, self.patience_y + max(p.line(18, True), hearts) + 12)
        labels = [t("enterprise.deal.accept", n=s.price) for s in self.suppliers.values()]
        labels += [
            t("enterprise.deal.offer", n=s.price, cut=c)
            for s in self.suppliers.values()
            for c in self.cuts
        ]
        cols = ui_layout.columns_for(p, 2, w - 40, 300)
        bw = (w - 40 - 12 * (cols - 1)) // cols
        bh = max(self.button_h(text, bw, icon=True, minimum=52) for text in labels)
        rects = ui_layout.grid([bh] * (len(self.cuts) + 1), x + 20, top, w - 40, cols, 12, 10)
        self.offer_btns = [
            self.button(r, "", Action("offer", str(k)), icon="coin", primary=k == 0)
            for k, r in enumerate(rects)
        ]
        talk_h = self.feedback_h(48)
        leave_h = self.button_h(t("enterprise.deal.leave"), w - 40, minimum=50)
        choose_h = self.feedback_h(44)
        need = max(
            ui_layout.bottom(rects, top) + 18 + talk_h + 12 + leave_h + 16,
            cards_bottom + 16 + choose_h + 16,
        )
        tb.h = ui_layout.grow(tb.h, need - tb.y)
        self.leave_btn = self.button(
            (x + 20, tb.bottom - 16 - leave_h, w - 40, leave_h),
            t("enterprise.deal.leave"),
            Action("leave"),
        )
        self.talk_feedback = pygame.Rect(
            x + 20, tb.bottom - 16 - leave_h - 12 - talk_h, w - 40, talk_h
        )
        self.choose_feedback = pygame.Rect(x + 20, tb.bottom - 16 - choose_h, w - 40, choose_h)
        self.done_feedback = pygame.Rect(
            x + 20, ui_layout.below(tb.y + 70, body), w - 40, self.feedback_h(48)
        )

    def card_rows(self, sid: str, y: int, card_w: int) -> list[int]:
        """A supplier card's stars line top and blurb top and bottom, for a card at ``y``."""
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        sup = self.suppliers[sid]
        name_h = ui_layout.text_h(p, pick(sup.name), card_w - 80 - self.price_w - 20, 20, True)
        stars = ui_layout.below(y + 42, y + 12 + max(name_h, p.line(20, True)) + 6)
        stars_h = max(
            p.line(16),
            ui_layout.tallest(
                p, [t("enterprise.deal.stars", n=k) for k in (1, 2, 3)], card_w - 80 - 90, 16
            ),
        )
        blurb = ui_layout.below(y + 76, stars + stars_h + 12)
        return [stars, blurb, blurb + ui_layout.tallest(p, self._blurbs(sid), card_w - 40, 17)]

    def _blurbs(self, sid: str) -> list[str]:
        """Every wording a supplier card's blurb can have."""
        t = self.kit.t
        blurb = self.kit.pick(self.suppliers[sid].blurb)
        flex = [t("enterprise.deal.flex_exact", n=self._best_cut(sid))] + [
            t("enterprise.deal.flex_" + k) for k in ("none", "some", "lots")
        ]
        return [t("enterprise.deal.gone"), blurb] + [f"{blurb} {f}" for f in flex]

    def card_blurb(self, sid: str) -> str:
        """The blurb a supplier card shows now (one of :meth:`_blurbs`): *gone* once they
        hung up, else their own words plus the mood the difficulty spells out."""
        t = self.kit.t
        blurb = self.kit.pick(self.suppliers[sid].blurb)
        if sid in self.gone:
            blurb = t("enterprise.deal.gone")
        elif self.difficulty == 1:
            blurb += " " + t("enterprise.deal.flex_exact", n=self._best_cut(sid))
        elif self.difficulty == 2:
            blurb += " " + t(
                "enterprise.deal.flex_"
                + (
                    "none"
                    if self._best_cut(sid) == 0
                    else "some"
                    if self._best_cut(sid) < self.cuts[-1]
                    else "lots"
                )
            )
        return blurb

    def _refresh(self) -> None:
        need = self.need
        choosing = need is not None and self.talking is None and not self.finished
        for sid, b in self.sup_btns.items():
            b.show(choosing and self.suppliers[sid].need == need.id)
            b.spot.enabled = sid not in self.gone
        talking = self.talking is not None and not self.finished
        for k, b in enumerate(self.offer_btns):
            if not talking:
                b.show(False)
                continue
            if k == 0:
                price = (
                    self.counter if self.counter is not None else self.suppliers[self.talking].price
                )
                b.show(True, self.kit.t("enterprise.deal.accept", n=price))
            else:
                cut = self.cuts[k - 1]
                b.show(
                    True,
                    self.kit.t(
                        "enterprise.deal.offer", n=self._price_after(self.talking, cut), cut=cut
                    ),
                )
        self.leave_btn.show(talking)

    # -- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """The board (``enterprise_deal_draw``) from a cached layer, drawn again only when
        the deals, the talk, the feedback or a button changes; over it, a short burst after
        each offer."""
        state = (
            self.need_i,
            self.finished,
            tuple(sorted(self.booked.items())),
            self.spent,
            self.days,
            self.talking,
            self.line,
            self.patience,
            self.feedback,
            self.feedback_good,
            tuple(sorted(self.gone)),
            self.button_states(),
        )
        rect = pygame.Rect(area.x, area.y, area.w, max(area.bottom, self.bottom) - area.y)
        self.layer.draw(
            self.kit, surface, rect, state, lambda: enterprise_deal_draw.draw_board(self, surface)
        )
        if self.said is not None:
            box = (
                self.done_feedback
                if self.finished
                else self.talk_feedback
                if self.talking
                else self.choose_feedback
            )
            self.burst(surface, (box.x + 22, box.centery), self.feedback_good)
