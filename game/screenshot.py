"""Save a screenshot of any scene to PNG, headless. Used by developers to look at work.

    python -m game.screenshot --out shots/            # every main scene
    python -m game.screenshot --scene hub --out hub.png
    python -m game.screenshot --out shots/ --text-scale 2 --high-contrast --lang es

Every challenge board is saved mid-play (``play_<id>.png``); at large text, where the
board scrolls, each further screenful is saved too (``play_<id>_2.png``, ...), scrolled
as a player would, so the whole board is seen with its buttons.

It plays a scripted path with a throwaway player in a temporary data folder; it never
touches a real player's data.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from game.scene_stack import SceneStack

S = TypeVar("S")


def _top(scenes: SceneStack, kind: type[S]) -> S:
    """The top scene, which the scripted path expects to be a ``kind``."""
    scene = scenes.top
    if not isinstance(scene, kind):
        raise RuntimeError(f"expected a {kind.__name__} on top, found {type(scene).__name__}")
    return scene


def _env() -> None:
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def capture_all(
    out_dir: Path,
    *,
    text_scale: float = 1.0,
    high_contrast: bool = False,
    language: str = "en",
    only: str | None = None,
) -> list[Path]:
    """Walk title → hub → a district → a challenge → reflection → jobs, saving each scene."""
    _env()
    import pygame

    from game.app import STEP, App
    from game.flow import sign_in
    from game.save import PlayerSave
    from game.scenes.challenge_intro import ChallengeIntroScene
    from game.scenes.challenge_play import ChallengePlayScene
    from game.scenes.consent import ConsentScene
    from game.scenes.district import DistrictScene
    from game.scenes.horizons import HorizonsScene
    from game.scenes.hub import HubScene
    from game.scenes.job_board import JobBoardScene
    from game.scenes.next_board import NextChallengeScene
    from game.scenes.quick_question import QuickQuestionScene
    from game.scenes.reflection import ReflectionScene
    from game.scenes.title import TitleScene
    from game.scenes.town import TownScene
    from game.ui_scene import UiScene

    out_dir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        app = App(Path(tmp), language=language, seed=7)
        app.ctx.settings.text_scale = text_scale
        app.ctx.settings.high_contrast = high_contrast
        app.apply_settings(rebuild_scenes=False)
        # a clock that moves only with the shots, so every run draws the same frames (the
        # town's people gesture by the clock, timers count by it)
        ticks = [0]
        app.ctx.clock = lambda: ticks[0] * STEP

        def save(name: str) -> None:
            path = out_dir / f"{name}.png"
            pygame.image.save(app.screen, str(path))
            saved.append(path)

        def shot(name: str) -> None:
            ticks[0] += 1
            app.pump([], dt=STEP)
            app.draw()
            if only in (None, name):
                save(name)

        def board_shots(name: str) -> None:
            """The board, then each further screenful of it when it scrolls (as Page Down would)."""
            shot(name)
            ui = _top(scenes, UiScene).ui
            if ui.viewport is None or only not in (None, name):
                return
            k = 1
            while ui.scroll < ui.max_scroll:
                ui.set_scroll(ui.scroll + ui.viewport.h - 60)
                k += 1
                app.pump([], dt=STEP)
                app.draw()
                save(f"{name}_{k}")
            ui.set_scroll(0)

        scenes = app.ctx.scenes
        scenes.push(TitleScene())
        shot("title")
        _top(scenes, TitleScene).new_player()
        shot("consent")
        _top(scenes, ConsentScene).agree()
        shot("create_player")
        sign_in(
            app.ctx,
            "SHOT-TAKER-01",
            new_player=PlayerSave(code="SHOT-TAKER-01", avatar_shape="star"),
        )
        from game.mentor_items import open_job_board

        if open_job_board(app.ctx):  # a new player's odd-jobs board
            shot("job_board")
            board = _top(scenes, JobBoardScene)
            for value in (5, 2, 4):
                board.answer(value)
            board.skip()
            shot("job_board_4")
            board.later()
        town_shots(app, shot, "town")
        scenes.push(HubScene())  # the menu the town falls back to
        shot("hub")
        scenes.pop()
        rng = random.Random(5)
        for district in app.ctx.content.districts:
            town = scenes.top  # the town, or the menu hub when its map is broken
            assert isinstance(town, TownScene | HubScene)
            town.open_district(district.id)
            if hasattr(scenes.top, "item_id"):  # the mentor's quick question
                shot(f"quick_question_{district.id}")
                _top(scenes, QuickQuestionScene).answer(4)
            shot(f"district_{district.id}")
            for cid in district.challenges:
                _top(scenes, DistrictScene).choose(cid)
                shot(f"intro_{cid}")
                _top(scenes, ChallengeIntroScene).start()
                play = _top(scenes, ChallengePlayScene)
                for _ in range(3):
                    action = play.mechanic.bot_action(rng, 0.8)
                    if action is not None:
                        play.perform(action)
                board_shots(f"play_{cid}")
                for _ in range(400):
                    if play.mechanic.finished:
                        break
                    action = play.mechanic.bot_action(rng, 0.8)
                    if action is None:
                        break
                    play.perform(action)
                shot(f"done_{cid}")
                play.to_reflection()
                reflection = _top(scenes, ReflectionScene)
                reflection.rate(4)
                reflection.could("maybe")
                shot(f"reflection_{cid}")
                reflection.done()
                shot(f"horizons_{cid}")
                _top(scenes, HorizonsScene).to_town()
                if hasattr(scenes.top, "back_to_district"):  # the 'what next?' board
                    shot(f"next_{cid}")
                    _top(scenes, NextChallengeScene).back_to_district()
            scenes.pop()
        town_shots(app, shot, "town_after")  # lights on where challenges were tried
        from game.landmarks import open_landmark, open_passport

        for landmark in app.ctx.content.landmarks:  # the landmarks, with that play behind them
            open_landmark(app.ctx, landmark.id)
            shot(f"landmark_{landmark.id}")
            scenes.pop()
        open_passport(app.ctx)
        shot("passport")
        scenes.pop()
        from game.scenes.my_data import MyDataScene

        scenes.push(MyDataScene())
        shot("my_data")
        scenes.pop()
        app.shutdown()
    return saved


def town_shots(app, shot, name: str) -> None:
    """The town where the pupil starts, beside someone at work (their speech bubble),
    talking to them, and beside a door; the avatar is set down, not walked."""
    town = app.ctx.scenes.top
    if getattr(town, "town", None) is None:
        return
    start = town.walker.pos
    shot(name)
    if name != "town":
        return
    person = town.town.people[0]
    spot = (person.tile[0], person.tile[1] + 1)
    for goal, label in ((spot, "town_person"),):
        town.walker.pos = town.walker.centre(goal)
        town.walker.facing = 3
        town.camera = town.walker.pos
        shot(label)
    town.start_talk(person)
    shot("town_talk")
    town.ask()
    shot("town_answer")
    town.walk_on()
    door = next(d for d in town.town.doors if d.kind == "challenge")
    town.walker.pos = town.walker.centre((door.tile[0], door.tile[1] + 1))
    town.walker.facing = 3
    town.camera = town.walker.pos
    shot("town_door")
    town.walker.pos = town.camera = start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Save screenshots of Worktown scenes.")
    parser.add_argument("--out", type=Path, required=True, help="folder for the PNG files")
    parser.add_argument("--scene", help="only this scene name (e.g. hub, play_r_bike_repair)")
    parser.add_argument("--text-scale", type=float, default=1.0)
    parser.add_argument("--high-contrast", action="store_true")
    parser.add_argument("--lang", default="en")
    args = parser.parse_args(argv)
    paths = capture_all(
        args.out,
        text_scale=args.text_scale,
        high_contrast=args.high_contrast,
        language=args.lang,
        only=args.scene,
    )
    for path in paths:
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
