"""Statement-level synthetic sessions, for validating the profile engine.

The players (:class:`SyntheticPlayer`, their latent interests and the response model
they answer with, the hexagon-correlated population) are in
:mod:`game.sim.synthetic_player`; they are importable from here too.

:func:`simulate_statements` writes a plausible session as xAPI statement dicts following
``telemetry/README.md`` (evidence conventions): a free choice of district at the start,
then cycles of about 5 minutes -- a job-board choice among three challenges of
different types, expectation rating, a ~3-4 minute challenge, enjoyment and
"could this be me" reflections, skills named, an optional extra round, reading about the
challenge's occupations (sometimes saving one), sometimes a replay. Mentors ask IIP items
in dialogue, two when the player enters a district and two at the cafe after the
challenge (``items_before`` / ``items_after``; about four a cycle, ~15 in 20 minutes),
cycling through all six types in shuffled rounds (or by ``item_chooser(statements,
letters)`` if given). A replay costs another ~4 minutes.
"""

from __future__ import annotations

import datetime as _dt
import uuid
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from game.sim.synthetic_player import HEXAGON_CORR, SyntheticPlayer, draw_latent_population
from telemetry.profile.adaptive import next_difficulty
from telemetry.profile.evidence import RIASEC
from telemetry.profile.occupations import OccupationTable, load_occupations, load_riasec_items
from telemetry.xapi import vocab
from telemetry.xapi.statements import build_statement as _build
from telemetry.xapi.statements import make_actor, make_context

__all__ = [
    "HEXAGON_CORR",
    "SyntheticPlayer",
    "draw_latent_population",
    "simulate_statements",
    "build_statement",
    "default_challenges",
]

# --------------------------------------------------------------------------- statements


def build_statement(
    verb: str,
    activity_type: str,
    activity: str,
    *,
    response: Any = None,
    score: float | None = None,
    success: bool | None = None,
    duration_s: float | None = None,
    extensions: Mapping[str, Any] | None = None,
    timestamp: str | None = None,
    actor: str = "player-0001",
    registration: str | None = None,
    statement_id: str | None = None,
) -> dict[str, Any]:
    """A statement exactly as the game records it (``telemetry.xapi.statements`` with the real
    vocabulary), with a given time, id and session for reproducible synthetic streams."""
    registration = registration or str(uuid.uuid4())
    context = make_context(
        registration,
        platform="synthetic",
        language="en",
        class_code=None,
        game_version="synthetic",
        session_id=registration,
    )
    statement = _build(
        actor=make_actor(vocab.account_home_page(None), actor),
        context=context,
        verb=verb,
        activity_type=activity_type,
        activity_id=activity,
        success=success,
        score=score,
        duration_s=duration_s,
        response=None if response is None else str(response),
        extensions=extensions,
        now=_epoch(timestamp) if timestamp else None,
    )
    if statement_id:
        statement["id"] = statement_id
    return statement


def _epoch(stamp: str) -> float:
    """Epoch seconds of any ISO 8601 timestamp (``Z`` or an offset)."""
    return _dt.datetime.fromisoformat(stamp.replace("Z", "+00:00")).timestamp()


@lru_cache(maxsize=1)
def _default_occupations() -> OccupationTable:
    return load_occupations()


def default_challenges(occupations: OccupationTable | None = None) -> list[dict[str, Any]]:
    """Three stand-in challenges per type, each with two occupations of that first letter."""
    occ = occupations or _default_occupations()
    out = []
    for k, letter in enumerate(RIASEC):
        firsts = [i for i, c in enumerate(occ.holland_code) if c[0] == letter]
        firsts.sort(key=lambda i: -occ.oi[i, k])
        for n in range(3):
            socs = [occ.soc[i] for i in firsts[2 * n : 2 * n + 2]]
            out.append(
                {
                    "id": f"{letter.lower()}_challenge_{n + 1}",
                    "riasec": letter,
                    "occupations": socs,
                    "minutes": 4,
                    "competences": ["strengths_naming", "horizons_occupations"],
                }
            )
    return out


class _Session:
    def __init__(
        self,
        player: SyntheticPlayer,
        limit_s: float,
        start: _dt.datetime,
        actor: str,
        rng: np.random.Generator,
    ) -> None:
        self.player, self.limit, self.start, self.actor, self.rng = (
            player,
            limit_s,
            start,
            actor,
            rng,
        )
        self.t = 0.0
        self.out: list[dict[str, Any]] = []
        self.registration = str(uuid.UUID(int=int(rng.integers(0, 2**63))))
        self.done = False

    def emit(self, verb: str, atype: str, activity: str, dt: float = 0.0, **kw: Any) -> bool:
        """Advance the clock by ``dt`` then record; False (and stop) past the time limit."""
        if self.done or self.t + dt > self.limit:
            self.done = True
            return False
        self.t += dt
        ts = (self.start + _dt.timedelta(seconds=self.t)).isoformat()
        sid = str(uuid.UUID(int=int(self.rng.integers(0, 2**63))))
        self.out.append(
            build_statement(
                verb,
                atype,
                activity,
                timestamp=ts,
                actor=self.actor,
                registration=self.registration,
                statement_id=sid,
                **kw,
            )
        )
        return True


def simulate_statements(
    player: SyntheticPlayer,
    minutes: float,
    rng: np.random.Generator,
    *,
    challenges: Sequence[Mapping[str, Any]] | None = None,
    items: Mapping[str, Mapping[str, str]] | None = None,
    items_before: int = 2,
    items_after: int = 2,
    item_chooser: Any = None,
    start: _dt.datetime | None = None,
    actor: str = "synthetic-0001",
) -> list[dict[str, Any]]:
    """A statement stream of ``minutes`` of play by ``player`` (see module docstring)."""
    chals = list(challenges) if challenges is not None else default_challenges()
    items = items if items is not None else load_riasec_items()
    by_type: dict[str, list[str]] = {k: [] for k in RIASEC}
    for item_id, it in items.items():
        by_type[it["type"]].append(item_id)
    for k in RIASEC:
        rng.shuffle(by_type[k])
    type_queue: list[str] = []
    s = _Session(
        player, minutes * 60.0, start or _dt.datetime(2025, 1, 6, 9, 0, tzinfo=_dt.UTC), actor, rng
    )
    history: list[tuple[int, float]] = []
    done_ids: set[str] = set()

    def mentor_items(k: int, mentor: str) -> None:
        """The mentor asks ``k`` IIP items, by default cycling through all six types."""
        for _ in range(k):
            if s.done:
                return
            left = [t for t in RIASEC if by_type[t]]
            if not left:
                return
            if item_chooser is not None:
                letter = item_chooser(s.out, left)
            else:
                if not type_queue:
                    type_queue.extend(rng.permutation(list(RIASEC)).tolist())
                letter = type_queue.pop()
                if letter not in left:
                    continue
            item_id = by_type[letter].pop()
            s.emit(
                "interacted",
                "non-player-character",
                f"mentor/{mentor}",
                float(rng.uniform(3, 8)),
                extensions={"topic": "activity", "competences": ["networks_people"]},
            )
            s.emit(
                "selected",
                "question",
                f"item/{item_id}",
                float(rng.uniform(5, 12)),
                response=player.answer_item(letter, item_id),
                extensions={"riasec": letter, "mentor": mentor},
            )

    def play(ch: Mapping[str, Any], replay: bool) -> float | None:
        letter, cid = ch["riasec"], ch["id"]
        difficulty = next_difficulty(history)
        if not s.emit(
            "initialized",
            "quest",
            f"challenge/{cid}",
            3.0,
            extensions={"riasec": letter, "difficulty": difficulty, "replay": replay},
        ):
            return None
        perf = player.perform(letter, difficulty)
        half = float(perf["seconds"]) / 2
        s.emit("progressed", "quest", f"challenge/{cid}", half, extensions={"progress": 0.5})
        if not s.emit(
            "completed",
            "quest",
            f"challenge/{cid}",
            half,
            success=perf["success"],
            score=perf["score"],
            duration_s=perf["seconds"],
            extensions={
                "riasec": letter,
                "difficulty": difficulty,
                "accuracy": perf["accuracy"],
                "skills": list(ch.get("skills", [])),
                "competences": list(ch.get("competences", [])),
            },
        ):
            return None
        history.append((difficulty, float(perf["score"])))
        return float(perf["score"])

    s.emit("initialized", "serious-game", "worktown", 0.0)
    districts = {f"district_{k.lower()}": k for k in RIASEC}
    pick = player.choose_option(districts)
    s.emit(
        "selected",
        "menu",
        "menu/district_first",
        float(rng.uniform(8, 20)),
        response=pick,
        extensions={"options": districts, "riasec": districts[pick]},
    )
    first_letter = districts[pick]
    first = True
    while not s.done:
        todo = [c for c in chals if c["id"] not in done_ids]
        if not todo:
            break
        if first:
            pool = [c for c in todo if c["riasec"] == first_letter] or todo
            ch = pool[int(rng.integers(0, len(pool)))]
            first = False
        else:
            letters = sorted({c["riasec"] for c in todo})
            offer = rng.permutation(letters)[:3].tolist()
            board = {}
            for letter in offer:
                cands = [c for c in todo if c["riasec"] == letter]
                board[cands[int(rng.integers(0, len(cands)))]["id"]] = letter
            if len(board) < 2:
                ch = todo[0]
            else:
                chosen = player.choose_option(board)
                if not s.emit(
                    "selected",
                    "menu",
                    "menu/job_board",
                    float(rng.uniform(6, 15)),
                    response=chosen,
                    extensions={"options": board, "riasec": board[chosen]},
                ):
                    break
                ch = next(c for c in todo if c["id"] == chosen)
        letter, cid = ch["riasec"], ch["id"]
        done_ids.add(cid)
        s.emit("accessed", "zone", f"district/{letter}", 10.0, extensions={"riasec": letter})
        mentor_items(items_before, f"mentor_{letter.lower()}")
        s.emit(
            "selected",
            "question",
            f"reflect/{cid}/expect",
            float(rng.uniform(4, 8)),
            response=player.rate_expectation(letter),
            extensions={"riasec": letter},
        )
        score = play(ch, replay=False)
        if score is None:
            break
        s.emit(
            "selected",
            "question",
            f"reflect/{cid}/enjoy",
            float(rng.uniform(3, 7)),
            response=player.rate_enjoyment(letter, score),
            extensions={"riasec": letter},
        )
        s.emit(
            "selected",
            "question",
            f"reflect/{cid}/could_be_me",
            float(rng.uniform(3, 7)),
            response=player.could_be_me(letter),
            extensions={"riasec": letter, "competences": ["self_interests"]},
        )
        s.emit(
            "selected",
            "question",
            f"reflect/{cid}/skills",
            float(rng.uniform(5, 12)),
            response="fixing,teamwork",
            extensions={"competences": ["strengths_naming"]},
        )
        if player.wants_extra_round(letter):
            s.emit(
                "initialized",
                "level",
                f"challenge/{cid}/extra",
                2.0,
                extensions={"riasec": letter, "extra_round": True},
            )
            s.emit(
                "completed",
                "level",
                f"challenge/{cid}/extra",
                float(rng.uniform(45, 75)),
                success=True,
                extensions={"riasec": letter},
            )
        else:
            s.emit("skipped", "level", f"challenge/{cid}/extra", 2.0, extensions={"riasec": letter})
        for soc in ch.get("occupations", [])[:2]:
            secs = player.reading_seconds(letter)
            if not s.emit(
                "accessed",
                "item",
                f"occupation/{soc}",
                secs,
                duration_s=secs,
                extensions={"riasec": letter, "competences": ["horizons_occupations"]},
            ):
                break
            if player.wants_save(letter):
                s.emit("used", "item", f"occupation/{soc}", 2.0, extensions={"action": "save"})
        if player.wants_replay(letter):
            play(ch, replay=True)
        mentor_items(items_after, "mentor_cafe")
    if s.t <= s.limit:
        s.out.append(
            build_statement(
                "completed",
                "serious-game",
                "worktown",
                actor=actor,
                registration=s.registration,
                timestamp=(s.start + _dt.timedelta(seconds=s.t)).isoformat(),
                duration_s=s.t,
            )
        )
    return s.out
