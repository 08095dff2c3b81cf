"""Open a landmark's screen by its CMS theme, a quarter's notice board, and the passport.

Called by the hub when a landmark (or the passport button) is chosen; records the
visit and opens the screen by name. The content names landmarks; the game knows only
the four CMS themes.
"""

from __future__ import annotations

from telemetry.xapi import activity_ids as ids

#: CMS theme -> the name of its landmark's scene (``game.scenes.SCENES``)
LANDMARK_SCENES = {
    "self": "mirror_pavilion",
    "strengths": "skills_board",
    "horizons": "horizons_tower",
    "networks": "network_cafe",
}


def open_landmark(ctx, landmark_id: str) -> None:
    """Push the screen for a landmark (chosen by its theme) and record the visit."""
    landmark = next(lm for lm in ctx.content.landmarks if lm.id == landmark_id)
    ctx.record(
        "accessed", "area", ids.landmark_id(landmark_id), extensions={"mode": landmark.theme}
    )
    screen = LANDMARK_SCENES.get(landmark.theme)
    if screen is not None:
        ctx.scenes.go(screen)


def open_district_board(ctx, district_id: str) -> None:
    """Open a quarter's notice board (the district screen) and, when its mentor has an
    own-field question this player was not asked yet, the quick question over it. Called
    by the town's board door and the menu hub once they have recorded the choice."""
    from game.mentor_items import next_mentor_item

    ctx.scenes.go("district", district_id=district_id)
    mentor = ctx.content.mentor_of(district_id)
    item_id = next_mentor_item(ctx, mentor)
    if item_id is not None:
        ctx.scenes.go("quick_question", mentor_id=mentor.id, item_id=item_id)


def open_passport(ctx) -> None:
    """Push the career passport (from the hub's side panel or the Mirror Pavilion)."""
    ctx.scenes.go("passport")
