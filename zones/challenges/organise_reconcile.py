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
     "rows": [6, 8, 10], "mismatches": [2, 3, 4], "time_limit": [0, 0, 240]}

Easy uses obvious errors (an extra zero, a missing receipt) and says how many to find;
Medium adds swapped digits; Hard uses subtle errors and shuffles the receipts.
"""

from __future__ import annotations

import random
from typing import Any

import pygame

from zones.challenges import board_text, organise_large
from zones.challenges.base import Action, check_langmap
from zones.challenges.organise_common import OrganiseMode, check_three, three

KINDS = {1: ("tenfold", "missing"), 2: ("tenfold", "swap", "missing"), 3: ("swap", "pennies", "missing")}


def _cents(value: float) -> int:
    return int(round(value * 100))


def _wrong(cents: int, kind: str, rng: random.Random) -> int:
    """A believable wrong amount for ``cents`` (never equal to it)."""
    if kind == "tenfold":
        return cents * 10
    digits = list(str(cents))
    if kind == "swap":
        pairs = [i for i in range(len(digits) - 1) if digits[i] != digits[i + 1]]
        if pairs:
            i = rng.choice(pairs)
            digits[i], digits[i + 1] = digits[i + 1], digits[i]
            if digits[0] != "0":
                return int("".join(digits))
    step = rng.choice((-3, -2, 2, 3, 10, -10))
    return max(1, cents + step) if cents + step != cents else cents + 1


class ReconcileMode(OrganiseMode):
    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        problems: list[str] = []
        entries = params.get("entries")
        if not isinstance(entries, list) or len(entries) < 6:
            return ["entries: needs a list of at least 6 ledger entries"]
        for i, e in enumerate(entries):
            if not isinstance(e, dict) or not isinstance(e.get("id"), str):
                problems.append(f"entries[{i}]: needs an id")
                continue
            problems += check_langmap(e.get("label"), f"entries[{i}].label", languages)
            if not isinstance(e.get("amount"), (int, float)) or not 1 <= e["amount"] < 1000:
                problems.append(f"entries[{i}].amount: must be a number from 1 to 999.99")
        problems += check_langmap(params.get("currency"), "currency", languages)
        if "decimal" in params:
            problems += check_langmap(params["decimal"], "decimal", languages)
        problems += check_three(params, "rows", 4, min(10, len(entries)))
        problems += check_three(params, "mismatches", 1, 5)
        problems += check_three(params, "time_limit", 0, 900)
        rows, bad = params.get("rows", [6, 8, 10]), params.get("mismatches", [2, 3, 4])
        if not problems and any(b >= r for b, r in zip(bad, rows, strict=True)):
            problems.append("mismatches: must be fewer than rows at every level")
        return problems

    def __init__(self, params: dict[str, Any], difficulty: int, kit: Any, rng: random.Random):
        super().__init__(params, difficulty, kit, rng)
        entries = list(params["entries"])
        rng.shuffle(entries)
        n = min(len(entries), three(params, "rows", [6, 8, 10], self.difficulty))
        self.rows = [{"id": e["id"], "label": e["label"], "paid": _cents(e["amount"])} for e in entries[:n]]
        kinds = KINDS[self.difficulty]
        bad = rng.sample(range(n), min(n - 1, three(params, "mismatches", [2, 3, 4], self.difficulty)))
        for k, i in enumerate(bad):
            row = self.rows[i]
            row["kind"] = kinds[k % len(kinds)] if k < len(kinds) else rng.choice(kinds)
            row["written"] = _wrong(row["paid"], row["kind"], rng) if row["kind"] != "missing" else \
                rng.choice((2000, 2500, 3000, 3500))
        for row in self.rows:
            row.setdefault("kind", "")
            row.setdefault("written", row["paid"])
        self.receipts = [r for r in self.rows if r["kind"] != "missing"]
        if self.difficulty == 3:
            self.receipts = self.receipts[:]
            rng.shuffle(self.receipts)
        self.to_find = len(bad)
        self.flagged: set[str] = set()
        self.checked: set[str] = set()
        self.hint_row: str | None = None
        self.rects: dict[str, pygame.Rect] = {}
        self.spots: dict[str, Any] = {}

    def money(self, cents: int) -> str:
        point = self.kit.pick(self.params["decimal"]) if "decimal" in self.params else "."
        return self.kit.pick(self.params["currency"], n=f"{cents // 100}{point}{cents % 100:02d}")

    def ledger_total(self) -> int:
        return sum(r["paid"] if r["id"] in self.flagged and r["kind"] != "missing" else
                   0 if r["id"] in self.flagged else r["written"] for r in self.rows)

    def receipts_total(self) -> int:
        return sum(r["paid"] for r in self.receipts)

    # -- actions ------------------------------------------------------------------
    def open_rows(self) -> list[dict[str, Any]]:
        return [r for r in self.rows if r["id"] not in self.flagged and r["id"] not in self.checked]

    def actions(self) -> list[Action]:
        if self.finished:
            return []
        return [Action("flag", r["id"]) for r in self.open_rows()] + [Action("hint")]

    def perform(self, action: Action) -> None:
        if self.finished:
            return
        if action.kind == "hint":
            bad = [r["id"] for r in self.open_rows() if r["kind"]]
            if bad:
                self.hints_used += 1
                self.hint_row = bad[0]
                self.emit("hint", step=self.hint_row)
            return
        row = next((r for r in self.open_rows() if r["id"] == action.target), None)
        if action.kind != "flag" or row is None:
            return
        self.emit("choice", step=row["id"], response="flag")
        label = self.kit.pick(row["label"])
        if row["kind"]:
            self.correct += 1
            self.flagged.add(row["id"])
            self.hint_row = None if self.hint_row == row["id"] else self.hint_row
            key = "organise.acc_missing" if row["kind"] == "missing" else "organise.acc_fixed"
            self.say(self.kit.t(key, item=label, paid=self.money(row["paid"]), written=self.money(row["written"])), True)
            self.emit("progress", progress=self.progress)
            if len(self.flagged) == self.to_find:
                self.finished = True
                self.on_finish()
        else:
            self.mistakes += 1
            self.checked.add(row["id"])
            self.say(self.kit.t("organise.acc_fine", item=label), False)
            self.emit("mistake", step=row["id"])
        self._sync()

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        if self.finished:
            return None
        open_rows = self.open_rows()
        bad = [r for r in open_rows if r["kind"]]
        fine = [r for r in open_rows if not r["kind"]]
        if rng.random() < skill or not fine:
            return Action("flag", bad[0]["id"])
        return Action("flag", rng.choice(fine)["id"])

    @property
    def progress(self) -> float:
        return len(self.flagged) / max(1, self.to_find)

    def details(self) -> dict[str, Any]:
        return {"rows": len(self.rows), "mismatches": self.to_find, "false_flags": len(self.checked)}

    # -- layout -------------------------------------------------------------------
    def build(self, area: pygame.Rect) -> None:
        if self.kit.painter is not None and board_text.large(self.kit.painter):
            organise_large.build_accounts(self, area)
            self._sync()
            return
        self.ledger = pygame.Rect(area.x, area.y, 640, area.h - 86)
        self.pile = pygame.Rect(self.ledger.right + 20, area.y, area.right - self.ledger.right - 20, area.h - 86)
        self.bar = pygame.Rect(area.x, self.ledger.bottom + 16, 940, area.bottom - self.ledger.bottom - 18)
        row_h = min(44, (self.ledger.h - 142) // len(self.rows))
        for i, row in enumerate(self.rows):
            r = pygame.Rect(self.ledger.x + 14, self.ledger.y + 94 + i * row_h, self.ledger.w - 28, row_h - 4)
            self.rects[row["id"]] = r
            self.spots[row["id"]] = self.kit.ui.hotspot(
                r, self.kit.t("organise.acc_row", item=self.kit.pick(row["label"]), amount=self.money(row["written"])),
                lambda rid=row["id"]: self.perform(Action("flag", rid)))
        self.spots["hint"] = self.kit.ui.button((self.bar.right + 16, self.bar.y, area.right - self.bar.right - 16,
                                                 self.bar.h), self.kit.t("challenge.hint"),
                                                lambda: self.perform(Action("hint")))
        self._sync()

    def on_finish(self) -> None:
        self._sync()

    def _sync(self) -> None:
        for key, spot in self.spots.items():
            if key == "hint":
                spot.set_enabled(not self.finished)
            else:
                spot.enabled = not self.finished and key not in self.flagged and key not in self.checked

    # -- drawing ------------------------------------------------------------------
    def draw(self, surface: pygame.Surface, area: pygame.Rect) -> None:
        """Ledger and receipts from the cached layer (redrawn when a row is checked or
        flagged, a hint or remark appears); the clock every frame."""
        state = (frozenset(self.flagged), frozenset(self.checked), self.hint_row, self.feedback,
                 self.feedback_good, self.finished)
        if board_text.large(self.kit.painter):
            self.draw_layered(surface, area, state, lambda: organise_large.paint_accounts(self, surface))
            return
        self.draw_layered(surface, area, state, lambda: self._paint(surface))

    def _paint(self, surface: pygame.Surface) -> None:
        p = self.kit.painter
        pal = p.palette
        t = self.kit.t
        led = self.ledger
        p.panel(surface, led)
        p.icon(surface, "folder", (led.x + 28, led.y + 26), 24, pal.ink)
        p.text(surface, t("organise.ledger"), (led.x + 48, led.y + 12), 22, bold=True)
        self.draw_clock(surface, (led.right - 150, led.y + 18, 130, 20))
        p.text(surface, t("organise.acc_help"), (led.x + 18, led.y + 44), 17, colour=pal.muted, width=led.w - 36)
        for row in self.rows:
            r = self.rects[row["id"]]
            flagged, checked = row["id"] in self.flagged, row["id"] in self.checked
            hinted = row["id"] == self.hint_row
            fill = pal.panel
            if not pal.high_contrast:
                fill = (253, 236, 236) if flagged else (236, 244, 238) if checked else (
                    p.colour("#FFF4DC") if hinted else pal.panel)
            pygame.draw.rect(surface, fill, r, border_radius=8)
            pygame.draw.rect(surface, pal.focus if hinted else pal.panel_edge, r, 3 if hinted else 1, border_radius=8)
            p.text_fit(surface, self.kit.pick(row["label"]), (r.x + 40, r.centery), r.w - 300, 18)
            if hinted and not (flagged or checked):
                p.shape(surface, "star", (r.x + 18, r.centery), 8, pal.focus)
            if flagged:
                p.icon(surface, "cross", (r.x + 18, r.centery), 18, pal.bad)
                old = self.money(row["written"])
                ow = p.font(17).size(old)[0]
                p.text(surface, old, (r.right - 130, r.centery - 11), 17, colour=pal.muted, align="right")
                pygame.draw.line(surface, pal.muted, (r.right - 134 - ow, r.centery), (r.right - 126, r.centery), 2)
                new = t("organise.acc_none") if row["kind"] == "missing" else self.money(row["paid"])
                p.text(surface, new, (r.right - 12, r.centery - 11), 18, bold=True, colour=pal.bad, align="right")
            else:
                if checked:
                    p.icon(surface, "check", (r.x + 18, r.centery), 18, pal.good)
                p.text(surface, self.money(row["written"]), (r.right - 12, r.centery - 11), 18, bold=True, align="right")
        diff = self.ledger_total() - self.receipts_total()
        line = t("organise.acc_totals", ledger=self.money(self.ledger_total()),
                 receipts=self.money(self.receipts_total()), diff=self.money(abs(diff)))
        x = led.x + 18
        if diff == 0:                     # balanced: a tick as well as the colour
            p.icon(surface, "check", (x + 10, led.bottom - 22), 20, pal.good)
            x += 28
        p.text_fit(surface, line, (x, led.bottom - 22), led.right - 18 - x, 18, bold=True,
                   colour=pal.good if diff == 0 else pal.ink)
        self._draw_pile(surface)
        idle = t("organise.acc_count", n=self.to_find - len(self.flagged)) if self.difficulty == 1 else t("organise.acc_idle")
        self.draw_feedback(surface, self.bar, idle)

    def _draw_pile(self, surface: pygame.Surface) -> None:
        p = self.kit.painter
        pal = p.palette
        pile = self.pile
        p.panel(surface, pile)
        p.icon(surface, "coin", (pile.x + 28, pile.y + 26), 24, pal.ink)
        p.text(surface, self.kit.t("organise.receipts"), (pile.x + 48, pile.y + 12), 22, bold=True)
        cols = 2
        w = (pile.w - 28 - 12) // cols
        h = min(70, (pile.h - 60) // max(1, -(-len(self.receipts) // cols)) - 8)
        paper = (255, 253, 240) if not pal.high_contrast else pal.panel
        for i, rec in enumerate(self.receipts):
            r = pygame.Rect(pile.x + 14 + (i % cols) * (w + 12), pile.y + 52 + (i // cols) * (h + 8), w, h)
            pygame.draw.rect(surface, paper, r, border_radius=6)
            pygame.draw.rect(surface, pal.panel_edge, r, 2, border_radius=6)
            for k in range(r.x + 6, r.right - 6, 12):
                pygame.draw.line(surface, pal.panel_edge, (k, r.bottom - 3), (k + 6, r.bottom - 3), 2)
            p.text_fit(surface, self.kit.pick(rec["label"]), (r.x + 10, r.y + h * 0.3), w - 20, 17)
            p.text(surface, self.money(rec["paid"]), (r.right - 10, r.y + h * 0.55), 18, bold=True, align="right")
