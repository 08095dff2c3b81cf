"""Signing a player in or out, and resuming them where they were.

Called by the title, code-entry and create-player screens. It may touch the save store,
open the player's telemetry recorder, and replace the whole scene stack.
"""

from __future__ import annotations

from game import GAME_VERSION
from game.save import PlayerSave
from telemetry.recorder import Recorder
from telemetry.store import PlayerLocked


def open_recorder(ctx, code: str) -> Recorder | None:
    """Open (or resume) the player's store; tell the player calmly if it can't be opened."""
    import platform

    from telemetry.class_store import class_of_player

    info = class_of_player(ctx.data_dir, code)
    try:
        recorder = Recorder.open(ctx.data_dir, code, class_code=info.code if info else None,
                                 language=ctx.settings.language,
                                 game_version=GAME_VERSION, platform=f"Worktown/{platform.system()}")
    except PlayerLocked:
        ctx.notices.append(ctx.t("notice.player_locked", code=code))
        return None
    report = getattr(recorder, "recovery", None)
    message = getattr(report, "message", "") if report is not None else ""
    if message:
        ctx.notices.append(message)
    return recorder


def sign_in(ctx, code: str, new_player: PlayerSave | None = None) -> bool:
    """Load (or create) the player, start their session and go to where they were."""
    if new_player is None:
        player, problem = ctx.saves.load(code)
        if player is None:
            ctx.notices.append(problem or ctx.t("notice.unknown_code", code=code))
            return False
    else:
        player = new_player
    recorder = open_recorder(ctx, code)
    if recorder is None:
        return False
    ctx.player = player
    ctx.recorder = recorder
    recorder.start_session()
    ctx.notices.clear()
    use_settings(ctx, code)
    ctx.save_player()
    resume_place(ctx)
    return True


def use_settings(ctx, code: str | None) -> None:
    """Switch to the player's own settings file (``code``) or, after sign-out (None), the
    installation's. A player without a file yet starts from the settings in force now
    (what they chose before signing in) and gets their own copy."""
    from game.settings import Settings, settings_path

    path = settings_path(ctx.data_dir, code)
    if code and not path.exists():
        settings, problem = ctx.settings, None
        ctx.save_settings(path)           # written in the background; a failure becomes a notice
    else:
        settings, problem = Settings.load(path)
    if problem:
        ctx.notices.append(problem)
    if settings is not ctx.settings:
        ctx.settings = settings
        ctx.apply_settings()


def resume_place(ctx) -> None:
    """Rebuild the scene stack for the saved place: the town, or the town + a district."""
    from game.scenes.district import DistrictScene
    from game.scenes.town import TownScene

    place = ctx.player.place if ctx.player else {"scene": "hub"}
    ctx.scenes.clear_to(TownScene())
    district_id = place.get("district")
    if place.get("scene") == "district" and district_id in {d.id for d in ctx.content.districts}:
        ctx.scenes.push(DistrictScene(district_id))


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
    ctx.record("used", "item", f"occupation/{code}",
               extensions={"action": action, "riasec": occ.holland[0], "occupation": code,
                           "competences": ["horizons_occupations"]})
    ctx.save_player()
    return action
