"""Research mode (issue 17 item 7): is the signed-in pupil's class in it, which
questionnaire items are left, and the end of the lesson that shows the questionnaire
before signing out.

Called by the consent screen (:func:`class_is_research`), the Time's-up screen and the
sign-out buttons (:func:`finish_lesson`) and the questionnaire screen. Reads the class
file without the passphrase (only the research flag) and the player's statements; opens
the questionnaire by name (it imports no scene).
"""

from __future__ import annotations


def class_is_research(ctx, code: str | None) -> bool:
    """True when player ``code`` belongs to a class in research mode."""
    from telemetry.classroom.class_store import class_of_player

    if not code:
        return False
    try:
        info = class_of_player(ctx.data_dir, code)
    except (ValueError, OSError):
        return False
    return info is not None and bool(info.settings.research)


def questionnaire_left(ctx) -> list[str]:
    """Item ids (content order) the pupil has neither answered nor skipped in the
    questionnaire; [] when nobody is signed in."""
    from telemetry.xapi.activity_ids import questionnaire_id
    from telemetry.xapi.decode import decode_log

    if ctx.recorder is None:
        return []
    done = {
        s.activity
        for s in decode_log(ctx.recorder.statements()).statements
        if s.activity_type == "survey"
    }
    return [i for i in ctx.content.items if questionnaire_id(i) not in done]


def finish_lesson(ctx) -> None:
    """End of the lesson (Time's up, a sign-out button): a research-class pupil with
    questionnaire items left answers them first; then sign out to the title."""
    from game.flow import sign_out_to_title

    if (
        ctx.player is not None
        and class_is_research(ctx, ctx.player.code)
        and questionnaire_left(ctx)
    ):
        ctx.scenes.go("questionnaire")
        return
    sign_out_to_title(ctx)
