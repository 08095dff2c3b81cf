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
                    "name": {...}, "blurb": {...}, "price": 400, "flex": 30, "stars": 3}]}

Difficulty: less money, fewer days, less patience, one more need, and the supplier's
mood is spelt out (easy: how much they might drop; medium: a word) or only in the blurb (hard).
"""

from __future__ import annotations

from typing import Any

import pygame

from zones.challenges import board_text, enterprise_deal_large
from zones.challenges.base import Action, MechanicResult, check_langmap
from zones.challenges.enterprise_common import SHAPES, EnterpriseBase, check_items, check_levels


class DealGame(EnterpriseBase):
    @classmethod
    def validate_mode(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        for key, low in (("budget", 1), ("days", 1), ("patience", 0), ("needs_count", 1)):
            problems += check_levels(params, key, int, low)
        cuts = params.get("cuts")
        if not (isinstance(cuts, list) and 2 <= len(cuts) <= 4 and all(isinstance(c, int) and 0 < c < 100 for c in cuts)
                and cuts == sorted(set(cuts))):
            problems.append("cuts: needs 2–4 rising percentages between 1 and 99")
        needs = check_items(params, "needs", 2)
        if needs is None:
            return problems + ["needs: needs at least 2 needs, each with an id"]
        for i, need in enumerate(needs):
            problems += check_langmap(need.get("label"), f"needs[{i}].label", languages)
        counts = params.get("needs_count")
        if isinstance(counts, list) and all(isinstance(c, int) for c in counts) and max(counts) > len(needs):
            problems.append("needs_count: more needs asked for than listed")
        suppliers = check_items(params, "suppliers", 4)
        if suppliers is None:
            return problems + ["suppliers: needs at least 4 suppliers, each with an id"]
        need_ids = {n["id"] for n in needs}
        for i, sup in enumerate(suppliers):
            for key in ("name", "blurb"):
                problems += check_langmap(sup.get(key), f"suppliers[{i}].{key}", languages)
            if sup.get("need") not in need_ids:
                problems.append(f"suppliers[{i}].need: '{sup.get('need')}' is not a need")
            if sup.get("shape") not in SHAPES:
                problems.append(f"suppliers[{i}].shape: must be one of {SHAPES}")
            if not isinstance(sup.get("price"), int) or sup["price"] <= 0:
                problems.append(f"suppliers[{i}].price: must be a whole number above 0")
            if not isinstance(sup.get("flex"), int) or not 0 <= sup["flex"] < 100:
                problems.append(f"suppliers[{i}].flex: must be a percentage 0–99")
            if sup.get("stars") not in (1, 2, 3):
                problems.append(f"suppliers[{i}].stars: must be 1, 2 or 3")
        for need in needs:
            if sum(1 for s in suppliers if s.get("need") == need["id"]) < 2:
                problems.append(f"suppliers: need '{need['id']}' needs at least 2 suppliers")
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: Any):
        super().__init__(params, difficulty, kit, rng)
        self.needs = list(params["needs"])[:int(self.per_level("needs_count"))]
        self.cuts = list(params["cuts"])
        self.budget = int(self.per_level("budget"))
        self.days = int(self.per_level("days"))
        self.suppliers = {s["id"]: dict(s) for s in params["suppliers"]}
        self.gone: set[str] = set()
        self.booked: dict[str, tuple[str, int]] = {}
        self.need_i = 0
        self.talking: str | None = None
        self.patience = 0
        self.counter: int | None = None
        self.line = ""
        self.order = {n["id"]: [s["id"] for s in params["suppliers"] if s["need"] == n["id"]] for n in self.needs}
        for ids in self.order.values():
            rng.shuffle(ids)

    # -- derived ----------------------------------------------------------------------
    @property
    def spent(self) -> int:
        return sum(price for _, price in self.booked.values())

    @property
    def need(self) -> dict[str, Any] | None:
        return self.needs[self.need_i] if self.need_i < len(self.needs) else None

    @property
    def progress(self) -> float:
        return len(self.booked) / len(self.needs)

    def _best_cut(self, sid: str) -> int:
        flex = self.suppliers[sid]["flex"]
        fitting = [c for c in self.cuts if c <= flex]
        return max(fitting) if fitting else 0

    def _price_after(self, sid: str, cut: int) -> int:
        return round(self.suppliers[sid]["price"] * (100 - cut) / 100)

    # -- layout -----------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        self.area = area
        self.large = None
        if self.kit.painter is not None and board_text.large(self.kit.painter):
            enterprise_deal_large.build(self, area)
            self._refresh()
            return
        self.board = pygame.Rect(area.x, area.y, 480, area.h)
        self.table = pygame.Rect(self.board.right + 20, area.y, area.right - self.board.right - 20, area.h)
        t = self.table
        self.sup_btns: dict[str, Any] = {}
        for need in self.needs:
            for k, sid in enumerate(self.order[need["id"]][:3]):
                r = (t.x + 20, t.y + 66 + k * 144, t.w - 40, 132)
                sup = self.suppliers[sid]
                self.sup_btns[sid] = self.button(r, self.kit.pick(sup["name"]), Action("choose", sid), custom=True)
        self.offer_btns = []
        for k in range(len(self.cuts) + 1):
            r = (t.x + 20 + (k % 2) * ((t.w - 52) // 2 + 12), t.y + 300 + (k // 2) * 62, (t.w - 52) // 2, 52)
            self.offer_btns.append(self.button(r, "", Action("offer", str(k)), icon="coin", primary=k == 0))
        self.leave_btn = self.button((t.x + 20, t.bottom - 66, t.w - 40, 50), self.kit.t("enterprise.deal.leave"),
                                     Action("leave"))
        self._refresh()

    def _refresh(self) -> None:
        need = self.need
        choosing = need is not None and self.talking is None and not self.finished
        for sid, b in self.sup_btns.items():
            b.show(choosing and self.suppliers[sid]["need"] == need["id"])
            b.spot.enabled = sid not in self.gone
        talking = self.talking is not None and not self.finished
        for k, b in enumerate(self.offer_btns):
            if not talking:
                b.show(False)
                continue
            if k == 0:
                price = self.counter if self.counter is not None else self.suppliers[self.talking]["price"]
                b.show(True, self.kit.t("enterprise.deal.accept", n=price))
            else:
                cut = self.cuts[k - 1]
                b.show(True, self.kit.t("enterprise.deal.offer", n=self._price_after(self.talking, cut), cut=cut))
        self.leave_btn.show(talking)

    # -- actions -----------------------------------------------------------------------
    def actions(self) -> list[Action]:
        if self.finished:
            return []
        if self.talking is None:
            return [Action("choose", sid) for sid in self.order[self.need["id"]][:3] if sid not in self.gone]
        return [Action("offer", str(k)) for k in range(len(self.cuts) + 1)] + [Action("leave")]

    def perform(self, action: Action) -> None:
        if self.finished or action not in self.actions():
            return
        if action.kind == "choose":
            self.talking, self.counter = action.target, None
            self.patience = int(self.per_level("patience"))
            self.emit("choice", step=f"supplier_{self.need['id']}", response=action.target)
            self.line = self.kit.t("enterprise.deal.asks", n=self.suppliers[action.target]["price"])
            self.feedback = ""
            self._refresh()
            self.focus(self.offer_btns[0])
            return
        if action.kind == "leave":
            self.talking = None
            self.feedback = ""
            self._refresh()
            return
        self._offer(int(action.target))
        self._refresh()
        if self.talking is None and not self.finished:
            first = next((b for b in self.sup_btns.values() if b.spot.visible and b.spot.enabled), None)
            if first:
                self.focus(first)

    def _offer(self, k: int) -> None:
        sid = self.talking
        sup = self.suppliers[sid]
        self.days -= 1
        best = self._best_cut(sid)
        self.emit("choice", step=f"offer_{self.need['id']}", response="accept" if k == 0 else f"-{self.cuts[k - 1]}%")
        if k == 0:
            price = self.counter if self.counter is not None else sup["price"]
            good = best == 0 or (self.counter is not None and self.counter <= self._price_after(sid, best))
            self.judge(good, self.kit.t("enterprise.deal.booked", n=price) if good else self.kit.t("enterprise.deal.overpaid", cut=best))
            self._book(sid, price)
        elif self.cuts[k - 1] <= sup["flex"]:
            price = self._price_after(sid, self.cuts[k - 1])
            good = self.cuts[k - 1] == best
            self.judge(good, self.kit.t("enterprise.deal.booked", n=price) if good else self.kit.t("enterprise.deal.could_more"))
            self._book(sid, price)
        else:
            self.patience -= 1
            floor = self._price_after(sid, sup["flex"])
            if self.patience < 0:
                self.gone.add(sid)
                self.talking = None
                self.judge(False, self.kit.t("enterprise.deal.hung_up", name=self.kit.pick(sup["name"])))
                if all(s in self.gone for s in self.order[self.need["id"]][:3]):
                    self.finished = True
            else:
                self.counter = (sup["price"] + floor) // 2
                self.line = self.kit.t("enterprise.deal.counter", n=self.counter)
                self.judge(False, self.kit.t("enterprise.deal.too_low"))
        if self.days <= 0 and not self.finished and self.need is not None:
            self.finished = True
            self.feedback, self.feedback_good = self.kit.t("enterprise.deal.no_days"), False

    def _book(self, sid: str, price: int) -> None:
        self.booked[self.need["id"]] = (sid, price)
        self.talking, self.counter = None, None
        self.need_i += 1
        self.emit("progress", progress=self.progress)
        if self.need is None:
            self.finished = True

    def bot_action(self, rng, skill: float) -> Action | None:
        options = self.actions()
        if not options:
            return None
        if self.talking is None:
            left = self.budget - self.spent
            later = sum(min(self._price_after(s, self._best_cut(s)) for s in self.order[n["id"]][:3])
                        for n in self.needs[self.need_i + 1:])
            ids = [a.target for a in options]
            fits = [s for s in ids if self._price_after(s, self._best_cut(s)) <= left - later]
            pick = max(fits, key=lambda s: (self.suppliers[s]["stars"], -self.suppliers[s]["price"])) if fits else \
                min(ids, key=lambda s: self._price_after(s, self._best_cut(s)))
            return Action("choose", pick if rng.random() < skill else rng.choice(ids))
        best = self._best_cut(self.talking)
        right = Action("offer", str(self.cuts.index(best) + 1 if best else 0))
        if self.counter is not None and self.counter <= self._price_after(self.talking, best):
            right = Action("offer", "0")
        wrong = [Action("offer", str(k)) for k in range(len(self.cuts) + 1) if Action("offer", str(k)) != right]
        return right if rng.random() < skill else rng.choice(wrong)

    def result(self) -> MechanicResult:
        all_booked = len(self.booked) == len(self.needs)
        success = all_booked and self.spent <= self.budget
        stars = sum(self.suppliers[sid]["stars"] for sid, _ in self.booked.values()) / (3 * len(self.needs))
        saved = max(0.0, (self.budget - self.spent) / self.budget)
        score = 0.6 * self.accuracy + 0.2 * stars + 0.2 * min(1.0, saved * 4) if success else \
            0.4 * self.accuracy * self.progress
        return MechanicResult(success, round(score, 3), round(self.accuracy, 3),
                              {"spent": self.spent, "budget": self.budget, "days_left": self.days,
                               "booked": len(self.booked)})

    # -- drawing ------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Nothing here moves with time: the board is drawn into a cached layer again only
        when the deals, the talk, the feedback or a button changes."""
        state = (self.need_i, self.finished, tuple(sorted(self.booked.items())), self.spent, self.days,
                 self.talking, self.line, self.patience, self.feedback, self.feedback_good,
                 tuple(sorted(self.gone)), tuple((b.text, b.spot.visible, b.spot.enabled, tuple(b.spot.rect),
                                                  getattr(b.spot, "hovered", False)) for b in self.buttons))
        rect = pygame.Rect(area.x, area.y, area.w, max(area.bottom, self.bottom) - area.y)
        self.layer.draw(self.kit, surface, rect, state, lambda: self._draw_board(surface))

    def _draw_board(self, surface: pygame.Surface) -> None:
        if self.large:
            enterprise_deal_large.draw(self, surface)
            return
        p = self.kit.painter
        pal = p.palette
        b = self.board
        cork = p.colour("#E9D3A8") if not pal.high_contrast else pal.panel
        p.panel(surface, b, fill=cork)
        p.text(surface, self.kit.t("enterprise.deal.plan"), (b.x + 20, b.y + 14), 22, bold=True)
        y = b.y + 56
        for i, need in enumerate(self.needs):
            row = pygame.Rect(b.x + 16, y, b.w - 32, 74)
            current = i == self.need_i and not self.finished
            p.panel(surface, row, radius=12, shadow=False, edge=pal.focus if current else None)
            if current:
                pygame.draw.rect(surface, pal.focus, row, 3, border_radius=12)
                board_text.hint_mark(p, surface, row)
            p.icon(surface, need.get("icon", "folder"), (row.x + 30, row.centery), 28, pal.ink)
            p.text(surface, self.kit.pick(need["label"]), (row.x + 58, row.y + 10), 19, bold=True)
            if need["id"] in self.booked:
                sid, price = self.booked[need["id"]]
                p.icon(surface, "check", (row.right - 24, row.y + 22), 22, pal.good)
                p.text_fit(surface, self.kit.pick(self.suppliers[sid]["name"]), (row.x + 58, row.y + 52), 220, 17)
                self.coins(surface, (row.right - 150, row.y + 40), price, 18, label=str(price))
            else:
                p.text(surface, self.kit.t("enterprise.deal.not_booked"), (row.x + 58, row.y + 40), 17, colour=pal.muted)
            y += 84
        self._draw_money(surface, pygame.Rect(b.x + 16, b.bottom - 150, b.w - 32, 134))
        self._draw_table(surface)
        self.draw_buttons(surface)

    def _draw_money(self, surface: pygame.Surface, box: pygame.Rect) -> None:
        p = self.kit.painter
        pal = p.palette
        p.panel(surface, box, radius=12, shadow=False)
        self.coins(surface, (box.x + 14, box.y + 12), 0, 20, label=self.kit.t("enterprise.deal.budget", spent=self.spent, budget=self.budget),
                   max_width=box.w - 28)
        bar = pygame.Rect(box.x + 14, box.y + 46, box.w - 28, 16)
        pygame.draw.rect(surface, pal.panel_edge, bar, border_radius=8)
        fill = bar.copy()
        fill.w = int(bar.w * min(1.0, self.spent / self.budget))
        pygame.draw.rect(surface, pal.bad if self.spent > self.budget else pal.accent, fill, border_radius=8)
        pygame.draw.rect(surface, pal.ink, bar, 1, border_radius=8)
        p.text(surface, self.kit.t("enterprise.deal.days", n=max(0, self.days)), (box.x + 14, box.y + 74), 18, bold=True)
        for k in range(max(0, self.days)):
            r = pygame.Rect(box.x + 14 + k * 30, box.y + 100, 24, 24)
            pygame.draw.rect(surface, pal.panel, r, border_radius=4)
            pygame.draw.rect(surface, pal.ink, r, 2, border_radius=4)
            pygame.draw.line(surface, pal.bad, (r.x, r.y + 6), (r.right - 1, r.y + 6), 4)

    def _draw_table(self, surface: pygame.Surface) -> None:
        p = self.kit.painter
        pal = p.palette
        t = self.table
        p.panel(surface, t)
        if self.finished:
            self.draw_feedback(surface, (t.x + 20, t.y + 70, t.w - 40, 48))
            return
        if self.talking is None:
            need = self.kit.pick(self.need["label"])
            p.text(surface, self.kit.t("enterprise.deal.choose", need=need), (t.x + 20, t.y + 18), 21, bold=True)
            for sid, btn in self.sup_btns.items():
                if btn.spot.visible:
                    self._draw_supplier(surface, sid, btn.spot.rect)
            self.draw_feedback(surface, (t.x + 20, t.bottom - 60, t.w - 40, 44))
            return
        sup = self.suppliers[self.talking]
        p.text(surface, self.kit.t("enterprise.deal.talking", name=self.kit.pick(sup["name"])), (t.x + 20, t.y + 18), 21,
               bold=True)
        p.shape(surface, sup["shape"], (t.x + 70, t.y + 130), 40, p.colour(sup["colour"]))
        bubble = pygame.Rect(t.x + 130, t.y + 70, t.w - 150, 96)
        pygame.draw.rect(surface, p.colour("#FFF4DC") if not pal.high_contrast else pal.panel, bubble,
                         border_radius=16)
        pygame.draw.rect(surface, pal.ink, bubble, 2, border_radius=16)
        p.text(surface, "“" + self.line + "”", (bubble.x + 16, bubble.y + 12), 20, width=bubble.w - 32)
        p.text(surface, self.kit.pick(sup["blurb"]), (t.x + 20, t.y + 186), 17, colour=pal.muted, width=t.w - 40)
        p.text(surface, self.kit.t("enterprise.deal.patience", n=max(0, self.patience)), (t.x + 20, t.y + 250), 18, bold=True)
        for k in range(max(0, self.patience)):
            p.icon(surface, "heart", (t.x + 200 + k * 30, t.y + 262), 22, pal.bad)
        self.draw_feedback(surface, (t.x + 20, t.bottom - 126, t.w - 40, 48))

    def _draw_supplier(self, surface: pygame.Surface, sid: str, r: pygame.Rect) -> None:
        # drawn over the generic button: a richer card
        p = self.kit.painter
        pal = p.palette
        sup = self.suppliers[sid]
        gone = sid in self.gone
        p.panel(surface, r, radius=14, shadow=False, fill=pal.panel_edge if gone else None)
        p.shape(surface, sup["shape"], (r.x + 40, r.y + 44), 24, p.colour(sup["colour"]))
        p.text(surface, self.kit.pick(sup["name"]), (r.x + 80, r.y + 12), 20, bold=True)
        for k in range(3):
            p.shape(surface, "star", (r.x + 92 + k * 26, r.y + 52), 10, pal.focus if k < sup["stars"] else pal.panel_edge)
        p.text(surface, self.kit.t("enterprise.deal.stars", n=sup["stars"]), (r.x + 170, r.y + 42), 16, colour=pal.muted)
        self.coins(surface, (r.right - 190, r.y + 12), sup["price"], 20)
        blurb = self.kit.pick(sup["blurb"])
        if gone:
            blurb = self.kit.t("enterprise.deal.gone")
        elif self.difficulty == 1:
            blurb += " " + self.kit.t("enterprise.deal.flex_exact", n=self._best_cut(sid))
        elif self.difficulty == 2:
            blurb += " " + self.kit.t("enterprise.deal.flex_" + ("none" if self._best_cut(sid) == 0 else "some"
                                                      if self._best_cut(sid) < self.cuts[-1] else "lots"))
        p.text(surface, blurb, (r.x + 20, r.y + 76), 17, width=r.w - 40)
