"""A scripted playthrough of the slice that posts real input events, from the title
screen to the end of a challenge and back to town; then quitting and starting again
resumes the same player where they were. Asserts on what the game recorded."""

import pygame

from game.app import App
from game.scenes.challenge_intro import ChallengeIntroScene
from game.scenes.challenge_play import ChallengePlayScene
from game.scenes.district import DistrictScene
from game.scenes.horizons import HorizonsScene
from game.scenes.job_board import JobBoardScene
from game.scenes.next_board import NextChallengeScene
from game.scenes.quick_question import QuickQuestionScene
from game.scenes.reflection import ReflectionScene
from game.scenes.title import TitleScene
from game.scenes.town import TownScene
from game.ui import GuiButton
from telemetry.xapi.decode import decode
from tests.helpers import choose, click, press, walk_and_enter


def click_button(app, label) -> None:
    """Click a pygame-gui button with the mouse."""
    ui = app.ctx.scenes.top.ui
    button = next(i for i in ui.items if isinstance(i, GuiButton) and i.label == label)
    app.pump(
        [
            pygame.event.Event(
                pygame.MOUSEMOTION, pos=button.rect.center, rel=(0, 0), buttons=(0, 0, 0)
            )
        ]
    )
    for event in click(button.rect.center):
        app.pump([event])


def test_title_to_challenge_end_and_resume(tmp_path):
    app = App(tmp_path, seed=3)
    t = app.ctx.t
    app.ctx.scenes.push(TitleScene())
    app.pump([])
    press(app, pygame.K_RETURN)  # Play (focused first)
    choose(app, t("consent.yes"))
    scene = app.ctx.scenes.top
    code = scene.code
    choose(app, t("shape.star"))
    click_button(app, t("create.start"))  # the mouse works too
    board_scene = app.ctx.scenes.top  # a new player's odd-jobs board
    assert isinstance(board_scene, JobBoardScene)
    first_card = board_scene.current
    choose(app, t("rate.item5"))
    second_card = board_scene.current
    assert second_card != first_card
    choose(app, t("board.skip"))
    choose(app, t("board.later"))  # the rest is left for the mentors
    assert isinstance(app.ctx.scenes.top, TownScene)
    assert app.ctx.player.code == code and app.ctx.player.avatar_shape == "star"

    workshop = app.ctx.content.districts[0]
    walk_and_enter(app, "district", workshop.id)  # arrow keys to the quarter's notice board
    assert isinstance(app.ctx.scenes.top, QuickQuestionScene)  # the mentor's quick question
    item_id = app.ctx.scenes.top.item_id
    choose(app, t("rate.item4"))
    assert isinstance(app.ctx.scenes.top, DistrictScene)
    choose(app, t("district.play"))  # the first challenge card
    intro = app.ctx.scenes.top
    assert isinstance(intro, ChallengeIntroScene)
    challenge_id = intro.challenge_id
    choose(app, t("rate.expect4"))
    choose(app, t("challenge.start"))
    play = app.ctx.scenes.top
    assert isinstance(play, ChallengePlayScene)

    for _ in range(
        200 * len(app.ctx.content.challenges[challenge_id].plan())
    ):  # with the keyboard alone
        if play.reported:
            break
        if play.card_showing:  # a level card: Enter on Next level
            choose(app, t("challenge.next_level"))
            continue
        action = play.mechanic.bot_action(app.ctx.rng, 1.0)
        label = play.mechanic.label_for(action)
        choose(app, label)
        app.pump([], dt=0.5)
    assert play.mechanic.finished and play.result.success
    choose(app, t("challenge.continue"))
    assert isinstance(app.ctx.scenes.top, ReflectionScene)
    choose(app, t("rate.enjoy5"))
    choose(app, t("reflect.could_yes"))
    choose(app, t("reflect.next"))
    assert isinstance(app.ctx.scenes.top, HorizonsScene)
    choose(app, t("horizons.save"))
    choose(app, t("horizons.back_to_town"))
    board = app.ctx.scenes.top
    assert isinstance(board, NextChallengeScene)
    assert len(set(board.options.values())) == len(board.options) >= 2  # contrasting kinds of work
    choose(app, t("next.back"))
    assert isinstance(app.ctx.scenes.top, DistrictScene)

    statements = [decode(s) for s in app.ctx.recorder.statements()]
    seen = {(s.verb, s.activity_type, s.activity) for s in statements}
    riasec = app.ctx.content.riasec_of(challenge_id)
    assert ("initialized", "serious-game") in {(s.verb, s.activity_type) for s in statements}
    assert ("accessed", "zone", f"district/{workshop.id}") in seen
    hub_choice = next(s for s in statements if s.activity == "menu/town/board")
    assert hub_choice.response == workshop.id and hub_choice.ext["options"][workshop.id] == riasec
    expect = next(s for s in statements if s.activity == f"reflect/{challenge_id}/expect")
    assert expect.response == "4"
    done = next(
        s for s in statements if s.verb == "completed" and s.activity == f"challenge/{challenge_id}"
    )
    assert done.success is True and 0 < done.score <= 1 and done.ext["riasec"] == riasec
    assert any(
        s.verb == "progressed" and s.activity == f"challenge/{challenge_id}" for s in statements
    )
    item = next(s for s in statements if s.activity == f"item/{item_id}")
    assert item.response == "4" and item.ext["riasec"] == item_id[0]
    card = next(s for s in statements if s.activity == f"item/{first_card}")
    assert (card.verb, card.response, card.ext["source"]) == ("selected", "5", "job_board")
    assert next(s for s in statements if s.activity == f"item/{second_card}").verb == "skipped"
    assert item_id not in (first_card, second_card)  # mentors never ask a card again
    left = next(s for s in statements if s.activity == "menu/job_board")
    assert left.verb == "skipped" and left.ext["cards_left"] == len(app.ctx.content.job_board) - 2
    enjoy = next(s for s in statements if s.activity == f"reflect/{challenge_id}/enjoy")
    assert enjoy.response == "5"
    assert any(
        s.verb == "used" and s.activity_type == "item" and s.ext.get("action") == "save"
        for s in statements
    )
    assert any(s.verb == "accessed" and s.activity.startswith("occupation/") for s in statements)
    app.shutdown()

    # quit and start again: the same player, back where they were
    app = App(tmp_path, seed=4)
    app.ctx.scenes.push(TitleScene())
    app.pump([])
    assert app.ctx.scenes.top.ui.focused.label == t("title.continue", code=code)
    press(app, pygame.K_RETURN)
    assert app.ctx.player.code == code
    assert (
        isinstance(app.ctx.scenes.top, DistrictScene)
        and app.ctx.scenes.top.district_id == workshop.id
    )
    assert app.ctx.player.challenges[challenge_id].plays == 1
    assert len(app.ctx.recorder.statements()) > len(statements)
    app.shutdown()
