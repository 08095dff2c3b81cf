"""Helpers every assemble mode's rules share (pure, no pygame)."""

from __future__ import annotations

from zones.challenges.assemble_params import FitParams, Slot, WireParams


def used_slots(params: FitParams | WireParams) -> list[Slot]:
    """The slots this level uses, in file order."""
    use = params.use
    return [s for s in params.slots if use is None or s.id in use]
