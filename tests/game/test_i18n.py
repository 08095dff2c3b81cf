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


def test_no_text_has_a_placeholder_that_fill_would_leave_as_it_is():
    """``%{name}`` is the one placeholder form: a bare ``{name}`` is shown to the teacher
    as it stands ('Try again in {seconds} seconds')."""
    tables = load_locale_files(paths.assets_dir() / "locale")
    bare = re.compile(r"(?<!%)\{\w+\}")
    found = [
        f"{lang}: {key}" for lang, t in tables.items() for key, v in t.items() if bare.search(v)
    ]
    assert not found, found


def test_a_count_of_one_takes_the_singular_text_where_there_is_one():
    i18n = I18n(
        {
            "en": {"left": "%{n} spots left", "left.one": "1 spot left", "few": "%{n} of them"},
            "es": {"left": "quedan %{n} puntos"},
        },
        "en",
    )
    assert i18n.t("left", n=3) == "3 spots left"
    assert i18n.t("left", n=1) == "1 spot left"
    assert i18n.t("few", n=1) == "1 of them"  # no singular: the counted text
    i18n.set_language("es")
    assert i18n.t("left", n=1) == "quedan 1 puntos"  # Spanish has no singular here


def test_every_singular_text_has_its_counted_twin():
    tables = load_locale_files(paths.assets_dir() / "locale")
    for language, table in tables.items():
        for key in (k for k in table if k.endswith(".one")):
            stem = key[: -len(".one")]
            many = table.get(stem, table.get(stem + ".many"))
            assert many is not None and "%{n}" in many, (language, key)


def test_the_shipped_counted_texts_read_right_for_one_and_for_many():
    from game.i18n import I18n as Words

    tables = load_locale_files(paths.assets_dir() / "locale")
    en = Words(tables, "en")
    assert en.t("assemble.ride_rattles", n=1).startswith("Clank! 1 spot still rattles.")
    assert en.t("assemble.ride_rattles", n=2).startswith("Clank! 2 spots still rattle.")
    assert "3 class files were changed" in en.t("teacher.refused", n=3)
    assert "Try again in 30 seconds" in en.t("teacher.wait", seconds=30)
