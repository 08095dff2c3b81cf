"""The app: window, services, and the main loop.

Loop rule: logic advances in fixed steps of ``STEP`` seconds; the screen is drawn at
most once per display frame and only when something changed; when nothing animates the
loop blocks on the event queue instead of spinning. ``App.pump()`` runs one iteration
without blocking, which is what tests and simulated players drive.
"""

from __future__ import annotations

import os
import platform
import random
import sys
import time
import warnings
from pathlib import Path

import pygame

from game import GAME_VERSION, art, class_session, logs, paths
from game.context import GameContext
from game.fonts import FontBook
from game.i18n import I18n, load_locale_files
from game.memory import LeftScreenCollector, settle_startup
from game.painter import Painter
from game.save import SaveStore
from game.save_writer import SaveWriter
from game.scene_stack import SceneStack
from game.settings import Settings
from game.speech.announce import Speech
from game.theme import make_manager
from game.world.sound import TownSound
from telemetry.xapi import activity_ids
from zones.loader import load_content

STEP = 1 / 60
LOGICAL_SIZE = (1280, 720)
IDLE_WAIT_MS = 250
#: no key, click or wheel for this long is a pause (recorded suspended, then resumed)
IDLE_PAUSE_S = 60.0
SAVE_RETRY_S = 2.0
CRASH_NOTICE_S = 6.0
INPUT_EVENTS = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL)


def _prefer_software_window() -> None:
    """Called before the window opens: SDL's software renderer and window framebuffer.

    Otherwise SDL loads OpenGL to scale the window, which on school PCs without a GPU
    driver (and on Xvfb) is Mesa's llvmpipe: about 100 MB of resident memory (libLLVM)
    for a 1280x720 picture SDL then scales in software anyway. Either variable set in the
    environment wins (e.g. SDL_RENDER_DRIVER=opengl on a PC with a real GPU)."""
    os.environ.setdefault("SDL_RENDER_DRIVER", "software")
    os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


class App:
    """Owns the window and the loop; builds the context every scene receives."""

    def __init__(
        self,
        data_dir: Path | None = None,
        *,
        language: str | None = None,
        fullscreen: bool = False,
        seed: int | None = None,
        window: bool = True,
    ):
        pygame.init()
        self.assets = paths.assets_dir()
        self.data_dir = Path(data_dir) if data_dir else paths.default_data_dir()
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            folder_problem = None
        except OSError as exc:  # read-only or full: play on, keep events in memory
            folder_problem = f"OSError: [Errno {exc.errno}] {exc.strerror}"
        self.log, self.redact = logs.setup(self.data_dir, writable=folder_problem is None)
        self.log.info("start %s", self.platform_name())
        #: seconds the one-line crash notice stays in the window (tests set 0)
        self.crash_notice_s = CRASH_NOTICE_S
        flags = pygame.SCALED | pygame.RESIZABLE
        _prefer_software_window()
        if fullscreen:
            flags |= pygame.FULLSCREEN
        with warnings.catch_warnings():  # the software renderer is chosen on purpose (memory)
            warnings.filterwarnings("ignore", "no fast renderer available")
            self.screen = (
                pygame.display.set_mode(LOGICAL_SIZE, flags)
                if window
                else pygame.Surface(LOGICAL_SIZE)
            )
        pygame.display.set_caption("Worktown")
        pygame.key.set_repeat(350, 40)
        settings, settings_notice = Settings.load(self.data_dir / "settings.json")
        if language:
            settings.language = language
        content = load_content(paths.content_dir(), self.assets / "data")
        i18n = I18n(load_locale_files(self.assets / "locale"), settings.language)
        fonts = FontBook(self.assets / "fonts")
        palette = art.Palette.normal()
        saver = SaveWriter()  # saves and settings are written off the game thread
        self.ctx = GameContext(
            assets=self.assets,
            data_dir=self.data_dir,
            content=content,
            i18n=i18n,
            settings=settings,
            fonts=fonts,
            palette=palette,
            manager=None,  # type: ignore[arg-type]
            saves=SaveStore(self.data_dir, saver),
            size=LOGICAL_SIZE,
            rng=random.Random(seed),
            app=self,
            saver=saver,
        )
        if settings_notice:
            self.ctx.notices.append(settings_notice)
        if folder_problem is not None:
            from game.storage_notice import cannot_save

            self.ctx.notices.append(cannot_save(self.ctx, folder_problem))
            print_error(self.ctx.notices[-1])
        self.redact.current = lambda: getattr(self.ctx.player, "code", None)
        self.ctx.scenes = SceneStack(self.ctx)
        class_session.watch(self.ctx)  # lessons follow the stack: no scene calls them
        self.ctx.speech = Speech(self.ctx)  # Read aloud follows the stack too (game.speech)
        self.ctx.sound = TownSound(lambda: self.ctx.settings)
        #: frees left screens' pixels (game.memory); tests may switch it off for speed
        self.collector = LeftScreenCollector()
        self.ctx.scenes.watch(self.collector.on_stack)
        self.ctx.speech.watch()
        self.painter = Painter(fonts, palette)
        self.ctx.painter = self.painter
        self.apply_settings(rebuild_scenes=False)
        self.accumulator = 0.0
        self.last_time = time.perf_counter()
        self.dirty = True
        self.frames_drawn = 0
        self.last_input = self.ctx.clock()
        self.paused = False
        self.storage_trouble = False
        self.last_save_retry = 0.0

    # -- services ---------------------------------------------------------------
    def apply_settings(self, rebuild_scenes: bool = True) -> None:
        """Rebuild fonts, palette and the UI theme from the settings (text size, contrast)."""
        s = self.ctx.settings.clamp()
        self.ctx.fonts.configure("dyslexic" if s.dyslexia_font else "dejavu", s.text_scale)
        self.ctx.palette = (
            art.Palette.contrast() if s.high_contrast else art.Palette.normal(s.colour_safe)
        )
        self.painter.palette = self.ctx.palette
        self.ctx.i18n.set_language(s.language)
        old = self.ctx.manager
        theme_key = (s.text_scale, s.high_contrast, s.dyslexia_font)
        if old is None or theme_key != getattr(self, "_theme_key", None):
            # a new theme only when it changes (a language or sound change keeps the manager)
            self.ctx.manager = make_manager(
                LOGICAL_SIZE, self.assets, self.ctx.fonts, s.text_scale, s.high_contrast
            )
            self._theme_key = theme_key
        if rebuild_scenes and old is not None:
            top = self.ctx.scenes.top  # paused scenes rebuild in resume(), with the new manager
            if top is not None and hasattr(top, "rebuild"):
                top.rebuild()
        self.dirty = True

    def platform_name(self) -> str:
        return f"Worktown {GAME_VERSION} / {platform.system()}"

    # -- loop -------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Route one event: quit, the UI manager, then the top scene."""
        if event.type == pygame.QUIT:
            self.ctx.quit_requested = True
            return
        if event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESIZED, pygame.VIDEORESIZE):
            self.dirty = True
        if event.type in INPUT_EVENTS:
            self.note_input()
            self.ctx.notices.clear()  # a notice stays until the next key or click
        self.ctx.manager.process_events(event)
        top = self.ctx.scenes.top
        if self.ctx.speech is not None and self.ctx.speech.handle_key(event):
            self.dirty = True  # V (Read aloud on/off) and R (read the board), anywhere
            return
        if event.type == pygame.KEYDOWN and event.key == pygame.K_F1:
            from game.flow import open_settings

            open_settings(self.ctx)  # settings from every screen
            self.dirty = True
            return
        if top is not None:
            top.handle_event(event)
        self.dirty = True

    def note_input(self) -> None:
        """Called on each key, click or wheel: ends a pause (``resumed``, with how long
        nobody touched the game)."""
        now = self.ctx.clock()
        idle = now - self.last_input
        self.last_input = now
        if self.paused:
            self.paused = False
            self.ctx.record(
                "resumed",
                "serious-game",
                activity_ids.GAME,
                extensions={"idle_seconds": round(idle, 1)},
            )
            self.log.info("resumed after %.0f s", idle)

    def watch_idle(self) -> None:
        """Called once per pump (the loop wakes at least every ``IDLE_WAIT_MS``): after
        ``IDLE_PAUSE_S`` without input, record ``suspended`` once. Reports and profiles
        leave the pause out of play and reading time (``telemetry.profile.pauses``)."""
        if self.paused or self.ctx.recorder is None:
            return
        idle = self.ctx.clock() - self.last_input
        if idle >= IDLE_PAUSE_S:
            self.paused = True
            self.ctx.record(
                "suspended",
                "serious-game",
                activity_ids.GAME,
                extensions={"idle_seconds": round(idle, 1)},
            )

    def animating(self) -> bool:
        return any(scene.animating for scene in self.ctx.scenes.visible())

    def pump(self, events: list[pygame.event.Event] | None = None, dt: float | None = None) -> None:
        """One loop iteration: events, fixed-step updates, one draw if needed. Never blocks.

        Drawn when an event came, the stack or a screen's UI changed, or a scene animated at
        the start *or* the end of the iteration: the step that ends an animation (a job
        done, a timer run out) changes the screen, and that last state is drawn now, not
        after the next key press (issue 13 item 16)."""
        was_animating = self.animating()
        for event in events if events is not None else pygame.event.get():
            self.handle(event)
            if self.ctx.quit_requested:
                return
        now = time.perf_counter()
        elapsed = dt if dt is not None else now - self.last_time
        self.last_time = now
        self.accumulator += min(elapsed, 0.25)
        while self.accumulator >= STEP:
            top = self.ctx.scenes.top
            if top is not None:
                top.update(STEP)
            self.accumulator -= STEP
        self.ctx.manager.update(elapsed)
        self.watch_idle()
        self.watch_storage()
        self.watch_speech()
        if self.dirty or was_animating or self.animating() or self.ctx.scenes.changed:
            self.draw()
        self.collector.after_frame()

    def watch_storage(self) -> None:
        """Called once per pump (cheap: two flags). When the disk refuses writes (full,
        read-only, unplugged) tell the player once, calmly; events and the save stay in
        memory. Retry the save every ``SAVE_RETRY_S``; say so when all is written again."""
        ctx = self.ctx
        rec = ctx.recorder
        ctx.collect_saves()
        if ctx.save_problem is not None and time.monotonic() - self.last_save_retry >= SAVE_RETRY_S:
            self.last_save_retry = time.monotonic()
            ctx.save_player()
        trouble = ctx.save_problem is not None or (rec is not None and not rec.healthy)
        if trouble and not self.storage_trouble:
            from game.storage_notice import cannot_save

            ctx.notices.append(
                cannot_save(ctx, ctx.save_problem or (rec.last_error if rec else None))
            )
            self.dirty = True
        elif not trouble and self.storage_trouble:
            ctx.notices.append(ctx.t("notice.storage_ok"))
            self.dirty = True
        self.storage_trouble = trouble

    def watch_speech(self) -> None:
        """Called once per pump: what changed is read aloud (``game.speech.announce``, nothing
        while Read aloud is off); a change of the speaker's status is drawn (the settings line)."""
        speech = self.ctx.speech
        if speech is None:
            return
        speech.after_pump()
        status = speech.status()
        if status != getattr(self, "_speech_status", "idle"):
            self._speech_status = status
            self.dirty = True

    def draw(self) -> None:
        """Draw the visible scenes bottom-up, then the UI, then the top scene's overlay."""
        surface = self.screen
        visible = self.ctx.scenes.visible()
        for scene in visible:
            scene.draw(surface)
        self.ctx.manager.draw_ui(surface)
        forget_lost_sprites(self.ctx.manager)
        top = self.ctx.scenes.top
        if top is not None and hasattr(top, "draw_overlay"):
            top.draw_overlay(surface)
        if surface is pygame.display.get_surface():
            pygame.display.flip()
        self.frames_drawn += 1
        self.dirty = False
        self.ctx.scenes.changed = False

    def run(self) -> int:
        """Play until the window closes (from the title, unless a screen is already up).
        Returns the process exit code: 0, or 1 after a crash. Whatever happens the player
        is signed out and the store flushed (``shutdown`` in ``finally``)."""
        if not len(self.ctx.scenes):
            self.ctx.scenes.go("title")
        settle_startup()
        clock = pygame.time.Clock()
        code = 0
        try:
            while not self.ctx.quit_requested:
                self.loop_once(clock)
        except Exception:  # noqa: BLE001 (the crash hook: any error at all)
            code = 1
            self.crashed()
        finally:
            self.shutdown()
        return code

    def crashed(self) -> None:
        """Called from ``run`` when a frame raised: the traceback goes to the log (never
        to the pupil), the pupil gets one line (stderr and, while it lasts, the window);
        ``run`` then signs out as usual."""
        top = self.ctx.scenes.top
        self.log.exception("crash in screen %s", getattr(top, "name", "none"))
        try:
            line = self.ctx.t("notice.crash")
        except Exception:  # noqa: BLE001
            line = "Something went wrong and Worktown has to close. What you did is saved."
        print_error(line)
        try:
            self.show_crash_line(line)
        except Exception:  # noqa: BLE001 (the window may be what broke)
            self.log.exception("could not show the crash notice")

    def show_crash_line(self, line: str) -> None:
        """The crash line on a plain panel until a key, a click or ``crash_notice_s``."""
        if self.crash_notice_s <= 0 or self.screen is not pygame.display.get_surface():
            return
        p, pal = self.painter, self.ctx.palette
        self.screen.fill(pal.panel)
        p.text(self.screen, line, (640, 330), 24, width=1000, align="center")
        pygame.display.flip()
        end = time.monotonic() + self.crash_notice_s
        while time.monotonic() < end:
            event = pygame.event.wait(100)
            if event.type in (pygame.QUIT, pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
                return

    def loop_once(self, clock: pygame.time.Clock) -> None:
        """One iteration of the real loop (``run`` and ``bench/idle_cpu.py``): when nothing
        animates and nothing is dirty, block on the event queue (up to ``IDLE_WAIT_MS``);
        otherwise take what is queued, pump, and cap at 60 frames a second."""
        if not (self.animating() or self.dirty):
            first = pygame.event.wait(IDLE_WAIT_MS)
            events = ([first] if first.type != pygame.NOEVENT else []) + pygame.event.get()
        else:
            events = pygame.event.get()
        self.pump(events)
        clock.tick(60)

    def shutdown(self) -> None:
        """Leave every scene (they save), end the session, close the store, write what the
        background writer still holds. A screen that fails while leaving is logged and
        skipped: signing out still happens."""
        stack = self.ctx.scenes
        for _ in range(len(stack) + 1):
            try:
                stack.clear()
                break
            except Exception:  # noqa: BLE001 (the next screens still leave)
                self.log.exception("a screen failed while closing")
        try:
            from game.flow import sign_out

            sign_out(self.ctx)
        except Exception:
            self.log.exception("sign-out failed")
            raise
        finally:
            if self.ctx.saver is not None:
                self.ctx.saver.close()
            if self.ctx.speech is not None:
                self.ctx.speech.close()
            self.log.info("stop")
            logs.close(self.log)
            # events still queued (pygame-gui posts its own, and a test that pumps given
            # events never reads the queue) hold the screens, the context and this App:
            # read them, or pygame.quit() leaks them (~80 MB an App at 200 % text);
            # pygame.event.clear() drops them without letting go of what they hold
            if pygame.display.get_init():  # another App in this process may have quit already
                pygame.event.get()
            pygame.quit()


def forget_lost_sprites(manager) -> None:
    """Called after each draw. pygame-gui 0.6 appends the rect of every killed element to its
    sprite group's ``lostsprites`` list and never reads or clears it, so a day of scene
    changes would keep tens of thousands of rects alive; nothing uses them, drop them."""
    group = manager.get_sprite_group()
    lost = getattr(group, "lostsprites", None)
    if lost:
        lost.clear()


def print_error(message: str) -> None:
    """One clear line on stderr, never a traceback."""
    print(f"worktown: {message}", file=sys.stderr)


def start_app(data_dir: Path | None, **options) -> App | None:
    """Create the App for a command; on broken content, locale or an unusable data folder
    print one line and return None (the caller exits with 2)."""
    from game.i18n import TranslationError
    from zones.loader import ContentError

    try:
        return App(data_dir, **options)
    except (ContentError, TranslationError) as exc:
        print_error(str(exc))
    except OSError as exc:
        print_error(f"cannot start: {exc}")
    return None
