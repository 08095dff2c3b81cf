"""Shared test helpers: a real headless App with a signed-in player, and key events."""

from __future__ import annotations

from pathlib import Path

import pygame

from game.app import App
from game.save import PlayerSave

TEST_CODE = "TEST-CODE-11"


def make_app(data_dir: Path, *, signed_in: bool = True, seed: int = 1) -> App:
    """A real App on the dummy driver; optionally with a fresh player signed in (at the hub)."""
    from game.flow import sign_in
    from game.scenes.title import TitleScene

    app = App(data_dir, seed=seed)
    if signed_in:
        assert sign_in(app.ctx, TEST_CODE, new_player=PlayerSave(code=TEST_CODE))
    else:
        app.ctx.scenes.push(TitleScene())
    app.pump([])
    return app


def start_challenge(app: App, challenge_id: str, difficulty: int = 2):
    """Push the real ChallengePlayScene for ``challenge_id`` and return it."""
    from game.scenes.challenge_play import ChallengePlayScene

    app.ctx.scenes.push(ChallengePlayScene(challenge_id, difficulty))
    app.pump([])
    return app.ctx.scenes.top


def key(k: int, mod: int = 0) -> pygame.event.Event:
    """A KEYDOWN event as the keyboard would post it."""
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def click(pos: tuple[int, int]) -> list[pygame.event.Event]:
    """A left click at ``pos`` (down and up)."""
    return [pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos),
            pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos)]


def press(app: App, k: int, mod: int = 0) -> None:
    """Press one key and let the game handle it."""
    app.pump([key(k, mod)])


def focus_label(app: App, wanted: str, next_key: int = pygame.K_TAB) -> None:
    """Press the 'next' key until the focused control's label is ``wanted``, as a
    keyboard user would; fail listing the labels on screen if it never comes."""
    ui = app.ctx.scenes.top.ui
    for _ in range(len(ui.items) + 1):
        if ui.focused is not None and ui.focused.label == wanted:
            return
        press(app, next_key)
    raise AssertionError(f"could not reach {wanted!r}; have {[i.label for i in ui.items]}")
