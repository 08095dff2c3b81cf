"""Building and validating xAPI 1.0.3 statements.

:func:`build_statement` is called by the recorder on the game thread for every event, so it
only builds a dict (no I/O, no full validation). :func:`validate_statement` is the full
check, called by tests, by recovery and by importers (``xapi_export``). Neither touches
anything outside its arguments.
"""

from __future__ import annotations

import calendar
import math
import os
import random
import re
import time
from collections.abc import Mapping
from typing import Any

from telemetry.xapi import vocab
from telemetry.xapi.safe_read import printable

XAPI_VERSION = "1.0.3"

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
_TIMESTAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z")
_DURATION = re.compile(r"PT(\d+(\.\d+)?)S")
_LANG_TAG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
_IRI = re.compile(r"[a-z][a-z0-9+.\-]*:[^\s<>\"{}|\\^`]+")

_TOP_KEYS = frozenset(
    {"id", "actor", "verb", "object", "result", "context", "timestamp", "version",
     "stored", "authority", "attachments"}
)  # fmt: skip
_FORBIDDEN_ACTOR_KEYS = ("name", "mbox", "mbox_sha1sum", "openid")
_RESULT_KEYS = frozenset({"success", "completion", "score", "duration", "response", "extensions"})
_CONTEXT_KEYS = frozenset(
    {"registration", "platform", "language", "extensions", "revision", "instructor",
     "team", "contextActivities", "statement"}
)  # fmt: skip
_JSON_SCALARS = (str, int, float, bool, type(None))
_FAST_SCALARS = frozenset({str, int, bool, type(None)})  # floats need the finite check


def format_timestamp(epoch_s: float) -> str:
    """ISO 8601 UTC with milliseconds: ``"2026-11-25T19:22:01.123Z"``."""
    whole, ms = divmod(round(epoch_s * 1000), 1000)
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)) + f".{ms:03d}Z"


def parse_timestamp(stamp: str) -> float:
    """Epoch seconds of a timestamp written by :func:`format_timestamp`."""
    if not _TIMESTAMP.fullmatch(stamp):
        raise ValueError(f"bad timestamp {stamp!r}")
    return (
        calendar.timegm(time.strptime(stamp[:19], "%Y-%m-%dT%H:%M:%S")) + int(stamp[20:23]) / 1000
    )


def format_duration(seconds: float) -> str:
    """ISO 8601 duration in seconds: 183.2 -> ``"PT183.2S"``, 3 -> ``"PT3S"``."""
    if not math.isfinite(seconds) or seconds < 0:
        raise ValueError(f"duration must be a finite number of seconds >= 0, not {seconds!r}")
    text = f"{seconds:.3f}".rstrip("0").rstrip(".")
    return f"PT{text}S"


def parse_duration(text: str) -> float:
    """Seconds of a ``"PT<n>S"`` duration."""
    match = _DURATION.fullmatch(text)
    if not match:
        raise ValueError(f"bad duration {text!r}: expected like 'PT183.2S'")
    return float(match.group(1))


def check_json_value(value: Any, where: str) -> None:
    """Raise ``ValueError`` unless ``value`` is plain JSON (str/number/bool/None/list/dict)."""
    if isinstance(value, _JSON_SCALARS):
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"{printable(where)}: not a finite number")
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            check_json_value(item, where)
        return
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError(f"{printable(where)}: object keys must be strings")
            check_json_value(item, where)
        return
    raise ValueError(f"{printable(where)}: {type(value).__name__} is not JSON")


def make_actor(home_page: str, player_code: str) -> dict[str, Any]:
    """A pseudonymous account actor. There is deliberately no name or mbox."""
    return {"objectType": "Agent", "account": {"homePage": home_page, "name": player_code}}


def make_context(
    registration: str,
    *,
    platform: str,
    language: str,
    class_code: str | None,
    game_version: str,
    session_id: str,
) -> dict[str, Any]:
    """The context block shared by every statement of one session."""
    ext = {
        vocab.context_extension_iri("game_version"): game_version,
        vocab.context_extension_iri("session_id"): session_id,
    }
    if class_code is not None:
        ext[vocab.context_extension_iri("class_code")] = class_code
    return {"registration": registration, "platform": platform, "language": language,
            "extensions": ext, "contextActivities": {"category": [profile_category()]}}  # fmt: skip


def profile_category() -> dict[str, Any]:
    """The Worktown xAPI Profile version as a ``category`` context activity: it tells an LRS
    (and :mod:`telemetry.xapi.profile_check`) which profile's templates a statement follows."""
    return {"objectType": "Activity", "id": vocab.PROFILE_VERSION,
            "definition": {"type": vocab.PROFILE_ACTIVITY_TYPE}}  # fmt: skip


def humanize(path: str) -> str:
    """A readable default name from an activity path: ``challenge/r_bike_repair`` -> ``Bike
    repair``."""
    last = path.rstrip("/").rsplit("/", 1)[-1]
    words = [w for w in re.split(r"[_\-.]+", last) if w]
    if len(words) > 1 and len(words[0]) == 1:
        words = words[1:]  # a one-letter prefix such as the RIASEC letter
    text = " ".join(words) or path
    return text[:1].upper() + text[1:]


class StatementFactory:
    """Builds statements for one actor and context, fast enough for the game loop.

    Created by the Recorder per session; :meth:`build` runs on the caller's thread and
    touches nothing but its own caches. Verb and object blocks are cached and *shared*
    between statements, as are ``actor`` and ``context``: never mutate a built statement.
    Ids are UUID4s from a PRNG seeded by ``os.urandom`` once (``uuid.uuid4`` calls
    ``os.urandom`` every time, which also releases the GIL to the writer thread).
    """

    _CACHE_LIMIT = 4096

    def __init__(
        self, actor: dict[str, Any], context: dict[str, Any], *, name_language: str = "en-US"
    ) -> None:
        self.actor = actor
        self.context = context
        self.name_language = name_language
        self._rng = random.Random(os.urandom(32))
        self._verbs: dict[str, dict[str, Any]] = {}
        self._objects: dict[tuple[str, str, str | None], dict[str, Any]] = {}
        self._ext_keys: dict[str, str] = {}
        self._second: tuple[int, str] = (-1, "")

    def new_id(self) -> str:
        """A random (version 4, RFC 4122 variant) UUID string."""
        n = self._rng.getrandbits(128)
        n = (n & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC000 << 48) | (0x8000 << 48)
        h = f"{n:032x}"
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def timestamp(self, epoch_s: float) -> str:
        """Like :func:`format_timestamp`, formatting each second only once."""
        whole, ms = divmod(round(epoch_s * 1000), 1000)
        cached = self._second
        if cached[0] != whole:
            cached = (whole, time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(whole)))
            self._second = cached
        return f"{cached[1]}.{ms:03d}Z"

    def _verb(self, verb: str) -> dict[str, Any]:
        block = self._verbs.get(verb)
        if block is None:
            block = {"id": vocab.verb_iri(verb), "display": {"en-US": verb}}
            self._verbs[verb] = block
        return block

    def _object(self, activity_type: str, activity_id: str, name: str | None) -> dict[str, Any]:
        key = (activity_type, activity_id, name)
        block = self._objects.get(key)
        if block is None:
            block = {
                "objectType": "Activity",
                "id": vocab.activity_iri(activity_id),
                "definition": {
                    "type": vocab.activity_type_iri(activity_type),
                    "name": {
                        self.name_language: name if name is not None else humanize(activity_id)
                    },
                },
            }
            if len(self._objects) >= self._CACHE_LIMIT:
                self._objects.clear()
            self._objects[key] = block
        return block

    def _ext_key(self, short: str) -> str:
        iri = self._ext_keys.get(short)
        if iri is None:
            iri = vocab.extension_iri(short)
            self._ext_keys[short] = iri
        return iri

    def build(
        self,
        verb: str,
        activity_type: str,
        activity_id: str,
        *,
        name: str | None = None,
        success: bool | None = None,
        score: float | None = None,
        duration_s: float | None = None,
        response: str | None = None,
        extensions: Mapping[str, Any] | None = None,
        now: float | None = None,
    ) -> dict[str, Any]:
        """One statement from short names; ``ValueError`` on unknown names or bad values."""
        statement: dict[str, Any] = {
            "id": self.new_id(),
            "timestamp": self.timestamp(time.time() if now is None else now),
            "version": XAPI_VERSION,
            "actor": self.actor,
            "verb": self._verb(verb),
            "object": self._object(activity_type, activity_id, name),
            "context": self.context,
        }
        result: dict[str, Any] = {}
        if success is not None:
            if success is not True and success is not False:
                raise ValueError(f"success must be a bool, not {success!r}")
            result["success"] = success
        if score is not None:
            if (
                isinstance(score, bool)
                or not isinstance(score, (int, float))
                or not -1 <= score <= 1
            ):
                raise ValueError(f"score must be a number in [-1, 1] (scaled), not {score!r}")
            result["score"] = {"scaled": float(score)}
        if duration_s is not None:
            result["duration"] = format_duration(duration_s)
        if response is not None:
            if type(response) is not str:
                raise ValueError(f"response must be a string, not {response!r}")
            result["response"] = response
        if extensions:
            ext = {}
            for key, value in extensions.items():
                if type(value) not in _FAST_SCALARS:
                    check_json_value(value, f"extension {key!r}")
                ext[self._ext_key(key)] = value
            result["extensions"] = ext
        if result:
            statement["result"] = result
        return statement


def build_statement(
    *,
    actor: dict[str, Any],
    context: dict[str, Any],
    verb: str,
    activity_type: str,
    activity_id: str,
    name: str | None = None,
    name_language: str = "en-US",
    success: bool | None = None,
    score: float | None = None,
    duration_s: float | None = None,
    response: str | None = None,
    extensions: Mapping[str, Any] | None = None,
    now: float | None = None,
) -> dict[str, Any]:
    """Build one statement dict from short names (one-off; the Recorder uses a
    :class:`StatementFactory`). Raises ``ValueError`` on unknown names or bad values."""
    factory = StatementFactory(actor, context, name_language=name_language)
    return factory.build(
        verb, activity_type, activity_id, name=name, success=success, score=score,
        duration_s=duration_s, response=response, extensions=extensions, now=now,
    )  # fmt: skip


def _fail(where: str, problem: str) -> None:
    where = printable(where)
    raise ValueError(f"{where}: {problem}" if where else problem)


def _lang_map(value: Any, where: str) -> None:
    if not isinstance(value, dict) or not value:
        _fail(where, "must be a non-empty language map")
    for tag, text in value.items():
        if not isinstance(tag, str) or not _LANG_TAG.fullmatch(tag):
            _fail(where, f"bad language tag {tag!r}")
        if not isinstance(text, str):
            _fail(where, f"text for {tag!r} must be a string")


def _extensions(value: Any, where: str, lookup: Any) -> None:
    if not isinstance(value, dict):
        _fail(where, "must be an object")
    for key, item in value.items():
        if lookup(key) is None:
            _fail(where, f"unknown extension {key!r}")
        check_json_value(item, f"{where}.{key}")


def validate_statement(statement: Any) -> None:
    """Check that ``statement`` is a Worktown xAPI 1.0.3 statement; ``ValueError`` naming the
    field and problem otherwise. Checks xAPI shape (what an LRS would reject) and our rules:
    pseudonymous account actor, vocabulary verbs/types/extensions only."""
    if not isinstance(statement, dict):
        _fail("", "statement must be a JSON object")
    extra = set(statement) - _TOP_KEYS
    if extra:
        _fail(sorted(extra)[0], "unexpected property")
    sid = statement.get("id")
    if not isinstance(sid, str) or not _UUID.fullmatch(sid):
        _fail("id", f"must be a lower-case UUID, not {sid!r}")
    stamp = statement.get("timestamp")
    if not isinstance(stamp, str) or not _TIMESTAMP.fullmatch(stamp):
        _fail("timestamp", f"must be ISO 8601 UTC with milliseconds, not {stamp!r}")
    if statement.get("version") != XAPI_VERSION:
        _fail("version", f"must be {XAPI_VERSION!r}")
    _validate_actor(statement.get("actor"))
    verb = statement.get("verb")
    if not isinstance(verb, dict) or not isinstance(verb.get("id"), str):
        _fail("verb", "must be an object with an id")
    if vocab.verb_name(verb["id"]) is None:
        _fail("verb.id", f"unknown verb {verb['id']!r}")
    if set(verb) - {"id", "display"}:
        _fail("verb", "unexpected property")
    if "display" in verb:
        _lang_map(verb["display"], "verb.display")
    _validate_object(statement.get("object"))
    if "result" in statement:
        _validate_result(statement["result"])
    if "context" in statement:
        _validate_context(statement["context"])


def _validate_actor(actor: Any) -> None:
    if not isinstance(actor, dict) or actor.get("objectType", "Agent") != "Agent":
        _fail("actor", "must be an Agent")
    for key in _FORBIDDEN_ACTOR_KEYS:
        if key in actor:
            _fail(f"actor.{key}", "personal identifiers are not allowed; use an account")
    account = actor.get("account")
    if not isinstance(account, dict) or set(account) != {"homePage", "name"}:
        _fail("actor.account", "must have exactly homePage and name")
    if not isinstance(account["homePage"], str) or not _IRI.fullmatch(account["homePage"]):
        _fail("actor.account.homePage", "must be an IRI")
    if not isinstance(account["name"], str) or not account["name"]:
        _fail("actor.account.name", "must be a non-empty player code")
    if set(actor) - {"objectType", "account"}:
        _fail("actor", "unexpected property")


def _validate_object(obj: Any) -> None:
    if not isinstance(obj, dict) or obj.get("objectType", "Activity") != "Activity":
        _fail("object", "must be an Activity")
    if not isinstance(obj.get("id"), str) or not _IRI.fullmatch(obj["id"]):
        _fail("object.id", "must be an IRI")
    if set(obj) - {"objectType", "id", "definition"}:
        _fail("object", "unexpected property")
    definition = obj.get("definition")
    if not isinstance(definition, dict):
        _fail("object.definition", "must be an object")
    if not isinstance(definition.get("type"), str):
        _fail("object.definition.type", "missing")
    if vocab.activity_type_name(definition["type"]) is None:
        _fail("object.definition.type", f"unknown activity type {definition['type']!r}")
    if "name" in definition:
        _lang_map(definition["name"], "object.definition.name")
    if set(definition) - {"type", "name", "description"}:
        _fail("object.definition", "unexpected property")


def _validate_result(result: Any) -> None:
    if not isinstance(result, dict):
        _fail("result", "must be an object")
    if set(result) - _RESULT_KEYS:
        _fail("result", f"unexpected property {sorted(set(result) - _RESULT_KEYS)[0]!r}")
    for key in ("success", "completion"):
        if key in result and not isinstance(result[key], bool):
            _fail(f"result.{key}", "must be true or false")
    if "score" in result:
        score = result["score"]
        scaled = score.get("scaled") if isinstance(score, dict) else None
        if (
            not isinstance(scaled, (int, float))
            or isinstance(scaled, bool)
            or not -1 <= scaled <= 1
            or set(score) - {"scaled", "raw", "min", "max"}
        ):
            _fail("result.score", "must be {scaled: number in [-1, 1]}")
    if "duration" in result and (
        not isinstance(result["duration"], str) or not _DURATION.fullmatch(result["duration"])
    ):
        _fail("result.duration", f"must be like 'PT183.2S', not {result['duration']!r}")
    if "response" in result and not isinstance(result["response"], str):
        _fail("result.response", "must be a string")
    if "extensions" in result:
        _extensions(result["extensions"], "result.extensions", vocab.extension_name)


def _validate_context(context: Any) -> None:
    if not isinstance(context, dict):
        _fail("context", "must be an object")
    if set(context) - _CONTEXT_KEYS:
        _fail("context", f"unexpected property {sorted(set(context) - _CONTEXT_KEYS)[0]!r}")
    reg = context.get("registration")
    if reg is not None and (not isinstance(reg, str) or not _UUID.fullmatch(reg)):
        _fail("context.registration", "must be a UUID")
    for key in ("platform", "revision"):
        if key in context and not isinstance(context[key], str):
            _fail(f"context.{key}", "must be a string")
    if "language" in context and (
        not isinstance(context["language"], str) or not _LANG_TAG.fullmatch(context["language"])
    ):
        _fail("context.language", "must be an RFC 5646 language tag")
    if "extensions" in context:
        _extensions(context["extensions"], "context.extensions", vocab.context_extension_name)
