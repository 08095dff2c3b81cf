"""Issue 13 item 19: options badged A–D answer to the keys A–D, 1–5 ratings to 1–5 (and
the keypad); a key the player bound to navigation keeps its binding; a text field keeps
its letters."""

import pygame

from game.scenes.quick_question import QuickQuestionScene
from game.scenes.reflection import ReflectionScene
from game.settings import Settings
from game.ui import UiLayer, keycodes
from tests.helpers import key, make_app, press, start_challenge


def test_keys_1_to_5_answer_a_rating(tmp_path):
    app = make_app(tmp_path)
    cid = next(iter(sorted(app.ctx.content.challenges)))
    app.ctx.scenes.push(ReflectionScene(cid))
    app.pump([])
    scene = app.ctx.scenes.top
    press(app, pygame.K_4)
    assert scene.enjoyment == 4
    press(app, pygame.K_KP2)
    assert scene.enjoyment == 2
    app.shutdown()


def test_keys_a_to_d_choose_a_dialogue_option(tmp_path):
    app = make_app(tmp_path)
    cid = next(
        c for c, ch in sorted(app.ctx.content.challenges.items()) if ch.mechanic == "dialogue"
    )
    play = start_challenge(app, cid)
    options = list(play.mechanic.options)
    assert len(options) >= 2
    before = len(app.ctx.recorder.statements())
    press(app, pygame.K_b)
    chosen = [
        s for s in app.ctx.recorder.statements()[before:] if s["verb"]["id"].endswith("selected")
    ]
    assert chosen and chosen[0]["result"]["response"].split(":")[0] == str(options[1][0])
    app.shutdown()


def test_a_navigation_binding_wins_over_a_shortcut(tmp_path):
    app = make_app(tmp_path)
    layer = UiLayer(
        app.ctx.manager,
        app.ctx.palette,
        keys=keycodes(Settings(key_bindings={"next": "2"}).key_bindings),
    )
    pressed = []
    items = [
        layer.hotspot((10 + 60 * i, 10, 50, 50), str(i), lambda i=i: pressed.append(i))
        for i in range(1, 6)
    ]
    layer.shortcuts(items, "12345")
    assert layer.handle_event(key(pygame.K_3)) and pressed == [3]
    layer.focus(items[0])
    assert layer.handle_event(key(pygame.K_2)) and pressed == [3]  # "2" is next now
    assert layer.focused is items[1]
    app.shutdown()


def test_a_text_field_keeps_its_letters(tmp_path):
    app = make_app(tmp_path)
    layer = UiLayer(app.ctx.manager, app.ctx.palette)
    pressed = []
    field = layer.field((10, 100, 300, 40), "name")
    spots = [
        layer.hotspot((10 + 60 * i, 10, 50, 50), "x", lambda i=i: pressed.append(i))
        for i in range(4)
    ]
    layer.shortcuts(spots, "abcd")
    layer.focus(field)
    assert not layer.handle_event(key(pygame.K_a)) and pressed == []
    app.shutdown()


def test_quick_question_answers_to_a_number(tmp_path):
    app = make_app(tmp_path)
    hub = app.ctx.scenes.top
    hub.open_district(app.ctx.content.districts[0].id)
    assert isinstance(app.ctx.scenes.top, QuickQuestionScene)
    before = len(app.ctx.recorder.statements())
    press(app, pygame.K_5)
    answers = [
        s for s in app.ctx.recorder.statements()[before:] if s["verb"]["id"].endswith("selected")
    ]
    assert answers and answers[0]["result"]["response"] == "5"
    app.shutdown()
