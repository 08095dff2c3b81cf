"""Organise: sort, schedule or reconcile records accurately (the Organisers' family).

One mechanic name, three board layouts chosen by ``params["mode"]``:

- ``sort`` (``organise_sort.py``): items from a trolley onto labelled shelves by a number
  rule (library classification marks; titles may mislead, numbers never do).
- ``schedule`` (``organise_schedule.py``): parcels into a vans × hours grid under deadline
  and van-type rules; halfway through a road closes and the plan must adapt.
- ``reconcile`` (``organise_reconcile.py``): a ledger beside a pile of receipts; flag the
  lines that don't match until the books balance.

Every mode takes per-difficulty lists of three (Easy, Medium, Hard) for its sizes and a
``time_limit`` (seconds, 0 = no clock); see each mode's docstring for its params, e.g.::

    {"mode": "sort", "bins": [...], "items": [...], "bins_shown": [3, 4, 6],
     "items_shown": [6, 9, 12], "time_limit": [0, 0, 150]}

``OrganiseMechanic(params, ...)`` returns an instance of the mode's class (each one a
``Mechanic`` subclass with ``family = "organise"``), so the host and the bots talk to the
mode directly.
"""

from __future__ import annotations

import random
from typing import Any

from zones.challenges.organise_common import OrganiseMode
from zones.challenges.organise_reconcile import ReconcileMode
from zones.challenges.organise_schedule import ScheduleMode
from zones.challenges.organise_sort import SortMode

MODES: dict[str, type[OrganiseMode]] = {
    "sort": SortMode,
    "schedule": ScheduleMode,
    "reconcile": ReconcileMode,
}


class OrganiseMechanic(OrganiseMode):
    family = "organise"

    def __new__(cls, params: Any, difficulty: int, kit: Any, rng: random.Random):
        mode = MODES[params["mode"] if isinstance(params, dict) else params.mode]
        return mode(params, difficulty, kit, rng)

    @classmethod
    def validate_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
        return cls.parse_params(params, languages)[1]

    @classmethod
    def param_models(cls) -> dict[str, type | None]:
        return {name: mode.rules_class.params_type for name, mode in MODES.items()}

    @classmethod
    def parse_params(cls, params: dict[str, Any], languages: tuple[str, ...]) -> tuple[Any, list]:
        mode = params.get("mode")
        if mode not in MODES:
            return params, [f"mode: must be one of {tuple(MODES)}"]
        return MODES[mode].parse_params(params, languages)
