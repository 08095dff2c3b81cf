"""What a challenge being played records (xAPI, through ``ctx.record``): started, each
level started and completed, the mechanic's progress, hints and choices, the challenge
completed or skipped, and the extra shift declined. One function per moment, called by
``game.scenes.challenge_play``; each reads the play scene (its challenge, level, difficulty,
results) and touches nothing but ``ctx.record``. ``reflection_answer`` is the one for the
questions before and after a challenge (``challenge_intro`` and ``reflection``). Every
activity id comes from ``telemetry.xapi.activity_ids``.
"""

from __future__ import annotations

from telemetry.xapi import activity_ids as ids


def activity_id(scene) -> str:
    """The challenge's id, or its extra shift's."""
    return (
        ids.extra_round_id(scene.challenge_id)
        if scene.extra_round
        else ids.challenge_id(scene.challenge_id)
    )


def overall_progress(scene, level_progress: float) -> float:
    """How far through the whole challenge, from how far through the current level."""
    return round((scene.level_index + level_progress) / len(scene.plan), 3)


def started(scene) -> None:
    """The challenge (or its extra shift) begins."""
    scene.ctx.record(
        "initialized",
        "level" if scene.extra_round else "quest",
        activity_id(scene),
        extensions={
            "riasec": scene.riasec,
            "difficulty": scene.difficulty,
            "replay": scene.replay,
            "extra_round": scene.extra_round,
            "levels": len(scene.plan),
        },
    )


def level_started(scene) -> None:
    """A level of a challenge with levels begins."""
    scene.ctx.record(
        "initialized",
        "level",
        ids.level_id(scene.challenge_id, scene.level_index + 1),
        extensions={
            "riasec": scene.riasec,
            "difficulty": scene.difficulty,
            "level_kind": scene.level.kind,
        },
    )


def level_completed(scene, result) -> None:
    """A level of a challenge with levels ended with ``result``."""
    scene.ctx.record(
        "completed",
        "level",
        ids.level_id(scene.challenge_id, scene.level_index + 1),
        success=result.success,
        score=result.score,
        duration_s=round(scene.mechanic.elapsed, 2),
        extensions={
            "riasec": scene.riasec,
            "difficulty": scene.difficulty,
            "accuracy": result.accuracy,
            "level_kind": scene.level.kind,
        },
    )


def mechanic_events(scene) -> None:
    """The mechanic's queued events: progress (only forward), hints and choices become
    statements; a cue is shown by the scene (``show_cue``)."""
    for kind, data in scene.mechanic.pop_events():
        ext = {"riasec": scene.riasec, "difficulty": scene.difficulty}
        if kind == "progress":
            progress = round(float(data["progress"]), 3)
            if progress > scene.last_progress:
                scene.last_progress = progress
                scene.ctx.record(
                    "progressed",
                    "quest",
                    activity_id(scene),
                    extensions={**ext, "progress": overall_progress(scene, progress)},
                )
        elif kind == "hint":
            scene.ctx.record(
                "used", "item", ids.hint_id(scene.challenge_id), extensions={**ext, "hint": True}
            )
        elif kind == "choice":
            scene.ctx.record(
                "selected",
                "question",
                ids.challenge_step_id(scene.challenge_id, str(data.get("step", "step"))),
                response=str(data.get("response", "")),
                extensions=ext,
            )
        elif kind == "cue":
            scene.show_cue(str(data.get("name", "")))


def completed(scene, result) -> None:
    """The challenge ended with ``result`` (every level played)."""
    scene.ctx.record(
        "completed",
        "level" if scene.extra_round else "quest",
        activity_id(scene),
        success=result.success,
        score=result.score,
        duration_s=round(scene.level_seconds, 2),
        extensions={
            "riasec": scene.riasec,
            "difficulty": scene.difficulty,
            "accuracy": result.accuracy,
            "skills": list(scene.challenge.skills),
            "competences": list(scene.challenge.competences),
            "replay": scene.replay,
            "extra_round": scene.extra_round,
            "levels": len(scene.level_results),
        },
    )


def skipped(scene, progress: float) -> None:
    """The pupil left unfinished, ``progress`` of the way through the current level."""
    scene.ctx.record(
        "skipped",
        "level" if scene.extra_round else "quest",
        activity_id(scene),
        extensions={
            "riasec": scene.riasec,
            "progress": overall_progress(scene, progress),
            "levels": len(scene.level_results),
        },
    )


def extra_declined(scene) -> None:
    """On from the result card without the extra shift."""
    scene.ctx.record(
        "skipped",
        "level",
        ids.extra_round_id(scene.challenge_id),
        extensions={"riasec": scene.riasec, "extra_round": False},
    )


def reflection_answer(
    scene, question: str, response: str, competences: list[str], **more: object
) -> None:
    """A question about the challenge answered, before it (the expectation) or after it
    (enjoyment, could this be me, skills used); reads the scene's challenge and RIASEC type,
    ``more`` goes into the extensions between those two and the competences."""
    scene.ctx.record(
        "selected",
        "question",
        ids.reflect_id(scene.challenge_id, question),
        response=response,
        extensions={"riasec": scene.riasec, **more, "competences": competences},
    )
