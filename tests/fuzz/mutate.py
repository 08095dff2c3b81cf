"""Shared hypothesis strategies for the fuzz tests: JSON values and mutations of real files.

A mutation takes a parsed JSON document and changes one place in it (delete a key or an
item, replace a value with a random JSON value, or change its type), or damages the bytes
(truncate, insert random bytes). Used by every module in tests/fuzz/.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: fast and deterministic enough for CI: ~50 examples each, no deadline (CI is slow)
FUZZ = settings(max_examples=50, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**20, 10**20), st.just(10**400),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)), max_leaves=6)


def paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in a JSON document, as a tuple of keys/indices (the root is ())."""
    out = [prefix]
    if isinstance(doc, dict):
        for key, value in doc.items():
            out += paths(value, prefix + (key,))
    elif isinstance(doc, list):
        for i, value in enumerate(doc):
            out += paths(value, prefix + (i,))
    return out


def mutate_doc(data: st.DataObject, doc: Any) -> Any:
    """One structural change somewhere in a copy of ``doc``."""
    doc = copy.deepcopy(doc)
    where = data.draw(st.sampled_from(paths(doc)[1:] or [()]), label="where")
    action = data.draw(st.sampled_from(["delete", "replace", "retype"]), label="action")
    if not where:
        return data.draw(json_values, label="root")
    parent = doc
    for key in where[:-1]:
        parent = parent[key]
    last = where[-1]
    if action == "delete":
        del parent[last]
    elif action == "replace":
        parent[last] = data.draw(json_values, label="value")
    else:
        value = parent[last]
        parent[last] = [value] if not isinstance(value, list) else {"x": value}
    return doc


def mutate_bytes(data: st.DataObject, raw: bytes) -> bytes:
    """Truncate, insert random bytes into, or flip bytes of ``raw``."""
    action = data.draw(st.sampled_from(["truncate", "insert", "flip"]), label="byte action")
    at = data.draw(st.integers(0, len(raw)), label="at")
    if action == "truncate":
        return raw[:at]
    junk = data.draw(st.binary(min_size=1, max_size=8), label="junk")
    if action == "insert":
        return raw[:at] + junk + raw[at:]
    return raw[:at] + junk + raw[at + len(junk):]


def damaged(data: st.DataObject, doc: Any) -> bytes:
    """Either a structurally mutated document or damaged bytes of the original."""
    if data.draw(st.booleans(), label="structural"):
        return json.dumps(mutate_doc(data, doc), ensure_ascii=False).encode("utf-8")
    return mutate_bytes(data, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
