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

The statement streams these players make are in :mod:`game.sim.synthetic`.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from functools import lru_cache

import numpy as np

from telemetry.profile.engine import MODEL, ResponseModel, logistic, ordinal_probabilities
from telemetry.profile.evidence import RIASEC
from telemetry.profile.occupations import load_riasec_items

__all__ = ["HEXAGON_CORR", "SyntheticPlayer", "draw_latent_population"]

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
