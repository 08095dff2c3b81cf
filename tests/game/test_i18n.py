"""Every language has every key, with the same placeholders; content maps likewise."""

import re

from game import paths
from game.i18n import I18n, load_locale_files

PLACEHOLDER = re.compile(r"%\{(\w+)\}")


def test_all_languages_have_all_keys_and_placeholders():
    tables = load_locale_files(paths.assets_dir() / "locale")
    assert "en" in tables and len(tables) >= 2
    english = tables["en"]
    for language, table in tables.items():
        assert set(table) == set(english), (
            f"{language}: missing {set(english) - set(table)}, extra {set(table) - set(english)}"
        )
        for key, text in table.items():
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(english[key])), (
                language,
                key,
            )


def test_lookup_fill_and_runtime_switch():
    i18n = I18n({"en": {"hi": "Hi %{name}"}, "es": {"hi": "Hola %{name}"}}, "en")
    assert i18n.t("hi", name="Sam") == "Hi Sam"
    i18n.set_language("es")
    assert i18n.t("hi", name="Sam") == "Hola Sam"
    assert i18n.pick({"en": "Bike", "es": "Bici"}) == "Bici"


def test_every_part_file_has_its_twin_with_the_same_keys_and_placeholders():
    import json

    locale = paths.assets_dir() / "locale"
    parts = {}
    for path in locale.glob("*.json"):
        language, _, part = path.name[:-5].partition(".")
        parts.setdefault(part, {})[language] = json.loads(path.read_text(encoding="utf-8"))
    for part, by_language in parts.items():
        assert set(by_language) == {"en", "es"}, (
            f"part {part or 'main'!r}: languages {sorted(by_language)}"
        )
        english = by_language["en"]
        for language, table in by_language.items():
            assert set(table) == set(english), (part, language, set(english) ^ set(table))
            for key, text in table.items():
                assert sorted(PLACEHOLDER.findall(text)) == sorted(
                    PLACEHOLDER.findall(english[key])
                ), (part, key)


def test_telemetry_words_are_locale_keys_in_every_language():
    """The report, the privacy description and the code handout read the same locale files
    (``<lang>.report.json``, ``<lang>.privacy.json``, ``<lang>.handout.json``), so the
    key and placeholder checks above cover them; telemetry's loader sees the same tables."""
    from telemetry import words

    tables = load_locale_files(paths.assets_dir() / "locale")
    assert words.LOCALE_DIR == paths.assets_dir() / "locale"
    assert words.languages() == tuple(sorted(tables)) == ("en", "es")
    for part, key in (("report", "h_starters"), ("privacy", "pseudonym"), ("handout", "how")):
        for language in words.languages():
            assert words.table(part, language)[key] == tables[language][f"{part}.{key}"]


def test_telemetry_keeps_no_translation_table_of_its_own():
    """One mechanism: no module of telemetry/ holds a per-language table ("es": ...) of
    its own (the report, privacy and handout tables used to be Python dicts)."""
    root = paths.PROJECT_ROOT / "telemetry"
    tables = [
        str(p.relative_to(root))
        for p in root.rglob("*.py")
        if re.search(r"""["']es["']\s*:""", p.read_text(encoding="utf-8"))
    ]
    assert tables == []
