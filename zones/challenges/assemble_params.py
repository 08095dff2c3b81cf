"""The typed params of the Doers' three modes (``"mode"``: fit, wire, cut), read by
``assemble_*rules.py`` and the view, checked on load by ``zones.params_types``. Every
mode has the ``object`` being made, a ``time_limit`` per difficulty and ``max_mistakes``."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal, get_args

from zones.params_types import Rule, Shape, Text, Three

Role = Literal["source", "load", "pass"]
ROLES = get_args(Role)
Unit = Annotated[float, Rule(ge=0, le=1, message="must be a number 0–1")]


def whole(low: int) -> Rule:
    """Today's per-difficulty rule: three whole numbers ≥ ``low``, one per difficulty."""
    return Rule(ge=low, message=f"must be three whole numbers ≥ {low}, one per difficulty")


Counts = Annotated[Three[int], whole(0)]
Mistakes = Annotated[int, Rule(ge=1, message="must be a whole number ≥ 1")]


@dataclass(frozen=True)
class Part:
    """A part in the tray (a token ``shape`` in a ``colour``)."""

    id: str
    label: Text
    shape: Shape
    colour: str = "#888888"


@dataclass(frozen=True, kw_only=True)
class Distractor(Part):
    """A part that does not belong anywhere, with the ``quip`` said when it is tried."""

    quip: Text


@dataclass(frozen=True)
class Slot:
    """A spot on the picture (``x``, ``y`` from 0 to 1) that needs ``part``; ``clue`` is
    what examining it shows, ``ring`` the radius of a ring drawn round it (a share of the
    picture's height, 0 = none), ``role`` its place in a circuit (wire mode)."""

    id: str
    x: Unit
    y: Unit
    part: str
    label: Text
    clue: Text
    ring: float = 0.0
    role: Role | None = None


Link = tuple[str, str]


def _slot_problems(
    slots: tuple[Slot, ...],
    parts: tuple[Part, ...],
    distractors: tuple[Distractor, ...],
    use: tuple[str, ...] | None,
    links: tuple[Link, ...],
) -> list[str]:
    """What fit and wire share: parts with different ids, slots naming parts, ``use``
    naming at least 2 slots, links naming two slots."""
    problems = []
    seen: set[str] = set()
    for i, part in enumerate((*parts, *distractors)):
        if part.id in seen:
            problems.append(f"parts[{i}].id: '{part.id}' is used twice")
        seen.add(part.id)
    part_ids = {p.id for p in parts}
    for i, slot in enumerate(slots):
        if slot.part not in part_ids:
            problems.append(f"slots[{i}].part: '{slot.part}' is not in parts")
    ids = {s.id for s in slots}
    if use is not None and (len(use) < 2 or not set(use) <= ids):
        problems.append("use: must list at least 2 of the slots")
    for link in links:
        if not set(link) <= ids:
            problems.append(f"links: {list(link)!r} must name two slots")
    return problems


Parts = Annotated[tuple[Part, ...], Rule(min_items=1, message="needs a list of parts")]
Slots = Annotated[tuple[Slot, ...], Rule(min_items=3, message="needs a list of at least 3 slots")]


@dataclass(frozen=True)
class FitParams:
    """``mode: "fit"`` (Fix the Bike): the ``slots`` this level ``use``s (default all)
    each need a part from the tray (``parts`` and ``decoys`` of the ``distractors``);
    ``prefitted`` (the twist) puts parts on wrong; ``links`` join spots on the picture."""

    mode: Literal["fit"]
    object: Text
    slots: Slots
    parts: Parts
    distractors: tuple[Distractor, ...] = ()
    use: tuple[str, ...] | None = None
    links: tuple[Link, ...] = ()
    prefitted: dict[str, str] = field(default_factory=dict)
    decoys: Annotated[Three[int], whole(0)] = (1, 2, 4)
    time_limit: Counts = (0, 0, 0)
    max_mistakes: Mistakes = 8

    def check(self) -> list[str]:
        problems = _slot_problems(self.slots, self.parts, self.distractors, self.use, self.links)
        ids = {s.id for s in self.slots}
        every = {p.id for p in (*self.parts, *self.distractors)}
        if not set(self.prefitted) <= ids or not set(self.prefitted.values()) <= every:
            problems.append("prefitted: must map slots to parts")
        return problems


@dataclass(frozen=True)
class WireParams:
    """``mode: "wire"`` (Wire the Room): the ``slots`` have roles (one ``source``,
    ``load``s, ``pass`` points); ``links`` are the wires the circuit needs, ``prewired``
    the wires already there (the twist); with ``live`` the power starts on."""

    mode: Literal["wire"]
    object: Text
    slots: Slots
    parts: Parts
    links: tuple[Link, ...] = ()
    use: tuple[str, ...] | None = None
    prewired: tuple[Link, ...] = ()
    live: bool = False
    time_limit: Counts = (0, 0, 0)
    max_mistakes: Mistakes = 8

    def check(self) -> list[str]:
        problems = _slot_problems(self.slots, self.parts, (), self.use, self.links)
        for i, slot in enumerate(self.slots):
            if slot.role is None:
                problems.append(f"slots[{i}].role: must be one of {ROLES}")
        ids = {s.id for s in self.slots}
        for link in self.prewired:
            if not set(link) <= ids:
                problems.append(f"prewired: {list(link)!r} must name two slots")
        if problems:
            return problems
        use = self.use if self.use is not None else sorted(ids)
        used = [s for s in self.slots if s.id in use]
        if sum(s.role == "source" for s in used) != 1:
            problems.append("slots: the level needs exactly one slot with role 'source'")
        if not any(s.role == "load" for s in used):
            problems.append("slots: the level needs at least one slot with role 'load'")
        used_ids = {s.id for s in used}
        sources = [s.id for s in used if s.role == "source"]
        reach, todo = set(sources), list(sources)
        while todo:
            here = todo.pop()
            for link in self.links:
                if here in link and set(link) <= used_ids:
                    for other in set(link) - reach:
                        reach.add(other)
                        todo.append(other)
        for s in used:
            if s.role == "load" and sources and s.id not in reach:
                problems.append(f"links: the load '{s.id}' cannot be reached from the source")
        return problems


@dataclass(frozen=True)
class Piece:
    """A piece to cut: it fits a gap ``need`` cm long."""

    id: str
    label: Text
    need: int


@dataclass(frozen=True)
class CutParams:
    """``mode: "cut"`` (Build a Bookshelf): cut the ``pieces`` from the boards in
    ``stock`` (cm) within ``tolerance`` cm, then level a shelf ``tilt`` steps crooked."""

    mode: Literal["cut"]
    object: Text
    pieces: Annotated[tuple[Piece, ...], Rule(min_items=1, message="needs a list of pieces")]
    stock: Annotated[
        tuple[int, ...],
        Rule(ge=20, le=400, min_items=1, message="needs a list of board lengths in cm (20–400)"),
    ]
    tolerance: Counts = (2, 1, 1)
    tilt: Counts = (1, 2, 3)
    time_limit: Counts = (0, 0, 0)
    max_mistakes: Mistakes = 8

    def check(self) -> list[str]:
        return [
            f"pieces[{i}].need: must be whole cm, 5 to the longest board"
            for i, piece in enumerate(self.pieces)
            if not 5 <= piece.need <= max(self.stock)
        ]
