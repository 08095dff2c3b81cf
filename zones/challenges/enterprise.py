"""Run something under time and budget (the Persuaders' family).

One registered mechanic, three games chosen by ``params["mode"]``, each with its own
board and rules (see the module named for each mode for its params):

* ``"stall"`` (``enterprise_stall.py``): a market stall — buy stock with a budget, then
  price each sale to the customer in front of you; profit against a target is the score.
* ``"pitch"`` (``enterprise_pitch.py``): an app pitch — play the argument that matches
  each investor's interests, then ask for the right amount of money.
* ``"deal"`` (``enterprise_deal.py``): a festival plan — choose suppliers and haggle in
  offer/counter-offer rounds, within budget and a deadline in days.

Money is always shown as a coin icon and a number of "coins". Every mode shares the
difficulty rules: 1 tells more (exact numbers), 2 tells less and starts a clock or
shortens the deadline, 3 tells least, with a tighter budget and pickier people.

Params common to all modes::

    {"mode": "stall" | "pitch" | "deal", "time_limit": [0, 200, 150], ...mode params...}
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.enterprise_common import EnterpriseBase
from zones.challenges.enterprise_deal import DealGame
from zones.challenges.enterprise_pitch import PitchGame
from zones.challenges.enterprise_stall import StallGame

MODES: dict[str, type[EnterpriseBase]] = {"stall": StallGame, "pitch": PitchGame, "deal": DealGame}


class EnterpriseMechanic(EnterpriseBase):
    """Builds the game for ``params["mode"]``: ``EnterpriseMechanic(params, ...)`` returns a
    ``StallGame``, ``PitchGame`` or ``DealGame`` (all ``EnterpriseBase`` mechanics)."""

    family = "enterprise"

    def __new__(cls, params: Any, difficulty: int, kit: Any, rng: random.Random):
        game = MODES[params["mode"] if isinstance(params, dict) else params.mode]
        obj = object.__new__(game)
        game.__init__(obj, params, difficulty, kit, rng)
        return obj

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        return cls.parse_params(params, languages)[1]

    @classmethod
    def param_models(cls) -> dict[str, type | None]:
        return {name: game.rules_class.params_type for name, game in MODES.items()}

    @classmethod
    def parse_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list]:
        game = MODES.get(params.get("mode", ""))
        if game is None:
            return params, [f"mode: must be one of {sorted(MODES)}"]
        return game.parse_params(params, languages)
