"""Typed records for loaded content. Built only by ``zones.loader``; read by scenes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

LangMap = dict[str, str]

#: the token shapes game/art.py draws; an avatar, mentor or challenge person names one
SHAPES = ("circle", "square", "triangle", "diamond", "hexagon", "star")
#: the four career-management themes (SDS) a competence or landmark belongs to
THEMES = ("self", "strengths", "horizons", "networks")
#: a colour in content, "#1B1B3A"
HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


@dataclass(frozen=True)
class RouteFramework:
    """Typical learning routes in one country's framework (Scotland, England, Spain) for
    each O*NET Job Zone 1-5: ``zones[zone]`` a language map."""

    id: str
    name: LangMap
    zones: dict[int, LangMap]


@dataclass(frozen=True)
class EscoName:
    """An ESCO occupation shown beside an O*NET one: its URI, ISCO-08 unit group and
    preferred label per language (``label["en"]`` always set)."""

    uri: str
    isco08: str
    label: LangMap


@dataclass(frozen=True)
class Occupation:
    """One O*NET occupation with its interest profile (OI 1–7) and Job Zone.

    ``esco``: the best-matching ESCO occupations (at most two, best first; see
    ``telemetry.profile.esco_match``); ``esco_labels`` their English labels; ``isco08`` the O*NET
    occupation's ISCO-08 codes; ``names``: every name it can be searched by, as
    (language, text) -- the O*NET title, and the ESCO preferred and alternative labels of
    every ESCO occupation the crosswalk links to it."""

    code: str
    title: str
    description: str
    scores: tuple[float, float, float, float, float, float]
    holland: str
    job_zone: int
    esco_labels: tuple[str, ...] = ()
    esco: tuple[EscoName, ...] = ()
    isco08: tuple[str, ...] = ()
    names: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class District:
    id: str
    riasec: str
    name: LangMap
    tagline: LangMap
    nickname: LangMap
    colour: str
    mentor: str
    challenges: tuple[str, ...]
    icon: str = ""


@dataclass(frozen=True)
class Landmark:
    id: str
    theme: str
    name: LangMap
    tagline: LangMap
    colour: str
    icon: str = ""


@dataclass(frozen=True)
class Competence:
    id: str
    theme: str
    name: LangMap
    description: LangMap


@dataclass(frozen=True)
class Skill:
    id: str
    name: LangMap
    competence: str


@dataclass(frozen=True)
class MentorQuestion:
    id: str
    ask: LangMap
    answer: LangMap


@dataclass(frozen=True)
class Mentor:
    id: str
    district: str
    name: LangMap
    job: LangMap
    occupation: str
    avatar_shape: str
    avatar_colour: str
    greeting: LangMap
    questions: tuple[MentorQuestion, ...]
    items: tuple[str, ...]


#: the three levels every challenge builds through, in order, then the optional shift
LEVEL_KINDS = ("tutorial", "job", "twist")
EXTRA_SHIFT = "extra"


@dataclass(frozen=True)
class Level:
    """One level of a challenge (or its voluntary extra shift): ``kind`` one of
    :data:`LEVEL_KINDS` or :data:`EXTRA_SHIFT`, a short ``title``, a ``brief`` shown in the
    goal bar while it plays, and ``params``: the challenge's base params with the level's
    own keys laid over them (what the mechanic is built with): the mechanic's typed params
    (a frozen dataclass, see ``zones.params_types``) or, for a mechanic not typed yet,
    the dict."""

    kind: str
    title: LangMap
    brief: LangMap
    params: Any


@dataclass(frozen=True)
class Challenge:
    id: str
    district: str
    mechanic: str
    title: LangMap
    goal: LangMap
    intro: LangMap
    occupations: tuple[str, ...]
    skills: tuple[str, ...]
    competences: tuple[str, ...]
    pathway: LangMap
    minutes: int
    #: the base params, typed like a level's
    params: Any
    #: tutorial, real job, twist (a challenge written before levels has one, its params)
    levels: tuple[Level, ...] = ()
    #: the harder bonus round offered after the last level (the same offer everywhere)
    extra_shift: Level | None = None
    #: "what a real <occupation> does next", shown on the result card
    next_step: LangMap | None = None

    def plan(self) -> tuple[Level, ...]:
        """The levels to play, in order (one level of the base params when none is written)."""
        return self.levels or (Level("job", self.title, self.goal, self.params),)

    def shift(self) -> Level:
        """The extra shift (the base params again when none is written)."""
        return self.extra_shift or Level(EXTRA_SHIFT, self.title, self.goal, self.params)


@dataclass(frozen=True)
class Item:
    """An IIP RIASEC marker item (public domain), 1–5 like/dislike; ``text`` per language."""

    id: str
    riasec: str
    text: dict[str, str]


@dataclass
class Content:
    """Everything the game shows, validated and cross-referenced."""

    languages: tuple[str, ...]
    districts: list[District]
    landmarks: list[Landmark]
    competences: dict[str, Competence]
    skills: dict[str, Skill]
    mentors: dict[str, Mentor]
    challenges: dict[str, Challenge]
    items: dict[str, Item]
    occupations: dict[str, Occupation]
    job_zones: dict[int, dict[str, str]] = field(default_factory=dict)
    job_board: tuple[str, ...] = ()  # item ids a new player sorts on the odd-jobs board
    routes: dict[str, RouteFramework] = field(default_factory=dict)
    route_defaults: dict[str, str] = field(default_factory=dict)  # language -> framework id

    def route_framework(self, chosen: str, language: str) -> RouteFramework | None:
        """The learning-route framework to show: ``chosen`` if known, else the default
        for ``language``, else the first; None when there are none."""
        pick = chosen if chosen in self.routes else self.route_defaults.get(language, "")
        return self.routes.get(pick) or next(iter(self.routes.values()), None)

    def district(self, district_id: str) -> District:
        return next(d for d in self.districts if d.id == district_id)

    def district_of(self, challenge_id: str) -> District:
        return self.district(self.challenges[challenge_id].district)

    def riasec_of(self, challenge_id: str) -> str:
        return self.district_of(challenge_id).riasec

    def mentor_of(self, district_id: str) -> Mentor:
        return self.mentors[self.district(district_id).mentor]

    def landmark_id(self, theme: str) -> str | None:
        """The id of the landmark of a CMS theme (``networks`` is the café), if there is one."""
        return next((lm.id for lm in self.landmarks if lm.theme == theme), None)
