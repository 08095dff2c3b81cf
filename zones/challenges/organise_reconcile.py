"""Organise, ``reconcile`` mode: check a ledger against the receipts and flag the mismatches.

The left page is the club's ledger (what the treasurer wrote), the right is the pile of
receipts (what was really paid). Some ledger lines are wrong: an extra zero, two digits
swapped, a few pennies off, or no receipt at all. The player flags a ledger line; a real
mismatch gets corrected and the difference between the totals shrinks, a line that matches
is ticked as checked (and costs accuracy). Done when the books balance.

Params::

    {"mode": "reconcile",
     "entries": [{"id": "kit_wash", "label": {...}, "amount": 18.40}],
     "currency": {"en": "£%{n}", "es": "%{n} €"}, "decimal": {"en": ".", "es": ","},
     "rows": [6, 8, 10], "mismatches": [2, 3, 4], "time_limit": [0, 0, 240],
     "kinds": ["swap", "pennies", "missing"], "shuffle_receipts": true}

The pupil lays each receipt on its ledger line (drag it, or press it and then the line):
an agreeing line is ticked, a wrong amount is caught; a line with no receipt is flagged
by pressing it. ``kinds`` and ``shuffle_receipts`` (optional) choose the errors planted and
whether the receipts come in ledger order.

Easy uses obvious errors (an extra zero, a missing receipt) and says how many to find;
Medium adds swapped digits; Hard uses subtle errors and shuffles the receipts.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pygame

from zones import ui_layout
from zones.challenges.actions import Action
from zones.challenges.drag import Drag, click_events, shown_centre
from zones.challenges.organise_common import OrganiseMode
from zones.challenges.organise_reconcile_rules import ReconcileRules


class ReconcileMode(OrganiseMode):
    """The ledger beside the receipts: the view of :class:`ReconcileRules`."""

    rules_class = ReconcileRules

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: Any):
        super().__init__(params, difficulty, kit, rng)
        self.rects: dict[str, pygame.Rect] = {}
        self.spots: dict[str, Any] = {}
        #: receipt id → its hotspot on the pile (pick it up to lay it on a line)
        self.receipt_spots: dict[str, Any] = {}
        #: the receipt in the pupil's hand
        self.drag = Drag()

    def money(self, cents: int) -> str:
        point = self.kit.pick(self.params.decimal) if self.params.decimal else "."
        return self.kit.pick(self.params.currency, n=f"{cents // 100}{point}{cents % 100:02d}")

    def sync(self) -> None:
        self._sync()

    # -- layout -------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        """The ledger (rows, totals) with the receipts beside it and the remark bar and hint
        below, or all stacked where they do not fit side by side; every box as tall as its
        100 % design or its measured text."""
        p, t, pick = self.kit.painter, self.kit.t, self.kit.pick
        side_by_side, lw = ui_layout.beside(p, area.x, area.y, area.w, 640, area.w - 660)
        x = area.x
        self.icon_size = ui_layout.icon(p, 24)
        self.help_y = ui_layout.below(44, 12 + self._title_h(t("organise.ledger"), lw) + 6)
        y = area.y + ui_layout.below(
            94, self.help_y + ui_layout.text_h(p, t("organise.acc_help"), lw - 36, 17) + 10
        )
        amounts = [self.money(r["written"]) for r in self.rows] + [
            self.money(r["paid"]) for r in self.rows if "paid" in r
        ]
        self.money_w = max(p.font(18, True).size(a)[0] for a in amounts + [t("organise.acc_none")])
        size = ui_layout.icon(p, 18)
        self.row_label_w = lw - 28 - 22 - size - max(260, 2 * self.money_w + 72)
        design_h = min(44, (area.h - 86 - 142) // len(self.rows)) - 4
        for row in self.rows:
            h = ui_layout.grow(
                design_h,
                max(
                    ui_layout.label_h(p, pick(row["label"]), self.row_label_w, 18), p.line(18, True)
                )
                + ui_layout.scaled(p, 7),
            )
            r = pygame.Rect(x + 14, y, lw - 28, h)
            self.rects[row["id"]] = r
            self.spots[row["id"]] = self.kit.ui.hotspot(
                r,
                t("organise.acc_row", item=pick(row["label"]), amount=self.money(row["written"])),
                lambda rid=row["id"]: self._press_row(rid),
            )
            y = r.bottom + 4
        totals = t(
            "organise.acc_totals",
            ledger=self.money(self.ledger_total()),
            receipts=self.money(self.receipts_total()),
            diff=self.money(abs(self.ledger_total() - self.receipts_total())),
        )
        self.totals_h = ui_layout.label_h(p, totals, lw - 36 - 28, 18, True)
        self.ledger = pygame.Rect(
            x,
            area.y,
            lw,
            ui_layout.grow(area.h - 86 if side_by_side else 0, y + 8 + self.totals_h + 12 - area.y),
        )
        bar_beside, bar_w = ui_layout.beside(p, x, 0, area.w, 940, area.w - 956, 16)
        bar_y = max(self.ledger.bottom, area.y + area.h - 86 if side_by_side else 0) + 16
        self.bar = pygame.Rect(x, bar_y, bar_w, self.feedback_h(68))
        label = t("challenge.hint")
        if bar_beside:
            hint = pygame.Rect(
                self.bar.right + 16, self.bar.y, area.right - self.bar.right - 16, self.bar.h
            )
        else:
            hint = pygame.Rect(
                x,
                self.bar.bottom + 12,
                max(300, p.button_w(label)),
                ui_layout.grow(46, p.button_h()),
            )
        self.spots["hint"] = self.kit.ui.button(hint, label, lambda: self.perform(Action("hint")))
        if side_by_side:
            self.pile = pygame.Rect(
                self.ledger.right + 20, area.y, area.right - self.ledger.right - 20, area.h - 86
            )
        else:
            self.pile = pygame.Rect(x, hint.bottom + 20, area.w, 0)
        self._build_pile(area.h - 86)
        self.bottom = max(self.bar.bottom, hint.bottom, self.pile.bottom)
        self._sync()

    def _title_h(self, text: str, width: int) -> int:
        """The height of a panel's heading (beside its icon and the clock)."""
        return ui_layout.text_h(self.kit.painter, text, width - 24 - self.icon_size - 170, 22, True)

    def _build_pile(self, design_h: int) -> None:
        """The receipts in two columns, each as tall as its 100 % share or its text."""
        p, pick = self.kit.painter, self.kit.pick
        pile = self.pile
        cols = ui_layout.columns_for(p, 2, pile.w - 28, 230)
        w = (pile.w - 28 - 12 * (cols - 1)) // cols
        rows = -(-len(self.receipts) // cols)
        self.rec_h = ui_layout.grow(
            min(70, (design_h - 60) // max(1, rows) - 8),
            max(ui_layout.label_h(p, pick(r["label"]), w - 20, 17) for r in self.receipts)
            + p.line(18, True)
            + 26,
        )
        top = pile.y + ui_layout.below(
            52, 12 + self._title_h(self.kit.t("organise.receipts"), pile.w) + 8
        )
        self.receipt_rects = ui_layout.grid(
            [self.rec_h] * len(self.receipts), pile.x + 14, top, pile.w - 28, cols, 12, 8
        )
        pile.h = ui_layout.grow(pile.h, ui_layout.bottom(self.receipt_rects, top) + 14 - pile.y)
        for rec, r in zip(self.receipts, self.receipt_rects, strict=True):
            self.receipt_spots[rec["id"]] = self.kit.ui.hotspot(
                r,
                self.kit.t("organise.acc_pick", item=pick(rec["label"])),
                lambda rid=rec["id"]: self._pick(rid),
            )

    def on_finish(self) -> None:
        self._sync()

    def _sync(self) -> None:
        done = self.flagged | self.checked | self.matched
        for key, spot in self.spots.items():
            if key == "hint":
                spot.set_enabled(not self.finished)
            else:
                spot.enabled = not self.finished and key not in done
        for key, spot in self.receipt_spots.items():
            spot.enabled = not self.finished and key in {r["id"] for r in self.open_receipts()}
        if self.finished or self.drag.held != self.holding:
            self.drag.drop()

    def _pick(self, receipt_id: str) -> None:
        """A receipt was pressed (a click, the start of a drag, or Enter): it is in hand."""
        self.perform(Action("tool", "", receipt_id))
        if self.holding == receipt_id:
            self.drag.pick(receipt_id)

    def _press_row(self, row_id: str) -> None:
        """A ledger line pressed: the receipt in hand is laid on it, else the line is flagged."""
        held = self.holding
        self.drag.drop()
        self.perform(Action("place", row_id, held) if held is not None else Action("flag", row_id))

    def gesture(self, action: Action) -> Iterator[pygame.event.Event]:
        """Laying a receipt on a line by the pointer: press the receipt, then the line."""
        if action.kind != "place" or action.value not in self.receipt_spots:
            return
        if self.holding != action.value:
            yield from click_events(shown_centre(self.kit.ui, self.receipt_spots[action.value]))
        if action.target in self.spots:
            yield from click_events(shown_centre(self.kit.ui, self.spots[action.target]))

    def handle_event(self, event: pygame.event.Event) -> None:
        """Carrying a receipt with the mouse: it lands on the line it is released over."""
        open_rows = {r["id"]: self.rects[r["id"]] for r in self.open_rows()}
        self.drag.handle(
            event,
            self.kit.ui,
            open_rows,
            lambda rec, row: self.perform(Action("place", str(row), str(rec))),
        )

    @property
    def animating(self) -> bool:
        return super().animating or self.drag.carried

    # -- drawing ------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Ledger and receipts from the cached layer (redrawn when a row is checked or
        flagged, a hint or remark appears); the clock every frame."""
        state = (
            frozenset(self.flagged),
            frozenset(self.checked),
            frozenset(self.matched),
            self.hint_row,
            self.feedback,
            self.feedback_good,
            self.finished,
            self.holding,
            self.drag.carried,
        )
        area = area.union(self.ledger).union(self.pile).union(self.bar)
        self.draw_layered(surface, area, state, lambda: self._paint(surface))
        if self.drag.carried:
            self._draw_carried(surface)
        if self.last_row in self.rects:
            r = self.rects[self.last_row]
            self.burst(surface, (r.x + 12, r.centery), self.feedback_good)

    def _draw_carried(self, surface: pygame.Surface) -> None:
        """The receipt in hand under the pointer, the line below it lit."""
        p = self.kit.painter
        pal = p.palette
        over = self.drag.over({r["id"]: self.rects[r["id"]] for r in self.open_rows()})
        if over is not None:
            pygame.draw.rect(
                surface, pal.focus, self.rects[over].inflate(6, 6), 3, border_radius=10
            )
        rec = next((r for r in self.receipts if r["id"] == self.drag.held), None)
        if rec is None:
            return
        text = self.money(rec["paid"])
        slip = pygame.Rect(
            0, 0, p.font(18, True).size(text)[0] + 28, ui_layout.grow(40, p.line(18, True) + 16)
        )
        slip.center = self.drag.pos or slip.center
        pygame.draw.rect(
            surface, (255, 253, 240) if not pal.high_contrast else pal.panel, slip, border_radius=6
        )
        pygame.draw.rect(surface, pal.ink, slip, 2, border_radius=6)
        p.text(
            surface,
            text,
            (slip.centerx, slip.centery - p.line(18, True) // 2),
            18,
            bold=True,
            align="center",
            box=slip,
        )

    def _heading(
        self, surface: pygame.Surface, rect: pygame.Rect, icon: str, text: str, clock: bool
    ) -> None:
        p = self.kit.painter
        size = self.icon_size
        p.icon(
            surface,
            icon,
            (
                rect.x + 16 + size // 2,
                ui_layout.below(rect.y + 26, rect.y + 12 + p.line(22, True) // 2),
            ),
            size,
            p.palette.ink,
        )
        x = rect.x + 24 + size
        p.text(
            surface,
            text,
            (x, rect.y + 12),
            22,
            bold=True,
            width=rect.right - x - (170 if clock else 18),
            box=rect,
        )

    def _paint(self, surface: pygame.Surface) -> None:
        p = self.kit.painter
        pal = p.palette
        t = self.kit.t
        led = self.ledger
        p.panel(surface, led)
        self._heading(surface, led, "folder", t("organise.ledger"), True)
        self.draw_clock(surface, (led.right - 150, led.y + 18, 130, 20))
        p.text(
            surface,
            t("organise.acc_help"),
            (led.x + 18, led.y + self.help_y),
            17,
            colour=pal.muted,
            width=led.w - 36,
            box=led,
        )
        size = ui_layout.icon(p, 18)
        for row in self.rows:
            self._paint_row(surface, row, size)
        diff = self.ledger_total() - self.receipts_total()
        line = t(
            "organise.acc_totals",
            ledger=self.money(self.ledger_total()),
            receipts=self.money(self.receipts_total()),
            diff=self.money(abs(diff)),
        )
        x = led.x + 18
        mid = led.bottom - 12 - self.totals_h // 2
        if diff == 0:  # balanced: a tick as well as the colour
            tick = ui_layout.icon(p, 20)
            p.icon(surface, "check", (x + tick // 2, mid), tick, pal.good)
            x += tick + 8
        ui_layout.label(
            p,
            surface,
            line,
            (x, mid),
            led.right - 18 - x,
            18,
            bold=True,
            colour=pal.good if diff == 0 else pal.ink,
            box=led,
        )
        self._draw_pile(surface)
        idle = (
            t("organise.acc_count", n=self.to_find - len(self.flagged))
            if self.difficulty == 1
            else t("organise.acc_idle")
        )
        self.draw_feedback(surface, self.bar, idle)

    def _paint_row(self, surface: pygame.Surface, row: dict[str, Any], size: int) -> None:
        p, t = self.kit.painter, self.kit.t
        pal = p.palette
        r = self.rects[row["id"]]
        flagged, checked = (
            row["id"] in self.flagged,
            row["id"] in self.checked or row["id"] in self.matched,
        )
        hinted = row["id"] == self.hint_row
        fill = pal.panel
        if not pal.high_contrast:
            fill = (
                (253, 236, 236)
                if flagged
                else (236, 244, 238)
                if checked
                else (p.colour("#FFF4DC") if hinted else pal.panel)
            )
        pygame.draw.rect(surface, fill, r, border_radius=8)
        pygame.draw.rect(
            surface, pal.focus if hinted else pal.panel_edge, r, 3 if hinted else 1, border_radius=8
        )
        ui_layout.label(
            p,
            surface,
            self.kit.pick(row["label"]),
            (r.x + 22 + size, r.centery),
            self.row_label_w,
            18,
            box=r,
        )
        mark = (r.x + 9 + size // 2, r.centery)
        if hinted and not (flagged or checked):
            p.shape(surface, "star", mark, max(8, size // 2 - 1), pal.focus)
        y = r.centery - (p.line(18, True) + 1) // 2
        if flagged:
            p.icon(surface, "cross", mark, size, pal.bad)
            old = self.money(row["written"])
            ow = p.font(17).size(old)[0]
            new = t("organise.acc_none") if row["kind"] == "missing" else self.money(row["paid"])
            right_old = r.right - max(130, 24 + p.font(18, True).size(new)[0])
            p.text(surface, old, (right_old, y), 17, colour=pal.muted, align="right", box=r)
            pygame.draw.line(
                surface, pal.muted, (right_old - 4 - ow, r.centery), (right_old + 4, r.centery), 2
            )
            p.text(
                surface, new, (r.right - 12, y), 18, bold=True, colour=pal.bad, align="right", box=r
            )
        else:
            if checked or row["id"] in self.matched:
                p.icon(surface, "check", mark, size, pal.good)
            p.text(
                surface,
                self.money(row["written"]),
                (r.right - 12, y),
                18,
                bold=True,
                align="right",
                box=r,
            )

    def _draw_pile(self, surface: pygame.Surface) -> None:
        p = self.kit.painter
        pal = p.palette
        pile = self.pile
        p.panel(surface, pile)
        self._heading(surface, pile, "coin", self.kit.t("organise.receipts"), False)
        h = self.rec_h
        paper = (255, 253, 240) if not pal.high_contrast else pal.panel
        for rec, r in zip(self.receipts, self.receipt_rects, strict=True):
            filed = rec["id"] in self.matched or rec["id"] in self.flagged
            pygame.draw.rect(surface, paper if not filed else pal.panel, r, border_radius=6)
            edge = pal.focus if rec["id"] == self.holding else pal.panel_edge
            pygame.draw.rect(
                surface, edge, r, 4 if rec["id"] == self.holding else 2, border_radius=6
            )
            if filed:  # laid on its line: a tick in the corner
                size = ui_layout.icon(p, 16)
                p.icon(
                    surface, "check", (r.right - 6 - size // 2, r.y + 6 + size // 2), size, pal.good
                )
            for k in range(r.x + 6, r.right - 6, 12):
                pygame.draw.line(
                    surface, pal.panel_edge, (k, r.bottom - 3), (k + 6, r.bottom - 3), 2
                )
            label = self.kit.pick(rec["label"])
            lh = ui_layout.label_h(p, label, r.w - 20, 17)
            ui_layout.label(
                p,
                surface,
                label,
                (r.x + 10, ui_layout.below(int(r.y + h * 0.3), r.y + 10 + lh // 2)),
                r.w - 20,
                17,
                box=r,
            )
            p.text(
                surface,
                self.money(rec["paid"]),
                (r.right - 10, ui_layout.below(int(r.y + h * 0.55), r.y + 10 + lh + 6)),
                18,
                bold=True,
                align="right",
                box=r,
            )
