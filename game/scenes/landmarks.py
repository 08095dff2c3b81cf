"""Open a landmark's screen by its CMS theme."""

from __future__ import annotations


def open_landmark(ctx, landmark_id: str) -> None:
    """Push the screen for a landmark (chosen by its theme) and record the visit."""
    landmark = next(lm for lm in ctx.content.landmarks if lm.id == landmark_id)
    ctx.record("accessed", "area", f"landmark/{landmark_id}", extensions={"mode": landmark.theme})
    from game.scenes.cafe import NetworkCafeScene
    screens = {"networks": NetworkCafeScene}
    screen = screens.get(landmark.theme)
    if screen is not None:
        ctx.scenes.push(screen())
