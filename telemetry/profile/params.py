"""The scorer's parameter file: a versioned JSON written by ``python main.py calibrate`` and
read back into a :class:`~telemetry.profile.posterior.ResponseModel`.

Called by the calibrate command (:func:`save_params`) and by whoever scores with calibrated
parameters (the report command's ``--params``: :func:`load_model`). Touches only the file it
is given; a bad file is ``ValueError("<file>: <problem>")``, one line.

Format::

    {"format": "worktown-scorer-params", "format_version": 1,
     "params_version": "calib-<date>-<8 hex of the content>",
     "fitted_from": {"pupils": N, "exports": K},
     "ordinal": {"expect": {"a": 1.0, "b": [..4]}, "enjoy": .., "could_be_me": {"b": [..2]}},
     "binary": {"replay": {"a": .., "b": ..}, "extra_round": {..}, "watch": {..}},
     "items": {"R1": {"a": 1.6, "b": [..4]}, ...},
     "appeal": {"<challenge or district id>": 0.3, ...},
     "style_prior_sd": 0.4, "spread_prior_sd": 0.5,
     "agreement": {...}}
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import replace
from pathlib import Path
from typing import Any

from telemetry.profile.posterior import MODEL, ResponseModel
from telemetry.xapi.atomic import atomic_write_bytes
from telemetry.xapi.safe_read import parse_json

__all__ = [
    "FORMAT",
    "FORMAT_VERSION",
    "model_to_doc",
    "model_from_doc",
    "load_model",
    "save_params",
]

FORMAT = "worktown-scorer-params"
FORMAT_VERSION = 1
_ORDINAL_K = {"item": 4, "expect": 4, "enjoy": 4, "could_be_me": 2}
#: persistence kind -> the prefix of its ResponseModel fields (``<prefix>_a``, ``_b``)
BINARY = {"replay": "replay", "extra_round": "extra", "watch": "watch"}
MAX_BYTES = 5 * 1024 * 1024


def _r(x: float) -> float:
    return round(float(x), 4)


def model_to_doc(model: ResponseModel, **extra: Any) -> dict[str, Any]:
    """The file's content for ``model`` (its version computed from the parameters);
    ``extra`` (fitted_from, agreement) is added as it is."""
    body: dict[str, Any] = {
        "ordinal": {
            k: {"a": _r(model.ordinal(k)[0]), "b": [_r(b) for b in model.ordinal(k)[1]]}
            for k in ("expect", "enjoy", "could_be_me", "item")
        },
        "binary": {k: {"a": _r(model.binary(k)[0]), "b": _r(model.binary(k)[1])} for k in BINARY},
        "items": {i: {"a": _r(a), "b": [_r(x) for x in b]} for i, a, b in model.item_params},
        "appeal": {o: _r(v) for o, v in model.appeal},
        "style_prior_sd": _r(model.style_prior_sd),
        "spread_prior_sd": _r(model.spread_prior_sd),
    }
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:8]
    stamp = str(extra.pop("date", ""))
    version = f"calib-{stamp}-{digest}" if stamp else f"calib-{digest}"
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "params_version": version,
        **extra,
        **body,
    }


def _num(x: Any, where: str, lo: float = -20.0, hi: float = 20.0) -> float:
    if (
        isinstance(x, bool)
        or not isinstance(x, int | float)
        or not math.isfinite(x)
        or not lo <= x <= hi
    ):
        raise ValueError(f"{where} must be a number from {lo:g} to {hi:g}")
    return float(x)


def _thresholds(v: Any, k: int, where: str) -> tuple[float, ...]:
    if not isinstance(v, list) or len(v) != k:
        raise ValueError(f"{where} must be a list of {k} numbers")
    b = tuple(_num(x, where) for x in v)
    if any(b2 <= b1 for b1, b2 in zip(b, b[1:], strict=False)):
        raise ValueError(f"{where} must be increasing")
    return b


def _ab(v: Any, k: int, where: str) -> tuple[float, tuple[float, ...]]:
    if not isinstance(v, dict):
        raise ValueError(f"{where} must be an object with a and b")
    return _num(v.get("a"), f"{where}.a", 0.05, 10.0), _thresholds(v.get("b"), k, f"{where}.b")


def model_from_doc(doc: Any, where: str = "params") -> ResponseModel:
    """A :class:`ResponseModel` from a parsed file; ``ValueError`` naming the field."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"{where}: not a Worktown scorer parameter file")
    if doc.get("format_version") != FORMAT_VERSION:
        raise ValueError(
            f"{where}: parameter file version {doc.get('format_version')!r} is not {FORMAT_VERSION}"
        )
    version = doc.get("params_version")
    if not isinstance(version, str) or not 0 < len(version) <= 80:
        raise ValueError(f"{where}: params_version must be a short text")
    try:
        ordinal = doc.get("ordinal") or {}
        if not isinstance(ordinal, dict):
            raise ValueError("ordinal must be an object")
        kw: dict[str, Any] = {}
        names = {
            "item": ("item_a", "item_b"),
            "expect": ("expect_a", "expect_b"),
            "enjoy": ("enjoy_a", "enjoy_b"),
            "could_be_me": ("could_a", "could_b"),
        }
        for kind, (an, bn) in names.items():
            if kind in ordinal:
                kw[an], kw[bn] = _ab(ordinal[kind], _ORDINAL_K[kind], f"ordinal.{kind}")
        binary = doc.get("binary") or {}
        if not isinstance(binary, dict):
            raise ValueError("binary must be an object")
        for kind in BINARY:
            if kind in binary:
                v = binary[kind]
                if not isinstance(v, dict):
                    raise ValueError(f"binary.{kind} must be an object with a and b")
                pre = BINARY[kind]
                kw[f"{pre}_a"] = _num(v.get("a"), f"binary.{kind}.a", 0.05, 10.0)
                kw[f"{pre}_b"] = _num(v.get("b"), f"binary.{kind}.b")
        items = doc.get("items") or {}
        if not isinstance(items, dict):
            raise ValueError("items must be an object")
        kw["item_params"] = tuple(
            (str(i), *_ab(v, 4, f"items.{i}")) for i, v in sorted(items.items())
        )
        appeal = doc.get("appeal") or {}
        if not isinstance(appeal, dict):
            raise ValueError("appeal must be an object")
        kw["appeal"] = tuple(
            (str(o), _num(v, f"appeal.{o}", -5, 5)) for o, v in sorted(appeal.items())
        )
        if "style_prior_sd" in doc:
            kw["style_prior_sd"] = _num(doc["style_prior_sd"], "style_prior_sd", 0.05, 5.0)
        if "spread_prior_sd" in doc:
            kw["spread_prior_sd"] = _num(doc["spread_prior_sd"], "spread_prior_sd", 0.01, 3.0)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None
    return replace(MODEL, params_version=version, **kw)


def load_model(path: Path | str) -> ResponseModel:
    """Read a parameter file (see module docstring) into a model."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if len(raw) > MAX_BYTES:
        raise ValueError(f"{path}: too large for a parameter file")
    try:
        doc = parse_json(raw)
    except ValueError as exc:  # also nested too deeply: once a RecursionError traceback
        raise ValueError(f"{path}: {exc}") from None
    return model_from_doc(doc, str(path))


def save_params(path: Path | str, doc: dict[str, Any]) -> Path:
    """Write the file atomically (the doc checked by reading it back first)."""
    model_from_doc(doc, str(path))
    path = Path(path)
    atomic_write_bytes(path, (json.dumps(doc, indent=1, ensure_ascii=False) + "\n").encode())
    return path
