"""Open a landmark's screen by its CMS theme, and the career passport.

Called by the hub when a landmark (or the passport button) is chosen; records the
visit and opens the screen by name. The content names landmarks; the game knows only
the four CMS themes.
"""

from __future__ import annotations

#: CMS theme -> the name of its landmark's scene (``game.scenes.SCENES``)
LANDMARK_SCENES = {"self": "mirror_pavilion", "strengths": "skills_board",
                   "horizons": "horizons_tower", "networks": "network_cafe"}


def open_landmark(ctx, landmark_id: str) -> None:
    """Push the screen for a landmark (chosen by its theme) and record the visit."""
    landmark = next(lm for lm in ctx.content.landmarks if lm.id == landmark_id)
    ctx.record("accessed", "area", f"landmark/{landmark_id}", extensions={"mode": landmark.theme})
    screen = LANDMARK_SCENES.get(landmark.theme)
    if screen is not None:
        ctx.scenes.go(screen)


def open_passport(ctx) -> None:
    """Push the career passport (from the hub's side panel or the Mirror Pavilion)."""
    ctx.scenes.go("passport")
