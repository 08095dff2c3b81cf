"""The Worktown xAPI Profile (xAPI Profiles 1.0, JSON-LD), built from :mod:`vocab`.

``assets/xapi/worktown-profile.jsonld`` is this module's output, committed so that other
systems can read it; ``python -m telemetry.xapi.profile_doc`` rewrites it and a test checks
that the file and the code agree. Concepts (verbs, activity types, extensions) come from
``vocab``'s tables, so a new verb or extension cannot be recorded without being in the
profile; the statement templates (which verb on which activity type, with which required
fields and allowed values) and the session pattern are described here. Pure; called by
``profile_check`` (indirectly, through the committed file) and by that command.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from telemetry.xapi import vocab

PROFILE_FILE = Path(__file__).resolve().parents[2] / "assets" / "xapi" / "worktown-profile.jsonld"
RIASEC_LETTERS = ["R", "I", "A", "S", "E", "C"]
_EN = "en"

#: What each verb means in Worktown (keys must be exactly ``vocab.VERBS``).
VERB_DEFINITIONS: Mapping[str, str] = {
    "initialized": "A session, challenge or extra round began.",
    "progressed": "Part of a challenge was done; result extension progress says how much.",
    "completed": "A session, challenge or extra round ended (challenges: with success and score).",
    "accessed": "The pupil went into a place (district, town quarter, landmark), opened a "
    "screen or read an occupation.",
    "skipped": "The pupil passed something by or declined it (a door, a question, a round).",
    "selected": "The pupil chose an option or answered a question; the choice is the response.",
    "interacted": "The pupil approached, watched or asked a town person or mentor.",
    "used": "The pupil used a hint or saved/unsaved an occupation.",
    "suspended": "Nobody touched the game for a minute (idle pause).",
    "resumed": "Input came back after an idle pause.",
}

#: What each activity type stands for in Worktown (keys must be exactly ``vocab.ACTIVITY_TYPES``).
TYPE_DEFINITIONS: Mapping[str, str] = {
    "serious-game": "Worktown itself: sessions, pauses.",
    "level": "One level of a challenge, or its optional extra round.",
    "quest": "A challenge (one occupational task).",
    "zone": "A RIASEC district.",
    "area": "A quarter of the walkable town, or a door in it.",
    "screen": "A game screen.",
    "dialog-tree": "A branch of a conversation.",
    "menu": "A choice among options (districts, doors, mentors, settings).",
    "question": "A question the pupil answers (ratings, reflections, activity items, consent).",
    "non-player-character": "A mentor or a person working in the town.",
    "item": "An occupation card, a hint.",
    "survey": "An item of research mode's end-of-lesson questionnaire (never game evidence).",
}

_STR: dict[str, Any] = {"type": "string"}
_BOOL: dict[str, Any] = {"type": "boolean"}
_IDS: dict[str, Any] = {"type": "array", "items": {"type": "string"}}
_COUNT: dict[str, Any] = {"type": "integer", "minimum": 0}
_SHARE: dict[str, Any] = {"type": "number", "minimum": 0, "maximum": 1}

#: Extension -> (definition, JSON Schema of its value); keys must be exactly the union of
#: ``vocab.PROFILE_EXTENSIONS``, ``GAME_EXTENSIONS`` and ``CONTEXT_EXTENSIONS``.
EXTENSIONS: Mapping[str, tuple[str, dict[str, Any]]] = {
    "progress": ("Share of the challenge done, 0..1.", _SHARE),
    "riasec": ("The RIASEC letter of what was chosen, played or read.", {"enum": RIASEC_LETTERS}),
    "options": (
        "The options offered: option id -> RIASEC letter.",
        {"type": "object", "additionalProperties": {"enum": RIASEC_LETTERS}},
    ),
    "difficulty": ("Challenge difficulty, 1..3.", {"type": "integer", "minimum": 1, "maximum": 3}),
    "replay": ("The challenge had been played before.", _BOOL),
    "hint": ("A hint was used.", _BOOL),
    "enjoyment": (
        "The enjoyment rating given after a challenge, 1..5.",
        {"type": ["integer", "string"]},
    ),
    "accuracy": ("Share of correct moves in a challenge, 0..1.", _SHARE),
    "skills": ("Task skill ids a challenge showed.", _IDS),
    "competences": (
        "Career-management competence ids (zones/data/competences.json) evidenced.",
        _IDS,
    ),
    "mentor": ("The mentor id.", _STR),
    "topic": ("The question topic asked of a mentor or person.", _STR),
    "action": (
        "What was done: approach/watch/ask/walk_on (person), save/unsave (occupation).",
        _STR,
    ),
    "idle_seconds": ("Seconds without input.", {"type": "number", "minimum": 0}),
    "setting": ("The setting changed.", _STR),
    "value": ("The setting's new value.", _STR),
    "extra_round": ("This was the optional extra round.", _BOOL),
    "district": ("The district id.", _STR),
    "challenge": ("The challenge id.", _STR),
    "occupation": ("An O*NET-SOC code.", _STR),
    "recovered": ("Written when recovering a damaged record.", {}),
    "mode": (
        "free (the pupil's own input), suggested (the suggestion walked) or idle; a "
        "landmark's theme on accessed area landmark/.",
        _STR,
    ),
    "score_raw": ("A challenge's raw score before scaling.", {"type": "number"}),
    "source": ("Where an activity item was asked: mentor, job_board or questionnaire.", _STR),
    "cards_left": ("Odd-jobs cards not answered when the board was left.", _COUNT),
    "results": ("How many occupations a Horizons Tower search matched.", _COUNT),
    "levels": ("A challenge's levels: how many it has (start) or were played (end, left).", _COUNT),
    "level_kind": ("Which of a challenge's levels this is (its kind in the content).", _STR),
    "class_code": ("The class code (pseudonymous).", _STR),
    "game_version": ("The Worktown version that wrote the statement.", _STR),
    "session_id": ("The session (same as the registration).", _STR),
}

_BASE_RULES: tuple[tuple[str, str], ...] = (
    ("$.id", "included"), ("$.timestamp", "included"),
    ("$.actor.account.homePage", "included"), ("$.actor.account.name", "included"),
    ("$.actor.name", "excluded"), ("$.actor.mbox", "excluded"),
    ("$.actor.mbox_sha1sum", "excluded"), ("$.actor.openid", "excluded"),
    ("$.context.registration", "included"),
)  # fmt: skip

#: name -> (verb, activity type, label, rules beyond the base ones). A rule is (location,
#: presence); ``ext:<name>`` is short for that result extension's JSONPath location.
TEMPLATES: Mapping[str, tuple[str, str, str, tuple[tuple[str, str], ...]]] = {
    "session-start": ("initialized", "serious-game", "A session starts", ()),
    "session-end": ("completed", "serious-game", "A session ends",
                    (("$.result.duration", "recommended"),)),
    "idle-pause": ("suspended", "serious-game", "An idle pause starts",
                   (("ext:idle_seconds", "included"),)),
    "idle-resume": ("resumed", "serious-game", "Input after an idle pause",
                    (("ext:idle_seconds", "included"),)),
    "challenge-start": ("initialized", "quest", "A challenge starts",
                        (("ext:riasec", "included"), ("ext:difficulty", "recommended"))),
    "challenge-progress": ("progressed", "quest", "Part of a challenge done",
                           (("ext:progress", "included"),)),
    "challenge-end": ("completed", "quest", "A challenge ends",
                      (("$.result.success", "included"), ("$.result.score.scaled", "recommended"),
                       ("$.result.duration", "recommended"), ("ext:riasec", "included"))),
    "challenge-skipped": ("skipped", "quest", "A challenge left before its end", ()),
    "level-start": ("initialized", "level", "A challenge's level, or its extra round, starts",
                    (("ext:riasec", "recommended"), ("ext:difficulty", "recommended"))),
    "level-end": ("completed", "level", "A challenge's level, or its extra round, ends",
                  (("$.result.success", "included"), ("$.result.score.scaled", "recommended"))),
    "level-skipped": ("skipped", "level", "An extra round declined or left", ()),
    "district-visit": ("accessed", "zone", "A district entered", (("ext:riasec", "recommended"),)),
    "district-left": ("skipped", "zone", "A district left without playing", ()),
    "place-visit": ("accessed", "area", "A town quarter, door or landmark entered", ()),
    "door-passed": ("skipped", "area", "A door in reach, passed by", ()),
    "screen-view": ("accessed", "screen", "A screen opened", ()),
    "choice": (
        "selected",
        "menu",
        "A choice among options",
        (("$.result.response", "recommended"),),
    ),
    "menu-left": ("skipped", "menu", "A menu left without choosing", ()),
    "answer": ("selected", "question", "A question answered", (("$.result.response", "included"),)),
    "question-skipped": ("skipped", "question", "A question skipped", ()),
    "occupation-read": ("accessed", "item", "An occupation read",
                        (("$.result.duration", "recommended"),)),
    "item-used": ("used", "item", "A hint used, an occupation saved or unsaved", ()),
    "person-met": ("interacted", "non-player-character", "A mentor or town person met", ()),
    "survey-answer": ("selected", "survey", "A research questionnaire item answered",
                      (("$.result.response", "included"), ("ext:riasec", "included"))),
    "survey-skipped": ("skipped", "survey", "A research questionnaire item skipped", ()),
}  # fmt: skip

#: Templates inside a session (between its start and its end), in the session pattern.
_IN_SESSION = [name for name in TEMPLATES if name not in ("session-start", "session-end")]


def _lang(text: str) -> dict[str, str]:
    return {_EN: text}


def _check_keys(what: str, table: Mapping[str, Any], vocab_names: set[str]) -> None:
    missing, extra = vocab_names - set(table), set(table) - vocab_names
    if missing or extra:
        raise ValueError(
            f"profile_doc {what}: missing {sorted(missing)}, not in vocab {sorted(extra)}"
        )


def _rule(location: str, presence: str) -> dict[str, Any]:
    if location.startswith("ext:"):
        location = f"$.result.extensions['{vocab.extension_iri(location[4:])}']"
    return {"location": location, "presence": presence}


def _extension_rules() -> list[dict[str, Any]]:
    """Context extensions every statement carries, as rules."""
    return [{"location": f"$.context.extensions['{vocab.context_extension_iri(n)}']",
             "presence": "included"} for n in ("session_id", "game_version")]  # fmt: skip


def build_profile() -> dict[str, Any]:
    """The profile document (a dict ready for ``json.dumps``). ``ValueError`` if a vocab
    name has no definition here, or a definition names something vocab lacks."""
    _check_keys("VERB_DEFINITIONS", VERB_DEFINITIONS, set(vocab.VERBS))
    _check_keys("TYPE_DEFINITIONS", TYPE_DEFINITIONS, set(vocab.ACTIVITY_TYPES))
    _check_keys(
        "EXTENSIONS",
        EXTENSIONS,
        {*vocab.PROFILE_EXTENSIONS, *vocab.GAME_EXTENSIONS, *vocab.CONTEXT_EXTENSIONS},
    )
    version = vocab.PROFILE_VERSION
    concepts: list[dict[str, Any]] = []
    for name, iri in vocab.VERBS.items():
        concepts.append(
            {
                "id": iri,
                "type": "Verb",
                "inScheme": version,
                "prefLabel": _lang(name),
                "definition": _lang(VERB_DEFINITIONS[name]),
            }
        )
    for name, iri in vocab.ACTIVITY_TYPES.items():
        concepts.append(
            {
                "id": iri,
                "type": "ActivityType",
                "inScheme": version,
                "prefLabel": _lang(name),
                "definition": _lang(TYPE_DEFINITIONS[name]),
            }
        )
    result_ext = {**vocab.PROFILE_EXTENSIONS, **vocab.GAME_EXTENSIONS}
    for kind, table in (
        ("ResultExtension", result_ext),
        ("ContextExtension", vocab.CONTEXT_EXTENSIONS),
    ):
        for name, iri in table.items():
            text, schema = EXTENSIONS[name]
            concepts.append(
                {
                    "id": iri,
                    "type": kind,
                    "inScheme": version,
                    "prefLabel": _lang(name),
                    "definition": _lang(text),
                    "inlineSchema": json.dumps(schema, sort_keys=True),
                }
            )
    templates = []
    for name, (verb, atype, label, rules) in TEMPLATES.items():
        all_rules = [_rule(loc, pres) for loc, pres in _BASE_RULES] + _extension_rules()
        all_rules.append(
            {"location": "$.context.contextActivities.category[*].id", "any": [version]}
        )
        all_rules += [_rule(loc, pres) for loc, pres in rules]
        templates.append(
            {
                "id": vocab.template_iri(name),
                "type": "StatementTemplate",
                "inScheme": version,
                "prefLabel": _lang(label),
                "definition": _lang(f"{label}: {verb} {atype}."),
                "verb": vocab.verb_iri(verb),
                "objectActivityType": vocab.activity_type_iri(atype),
                "rules": all_rules,
            }
        )
    in_session = vocab.template_iri("in-session")
    patterns = [
        {"id": in_session, "type": "Pattern", "inScheme": version,
         "alternates": [vocab.template_iri(n) for n in _IN_SESSION]},
        {"id": vocab.template_iri("in-session-any"), "type": "Pattern", "inScheme": version,
         "zeroOrMore": in_session},
        {"id": vocab.template_iri("session"), "type": "Pattern", "inScheme": version,
         "primary": True, "prefLabel": _lang("A play session"),
         "definition": _lang("One registration: starts with initialized serious-game, then "
                             "anything the game records, and ends with completed "
                             "serious-game. A session cut off (crash, power) has no end "
                             "statement and stays unmatched."),
         "sequence": [vocab.template_iri("session-start"), vocab.template_iri("in-session-any"),
                      vocab.template_iri("session-end")]},
    ]  # fmt: skip
    return {
        "@context": vocab.PROFILES_CONTEXT,
        "id": vocab.PROFILE_ID,
        "type": "Profile",
        "conformsTo": vocab.PROFILES_CONFORMS_TO,
        "prefLabel": _lang("Worktown"),
        "definition": _lang(
            "Statements of Worktown, a career-exploration serious game for pupils aged "
            "12-18: RIASEC districts, occupational challenges, reflections and career-"
            "management competences. Actors are pseudonymous accounts (no name, no mbox). "
            "Verbs, activity types and the progress extension reuse the xAPI Serious Games "
            "profile's IRIs (and the ADL, ADB and TinCan verbs it maps)."
        ),
        "author": {"type": "Organization", "name": "Worktown"},
        "versions": [{"id": version, "generatedAtTime": "2026-12-02T00:00:00Z"}],
        "concepts": concepts,
        "templates": templates,
        "patterns": patterns,
    }


def profile_text() -> str:
    """The profile as the committed file holds it (sorted keys off, 2-space indent)."""
    return json.dumps(build_profile(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """``python -m telemetry.xapi.profile_doc``: rewrite the committed profile file."""
    PROFILE_FILE.parent.mkdir(parents=True, exist_ok=True)
    PROFILE_FILE.write_text(profile_text(), encoding="utf-8")
    print(f"wrote {PROFILE_FILE}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
