"""Signing a player in or out, resuming them where they were, and the settings on top.

Called by the title, code-entry, create-player and Time's-up screens, the hub, the app
(sign-out at shutdown, F1), the screens that start challenges and the Horizons screens
(saved and read occupations). It may touch the save store and the settings file, open or
close the player's telemetry recorder, and replace the whole scene stack (by scene name:
it imports no scene).
"""

from __future__ import annotations

import re
import sys

from game import GAME_VERSION, class_session
from game.save import ChallengeRecord, PlayerSave
from telemetry.xapi import activity_ids as ids
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.store import PlayerLocked
from zones.content import SHAPES

#: seconds sign-out may wait for the store (end of session and close, each)
CLOSE_TIMEOUT_S = 10.0
#: ... when the disk is refusing writes: the pupil must not wait at the bell
TROUBLED_CLOSE_TIMEOUT_S = 1.0


def open_recorder(ctx, code: str) -> Recorder | None:
    """Open (or resume) the player's store; tell the player calmly if it can't be opened.
    A data folder the disk refuses (full, read-only) still gives a recorder: it keeps the
    events in memory until the disk accepts them, and the player is told where it cannot save."""
    import platform

    from telemetry.classroom.class_store import class_of_player

    info = class_of_player(ctx.data_dir, code)
    try:
        recorder = Recorder.open(
            ctx.data_dir,
            code,
            class_code=info.code if info else None,
            language=ctx.settings.language,
            game_version=GAME_VERSION,
            platform=f"Worktown/{platform.system()}",
            defer=True,
        )
    except PlayerLocked:
        ctx.notices.append(ctx.t("notice.player_locked", code=code))
        return None
    if recorder.deferred is not None:
        from game.storage_notice import cannot_save

        ctx.notices.append(cannot_save(ctx, recorder.deferred))
    message = recovery_notice(ctx, recorder.recovery)
    if message:
        ctx.notices.append(message)
    return recorder


def recovery_notice(ctx, report) -> str | None:
    """One line saying what opening the player's store repaired, or None after a clean close."""
    if report is None or report.clean:
        return None
    parts = []
    if report.set_aside:
        parts.append(ctx.t("notice.recovered_damaged", n=report.recovered))
    elif report.recovered:
        parts.append(ctx.t("notice.recovered_crash", n=report.recovered))
    if report.skipped_lines:
        parts.append(ctx.t("notice.recovered_skipped", n=report.skipped_lines))
    if report.spilled:
        parts.append(ctx.t("notice.recovered_spill", n=report.spilled))
    return " ".join(parts) or None


def load_player(ctx, code: str) -> tuple[PlayerSave | None, str | None]:
    """The player's save, or one rebuilt from their telemetry record when ``save.json`` is
    damaged (set aside first) or missing while the record exists: (save, one-line notice
    for the player, or None). (None, notice) when there is no such player or the save
    belongs to a newer Worktown."""
    from telemetry.xapi.progress import progress_from_statements
    from telemetry.xapi.reader import read_player_statements

    player, _problem, kind = ctx.saves.read(code)
    if kind == "ok":
        return player, None
    if kind == "newer":
        return None, ctx.t("notice.save_newer")
    try:
        statements = read_player_statements(ctx.data_dir, code)
    except (ValueError, OSError):
        statements = None
    if kind == "missing" and statements is None:
        return None, None  # no such player here
    if kind == "damaged":
        ctx.saves.set_aside(code)
    progress = progress_from_statements(statements or [])
    player = PlayerSave(
        code=code,
        consent_given=progress["consent"],
        saved_occupations=list(progress["saved_occupations"]),
        mentor_items_asked=list(progress["mentor_items_asked"]),
    )
    player.challenges = {
        cid: ChallengeRecord(**record)
        for cid, record in progress["challenges"].items()
        if cid in ctx.content.challenges
    }
    if progress["avatar"] is not None:
        shape, colour = progress["avatar"]
        if shape in SHAPES:
            player.avatar_shape = shape
        if re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
            player.avatar_colour = colour
    return player, ctx.t("notice.save_rebuilt", n=len(player.challenges))


def needs_consent(ctx, player: PlayerSave) -> bool:
    """True for a player who has not agreed on the consent page yet: a code a teacher
    handed out (its save says so), or a record that holds no consent."""
    from telemetry.classroom.consent import consent_recorded

    return not player.consent_given or not consent_recorded(ctx.data_dir, player.code)


def sign_in(ctx, code: str, new_player: PlayerSave | None = None) -> bool:
    """Load (or create) the player, start their session and go to where they were.

    ``new_player`` is a save made after the consent page (create-player screen): its
    consent and avatar are recorded. Every other player is loaded (a damaged save is
    rebuilt from the record); one who has not given consent yet (e.g. a teacher's code)
    is shown the consent page first and nothing is recorded until they agree (returns
    False then, as when the player cannot be signed in)."""
    ctx.notices.clear()  # old notices; what signing in finds is shown
    rebuilt = None
    if new_player is None:
        player, rebuilt = load_player(ctx, code)
        if player is None:
            ctx.notices.append(rebuilt or ctx.t("notice.unknown_code", code=code))
            return False
        if needs_consent(ctx, player):
            ctx.scenes.go("consent", player=player)
            return False
    else:
        player = new_player
    recorder = open_recorder(ctx, code)
    if recorder is None:
        return False
    if rebuilt:
        ctx.notices.insert(0, rebuilt)
    ctx.player = player
    ctx.recorder = recorder
    recorder.start_session()
    if new_player is not None:
        from telemetry.classroom.consent import CONSENT_ACTIVITY

        ctx.record("selected", "question", CONSENT_ACTIVITY, response="yes")
        ctx.record(
            "selected",
            "menu",
            "menu/avatar",
            response=f"{player.avatar_shape}:{player.avatar_colour}",
        )
    use_settings(ctx, code)
    ctx.save_player()
    resume_place(ctx)
    return True


def continue_code(ctx) -> str | None:
    """The code the title may offer to continue as: whoever last played here and quit
    without signing out, unless that player is in a class. Class lessons run on shared PCs,
    where the next pupil must never get in as the last one with one click; a pupil playing
    alone on their own computer keeps the one-click continue."""
    from telemetry.classroom.class_store import class_of_player

    code = ctx.saves.last_player_code()
    if code is None or class_of_player(ctx.data_dir, code) is not None:
        return None
    return code


def sign_out_to_title(ctx) -> None:
    """Explicit sign-out (hub button, Time's up): close the session, forget the player as
    'last player' (no 'Continue as' for the next pupil) and show the title screen."""
    code = ctx.player.code if ctx.player is not None else None
    sign_out(ctx)
    if code is not None:
        ctx.saves.signed_out(code)
    ctx.player = None
    use_settings(ctx, None)
    ctx.scenes.clear_to("title")


def sign_out(ctx) -> None:
    """End the player's telemetry session and close their store; the save is written to
    disk before this returns (the background writer is flushed). Called at sign-out,
    erase and shutdown (``App.shutdown``)."""
    if ctx.recorder is not None:
        try:
            ctx.save_player()
            ctx.flush_saves(5.0 if ctx.recorder.healthy else 1.0)
        finally:
            try:
                close_recorder(ctx)  # quick on a refusing disk; spills what it refused
            finally:
                ctx.recorder = None


def close_recorder(ctx) -> None:
    """End the session and close the store (``sign_out``): quickly when the disk is
    refusing (no 20-second wait); what never reached the data folder is written to a spill
    file in the system temp dir (brought back at the next sign-in) or, if that fails too,
    the player is told plainly how many events are lost."""
    from game.storage_notice import unsaved_at_sign_out
    from telemetry.xapi.spill import write_spill

    rec = ctx.recorder
    timeout = CLOSE_TIMEOUT_S if rec.healthy and rec.deferred is None else TROUBLED_CLOSE_TIMEOUT_S
    try:
        rec.end_session(timeout=timeout)
    finally:
        saved = rec.close(timeout=timeout)
    if saved:
        return
    unsaved = rec.unsaved()
    spill = None
    try:
        spill = write_spill(rec.player_code, unsaved)
    except OSError:
        spill = None
    message = unsaved_at_sign_out(ctx, len(unsaved), spill)
    if message:
        ctx.notices.append(message)
        print(f"worktown: {message}", file=sys.stderr)


def use_settings(ctx, code: str | None) -> None:
    """Switch to the player's own settings file (``code``) or, after sign-out (None), the
    installation's. A player without a file yet starts from the settings in force now
    (what they chose before signing in) and gets their own copy."""
    from game.settings import Settings, settings_path

    path = settings_path(ctx.data_dir, code)
    if code and not path.exists():
        settings, problem = ctx.settings, None
        ctx.save_settings(path)  # written in the background; a failure becomes a notice
    else:
        settings, problem = Settings.load(path)
    if problem:
        ctx.notices.append(problem)
    if settings is not ctx.settings:
        ctx.settings = settings
        ctx.apply_settings()


def resume_place(ctx) -> None:
    """Rebuild the scene stack for the saved place: the town, or the town + a district (not
    a district the teacher has closed: the town then)."""
    place = ctx.player.place if ctx.player else {"scene": "hub"}
    ctx.scenes.clear_to("town")
    district_id = place.get("district")
    if (
        place.get("scene") == "district"
        and isinstance(district_id, str)
        and district_id in {d.id for d in ctx.content.districts}
        and not class_session.is_closed(ctx, district_id)
    ):
        ctx.scenes.go("district", district_id=district_id)


def refuse_closed(ctx, challenge_id: str) -> bool:
    """Called where a challenge is about to start: if its district is closed, say so and
    go back to the town (returns True: the caller must not start it)."""
    if not class_session.challenge_closed(ctx, challenge_id):
        return False
    resume_place(ctx)
    ctx.notices.append(ctx.t("notice.challenge_closed"))
    return True


def set_place(ctx, **place) -> None:
    """Remember where the player is, so quitting and restarting resumes there."""
    if ctx.player is not None and ctx.player.place != place:
        ctx.player.place = dict(place)
        ctx.save_player()


def toggle_saved_occupation(ctx, code: str) -> str | None:
    """Save an occupation to the passport or remove it; record and persist it.

    Called by the jobs screen after a challenge and by the Horizons Tower. Returns
    ``"save"`` or ``"unsave"``, or None when no player is signed in.
    """
    player = ctx.player
    if player is None:
        return None
    if code in player.saved_occupations:
        player.saved_occupations.remove(code)
        action = "unsave"
    else:
        player.saved_occupations.append(code)
        action = "save"
    occ = ctx.content.occupations[code]
    ctx.record(
        "used",
        "item",
        ids.occupation_id(code),
        extensions={
            "action": action,
            "riasec": occ.holland[0],
            "occupation": code,
            "competences": ["horizons_occupations"],
        },
    )
    ctx.save_player()
    return action


def record_occupation_read(ctx, occ, seconds: float) -> None:
    """Record that the player read about occupation ``occ`` for ``seconds``. Called by the
    jobs screen after a challenge (its reading time shared among its jobs) and by the
    Horizons Tower (one job's page); touches nothing but ``ctx.record``."""
    ctx.record(
        "accessed",
        "item",
        ids.occupation_id(occ.code),
        duration_s=seconds,
        extensions={
            "riasec": occ.holland[0],
            "occupation": occ.code,
            "competences": ["horizons_occupations", "horizons_pathways"],
        },
    )


def open_settings(ctx) -> None:
    """The gear button or F1 (any screen): the settings screen on top, unless a settings
    screen is on top already."""
    top = ctx.scenes.top
    if getattr(top, "name", "") not in ("settings", "key_remap"):
        ctx.scenes.go("settings")


def save_settings(ctx) -> None:
    """Save the settings in force to their file (background writer); a failure becomes a
    notice, not a crash. Called by the settings and key screens after each change."""
    from game.settings import settings_path

    ctx.save_settings(settings_path(ctx.data_dir, ctx.player.code if ctx.player else None))
