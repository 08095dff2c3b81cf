"""The typed params of the Creators' design modes (no pygame), read by
:mod:`zones.challenges.design_rules` and its views, checked on load by
:mod:`zones.params_types`. The types say each field's kind and bounds; ``check`` adds what
they cannot: the groups and option fields each mode needs, and the cross-references
(a wish's group, options, item or track; a level's ``brief`` and ``change``).

Called by the loader through :meth:`zones.challenges.design.DesignMechanic.parse_params`
with a challenge's base params and with each level's merged params.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any, Literal

from zones import params_types
from zones.content import HEX
from zones.params_types import Rule, Shape, Text, Three

MODES = ("poster", "tune", "room")
NEEDS: dict[str, dict[str, tuple[str, ...]]] = {
    "poster": {
        "background": ("colour", "pattern"),
        "headline": ("text",),
        "size": ("scale",),
        "layout": ("anchor",),
        "ink": ("colour",),
    },
    "tune": {"tempo": ("bpm",), "sound": ("wave",)},
    "room": {"walls": ("colour",), "floor": ("colour", "pattern"), "light": ("colour",)},
}
CHOICES = {
    "pattern": ("plain", "stripes", "dots", "rays", "boards", "carpet", "tiles"),
    "anchor": ("top", "middle", "bottom"),
    "wave": ("sine", "square", "triangle"),
}
COLOUR = "must be like '#1B1B3A'"


@dataclass(frozen=True)
class Option:
    """One choice of a group; the fields its group needs (see ``NEEDS``) are checked by
    :meth:`DesignParams.check`."""

    id: str
    label: Text
    colour: str | None = None
    pattern: str | None = None
    text: Text | None = None
    scale: float | None = None
    anchor: str | None = None
    bpm: float | None = None
    wave: str | None = None


@dataclass(frozen=True)
class Group:
    """An option group (``background``, ``tempo``, ``walls``, ...)."""

    id: str
    label: Text
    options: Annotated[
        tuple[Option, ...], Rule(min_items=2, max_items=4, message="needs 2–4 options")
    ]


@dataclass(frozen=True)
class Item:
    """A thing to place: a sticker, a tune row (a ``drum`` or a ``freq`` in Hz), furniture."""

    id: str
    label: Text
    shape: Shape
    colour: Annotated[str, Rule(pattern=HEX.pattern, message=COLOUR)]
    drum: Literal["kick", "snare", "hat"] | None = None
    freq: Annotated[float, Rule(ge=50, le=2000)] | None = None


@dataclass(frozen=True)
class Want:
    """A client's wish: a ``group`` with wanted ``options``, an ``item`` placed ``min``
    times (``"*"``: anything), or a ``mix`` track kept between ``min`` and ``max``."""

    text: Text
    group: str | None = None
    options: tuple[str, ...] | None = None
    item: str | None = None
    mix: str | None = None
    min: int | None = None
    max: int | None = None


@dataclass(frozen=True)
class Brief:
    """A client and their wishes."""

    client: Text
    wants: Annotated[tuple[Want, ...], Rule(min_items=2, max_items=4, message="needs 2–4 wishes")]


@dataclass(frozen=True)
class Change:
    """The client changes their mind: after so many decisions the brief becomes another."""

    after: Annotated[int, Rule(ge=1)]
    brief: int


@dataclass(frozen=True)
class Poster:
    """The poster's fixed texts."""

    band: Text
    details: Text


Count = Annotated[
    Three[int], Rule(ge=1, le=30, message="must be three whole numbers 1–30, one per difficulty")
]


@dataclass(frozen=True)
class DesignParams:
    """``mode``: poster, tune or room; ``min_choices`` decisions before Finish (per
    difficulty); ``place_target`` things placed count as complete; ``grid`` [columns, rows]
    (poster, room) or ``steps`` per difficulty (tune); ``brief``: this level's brief (default:
    one at random); ``wishes`` shown per difficulty (default 0, 2, all); ``mix``: the tune's
    tracks have levels."""

    mode: Literal["poster", "tune", "room"]
    min_choices: Count
    place_target: Annotated[int, Rule(ge=1, message="must be a whole number ≥ 1")]
    groups: tuple[Group, ...]
    items: Annotated[
        tuple[Item, ...], Rule(min_items=2, max_items=8, message="needs a list of 2–8 items")
    ]
    briefs: Annotated[
        tuple[Brief, ...], Rule(min_items=1, message="needs at least one client brief")
    ]
    grid: (
        Annotated[tuple[int, int], Rule(ge=2, le=8, message="must be [columns, rows], each 2–8")]
        | None
    ) = None
    steps: (
        Annotated[Three[int], Rule(ge=4, le=16, message="must be three whole numbers 4–16")] | None
    ) = None
    quips: tuple[Text, ...] = ()
    poster: Poster | None = None
    brief: int | None = None
    wishes: (
        Annotated[
            Three[int],
            Rule(ge=0, le=4, message="must be three whole numbers 0–4, one per difficulty"),
        ]
        | None
    ) = None
    change: Change | None = None
    mix: bool = False

    def group(self, gid: str) -> Group | None:
        return next((g for g in self.groups if g.id == gid), None)

    def check(self) -> list[str]:
        problems = []
        if self.mode == "tune" and self.steps is None:
            problems.append("steps: must be three whole numbers 4–16")
        if self.mode != "tune" and self.grid is None:
            problems.append("grid: must be [columns, rows], each 2–8")
        if self.mode == "poster" and self.poster is None:
            problems.append("poster: needs band and details")
        for gid, fields in NEEDS[self.mode].items():
            group = self.group(gid)
            if group is None:
                problems.append(f"groups: mode '{self.mode}' needs a group '{gid}'")
                continue
            for k, opt in enumerate(group.options):
                for name in fields:
                    problems += _option_field(name, opt, f"groups.{gid}.options[{k}]")
        for k, item in enumerate(self.items):
            if self.mode == "tune" and item.drum is None and item.freq is None:
                problems.append(
                    f"items[{k}]: a tune row needs a drum (kick/snare/hat) or a freq in Hz"
                )
        problems += self._check_wishes()
        if self.brief is not None and not 0 <= self.brief < len(self.briefs):
            problems.append("brief: must be the number of one of the briefs")
        if self.change is not None and not 0 <= self.change.brief < len(self.briefs):
            problems.append(
                "change: needs after (decisions, ≥ 1) and brief (the number of a brief)"
            )
        return problems

    def _check_wishes(self) -> list[str]:
        problems = []
        item_ids = {i.id for i in self.items}
        for b, brief in enumerate(self.briefs):
            for w, want in enumerate(brief.wants):
                where = f"briefs[{b}].wants[{w}]"
                if want.mix is not None:
                    if (
                        not self.mix
                        or want.mix not in item_ids
                        or not any(x is not None and 0 <= x <= 3 for x in (want.min, want.max))
                    ):
                        problems.append(
                            f"{where}: a mix wish needs mix on, a track and a min or max 0–3"
                        )
                elif want.group is not None:
                    group = self.group(want.group)
                    ids = {o.id for o in group.options} if group else set()
                    if group is None or not want.options or not set(want.options) <= ids:
                        problems.append(
                            f"{where}: group and options must name a group and its options"
                        )
                elif want.item not in item_ids | {"*"} or want.min is None or want.min < 1:
                    problems.append(
                        f"{where}: needs a group with options, or an item with a min ≥ 1"
                    )
        return problems


def _option_field(name: str, opt: Option, where: str) -> list[str]:
    """The field ``name`` a group's mode needs, present and in range."""
    value: Any = getattr(opt, name)
    if name == "colour":
        ok = isinstance(value, str) and HEX.match(value) is not None
        return [] if ok else [f"{where}.colour: {COLOUR}"]
    if name == "text":
        return [] if value is not None else [f"{where}.text: must be a language map (missing)"]
    if name in ("scale", "bpm"):
        low, high = (0.5, 3) if name == "scale" else (40, 240)
        ok = value is not None and low <= value <= high
        return [] if ok else [f"{where}.{name}: out of range"]
    return [] if value in CHOICES[name] else [f"{where}.{name}: must be one of {CHOICES[name]}"]


def parse_params(params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list[str]]:
    """``params`` as :class:`DesignParams` (or themselves) and their problems."""
    if params.get("mode") not in MODES:
        return params, [f"mode: must be one of {MODES}"]
    return params_types.parse(DesignParams, params, languages)


def validate_params(params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
    """Problems with one challenge's or level's params, as ``field: problem`` lines."""
    return parse_params(params, languages)[1]
