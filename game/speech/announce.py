"""What is said, and when: the Read-aloud service on the context (``ctx.speech``).

The app makes one ``Speech`` and calls three hooks; no scene calls it:

- ``on_stack(event, scene)`` (a scene-stack listener, ``watch``): a screen entered or shown
  again is announced (title, purpose, its live texts, the focused control); a scene with
  ``show_cue`` (the challenge host) has its cues spoken too (success, fail, warning);
- ``handle_key(event)`` from ``App.handle`` before the scene: V toggles Read aloud, R reads
  the board (``describe_board()`` of the top scene, else every text it draws); never
  while a text field has the keyboard or the key-remap screen waits for a key;
- ``after_pump()`` once per pump: what changed this pump (a live text, the focused
  control or its state, a board line the pupil's key or click changed, a notice, the
  lesson's last minute) becomes *one* utterance for the speaker, which interrupts
  whatever is still being said. Board lines that change by themselves (a clock) are not
  read until R asks, so speech never chatters over the pupil.

While Read aloud is off it does nothing but answer V (and the speech thread never starts).
"""

from __future__ import annotations

from collections.abc import Callable

import pygame

from game.speech import texts
from game.speech.choose import choose, probe
from game.speech.speaker import Speaker

#: cues that carry meaning (a tick only sounds, as the host shows no sign for it)
SPOKEN_CUES = ("success", "fail", "warning")
LAST_MINUTE_S = 60


def describe_focus(item, t: Callable[..., str]) -> str:
    """A control as read aloud: "group: label, role, state" ("Text size: 125 %, slider, now 100
    %")."""
    if item is None:
        return ""
    label = item.label
    if item.group:
        label = f"{item.group}: {label}"
    parts = [label, t(f"speech.role.{item.role}")]
    if item.role == "field":
        value = item.text if hasattr(item, "element") else ""
        if getattr(item, "hidden", False):
            parts.append(t("speech.hidden_text", n=len(value)))
        else:
            parts.append(value or t("speech.empty"))
    if item.state is not None:
        state = item.state()
        if state:
            parts.append(state)
    if not item.enabled:
        parts.append(t("speech.dimmed"))
    return ", ".join(p for p in parts if p)


def sentence(parts: list[str]) -> str:
    """Parts joined as one utterance, each ending in a stop so the voice pauses."""
    out = []
    for part in parts:
        part = part.strip()
        if part:
            out.append(part if part[-1] in ".!?:;…" else part + ".")
    return " ".join(out)


class Speech:
    """Read aloud for one app: decides what to say and hands it to the speaker."""

    def __init__(self, ctx, opener=None) -> None:
        self.ctx = ctx
        self.opener = opener or choose
        self.speaker: Speaker | None = None
        self._entered = None
        self._parts: list[str] = []
        self._live: list[str] = []
        self._focus = ""
        self._notice = ""
        self._warned_minute = False
        self._was_enabled = False
        self._probed: tuple | None = None
        self._board: list[str] = []
        self._acted = False
        self._told_unavailable = False

    # -- state ------------------------------------------------------------------------
    @property
    def enabled(self) -> bool:
        return bool(self.ctx.settings.read_aloud)

    def _speaker(self) -> Speaker:
        if self.speaker is None:
            self.speaker = Speaker(self.opener)
        return self.speaker

    def unavailable_line(self) -> str | None:
        """One line for the settings screen when Read aloud cannot speak here, else None:
        nothing installed (a cheap check), or the engines found would not start."""
        speaker = self.speaker
        if speaker is not None and speaker.status == "unavailable":
            tried = ", ".join(p.backend for p in speaker.problems)
            missing = all(p.kind == "missing" for p in speaker.problems)
            return self.ctx.t(
                "speech.unavailable_missing" if missing else "speech.unavailable_failed",
                tried=tried,
            )
        if speaker is not None and speaker.status in ("ready", "starting"):
            return None
        if self.opener is not choose:  # a test's own backends: only the thread knows
            return None
        if self._probed is None:  # once a run: the settings page asks every frame
            self._probed = (probe(),)
        problems = self._probed[0]
        if problems is None:
            return None
        return self.ctx.t(
            "speech.unavailable_missing", tried=", ".join(p.backend for p in problems)
        )

    def status(self) -> str:
        """What the app compares each pump to redraw when the speaker's status changes."""
        return self.speaker.status if self.speaker is not None else "idle"

    # -- hooks ------------------------------------------------------------------------
    def watch(self) -> None:
        """Called once by the app after the scene stack exists."""
        self.ctx.scenes.watch(self.on_stack)

    def on_stack(self, event: str, scene) -> None:
        if event in ("entered", "resumed"):
            self._entered = scene
            self._parts.clear()  # what was said for the screen before is stale
        if (
            event == "entered"
            and callable(getattr(scene, "show_cue", None))
            and "show_cue" not in vars(scene)
        ):
            shown = scene.show_cue

            def show_cue(name: str) -> None:  # the host's sound and sign, then the word
                shown(name)
                self.cue(name)

            scene.show_cue = show_cue

    def cue(self, name: str) -> None:
        """A challenge cue: its word (the one the host's sign shows) is spoken."""
        if self.enabled and name in SPOKEN_CUES:
            self._parts.append(self.ctx.t(f"challenge.cue_{name}"))

    def say_now(self, text: str) -> None:
        """Speak ``text`` at once (interrupting), whatever else waits."""
        if self.enabled and text:
            self._speaker().say(text, self.ctx.i18n.language, self.ctx.settings.speech_rate)

    def handle_key(self, event: pygame.event.Event) -> bool:
        """V and R (see the module); True when the key was used. Every key or click is
        noted: the board's lines that an action changed are read after it."""
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.JOYBUTTONDOWN):
            self._acted = True
        if event.type != pygame.KEYDOWN or event.key not in (pygame.K_v, pygame.K_r):
            return False
        if event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT | pygame.KMOD_META):
            return False
        top = self.ctx.scenes.top
        if top is None or _typing(top) or getattr(top, "waiting", None):
            return False
        if event.key in getattr(getattr(top, "ui", None), "keys", {}).values():
            return False  # the pupil bound V or R to moving the focus
        if event.key == pygame.K_v:
            self.toggle()
            return True
        if not self.enabled:
            return False
        self.read_board(top)
        return True

    def toggle(self) -> None:
        """V: Read aloud on or off, saved and recorded as the settings screen does."""
        from game.flow import save_settings

        settings = self.ctx.settings
        settings.read_aloud = not settings.read_aloud
        self.ctx.record(
            "selected",
            "menu",
            "settings/read_aloud",
            response=str(settings.read_aloud),
            extensions={"setting": "read_aloud", "value": str(settings.read_aloud)},
        )
        save_settings(self.ctx)
        if settings.read_aloud:
            self._entered = self.ctx.scenes.top  # say where we are, after the word "on"
            self._parts = [self.ctx.t("speech.on")]
        else:
            self._parts.clear()
            if self.speaker is not None:
                self.speaker.silence()
        rebuild = getattr(self.ctx.scenes.top, "rebuild", None)
        if (
            self.ctx.scenes.top is not None
            and getattr(self.ctx.scenes.top, "name", "") == "settings"
            and rebuild
        ):
            rebuild()  # the settings screen shows the new value

    def read_board(self, top) -> None:
        """R: the board's description, else the screen's texts, at once."""
        describe = getattr(top, "describe_board", None)
        lines = list(describe()) if callable(describe) else texts.screen_texts(top, self.ctx)
        self._parts = [*lines]

    def after_pump(self) -> None:
        """Once per pump: what changed becomes one utterance (see the module)."""
        if not self.enabled:
            self._entered = None
            self._parts.clear()
            if self._was_enabled and self.speaker is not None:
                self.speaker.silence()  # turned off in the settings: quiet now
            self._was_enabled = False
            return
        self._was_enabled = True
        ctx = self.ctx
        if (
            self.speaker is not None
            and self.speaker.status == "unavailable"
            and not self._told_unavailable
        ):
            self._told_unavailable = True  # on, but nothing can speak: say so on screen, once
            line = self.unavailable_line()
            if line:
                ctx.notices.append(line)
        top = ctx.scenes.top
        parts = self._parts
        self._parts = []
        if top is None:
            return
        acted, self._acted = self._acted, False
        board = texts.board_lines(top)
        if self._entered is not None:
            entered, self._entered = self._entered, None
            if entered is top:
                parts = [*parts, *texts.intro(top, ctx)]
                self._live, self._focus, self._board = [], "", board
        live = texts.live_texts(top)
        parts += [text for text in live if text not in self._live]
        self._live = live
        if acted:  # what the pupil's action changed on the board
            parts += [line for line in board if line not in self._board]
        self._board = board
        ui = getattr(top, "ui", None)
        focus = describe_focus(getattr(ui, "focused", None), ctx.t) if ui is not None else ""
        if focus and focus != self._focus:
            parts.append(focus)
        self._focus = focus
        parts += self._new_notice() + self._last_minute()
        if parts:
            self._speaker().say(sentence(parts), ctx.i18n.language, ctx.settings.speech_rate)

    def _new_notice(self) -> list[str]:
        notice = self.ctx.notices[-1] if self.ctx.notices else ""
        fresh = notice and notice != self._notice
        self._notice = notice
        return [notice] if fresh else []

    def _last_minute(self) -> list[str]:
        """The header's lesson clock turns to its last minute (shown in red and in words)."""
        from game import class_session

        session = class_session.current(self.ctx)
        left = session.seconds_left(self.ctx.clock()) if session is not None else None
        if left is None or left > LAST_MINUTE_S:
            self._warned_minute = False
            return []
        if self._warned_minute:
            return []
        self._warned_minute = True
        return [self.ctx.t("speech.last_minute") if left > 0 else self.ctx.t("teacher.timer_up")]

    def close(self) -> None:
        """App shutdown: end the speech thread."""
        if self.speaker is not None:
            self.speaker.close()


def _typing(scene) -> bool:
    """True while a text field of ``scene`` has the keyboard (letters are the pupil's)."""
    focused = getattr(getattr(scene, "ui", None), "focused", None)
    element = getattr(focused, "element", None)
    return getattr(focused, "role", "") == "field" and bool(getattr(element, "is_focused", False))
