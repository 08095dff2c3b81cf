"""Statement-level synthetic players, for validating the profile engine.

A :class:`SyntheticPlayer` has a latent interest profile (six values on the profile's theta
scale) and answers the game's questions with the response model of
``telemetry.profile.engine.MODEL``: softmax choices, graded-response (ordinal) ratings, logistic
persistence, log-normal reading times. The decision functions are the ones a real
game-playing bot will call, so keep their signatures stable.

Deliberate departures from the estimation model, so that validation is not circular:

* the population is correlated around Holland's hexagon (:data:`HEXAGON_CORR`: adjacent
  0.35, alternate 0.15, opposite 0.05) while the estimator's prior is independent N(0, 1);
* IIP items differ in how easy they are to endorse (a fixed per-item shift, sd 0.3) while
  the estimator uses common thresholds;
* enjoyment after a challenge also depends on the challenge's fun (sd 0.35) and a little
  on how well it went (0.4 x (score - 0.6)).

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
import math
import uuid
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

import numpy as np

from telemetry.profile.adaptive import next_difficulty
from telemetry.profile.engine import MODEL, ResponseModel, logistic, ordinal_probabilities
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

_IDX = {k: i for i, k in enumerate(RIASEC)}


def _hexagon_corr(
    adjacent: float = 0.35, alternate: float = 0.15, opposite: float = 0.05
) -> np.ndarray:
    r = np.eye(6)
    by_dist = {1: adjacent, 2: alternate, 3: opposite}
    for i in range(6):
        for j in range(6):
            if i != j:
                d = abs(i - j)
                r[i, j] = by_dist[min(d, 6 - d)]
    return r


HEXAGON_CORR = _hexagon_corr()


def draw_latent_population(
    n: int, rng: np.random.Generator, corr: np.ndarray | None = None
) -> np.ndarray:
    """``n`` latent profiles (n, 6), each type N(0, 1), correlated around the hexagon."""
    c = HEXAGON_CORR if corr is None else np.asarray(corr, dtype=float)
    return rng.multivariate_normal(np.zeros(6), c, size=n, method="cholesky")


@lru_cache(maxsize=1)
def _item_shift() -> dict[str, float]:
    items = sorted(load_riasec_items())
    shifts = np.random.default_rng(20240611).normal(0.0, 0.3, len(items))
    return dict(zip(items, shifts.tolist(), strict=True))


class SyntheticPlayer:
    """A simulated player with latent interests ``latent`` (R..C, theta scale)."""

    def __init__(
        self,
        latent: Sequence[float] | np.ndarray,
        rng: np.random.Generator,
        *,
        style: float | None = None,
        spread: float = 0.0,
        read_baseline: float | None = None,
        ability: Sequence[float] | np.ndarray | None = None,
        model: ResponseModel = MODEL,
        fun_sd: float = 0.35,
        performance_effect: float = 0.4,
    ) -> None:
        self.latent = np.asarray(latent, dtype=float).reshape(6)
        self.rng = rng
        self.model = model
        self.style = float(rng.normal(0, model.style_sd) if style is None else style)
        #: extreme responding in the scorer's own form: every scale's thresholds squeezed
        #: towards their middle by exp(-spread) (0: none)
        self.spread = float(spread)
        self.read_baseline = float(
            rng.normal(model.read_mu, model.read_mu_sd) if read_baseline is None else read_baseline
        )
        if ability is None:
            ability = 0.3 * self.latent + np.sqrt(1 - 0.09) * rng.normal(size=6)
        self.ability = np.asarray(ability, dtype=float).reshape(6)
        self.fun_sd = fun_sd
        self.performance_effect = performance_effect

    def theta(self, letter: str) -> float:
        return float(self.latent[_IDX[letter]]) if letter in _IDX else 0.0

    def _ordinal(self, u: float, a: float, b: Sequence[float]) -> int:
        if self.spread:
            mid = sum(b) / len(b)
            b = [mid + math.exp(-self.spread) * (x - mid) for x in b]
        p = ordinal_probabilities(u, a, b)
        return int(self.rng.choice(len(p), p=p / p.sum())) + 1

    # --- decision functions (reused by the game-playing bot) -------------------------

    def choose_option(self, options: Mapping[str, str]) -> str:
        """Pick an option id from {option id: RIASEC letter} (softmax on latent)."""
        ids = list(options)
        logits = self.model.choice_beta * np.array([self.theta(options[i]) for i in ids])
        p = np.exp(logits - logits.max())
        return ids[int(self.rng.choice(len(ids), p=p / p.sum()))]

    def rate_expectation(self, letter: str) -> int:
        """'How much do you think you'll enjoy this?' 1..5."""
        a, b = self.model.ordinal("expect")
        return self._ordinal(self.theta(letter) + self.style, a, b)

    def rate_enjoyment(self, letter: str, score: float | None = None) -> int:
        """'How much did you enjoy it?' 1..5 (interest + the challenge's fun + a bit of success)."""
        a, b = self.model.ordinal("enjoy")
        u = self.theta(letter) + self.style + self.rng.normal(0, self.fun_sd)
        if score is not None:
            u += self.performance_effect * (score - 0.6)
        return self._ordinal(u, a, b)

    def answer_item(self, letter: str, item_id: str | None = None) -> int:
        """IIP activity item ('would you like to ...?') 1..5."""
        a, b = self.model.ordinal("item")
        shift = _item_shift().get(item_id, 0.0) if item_id else 0.0
        return self._ordinal(self.theta(letter) + self.style - shift, a, b)

    def could_be_me(self, letter: str) -> str:
        """'Could this be you?' yes / maybe / no."""
        a, b = self.model.ordinal("could_be_me")
        return ["no", "maybe", "yes"][self._ordinal(self.theta(letter) + self.style, a, b) - 1]

    def wants_replay(self, letter: str) -> bool:
        a, b = self.model.binary("replay")
        return bool(self.rng.random() < logistic(a * (self.theta(letter) - b)))

    def wants_extra_round(self, letter: str) -> bool:
        a, b = self.model.binary("extra_round")
        return bool(self.rng.random() < logistic(a * (self.theta(letter) - b)))

    def wants_watch(self, letter: str) -> bool:
        """At a town person's speech bubble: stay to watch or ask (else walk on)."""
        a, b = self.model.binary("watch")
        return bool(self.rng.random() < logistic(a * (self.theta(letter) - b)))

    def reading_seconds(self, letter: str) -> float:
        mu = self.read_baseline + self.model.read_gamma * self.theta(letter)
        return float(np.clip(np.exp(self.rng.normal(mu, self.model.read_sigma)), 2.0, 600.0))

    def wants_save(self, letter: str) -> bool:
        return bool(self.rng.random() < logistic(1.2 * (self.theta(letter) - 1.0)))

    def perform(self, letter: str, difficulty: int) -> dict[str, float | bool]:
        """Play a challenge: score, accuracy (0-1), success and seconds taken."""
        skill = self.ability[_IDX[letter]] - 0.8 * (difficulty - 2) + self.rng.normal(0, 0.6)
        score = float(np.clip(logistic(1.2 * skill + 0.5), 0, 1))
        accuracy = float(np.clip(score + self.rng.normal(0, 0.05), 0, 1))
        seconds = float(np.clip(self.rng.normal(200 - 20 * skill, 25), 90, 240))
        return {
            "score": round(score, 3),
            "accuracy": round(accuracy, 3),
            "success": score >= 0.5,
            "seconds": round(seconds, 1),
        }


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
