"""The odd-jobs board a new player sorts first: every card is an activity item answer,
mentors never ask a card again, after every third card a "which would you rather do?"
pair, and the board's progress pins do not rely on colour."""

import pygame

from game.mentor_items import next_mentor_item, open_job_board
from game.scenes.create_player import CreatePlayerScene
from game.scenes.job_board import JobBoardScene
from game.scenes.town import TownScene
from telemetry.profile.evidence import extract_evidence
from telemetry.xapi.decode import decode
from tests.helpers import at_reading_pace, focus_label, make_app, press


def _new_player_at_the_board(tmp_path):
    app = make_app(tmp_path, signed_in=False)
    app.ctx.scenes.push(CreatePlayerScene())
    app.pump([])
    app.ctx.scenes.top.start()
    app.pump([])
    return app


def test_a_new_player_sorts_every_card_with_the_keyboard(tmp_path):
    app = _new_player_at_the_board(tmp_path)
    at_reading_pace(app)
    board = app.ctx.scenes.top
    assert isinstance(board, JobBoardScene) and board.cards == list(app.ctx.content.job_board)
    picked = []
    for n in range(len(board.cards)):
        focus_label(app, app.ctx.t(f"rate.item{1 + n % 5}"))
        press(app, pygame.K_RETURN)
        if board.pending_pair is not None:  # after every third card: a pair
            assert n % 3 == 2
            second = app.ctx.pick(app.ctx.content.items[board.pending_pair[1]].text)
            picked.append(board.pending_pair[1])
            focus_label(app, second)
            press(app, pygame.K_RETURN)
    assert isinstance(app.ctx.scenes.top, TownScene)
    pairs = [
        decode(s) for s in app.ctx.recorder.statements() if decode(s).activity.startswith("pair/")
    ]
    assert [p.response for p in pairs] == picked and len(pairs) == 6
    assert all(
        p.ext["source"] == "job_board" and len(set(p.ext["options"].values())) == 2 for p in pairs
    )
    kinds = [k for p in pairs for k in p.ext["options"].values()]
    assert all(kinds.count(k) == 2 for k in kinds)  # each kind in two pairs
    assert not {i for p in pairs for i in p.ext["options"]} & set(app.ctx.content.job_board)
    ev = extract_evidence(app.ctx.recorder.statements())
    assert len(ev.pairs) == 6 and [p.chosen for p in ev.pairs] == picked
    assert app.ctx.notices[-1] == app.ctx.t("board.thanks")
    answers = [
        decode(s) for s in app.ctx.recorder.statements() if decode(s).activity.startswith("item/")
    ]
    assert [a.activity for a in answers] == [f"item/{c}" for c in app.ctx.content.job_board]
    assert {a.ext["source"] for a in answers} == {"job_board"}
    ratings = extract_evidence(app.ctx.recorder.statements()).ratings
    assert [r.value for r in ratings if r.kind == "item"] == [
        1 + n % 5 for n in range(len(app.ctx.content.job_board))
    ]
    # every mentor skips the cards already answered; a finished board is not shown again
    for mentor in app.ctx.content.mentors.values():
        assert next_mentor_item(app.ctx, mentor) not in app.ctx.content.job_board
    assert open_job_board(app.ctx) is False
    app.shutdown()


def test_escape_leaves_the_rest_for_later(tmp_path):
    app = _new_player_at_the_board(tmp_path)
    board = app.ctx.scenes.top
    board.answer(4)
    press(app, pygame.K_ESCAPE)
    assert isinstance(app.ctx.scenes.top, TownScene)
    last = decode(app.ctx.recorder.statements()[-1])
    assert (last.verb, last.activity, last.ext["cards_left"]) == (
        "skipped",
        "menu/job_board",
        len(app.ctx.content.job_board) - 1,
    )
    assert open_job_board(app.ctx) is True  # the other cards are still unasked
    assert app.ctx.scenes.top.cards == list(app.ctx.content.job_board[1:])
    app.shutdown()


def test_progress_pins_differ_in_shape_not_only_in_colour(tmp_path):
    app = _new_player_at_the_board(tmp_path)
    board = app.ctx.scenes.top

    def grey(state):
        surface = pygame.Surface((64, 64))
        surface.fill((128, 128, 128))
        board._pin(surface, pygame.Rect(0, 0, 64, 64), state)
        return pygame.image.tobytes(pygame.transform.grayscale(surface), "RGB")

    looks = {state: grey(state) for state in ("answered", "skipped", "current", "waiting")}
    assert len(set(looks.values())) == 4
    app.shutdown()


def test_the_answers_stay_put_from_card_to_card(tmp_path):
    """The card is as tall as the longest one, so after an answer the same buttons stay
    in the same places and keep the keyboard focus (no rebuild per card)."""
    app = _new_player_at_the_board(tmp_path)
    board = app.ctx.scenes.top
    focus_label(app, app.ctx.t("rate.item4"))
    button = board.ui.focused
    rect = button.rect.copy()
    first = board.current
    press(app, pygame.K_RETURN)
    assert board.current != first
    assert board.ui.focused is button and button.rect == rect
    app.shutdown()


def test_the_kept_page_is_drawn_again_for_the_next_card(tmp_path):
    """The board's art is kept between frames (page_key) and drawn afresh when a card is
    answered: the next frame shows the next card, exactly as a fresh drawing would."""
    from tests.helpers import frame, fresh_frame

    app = _new_player_at_the_board(tmp_path)
    board = app.ctx.scenes.top
    first = frame(app)
    assert board._kept is not None and frame(app) == first
    board.answer(3)
    after = frame(app)
    assert after != first and after == fresh_frame(app)
    app.shutdown()
