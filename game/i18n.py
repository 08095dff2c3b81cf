"""Translation: every player-facing string goes through a key or a language map.

UI strings live in ``assets/locale/<lang>.json`` (flat ``key: text``), read by the one
loader in :mod:`telemetry.words` (telemetry's report, privacy and handout words use the
same files). Content texts are language maps inside the content files
(``{"en": ..., "es": ...}``). Placeholders are ``%{name}``; a text counted by ``n``
may have a singular twin ``<key>.one``, used when ``n`` is 1. Created once by the app and
handed around in the context.
"""

from __future__ import annotations

from telemetry.words import PLACEHOLDER, TranslationError, counted, fill, load_locale_files

__all__ = ["PLACEHOLDER", "I18n", "TranslationError", "fill", "load_locale_files"]


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
        text = table.get(counted(table, key, values))
        if text is None:
            fallback = self._tables[self.fallback]
            text = fallback.get(counted(fallback, key, values), key)
        return fill(text, values)

    def pick(self, language_map: dict[str, str] | str, **values: object) -> str:
        """The current language's entry of a content language map."""
        if isinstance(language_map, str):
            return fill(language_map, values)
        text = language_map.get(self.language) or language_map.get(self.fallback) or ""
        return fill(text, values)
