"""telemetry.words, the pure reader of the locale files telemetry uses: placeholders are
filled as data, unknown languages get English, tags are reduced to a shipped language."""

from __future__ import annotations

import json

import pytest

from telemetry import words


def test_say_fills_placeholders_as_data_and_english_is_the_fallback():
    english = words.say("handout", "en", "class", **{"class": "%{class} 3B"})
    assert english == "Class %{class} 3B"  # a value is never read as a placeholder
    assert words.say("handout", "xx", "class", **{"class": "3B"}) == "Class 3B"
    assert words.say("handout", "es", "class", **{"class": "3B"}) == "Clase 3B"
    assert words.fill("%{a} and %{b}", {"a": 1}) == "1 and %{b}"  # a missing value shows
    with pytest.raises(KeyError):
        words.say("report", "en", "no_such_key")


def test_language_tags():
    assert words.language_of("es-ES") == words.language_of("ES_es") == "es"
    assert words.language_of(None) == words.language_of("fr") == "en"


def test_a_broken_locale_file_is_one_line_naming_it(tmp_path):
    (tmp_path / "en.json").write_text(json.dumps({"a": "A"}), encoding="utf-8")
    (tmp_path / "en.report.json").write_text('{"report.x": 3}', encoding="utf-8")
    with pytest.raises(words.TranslationError, match=r"en\.report\.json: must be an object"):
        words.load_locale_files(tmp_path)
    (tmp_path / "en.report.json").write_text('{"a": "again"}', encoding="utf-8")
    with pytest.raises(words.TranslationError, match=r"en\.report\.json: a: key defined twice"):
        words.load_locale_files(tmp_path)
