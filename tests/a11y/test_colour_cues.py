"""No state on a challenge board is shown by colour alone.

Each test puts one element of a real board in a state and out of it (right/wrong,
hinted, selected, status, warning, can't-use-now) and draws the board with a palette in
which every colour a state may use (ink, muted, edges, accent, good, bad, focus, content
colours) is the same white on black: what still differs inside the element is a shape,
an icon or a word. A colour-only cue draws identical pixels there (checked by the first
test, so the check can fail). At 100 % and at 200 % text (the two layouts).
"""

from __future__ import annotations

import dataclasses

import pygame
import pytest

from game.art import Palette
from tests.helpers import make_app, start_challenge
from zones.challenges.rules_core import Remark

W = (255, 255, 255)
MONO = dataclasses.replace(
    Palette.contrast(), ink=W, muted=W, panel_edge=W, accent=W, good=W, bad=W, focus=W
)
SCALES = [1.0, 2.0]


def mono_pixels(app, play, rect: pygame.Rect, inset: int) -> bytes:
    """The element's pixels (``inset`` px inside its edge) with state colours collapsed."""
    painter = app.painter
    saved = painter.palette
    painter.palette, painter.recorder = MONO, []  # the recorder makes cached layers paint afresh
    try:
        surface = pygame.Surface((1280, max(720, play.board_area.bottom + 40)))
        surface.fill((0, 0, 0))
        play.mechanic.draw(surface, play.board_area)
    finally:
        painter.palette, painter.recorder = saved, None
    return pygame.image.tobytes(
        surface.subsurface(pygame.Rect(rect).inflate(-2 * inset, -2 * inset)), "RGB"
    )


def shows_without_colour(app, play, rect, on, off, inset: int = 10) -> bool:
    off()
    before = mono_pixels(app, play, rect, inset)
    on()
    after = mono_pixels(app, play, rect, inset)
    off()
    return before != after


def shows_when_set(app, play, rect, obj, name: str, on, off, inset: int = 10) -> bool:
    """:func:`shows_without_colour` for a state held in one attribute: ``obj.<name>`` set
    to ``on``, then to ``off``."""
    return shows_without_colour(
        app, play, rect, lambda: setattr(obj, name, on), lambda: setattr(obj, name, off), inset
    )


def shows_when_item(app, play, rect, items, key, on, off, inset: int = 10) -> bool:
    """:func:`shows_without_colour` for a state held in one entry of a list or dict:
    ``items[key]`` set to ``on``, then to ``off``."""
    return shows_without_colour(
        app,
        play,
        rect,
        lambda: items.__setitem__(key, on),
        lambda: items.__setitem__(key, off),
        inset,
    )


def open_board(tmp_path, cid: str, scale: float, level: int = 0):
    """The board of ``cid`` (its ``level``-th level, counting from 0, where it has levels)."""
    app = make_app(tmp_path)
    app.ctx.settings.text_scale = scale
    app.apply_settings()
    chal = app.ctx.content.challenges[cid]
    if level and chal.levels:
        app.ctx.content.challenges[cid] = dataclasses.replace(
            chal, levels=chal.levels[level : level + 1]
        )
    return app, start_challenge(app, cid)


def test_a_colour_only_difference_is_not_seen(tmp_path):
    """The check itself: the remark bar turned from right to wrong with its icon taken
    away differs only in colour, and the mono drawing shows no difference."""
    app, play = open_board(tmp_path, "r_bike_repair", 1.0)
    m = play.mechanic
    r = m.rules
    r.said = Remark("assemble.power_off", True)
    app.painter.icon = lambda *a, **k: None
    assert not shows_when_set(app, play, m.feedback_rect, r.said, "good", False, True)
    del app.painter.icon
    assert shows_when_set(app, play, m.feedback_rect, r.said, "good", False, True)
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
def test_assemble(tmp_path, scale):
    app, play = open_board(tmp_path, "r_bike_repair", scale)
    m = play.mechanic
    r = m.rules
    part = r.slots[0].part
    assert shows_when_set(app, play, m.part_rects[part], r, "hint_part", part, None), "hinted part"
    r.said = Remark("assemble.power_off", True)
    assert shows_when_set(app, play, m.feedback_rect, r.said, "good", False, True), "right / wrong"
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("cid", ["i_sick_dog", "i_water_sample", "i_sales_mystery"])
def test_investigate(tmp_path, cid, scale):
    app, play = open_board(tmp_path, cid, scale)
    m = play.mechanic
    r = m.rules
    test = r.tests[0].id
    assert shows_when_set(app, play, m.rects[f"test:{test}"], r, "hint_test", test, None), (
        "hinted test"
    )
    idea = next(h for h in r.remaining() if h != r.answer)
    assert shows_without_colour(
        app,
        play,
        m.rects[f"hyp:{idea}"],
        lambda: r.ruled.__setitem__(idea, "test"),
        lambda: r.ruled.pop(idea, None),
    ), "ruled-out idea"
    assert shows_when_set(app, play, m.rects[f"hyp:{idea}"], r, "hypothesis", idea, None), (
        "the idea stated"
    )
    clue = r.clues[0].id
    assert shows_without_colour(
        app,
        play,
        m.rects[f"clue:{clue}"],
        lambda: r.seen.append(clue),
        lambda: r.seen.remove(clue) if clue in r.seen else None,
        inset=4,
    ), "clue seen"
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
def test_organise_sort(tmp_path, scale):
    app, play = open_board(tmp_path, "c_library_sort", scale)
    m = play.mechanic
    b = m.bins[0].id
    assert shows_when_set(app, play, m.rects[b], m.rules, "hint_bin", b, None), "hinted shelf"
    assert shows_without_colour(
        app, play, m.rects[b], lambda: m.tried.add(b), lambda: m.tried.discard(b)
    ), "shelf already tried"
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
def test_organise_schedule(tmp_path, scale):
    from zones.challenges.organise_schedule_draw import card_rect

    app, play = open_board(tmp_path, "c_delivery_vans", scale)
    m = play.mechanic
    assert shows_when_set(app, play, m.cells[(0, 0)], m.rules, "hint_cell", (0, 0), None), (
        "hinted cell"
    )
    first = m.queue[0]
    assert shows_when_set(app, play, card_rect(m, 0), m.rules, "selected", first, None, inset=4), (
        "selected parcel"
    )
    assert shows_when_set(app, play, m.cells[(0, 1)], m.rules, "blocked", 1, None), "closed hour"
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
def test_organise_reconcile(tmp_path, scale):
    app, play = open_board(tmp_path, "c_club_accounts", scale)
    m = play.mechanic
    row = m.rows[0]["id"]
    r = m.rects[row]
    assert shows_when_set(app, play, r, m.rules, "hint_row", row, None, inset=3), "hinted line"
    assert shows_without_colour(
        app, play, r, lambda: m.checked.add(row), lambda: m.checked.discard(row), inset=3
    ), "line checked and fine"
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("cid", ["a_gig_poster", "a_room_makeover"])
def test_design(tmp_path, cid, scale):
    app, play = open_board(tmp_path, cid, scale)
    m, view = play.mechanic, play.mechanic.view
    group = m.groups[0]
    opt = group.options[-1].id
    assert shows_without_colour(
        app,
        play,
        view.option_rects[(group.id, opt)],
        lambda: m.choice.__setitem__(group.id, opt),
        lambda: m.choice.pop(group.id, None),
        inset=2,
    ), "chosen option"
    item = m.items[-1].id
    assert shows_when_set(
        app, play, view.item_rects[item], m.rules, "hint_target", ("item", item), None, inset=4
    ), "hinted item"
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
def test_dialogue(tmp_path, scale):
    app, play = open_board(tmp_path, "s_fractions", scale)
    m, view = play.mechanic, play.mechanic.view
    r = m.rules
    r.picks = 1
    assert shows_when_set(app, play, view.strip, r, "last_delta", -6, 6, inset=2), "mood up / down"
    best = r.options[0][0]
    assert shows_when_set(app, play, view.option_rects[0], r, "hint_reply", best, None), (
        "hinted reply"
    )
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
def test_enterprise_stall(tmp_path, scale):
    app, play = open_board(tmp_path, "e_market_stall", scale)
    m = play.mechanic
    spot = m.buy_btns[m.order[0]].spot
    assert shows_when_set(app, play, spot.rect, spot, "enabled", False, True, inset=0), (
        "button that cannot be used"
    )
    m.rules.phase, m.rules._round_pos = "serve", 0  # rules state: the view only reads it
    queue = m.queues[m.round]
    mood = queue[0][1]
    card = m.cards[m.order[0]]
    wanted, other = (m.order[0], mood), (m.order[1], mood)
    assert shows_when_item(app, play, card, queue, 0, wanted, other, inset=6), "wanted product"
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
def test_enterprise_pitch(tmp_path, scale):
    app, play = open_board(tmp_path, "e_app_pitch", scale, level=1)  # the panel, not the tutorial
    m = play.mechanic
    assert shows_when_item(app, play, m.inv_rects[1], m.status, 1, "no", "yes"), "investor yes / no"
    app.shutdown()


@pytest.mark.parametrize("scale", SCALES)
def test_enterprise_deal(tmp_path, scale):
    app, play = open_board(tmp_path, "e_festival", scale, level=1)  # several needs, not one
    m = play.mechanic
    row = m.rows[0]  # one layout at every text size: the plan's first row
    assert shows_when_set(app, play, row, m.rules, "need_i", 0, 1, inset=5), (
        "the need being booked now"
    )
    app.shutdown()
