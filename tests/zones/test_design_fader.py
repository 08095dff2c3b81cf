"""Make a Tune's mix is a fader per track (issue 16 item 4): the mouse drags a handle, the
focused fader's Up / Down keys move it a level, the level is shown as a number and a bar
(not colour alone), and the track sounds at the fader's level. Played through a real App
with posted events."""

from __future__ import annotations

import pygame
import pytest

from tests.helpers import focus_label, make_app, press, start_challenge
from zones.challenges.actions import Action
from zones.challenges.design_rules import LEVELS, START_LEVEL


def tune(tmp_path):
    app = make_app(tmp_path)
    play = start_challenge(app, "a_tune")
    return app, play, play.mechanic


def motion(pos, held=False):
    return pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(int(held), 0, 0))


def button(kind, pos):
    return pygame.event.Event(kind, button=1, pos=pos)


def test_dragging_a_handle_sets_the_level_under_the_pointer(tmp_path):
    app, play, mech = tune(tmp_path)
    faders = mech.view.faders
    assert set(faders.spots) == {i.id for i in mech.items}
    assert not [i for i in play.ui.items if i.label.endswith(("quieter", "louder"))]
    slot = play.ui.screen_rect(faders.spots["kick"])
    start = (faders.stop_x("kick", START_LEVEL), slot.centery)
    app.pump(
        [
            motion(start),
            button(pygame.MOUSEBUTTONDOWN, start),
            motion((faders.stop_x("kick", 1) + 2, slot.centery), held=True),
        ]
    )
    assert mech.levels["kick"] == 1, "the level follows the handle while it is dragged"
    end = (faders.stop_x("kick", 0), slot.centery)
    app.pump([motion(end, held=True), button(pygame.MOUSEBUTTONUP, end)])
    assert mech.levels["kick"] == 0 and faders.held is None
    app.pump([motion((slot.right + 200, slot.centery))])  # no button held: nothing moves
    assert mech.levels["kick"] == 0
    top = (faders.stop_x("g", LEVELS), play.ui.screen_rect(faders.spots["g"]).centery)
    app.pump([button(pygame.MOUSEBUTTONDOWN, top), button(pygame.MOUSEBUTTONUP, top)])
    assert mech.levels["g"] == LEVELS, "a click on the slot sets that level"
    steps = [
        s["object"]["id"].rsplit("/", 1)[-1]
        for s in app.ctx.recorder.statements()
        if s["verb"]["id"].endswith("selected")
    ]
    assert steps.count("kick") == 2 and "g" in steps, "each change is one design decision"
    app.shutdown()


def test_up_and_down_on_the_focused_fader_move_it_one_level(tmp_path):
    app, play, mech = tune(tmp_path)
    label = app.ctx.t("design.fader", item=app.ctx.pick(mech.item("snare").label))
    focus_label(app, label)
    spot = play.ui.focused
    assert spot.role == "slider"
    press(app, pygame.K_UP)
    assert mech.levels["snare"] == START_LEVEL + 1 and play.ui.focused is spot
    press(app, pygame.K_UP)  # already at the top: stays, focus stays
    assert mech.levels["snare"] == LEVELS and play.ui.focused is spot
    press(app, pygame.K_DOWN)
    press(app, pygame.K_DOWN)
    assert mech.levels["snare"] == START_LEVEL - 1
    assert spot.state() == app.ctx.t("design.fader_state", n=START_LEVEL - 1, top=LEVELS)
    app.shutdown()


def test_the_level_is_drawn_as_a_number_on_its_fader(tmp_path):
    app, play, mech = tune(tmp_path)
    painter = app.ctx.painter

    def numbers_on(iid):
        painter.recorder = []
        try:
            app.dirty = True
            app.pump([])
            slot = mech.view.faders.slots[iid]
            return [d.text for d in painter.recorder if slot.contains(d.rect)]
        finally:
            painter.recorder = None

    assert numbers_on("hat") == [str(START_LEVEL)]
    mech.perform(Action("level", "hat", "0"))
    assert numbers_on("hat") == ["0"]
    app.shutdown()


def test_the_track_sounds_at_the_faders_level(tmp_path):
    app, play, mech = tune(tmp_path)
    heard = []
    mech.view.synth.play = lambda item, wave, volume: heard.append((item.id, volume))
    scale = getattr(mech.kit, "effects_volume", 1.0)
    for level in (3, 1, 0):
        mech.perform(Action("level", "c", str(level)))
    assert [t for t, _ in heard] == ["c", "c"], "louder, quieter, then silent at 0"
    assert [v for _, v in heard] == pytest.approx([scale * 3 / LEVELS, scale * 1 / LEVELS])
    mech.perform(Action("place", "c:0", "c"))
    mech.perform(Action("level", "c", "2"))
    heard.clear()
    mech.view.sound_step(0)  # the loop plays the track at its level
    assert heard == [("c", pytest.approx(scale * 2 / LEVELS))]
    app.shutdown()
