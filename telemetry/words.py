"""The locale files, read without pygame: the one translation mechanism of Worktown.

Every player- or teacher-facing string lives in ``assets/locale/<lang>.json`` and
``<lang>.<part>.json`` (flat ``key: text``, ``%{name}`` placeholders). The game's
:class:`game.i18n.I18n` reads them through :func:`load_locale_files`; telemetry (report,
privacy description, code handout) reads the same files through :func:`table` and
:func:`say`, which load the shipped folder once, on first use. Nothing is read at import.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

LOCALE_DIR = Path(__file__).resolve().parents[1] / "assets" / "locale"
FALLBACK = "en"
PLACEHOLDER = re.compile(r"%\{(\w+)\}")


class TranslationError(ValueError):
    """A locale file is missing, unreadable or inconsistent."""


def load_locale_files(locale_dir: Path) -> dict[str, dict[str, str]]:
    """Read ``<lang>.json`` and ``<lang>.<part>.json`` files (one part per mechanic or
    screen family, so content authors don't edit one shared file) and merge them per
    language. Raises TranslationError naming the file on any problem or duplicate key."""
    tables: dict[str, dict[str, str]] = {}
    for path in sorted(Path(locale_dir).glob("*.json")):
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
                raise TranslationError(
                    f"{path}: {key}: key defined twice for language '{language}'"
                )
            table[key] = text
    if not tables:
        raise TranslationError(f"{locale_dir}: no locale files")
    return tables


#: the endings of a counted key's texts: for a count ``n`` of 1, and for any other count
ONE, MANY = ".one", ".many"


def counted(texts: Mapping[str, str], key: str, values: Mapping[str, object]) -> str:
    """The key of the text to show for ``key`` with ``values``: ``key + ".one"`` when the
    count ``n`` is 1 and ``texts`` has it ("1 spot still rattles", not "1 spot(s) still
    rattle"); else ``key`` itself, or ``key + ".many"`` where only the two forms exist."""
    if values.get("n") == 1 and key + ONE in texts:
        return key + ONE
    if key not in texts and key + MANY in texts:
        return key + MANY
    return key


def fill(text: str, values: Mapping[str, object]) -> str:
    """Replace ``%{name}`` placeholders; unknown names stay visible so they get noticed."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), text)


@lru_cache(maxsize=1)
def _shipped() -> Mapping[str, Mapping[str, str]]:
    return MappingProxyType(
        {lang: MappingProxyType(t) for lang, t in load_locale_files(LOCALE_DIR).items()}
    )


def languages() -> tuple[str, ...]:
    """The languages the game ships, one per locale file prefix (``("en", "es")``)."""
    return tuple(sorted(_shipped()))


def language_of(tag: str | None) -> str:
    """The shipped language for a tag ("es", "es-ES", "ES_es", None ...); English if none."""
    base = (tag or FALLBACK).split("-")[0].split("_")[0].lower()
    return base if base in _shipped() else FALLBACK


@lru_cache(maxsize=32)
def table(part: str, language: str) -> Mapping[str, str]:
    """The texts whose keys start with ``<part>.``, that prefix taken off, in ``language``
    (exactly as shipped; English for a language that is not shipped)."""
    texts = _shipped().get(language) or _shipped()[FALLBACK]
    cut = len(part) + 1
    return MappingProxyType({k[cut:]: v for k, v in texts.items() if k.startswith(part + ".")})


def say(part: str, language: str, key: str, **values: object) -> str:
    """One text of ``part`` with its ``%{name}`` placeholders filled (values inserted as
    data, never read as placeholders). A key that does not exist is a programming error
    (``KeyError``)."""
    texts = table(part, language)
    return fill(texts[counted(texts, key, values)], values)
