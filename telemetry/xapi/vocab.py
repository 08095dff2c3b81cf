"""The xAPI vocabulary of Worktown: the ONLY module that contains IRI strings.

Short names (``"completed"``, ``"quest"``, ``"riasec"``) are what the rest of the code
uses; this module turns them into IRIs and back. Verbs and activity types come from the
xAPI Serious Games profile (https://w3id.org/xapi/seriousgames, section 13 "xAPI
Mapping"), which itself reuses some ADL and TinCan verbs. Game variables live under one
namespace of ours, :data:`GAME_NAMESPACE`.

Called from anywhere, at any time; touches nothing (pure lookups on read-only tables).
An unknown short name is a programming error and raises ``ValueError``.

Adding a verb, type or extension: give it a definition (an extension also the JSON Schema
of its values) in :mod:`telemetry.xapi.profile_doc`, and if the game records it on a new
verb/type pair, a template there; then ``python -m telemetry.xapi.profile_doc`` rewrites
the xAPI Profile (tests fail on any statement the committed profile does not allow).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType

#: The one namespace of ours: activities, extensions, account home pages.
GAME_NAMESPACE = "https://worktown.github.io/xapi/"
_ACTIVITIES = GAME_NAMESPACE + "activities/"
_EXTENSIONS = GAME_NAMESPACE + "extensions/"

_ADL_VERBS = "http://adlnet.gov/expapi/verbs/"
_SG_VERBS = "https://w3id.org/xapi/seriousgames/verbs/"
_SG_TYPES = "https://w3id.org/xapi/seriousgames/activity-types/"
_SG_EXTENSIONS = "https://w3id.org/xapi/seriousgames/extensions/"

#: Verb short name -> IRI, exactly as the Serious Games profile maps them.
VERBS: Mapping[str, str] = MappingProxyType(
    {
        "initialized": _ADL_VERBS + "initialized",
        "progressed": _ADL_VERBS + "progressed",
        "completed": _ADL_VERBS + "completed",
        "accessed": _SG_VERBS + "accessed",
        "skipped": "http://id.tincanapi.com/verb/skipped",
        "selected": "https://w3id.org/xapi/adb/verbs/selected",
        "interacted": _ADL_VERBS + "interacted",
        "used": _SG_VERBS + "used",
        # ADL verbs for a pause: nobody touched the game for a minute, then someone did
        "suspended": _ADL_VERBS + "suspended",
        "resumed": _ADL_VERBS + "resumed",
    }
)

#: The xAPI 1.0.3 verb of a voiding statement (its object is a StatementRef): sent to an
#: LRS when a player's data is erased (:mod:`telemetry.lrs.void`), never recorded.
VOIDED_VERB = _ADL_VERBS + "voided"

#: Activity type short name -> IRI (Serious Games profile; ``question`` is ADL's).
ACTIVITY_TYPES: Mapping[str, str] = MappingProxyType(
    {
        "serious-game": _SG_TYPES + "serious-game",
        "level": _SG_TYPES + "level",
        "quest": _SG_TYPES + "quest",
        "zone": _SG_TYPES + "zone",
        "area": _SG_TYPES + "area",
        "screen": _SG_TYPES + "screen",
        "dialog-tree": _SG_TYPES + "dialog-tree",
        "menu": _SG_TYPES + "menu",
        "question": "http://adlnet.gov/expapi/activities/question",
        "non-player-character": _SG_TYPES + "non-player-character",
        "item": _SG_TYPES + "item",
        # research mode's end-of-lesson questionnaire (never game evidence): TinCan's survey
        "survey": "http://id.tincanapi.com/activitytype/survey",
    }
)

#: Result extensions defined by the Serious Games profile itself.
PROFILE_EXTENSIONS: Mapping[str, str] = MappingProxyType(
    {
        "progress": _SG_EXTENSIONS + "progress",
    }
)

_GAME_EXTENSION_NAMES = (
    "riasec", "options", "difficulty", "replay", "hint", "enjoyment", "accuracy",
    "skills", "competences", "mentor", "topic", "action", "idle_seconds", "setting",
    "value", "extra_round", "district", "challenge", "occupation", "recovered", "mode",
    "score_raw", "source", "cards_left", "results", "levels", "level_kind",
)  # fmt: skip

#: Game variables (result extensions) under our namespace: short name -> IRI.
GAME_EXTENSIONS: Mapping[str, str] = MappingProxyType(
    {name: _EXTENSIONS + name for name in _GAME_EXTENSION_NAMES}
)

#: Context extensions under our namespace: short name -> IRI.
CONTEXT_EXTENSIONS: Mapping[str, str] = MappingProxyType(
    {name: _EXTENSIONS + name for name in ("class_code", "game_version", "session_id")}
)

#: The Worktown xAPI Profile (xAPI Profiles 1.0; ``assets/xapi/worktown-profile.jsonld``,
#: built by :mod:`telemetry.xapi.profile_doc`): the profile, its current version (sent in
#: every statement as a ``category`` context activity of the ADL type below), and the
#: xAPI Profiles spec's JSON-LD context and version IRI.
PROFILE_ID = GAME_NAMESPACE + "profile"
PROFILE_VERSION = PROFILE_ID + "/v1"
PROFILE_ACTIVITY_TYPE = "http://adlnet.gov/expapi/activities/profile"
PROFILES_CONTEXT = "https://w3id.org/xapi/profiles/context"
PROFILES_CONFORMS_TO = "https://w3id.org/xapi/profiles#1.0"


def template_iri(name: str) -> str:
    """IRI of one of our profile's statement templates or patterns (``"session-start"``)."""
    if not _ACTIVITY_PATH.fullmatch(name):
        raise ValueError(f"bad template name {name!r}")
    return PROFILE_ID + "/" + name


#: Every IRI prefix this vocabulary owns or borrows (used by the "IRIs only here" test).
IRI_PREFIXES: tuple[str, ...] = (
    GAME_NAMESPACE,
    "http://adlnet.gov/expapi/",
    "https://w3id.org/xapi/",
    "http://id.tincanapi.com/",
)

_ACTIVITY_PATH = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.\-/]{0,199}")
_CLASS_CODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_\-]{0,63}")

_VERB_BY_IRI: Mapping[str, str] = MappingProxyType({v: k for k, v in VERBS.items()})
_TYPE_BY_IRI: Mapping[str, str] = MappingProxyType({v: k for k, v in ACTIVITY_TYPES.items()})
_RESULT_EXT_BY_IRI: Mapping[str, str] = MappingProxyType(
    {v: k for k, v in {**PROFILE_EXTENSIONS, **GAME_EXTENSIONS}.items()}
)
_CONTEXT_EXT_BY_IRI: Mapping[str, str] = MappingProxyType(
    {v: k for k, v in CONTEXT_EXTENSIONS.items()}
)


def verb_iri(short: str) -> str:
    """IRI of a verb short name; ``ValueError`` if unknown."""
    try:
        return VERBS[short]
    except KeyError:
        raise ValueError(f"unknown verb {short!r}; known: {', '.join(VERBS)}") from None


def activity_type_iri(short: str) -> str:
    """IRI of an activity type short name; ``ValueError`` if unknown."""
    try:
        return ACTIVITY_TYPES[short]
    except KeyError:
        raise ValueError(
            f"unknown activity type {short!r}; known: {', '.join(ACTIVITY_TYPES)}"
        ) from None


def extension_iri(short: str) -> str:
    """IRI of a result extension (profile or game variable); ``ValueError`` if unknown."""
    iri = PROFILE_EXTENSIONS.get(short) or GAME_EXTENSIONS.get(short)
    if iri is None:
        raise ValueError(f"unknown extension {short!r}; register it in vocab.GAME_EXTENSIONS")
    return iri


def context_extension_iri(short: str) -> str:
    """IRI of a context extension short name; ``ValueError`` if unknown."""
    try:
        return CONTEXT_EXTENSIONS[short]
    except KeyError:
        raise ValueError(f"unknown context extension {short!r}") from None


def activity_iri(path: str) -> str:
    """IRI of a game activity from its short path (``"challenge/r_bike_repair"``)."""
    if not isinstance(path, str) or not _ACTIVITY_PATH.fullmatch(path):
        raise ValueError(f"bad activity id {path!r}: use letters, digits, _ . - /")
    return _ACTIVITIES + path


def activity_path(iri: str) -> str | None:
    """Short path of one of our activity IRIs, or ``None`` if the IRI is not ours."""
    return iri[len(_ACTIVITIES) :] if iri.startswith(_ACTIVITIES) else None


def account_home_page(class_code: str | None) -> str:
    """Account home page for the actor: the class IRI, or this installation's."""
    if class_code is None:
        return GAME_NAMESPACE + "installation"
    if not _CLASS_CODE.fullmatch(class_code):
        raise ValueError(f"bad class code {class_code!r}: use letters, digits, _ -")
    return GAME_NAMESPACE + "classes/" + class_code


def verb_name(iri: str) -> str | None:
    """Short name of a verb IRI, or ``None`` if it is not in the vocabulary."""
    return _VERB_BY_IRI.get(iri)


def activity_type_name(iri: str) -> str | None:
    """Short name of an activity type IRI, or ``None``."""
    return _TYPE_BY_IRI.get(iri)


def extension_name(iri: str) -> str | None:
    """Short name of a result extension IRI, or ``None``."""
    return _RESULT_EXT_BY_IRI.get(iri)


def context_extension_name(iri: str) -> str | None:
    """Short name of a context extension IRI, or ``None``."""
    return _CONTEXT_EXT_BY_IRI.get(iri)
