"""Shared hypothesis strategies for the fuzz tests: JSON values and mutations of real files.

A mutation takes a parsed JSON document and changes one place in it (delete a key or an
item, replace a value with a random JSON value, or change its type; the place may be the
whole document), or damages the bytes (truncate, insert random bytes, nest far too deep,
make a number 5,000 digits long).
Used by every module in tests/fuzz/.

Every fuzz body becomes two tests with :func:`fuzz_tests`: ``fixed`` (derandomized, the
same inputs every run) and ``fresh`` (a new random seed every run, printed with the
failure; ``FUZZ_SEED=N`` replays it). ``FUZZ_EXAMPLES=N`` sets the examples per test.
"""

from __future__ import annotations

import copy
import functools
import json
import os
import secrets
from collections.abc import Callable
from typing import Any

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st


def examples() -> int:
    """Examples per fuzz test (each body runs twice: fixed and fresh); CI total under 60 s."""
    return int(os.environ.get("FUZZ_EXAMPLES") or 150)


def fuzz_settings(*, fresh: bool) -> settings:
    """Settings of one variant: no deadline (CI is slow), no example database (a fixed run
    must not replay yesterday's failures, a fresh run must be its seed alone)."""
    return settings(
        max_examples=examples(),
        deadline=None,
        derandomize=not fresh,
        database=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


def fuzz_tests(body: Callable[..., None]) -> tuple[Callable[..., None], Callable[..., None]]:
    """``test_x, test_x_fresh = fuzz_tests(_x)``: the body (its last argument ``data``) as a
    derandomized test and as a test with a fresh seed per run (the seed is printed)."""
    fixed = fuzz_settings(fresh=False)(given(data=st.data())(body))
    inner = fuzz_settings(fresh=True)(given(data=st.data())(body))

    @functools.wraps(inner)
    def fresh(*args: Any, **kwargs: Any) -> None:
        value = int(os.environ.get("FUZZ_SEED") or secrets.randbits(32))
        print(f"fuzz seed {value}: replay with FUZZ_SEED={value}")
        seed(value)(inner)
        try:
            inner(*args, **kwargs)
        except BaseException as exc:
            exc.add_note(
                f"fuzz seed {value}: replay with FUZZ_SEED={value} pytest {body.__module__}"
            )
            raise

    return fixed, fresh


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.just(10**400),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
#: how deep a "too deeply nested" document goes (the last is past Python's recursion limit)
DEPTHS = (40, 200, 2_000, 100_000)


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
    """One structural change somewhere in a copy of ``doc`` (now and then the whole of it)."""
    doc = copy.deepcopy(doc)
    inner = paths(doc)[1:]
    root = not inner or data.draw(st.integers(0, 9), label="root?") == 0
    where = () if root else data.draw(st.sampled_from(inner), label="where")
    action = data.draw(st.sampled_from(["delete", "replace", "retype"]), label="action")
    if not where:
        if action == "retype":
            return [doc] if not isinstance(doc, list) else {"x": doc}
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
    """Truncate, insert random bytes into, flip bytes of, or nest ``raw`` far too deep, or
    make one of its numbers 5,000 digits long (Python refuses to read such an integer with a
    plain ValueError, not a JSONDecodeError)."""
    actions = ["truncate", "insert", "flip", "deep", "long number"]
    action = data.draw(st.sampled_from(actions), label="byte action")
    digits = [i for i, byte in enumerate(raw) if 0x30 <= byte <= 0x39]
    if action == "long number" and digits:
        # an index drawn with fixed bounds: the digits of a file with fresh ids vary per run
        at = digits[data.draw(st.integers(0, 2**16), label="number at") % len(digits)]
        return raw[:at] + b"9" * 5000 + raw[at:]
    if action == "deep":
        depth = data.draw(st.sampled_from(DEPTHS), label="depth")
        opener, closer = data.draw(
            st.sampled_from([(b"[", b"]"), (b'{"a":', b"}")]), label="brackets"
        )
        return opener * depth + raw + closer * depth
    at = data.draw(st.integers(0, len(raw)), label="at")
    if action == "truncate":
        return raw[:at]
    junk = data.draw(st.binary(min_size=1, max_size=8), label="junk")
    if action == "insert":
        return raw[:at] + junk + raw[at:]
    return raw[:at] + junk + raw[at + len(junk) :]


def damaged(data: st.DataObject, doc: Any) -> bytes:
    """Either a structurally mutated document or damaged bytes of the original."""
    if data.draw(st.booleans(), label="structural"):
        return json.dumps(mutate_doc(data, doc), ensure_ascii=False).encode("utf-8")
    return mutate_bytes(data, json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
