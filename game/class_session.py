"""A class session for a signed-in player: timer, open districts, language, LRS forwarding.

When a player whose code is listed in a class (:func:`telemetry.classroom.class_store.class_of_player`)
reaches the hub, :func:`on_hub` starts a :class:`ClassSession` and keeps it on the context
(``ctx.class_session``; the context has no field for it, so it is read with ``getattr``).
The session ends when another player signs in (the recorder changes) or the Time's-up
screen signs the player out. Time is read from ``ctx.clock`` (simulated players replace it).

Called on the game thread by the hub (enter/resume, district clicks, drawing) and by the
header (:func:`draw_timer`). It may touch the context's settings (class language), push a
scene, and start/stop the background LRS :class:`telemetry.lrs.forward.Forwarder` (a daemon thread;
the frame never waits for it).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pygame

from game import art
from telemetry.classroom.class_store import class_of_player


@dataclass
class ClassSession:
    class_code: str
    player_code: str
    recorder: Any
    started: float
    minutes: int | None
    open_districts: list[str] | None
    forwarder: Any = None

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
    session = ClassSession(info.code, ctx.player.code, ctx.recorder, ctx.clock(), s.minutes,
                           list(s.districts) if s.districts is not None else None)
    ctx.class_session = session
    if s.language and s.language != ctx.settings.language and s.language in ctx.i18n.languages:
        ctx.settings.language = s.language
        ctx.apply_settings()
    if s.lrs_account():   # never here: on disk the account is sealed (teacher's `lrs push`)
        from telemetry.lrs.forward import Forwarder, LrsConfig

        try:
            cfg = LrsConfig(s.lrs["endpoint"], s.lrs["user"], s.lrs["password"])
            cfg.url  # noqa: B018 - validates the endpoint
            session.forwarder = Forwarder(ctx.data_dir, ctx.player.code, cfg).start()
            from telemetry.lrs.void import send_voids_in_background

            send_voids_in_background(ctx.data_dir, [cfg])   # erased players' voidings, if queued
        except ValueError:
            session.forwarder = None
    return session


def end(ctx) -> None:
    """Forget the session (stopping its forwarder, without waiting for the network)."""
    session = getattr(ctx, "class_session", None)
    if session is not None and session.forwarder is not None:
        session.forwarder.stop()
    ctx.class_session = None


def on_hub(ctx) -> bool:
    """Called when the hub is entered or resumed: start the session; when time is up,
    show the friendly Time's-up screen (returns True)."""
    session = start(ctx)
    if session is None:
        return False
    left = session.seconds_left(ctx.clock())
    if left is not None and left <= 0:
        from game.scenes.times_up import TimesUpScene

        ctx.scenes.push(TimesUpScene())
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


def refuse_closed(ctx, challenge_id: str) -> bool:
    """Called where a challenge is about to start: if its district is closed, say so and
    go back to the town (returns True: the caller must not start it)."""
    if not challenge_closed(ctx, challenge_id):
        return False
    from game.scenes.flow import resume_place

    resume_place(ctx)
    ctx.notices.append(ctx.t("notice.challenge_closed"))
    return True


def draw_timer(ctx, surface: pygame.Surface, bar: pygame.Rect, right: int) -> int:
    """Draw the time left at the right of the header (only in a timed session); returns
    the new right edge for the title."""
    session = current(ctx)
    left = session.seconds_left(ctx.clock()) if session is not None else None
    if left is None:
        return right
    p, pal = ctx.painter, ctx.palette
    text = (ctx.t("teacher.timer", minutes=int(left // 60), seconds=f"{int(left % 60):02d}")
            if left > 0 else ctx.t("teacher.timer_up"))
    width = min(240, p.font(16, True).size(text)[0] + 44)
    box = pygame.Rect(right - width - 8, bar.centery - 18, width, 36)
    p.panel(surface, box, radius=12, shadow=False, fill=pal.panel)
    pygame.draw.rect(surface, pal.bad if left <= 60 else pal.ink, box, 2, border_radius=12)
    cx, cy = box.x + 18, box.centery
    pygame.draw.circle(surface, pal.ink, (cx, cy), 9, 2)          # a clock face
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
    p.text_fit(surface, ctx.t("teacher.closed"), (tag.x + 44, tag.centery), tag.w - 52, 18, bold=True)
