"""The context object every scene receives: services and state, no globals."""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    import pygame
    import pygame_gui

    from game.art import Palette
    from game.fonts import FontBook
    from game.i18n import I18n
    from game.save import PlayerSave, SaveStore
    from game.scene_stack import SceneStack
    from game.settings import Settings
    from telemetry.xapi.recorder import Recorder
    from zones.content import Content


class HeaderBadge(Protocol):
    """Something every screen's header shows at its right, left of the player (the class
    session's clock). Called by the header when it is painted; knows nothing of scenes."""

    def live(self, ctx: GameContext) -> bool:
        """True while it changes by itself (a clock): the header is then painted each frame."""
        ...

    def draw(self, ctx: GameContext, surface: pygame.Surface, bar: pygame.Rect, right: int) -> int:
        """Draw left of ``right`` inside ``bar`` (or nothing); return the new right edge."""
        ...


@dataclass
class GameContext:
    """Handed to every scene in ``enter``. Scenes read services from it and change
    screens through ``scenes``; only the app replaces services (on settings changes)."""

    assets: Path
    data_dir: Path
    content: Content
    i18n: I18n
    settings: Settings
    fonts: FontBook
    palette: Palette
    manager: pygame_gui.UIManager
    saves: SaveStore
    size: tuple[int, int] = (1280, 720)
    scenes: SceneStack = None  # type: ignore[assignment]  # set right after creation
    recorder: Recorder | None = None
    player: PlayerSave | None = None
    rng: random.Random = field(default_factory=random.Random)
    notices: list[str] = field(default_factory=list)
    quit_requested: bool = False
    app: Any = None
    painter: Any = None
    #: why the last save could not be written (None when saved); the app retries it
    save_problem: str | None = None
    #: seconds on a monotonic clock; simulated players replace it with a simulated clock
    clock: Callable[[], float] = time.monotonic
    #: the signed-in player's class session (timer, open districts), see game.class_session
    class_session: Any = None
    #: the background writer of saves and settings (game.save_writer); None writes right away
    saver: Any = None
    #: what every header shows at its right (the class session's clock, game.class_session)
    header_badges: list[HeaderBadge] = field(default_factory=list)
    #: Read aloud (game.speech.announce.Speech); None in tests that build a bare context
    speech: Any = None
    #: the one sound maker (game.world.sound.TownSound): each sound is synthesised once a
    #: run, not once per screen; None in tests that build a bare context
    sound: Any = None

    def record(self, verb: str, activity_type: str, activity_id: str, **kwargs: Any) -> None:
        """Record one telemetry statement if a player is signed in (the one call scenes use)."""
        if self.recorder is not None:
            self.recorder.record(verb, activity_type, activity_id, **kwargs)

    def t(self, key: str, **values: object) -> str:
        """Shortcut for ``i18n.t``."""
        return self.i18n.t(key, **values)

    def pick(self, language_map, **values: object) -> str:
        """Shortcut for ``i18n.pick``."""
        return self.i18n.pick(language_map, **values)

    def save_player(self) -> bool:
        """Save the player (atomic). With the app's background writer the save is serialised
        now and written off the game thread (a slow disk never stalls a frame); if the disk
        refuses (full, read-only, gone) the game keeps the save in memory, ``save_problem``
        says why (the app shows a calm notice and retries). Returns False while the last
        save is known to have failed; it never raises into a scene."""
        if self.player is None:
            return True
        if self.saver is not None:
            for path, data in self.saves.files(self.player):
                self.saver.submit(path, data, "save")
            return self.save_problem is None
        try:
            self.saves.save(self.player)
        except OSError as exc:
            self.save_problem = f"{type(exc).__name__}: {exc}"
            return False
        self.save_problem = None
        return True

    def save_settings(self, path: Path) -> None:
        """Save the settings in force to ``path`` (through the background writer when there is
        one); a refusing disk becomes a ``notice.settings_not_saved`` notice, not a crash."""
        if self.saver is not None:
            self.saver.submit(path, self.settings.file_bytes(), "settings")
            return
        try:
            self.settings.save(path)
        except OSError as exc:
            self.notices.append(self.t("notice.settings_not_saved", problem=str(exc)))

    def collect_saves(self) -> None:
        """Called once per frame by the app (cheap): take the background writer's results,
        ``save_problem`` for the player's save and a notice for each refused settings file."""
        if self.saver is None:
            return
        self.save_problem = self.saver.problem("save")
        for kind, _path, problem in self.saver.take_failures():
            if kind == "settings":
                self.notices.append(self.t("notice.settings_not_saved", problem=problem))

    def flush_saves(self, timeout: float | None = 30.0) -> bool:
        """Block until every queued save is on disk (sign-out, erase, shutdown); True when
        all were written."""
        if self.saver is None:
            return self.save_problem is None
        done = self.saver.flush(timeout)
        self.collect_saves()
        return done and self.save_problem is None

    def apply_settings(self) -> None:
        """Ask the app to rebuild fonts, palette and theme after a settings change."""
        if self.app is not None:
            self.app.apply_settings()
