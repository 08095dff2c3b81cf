"""Plays the Persuaders' and Organisers' rules (no pygame, no kit) through a challenge's
levels at a pupil's pace: each deliberate action takes ``ACTION_S`` seconds of clock time
(the brief's rule of thumb), so timed phases (a clock, a customer's patience) run while
the player thinks. Used by the rules and levels tests."""

from __future__ import annotations

import json
import random
from typing import Any

from game import paths
from zones.challenges.enterprise_deal_rules import DealRules
from zones.challenges.enterprise_pitch_rules import PitchRules
from zones.challenges.enterprise_stall_rules import StallRules
from zones.challenges.organise_reconcile_rules import ReconcileRules
from zones.challenges.organise_schedule_rules import ScheduleRules
from zones.challenges.organise_sort_rules import SortRules

RULES = {
    "stall": StallRules,
    "pitch": PitchRules,
    "deal": DealRules,
    "sort": SortRules,
    "schedule": ScheduleRules,
    "reconcile": ReconcileRules,
}
IDS = (
    "c_delivery_vans",
    "c_library_sort",
    "c_club_accounts",
    "e_app_pitch",
    "e_market_stall",
    "e_festival",
)
ACTION_S = 4.0


def record(cid: str) -> dict[str, Any]:
    """The challenge's JSON record as shipped."""
    return json.loads(
        (paths.content_dir() / "challenges" / f"{cid}.json").read_text(encoding="utf-8")
    )


def level_params(cid: str) -> list[tuple[str, dict[str, Any]]]:
    """(kind, merged params) for the three levels and the extra shift, in play order."""
    rec = record(cid)
    return [
        (lv["kind"], {**rec["params"], **lv["params"]})
        for lv in rec["levels"] + [rec["extra_shift"]]
    ]


def make(params: dict[str, Any], difficulty: int, seed: int):
    return RULES[params["mode"]](params, difficulty, random.Random(seed))


def play(rules, skill: float, seed: int, limit: int = 400) -> tuple[int, float]:
    """Play to the end; the number of actions and the clock time it took."""
    rng = random.Random(seed)
    actions = 0
    while not rules.finished and actions < limit:
        action = rules.bot_action(rng, skill)
        if action is None:
            break
        rules.tick(ACTION_S)
        if rules.finished:
            break
        rules.perform(action)
        actions += 1
    return actions, rules.elapsed


WPM = 150


def _words(*texts: str) -> int:
    return sum(len(t.split()) for t in texts)


def reading_s(brief: dict[str, str], rules) -> float:
    """Seconds a pupil spends reading at 150 words a minute: the level's brief and the
    board's own texts met once (investors' bios and the arguments, the books' titles,
    the parcels, the ledger and the receipts, the news and the customers' lines, the
    suppliers' blurbs)."""
    en = "en"
    mode = rules.params.mode
    n = _words(brief[en])
    if mode == "pitch":
        n += _words(*(i.bio[en] for i in rules.investors), *(a.label[en] for a in rules.arguments))
    elif mode == "sort":
        n += _words(*(i.title[en] for i in rules.queue), *(b.label[en] for b in rules.bins))
    elif mode == "schedule":
        n += _words(*(p.label[en] for p in rules.parcels)) + 3 * len(rules.parcels)
    elif mode == "reconcile":
        n += 2 * _words(*(r["label"][en] for r in rules.rows)) + 2 * len(rules.rows)
    elif mode == "stall":
        n += _words(*(r.news[en] for r in rules.rounds))
        n += sum(len(q) for q in rules.queues) * 8  # each customer's line
    elif mode == "deal":
        n += _words(
            *(
                s.blurb[en]
                for s in rules.suppliers.values()
                if s.need in {x.id for x in rules.needs}
            )
        )
    return 60.0 * n / WPM
