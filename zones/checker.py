"""The field reader every content loader uses: typed gets that note ``file: field: problem``
lines instead of raising (called while ``zones.loader`` reads each file)."""

from __future__ import annotations

import re
from typing import Any

from telemetry.words import PLACEHOLDER, languages
from zones.content import HEX

#: a content id: lower-case letters, digits and _
IDENT = re.compile(r"^[a-z0-9_]+$")


class Checker:
    """Collects problems while reading one file."""

    def __init__(self, problems: list[str], file: str):
        self.problems = problems
        self.file = file

    def bad(self, field: str, problem: str) -> None:
        self.problems.append(f"{self.file}: {field}: {problem}")

    def get(self, record: Any, key: str, kind: type | tuple[type, ...], where: str) -> Any:
        if not isinstance(record, dict):
            self.bad(where, "must be an object")
            return None
        if key not in record:
            self.bad(f"{where}.{key}", "missing")
            return None
        value = record[key]
        if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
            name = kind.__name__ if isinstance(kind, type) else "/".join(k.__name__ for k in kind)
            self.bad(f"{where}.{key}", f"must be {name}, got {type(value).__name__}")
            return None
        return value

    def text(self, record: Any, key: str, where: str, max_len: int | None = None) -> dict[str, str]:
        value = self.get(record, key, dict, where)
        if value is None:
            return {lang: "" for lang in languages()}
        field = f"{where}.{key}"
        placeholders = None
        for lang in languages():
            text = value.get(lang)
            if not isinstance(text, str) or not text.strip():
                self.bad(field, f"language '{lang}' missing or empty")
                continue
            if max_len and len(text) > max_len:
                self.bad(field, f"'{lang}' text is {len(text)} characters, limit {max_len}")
            names = sorted(PLACEHOLDER.findall(text))
            if placeholders is None:
                placeholders = names
            elif names != placeholders:
                self.bad(field, f"'{lang}' placeholders {names} differ from {placeholders}")
        return {lang: str(value.get(lang, "")) for lang in languages()}

    def strings(self, record: Any, key: str, where: str, field: str | None = None) -> list[str]:
        """A list of strings (ids, codes); anything else in it is a problem and left out."""
        values = self.get(record, key, list, where) or []
        field = field or f"{where}.{key}"
        good = [v for v in values if isinstance(v, str)]
        if len(good) < len(values):
            self.bad(field, "every entry must be a text id")
        return good

    def icon(self, record: Any, where: str) -> str:
        """The optional pictogram name (an unknown name draws a dot)."""
        value = record.get("icon", "") if isinstance(record, dict) else ""
        if not isinstance(value, str):
            self.bad(f"{where}.icon", f"must be a pictogram name, got {type(value).__name__}")
            return ""
        return value

    def ident(self, record: Any, where: str) -> str:
        value = self.get(record, "id", str, where)
        if value is not None and not IDENT.match(value):
            self.bad(f"{where}.id", f"'{value}' must be lower-case letters, digits and _")
        return value or ""

    def colour(self, record: Any, key: str, where: str) -> str:
        value = self.get(record, key, str, where)
        if value is not None and not HEX.match(value):
            self.bad(f"{where}.{key}", f"'{value}' is not a #RRGGBB colour")
            return "#888888"
        return value or "#888888"
