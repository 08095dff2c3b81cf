"""The typed params of the Persuaders' games (``"mode"``: stall, pitch, deal), read by
``enterprise_*_rules.py`` and their views, checked on load by ``zones.params_types``.
Every per-difficulty value is a list of three (Easy, Medium, Hard)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from zones.params_types import Rule, Shape, Text, Three


def levels(low: float = 0) -> Rule:
    """Today's per-difficulty rule: three numbers ≥ ``low``, one per difficulty."""
    return Rule(ge=low, message=f"must be three numbers ≥ {low}, one per difficulty")


Whole = Annotated[Three[int], levels()]
AtLeastOne = Annotated[Three[int], levels(1)]


# -- stall --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Product:
    """A product of the stall: bought at ``cost``, sold at one of three rising ``prices``
    (what a customer of each mood pays); ``ask`` is what a customer says for it."""

    id: str
    label: Text
    ask: Text
    shape: Shape
    cost: Annotated[int, Rule(ge=1, message="must be a whole number ≥ 1")]
    prices: tuple[int, ...]
    colour: str = "#888888"

    def check(self) -> list[str]:
        p = self.prices
        if len(p) == 3 and self.cost < p[0] < p[1] < p[2]:
            return []
        return ["prices: must be three rising whole numbers above the cost"]


@dataclass(frozen=True)
class StallMood:
    """How a customer feels (``label``) and says it (``line``); moods pay low to top."""

    label: Text
    line: Text


@dataclass(frozen=True)
class Round:
    """A market day: its ``news`` and the ``demand`` (product id → weight) it brings."""

    label: Text
    news: Text
    demand: dict[str, int]


@dataclass(frozen=True)
class StallParams:
    """``mode: "stall"`` (Market Stall): buy stock with the ``budget``, then serve
    ``customers`` a round (their moods drawn by ``mood_mix``) until the profit reaches
    ``goal_share`` of what was possible; ``rounds_used`` picks rounds, ``patience``
    (seconds, 0 = for ever) is how long a customer waits."""

    mode: Literal["stall"]
    budget: Whole
    customers: Whole
    goal_share: Annotated[Three[float], levels()]
    time_limit: Whole
    products: Annotated[
        tuple[Product, ...],
        Rule(min_items=2, message="needs at least 2 products, each with an id"),
    ]
    moods: Annotated[
        tuple[StallMood, ...],
        Rule(
            min_items=3,
            max_items=3,
            message="needs exactly 3 moods (pays low, middle, top price)",
        ),
    ]
    mood_mix: Annotated[
        Three[Three[int]],
        Rule(ge=0, message="must be three lists of three whole-number weights"),
    ]
    rounds: Annotated[tuple[Round, ...], Rule(min_items=2, max_items=4, message="needs 2–4 rounds")]
    rounds_used: tuple[int, ...] | None = None
    patience: Whole | None = None

    def check(self) -> list[str]:
        problems = []
        if not all(sum(m) and min(m) >= 0 for m in self.mood_mix):
            problems.append("mood_mix: must be three lists of three whole-number weights")
        n = len(self.rounds)
        used = self.rounds_used
        if used is not None and not (
            1 <= len(used) <= n and all(0 <= i < n for i in used) and len(set(used)) == len(used)
        ):
            problems.append(
                f"rounds_used: must list 1–{n} different round numbers from 0 to {n - 1}"
            )
        ids = {p.id for p in self.products}
        for i, rnd in enumerate(self.rounds):
            d = rnd.demand
            if not (d and set(d) <= ids and all(v >= 0 for v in d.values()) and sum(d.values())):
                problems.append(f"rounds[{i}].demand: must map product ids to whole-number weights")
        return problems


# -- pitch --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Idea:
    """An app idea the pupil can pitch."""

    id: str
    label: Text
    shape: Shape
    colour: str = "#888888"


@dataclass(frozen=True)
class Interest:
    """Something an investor cares about, drawn as an ``icon``."""

    id: str
    label: Text
    icon: str


@dataclass(frozen=True)
class Argument:
    """A point the pupil can make; it speaks to one ``interest``."""

    id: str
    label: Text
    interest: str


@dataclass(frozen=True)
class Investor:
    """An investor: what they ``want`` (interest ids, in order of weight), what they
    ``pledge`` when won over and their ``yes``/``no`` lines."""

    id: str
    name: Text
    bio: Text
    yes: Text
    no: Text
    wants: tuple[str, ...]
    pledge: Annotated[int, Rule(ge=1, message="must be a whole number above 0")]
    shape: Shape
    colour: str = "#888888"


@dataclass(frozen=True)
class PitchParams:
    """``mode: "pitch"`` (Pitch Your App): ``investors_count`` investors, each won over by
    ``wants`` of their interests within ``tries`` arguments; then ask one of the ``asks``."""

    mode: Literal["pitch"]
    time_limit: Whole
    investors_count: AtLeastOne
    wants: AtLeastOne
    tries: AtLeastOne
    asks: tuple[int, ...]
    ideas: Annotated[
        tuple[Idea, ...], Rule(min_items=2, message="needs at least 2 ideas, each with an id")
    ]
    interests: Annotated[
        tuple[Interest, ...],
        Rule(min_items=3, message="needs at least 3 interests, each with an id"),
    ]
    arguments: Annotated[
        tuple[Argument, ...],
        Rule(min_items=3, message="needs at least 3 arguments, each with an id"),
    ]
    investors: Annotated[
        tuple[Investor, ...],
        Rule(min_items=2, message="needs at least 2 investors, each with an id"),
    ]

    def check(self) -> list[str]:
        problems = []
        asks = list(self.asks)
        if not (len(asks) >= 3 and all(a > 0 for a in asks) and asks == sorted(set(asks))):
            problems.append("asks: needs at least 3 rising whole amounts")
        ids = {x.id for x in self.interests}
        for i, a in enumerate(self.arguments):
            if a.interest not in ids:
                problems.append(f"arguments[{i}].interest: '{a.interest}' is not an interest")
        covered = {a.interest for a in self.arguments}
        for i, inv in enumerate(self.investors):
            w = inv.wants
            if not (len(w) >= 2 and set(w) <= covered and len(set(w)) == len(w)):
                problems.append(
                    f"investors[{i}].wants: needs 2+ different interests that some argument covers"
                )
        if max(self.investors_count) > len(self.investors):
            problems.append("investors_count: more investors asked for than listed")
        return problems


# -- deal ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class Need:
    """Something the festival needs (a band, food, ...), drawn as an ``icon``."""

    id: str
    label: Text
    icon: str = "folder"


@dataclass(frozen=True)
class Supplier:
    """A supplier for one ``need``: asks ``price``, gives up to ``flex`` percent, and is
    worth 1–3 ``stars``."""

    id: str
    need: str
    name: Text
    blurb: Text
    shape: Shape
    price: Annotated[int, Rule(ge=1, message="must be a whole number above 0")]
    flex: Annotated[int, Rule(ge=0, le=99, message="must be a percentage 0–99")]
    stars: Annotated[Literal[1, 2, 3], Rule(message="must be 1, 2 or 3")]
    colour: str = "#888888"


@dataclass(frozen=True)
class DealParams:
    """``mode: "deal"`` (School Festival): book a supplier for each of ``needs_count``
    needs within ``budget`` and ``days``, offering the ``cuts`` (percent) off; a supplier
    at ``patience`` 0 hangs up on a second low offer. After ``cut_after`` bookings the
    budget loses ``budget_cut`` (0: never)."""

    mode: Literal["deal"]
    budget: AtLeastOne
    days: AtLeastOne
    patience: Whole
    needs_count: AtLeastOne
    cuts: tuple[int, ...]
    needs: Annotated[
        tuple[Need, ...], Rule(min_items=2, message="needs at least 2 needs, each with an id")
    ]
    suppliers: Annotated[
        tuple[Supplier, ...],
        Rule(min_items=4, message="needs at least 4 suppliers, each with an id"),
    ]
    time_limit: Whole = (0, 0, 0)
    budget_cut: Whole | None = None
    cut_after: Annotated[
        int,
        Rule(ge=0, message="must be a whole number of bookings (0: the budget is never cut)"),
    ] = 0

    def check(self) -> list[str]:
        problems = []
        cuts = list(self.cuts)
        if not (
            2 <= len(cuts) <= 4 and all(0 < c < 100 for c in cuts) and cuts == sorted(set(cuts))
        ):
            problems.append("cuts: needs 2–4 rising percentages between 1 and 99")
        if max(self.needs_count) > len(self.needs):
            problems.append("needs_count: more needs asked for than listed")
        need_ids = {n.id for n in self.needs}
        for i, sup in enumerate(self.suppliers):
            if sup.need not in need_ids:
                problems.append(f"suppliers[{i}].need: '{sup.need}' is not a need")
        for need in self.needs:
            if sum(1 for s in self.suppliers if s.need == need.id) < 2:
                problems.append(f"suppliers: need '{need.id}' needs at least 2 suppliers")
        return problems
