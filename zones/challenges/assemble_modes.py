"""Which rules an assemble challenge plays (``params['mode']``: fit, wire, cut) and the
checks of its params, for every mode. Called by the view (``assemble.py``) and the loader
through it; pure, no pygame."""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.assemble_cut_rules import CutRules, validate_cut
from zones.challenges.assemble_parts import check_numbers
from zones.challenges.assemble_rules import MODES, FitRules, check_slots
from zones.challenges.assemble_wire_rules import WireRules, validate_wire
from zones.challenges.craft_rules import Rules
from zones.challenges.rules_core import check_langmap


def validate_params(params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
    """Problems with an assemble challenge's params as ``field: problem`` lines (every mode)."""
    mode = params.get("mode")
    if mode not in MODES:
        return [f"mode: must be one of {MODES}"]
    problems = check_langmap(params.get("object"), "object", languages)
    problems += check_numbers(params, "time_limit", 0, [0, 0, 0])
    cap = params.get("max_mistakes", 8)
    if not isinstance(cap, int) or isinstance(cap, bool) or cap < 1:
        problems.append("max_mistakes: must be a whole number ≥ 1")
    if mode == "cut":
        return problems + validate_cut(params, languages)
    problems += check_slots(params, languages)
    if mode == "wire":
        return problems + validate_wire(params, languages)
    problems += check_numbers(params, "decoys", 0, [1, 2, 4])
    prefitted = params.get("prefitted", {})
    ids = {s.get("id") for s in params.get("slots", []) if isinstance(s, dict)}
    every = {p.get("id") for p in params.get("parts", []) if isinstance(p, dict)}
    if (
        not isinstance(prefitted, dict)
        or not set(prefitted) <= ids
        or not set(prefitted.values()) <= every
    ):
        problems.append("prefitted: must map slots to parts")
    return problems


def rules_for(params: dict[str, Any], difficulty: int, rng: random.Random) -> Rules:
    """The rules of ``params['mode']``."""
    mode = params["mode"]
    if mode == "wire":
        return WireRules(params, difficulty, rng)
    if mode == "cut":
        return CutRules(params, difficulty, rng)
    return FitRules(params, difficulty, rng)
