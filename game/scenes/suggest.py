"""The hub's 'suggested next' challenge, from the profile engine when it has data."""

from __future__ import annotations


def suggested_challenge(ctx) -> str | None:
    """The challenge that would teach the player most about themselves, or None."""
    player = ctx.player
    if player is None:
        return None
    content = ctx.content
    try:
        from telemetry.adaptive import suggest_next_challenge
        from telemetry.profile import estimate_profile
    except ImportError:
        suggest_next_challenge = None
    if suggest_next_challenge is not None and ctx.recorder is not None:
        try:
            profile = estimate_profile(ctx.recorder.statements(), None)
            challenges = [{"id": c.id, "riasec": content.riasec_of(c.id)} for c in content.challenges.values()]
            pick = suggest_next_challenge(profile, challenges, set(player.challenges))
            chosen = pick[0] if isinstance(pick, tuple) else getattr(pick, "id", pick)
            if chosen in content.challenges:
                return chosen
        except (TypeError, ValueError, AttributeError):
            pass
    for district in content.districts:
        for cid in district.challenges:
            if cid not in player.challenges:
                return cid
    return None
