"""Activity items (IIP RIASEC items, 1-5): which one a mentor asks next, recording an
answer, and the odd-jobs board while a player has cards on it they were not asked.

Called by the hub (a district's quick question), the mentor, the quick question and the
odd-jobs board screens, and after a new player signs in. Reads the player's statements,
records answers and saves the player; it opens the board by name (it imports no scene).
"""

from __future__ import annotations


def next_mentor_item(ctx, mentor) -> str | None:
    """The mentor's next activity question: of the IIP items this player has not been asked
    yet, the one that would teach the profile most (``telemetry.profile.adaptive.suggest_item``);
    the first of them while nothing is recorded. Called when a mentor is about to ask."""
    from telemetry.profile.adaptive import suggest_item
    from telemetry.profile.engine import estimate_profile

    asked = set(ctx.player.mentor_items_asked) if ctx.player else set()
    left = {item_id: ctx.content.items[item_id].riasec for item_id in mentor.items
            if item_id not in asked}
    if not left or ctx.recorder is None:
        return next(iter(left), None)
    profile = estimate_profile(ctx.recorder.statements(), n_draws=500)
    return suggest_item(profile, left) or next(iter(left))


def record_item_answer(ctx, mentor_id: str | None, item_id: str, value: int | None, *,
                       source: str = "mentor") -> None:
    """Record the player's 1–5 answer to an activity item (None = skipped), asked by a
    mentor (``mentor_id``) or shown elsewhere (``source``, e.g. the odd-jobs board), and
    remember it was asked, so no item is asked twice."""
    item = ctx.content.items[item_id]
    extensions = {"riasec": item.riasec, "source": source}
    if mentor_id is not None:
        extensions["mentor"] = mentor_id
    if value is None:
        ctx.record("skipped", "question", f"item/{item.id}", extensions=extensions)
    else:
        ctx.record("selected", "question", f"item/{item.id}", response=str(value),
                   extensions=extensions)
    if ctx.player is not None:
        ctx.player.mentor_items_asked.append(item.id)
        ctx.save_player()


def open_job_board(ctx) -> bool:
    """Called after a new player signs in: the odd-jobs board on top, if the player has
    cards on it they have not been asked yet (True then)."""
    if ctx.player is None or set(ctx.content.job_board) <= set(ctx.player.mentor_items_asked):
        return False
    ctx.scenes.go("job_board")
    return True
