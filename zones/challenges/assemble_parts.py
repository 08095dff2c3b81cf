"""Helpers every assemble mode's rules share (pure, no pygame)."""

from __future__ import annotations

from typing import Any


def check_numbers(params: dict[str, Any], key: str, low: int, default: list[int]) -> list[str]:
    value = params.get(key, default)
    if not (
        isinstance(value, list)
        and len(value) == 3
        and all(isinstance(x, int) and not isinstance(x, bool) and x >= low for x in value)
    ):
        return [f"{key}: must be three whole numbers ≥ {low}, one per difficulty"]
    return []


def used_slots(params: dict[str, Any]) -> list[dict[str, Any]]:
    """The slots this level uses, in file order."""
    use = params.get("use")
    return [s for s in params["slots"] if use is None or s["id"] in use]
