"""Which rules an assemble challenge plays (``params.mode``: fit, wire, cut) and the
typed params of each mode. Called by the view (``assemble.py``) and the loader through
it; pure, no pygame."""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.assemble_cut_rules import CutRules
from zones.challenges.assemble_rules import FitRules
from zones.challenges.assemble_wire_rules import WireRules
from zones.challenges.rules_core import Rules

#: the rules of each mode (each with its ``params_type``)
MODE_RULES: dict[str, type[Rules]] = {"fit": FitRules, "wire": WireRules, "cut": CutRules}


def parse_params(params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list[str]]:
    """An assemble challenge's params as its mode's dataclass, and their problems as
    ``field: problem`` lines."""
    from zones import params_types

    rules = MODE_RULES.get(params.get("mode", ""))
    if rules is None or rules.params_type is None:
        return params, [f"mode: must be one of {tuple(MODE_RULES)}"]
    return params_types.parse(rules.params_type, params, languages)


def validate_params(params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
    """Problems with an assemble challenge's params as ``field: problem`` lines (every mode)."""
    return parse_params(params, languages)[1]


def rules_for(params: Any, difficulty: int, rng: random.Random) -> Any:
    """The rules of the params' mode (FitRules, WireRules or CutRules)."""
    mode = params["mode"] if isinstance(params, dict) else params.mode
    return MODE_RULES[mode](params, difficulty, rng)
