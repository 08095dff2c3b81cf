"""A pupil carries on with their code on another computer: type it, press Enter."""

import pygame

from game.scenes.code_entry import CodeEntryScene
from game.scenes.town import TownScene
from tests.helpers import TEST_CODE, key, make_app, type_text


def test_typing_a_code_and_enter_signs_in(tmp_path):
    app = make_app(tmp_path)  # creates TEST_CODE's save, then sign out
    from game.flow import sign_out

    sign_out(app.ctx)
    app.ctx.player = None
    app.ctx.scenes.clear_to(CodeEntryScene())
    app.pump([])
    type_text(app, "nope-nope-00")
    app.pump([key(pygame.K_RETURN)])
    scene = app.ctx.scenes.top
    assert isinstance(scene, CodeEntryScene) and "NOPE-NOPE-00" in scene.problem
    scene.entry.set_text("")
    type_text(app, TEST_CODE.lower())  # lower case is fine
    app.pump([key(pygame.K_RETURN)])
    assert isinstance(app.ctx.scenes.top, TownScene) and app.ctx.player.code == TEST_CODE
    app.shutdown()
