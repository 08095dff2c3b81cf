"""The typed params of the organise modes (read by ``organise_*_rules.py`` and their
views, checked on load by ``zones.params_types``; see each mode's module for the game).
Every mode has a ``time_limit`` (seconds per difficulty, 0 = no clock)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from zones.params_types import Rule, Shape, Text, Three, key


def _three(name: str, value: tuple[int, int, int], low: int, high: int) -> list[str]:
    """Today's per-difficulty check: three whole numbers from ``low`` to ``high``."""
    if all(low <= x <= high for x in value):
        return []
    return [f"{name}: must be three whole numbers from {low} to {high}"]


def _code(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


@dataclass(frozen=True)
class Shelf:
    """A shelf of the ``sort`` mode: the classification numbers ``from``–``to`` it holds."""

    id: str
    label: Text
    from_: float = field(metadata=key("from"))
    to: float
    shape: Shape
    colour: str = "#3A86FF"

    def check(self) -> list[str]:
        return [] if self.from_ <= self.to else ["from: must be ≤ 'to'"]


@dataclass(frozen=True)
class Book:
    """A book on the trolley: its classification ``code`` (a number written as text) and
    ``title``; a ``tricky`` title misleads (shown from Medium, or first in the twist)."""

    id: str
    code: str
    title: Text
    tricky: bool = False

    def check(self) -> list[str]:
        if _code(self.code) is None:
            return ['code: must be a number written as text, like "641.5"']
        return []


Count = Annotated[Three[int], Rule(message="must be three whole numbers, one per difficulty")]


@dataclass(frozen=True)
class SortParams:
    """``mode: "sort"`` (Book Chaos): ``bins_shown`` of the shelves and ``items_shown`` of
    the books play; ``tricky``: when misleading titles join ("never", "hard" = from Medium,
    "always" = and first)."""

    mode: Literal["sort"]
    bins: Annotated[
        tuple[Shelf, ...], Rule(min_items=2, max_items=6, message="needs a list of 2 to 6 shelves")
    ]
    items: Annotated[
        tuple[Book, ...], Rule(min_items=4, message="needs a list of at least 4 items")
    ]
    bins_shown: Count = (3, 4, 6)
    items_shown: Count = (6, 9, 12)
    time_limit: Count = (0, 0, 0)
    tricky: Literal["never", "hard", "always"] = "hard"

    def check(self) -> list[str]:
        problems = []
        for i, item in enumerate(self.items):
            code = float(item.code)
            if sum(1 for b in self.bins if b.from_ <= code <= b.to) != 1:
                problems.append(f"items[{i}].code: {item.code} must fall on exactly one shelf")
        problems += _three("bins_shown", self.bins_shown, 2, len(self.bins))
        problems += _three("items_shown", self.items_shown, 3, len(self.items))
        return problems + _three("time_limit", self.time_limit, 0, 900)


@dataclass(frozen=True)
class Entry:
    """A ledger entry of the ``reconcile`` mode: what was paid (``amount``, 1–999.99)."""

    id: str
    label: Text
    amount: Annotated[float, Rule(ge=1, le=999.99, message="must be a number from 1 to 999.99")]


ErrorKind = Literal["tenfold", "swap", "pennies", "missing"]


@dataclass(frozen=True)
class ReconcileParams:
    """``mode: "reconcile"`` (Balance the Books): ``rows`` of the ``entries`` make the
    ledger, ``mismatches`` of them are wrong (of the error ``kinds``, or the difficulty's);
    ``currency`` formats an amount (``%{n}``) with the ``decimal`` point;
    ``shuffle_receipts`` (default: on Hard) mixes the pile."""

    mode: Literal["reconcile"]
    entries: Annotated[
        tuple[Entry, ...], Rule(min_items=6, message="needs a list of at least 6 ledger entries")
    ]
    currency: Text
    decimal: Text | None = None
    rows: Count = (6, 8, 10)
    mismatches: Count = (2, 3, 4)
    time_limit: Count = (0, 0, 0)
    kinds: (
        Annotated[
            tuple[ErrorKind, ...],
            Rule(
                min_items=1,
                message="must be a list of error kinds from "
                "('tenfold', 'swap', 'pennies', 'missing')",
            ),
        ]
        | None
    ) = None
    shuffle_receipts: bool | None = None

    def check(self) -> list[str]:
        problems = _three("rows", self.rows, 4, min(10, len(self.entries)))
        problems += _three("mismatches", self.mismatches, 1, 5)
        problems += _three("time_limit", self.time_limit, 0, 900)
        if not problems and any(b >= r for b, r in zip(self.mismatches, self.rows, strict=True)):
            problems.append("mismatches: must be fewer than rows at every level")
        return problems


@dataclass(frozen=True)
class Van:
    """A van of the ``schedule`` mode; a ``tag`` (a key of ``tags``) says what it carries."""

    id: str
    label: Text
    shape: Shape
    colour: str = "#3A86FF"
    tag: str = ""


@dataclass(frozen=True)
class Parcel:
    """A parcel to deliver; ``needs`` names the van tag it must go in (none: any van)."""

    id: str
    label: Text
    shape: Shape
    colour: str = "#E07A3F"
    needs: str = ""


@dataclass(frozen=True)
class ScheduleParams:
    """``mode: "schedule"`` (Van Plan): ``parcels_shown`` parcels into ``vans_shown`` vans
    × the hours in ``slots``; ``slack`` hours of spare time before each deadline; with
    ``disruption`` the road closes one hour (``closure`` says so, ``%{slot}`` the hour)."""

    mode: Literal["schedule"]
    slots: Annotated[
        tuple[str, ...],
        Rule(min_items=3, max_items=5, message="needs a list of 3 to 5 time labels"),
    ]
    vans: Annotated[
        tuple[Van, ...], Rule(min_items=2, max_items=3, message="needs a list of 2 or 3 vans")
    ]
    parcels: Annotated[
        tuple[Parcel, ...], Rule(min_items=5, message="needs a list of at least 5 parcels")
    ]
    closure: Text
    tags: dict[str, Text] = field(default_factory=dict)
    vans_shown: Count = (2, 3, 3)
    parcels_shown: Count = (5, 7, 9)
    slack: Count = (2, 1, 0)
    disruption: Count = (0, 1, 1)
    time_limit: Count = (0, 0, 0)

    def check(self) -> list[str]:
        problems = []
        tags = [("vans", i, v.tag) for i, v in enumerate(self.vans)]
        tags += [("parcels", i, p.needs) for i, p in enumerate(self.parcels)]
        for name, i, tag in tags:
            if tag and tag not in self.tags:
                problems.append(f"{name}[{i}]: tag '{tag}' is not in tags")
        if self.vans[0].tag:
            problems.append("vans[0]: the first van must be a plain van (no tag)")
        problems += _three("vans_shown", self.vans_shown, 2, len(self.vans))
        problems += _three("parcels_shown", self.parcels_shown, 3, len(self.parcels))
        problems += _three("slack", self.slack, 0, len(self.slots))
        problems += _three("disruption", self.disruption, 0, 1)
        problems += _three("time_limit", self.time_limit, 0, 900)
        if not problems:
            for d in range(3):
                room = self.vans_shown[d] * (len(self.slots) - 1)
                if self.parcels_shown[d] > room:
                    problems.append(
                        f"parcels_shown: level {d + 1} has {self.parcels_shown[d]} parcels but "
                        f"only {room} safe drops"
                    )
        return problems
