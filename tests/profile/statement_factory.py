"""Tiny factory of xAPI statement dicts in the shape telemetry/README.md describes.

Statements are built with the real vocabulary (game.sim.synthetic.build_statement →
telemetry.xapi.statements), with fixed ids and times so tests are reproducible.
"""

from __future__ import annotations

import itertools
from typing import Any

from game.sim.synthetic import build_statement

_ids = itertools.count()


def st(verb: str, activity_type: str, activity: str, **kw: Any) -> dict[str, Any]:
    n = next(_ids)
    kw.setdefault("statement_id", f"00000000-0000-4000-8000-{n:012d}")
    kw.setdefault("timestamp", f"2025-01-06T09:{(n // 60) % 60:02d}:{n % 60:02d}+00:00")
    return build_statement(verb, activity_type, activity, **kw)


def choice(options: dict[str, str], chosen: str, where: str = "district_first") -> dict:
    return st(
        "selected",
        "menu",
        f"menu/{where}",
        response=chosen,
        extensions={"options": options, "riasec": options[chosen]},
    )


def rating(kind: str, letter: str, value: Any, challenge: str | None = None) -> dict:
    """kind: expect / enjoy / could_be_me (value yes/maybe/no)."""
    challenge = challenge or f"{letter.lower()}_challenge"
    ext: dict[str, Any] = {"riasec": letter}
    if kind == "could_be_me":
        ext["competences"] = ["self_interests"]
    return st("selected", "question", f"reflect/{challenge}/{kind}", response=value, extensions=ext)


def item(item_id: str, value: int, mentor: str = "mentor_cafe") -> dict:
    return st(
        "selected",
        "question",
        f"item/{item_id}",
        response=value,
        extensions={"riasec": item_id[0], "mentor": mentor},
    )


def start(challenge: str, letter: str, difficulty: int = 1, replay: bool = False) -> dict:
    return st(
        "initialized",
        "quest",
        f"challenge/{challenge}",
        extensions={"riasec": letter, "difficulty": difficulty, "replay": replay},
    )


def completed(
    challenge: str,
    letter: str,
    score: float = 0.7,
    success: bool = True,
    accuracy: float = 0.7,
    duration_s: float = 180.0,
    difficulty: int = 1,
    competences: list[str] | None = None,
) -> dict:
    return st(
        "completed",
        "quest",
        f"challenge/{challenge}",
        score=score,
        success=success,
        duration_s=duration_s,
        extensions={
            "riasec": letter,
            "difficulty": difficulty,
            "accuracy": accuracy,
            "skills": ["fixing"],
            "competences": competences or [],
        },
    )


def extra(challenge: str, letter: str, accepted: bool) -> dict:
    if accepted:
        return st(
            "initialized",
            "level",
            f"challenge/{challenge}/extra",
            extensions={"riasec": letter, "extra_round": True},
        )
    return st("skipped", "level", f"challenge/{challenge}/extra", extensions={"riasec": letter})


def reading(soc: str, letter: str, seconds: float) -> dict:
    return st(
        "accessed",
        "item",
        f"occupation/{soc}",
        duration_s=seconds,
        extensions={"riasec": letter, "competences": ["horizons_occupations"]},
    )


def save(soc: str, action: str = "save") -> dict:
    return st("used", "item", f"occupation/{soc}", extensions={"action": action})


def play(
    challenge: str, letter: str, expect: int, enjoy: int, could: str, score: float = 0.7
) -> list[dict]:
    """A full challenge with its reflections."""
    return [
        rating("expect", letter, expect, challenge),
        start(challenge, letter),
        completed(challenge, letter, score=score),
        rating("enjoy", letter, enjoy, challenge),
        rating("could_be_me", letter, could, challenge),
    ]


def at(seconds: float, statement: dict[str, Any]) -> dict[str, Any]:
    """``statement`` stamped ``seconds`` into a lesson on 6 January 2025 at 09:00."""
    m, s = divmod(seconds, 60)
    statement["timestamp"] = f"2025-01-06T09:{int(m):02d}:{s:06.3f}+00:00"
    return statement
