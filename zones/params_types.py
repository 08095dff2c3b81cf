"""Typed challenge params: build a frozen dataclass from JSON by its type hints.

Called by the loader (through ``Mechanic.parse_params``) on each challenge's and each
level's params, by a mechanic given a plain dict (tests, tools), and by ``zones.schema``,
which turns the same hints into the JSON Schema for content authors. One description of
the params, three uses, so the check, the reader and the schema cannot drift.

Supported hints: ``int`` (not bool), ``float`` (an int is accepted), ``str``, ``bool``,
``Literal[...]``, ``tuple[X, ...]`` and ``list[X]`` (read as tuples), ``dict[str, X]``,
``X | None`` (a union of more is not checked), nested dataclasses, :data:`Text` (a
language map), :data:`Shape` and ``Annotated[X, Rule(...)]`` for bounds. A field named in
JSON by a Python keyword (``from``) says so with ``field(metadata=key("from"))``. Problems
are ``field.path: problem`` lines; a dataclass may add cross-field ones in a ``check()``
method, run once its fields are all well formed.
"""

from __future__ import annotations

import dataclasses
import re
import types
import typing
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeVar, Union, get_args, get_origin

from zones.content import SHAPES

T = TypeVar("T")


@dataclass(frozen=True)
class Rule:
    """Bounds on a value: ``ge``/``le`` on a number (on each number of a list),
    ``min_items``/``max_items`` on a list or map, ``pattern`` on a text. ``message``
    replaces the value's own problems (and, for a ``Three``, its entries') by one line in
    today's wording, e.g. ``must be three numbers ≥ 0, one per difficulty``."""

    ge: float | None = None
    le: float | None = None
    min_items: int | None = None
    max_items: int | None = None
    pattern: str | None = None
    message: str | None = None


@dataclass(frozen=True)
class OneOf:
    """Marks a text that must be one of ``values`` (a tuple defined once elsewhere)."""

    values: tuple[str, ...]


@dataclass(frozen=True)
class TextMark:
    """Marks :data:`Text`: a language map with a non-empty text in every shipped language."""


#: player-facing text written in the content: ``{"en": "...", "es": "..."}``
Text = Annotated[dict[str, str], TextMark()]
#: a token shape game/art.py draws (``zones.content.SHAPES``)
Shape = Annotated[str, OneOf(SHAPES)]
#: one value per difficulty (Easy, Medium, Hard)
Three = Annotated[tuple[T, T, T], Rule(min_items=3, max_items=3)]


def key(name: str) -> dict[str, str]:
    """Field metadata: the JSON key when it is not the Python name (``from``)."""
    return {"json": name}


def json_key(f: dataclasses.Field) -> str:
    """The JSON key of a dataclass field."""
    return str(f.metadata.get("json", f.name))


class ParamsError(ValueError):
    """Params that do not fit their dataclass; ``problems`` are ``field: problem`` lines."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


class _Build:
    """One conversion: the languages every text needs and the problems found."""

    def __init__(self, languages: tuple[str, ...]):
        self.languages = languages
        self.problems: list[str] = []

    def bad(self, path: str, problem: str) -> None:
        self.problems.append(f"{path}: {problem}")

    def value(self, hint: Any, data: Any, path: str) -> Any:
        """``data`` converted to ``hint``; on a problem, noted, returns ``_BAD``."""
        origin = get_origin(hint)
        if origin is Annotated:
            inner, *marks = get_args(hint)
            if any(isinstance(m, TextMark) for m in marks):
                return self.text(data, path)
            one_of = next((m for m in marks if isinstance(m, OneOf)), None)
            if one_of is not None:
                if isinstance(data, str) and data in one_of.values:
                    return data
                return self.fail(path, f"must be one of {one_of.values}")
            rule = _merged([m for m in marks if isinstance(m, Rule)])
            if rule.message is None:
                return self.ruled(inner, rule, data, path)
            before = len(self.problems)
            out = self.ruled(inner, rule, data, path)
            entries = r"(\[\d+\])?" if _fixed(inner) else ""  # a Three's entries too
            mine = re.compile(re.escape(path) + entries + ": ")
            own = [p for p in self.problems[before:] if mine.match(p)]
            if own:  # the value's own problem in today's words; its entries' stay
                deeper = [p for p in self.problems[before:] if p not in own]
                self.problems[before:] = [f"{path}: {rule.message}", *deeper]
            return out
        if dataclasses.is_dataclass(hint):
            return self.record(typing.cast(type, hint), data, path)
        if origin in (Union, types.UnionType):
            options = get_args(hint)
            if data is None and type(None) in options:
                return None
            others = [o for o in options if o is not type(None)]
            return self.value(others[0] if len(others) == 1 else Any, data, path)
        if origin is Literal:
            allowed = get_args(hint)
            if data in allowed and type(data) is type(allowed[allowed.index(data)]):
                return data
            return self.fail(path, f"must be one of {', '.join(repr(a) for a in allowed)}")
        if origin in (list, tuple):
            return self.items(hint, data, path)
        if origin is dict:
            if not isinstance(data, dict):
                return self.fail(path, "must be an object")
            _, value_hint = get_args(hint)
            out = {k: self.value(value_hint, v, f"{path}.{k}") for k, v in data.items()}
            return _BAD if any(v is _BAD for v in out.values()) else out
        return self.scalar(hint, data, path)

    def ruled(self, hint: Any, rule: Rule, data: Any, path: str) -> Any:
        out = self.value(hint, data, path)
        if out is _BAD:
            return out
        numbers = out if isinstance(out, tuple) else (out,)  # on a list: on each entry
        for x in numbers:
            if not isinstance(x, (int, float)) or isinstance(x, bool):
                continue
            if rule.ge is not None and x < rule.ge:
                return self.fail(path, f"must be ≥ {_num(rule.ge)}")
            if rule.le is not None and x > rule.le:
                return self.fail(path, f"must be ≤ {_num(rule.le)}")
        if isinstance(out, (tuple, dict)):
            if rule.min_items is not None and len(out) < rule.min_items:
                return self.fail(path, f"needs at least {rule.min_items}, has {len(out)}")
            if rule.max_items is not None and len(out) > rule.max_items:
                return self.fail(path, f"needs at most {rule.max_items}, has {len(out)}")
        if isinstance(out, str) and rule.pattern and not re.fullmatch(rule.pattern, out):
            return self.fail(path, f"'{out}' does not match {rule.pattern}")
        return out

    def items(self, hint: Any, data: Any, path: str) -> Any:
        if not isinstance(data, list):
            return self.fail(path, "must be a list")
        args = get_args(hint)
        if get_origin(hint) is tuple and not (len(args) == 2 and args[1] is Ellipsis):
            if len(data) != len(args):
                return self.fail(path, f"must be a list of {len(args)}, has {len(data)}")
            hints = list(args)
        else:
            hints = [args[0]] * len(data)
        out = tuple(
            self.value(h, v, f"{path}[{i}]")
            for i, (h, v) in enumerate(zip(hints, data, strict=True))
        )
        return _BAD if any(v is _BAD for v in out) else out

    def scalar(self, hint: Any, data: Any, path: str) -> Any:
        if hint is Any:
            return data
        if hint is bool:
            return data if isinstance(data, bool) else self.fail(path, "must be true or false")
        if hint is int:
            if isinstance(data, int) and not isinstance(data, bool):
                return data
            return self.fail(path, f"must be a whole number, got {_kind(data)}")
        if hint is float:
            if isinstance(data, (int, float)) and not isinstance(data, bool):
                return data
            return self.fail(path, f"must be a number, got {_kind(data)}")
        if hint is str:
            return (
                data
                if isinstance(data, str)
                else self.fail(path, f"must be text, got {_kind(data)}")
            )
        raise TypeError(f"params_types: unsupported hint {hint!r} at {path}")

    def text(self, data: Any, path: str) -> Any:
        if not isinstance(data, dict):
            return self.fail(path, "must be a language map")
        missing = [
            lang
            for lang in self.languages
            if not isinstance(data.get(lang), str) or not data.get(lang)
        ]
        for lang in missing:
            self.bad(path, f"language '{lang}' missing")
        return _BAD if missing else {str(k): v for k, v in data.items()}

    def record(self, cls: type, data: Any, path: str) -> Any:
        if not isinstance(data, dict):
            return self.fail(path, "must be an object")
        hints = typing.get_type_hints(cls, include_extras=True)
        fields = dataclasses.fields(cls)
        known = {json_key(f) for f in fields}
        prefix = f"{path}." if path else ""
        unknown = [name for name in data if name not in known]
        for name in data:
            if name not in known:
                self.bad(f"{prefix}{name}", f"unknown field (known: {', '.join(sorted(known))})")
        values: dict[str, Any] = {}
        for f in fields:
            name = json_key(f)
            if name in data:
                values[f.name] = self.value(hints[f.name], data[name], prefix + name)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                text = _is_text(hints[f.name])  # today's words for a missing language map
                values[f.name] = self.fail(
                    prefix + name, "must be a language map (missing)" if text else "missing"
                )
        if unknown or any(v is _BAD for v in values.values()):
            return _BAD
        out = cls(**values)
        check = getattr(out, "check", None)
        if check is not None:
            found = list(check())
            if found:
                self.problems += [f"{prefix}{p}" for p in found]
                return _BAD
        return out

    def fail(self, path: str, problem: str) -> Any:
        self.bad(path, problem)
        return _BAD


class _Bad:
    def __repr__(self) -> str:
        return "<bad>"


_BAD: Any = _Bad()


def _is_text(hint: Any) -> bool:
    return get_origin(hint) is Annotated and any(
        isinstance(m, TextMark) for m in get_args(hint)[1:]
    )


def _fixed(hint: Any) -> bool:
    """A fixed-length tuple hint (``Three``), not ``tuple[X, ...]``."""
    while get_origin(hint) is Annotated:
        hint = get_args(hint)[0]
    args = get_args(hint)
    return get_origin(hint) is tuple and not (len(args) == 2 and args[1] is Ellipsis)


def _merged(rules: list[Rule]) -> Rule:
    """Nested ``Annotated`` rules as one (the outer one's settings win)."""
    out: dict[str, Any] = {}
    for rule in rules:
        out.update({k: v for k, v in dataclasses.asdict(rule).items() if v is not None})
    return Rule(**out)


def _kind(value: Any) -> str:
    names = {dict: "an object", list: "a list", str: "text", bool: "true/false"}
    return "null" if value is None else names.get(type(value), type(value).__name__)


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else str(x)


def parse(cls: type[T], data: Any, languages: tuple[str, ...]) -> tuple[T | None, list[str]]:
    """``data`` (parsed JSON) as a ``cls`` instance, or None and the problems found."""
    build = _Build(languages)
    out = build.record(cls, data, "")
    return (None if out is _BAD else out), build.problems


def build(cls: type[T], data: Any, languages: tuple[str, ...]) -> T:
    """``data`` as a ``cls``; raises :class:`ParamsError` naming every problem."""
    out, problems = parse(cls, data, languages)
    if out is None:
        raise ParamsError(problems)
    return out


def to_json(value: Any) -> Any:
    """A params instance back as JSON data (the keys the file uses)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {json_key(f): to_json(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    return value
