"""Harder never means less work (issue 16): in every level and the extra shift of every
challenge, the per-difficulty counts of things a player has to handle (parcels, customers,
needs, wishes, rows, decoys...) never fall from Easy to Medium to Hard. A harder level may
also be tighter (less time, less slack, less budget, fewer tries); that is not checked here.
It caught Van Plan's job showing 9 parcels on Hard and 10 on Medium."""

from __future__ import annotations

import json

import pytest

from game import paths

#: per-difficulty params that count work to do or things to tell apart
WORK_KEYS = (
    "parcels_shown",
    "vans_shown",
    "bins_shown",
    "items_shown",
    "customers",
    "needs_count",
    "investors_count",
    "wants",
    "wishes",
    "min_choices",
    "steps",
    "rows",
    "mismatches",
    "hypotheses_shown",
    "herrings",
    "decoys",
)
CHALLENGES = sorted(p.stem for p in (paths.content_dir() / "challenges").glob("*.json"))


def levels(cid: str) -> list[tuple[str, dict]]:
    """(kind, params merged over the challenge's own) for each level and the extra shift."""
    rec = json.loads(
        (paths.content_dir() / "challenges" / f"{cid}.json").read_text(encoding="utf-8")
    )
    return [
        (lv["kind"], {**rec["params"], **lv["params"]})
        for lv in rec["levels"] + [rec["extra_shift"]]
    ]


@pytest.mark.parametrize("cid", CHALLENGES)
def test_a_harder_level_never_has_less_to_do(cid):
    for kind, params in levels(cid):
        for key in WORK_KEYS:
            value = params.get(key)
            if isinstance(value, list) and len(value) == 3:
                easy, medium, hard = value
                assert easy <= medium <= hard, f"{cid} {kind}: {key} {value} falls when harder"


def test_every_work_key_is_one_the_content_uses():
    used = {key for cid in CHALLENGES for _, params in levels(cid) for key in params}
    assert not set(WORK_KEYS) - used, "a key renamed in the content is no longer checked"


def test_van_plans_hard_job_has_at_least_the_parcels_of_medium():
    job = dict(levels("c_delivery_vans"))["job"]
    easy, medium, hard = job["parcels_shown"]
    assert easy <= medium <= hard
