"""The Persuaders' and Organisers' rules as plain state machines (issue 14 item 2): no
pygame and no kit, actions in, state, events and a result out. A good bot (skill .9)
and a bad bot (skill .1) play every level and the extra shift of all six challenges at
a pupil's pace and always reach an ending; each rule the boards show is tested here."""

from __future__ import annotations

import random
import subprocess
import sys

import pytest

from tests.zones.ec_play import IDS, level_params, make, play, record
from zones.challenges.actions import Action
from zones.challenges.rules_core import Money, Remark

RULES_MODULES = (
    "rules_core",
    "actions",
    "organise_rules",
    "enterprise_rules",
    "organise_sort_rules",
    "organise_schedule_rules",
    "organise_reconcile_rules",
    "enterprise_stall_rules",
    "enterprise_pitch_rules",
    "enterprise_deal_rules",
)


def base(cid: str) -> dict:
    return record(cid)["params"]


def kinds(rules) -> list[str]:
    return [k for k, _ in rules.pop_events()]


def cues(rules) -> list[str]:
    return [d["name"] for k, d in rules.pop_events() if k == "cue"]


def test_rules_modules_import_without_pygame():
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'pygame' or name.startswith('pygame.'):\n"
        "            raise ImportError('pygame is blocked')\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import zones.challenges.{m}\n" for m in RULES_MODULES)
        + "assert not [m for m in sys.modules if m.startswith('pygame')]\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
def test_good_and_bad_bots_reach_an_ending_in_every_level_and_the_extra_shift(cid, difficulty):
    won = {0.9: 0.0, 0.1: 0.0}
    for skill in won:
        for seed in range(4):
            for kind, params in level_params(cid):
                rules = make(params, difficulty, seed)
                actions, _ = play(rules, skill, seed)
                assert rules.finished, (
                    f"{cid} {kind} d{difficulty} skill {skill} seed {seed}: no ending"
                )
                assert rules.bot_action(random.Random(0), skill) is None
                result = rules.result()
                assert (
                    0 <= result.score <= 1
                    and 0 <= result.accuracy <= 1
                    and 0 <= rules.progress <= 1
                )
                assert "recovered" in result.details
                won[skill] += result.score
    assert won[0.9] > won[0.1], f"{cid}: skill shows in the results ({won})"


# -- sort --------------------------------------------------------------------------------------
def test_sort_trusts_the_number_counts_recovery_and_cues():
    rules = make(base("c_library_sort"), 3, 4)
    book = rules.queue[0]
    right = rules.bin_of(book)
    wrong = next(b.id for b in rules.bins if b.id != right)
    rules.perform(Action("shelve", book.id, wrong))
    assert rules.mistakes == 1 and rules.queue[0] is book and rules.tried == {wrong}
    assert rules.said.key == "organise.sort_wrong" and rules.said.values["code"] == book.code
    assert cues(rules) == ["fail"]
    rules.perform(Action("shelve", book.id, right))
    assert rules.correct == 1 and rules.recovered == 1 and book in rules.placed[right]
    assert rules.last_shelf == right and not rules.tried
    assert cues(rules) == ["success"]
    rules.perform(Action("shelve", "not-the-book-in-hand", right))
    assert rules.correct == 1, "only the book in hand can be shelved"


def test_sort_twist_puts_the_misleading_titles_on_the_trolley():
    params = {
        **base("c_library_sort"),
        "tricky": "always",
        "bins_shown": [6, 6, 6],
        "items_shown": [7, 7, 7],
    }
    rules = make(params, 1, 0)
    assert sum(bool(i.tricky) for i in rules.queue) == 7
    easy = make({**base("c_library_sort"), "tricky": "never"}, 3, 0)
    assert not any(i.tricky for i in easy.queue)


def test_the_clock_ends_a_timed_level_with_a_warning_first():
    rules = make(base("c_library_sort"), 3, 1)
    rules.tick(rules.time_limit * 0.85)
    assert not rules.finished and cues(rules) == ["warning"]
    rules.tick(rules.time_limit)
    assert rules.finished and rules.timed_out and not rules.result().success
    assert rules.said.key == "challenge.time_up"


# -- schedule ----------------------------------------------------------------------------------
def test_schedule_refuses_a_broken_rule_with_its_reason_and_the_bridge_closes_in_the_twist():
    twist = dict(level_params("c_delivery_vans"))["twist"]
    rules = make(twist, 2, 3)
    pid = rules.queue[0]
    late = (
        next(
            (v, s)
            for v in range(len(rules.vans))
            for s in range(len(rules.slots))
            if rules.problem(pid, (v, s)) == "organise.van_late"
        )
        if rules.deadline[pid] < len(rules.slots) - 1
        else None
    )
    if late:
        rules.perform(Action("place", pid, f"{late[0]}:{late[1]}"))
        assert rules.said.key == "organise.van_late" and rules.mistakes == 1
    play(rules, 1.0, 3)
    assert rules.blocked is not None and rules.result().success
    assert all(cell[1] != rules.blocked for cell in rules.grid)
    closure = rules.closure()
    assert isinstance(closure, Remark) and closure.values["slot"] == rules.slots[rules.blocked]


def test_schedule_tutorial_has_no_closure_and_five_slots_in_the_job():
    levels = dict(level_params("c_delivery_vans"))
    rules = make(levels["tutorial"], 3, 0)
    play(rules, 1.0, 0)
    assert rules.blocked is None and len(rules.vans) == 2
    assert len(make(levels["job"], 2, 0).slots) > len(rules.slots)


# -- reconcile ---------------------------------------------------------------------------------
def test_reconcile_flags_a_mismatch_and_the_books_balance_in_the_end():
    rules = make(base("c_club_accounts"), 2, 5)
    bad = [r for r in rules.rows if r["kind"]]
    fine = next(r for r in rules.rows if not r["kind"])
    rules.perform(Action("flag", fine["id"]))
    assert rules.mistakes == 1 and rules.said.key == "organise.acc_fine"
    for row in bad:
        before = rules.ledger_total()
        rules.perform(Action("flag", row["id"]))  # the line now counts what was really paid
        assert (
            rules.ledger_total() - before
            == (row["paid"] if row["kind"] != "missing" else 0) - row["written"]
        )
    assert rules.finished and rules.ledger_total() == rules.receipts_total()
    assert rules.recovered == 1
    said = rules.said
    assert isinstance(said.values.get("paid", Money(0)), Money)


def test_reconcile_twist_plants_only_the_small_errors_and_shuffles_the_receipts():
    twist = dict(level_params("c_club_accounts"))["twist"]
    for seed in range(6):
        rules = make(twist, 1, seed)
        assert {r["kind"] for r in rules.rows} - {""} <= {"swap", "pennies", "missing"}
    same = [r["id"] for r in make(twist, 1, 0).receipts] != [
        r["id"] for r in make(twist, 1, 0).rows if r["kind"] != "missing"
    ]
    assert same, "the audit's receipts are not in ledger order"


# -- pitch -------------------------------------------------------------------------------------
def test_pitch_an_argument_that_misses_gets_the_investors_own_no():
    rules = make(base("e_app_pitch"), 2, 0)
    rules.perform(Action("idea", rules.params.ideas[0].id))
    inv = rules.investors[0]
    miss = next(a for a in rules.arguments if a.interest not in rules.wants[0])
    hit = next(a for a in rules.arguments if a.interest in rules.wants[0])
    rules.perform(Action("argue", miss.id))
    assert rules.said.key == inv.no and not rules.said.good and rules.last_investor == 0
    rules.perform(Action("argue", hit.id))
    assert rules.said.good and rules.recovered == 1
    assert rules.hits[0] == {hit.interest}


def test_pitch_asking_more_than_pledged_loses_the_deal():
    rules = make({**base("e_app_pitch"), "investors_count": [1, 1, 1], "wants": [1, 1, 1]}, 1, 0)
    rules.perform(Action("idea", rules.params.ideas[0].id))
    hit = next(a for a in rules.arguments if a.interest in rules.wants[0])
    rules.perform(Action("argue", hit.id))
    assert rules.phase == "ask"
    too_much = min(a for a in rules.params.asks if a > rules.pledged)
    rules.perform(Action("ask", str(too_much)))
    assert rules.finished and not rules.result().success


# -- stall -------------------------------------------------------------------------------------
def test_stall_customers_walk_off_when_kept_waiting_in_real_time():
    params = {**base("e_market_stall"), "patience": [10, 10, 10], "rounds_used": [0]}
    rules = make(params, 1, 0)
    assert len(rules.rounds) == 1
    rules.perform(Action("open"))
    assert rules.customer is not None
    first = rules._round_pos
    rules.tick(7.5)
    assert "warning" in cues(rules) and rules._round_pos == first
    rules.tick(3)
    assert rules._round_pos == first + 1 and rules.walked == 1 and rules.lost == 1
    assert rules.said.key == "enterprise.stall.walked_off"
    calm = make({**params, "patience": [0, 0, 0]}, 1, 0)
    calm.perform(Action("open"))
    calm.tick(100)
    assert calm.walked == 0, "no patience limit in the tutorial"


def test_stall_pricing_by_mood():
    rules = make({**base("e_market_stall"), "rounds_used": [0]}, 1, 2)
    pid, pays = rules.queue[0]
    rules.perform(Action("buy", pid))
    rules.perform(Action("open"))
    coins = rules.coins_now
    rules.perform(Action("sell", str(pays)))
    assert rules.coins_now == coins + rules.products[pid].prices[pays] and rules.said.good


# -- deal --------------------------------------------------------------------------------------
def test_deal_a_low_offer_gets_a_counter_and_the_twist_cuts_the_budget():
    twist = dict(level_params("e_festival"))["twist"]
    rules = make(twist, 2, 1)
    start = rules.budget
    sid = rules.actions()[0].target
    rules.perform(Action("choose", sid))
    sup = rules.suppliers[sid]
    too_low = next((k for k, c in enumerate(rules.cuts, start=1) if c > sup.flex), None)
    if too_low is not None:
        rules.perform(Action("offer", str(too_low)))
        assert rules.line[0] == "enterprise.deal.counter" and rules.counter is not None
    rules.perform(Action("offer", "0"))
    assert len(rules.booked) == 1
    assert (
        rules.budget == start - twist["budget_cut"][1]
        and rules.said.key == "enterprise.deal.budget_cut"
    )


@pytest.mark.parametrize("mode_cid", IDS)
def test_describe_names_the_changing_state(mode_cid):
    rules = make(level_params(mode_cid)[1][1], 1, 0)
    before = rules.describe()
    rng = random.Random(0)
    for _ in range(3):
        action = rules.bot_action(rng, 1.0)
        if action is None:
            break
        rules.perform(action)
    assert before and rules.describe() != before


def test_a_pupil_going_round_in_circles_still_reaches_an_ending():
    rules = make(dict(level_params("c_delivery_vans"))["job"], 1, 0)
    assert not rules.time_limit
    pid = rules.queue[0]
    rng = random.Random(0)
    for _ in range(1000):  # place a parcel and take it back, for ever
        if rules.finished:
            break
        cell = next(c for c in rules.good_cells(pid))
        rules.perform(Action("place", pid, f"{cell[0]}:{cell[1]}"))
        rules.tick(4)
        rules.perform(Action("unplace", pid, f"{cell[0]}:{cell[1]}"))
        rules.tick(4 + rng.random())
    assert rules.finished and not rules.result().success


def test_reconcile_a_receipt_laid_on_its_line_ticks_it_or_catches_the_error():
    rules = make(base("c_club_accounts"), 2, 5)
    fine = next(r for r in rules.rows if not r["kind"])
    wrong_amount = next(r for r in rules.rows if r["kind"] in ("tenfold", "swap", "pennies"))
    other = next(r for r in rules.rows if r["id"] not in (fine["id"], wrong_amount["id"]))
    rules.perform(Action("tool", "", fine["id"]))
    assert rules.holding == fine["id"]
    rules.perform(Action("place", other["id"], fine["id"]))
    assert rules.mistakes == 1 and rules.said.key == "organise.acc_not_this" and not rules.matched
    rules.perform(Action("place", fine["id"], fine["id"]))
    assert (
        fine["id"] in rules.matched
        and rules.said.key == "organise.acc_match"
        and rules.recovered == 1
    )
    assert "success" in cues(rules)
    assert Action("flag", fine["id"]) not in rules.actions(), "a ticked line is done"
    rules.perform(Action("place", wrong_amount["id"], wrong_amount["id"]))
    assert wrong_amount["id"] in rules.flagged and rules.said.key == "organise.acc_fixed"


@pytest.mark.parametrize("cid", IDS)
def test_the_three_levels_take_a_good_or_typical_pupil_three_to_five_minutes(cid):
    """At a pupil's pace (4 s a deliberate action, reading at 150 words a minute, timed
    phases in clock time), on Medium, averaged over seeds (a band of ±0.2 min)."""
    from tests.zones.ec_play import reading_s

    rec = record(cid)
    for skill in (0.9, 0.6):
        minutes = []
        for seed in range(8):
            total = 0.0
            for (_, params), level in zip(level_params(cid)[:3], rec["levels"], strict=True):
                rules = make(params, 2, seed)
                total += reading_s(level["brief"], rules) + play(rules, skill, seed)[1]
            minutes.append(total / 60)
        mean = sum(minutes) / len(minutes)
        assert 2.8 <= mean <= 5.2, f"{cid} at skill {skill}: {mean:.1f} minutes"
