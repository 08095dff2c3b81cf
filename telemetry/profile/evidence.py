"""Evidence adapter: xAPI statements -> typed evidence records for the profile engine.

This module is the only place where the profile engine looks at raw xAPI 1.0.3 statement
dicts. Everything downstream (``profile``, ``cms``, ``adaptive``) works on the records
defined here, so a change of statement shape touches one file.

Statements are decoded to short names by :mod:`telemetry.xapi.decode` (``vocab``'s exact
reverse maps); :func:`extract_evidence` takes raw statements or an already decoded
:class:`~telemetry.xapi.decode.DecodedLog` (a report decodes once and passes it on).

Which evidence is interest and which is performance follows ``telemetry/README.md``
("Evidence conventions"). Performance (score, accuracy, speed, success) is collected in
:attr:`Evidence.performance` only and never in the interest lists.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from telemetry.profile.hygiene import clean
from telemetry.profile.pauses import active_seconds, pause_intervals
from telemetry.xapi.decode import Decoded, DecodedLog, decode_log

RIASEC = "RIASEC"

__all__ = [
    "RIASEC",
    "Choice",
    "Pair",
    "Rating",
    "Persistence",
    "Reading",
    "Performance",
    "CompetenceEvent",
    "Evidence",
    "extract_evidence",
]

RATING_SCALES = {"expect": 5, "enjoy": 5, "item": 5, "could_be_me": 3}
COULD_BE_ME = {"no": 1, "maybe": 2, "yes": 3}


@dataclass(frozen=True)
class Choice:
    """A free choice among contrasting options (``selected menu``)."""

    where: str
    chosen: str  # option id
    letter: str  # chosen RIASEC letter
    offered: tuple[str, ...]  # RIASEC letters of all options offered, chosen included
    options: dict[str, str]
    statement_id: str | None


@dataclass(frozen=True)
class Pair:
    """A forced choice between two activities of different types ("Which would you rather
    do?", ``selected question pair/<item>/<item>``): ``preferred`` is the chosen one's
    RIASEC letter, ``other`` the one passed over; ``where`` says who asked (job_board /
    mentor)."""

    preferred: str
    other: str
    chosen: str  # item id
    where: str
    statement_id: str | None


@dataclass(frozen=True)
class Rating:
    """An ordinal answer: kind is expect / enjoy / could_be_me / item.

    ``value`` is 1..5 (1..3 for could_be_me: no=1, maybe=2, yes=3).
    """

    kind: str
    letter: str
    value: int
    source: str  # challenge id or IIP item id
    statement_id: str | None


@dataclass(frozen=True)
class Persistence:
    """A voluntary-persistence opportunity: kind replay / extra_round / watch (a town
    person's speech bubble opened: watched or asked = taken, walked on = not); taken
    True/False; ``source`` the challenge id, or the person's occupation code."""

    kind: str
    letter: str
    taken: bool
    source: str  # challenge id
    statement_id: str | None


@dataclass(frozen=True)
class Reading:
    """Time spent reading an occupation (``accessed item occupation/<soc>``)."""

    soc: str
    letter: str
    seconds: float
    statement_id: str | None
    weight: float = 1.0  # 1/k for one of k cards read on one screen (one observation)


@dataclass(frozen=True)
class Performance:
    """A completed challenge: evidence of skills (Strengths), never of interest."""

    challenge: str
    letter: str | None
    score: float | None
    success: bool | None
    accuracy: float | None
    duration_s: float | None
    difficulty: int | None
    skills: tuple[str, ...]
    replay: bool
    statement_id: str | None


@dataclass(frozen=True)
class CompetenceEvent:
    """A statement carrying ext ``competences``."""

    competence: str
    verb: str
    activity_type: str
    activity: str
    success: bool | None
    score: float | None
    response: str | None
    timestamp: str | None
    statement_id: str | None


@dataclass
class Evidence:
    """All evidence read from one player's statements, oldest first."""

    choices: list[Choice] = field(default_factory=list)
    pairs: list[Pair] = field(default_factory=list)
    ratings: list[Rating] = field(default_factory=list)
    persistence: list[Persistence] = field(default_factory=list)
    readings: list[Reading] = field(default_factory=list)
    saved: list[str] = field(default_factory=list)  # SOC codes saved (and not unsaved), in order
    performance: list[Performance] = field(default_factory=list)
    competences: list[CompetenceEvent] = field(default_factory=list)
    n_statements: int = 0
    skipped: int = 0  # statements that could not be read (malformed)
    discarded: dict[str, int] = field(default_factory=dict)  # not evidence (hygiene rules)

    @property
    def n_interest(self) -> int:
        """Number of interest evidence records (choices, pairs, ratings, persistence, readings)."""
        return (
            len(self.choices)
            + len(self.pairs)
            + len(self.ratings)
            + len(self.persistence)
            + len(self.readings)
        )


def _letter(value: Any) -> str | None:
    if isinstance(value, str) and len(value) == 1 and value.upper() in RIASEC:
        return value.upper()
    return None


def _float(value: Any) -> float | None:
    try:
        return None if value is None or isinstance(value, bool) else float(value)
    except (TypeError, ValueError):
        return None


def _read_one(s: Decoded, ev: Evidence, saved: dict[str, None]) -> None:
    parts = s.activity.split("/")
    head = parts[0] if parts else ""
    letter = _letter(s.ext.get("riasec"))

    comps = s.ext.get("competences")
    if isinstance(comps, list | tuple):
        for comp in comps:
            if isinstance(comp, str) and comp:
                ev.competences.append(
                    CompetenceEvent(
                        comp,
                        s.verb,
                        s.activity_type,
                        s.activity,
                        s.success,
                        s.score,
                        s.response,
                        s.timestamp,
                        s.id,
                    )
                )

    if s.verb == "selected" and s.activity_type == "menu":
        options = s.ext.get("options")
        if (
            not isinstance(options, Mapping)
            or s.response is None
            or s.ext.get("mode", "free") != "free"
        ):
            return  # a suggested, required, default or social pick is not a free choice
        opts = {str(k): _letter(v) for k, v in options.items()}
        offered = tuple(v for v in opts.values() if v)
        chosen_letter = opts.get(s.response) or letter
        if chosen_letter and len(set(offered)) >= 2:
            ev.choices.append(
                Choice(
                    s.activity,
                    s.response,
                    chosen_letter,
                    offered,
                    {k: v for k, v in opts.items() if v},
                    s.id,
                )
            )
        return

    if s.verb == "selected" and s.activity_type == "question":
        if head == "pair" and len(parts) == 3:
            _read_pair(s, parts, ev)
        elif head == "reflect" and len(parts) >= 3 and letter:
            kind = parts[-1]
            challenge = "/".join(parts[1:-1])
            if kind in ("expect", "enjoy"):
                value = _int_in(s.response, 1, 5)
                if value is not None:
                    ev.ratings.append(Rating(kind, letter, value, challenge, s.id))
            elif kind == "could_be_me":
                value = COULD_BE_ME.get((s.response or "").strip().lower())
                if value is not None:
                    ev.ratings.append(Rating(kind, letter, value, challenge, s.id))
        elif head == "item" and len(parts) == 2:
            item_letter = letter or _letter(parts[1][:1])
            value = _int_in(s.response, 1, 5)
            if item_letter and value is not None:
                ev.ratings.append(Rating("item", item_letter, value, parts[1], s.id))
        return

    if head == "challenge" and len(parts) >= 2:
        challenge = parts[1]
        extra = len(parts) >= 3 and parts[2] == "extra"
        if extra and s.activity_type == "level" and letter:
            if s.verb == "initialized":
                ev.persistence.append(Persistence("extra_round", letter, True, challenge, s.id))
            elif s.verb == "skipped":
                ev.persistence.append(Persistence("extra_round", letter, False, challenge, s.id))
            return
        if extra or s.activity_type != "quest":
            return
        if s.verb == "initialized" and bool(s.ext.get("replay")) and letter:
            ev.persistence.append(Persistence("replay", letter, True, challenge, s.id))
        elif s.verb == "completed":
            skills = s.ext.get("skills")
            difficulty = _float(s.ext.get("difficulty"))
            ev.performance.append(
                Performance(
                    challenge,
                    letter,
                    s.score,
                    s.success,
                    _float(s.ext.get("accuracy")),
                    s.duration_s,
                    None if difficulty is None else int(difficulty),
                    tuple(str(x) for x in skills) if isinstance(skills, list | tuple) else (),
                    False,
                    s.id,
                )
            )
        return

    if head == "person" and len(parts) == 2 and s.activity_type == "non-player-character":
        _read_person(s, ev, letter)
        return

    if head == "occupation" and len(parts) == 2 and s.activity_type == "item":
        soc = parts[1]
        if s.verb == "accessed" and letter and s.duration_s is not None and s.duration_s > 0:
            ev.readings.append(Reading(soc, letter, s.duration_s, s.id))
        elif s.verb == "used":
            action = str(s.ext.get("action", "")).lower()
            if action == "save":
                saved[soc] = None
            elif action == "unsave":
                saved.pop(soc, None)


def _read_pair(s: Decoded, parts: list[str], ev: Evidence) -> None:
    """``pair/<a>/<b>``, response the chosen item, ext ``options`` {item: letter}."""
    options = s.ext.get("options")
    if not isinstance(options, Mapping) or s.response not in parts[1:]:
        return
    letters = {str(k): _letter(v) for k, v in options.items()}
    chosen = letters.get(s.response)
    other_id = parts[2] if s.response == parts[1] else parts[1]
    other = letters.get(other_id)
    if chosen and other and chosen != other:
        ev.pairs.append(Pair(chosen, other, s.response, str(s.ext.get("source") or "pair"), s.id))


#: a watch shorter than this is a glance, not a decision to stay (seconds)
WATCH_MIN_S = 3.0


def _read_person(s: Decoded, ev: Evidence, letter: str | None) -> None:
    """A town person whose bubble the pupil opened: watched (>= ``WATCH_MIN_S``, not idle)
    or asked is a persistence taken, walking on one not taken; passing by (``approach``)
    and anything on a suggested walk is no evidence. Only the first decision about each
    occupation counts (coming back to the same person is not a new observation)."""
    action = str(s.ext.get("action", ""))
    if not letter or s.ext.get("mode", "free") != "free":
        return
    if action == "watch":
        taken = s.duration_s is not None and s.duration_s >= WATCH_MIN_S
        if not taken:
            return
    elif action in ("ask", "walk_on"):
        taken = action == "ask"
    else:
        return
    source = str(s.ext.get("occupation") or s.activity.split("/", 1)[1])
    if any(p.kind == "watch" and p.source == source for p in ev.persistence):
        return
    ev.persistence.append(Persistence("watch", letter, taken, source, s.id))


def _int_in(value: str | None, lo: int, hi: int) -> int | None:
    try:
        v = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return v if lo <= v <= hi else None


def _replay_opportunities(ev: Evidence) -> None:
    """Turn replay starts into per-challenge opportunities (replayed: yes / no).

    Every challenge completed at least once is one opportunity to replay; it counts as
    taken if the player started it again with ``replay`` = true (however often).
    """
    replays = [p for p in ev.persistence if p.kind == "replay"]
    others = [p for p in ev.persistence if p.kind != "replay"]
    replayed = {p.source: p for p in replays}
    opportunities: dict[str, Persistence] = {}
    for perf in ev.performance:
        if perf.letter and perf.challenge not in opportunities:
            taken = replayed.get(perf.challenge)
            opportunities[perf.challenge] = taken or Persistence(
                "replay", perf.letter, False, perf.challenge, perf.statement_id
            )
    for source, p in replayed.items():
        opportunities.setdefault(source, p)
    # mark performance records that are replays
    seen: set[str] = set()
    perf_out = []
    for perf in ev.performance:
        is_replay = perf.challenge in seen
        seen.add(perf.challenge)
        perf_out.append(Performance(**{**perf.__dict__, "replay": is_replay}))
    ev.performance = perf_out
    ev.persistence = others + list(opportunities.values())


def extract_evidence(statements: Iterable[Mapping[str, Any]] | DecodedLog) -> Evidence:
    """Read a player's statements (oldest first, raw or decoded) into :class:`Evidence`.

    Malformed statements are counted in ``Evidence.skipped`` and otherwise ignored: a bad
    record must never stop a report.
    """
    log = statements if isinstance(statements, DecodedLog) else decode_log(statements)
    ev = Evidence(n_statements=log.total, skipped=log.skipped)
    saved: dict[str, None] = {}
    pauses = pause_intervals(log.statements)  # paused time is neither reading nor play
    shorts: list[Decoded] = []
    for s in log.statements:
        try:
            if pauses and s.duration_s:
                s = replace(s, duration_s=active_seconds(s.duration_s, s.timestamp, pauses))
            _read_one(s, ev, saved)
            shorts.append(s)
        except (AttributeError, TypeError, ValueError, KeyError):
            ev.skipped += 1
    ev.saved = list(saved)
    clean(ev, shorts)  # key-mash, one reading per screen
    _replay_opportunities(ev)
    ev.ratings = latest_answers(ev.ratings)
    return ev


def latest_answers(ratings: list[Rating]) -> list[Rating]:
    """One answer per question counts: the latest. A question is a rating's kind and its
    source (``reflect/<challenge>/<kind>`` or ``item/<id>``); pressing a rating again, or
    changing it, replaces the earlier answer (the stored history keeps every press).
    Ordered by when each question was last answered."""
    last: dict[tuple[str, str], Rating] = {}
    for r in ratings:
        last.pop((r.kind, r.source), None)
        last[(r.kind, r.source)] = r
    return list(last.values())
