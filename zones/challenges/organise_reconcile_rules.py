"""Rules of the organise ``reconcile`` mode (Balance the Books): lay each receipt on its
ledger line (agreeing lines are ticked, a wrong amount is caught and corrected) and flag
the lines that have no receipt, until the totals balance. No pygame. Params: see
``organise_reconcile.py``; a level may also name the error ``kinds`` to plant and whether
to ``shuffle_receipts``.
"""

from __future__ import annotations

import random
from typing import Any, get_args

from zones.challenges.actions import Action
from zones.challenges.organise_params import ErrorKind, ReconcileParams
from zones.challenges.organise_rules import OrganiseRules
from zones.challenges.rules_core import Money

KIND_NAMES = get_args(ErrorKind)
KINDS = {
    1: ("tenfold", "missing"),
    2: ("tenfold", "swap", "missing"),
    3: ("swap", "pennies", "missing"),
}


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


class ReconcileRules(OrganiseRules):
    params_type = ReconcileParams
    params: ReconcileParams

    def __init__(
        self, params: ReconcileParams | dict[str, Any], difficulty: int, rng: random.Random
    ):
        super().__init__(params, difficulty, rng)
        p, level = self.params, self.difficulty - 1
        entries = list(p.entries)
        rng.shuffle(entries)
        n = min(len(entries), p.rows[level])
        #: the ledger lines (play state: the params' entries with their written amounts)
        self.rows: list[dict[str, Any]] = [
            {"id": e.id, "label": e.label, "paid": _cents(e.amount)} for e in entries[:n]
        ]
        kinds = tuple(p.kinds or KINDS[self.difficulty])
        bad = rng.sample(range(n), min(n - 1, p.mismatches[level]))
        for k, i in enumerate(bad):
            row = self.rows[i]
            row["kind"] = kinds[k % len(kinds)] if k < len(kinds) else rng.choice(kinds)
            row["written"] = (
                _wrong(row["paid"], row["kind"], rng)
                if row["kind"] != "missing"
                else rng.choice((2000, 2500, 3000, 3500))
            )
        for row in self.rows:
            row.setdefault("kind", "")
            row.setdefault("written", row["paid"])
        self.receipts = [r for r in self.rows if r["kind"] != "missing"]
        if self.difficulty == 3 if p.shuffle_receipts is None else p.shuffle_receipts:
            self.receipts = self.receipts[:]
            rng.shuffle(self.receipts)
        self.to_find = len(bad)
        self.flagged: set[str] = set()
        self.checked: set[str] = set()
        self.hint_row: str | None = None
        #: the row flagged last (the view animates it)
        self.last_row: str | None = None
        self.slipped = False
        #: lines whose receipt was laid on them and agreed
        self.matched: set[str] = set()
        #: the receipt in the pupil's hand (``tool``), laid on a line by ``place``
        self.holding: str | None = None

    def ledger_total(self) -> int:
        return sum(
            r["paid"]
            if r["id"] in self.flagged and r["kind"] != "missing"
            else 0
            if r["id"] in self.flagged
            else r["written"]
            for r in self.rows
        )

    def receipts_total(self) -> int:
        return sum(r["paid"] for r in self.receipts)

    # -- actions ------------------------------------------------------------------
    def open_rows(self) -> list[dict[str, Any]]:
        """Ledger lines not yet accounted for (not flagged, matched or checked)."""
        done = self.flagged | self.checked | self.matched
        return [r for r in self.rows if r["id"] not in done]

    def open_receipts(self) -> list[dict[str, Any]]:
        """Receipts whose line is still open."""
        done = self.flagged | self.matched | self.checked
        return [r for r in self.receipts if r["id"] not in done]

    def actions(self) -> list[Action]:
        if self.finished:
            return []
        rows = self.open_rows()
        receipts = self.open_receipts()
        lay = [Action("place", row["id"], rec["id"]) for rec in receipts for row in rows]
        take = [Action("tool", "", rec["id"]) for rec in receipts]
        return take + lay + [Action("flag", r["id"]) for r in rows] + [Action("hint")]

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
        if action.kind == "tool":  # a receipt picked up from the pile
            self.holding = (
                action.value if action.value in {r["id"] for r in self.open_receipts()} else None
            )
            return
        if action.kind == "place":
            self.holding = None
            self._match(action.value, action.target)
            return
        row = next((r for r in self.open_rows() if r["id"] == action.target), None)
        if action.kind != "flag" or row is None:
            return
        self.holding = None
        self.emit("choice", step=row["id"], response="flag")
        self.last_row = row["id"]
        label = row["label"]
        if row["kind"]:
            self._caught(row)
        else:
            self.mistakes += 1
            self.slipped = True
            self.checked.add(row["id"])
            self.say("organise.acc_fine", False, item=label)
            self.emit("mistake", step=row["id"])

    def _caught(self, row: dict[str, Any]) -> None:
        """A wrong line found (flagged, or its receipt laid on it): corrected."""
        self.correct += 1
        self.flagged.add(row["id"])
        self.hint_row = None if self.hint_row == row["id"] else self.hint_row
        key = "organise.acc_missing" if row["kind"] == "missing" else "organise.acc_fixed"
        self.recovered += self.slipped  # a right step straight after a wrong one
        self.slipped = False
        self.say(
            key, True, item=row["label"], paid=Money(row["paid"]), written=Money(row["written"])
        )
        self.emit("progress", progress=self.progress)
        if len(self.flagged) == self.to_find:
            self.finished = True

    def _match(self, receipt_id: str, row_id: str) -> None:  # Action("place", row_id, receipt_id)
        """A receipt laid on a ledger line: its own line is ticked when the amounts agree
        and caught (corrected) when they differ; another line is a slip."""
        receipt = next((r for r in self.open_receipts() if r["id"] == receipt_id), None)
        row = next((r for r in self.open_rows() if r["id"] == row_id), None)
        if receipt is None or row is None:
            return
        self.emit("choice", step=row["id"], response=f"match:{receipt_id}")
        self.last_row = row["id"]
        if receipt_id != row_id:
            self.mistakes += 1
            self.slipped = True
            self.say("organise.acc_not_this", False, receipt=receipt["label"], item=row["label"])
            self.emit("mistake", step=row["id"])
            return
        if row["kind"]:  # a wrong amount: the receipt shows the truth
            self._caught(row)
            return
        self.correct += 1
        self.matched.add(row["id"])
        self.recovered += self.slipped
        self.slipped = False
        self.say("organise.acc_match", True, item=row["label"], paid=Money(row["paid"]))
        self.emit("progress", progress=self.progress)

    def bot_action(self, rng: random.Random, skill: float) -> Action | None:
        """A pupil works down the pile: each receipt onto its line (or, slipping, onto
        another line or flagging a line that is fine); the lines left without a receipt
        are flagged last."""
        if self.finished:
            return None
        rows = self.open_rows()
        fine = [r for r in rows if not r["kind"]]
        receipts = self.open_receipts()
        if receipts:
            rec = receipts[0]
            if rng.random() < skill or len(rows) < 2:
                return Action("place", rec["id"], rec["id"])
            if fine and rng.random() < 0.5:
                return Action("flag", rng.choice(fine)["id"])
            return Action(
                "place", rng.choice([r for r in rows if r["id"] != rec["id"]])["id"], rec["id"]
            )
        bad = [r for r in rows if r["kind"]]
        if rng.random() < skill or not fine:
            return Action("flag", bad[0]["id"])
        return Action("flag", rng.choice(fine)["id"])

    @property
    def progress(self) -> float:
        return len(self.flagged) / max(1, self.to_find)

    def details(self) -> dict[str, Any]:
        return {
            "rows": len(self.rows),
            "mismatches": self.to_find,
            "false_flags": len(self.checked),
            "matched": len(self.matched),
        }

    def describe(self) -> list[tuple[Any, dict[str, Any]]]:
        ledger, receipts = self.ledger_total(), self.receipts_total()
        lines: list[tuple[Any, dict[str, Any]]] = [
            (
                "organise.acc_totals",
                {
                    "ledger": Money(ledger),
                    "receipts": Money(receipts),
                    "diff": Money(abs(ledger - receipts)),
                },
            )
        ]
        for row in self.open_rows():
            lines.append(
                ("organise.acc_row", {"item": row["label"], "amount": Money(row["written"])})
            )
        return lines
