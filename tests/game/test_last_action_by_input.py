"""Issue 13 item 26: the action that finishes a challenge, done by a click or a key as a
pupil does it, keeps its statements (they come before ``completed``); the bot plays
through the same input path."""

import random

import pygame
import pytest

from game.sim.drive import control_for, press_control
from tests.helpers import make_app, press, start_challenge
from zones.challenges.base import Action

EMITTED_VERB = {"choice": "selected", "progress": "progressed", "hint": "used"}


def one_per_mechanic(content) -> list[str]:
    seen: dict[str, str] = {}
    for cid, ch in sorted(content.challenges.items()):
        seen.setdefault(ch.mechanic, cid)
    return sorted(seen.values())


def _verbs(statements):
    return [s["verb"]["id"].rsplit("/", 1)[-1] for s in statements]


def _spy_emits(mechanic) -> list:
    """Note what the mechanic emits (and still emit it)."""
    emitted: list = []
    real = mechanic.emit

    def emit(kind, **data):
        emitted.append((kind, data))
        real(kind, **data)

    mechanic.emit = emit
    return emitted


def _do(app, play, item, by) -> None:
    if by == "click":
        press_control(app, play, item)
    else:  # a real Enter on the focused control
        play.ui.focus(item)
        press(app, pygame.K_RETURN)


def play_by_input(app, play, by):
    """Do the bot's choices by input until the mechanic finishes; return the last action,
    what it emitted and the statements it left."""
    rng = random.Random(5)
    emitted = _spy_emits(play.mechanic)
    for _ in range(400 * len(play.plan)):
        if play.card_showing and not play.reported:  # a level card: on to the next level
            play.next_level()
            emitted = _spy_emits(play.mechanic)
            continue
        action = play.mechanic.bot_action(rng, 1.0)
        if action is None:
            app.pump([], dt=0.5)
            continue
        item = control_for(play, action)
        if item is None:  # a palette item not yet picked: pick it first
            assert action.kind == "place", action
            _do(app, play, control_for(play, Action("tool", "", action.value)), by)
            item = control_for(play, action)
        emitted.clear()
        before, reached = len(app.ctx.recorder.statements()), play.last_progress
        _do(app, play, item, by)
        if play.mechanic.finished and play.reported:  # progress already recorded is not said twice
            said = [
                (k, d)
                for k, d in emitted
                if k != "progress" or round(float(d["progress"]), 3) > reached
            ]
            return action, said, app.ctx.recorder.statements()[before:]
        app.pump([], dt=0.05)
    raise AssertionError("never finished")


@pytest.mark.parametrize("by", ["click", "keyboard"])
def test_last_action_of_every_mechanic_by_input_keeps_its_statements(tmp_path, by):
    app = make_app(tmp_path)
    speaking = 0
    for cid in one_per_mechanic(app.ctx.content):
        play = start_challenge(app, cid)
        action, emitted, new = play_by_input(app, play, by)
        assert play.level_done, cid  # the level's card (or the end card), at once
        verbs = _verbs(new)
        assert "completed" in verbs, (cid, verbs)
        wanted = {EMITTED_VERB[k] for k, _ in emitted if k in EMITTED_VERB}
        speaking += bool(wanted)
        done_at = verbs.index("completed")
        assert wanted <= set(verbs[:done_at]), (cid, action, verbs)
        for kind, data in emitted:
            if kind == "choice":
                ids = [s["object"]["id"] for s in new[:done_at]]
                assert any(
                    i.endswith(f"challenge/{cid}/{data.get('step', 'step')}") for i in ids
                ), (cid, ids)
        app.ctx.scenes.pop()
    assert speaking >= 4  # most finishing actions say something of their own
    app.shutdown()


def test_poorly_pup_treated_with_the_keyboard_records_the_treatment(tmp_path):
    app = make_app(tmp_path)
    play = start_challenge(app, "i_sick_dog")
    action, _, new = play_by_input(app, play, "keyboard")
    assert action.kind == "treat"  # the diagnosis comes first, then the treatment ends it
    everything = app.ctx.recorder.statements()
    assert any(s["object"]["id"].endswith("challenge/i_sick_dog/diagnosis") for s in everything)
    pairs = [
        (v, s["object"]["id"].split("activities/")[-1])
        for v, s in zip(_verbs(new), new, strict=True)
    ]
    assert ("selected", "challenge/i_sick_dog/treatment") in pairs
    last = f"challenge/i_sick_dog/level/{len(play.plan)}"  # played through every level:
    assert ("completed", last) in pairs and (
        "completed",
        "challenge/i_sick_dog",
    ) in pairs  # the last one
    app.shutdown()
