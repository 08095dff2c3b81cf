"""A class session for a signed-in player: timer, open districts, language, LRS forwarding.

When a player whose code is listed in a class
(:func:`telemetry.classroom.class_store.class_of_player`) reaches the hub, a :class:`ClassSession`
starts and is kept on the context (``ctx.class_session``). The session ends when another player
signs in (the recorder changes) or the Time's-up screen signs the player out. Time is read from
``ctx.clock`` (simulated players replace it).

No scene calls the session's hooks: :func:`watch` (called once by the app) makes it a
listener of the scene stack. When the hub (the scene named ``HUB``) is about to be
entered the session starts (so the hub is built with the class language and closed
districts); when the hub is entered or shown again and time is up, the friendly Time's-up
screen goes on top. The header shows :class:`LessonTimer` (a ``ctx.header_badges`` entry).
Scenes may ask :func:`is_closed` / :func:`challenge_closed` and draw :func:`draw_closed`.

All on the game thread. It may touch the context's settings (class language), push a
scene, and start/stop the background LRS :class:`telemetry.lrs.forward.Forwarder` (a daemon thread;
the frame never waits for it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from game import art
from telemetry.classroom.class_store import class_of_player

#: the scene a signed-in player comes back to between challenges: lessons start and end there
HUB = "hub"


@dataclass
class ClassSession:
    class_code: str
    player_code: str
    recorder: Any
    started: float
    minutes: int | None
    open_districts: list[str] | None
    forwarder: Any = None
    routes: str | None = None  # the class's learning-route framework; None: the pupil's own

    def seconds_left(self, now: float) -> float | None:
        if self.minutes is None:
            return None
        return max(0.0, self.minutes * 60.0 - (now - self.started))

    def is_open(self, district_id: str) -> bool:
        return self.open_districts is None or district_id in self.open_districts


def current(ctx) -> ClassSession | None:
    """The active session of the signed-in player, or None."""
    session = getattr(ctx, "class_session", None)
    if session is None or ctx.player is None or session.recorder is not ctx.recorder:
        return None
    return session


def start(ctx) -> ClassSession | None:
    """Start the session of the signed-in player if they belong to a class (idempotent)."""
    if current(ctx) is not None or ctx.player is None:
        return current(ctx)
    end(ctx)
    info = class_of_player(ctx.data_dir, ctx.player.code)
    if info is None:
        return None
    s = info.settings
    session = ClassSession(
        info.code,
        ctx.player.code,
        ctx.recorder,
        ctx.clock(),
        s.minutes,
        list(s.districts) if s.districts is not None else None,
        routes=s.routes,
    )
    ctx.class_session = session
    if s.language and s.language != ctx.settings.language and s.language in ctx.i18n.languages:
        ctx.settings.language = s.language
        ctx.apply_settings()
    account = s.lrs_account()  # (endpoint, user, password), or None
    if account:  # never here: on disk the account is sealed (teacher's `lrs push`)
        from telemetry.lrs.forward import Forwarder, LrsConfig

        try:
            cfg = LrsConfig(*account)
            cfg.url  # noqa: B018 - validates the endpoint
            session.forwarder = Forwarder(ctx.data_dir, ctx.player.code, cfg).start()
            from telemetry.lrs.void import send_voids_in_background

            send_voids_in_background(ctx.data_dir, [cfg])  # erased players' voidings, if queued
        except ValueError:
            session.forwarder = None
    return session


def route_choice(ctx) -> str:
    """The learning-route framework to show the signed-in player: their class's when the
    teacher set one, else their own setting ("" follows the language). Called when the
    Horizons Tower lays out a job's details."""
    session = current(ctx)
    if session is not None and session.routes:
        return session.routes
    return str(ctx.settings.route_framework or "")


def end(ctx) -> None:
    """Forget the session (stopping its forwarder, without waiting for the network)."""
    session = getattr(ctx, "class_session", None)
    if session is not None and session.forwarder is not None:
        session.forwarder.stop()
    ctx.class_session = None


def watch(ctx) -> None:
    """Called once by the app after the scene stack exists: the session follows the stack
    (:func:`on_stack`) and the header shows its clock (:class:`LessonTimer`)."""
    ctx.scenes.watch(lambda event, scene: on_stack(ctx, event, scene))
    ctx.header_badges.append(LessonTimer())


def on_stack(ctx, event: str, scene) -> None:
    """The stack changed (``game.scene_stack``): the hub about to be entered starts the
    session; the hub entered or on top again shows Time's up when the time has run out
    (after the step the player was in, never in the middle of it)."""
    if getattr(scene, "name", None) != HUB:
        return
    if event == "entering":
        start(ctx)
    elif event == "entered":
        times_up(ctx)
    elif event == "resumed":
        start(ctx)
        times_up(ctx)


def times_up(ctx) -> bool:
    """When the signed-in player's timed session has run out, push the Time's-up screen
    (returns True)."""
    session = current(ctx)
    if session is None:
        return False
    left = session.seconds_left(ctx.clock())
    if left is not None and left <= 0:
        ctx.scenes.go("times_up")
        return True
    return False


def is_closed(ctx, district_id: str) -> bool:
    """True when the signed-in player's class session has this district closed."""
    session = current(ctx)
    return session is not None and not session.is_open(district_id)


def challenge_closed(ctx, challenge_id: str) -> bool:
    """True when the challenge is in a district the teacher closed: it must not be offered
    (suggestion, 'What next?') nor started (district, intro). Cheap; any scene may ask."""
    challenge = ctx.content.challenges.get(challenge_id)
    return challenge is not None and is_closed(ctx, challenge.district)


class LessonTimer:
    """The time left, in every screen's header while a timed class session runs
    (``game.context.HeaderBadge``)."""

    def live(self, ctx) -> bool:
        """While any session runs the header is painted afresh each frame."""
        return current(ctx) is not None

    def draw(self, ctx, surface: pygame.Surface, bar: pygame.Rect, right: int) -> int:
        return draw_timer(ctx, surface, bar, right)


def draw_timer(ctx, surface: pygame.Surface, bar: pygame.Rect, right: int) -> int:
    """Draw the time left at the right of the header (only in a timed session); returns
    the new right edge for the title."""
    session = current(ctx)
    left = session.seconds_left(ctx.clock()) if session is not None else None
    if left is None:
        return right
    p, pal = ctx.painter, ctx.palette
    text = (
        ctx.t("teacher.timer", minutes=int(left // 60), seconds=f"{int(left % 60):02d}")
        if left > 0
        else ctx.t("teacher.timer_up")
    )
    width = min(240, p.font(16, True).size(text)[0] + 44)
    box = pygame.Rect(right - width - 8, bar.centery - 18, width, 36)
    p.panel(surface, box, radius=12, shadow=False, fill=pal.panel)
    pygame.draw.rect(surface, pal.bad if left <= 60 else pal.ink, box, 2, border_radius=12)
    cx, cy = box.x + 18, box.centery
    pygame.draw.circle(surface, pal.ink, (cx, cy), 9, 2)  # a clock face
    pygame.draw.line(surface, pal.ink, (cx, cy), (cx, cy - 6), 2)
    pygame.draw.line(surface, pal.ink, (cx, cy), (cx + 5, cy), 2)
    p.text_fit(surface, text, (box.x + 32, box.centery), box.w - 40, 16, bold=True)
    return box.x - 8


def draw_closed(ctx, surface: pygame.Surface, rect: pygame.Rect) -> None:
    """A closed district: a lock and the word, on a veil (not colour alone)."""
    p, pal = ctx.painter, ctx.palette
    veil = pygame.Surface(rect.size, pygame.SRCALPHA)
    veil.fill((40, 40, 40, 110))
    surface.blit(veil, rect.topleft)
    tag = pygame.Rect(0, 0, 150, 44)
    tag.center = rect.center
    p.panel(surface, tag, radius=12, shadow=False, fill=pal.panel)
    pygame.draw.rect(surface, pal.ink, tag, 2, border_radius=12)
    art.icon(surface, "lock", (tag.x + 24, tag.centery), 24, pal.ink)
    p.text_fit(
        surface, ctx.t("teacher.closed"), (tag.x + 44, tag.centery), tag.w - 52, 18, bold=True
    )
