"""The JSON Schema of a challenge file, generated from the typed params.

Called by ``python -m zones.schema`` (which writes ``zones/schema/challenge.schema.json``
for content authors and their editors) and by the test that the committed file is what
the code generates. The params of each mechanic (and each mode) come from the same
dataclasses the loader builds (``zones.params_types``); the envelope around them from
:class:`ChallengeFile`. A mechanic not typed yet has open ``params`` (any object).
"""

from __future__ import annotations

import copy
import dataclasses
import inspect
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from zones.checker import IDENT
from zones.content import LEVEL_KINDS
from zones.loader import SOC
from zones.params_types import OneOf, Rule, Text, TextMark, _merged, json_key

#: where ``python -m zones.schema`` writes the schema
SCHEMA_PATH = Path(__file__).with_name("challenge.schema.json")

SocCode = Annotated[str, Rule(pattern=SOC.pattern)]
Ident = Annotated[str, Rule(pattern=IDENT.pattern)]
Title = Annotated[Text, Rule(max_items=40)]


@dataclass(frozen=True)
class LevelFile:
    """One level: its ``kind``, a ``title`` of at most 40 characters, the ``brief`` shown
    while it plays and ``params`` laid over the challenge's params."""

    kind: Literal["tutorial", "job", "twist", "extra"]
    title: Title
    brief: Text
    params: dict[str, Any]


@dataclass(frozen=True)
class ChallengeFile:
    """A challenge file (``zones/data/challenges/<id>.json``, the id is the file name)."""

    id: Ident
    district: str
    mechanic: str
    title: Title
    goal: Text
    intro: Text
    occupations: Annotated[tuple[SocCode, ...], Rule(min_items=1, max_items=3)]
    skills: tuple[str, ...]
    competences: tuple[str, ...]
    pathway: Text
    minutes: Annotated[int, Rule(ge=3, le=5)]
    params: dict[str, Any]
    levels: Annotated[tuple[LevelFile, ...], Rule(min_items=3, max_items=3)] = ()
    extra_shift: LevelFile | None = None
    next_step: Text | None = None


class _Schema:
    """One generation: the ``$defs`` met so far and the languages every text needs."""

    def __init__(self, languages: tuple[str, ...]):
        self.languages = languages
        self.defs: dict[str, Any] = {}
        self.owner: dict[str, type] = {}

    def of(self, hint: Any) -> dict[str, Any]:
        origin = get_origin(hint)
        if origin is Annotated:
            inner, *marks = get_args(hint)
            one_of = next((m for m in marks if isinstance(m, OneOf)), None)
            if one_of is not None:
                return {"enum": list(one_of.values)}
            if any(isinstance(m, TextMark) for m in marks):
                out = self.text()
                rule = _merged([m for m in marks if isinstance(m, Rule)])
                if rule.max_items:  # a short text: each language at most that long
                    for lang in self.languages:
                        out["properties"][lang]["maxLength"] = rule.max_items
                return out
            out = dict(self.of(inner))
            rule = _merged([m for m in marks if isinstance(m, Rule)])
            names = {
                "array": ("minItems", "maxItems"),
                "object": ("minProperties", "maxProperties"),
            }
            low, high = names.get(out.get("type", ""), ("minItems", "maxItems"))
            numbers: dict[str, Any] = out["items"] if out.get("type") == "array" else out
            for name, value in (("minimum", rule.ge), ("maximum", rule.le)):
                if value is not None:
                    numbers[name] = value
            bounds: tuple[tuple[str, Any], ...] = (
                (low, rule.min_items),
                (high, rule.max_items),
                ("pattern", f"^(?:{rule.pattern})$" if rule.pattern else None),
            )
            for key, bound in bounds:
                if bound is not None:
                    out[key] = bound
            if rule.message:
                out["description"] = rule.message
            return out
        if dataclasses.is_dataclass(hint):
            return {"$ref": f"#/$defs/{self.record(typing.cast(type, hint))}"}
        if origin in (Union, types.UnionType):
            options = [self.of(o) for o in get_args(hint) if o is not type(None)]
            if type(None) in get_args(hint):
                options.append({"type": "null"})
            return options[0] if len(options) == 1 else {"anyOf": options}
        if origin is Literal:
            values = list(get_args(hint))
            return {"const": values[0]} if len(values) == 1 else {"enum": values}
        if origin in (list, tuple):
            args = get_args(hint)
            if origin is tuple and not (len(args) == 2 and args[1] is Ellipsis):
                return {
                    "type": "array",
                    "items": self.of(args[0]),
                    "minItems": len(args),
                    "maxItems": len(args),
                }
            return {"type": "array", "items": self.of(args[0])}
        if origin is dict:
            return {"type": "object", "additionalProperties": self.of(get_args(hint)[1])}
        simple = {bool: "boolean", int: "integer", float: "number", str: "string"}
        if hint in simple:
            return {"type": simple[hint]}
        if hint is Any:
            return {}
        raise TypeError(f"zones.schema: no schema for {hint!r}")

    def text(self) -> dict[str, Any]:
        return {
            "type": "object",
            "description": "a language map: a non-empty text in every language",
            "properties": {lang: {"type": "string", "minLength": 1} for lang in self.languages},
            "required": list(self.languages),
            "additionalProperties": {"type": "string"},
        }

    def params(self, mode: str, cls: type | None, partial: bool = False) -> dict[str, Any]:
        """The params of one mode: its dataclass, or any object naming the mode while the
        mode is still read as a dict."""
        if cls is not None:
            return {"$ref": f"#/$defs/{self.record(cls, partial)}"}
        if partial:
            return {"type": "object"}
        return {"type": "object", "properties": {"mode": {"const": mode}}, "required": ["mode"]}

    def record(self, cls: type, partial: bool = False) -> str:
        """The ``$defs`` name of ``cls`` (a level's params: ``partial``, nothing required)."""
        name = cls.__name__ + ("Level" if partial else "")
        if name in self.defs:
            if self.owner[name] is not cls:
                raise TypeError(f"zones.schema: two params classes are named {cls.__name__}")
            return name
        self.owner[name] = cls
        self.defs[name] = {}  # a placeholder while its fields are made
        hints = typing.get_type_hints(cls, include_extras=True)
        props: dict[str, Any] = {}
        required = []
        for f in dataclasses.fields(cls):
            prop = self.of(hints[f.name])
            if f.default is not dataclasses.MISSING:
                prop = {**prop, "default": _plain(f.default)}
            elif f.default_factory is dataclasses.MISSING:
                required.append(json_key(f))
            props[json_key(f)] = prop
        doc = inspect.cleandoc(cls.__doc__ or "")
        self.defs[name] = {
            "type": "object",
            "description": " ".join(doc.split()),
            "properties": props,
            **({"required": required} if required and not partial else {}),
            "additionalProperties": False,
        }
        return name


def _plain(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def challenge_schema(mechanics: dict[str, Any], languages: tuple[str, ...]) -> dict[str, Any]:
    """The schema of a challenge file for these ``mechanics`` ({name: Mechanic class})."""
    gen = _Schema(languages)
    top = gen.defs[gen.record(ChallengeFile)]
    top["properties"]["mechanic"] = {"enum": sorted(mechanics)}
    kinds = [{"properties": {"kind": {"const": k}}} for k in LEVEL_KINDS]
    top["properties"]["levels"]["prefixItems"] = kinds
    rules = []
    for name in sorted(mechanics):
        models = mechanics[name].param_models()
        if not models:
            continue
        full = [gen.params(mode, m) for mode, m in models.items()]
        is_mechanic = {"properties": {"mechanic": {"const": name}}, "required": ["mechanic"]}
        rules.append(
            {
                "if": is_mechanic,
                "then": {"properties": {"params": full[0] if len(full) == 1 else {"oneOf": full}}},
            }
        )
        for mode, model in models.items():  # a level's params: the keys it lays over
            if model is None:
                continue
            level = {"properties": {"params": gen.params(mode, model, partial=True)}}
            when: dict[str, Any] = copy.deepcopy(is_mechanic)
            if mode:
                when["properties"]["params"] = {"properties": {"mode": {"const": mode}}}
            rules.append(
                {
                    "if": when,
                    "then": {"properties": {"levels": {"items": level}, "extra_shift": level}},
                }
            )
    defs = {k: v for k, v in sorted(gen.defs.items()) if k != "ChallengeFile"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://worktown.example/schema/challenge.schema.json",
        "title": "Worktown challenge",
        **top,
        "allOf": rules,
        "$defs": defs,
    }


def generate() -> dict[str, Any]:
    """The schema for the registered mechanics and the shipped languages."""
    from telemetry.words import languages
    from zones.challenges import registry

    return challenge_schema(dict(registry.MECHANICS), languages())


def render(schema: dict[str, Any]) -> str:
    """The schema as the committed file's text."""
    import json

    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
