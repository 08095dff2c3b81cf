"""Open a landmark's screen by its CMS theme, and the career passport.

Called by the hub when a landmark (or the passport button) is chosen; records the
visit and pushes the screen. The content names landmarks; the game knows only the four
CMS themes.
"""

from __future__ import annotations


def landmark_screens() -> dict:
    """CMS theme → scene class (imported when asked, not at import time)."""
    from game.scenes.cafe import NetworkCafeScene
    from game.scenes.horizons_tower import HorizonsTowerScene
    from game.scenes.mirror import MirrorScene
    from game.scenes.skills_board import SkillsBoardScene

    return {"self": MirrorScene, "strengths": SkillsBoardScene, "horizons": HorizonsTowerScene,
            "networks": NetworkCafeScene}


def open_landmark(ctx, landmark_id: str) -> None:
    """Push the screen for a landmark (chosen by its theme) and record the visit."""
    landmark = next(lm for lm in ctx.content.landmarks if lm.id == landmark_id)
    ctx.record("accessed", "area", f"landmark/{landmark_id}", extensions={"mode": landmark.theme})
    screen = landmark_screens().get(landmark.theme)
    if screen is not None:
        ctx.scenes.push(screen())


def open_passport(ctx) -> None:
    """Push the career passport (from the hub's side panel or the Mirror Pavilion)."""
    from game.scenes.passport import PassportScene

    ctx.scenes.push(PassportScene())
