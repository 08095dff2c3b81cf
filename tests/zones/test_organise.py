"""The Organisers' organise mechanic (sort, schedule, reconcile): bots finish every
challenge at every difficulty through ``perform``, a perfect player succeeds, difficulty
changes real parameters, schedules are always solvable (also after the road closes),
``validate_params`` names the broken field, and the library can be sorted with the
keyboard alone in the real hosting scene (drawn in normal and high contrast)."""

from __future__ import annotations

import random

import pygame
import pytest

from telemetry.words import languages
from tests.helpers import make_app
from tests.zones.kit import bot_play, broken_params, build_mechanic, family_params
from zones.challenges.base import Action
from zones.challenges.organise import MODES, OrganiseMechanic
from zones.challenges.organise_reconcile import ReconcileMode
from zones.challenges.organise_schedule import ScheduleMode
from zones.challenges.organise_sort import SortMode

PARAMS = family_params("organise")
IDS = sorted(PARAMS)


def make(cid: str, difficulty: int, seed: int = 0):
    return build_mechanic(OrganiseMechanic, PARAMS[cid], difficulty, seed)


def play(mech, skill: float, seed: int, limit: int = 600) -> int:
    return bot_play(mech, skill, seed, limit)


def test_the_three_organisers_challenges_use_three_modes():
    assert set(IDS) == {"c_library_sort", "c_delivery_vans", "c_club_accounts"}
    assert {PARAMS[c]["mode"] for c in IDS} == set(MODES)
    assert isinstance(make("c_library_sort", 1), SortMode)
    assert isinstance(make("c_delivery_vans", 1), ScheduleMode)
    assert isinstance(make("c_club_accounts", 1), ReconcileMode)


@pytest.mark.parametrize("cid", IDS)
def test_content_params_are_valid(cid):
    assert OrganiseMechanic.validate_params(PARAMS[cid], languages()) == []


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("difficulty", [1, 2, 3])
@pytest.mark.parametrize("skill", [1.0, 0.3])
def test_bots_finish_through_perform(cid, difficulty, skill):
    for seed in range(8):
        mech = make(cid, difficulty, seed)
        play(mech, skill, seed)
        assert mech.finished
        assert mech.bot_action(random.Random(0), skill) is None
        result = mech.result()
        assert 0 <= result.score <= 1 and 0 <= result.accuracy <= 1 and 0 <= mech.progress <= 1
        assert result.success
        if skill == 1.0:
            assert result.accuracy == 1.0 and result.score >= 0.9
        kinds = [k for k, _ in mech.pop_events()]
        assert "choice" in kinds and "progress" in kinds


@pytest.mark.parametrize("cid", IDS)
def test_difficulty_changes_real_parameters(cid):
    easy, hard = make(cid, 1, 2), make(cid, 3, 2)
    assert easy.time_limit == 0 and hard.time_limit > 0
    if cid == "c_library_sort":
        assert len(easy.bins) < len(hard.bins) and easy.total < hard.total
        assert not any(i.tricky for i in easy.queue)
    elif cid == "c_delivery_vans":
        assert len(easy.vans) < len(hard.vans) and len(easy.parcels) < len(hard.parcels)
        assert not easy.will_disrupt and hard.will_disrupt
    else:
        assert len(easy.rows) < len(hard.rows) and easy.to_find < hard.to_find
        assert {r["kind"] for r in easy.rows} - {""} <= {"tenfold", "missing"}
        assert "tenfold" not in {r["kind"] for r in hard.rows}


def test_the_clock_ends_a_timed_round():
    mech = make("c_library_sort", 3, 1)
    mech.update(mech.time_limit + 1)
    assert mech.finished and not mech.result().success
    assert mech.bot_action(random.Random(0), 1.0) is None


def test_sorting_trusts_the_number_and_never_repeats_a_wrong_shelf():
    mech = make("c_library_sort", 3, 4)
    book = mech.queue[0]
    right = mech._bin_of(book)
    wrong = [b.id for b in mech.bins if b.id != right]
    mech.perform(Action("shelve", book.id, wrong[0]))
    assert mech.mistakes == 1 and mech.queue[0] is book and wrong[0] in mech.tried
    for _ in range(20):
        assert mech.bot_action(random.Random(_), 0.0).value != wrong[0]
    mech.perform(Action("hint"))
    assert mech.hint_bin == right


@pytest.mark.parametrize("seed", range(30))
def test_schedules_are_always_solvable_and_the_closure_keeps_them_so(seed):
    mech = make("c_delivery_vans", 3, seed)
    every = [p.id for p in mech.parcels]
    assert mech.solvable(every, {})
    play(mech, 1.0, seed)
    assert mech.blocked is not None and mech.result().success
    assert all(cell[1] != mech.blocked for cell in mech.grid)
    for (van, slot), pid in mech.grid.items():
        assert slot <= mech.deadline[pid]
        need = mech.parcel(pid).needs
        assert not need or mech.vans[van].tag == need


def test_schedule_refuses_broken_rules_with_a_reason_and_allows_taking_back():
    mech = make("c_delivery_vans", 2, 3)
    pid = mech.selected
    late = (
        next(s for s in range(len(mech.slots)) if s > mech.deadline[pid])
        if mech.deadline[pid] < 3
        else None
    )
    if late is not None:
        mech.perform(Action("place", pid, f"0:{late}"))
        assert mech.mistakes == 1 and pid in mech.queue and mech.feedback
    cell = mech.good_cells(pid)[0]
    mech.perform(Action("place", pid, f"{cell[0]}:{cell[1]}"))
    assert mech.grid[cell] == pid
    mech.perform(Action("unplace", pid, f"{cell[0]}:{cell[1]}"))
    assert cell not in mech.grid and mech.selected == pid and mech.undos == 1


def test_reconcile_flags_mismatches_and_the_totals_balance():
    mech = make("c_club_accounts", 2, 7)
    assert mech.ledger_total() != mech.receipts_total()
    fine = next(r for r in mech.rows if not r["kind"])
    mech.perform(Action("flag", fine["id"]))
    assert mech.mistakes == 1 and fine["id"] in mech.checked
    assert Action("flag", fine["id"]) not in mech.actions()
    for row in [r for r in mech.rows if r["kind"]]:
        assert row["written"] != row["paid"] or row["kind"] == "missing"
        mech.perform(Action("flag", row["id"]))
    assert mech.finished and mech.ledger_total() == mech.receipts_total()


def broken(cid: str, mutate) -> list[str]:
    return broken_params(OrganiseMechanic, PARAMS[cid], mutate)


def test_validate_params_names_the_problem():
    assert broken("c_library_sort", lambda p: p.update(mode="juggle"))[0].startswith("mode:")
    assert any(
        "exactly one shelf" in p
        for p in broken("c_library_sort", lambda p: p["items"][0].update(code="450"))
    )
    assert any(
        p.startswith("items[0].code")
        for p in broken("c_library_sort", lambda p: p["items"][0].update(code=5))
    )
    assert any(
        p.startswith("bins_shown")
        for p in broken("c_library_sort", lambda p: p.update(bins_shown=[3, 9, 6]))
    )
    assert any(
        "not in tags" in p
        for p in broken("c_delivery_vans", lambda p: p["parcels"][0].update(needs="hot"))
    )
    assert any(
        p.startswith("parcels_shown")
        for p in broken("c_delivery_vans", lambda p: p.update(parcels_shown=[5, 7, 12]))
    )
    assert any(
        "language 'es' missing" in p
        for p in broken("c_delivery_vans", lambda p: p["closure"].pop("es"))
    )
    assert any(
        p.startswith("entries[0].amount")
        for p in broken("c_club_accounts", lambda p: p["entries"][0].update(amount="lots"))
    )
    assert any(
        p.startswith("mismatches")
        for p in broken("c_club_accounts", lambda p: p.update(mismatches=[6, 8, 10]))
    )


# -- the real hosting scene -----------------------------------------------------------
def test_keyboard_only_sorts_the_library_in_the_real_scene(tmp_path):
    from tests.helpers import focus_item, key, start_challenge

    app = make_app(tmp_path)
    scene = start_challenge(app, "c_library_sort", 1)
    mech = scene.mechanic
    for _ in range(mech.total):
        focus_item(app, mech.spots[mech._bin_of(mech.queue[0])], presses=30)
        app.pump([key(pygame.K_SPACE)])
    result = scene.level_results[-1]  # the tutorial's card shows
    assert mech.finished and scene.level_done and result.success and result.accuracy == 1.0


def test_keyboard_plans_a_parcel_in_the_real_scene(tmp_path):
    from tests.helpers import focus_item, key, start_challenge

    app = make_app(tmp_path)
    scene = start_challenge(app, "c_delivery_vans", 1)
    mech = scene.mechanic
    pid = mech.queue[-1]
    for target in (mech.spots[pid], None):
        focus_item(app, target or mech.spots[mech.good_cells(pid)[0]], presses=60)
        app.pump([key(pygame.K_RETURN)])
    assert pid in mech.grid.values()


@pytest.mark.parametrize("contrast", [False, True])
def test_every_challenge_draws_at_every_difficulty(tmp_path, contrast):
    from tests.helpers import draw_every_difficulty

    draw_every_difficulty(make_app(tmp_path), IDS, bot_actions=6, high_contrast=contrast)
