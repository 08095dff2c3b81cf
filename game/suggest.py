"""The hub's 'suggested next' challenge, a challenge's starting difficulty, and the
contrasting challenges of the 'What next?' board.

Called when the hub is built, a challenge intro opens, or the Horizons screen or the
'What next?' board need their options (never per frame). Reads the player's statements
and asks the profile engine; touches nothing.
"""

from __future__ import annotations

from telemetry.profile.adaptive import difficulty_history, next_difficulty, suggest_next_challenge
from telemetry.profile.engine import estimate_profile

#: how many challenges the 'What next?' board offers
CHOICES = 3


def suggested_challenge(ctx) -> tuple[str, str] | None:
    """(challenge id, reason key) that would teach the player most about themselves, among
    the districts open in the player's class session."""
    from game.class_session import is_closed

    if ctx.player is None or ctx.recorder is None:
        return None
    content = ctx.content
    challenges = [
        {"id": cid, "riasec": content.riasec_of(cid)}
        for district in content.districts
        if not is_closed(ctx, district.id)
        for cid in district.challenges
    ]
    if not challenges:
        return None
    profile = estimate_profile(ctx.recorder.statements(), n_draws=1000)
    suggestion = suggest_next_challenge(profile, challenges, set(ctx.player.challenges))
    if suggestion is None:
        return None
    return suggestion.challenge_id, suggestion.reason


def suggested_difficulty(ctx, challenge_id: str) -> int:
    """The staircase difficulty for this challenge's type from the player's results."""
    if ctx.recorder is None:
        return 1
    letter = ctx.content.riasec_of(challenge_id)
    return next_difficulty(difficulty_history(ctx.recorder.statements(), letter))


def contrasting_challenges(ctx, rng, n: int = CHOICES) -> dict[str, str]:
    """Up to ``n`` not-yet-played challenges, each from a different district (type), never
    one in a district the teacher closed."""
    from game.class_session import is_closed

    done = ctx.player.challenges if ctx.player else {}
    fresh = [
        (d, [c for c in d.challenges if c not in done])
        for d in ctx.content.districts
        if not is_closed(ctx, d.id)
    ]
    fresh = [(d, cs) for d, cs in fresh if cs]
    rng.shuffle(fresh)
    return {rng.choice(cs): d.riasec for d, cs in fresh[:n]}
