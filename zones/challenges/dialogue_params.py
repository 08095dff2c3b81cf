"""The typed params of the dialogue mechanic (the Helpers' role-plays): read by
``dialogue_rules.py`` and its view, checked on load by ``zones.params_types``. The game
itself is described in ``dialogue_rules.py``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from zones.content import HEX
from zones.params_types import Rule, Shape, Text, Three

Level = Literal[1, 2, 3]
Mood = Annotated[int, Rule(ge=0, le=100, message="must be a whole number 0–100")]
PIE_MESSAGE = "must be [shaded, slices] with 0 ≤ shaded ≤ slices and 2–12 slices"
Pie = Annotated[tuple[int, int], Rule(message=PIE_MESSAGE)]


def _pie_problems(pie: tuple[int, int], where: str) -> list[str]:
    shaded, slices = pie
    return [] if 2 <= slices <= 12 and 0 <= shaded <= slices else [f"{where}: {PIE_MESSAGE}"]


@dataclass(frozen=True)
class Person:
    """Someone the pupil talks to: a token ``shape`` in a ``colour`` (``#RRGGBB``)."""

    name: Text
    role: Text
    shape: Shape
    colour: Annotated[str, Rule(pattern=HEX.pattern, message="must be a colour like '#8E6C8A'")]


@dataclass(frozen=True)
class Other(Person):
    """A second person who arrives (a twist), with their own ``start_mood``."""

    start_mood: Mood = 50


@dataclass(frozen=True)
class Board:
    """What a node shows on the whiteboard: fraction ``pies`` and a ``text``."""

    pies: tuple[Pie, ...] = ()
    text: Text | None = None

    def check(self) -> list[str]:
        return [p for k, pie in enumerate(self.pies) for p in _pie_problems(pie, f"pies[{k}]")]


@dataclass(frozen=True)
class Reply:
    """A reply the pupil can pick: it moves the speaker's ``mood`` (−50 to 50), gets a
    ``react`` line, may jump to a later node (``next``) and shows from ``level``."""

    text: Text
    react: Text
    mood: Annotated[int, Rule(ge=-50, le=50, message="must be a whole number −50 to 50")]
    level: Level = 1
    next: str | None = None
    pie: Pie | None = None

    def check(self) -> list[str]:
        return _pie_problems(self.pie, "pie") if self.pie is not None else []


@dataclass(frozen=True)
class Node:
    """A line said (by ``who``) and the replies to it; shown from ``level``."""

    id: str
    say: Text
    replies: Annotated[tuple[Reply, ...], Rule(min_items=3, message="needs at least 3 replies")]
    who: Literal["main", "other"] = "main"
    tip: Text | None = None
    level: Level = 1
    board: Board | None = None

    def check(self) -> list[str]:
        basic = [r for r in self.replies if r.level == 1]
        if len(basic) < 3:
            return ["replies: needs at least 3 replies of level 1 (the easy set)"]
        if max(r.mood for r in basic) != max(r.mood for r in self.replies):
            return ["replies: the best reply must be in the level-1 set"]
        return []


@dataclass(frozen=True)
class ChatParams:
    """A role-play: ``layout`` (three screens), the ``person`` (and maybe an ``other``),
    four ``moods`` words lowest first, the mood to reach per difficulty (``threshold``),
    the ``nodes`` (``span``: [first, end] plays a slice), the endings and ``goodbye``;
    ``tips`` shows a tip for each line at every difficulty."""

    layout: Literal["clinic", "board", "thread"]
    person: Person
    moods: Annotated[
        tuple[Text, ...],
        Rule(min_items=4, max_items=4, message="needs four mood words, lowest first"),
    ]
    start_mood: Mood
    threshold: Annotated[
        Three[int],
        Rule(ge=0, le=100, message="must be three whole numbers 0–100, one per difficulty"),
    ]
    end_good: Text
    end_bad: Text
    goodbye: Text
    nodes: Annotated[
        tuple[Node, ...], Rule(min_items=2, message="needs a list of at least 2 conversation nodes")
    ]
    other: Other | None = None
    span: tuple[int, int] | None = None
    tips: bool = False

    def check(self) -> list[str]:
        problems = []
        ids = [n.id for n in self.nodes]
        if len(set(ids)) != len(ids) or not all(ids):
            problems.append("nodes: every node needs a different text id")
        if self.span is not None and not (
            0 <= self.span[0] and self.span[0] + 2 <= self.span[1] <= len(self.nodes)
        ):
            problems.append(
                f"span: must be [first, end] picking 2 or more of the {len(self.nodes)} nodes"
            )
        for i, node in enumerate(self.nodes):
            if node.who == "other" and self.other is None:
                problems.append(
                    f"nodes[{i}].who: must be 'main', or 'other' when an 'other' person is given"
                )
            for k, reply in enumerate(node.replies):
                if reply.next is not None and (reply.next not in ids or ids.index(reply.next) <= i):
                    problems.append(
                        f"nodes[{i}].replies[{k}].next: '{reply.next}' must name a later node"
                    )
        return problems
