"""A small JSON Schema validator for the subset Worktown's export schemas use.

Supported keywords: ``type`` (one or a list), ``properties``, ``required``,
``additionalProperties`` (bool or schema), ``items``, ``minItems``, ``maxItems``, ``enum``,
``const``, ``minimum``, ``maximum``, ``pattern``, ``maxLength`` and local ``$ref``
(``#/$defs/...``). Any other keyword raises ``ValueError`` when the schema is used, so
the schema cannot silently say more than is checked. Written instead of depending on
``jsonschema`` to keep the install small for school PCs.

Called by :mod:`telemetry.report.json_export` on every write and read; touches nothing.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from telemetry.xapi.safe_read import printable

__all__ = ["schema_problem", "KNOWN_KEYWORDS"]

KNOWN_KEYWORDS = frozenset(
    {
        "type",
        "properties",
        "required",
        "additionalProperties",
        "items",
        "minItems",
        "maxItems",
        "enum",
        "const",
        "minimum",
        "maximum",
        "pattern",
        "maxLength",
        "$ref",
        "$schema",
        "$id",
        "$defs",
        "title",
        "description",
    }
)

_TYPES: Mapping[str, Any] = {
    "object": dict,
    "array": list,
    "string": str,
    "boolean": bool,
    "null": type(None),
    "integer": int,
    "number": (int, float),
}


def _is(value: Any, kind: str) -> bool:
    if kind in ("integer", "number") and isinstance(value, bool):
        return False
    if kind == "integer" and isinstance(value, float):
        return value.is_integer()
    return isinstance(value, _TYPES[kind])


def _resolve(root: Mapping[str, Any], ref: str) -> Mapping[str, Any]:
    if not ref.startswith("#/"):
        raise ValueError(f"schema: only local $ref is supported, not {ref!r}")
    node: Any = root
    for part in ref[2:].split("/"):
        node = node[part]
    if not isinstance(node, Mapping):
        raise ValueError(f"schema: {ref!r} is not an object")
    return node


def _where(path: str) -> str:
    return printable(path) or "(top)"


def _check(value: Any, schema: Mapping[str, Any], root: Mapping[str, Any], path: str) -> str | None:
    unknown = set(schema) - KNOWN_KEYWORDS
    if unknown:
        raise ValueError(f"schema: unsupported keyword {sorted(unknown)[0]!r}")
    if "$ref" in schema:
        return _check(value, _resolve(root, schema["$ref"]), root, path)
    if "const" in schema and value != schema["const"]:
        return f"{_where(path)}: must be {schema['const']!r}"
    if "enum" in schema and value not in schema["enum"]:
        return f"{_where(path)}: {value!r} is not one of {schema['enum']}"
    kinds = schema.get("type")
    if kinds is not None:
        kinds = [kinds] if isinstance(kinds, str) else kinds
        if not any(_is(value, k) for k in kinds):
            return f"{_where(path)}: must be {' or '.join(kinds)}, not {type(value).__name__}"
    if _is(value, "number"):
        if "minimum" in schema and value < schema["minimum"]:
            return f"{_where(path)}: {value} is below {schema['minimum']}"
        if "maximum" in schema and value > schema["maximum"]:
            return f"{_where(path)}: {value} is above {schema['maximum']}"
    if isinstance(value, str):
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            return f"{_where(path)}: longer than {schema['maxLength']} characters"
        if "pattern" in schema and not re.search(schema["pattern"], value):
            return f"{_where(path)}: {value[:40]!r} does not match {schema['pattern']}"
    if isinstance(value, list):
        if "minItems" in schema and len(value) < schema["minItems"]:
            return f"{_where(path)}: needs at least {schema['minItems']} items"
        if "maxItems" in schema and len(value) > schema["maxItems"]:
            return f"{_where(path)}: at most {schema['maxItems']} items"
        if "items" in schema:
            for i, item in enumerate(value):
                problem = _check(item, schema["items"], root, f"{path}[{i}]")
                if problem:
                    return problem
    if isinstance(value, dict):
        for key in schema.get("required", ()):
            if key not in value:
                return f"{_where(path)}: missing {key!r}"
        props = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, item in value.items():
            sub = f"{path}.{key}" if path else str(key)
            if key in props:
                problem = _check(item, props[key], root, sub)
            elif extra is False:
                problem = f"{_where(sub)}: unexpected property"
            elif isinstance(extra, Mapping):
                problem = _check(item, extra, root, sub)
            else:
                problem = None
            if problem:
                return problem
    return None


def schema_problem(value: Any, schema: Mapping[str, Any]) -> str | None:
    """The first way ``value`` breaks ``schema`` as ``"<json path>: <problem>"``, or None."""
    return _check(value, schema, schema, "")
