"""Activity ids: one function per kind of thing the game records (the short paths that
``vocab.activity_iri`` turns into IRIs, listed in telemetry/README.md "Evidence
conventions"). Scenes and tools build ids here instead of writing f-strings, so the paths
the profile reads back have one definition. Pure; called whenever a statement is recorded.
"""

from __future__ import annotations

__all__ = [
    "GAME",
    "REFLECT_KINDS",
    "CONSENT",
    "NEXT_STEP",
    "AVATAR_MENU",
    "HORIZONS_SEARCH",
    "JOB_BOARD",
    "challenge_id",
    "extra_round_id",
    "level_id",
    "challenge_step_id",
    "hint_id",
    "reflect_id",
    "item_id",
    "mentor_id",
    "occupation_id",
    "district_id",
    "landmark_id",
    "menu_id",
    "setting_id",
    "town_area_id",
    "door_id",
    "person_id",
    "screen_id",
    "pair_id",
    "questionnaire_id",
]

#: the game itself (``initialized``/``completed``/``suspended``/``resumed serious-game``)
GAME = "worktown"
#: the consent page's answer (``selected question``, response ``yes``)
CONSENT = "consent/privacy"
#: the next step chosen in the passport
NEXT_STEP = "passport/next_step"
AVATAR_MENU = "menu/avatar"
HORIZONS_SEARCH = "menu/horizons_search"
JOB_BOARD = "menu/job_board"
#: what a reflection question asks: before, after, could this be you, skills named
REFLECT_KINDS = ("expect", "enjoy", "could_be_me", "skills")


def _part(value: str, what: str) -> str:
    if not isinstance(value, str) or not value or "/" in value:
        raise ValueError(f"bad {what} {value!r} for an activity id: one non-empty segment")
    return value


def challenge_id(challenge: str) -> str:
    """``challenge/<id>``: a challenge's start, progress and end (``quest``)."""
    return f"challenge/{_part(challenge, 'challenge id')}"


def extra_round_id(challenge: str) -> str:
    """``challenge/<id>/extra``: the optional extra round (``level``)."""
    return f"{challenge_id(challenge)}/extra"


def level_id(challenge: str, number: int) -> str:
    """``challenge/<id>/level/<n>``: level ``n`` (1-3) of a challenge (``level``); the profile
    reads the challenge's own ``quest`` statements, these show how far a pupil got."""
    if not isinstance(number, int) or isinstance(number, bool) or not 1 <= number <= 9:
        raise ValueError(f"bad level number {number!r} for an activity id")
    return f"{challenge_id(challenge)}/level/{number}"


def challenge_step_id(challenge: str, step: str) -> str:
    """``challenge/<id>/<step>``: one step inside a challenge (a step may have parts,
    ``place/0-0``; each must be a non-empty segment)."""
    if not isinstance(step, str):
        raise ValueError(f"bad step {step!r} for an activity id")
    return "/".join(
        [challenge_id(challenge), *(_part(part, "step part") for part in step.split("/"))]
    )


def hint_id(challenge: str) -> str:
    """``hint/<challenge id>``: a hint used in a challenge."""
    return f"hint/{_part(challenge, 'challenge id')}"


def reflect_id(challenge: str, kind: str) -> str:
    """``reflect/<challenge id>/<kind>``, kind one of :data:`REFLECT_KINDS`."""
    if kind not in REFLECT_KINDS:
        raise ValueError(f"bad reflection kind {kind!r}; known: {', '.join(REFLECT_KINDS)}")
    return f"reflect/{_part(challenge, 'challenge id')}/{kind}"


def item_id(item: str) -> str:
    """``item/<IIP item id>``: an activity item (a mentor's question, a job-board card)."""
    return f"item/{_part(item, 'item id')}"


def pair_id(first: str, second: str) -> str:
    """``pair/<item>/<item>``: "which would you rather do?" between two activity items
    (``selected question``, response the chosen item id, ext ``options`` {item: letter})."""
    return f"pair/{_part(first, 'item id')}/{_part(second, 'item id')}"


def questionnaire_id(item: str) -> str:
    """``questionnaire/<IIP item id>``: research mode's end-of-lesson questionnaire
    (``selected survey``): the external criterion for calibration, never game evidence."""
    return f"questionnaire/{_part(item, 'item id')}"


def mentor_id(mentor: str) -> str:
    """``mentor/<id>``: talking to a mentor."""
    return f"mentor/{_part(mentor, 'mentor id')}"


def occupation_id(soc: str) -> str:
    """``occupation/<SOC code>``: reading or saving an occupation."""
    return f"occupation/{_part(soc, 'SOC code')}"


def district_id(district: str) -> str:
    """``district/<id>``: entering a district."""
    return f"district/{_part(district, 'district id')}"


def landmark_id(landmark: str) -> str:
    """``landmark/<id>``: visiting a landmark."""
    return f"landmark/{_part(landmark, 'landmark id')}"


def menu_id(where: str, *more: str) -> str:
    """``menu/<where>[/<more>...]``: a choice offered (``menu/hub``, ``menu/district/R``)."""
    return "/".join(["menu", _part(where, "menu"), *(_part(m, "menu part") for m in more)])


def setting_id(name: str, *more: str) -> str:
    """``settings/<name>[/<more>...]``: a setting changed (``settings/key_bindings/up``)."""
    return "/".join(["settings", _part(name, "setting"), *(_part(m, "setting part") for m in more)])


def town_area_id(place: str) -> str:
    """``town/<place>``: a quarter (district id), the park or another named area entered."""
    return f"town/{_part(place, 'place')}"


def door_id(target: str) -> str:
    """``door/<target>``: a town door passed by or a landmark's door opened."""
    return f"door/{_part(target, 'door target')}"


def person_id(person: str) -> str:
    """``person/<id>``: someone at work in the town (approached, watched, asked)."""
    return f"person/{_part(person, 'person id')}"


def screen_id(name: str) -> str:
    """``screen/<scene name>``: a screen shown (``accessed screen``)."""
    return f"screen/{_part(name, 'screen name')}"
