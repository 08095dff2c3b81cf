"""A player's progress as the game's save keeps it, rebuilt from their statements.

Called when a player's ``save.json`` is damaged or missing but their telemetry record is
intact (``game.flow.load_player``): the challenges played (plays, best and last
score, difficulty), the occupations saved to the passport, the activity items already
asked, the chosen avatar and whether consent was given. Pure: touches nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from telemetry.xapi.activity_ids import AVATAR_MENU, CONSENT
from telemetry.xapi.decode import decode_log


def progress_from_statements(statements: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """``{"challenges": {id: {plays, best_score, last_score, difficulty}},
    "saved_occupations": [...], "mentor_items_asked": [...], "avatar": (shape, colour) | None,
    "consent": bool}`` from statements oldest first."""
    challenges: dict[str, dict[str, Any]] = {}
    saved: list[str] = []
    asked: list[str] = []
    avatar: tuple[str, str] | None = None
    consent = False
    for s in decode_log(statements).statements:
        parts = s.activity.split("/")
        if (
            s.verb == "completed"
            and parts[0] == "challenge"
            and len(parts) in (2, 3)
            and (len(parts) == 2 or parts[2] == "extra")
        ):
            record = challenges.setdefault(
                parts[1], {"plays": 0, "best_score": 0.0, "last_score": 0.0, "difficulty": 1}
            )
            score = float(s.score or 0.0)
            record["plays"] += 1
            record["last_score"] = score
            record["best_score"] = max(record["best_score"], score)
            difficulty = s.ext.get("difficulty")
            if (
                isinstance(difficulty, int)
                and not isinstance(difficulty, bool)
                and 1 <= difficulty <= 3
            ):
                record["difficulty"] = difficulty
        elif s.verb == "used" and parts[0] == "occupation" and len(parts) == 2:
            action = s.ext.get("action")
            if action == "save" and parts[1] not in saved:
                saved.append(parts[1])
            elif action == "unsave" and parts[1] in saved:
                saved.remove(parts[1])
        elif s.verb in ("selected", "skipped") and parts[0] == "item" and len(parts) == 2:
            if parts[1] not in asked:
                asked.append(parts[1])
        elif (
            s.verb == "selected" and s.activity == AVATAR_MENU and s.response and ":" in s.response
        ):
            shape, colour = s.response.split(":", 1)
            avatar = (shape, colour)
        elif s.verb == "selected" and s.activity == CONSENT and s.response == "yes":
            consent = True
    return {
        "challenges": challenges,
        "saved_occupations": saved,
        "mentor_items_asked": asked,
        "avatar": avatar,
        "consent": consent,
    }
