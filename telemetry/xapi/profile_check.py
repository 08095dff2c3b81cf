"""Checking statements against the Worktown xAPI Profile (``assets/xapi/worktown-profile.jsonld``).

:func:`load_profile_checker` reads the profile document once and compiles one JSON Schema
(``jsonschema``) per statement template: the template's rules (JSONPath locations with
``presence`` / ``any`` / ``all`` / ``none``), plus what the profile's concepts say (a
result extension must be a ``ResultExtension`` of the profile and its value must follow
the concept's ``inlineSchema``; likewise context extensions). :meth:`ProfileChecker.check`
finds the one template whose determining properties (verb, object activity type) the
statement has and raises :class:`ProfileError` ("template: field: problem") if none does or
its schema fails. :meth:`ProfileChecker.check_sessions` checks the primary pattern per
registration. Called by tests (every statement built, via ``tests/conftest.py``), by
importers and tools; touches nothing but the profile file, read once per checker.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, best_match

from telemetry.xapi import vocab
from telemetry.xapi.profile_doc import PROFILE_FILE

_SEGMENT = re.compile(r"\.([A-Za-z_][A-Za-z0-9_]*)|\['([^']+)'\]|\[(\*|\d+)\]")


class ProfileError(ValueError):
    """A statement (or session) that does not follow the profile; the message names the
    template and the field."""


def parse_location(location: str) -> list[str | int]:
    """JSONPath subset of the profile spec (child names, ``['key']``, ``[n]``, ``[*]``) ->
    segments; ``"*"`` for every member. ``ValueError`` on anything else."""
    if not location.startswith("$"):
        raise ValueError(f"location {location!r} must start with $")
    segments: list[str | int] = []
    pos = 1
    while pos < len(location):
        match = _SEGMENT.match(location, pos)
        if match is None:
            raise ValueError(f"location {location!r}: cannot read from {location[pos:]!r}")
        name, key, index = match.groups()
        if index is not None:
            segments.append("*" if index == "*" else int(index))
        else:
            segments.append(name if name is not None else key)
        pos = match.end()
    return segments


def _wrap(
    segments: list[str | int], leaf: dict[str, Any], *, must: bool, some: bool
) -> dict[str, Any]:
    """Schema that applies ``leaf`` at ``segments``; ``must``: every step must exist;
    ``some``: across ``[*]``, one member suffices (``any``) rather than all of them."""
    if not segments:
        return leaf
    head, rest = segments[0], segments[1:]
    inner = _wrap(rest, leaf, must=must, some=some)
    if head == "*":
        if some:
            return {"type": "array", "contains": inner}
        return {"type": "array", "items": inner, **({"minItems": 1} if must else {})}
    if isinstance(head, int):
        schema: dict[str, Any] = {"prefixItems": [{}] * head + [inner]}
        return {"type": "array", "minItems": head + 1, **schema} if must else schema
    schema = {"properties": {head: inner}}
    return {"type": "object", "required": [head], **schema} if must else schema


def rule_schema(rule: Mapping[str, Any]) -> dict[str, Any]:
    """One Statement Template Rule as a JSON Schema (profile spec section 8.1)."""
    segments = parse_location(str(rule["location"]))
    presence = rule.get("presence")
    parts: list[dict[str, Any]] = []
    if presence == "excluded":
        last = segments[-1]
        if not isinstance(last, str) or last == "*":
            raise ValueError(f"excluded location {rule['location']!r} must end in a name")
        parts.append(
            _wrap(segments[:-1], {"properties": {last: {"not": {}}}}, must=False, some=False)
        )
    must = presence == "included" or (
        presence != "recommended" and ("any" in rule or "all" in rule)
    )
    if presence == "included":
        parts.append(_wrap(segments, {}, must=True, some=True))
    if "any" in rule:
        parts.append(_wrap(segments, {"enum": list(rule["any"])}, must=must, some=True))
    if "all" in rule:
        parts.append(_wrap(segments, {"enum": list(rule["all"])}, must=must, some=False))
    if "none" in rule:
        parts.append(_wrap(segments, {"not": {"enum": list(rule["none"])}}, must=False, some=False))
    merged: dict[str, Any] = {}
    for part in parts:  # none: a recommendation only, nothing to enforce
        merged = merge_schemas(merged, part)
    return merged


def merge_schemas(a: Mapping[str, Any], b: Mapping[str, Any]) -> dict[str, Any]:
    """One schema requiring both ``a`` and ``b``: nested ``properties`` and ``required``
    merged (far faster to validate than an ``allOf`` of many paths); other keywords that
    differ go into ``allOf``."""
    out = dict(a)
    for key, value in b.items():
        if key not in out or out[key] == value:
            out[key] = value
        elif key == "properties":
            props = dict(out[key])
            for name, sub in value.items():
                both = name in props and isinstance(props[name], dict) and isinstance(sub, dict)
                props[name] = merge_schemas(props[name], sub) if both else sub
            out[key] = props
        elif key == "required":
            out[key] = list(dict.fromkeys([*out[key], *value]))
        elif key == "allOf":
            out[key] = [*out[key], *value]
        else:
            out["allOf"] = [*out.get("allOf", []), {key: value}]
    return out


@dataclass(frozen=True)
class _Node:
    """Part of a template's schema: either split by property (``children``, when the
    schema is only ``type``/``required``/``properties``) or checked whole (``validator``)."""

    path: str
    required: tuple[str, ...] = ()
    is_object: bool = False
    children: tuple[tuple[str, _Node], ...] | None = None
    validator: Draft202012Validator | None = None
    closed: frozenset[str] | None = None  # additionalProperties false: the only keys


_SPLITTABLE = {"type", "required", "properties", "additionalProperties"}
_SCALARS = frozenset({str, int, float, bool, type(None)})


def _split(schema: dict[str, Any], path: str, depth: int) -> _Node:
    if (
        depth > 0
        and "properties" in schema
        and not set(schema) - _SPLITTABLE
        and schema.get("additionalProperties", False) is False
        and schema.get("type", "object") == "object"
    ):
        children = tuple(
            (key, _split(sub, f"{path}.{key}", depth - 1))
            for key, sub in schema["properties"].items()
            if sub != {}
        )  # {}: anything goes (an id, a timestamp merely required)
        closed = frozenset(schema["properties"]) if "additionalProperties" in schema else None
        return _Node(
            path,
            tuple(schema.get("required", ())),
            schema.get("type") == "object",
            children,
            closed=closed,
        )
    return _Node(path, validator=Draft202012Validator(schema))


@dataclass(frozen=True)
class CompiledTemplate:
    """One template's schema, whole (for the message) and split three levels deep by
    property (``root``), so the blocks statements share (actor, context, verb, object,
    context activities, each extension's value) are validated once per distinct content,
    not once per statement."""

    name: str
    validator: Draft202012Validator
    root: _Node


def _compile_template(name: str, schema: dict[str, Any]) -> CompiledTemplate:
    # not meta-validated here (0.4 s for all): built by rule_schema from checked parts
    return CompiledTemplate(name, Draft202012Validator(schema), _split(schema, "", 3))


@dataclass
class ProfileChecker:
    """The compiled profile: one template per (verb IRI, object type IRI). Build with
    :func:`load_profile_checker`; :meth:`check` may be called from any thread."""

    version: str
    templates: dict[tuple[str, str], CompiledTemplate]
    pattern: re.Pattern[str]
    tokens: dict[str, str]
    end_token: str
    checked: int = field(default=0)
    _valid_parts: set[tuple[str, str, Any]] = field(default_factory=set, repr=False)

    _CACHE_LIMIT = 100_000

    def _node_valid(self, name: str, node: _Node, value: Any) -> bool:
        if node.children is None:
            assert node.validator is not None
            kind = type(value)
            if kind in _SCALARS:  # the memo key keeps 1, 1.0 and True apart
                key: Any = (kind, value)
            else:
                try:
                    key = json.dumps(value, allow_nan=False)
                except (TypeError, ValueError):
                    return False  # not plain JSON: the whole schema names the problem
            memo = (name, node.path, key)
            if memo in self._valid_parts:
                return True
            if not node.validator.is_valid(value):
                return False
            if len(self._valid_parts) >= self._CACHE_LIMIT:
                self._valid_parts.clear()
            self._valid_parts.add(memo)
            return True
        if type(value) is not dict:
            if isinstance(value, Mapping):
                value = dict(value)
            else:
                return not node.is_object  # properties/required apply to objects only
        for key in node.required:
            if key not in value:
                return False
        if node.closed is not None and not node.closed.issuperset(value):
            return False
        for key, child in node.children:
            if key in value and not self._node_valid(name, child, value[key]):
                return False
        return True

    def _is_valid(self, template: CompiledTemplate, statement: Mapping[str, Any]) -> bool:
        return self._node_valid(template.name, template.root, statement)

    def template_of(self, statement: Mapping[str, Any]) -> str:
        """Name of the template ``statement`` follows; :class:`ProfileError` otherwise."""
        verb = _get(statement, "verb", "id")
        atype = _get(statement, "object", "definition", "type")
        found = self.templates.get((str(verb), str(atype)))
        if found is None:
            if vocab.verb_name(str(verb)) is None:
                raise ProfileError(f"verb.id: unknown verb {verb!r} (not in the profile)")
            raise ProfileError(
                f"no statement template for {vocab.verb_name(str(verb))} on "
                f"{vocab.activity_type_name(str(atype)) or atype!r}"
            )
        self.checked += 1
        if not self._is_valid(found, statement):
            error = best_match(found.validator.iter_errors(statement))
            if error is None:  # the fast path and the whole schema disagree: a bug here
                raise ProfileError(f"template {found.name}: statement is not plain JSON")
            where = ".".join(_short(p) for p in error.absolute_path) or "statement"
            raise ProfileError(f"template {found.name}: {where}: {_problem(error)}")
        return found.name

    def check(self, statement: Mapping[str, Any]) -> None:
        """Raise :class:`ProfileError` unless ``statement`` follows one template."""
        self.template_of(statement)

    def check_sessions(
        self, statements: Iterable[Mapping[str, Any]], *, allow_open: bool = True
    ) -> list[str]:
        """Problems with the primary pattern, one line per registration that breaks it
        (empty list: all sessions follow it). A session with no end yet is a problem only
        when ``allow_open`` is false."""
        sessions: dict[str, list[str]] = {}
        for statement in statements:
            registration = str(_get(statement, "context", "registration"))
            name = self.template_of(statement)
            sessions.setdefault(registration, []).append(name)
        problems = []
        for registration, names in sessions.items():
            text = "".join(self.tokens[n] for n in names)
            if self.pattern.fullmatch(text):
                continue
            if self.pattern.fullmatch(text + self.end_token):
                if not allow_open:
                    problems.append(f"session {registration}: not ended (no session-end)")
                continue
            problems.append(
                f"session {registration}: {' -> '.join(names)} does not follow "
                "session-start, ..., session-end"
            )
        return problems


def _get(value: Any, *keys: str) -> Any:
    for key in keys:
        value = value.get(key) if isinstance(value, Mapping) else None
    return value


def _short(part: str | int) -> str:
    if isinstance(part, int):
        return str(part)
    return vocab.extension_name(part) or vocab.context_extension_name(part) or part


def _problem(error: Any) -> str:
    if error.validator == "required" and isinstance(error.instance, Mapping):
        missing = [k for k in error.validator_value if k not in error.instance]
        return "missing " + ", ".join(_short(k) for k in missing)
    if error.validator == "additionalProperties":
        return "unknown extension (not in the profile)"
    if error.validator == "not":  # an excluded field (never echo its value: a name?)
        return "must not be there"
    return str(error.message)


def _extensions_schema(concepts: list[Mapping[str, Any]], kind: str) -> dict[str, Any]:
    """The schema of ``result``/``context`` ``extensions``: only the profile's extensions
    of ``kind``, each value following its concept's ``inlineSchema`` (checked to be a
    JSON Schema: ``SchemaError`` otherwise)."""
    props = {}
    for concept in concepts:
        if concept.get("type") == kind:
            inline = json.loads(str(concept.get("inlineSchema") or "{}"))
            Draft202012Validator.check_schema(inline)
            props[str(concept["id"])] = inline
    return {"type": "object", "properties": props, "additionalProperties": False}


def _pattern_regex(
    patterns: Mapping[str, Mapping[str, Any]], tokens: Mapping[str, str], node: str
) -> str:
    if node in tokens:
        return re.escape(tokens[node])
    pattern = patterns[node]

    def sub(n: str) -> str:
        return _pattern_regex(patterns, tokens, n)

    if "sequence" in pattern:
        return "".join(sub(str(n)) for n in pattern["sequence"])
    if "alternates" in pattern:
        return "(?:" + "|".join(sub(str(n)) for n in pattern["alternates"]) + ")"
    for key, suffix in (("zeroOrMore", "*"), ("oneOrMore", "+"), ("optional", "?")):
        if key in pattern:
            return "(?:" + sub(str(pattern[key])) + ")" + suffix
    raise ValueError(f"pattern {node}: no sequence/alternates/zeroOrMore/oneOrMore/optional")


def compile_profile(profile: Mapping[str, Any]) -> ProfileChecker:
    """Compile a profile document (as read from JSON). ``ValueError`` naming the part of
    the profile that cannot be compiled."""
    version = str(profile["versions"][0]["id"])
    concepts = list(profile.get("concepts", []))
    result_ext = _extensions_schema(concepts, "ResultExtension")
    context_ext = _extensions_schema(concepts, "ContextExtension")
    common = {
        "properties": {
            "result": {"properties": {"extensions": result_ext}},
            "context": {"properties": {"extensions": context_ext}},
        }
    }
    templates: dict[tuple[str, str], CompiledTemplate] = {}
    tokens: dict[str, str] = {}
    names: dict[str, str] = {}
    for number, template in enumerate(profile.get("templates", [])):
        iri = str(template["id"])
        name = iri.rsplit("/", 1)[-1]
        key = (str(template["verb"]), str(template["objectActivityType"]))
        if key in templates:
            raise ValueError(f"profile: templates {templates[key].name} and {name} share {key}")
        schema: dict[str, Any] = common
        for rule in template.get("rules", []):
            schema = merge_schemas(schema, rule_schema(rule))
        templates[key] = _compile_template(name, schema)
        tokens[iri] = chr(0x100 + number)
        names[iri] = name
    patterns = {str(p["id"]): p for p in profile.get("patterns", [])}
    primary = [iri for iri, p in patterns.items() if p.get("primary")]
    if len(primary) != 1:
        raise ValueError(f"profile: expected one primary pattern, found {len(primary)}")
    end = patterns[primary[0]]["sequence"][-1]
    return ProfileChecker(version=version, templates=templates,
                          pattern=re.compile(_pattern_regex(patterns, tokens, primary[0])),
                          tokens={names[i]: t for i, t in tokens.items()},
                          end_token=tokens[str(end)])  # fmt: skip


@lru_cache(maxsize=4)
def load_profile_checker(path: Path = PROFILE_FILE) -> ProfileChecker:
    """The checker for the profile file at ``path`` (read and compiled once per path).
    ``ValueError`` with the file name if it cannot be read or compiled."""
    try:
        profile = json.loads(Path(path).read_text(encoding="utf-8"))
        return compile_profile(profile)
    except SchemaError as exc:
        raise ValueError(
            f"{path}: cannot use the xAPI profile: an extension's inlineSchema "
            f"is not a JSON Schema ({exc.message})"
        ) from None
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ValueError(f"{path}: cannot use the xAPI profile: {first}") from None
