"""Translation: every player-facing string goes through a key or a language map.

UI strings live in ``assets/locale/<lang>.json`` (flat ``key: text``). Content texts are
language maps inside the content files (``{"en": ..., "es": ...}``). Placeholders are
``%{name}``. Created once by the app and handed around in the context.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

PLACEHOLDER = re.compile(r"%\{(\w+)\}")


class TranslationError(ValueError):
    """A locale file is missing, unreadable or inconsistent."""


def load_locale_files(locale_dir: Path) -> dict[str, dict[str, str]]:
    """Read ``<lang>.json`` and ``<lang>.<part>.json`` files (one part per mechanic or
    screen family, so content authors don't edit one shared file) and merge them per
    language. Raises TranslationError naming the file on any problem or duplicate key."""
    tables: dict[str, dict[str, str]] = {}
    for path in sorted(locale_dir.glob("*.json")):
        language = path.name.split(".")[0]
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise TranslationError(f"{path}: unreadable: {exc}") from None
        if not isinstance(data, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in data.items()
        ):
            raise TranslationError(f"{path}: must be an object of text keys to strings")
        table = tables.setdefault(language, {})
        for key, text in data.items():
            if key in table:
                raise TranslationError(f"{path}: {key}: key defined twice for language '{language}'")
            table[key] = text
    if not tables:
        raise TranslationError(f"{locale_dir}: no locale files")
    return tables


def fill(text: str, values: dict[str, object]) -> str:
    """Replace ``%{name}`` placeholders; unknown names stay visible so they get noticed."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


class I18n:
    """Looks up UI keys and picks the language from content language maps."""

    def __init__(self, tables: dict[str, dict[str, str]], language: str, fallback: str = "en"):
        self._tables = tables
        self.fallback = fallback if fallback in tables else next(iter(tables))
        self.language = language if language in tables else self.fallback

    @property
    def languages(self) -> list[str]:
        return sorted(self._tables)

    def set_language(self, language: str) -> None:
        """Switch language at runtime; unknown languages are ignored."""
        if language in self._tables:
            self.language = language

    def t(self, key: str, **values: object) -> str:
        """The text for ``key`` in the current language, placeholders filled."""
        table = self._tables[self.language]
        text = table.get(key)
        if text is None:
            text = self._tables[self.fallback].get(key, key)
        return fill(text, values)

    def pick(self, language_map: dict[str, str] | str, **values: object) -> str:
        """The current language's entry of a content language map."""
        if isinstance(language_map, str):
            return fill(language_map, values)
        text = language_map.get(self.language) or language_map.get(self.fallback) or ""
        return fill(text, values)
