"""Shared test helpers: a real headless App with a signed-in player, and key events."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pygame

from game import paths
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


def draw_every_difficulty(app: App, cids, *, bot_actions: int, high_contrast: bool) -> None:
    """Start each of ``cids`` at difficulty 1, 2 and 3 in the real scene (in high contrast
    when asked), let the bot take up to ``bot_actions`` actions (skill 0.5, one rng for
    all), ask for a hint, then update and draw a frame and leave; fails if any step raises."""
    from zones.challenges.actions import Action

    if high_contrast:
        app.ctx.settings.high_contrast = True
        app.apply_settings()
    rng = random.Random(1)
    for cid in cids:
        for difficulty in (1, 2, 3):
            scene = start_challenge(app, cid, difficulty)
            for _ in range(bot_actions):
                if not scene.mechanic.finished:
                    scene.perform(scene.mechanic.bot_action(rng, 0.5))
            scene.mechanic.perform(Action("hint"))
            app.pump([], dt=0.1)
            app.draw()
            app.ctx.scenes.pop()
            app.pump([])


def draw_through_a_settings_rebuild(app: App, cid: str, warm_up) -> None:
    """At difficulty 1, 2 and 3: start ``cid`` in the real scene, call ``warm_up(scene,
    rng)``, draw, switch to high contrast in Spanish (the scene is rebuilt) and draw, let
    the bot (skill 0.5) finish and draw, then switch back and leave."""
    for difficulty in (1, 2, 3):
        scene = start_challenge(app, cid, difficulty)
        rng = random.Random(difficulty)
        warm_up(scene, rng)
        app.draw()
        app.ctx.settings.high_contrast, app.ctx.settings.language = True, "es"
        app.apply_settings()
        app.draw()
        while not scene.mechanic.finished:
            scene.perform(scene.mechanic.bot_action(rng, 0.5))
        app.draw()
        app.ctx.settings.high_contrast, app.ctx.settings.language = False, "en"
        app.apply_settings()
        app.ctx.scenes.pop()
        app.pump([])


def focus_item(app: App, target, *, presses: int | None = None) -> None:
    """Press Tab until ``target``, a control of the top scene, has the focus: at most
    ``presses`` times (one more than the controls on screen when None); fail naming it
    if it never does."""
    ui = app.ctx.scenes.top.ui
    for _ in range(len(ui.items) + 1 if presses is None else presses):
        if ui.focused is target:
            return
        press(app, pygame.K_TAB)
    assert ui.focused is target, f"Tab never reached {getattr(target, 'label', target)!r}"


def run_main(*args: str, timeout: float = 300, stdin: str = "") -> subprocess.CompletedProcess:
    """``python main.py *args`` run from the project folder as a teacher would in a terminal
    (headless, ``stdin`` as the typed input); its output is kept as text."""
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    return subprocess.run(
        [sys.executable, str(root / "main.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=root,
        env=env,
    )


def key(k: int, mod: int = 0) -> pygame.event.Event:
    """A KEYDOWN event as the keyboard would post it."""
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def click(pos: tuple[int, int]) -> list[pygame.event.Event]:
    """A left click at ``pos`` (down and up)."""
    return [
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, button=1, pos=pos),
        pygame.event.Event(pygame.MOUSEBUTTONUP, button=1, pos=pos),
    ]


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


def walk_keys(app: App, goal: tuple[int, int], *, max_frames: int = 600) -> None:
    """In the town, hold the arrow keys (posted KEYDOWN/KEYUP) along the shortest path to
    ``goal``, one straight run at a time, as a keyboard player would; stops early when a
    door opens another screen."""
    from game.world.grid import find_path

    scene = app.ctx.scenes.top
    arrows = {
        (1, 0): pygame.K_RIGHT,
        (-1, 0): pygame.K_LEFT,
        (0, 1): pygame.K_DOWN,
        (0, -1): pygame.K_UP,
    }
    path = find_path(scene.town.grid, scene.walker.tile, goal, scene._closed())
    assert path is not None, f"no path to {goal}"
    i = 0
    while i < len(path) - 1:
        step = (path[i + 1][0] - path[i][0], path[i + 1][1] - path[i][1])
        j = i
        while (
            j < len(path) - 1 and (path[j + 1][0] - path[j][0], path[j + 1][1] - path[j][1]) == step
        ):
            j += 1
        app.pump([key(arrows[step])], dt=1 / 60)
        cx, cy = scene.walker.centre(path[j])
        for _ in range(max_frames):
            if app.ctx.scenes.top is not scene:
                return
            x, y = scene.walker.pos
            if (x - cx) * step[0] >= 0 and (y - cy) * step[1] >= 0 and scene.walker.tile == path[j]:
                break
            app.pump([], dt=1 / 60)
        app.pump(
            [pygame.event.Event(pygame.KEYUP, key=arrows[step], mod=0, unicode="", scancode=0)],
            dt=1 / 60,
        )
        i = j


def walk_and_enter(app: App, kind: str, target: str) -> None:
    """Walk by keys to the town's door of ``kind`` ("challenge", "district" for a quarter's
    notice board, "landmark") for ``target`` and press Enter if walking in did not open it."""
    scene = app.ctx.scenes.top
    door = next(d for d in scene.town.doors if d.kind == kind and d.target == target)
    walk_keys(app, door.tile)
    if app.ctx.scenes.top is scene:
        press(app, pygame.K_RETURN)


def at_reading_pace(app, seconds: float = 3.0) -> None:
    """Stamp statements ``seconds`` apart: answers pressed in zero test time would be
    key-mash, which is not evidence (issue 17 item 1)."""
    import itertools
    import time

    ticks = itertools.count()
    start = time.time() + seconds
    app.ctx.recorder.wall_clock = lambda: start + seconds * next(ticks)


def frame(app) -> bytes:
    app.dirty = True
    app.pump([], dt=0)
    return pygame.image.tobytes(app.screen, "RGB")


def fresh_frame(app) -> bytes:
    """Everything drawn afresh: no cached sky or header, and while the painter records
    texts the header and the boards' layers paint instead of blitting."""
    top = app.ctx.scenes.top
    if hasattr(top, "_drop_pixels"):
        top._drop_pixels()
    app.painter.recorder = []
    try:
        return frame(app)
    finally:
        app.painter.recorder = None


def choose(app, label) -> None:
    focus_label(app, label)
    press(app, pygame.K_RETURN)


def challenge_json(cid: str) -> dict:
    """A shipped challenge file, as JSON."""
    return json.loads(
        (paths.content_dir() / "challenges" / f"{cid}.json").read_text(encoding="utf-8")
    )


def level_plan(cid: str) -> list[tuple[str, dict]]:
    """(kind, merged params) for the three levels and the extra shift, as the loader lays them."""
    data = challenge_json(cid)
    base = data["params"]
    return [(lv["kind"], {**base, **lv["params"]}) for lv in data["levels"]] + [
        ("extra", {**base, **data["extra_shift"]["params"]})
    ]


def type_text(app: App, text: str) -> None:
    """Type ``text`` into the focused field, one TEXTINPUT event a character."""
    for ch in text:
        app.pump([pygame.event.Event(pygame.TEXTINPUT, text=ch)])


def finish_teacher_job(app: App, panel, timeout: float = 120.0) -> None:
    """Wait for the teacher panel's background job, then run one update step so the
    panel takes its result (a pump with no time passed runs no update)."""
    if panel.job is not None:
        panel.job.join(timeout)
    app.pump([], dt=1 / 60)


def check_layer_through_a_round(app: App, full_frame) -> None:
    """Called by a cached-layer test on a challenge scene just started: in each state of a
    round (up to 25; the bot, skill 0.6, ``random.Random(3)``, acts between them, or time
    passes, then five frames run), a frame that paints the board's layer, one that blits
    it and ``full_frame(app, mech)`` (everything drawn afresh) give the same pixels; at
    least three states are compared."""
    scene = app.ctx.scenes.top
    mech, rng = scene.mechanic, random.Random(3)
    painted = 0
    for _ in range(25):
        first = frame(app)  # paints the layer if the state changed
        again = frame(app)  # blits the cached layer
        assert mech.layer._pixels is not None, "the board is kept in its layer"
        assert first == again == full_frame(app, mech)
        painted += 1
        if mech.finished:
            break
        action = mech.bot_action(rng, 0.6)
        if action is None:
            scene.update(0.5)
        else:
            scene.perform(action)
        for _ in range(5):
            app.pump([], dt=1 / 60)
    assert painted >= 3
