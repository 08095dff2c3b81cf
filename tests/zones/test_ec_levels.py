"""The Persuaders' and Organisers' levels as content and as boards (issue 16): three
levels of the right kinds, a harder extra shift and a next step in en and es for each
of the six challenges; nothing in an intro, goal or brief names the solution; every
level's board builds and plays through at 100 % and 200 % text without a text leaving
its box; Pitch Your App's cards carry no investor's icon; payoff animations are drawn
only without reduced motion."""

from __future__ import annotations

import dataclasses
import random
import re

import pygame
import pytest

from tests.a11y.overflow import board_problems
from tests.helpers import make_app, start_challenge
from tests.zones.ec_play import IDS, level_params, record
from tests.zones.kit import AREA, FakeKit
from zones.challenges.actions import Action
from zones.challenges.enterprise import EnterpriseMechanic
from zones.challenges.organise import OrganiseMechanic
from zones.content import EXTRA_SHIFT, LEVEL_KINDS

LANGS = ("en", "es")
STOP = {
    "the",
    "a",
    "an",
    "of",
    "and",
    "to",
    "in",
    "on",
    "for",
    "with",
    "like",
    "book",
    "books",
    "who",
    "about",
    "el",
    "la",
    "los",
    "las",
    "de",
    "del",
    "y",
    "en",
    "con",
    "que",
    "libro",
    "libros",
    "un",
    "una",
    "como",
}


def solution_words(params: dict) -> set[str]:
    """The phrases that would give a level's answer away, in both languages."""
    mode = params["mode"]
    found: set[str] = set()

    def both(m: dict) -> None:
        found.update(m[lang].lower() for lang in LANGS)

    if mode == "sort":
        for item in params["items"]:
            found.add(item["code"])
            both(item["title"])
            if item.get("tricky"):  # a misleading title's own words point at its shelf
                for lang in LANGS:
                    found.update(
                        w
                        for w in re.findall(r"\w+", item["title"][lang].lower())
                        if len(w) > 3 and w not in STOP
                    )
    elif mode == "schedule":
        for parcel in params["parcels"]:
            both(parcel["label"])
    elif mode == "reconcile":
        for e in params["entries"]:
            found.update({f"{e['amount']:.2f}", f"{e['amount']:.2f}".replace(".", ",")})
    elif mode == "pitch":
        for x in params["arguments"] + params["interests"]:
            both(x["label"])
    elif mode == "stall":
        for mood in params["moods"]:
            both(mood["label"])
    elif mode == "deal":
        for sup in params["suppliers"]:
            both(sup["name"])
            found.add(f"{sup['flex']}%")
    return found


def shown_texts(cid: str) -> list[str]:
    rec = record(cid)
    texts = [rec["intro"], rec["goal"]]
    for level in rec["levels"] + [rec["extra_shift"]]:
        texts += [level["title"], level["brief"]]
    return [m[lang].lower() for m in texts for lang in LANGS]


@pytest.mark.parametrize("cid", IDS)
def test_three_levels_an_extra_shift_and_a_next_step_in_both_languages(cid):
    rec = record(cid)
    assert tuple(lv["kind"] for lv in rec["levels"]) == LEVEL_KINDS
    assert rec["extra_shift"]["kind"] == EXTRA_SHIFT
    for level in rec["levels"] + [rec["extra_shift"]]:
        for key in ("title", "brief"):
            assert all(level[key].get(lang) for lang in LANGS), f"{cid}: {key} in en and es"
        assert len(level["title"]["en"]) <= 40 and len(level["title"]["es"]) <= 40
    assert all(rec["next_step"].get(lang) for lang in LANGS)
    assert rec["next_step"]["en"].startswith("What a real ")


@pytest.mark.parametrize("cid", IDS)
def test_no_intro_goal_or_brief_names_the_solution(cid):
    words = set().union(*(solution_words(p) for _, p in level_params(cid)))
    assert words
    for text in shown_texts(cid):
        named = [w for w in words if re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text)]
        assert not named, f"{cid}: {named} in {text!r}"


def test_the_giveaway_check_can_fail():
    words = solution_words(record("c_library_sort")["params"])
    assert "soup" in words and "641.5" in words
    words = solution_words(record("e_app_pitch")["params"])
    assert "making money" in words


@pytest.mark.parametrize("cid", IDS)
def test_the_extra_shift_is_harder_than_the_job(cid):
    levels = dict(level_params(cid))
    job, extra = levels["job"], levels["extra"]
    harder = [k for k in extra if k in job and extra[k] != job[k]]
    assert harder, f"{cid}: the extra shift changes something"


def mechanic_for(params: dict):
    return (
        OrganiseMechanic
        if params["mode"] in ("sort", "schedule", "reconcile")
        else EnterpriseMechanic
    )


@pytest.mark.parametrize("cid", IDS)
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_every_level_builds_and_plays_without_overflow(tmp_path, cid, scale):
    app = make_app(tmp_path)
    s = app.ctx.settings
    s.text_scale, s.high_contrast, s.language = scale, scale > 1, "es" if scale > 1 else "en"
    app.apply_settings()
    challenges = app.ctx.content.challenges
    original = challenges[cid]
    levels = original.plan() + (original.shift(),)
    for n, (level, difficulty) in enumerate((lv, d) for lv in levels for d in (1, 3)):
        challenges[cid] = dataclasses.replace(original, params=level.params, levels=(level,))
        play = start_challenge(app, cid, difficulty=difficulty)
        assert play.level.params is level.params
        rng = random.Random(n)
        for step in range(12):
            problems = board_problems(app)
            assert not problems, (
                f"{cid} level {n // 2 + 1} (difficulty {difficulty}) at {scale:.0%}, step {step}:\n"
                + "\n".join(problems)
            )
            if play.mechanic.finished:
                break
            action = play.mechanic.bot_action(rng, 0.7)
            if action is None:
                break
            play.perform(action)
            play.update(0.3)
            app.pump([])
        app.ctx.scenes.pop()
        app.pump([])
    challenges[cid] = original
    app.shutdown()


def test_no_pitch_card_carries_an_investors_icon():
    params = record("e_app_pitch")["params"]
    icons = {x["icon"] for x in params["interests"]}
    for difficulty in (1, 2, 3):
        mech = EnterpriseMechanic(params, difficulty, FakeKit(), random.Random(0))
        mech.build(AREA)
        mech.perform(Action("idea", params["ideas"][0]["id"]))
        assert mech.arg_btns and not [b.icon for b in mech.arg_btns if b.icon in icons]
        drawn: list[str] = []
        painter = mech.kit.painter

        def icon(surface, name, *args, real=painter.icon, drawn=drawn, **kw):
            drawn.append(name)
            return real(surface, name, *args, **kw)

        painter.icon = icon
        mech.draw(pygame.Surface((1280, 900)), AREA)
        shown = icons & (set(drawn) - {"coin"})  # coins are the pledges, not an interest
        assert not shown, f"difficulty {difficulty}: {shown} drawn"
        assert drawn or difficulty == 3, "the icon hook sees the drawing"


@pytest.mark.parametrize("cid", IDS)
def test_a_step_animates_unless_motion_is_reduced(cid):
    params = level_params(cid)[1][1]
    drawn = {}
    for reduced in (False, True):
        kit = FakeKit()
        kit.reduced_motion = reduced
        mech = mechanic_for(params)(params, 1, kit, random.Random(0))
        mech.build(AREA)
        rng = random.Random(0)
        surface = pygame.Surface((1280, 1400))
        for _ in range(3):
            action = mech.bot_action(rng, 1.0)
            if action is None or action.kind in ("select", "buy", "idea", "choose", "open"):
                mech.perform(action) if action else None
                continue
            mech.perform(action)
            break
        mech.update(0.01)
        mech.draw(surface, AREA)
        first = surface.copy()
        mech.update(0.2)
        mech.draw(surface, AREA)
        drawn[reduced] = pygame.image.tobytes(first, "RGB") != pygame.image.tobytes(surface, "RGB")
        assert mech.moving is (not reduced)
    assert drawn[False], f"{cid}: the payoff moves"


def test_book_chaos_drags_a_book_onto_its_shelf_and_the_keyboard_does_the_same(tmp_path):
    from tests.helpers import focus_label, key

    app = make_app(tmp_path)
    play = start_challenge(app, "c_library_sort", 1)
    mech = play.mechanic
    book, shelves = mech.spots["book"], mech.rects
    right = mech._bin_of(mech.queue[0])
    start, end = play.ui.screen_rect(book).center, shelves[right].center
    app.pump([pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=start)])
    assert mech.drag.held == mech.queue[0].id
    app.pump([pygame.event.Event(pygame.MOUSEMOTION, pos=end, rel=(1, 1), buttons=(1, 0, 0))])
    assert mech.drag.carried and mech.drag.over(shelves) == right
    app.draw()
    app.pump([pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=end)])
    assert mech.correct == 1 and mech.drag.held is None and mech.progress > 0
    # the keyboard: focus the book, Enter picks it up, focus its shelf, Enter drops it
    title = mech.kit.pick(mech.queue[0].title)
    focus_label(app, mech.kit.t("organise.pick_up", title=title))
    app.pump([key(pygame.K_RETURN)])
    assert mech.drag.held == mech.queue[0].id
    shelf = mech.spots[mech._bin_of(mech.queue[0])]
    focus_label(app, shelf.label)
    app.pump([key(pygame.K_RETURN)])
    assert mech.correct == 2 and mech.drag.held is None
    app.shutdown()


def test_balance_the_books_lays_a_receipt_on_its_line_by_mouse_and_by_keyboard(tmp_path):
    from tests.helpers import focus_label, key

    app = make_app(tmp_path)
    play = start_challenge(app, "c_club_accounts", 1)
    mech = play.mechanic
    first, second = mech.receipts[0], mech.receipts[1]
    start = play.ui.screen_rect(mech.receipt_spots[first["id"]]).center
    end = play.ui.screen_rect(mech.spots[first["id"]]).center
    app.pump([pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=start)])
    app.pump([pygame.event.Event(pygame.MOUSEMOTION, pos=end, rel=(1, 1), buttons=(1, 0, 0))])
    assert mech.drag.carried
    app.draw()
    app.pump([pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=end)])
    assert first["id"] in mech.matched | mech.flagged and mech.drag.held is None
    focus_label(app, mech.receipt_spots[second["id"]].label)
    app.pump([key(pygame.K_RETURN)])
    assert mech.drag.held == second["id"] == mech.holding
    focus_label(app, mech.spots[second["id"]].label)
    app.pump([key(pygame.K_RETURN)])
    assert second["id"] in mech.matched | mech.flagged and mech.mistakes == 0
    app.shutdown()


@pytest.mark.parametrize("language", LANGS)
def test_read_the_board_says_the_changing_state_in_the_pupils_language(tmp_path, language):
    app = make_app(tmp_path)
    app.ctx.settings.language = language
    app.apply_settings()
    for cid in IDS:
        play = start_challenge(app, cid, 1)
        mech = play.mechanic
        before = mech.describe()
        rng = random.Random(1)
        for _ in range(4):
            action = mech.bot_action(rng, 1.0)
            if action is None or mech.finished:
                break
            play.perform(action)
        after = mech.describe()
        assert before and after != before, cid
        assert all(
            line and "%{" not in line and "." not in line.split()[0][:1] for line in after
        ), (cid, after)
        keys = [k for k in after if k.startswith(("organise.", "enterprise."))]
        assert not keys, f"{cid}: untranslated {keys}"
        app.ctx.scenes.pop()
        app.pump([])
    app.shutdown()
