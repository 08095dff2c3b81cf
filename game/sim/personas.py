"""Simulated pupils whose response processes the scorer does NOT assume (issue 17 item 4).

Called by ``game.sim.bot.Bot`` (``python main.py simulate``) and ``bench/validity.py`` to
make a pupil's decisions. The in-model pupils (``game.sim.synthetic.SyntheticPlayer``) answer
with the scorer's own response model, so their figures are an upper bound; these pupils
answer with their own model, whose form and constants are written here and share nothing
with ``telemetry.profile`` (``tests/profile/test_personas.py`` checks the imports):

* ratings: an adjacent-category logit with its own cut points, per-type item difficulty
  and per-item noise, plus the pupil's response style: acquiescence (a shift on every
  rating), extreme responding (cut points squeezed), straight-lining (one answer for
  everything) and random clicking that grows with fatigue;
* choices: interest, plus how a district looks (a fixed appeal per option), novelty
  (types not tried yet) and how hard it seems, with a Gumbel noise;
* enjoyment: partly the challenge's score, partly interest;
* persistence, reading and saving: interest-driven with their own slopes; a general
  elevation factor (a pupil who likes everything) moves all of them.

The latent population can be skewed (gender and age structure with first-letter base
rates as in adolescent samples: more R among boys, more S and A among girls).
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

__all__ = ["Traits", "Persona", "POPULATIONS", "draw_population"]

_LETTERS = "RIASEC"
# the pupils' own rating process (not the scorer's): cut points of a 1..5 scale
_CUTS_5 = (-1.1, -0.35, 0.45, 1.25)
_CUTS_3 = (-0.1, 0.95)
_SLOPE = {"item": 1.35, "expect": 0.85, "enjoy": 0.95, "could_be_me": 0.9}
# how hard each type's items are to endorse (type-level item difficulty)
_TYPE_DIFFICULTY = {"R": 0.25, "I": 0.1, "A": -0.15, "S": -0.25, "E": 0.05, "C": 0.3}


@dataclass(frozen=True)
class Traits:
    """How one simulated pupil answers, apart from its interests (all in latent units)."""

    acquiescence: float = 0.0  # added to every rating
    extreme: float = 1.0  # > 1 squeezes the cut points: more 1s and 5s
    straight: int | None = None  # answers this (1..5) to every rating
    random_share: float = 0.0  # share of answers clicked at random at the start
    fatigue: float = 0.0  # extra random share per minute played
    look_weight: float = 0.0  # weight of a district's look/novelty/difficulty in choices
    score_enjoy: float = 0.0  # weight of the score in "how much did you enjoy it?"
    interest: float = 1.0  # how interest-driven all behaviour is (1 = fully)
    elevation: float = 0.0  # a general liking-everything factor on all behaviour


def _hash_unit(text: str) -> float:
    """A fixed pseudo-random normal value for ``text`` (an option's look, an item's noise)."""
    u = (zlib.crc32(text.encode("utf-8")) % 100_003 + 0.5) / 100_003
    # inverse of the logistic cdf scaled to about unit variance
    return math.log(u / (1 - u)) * 0.55


class Persona:
    """A simulated pupil with latent interests ``latent`` (R..C) and :class:`Traits`."""

    def __init__(
        self,
        latent: Sequence[float] | np.ndarray,
        rng: np.random.Generator,
        traits: Traits | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.latent = np.asarray(latent, dtype=float).reshape(6)
        self.rng = rng
        self.traits = traits or Traits()
        self.clock = clock or (lambda: 0.0)
        self.style = self.traits.acquiescence
        self.read_baseline = float(rng.normal(math.log(22.0), 0.5))
        self.ability = 0.25 * self.latent + math.sqrt(1 - 0.0625) * rng.normal(size=6)
        self.tried: set[str] = set()

    def theta(self, letter: str) -> float:
        """The interest that drives behaviour: scaled, plus the general elevation."""
        if letter not in _LETTERS:
            return 0.0
        t = self.traits
        return t.interest * float(self.latent[_LETTERS.index(letter)]) + t.elevation

    # --- answering -------------------------------------------------------------------
    def _random_now(self) -> bool:
        t = self.traits
        share = t.random_share + t.fatigue * self.clock() / 60.0
        return bool(self.rng.random() < min(0.95, share))

    def _answer(self, u: float, kind: str, cuts: Sequence[float]) -> int:
        """Adjacent-category logit answer 1..K at location ``u``, with the pupil's style."""
        t = self.traits
        k = len(cuts) + 1
        if t.straight is not None:
            return max(1, min(k, t.straight if k == 5 else 1 + (t.straight - 1) // 2))
        if self._random_now():
            return int(self.rng.integers(1, k + 1))
        u = u + t.acquiescence
        steps = _SLOPE[kind] * (u - np.asarray(cuts) / t.extreme)
        logits = np.concatenate([[0.0], np.cumsum(steps)])
        p = np.exp(logits - logits.max())
        return int(self.rng.choice(k, p=p / p.sum())) + 1

    def answer_item(self, letter: str, item_id: str | None = None) -> int:
        """An activity item ('would you like to ...?') 1..5."""
        u = self.theta(letter) - _TYPE_DIFFICULTY.get(letter, 0.0)
        if item_id:
            u -= 0.35 * _hash_unit("item:" + item_id)
        return self._answer(u, "item", _CUTS_5)

    def rate_expectation(self, letter: str) -> int:
        return self._answer(self.theta(letter) + 0.2, "expect", _CUTS_5)

    def rate_enjoyment(self, letter: str, score: float | None = None) -> int:
        s = self.traits.score_enjoy
        u = (1 - s) * self.theta(letter) + 0.5 + self.rng.normal(0, 0.45)
        if score is not None:
            u += s * 3.0 * (score - 0.55)
        return self._answer(u, "enjoy", _CUTS_5)

    def could_be_me(self, letter: str) -> str:
        return ["no", "maybe", "yes"][self._answer(self.theta(letter), "could_be_me", _CUTS_3) - 1]

    # --- choosing and persisting -----------------------------------------------------
    def choose_option(self, options: Mapping[str, str]) -> str:
        """Pick an option id from {option id: letter}: interest, look, novelty, noise."""
        if not options:
            raise ValueError("no options")
        t = self.traits
        ids = list(options)
        if t.straight is None and self._random_now():
            pick = ids[int(self.rng.integers(0, len(ids)))]
        else:
            util = []
            for i in ids:
                letter = options[i]
                look = _hash_unit("look:" + i) + (0.0 if letter in self.tried else 0.6)
                look -= 0.4 * _TYPE_DIFFICULTY.get(letter, 0.0)
                util.append(
                    0.9 * self.theta(letter)
                    + t.look_weight * look
                    + float(self.rng.gumbel(0.0, 1.0))
                )
            pick = ids[int(np.argmax(util))]
        self.tried.add(options[pick])
        return pick

    def _chance(self, x: float) -> bool:
        return bool(self.rng.random() < 1.0 / (1.0 + math.exp(-x)))

    def wants_replay(self, letter: str) -> bool:
        return self._chance(0.8 * self.theta(letter) - 2.3)

    def wants_extra_round(self, letter: str) -> bool:
        return self._chance(1.0 * self.theta(letter) - 0.1)

    def wants_save(self, letter: str) -> bool:
        return self._chance(1.0 * self.theta(letter) - 1.3)

    def wants_watch(self, letter: str) -> bool:
        """Watching someone at work: curiosity about the new as much as interest, and a
        tired or random pupil just walks on (its own slopes, not the scorer's)."""
        if self._random_now():
            return bool(self.rng.random() < 0.5)
        novelty = 0.0 if letter in self.tried else 0.5
        return self._chance(0.6 * self.theta(letter) + novelty - 0.6)

    def reading_seconds(self, letter: str) -> float:
        if self._random_now():
            return float(self.rng.uniform(1.0, 4.0))
        mu = self.read_baseline + 0.25 * self.theta(letter)
        return float(np.clip(math.exp(self.rng.normal(mu, 0.65)), 2.0, 600.0))


# ------------------------------------------------------------------------- populations


def _mixed(rng: np.random.Generator) -> Traits:
    """A realistic class: most pupils a little of everything, a few straight-line or click."""
    roll = rng.random()
    if roll < 0.04:
        return Traits(straight=int(rng.choice([3, 4, 5])))
    if roll < 0.08:
        return Traits(random_share=0.7, fatigue=0.02)
    return Traits(
        acquiescence=float(rng.normal(0.3, 0.5)),
        extreme=float(np.exp(rng.normal(0.1, 0.3))),
        random_share=float(rng.uniform(0, 0.1)),
        fatigue=float(rng.uniform(0, 0.01)),
        look_weight=float(rng.uniform(0.2, 0.8)),
        score_enjoy=float(rng.uniform(0.1, 0.5)),
        interest=float(rng.uniform(0.55, 1.0)),
        elevation=float(rng.normal(0.0, 0.35)),
    )


#: population name -> traits of one pupil (drawn with the pupil's rng)
POPULATIONS: dict[str, Callable[[np.random.Generator], Traits]] = {
    "acquiescence": lambda r: Traits(acquiescence=1.2),
    "extreme": lambda r: Traits(extreme=2.5),
    "straight_lining": lambda r: Traits(straight=int(r.choice([3, 4, 5]))),
    "random_fatigue": lambda r: Traits(random_share=0.5, fatigue=0.03),
    "look_novelty_difficulty": lambda r: Traits(look_weight=1.0),
    "score_enjoyment": lambda r: Traits(score_enjoy=0.7),
    "weak_interest": lambda r: Traits(interest=0.5),
    "elevation": lambda r: Traits(elevation=float(r.normal(0.0, 0.8))),
    "skewed_base_rates": lambda r: Traits(),
    "mixed": _mixed,
}


def _hexagon(adjacent: float = 0.3, alternate: float = 0.1, opposite: float = 0.0) -> np.ndarray:
    c = np.eye(6)
    for i in range(6):
        for j in range(6):
            d = min(abs(i - j), 6 - abs(i - j))
            if d:
                c[i, j] = (adjacent, alternate, opposite)[d - 1]
    return c


def draw_population(name: str, n: int, rng: np.random.Generator) -> tuple[np.ndarray, list[Traits]]:
    """``n`` latent profiles (n, 6) and traits of population ``name``.

    Latents are correlated around the hexagon; ``skewed_base_rates`` and ``mixed`` add a
    gender and age structure (boys +0.45 R, girls +0.45 S and +0.3 A; younger pupils a
    little more R and A), so first letters are not equally common.
    """
    if name not in POPULATIONS:
        raise ValueError(f"unknown population {name!r}")
    latent = rng.multivariate_normal(np.zeros(6), _hexagon(), size=n, method="cholesky")
    if name in ("skewed_base_rates", "mixed"):
        girl = rng.random(n) < 0.5
        young = rng.random(n) < 0.5
        latent[:, 0] += np.where(girl, -0.2, 0.45) + 0.15 * young
        latent[:, 3] += np.where(girl, 0.45, -0.2)
        latent[:, 2] += np.where(girl, 0.3, -0.1) + 0.1 * young
        latent[:, 5] -= 0.2
    traits = [POPULATIONS[name](rng) for _ in range(n)]
    return latent, traits
