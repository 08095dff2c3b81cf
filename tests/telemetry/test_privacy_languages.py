"""describe_player_data in Spanish: the same facts as in English, in Spanish words, from
the ``privacy.*`` keys of the locale files (assets/locale/<lang>.privacy.json)."""

from __future__ import annotations

import re
from datetime import UTC
from pathlib import Path

from telemetry.classroom.privacy import describe_player_data
from telemetry.words import PLACEHOLDER, language_of, table
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.store import player_dir

CODE = "RED-OWL-17"


def _play(data_dir: Path) -> list[dict]:
    rec = Recorder.open(data_dir, CODE)
    rec.start_session()
    rec.record(
        "completed",
        "quest",
        "challenge/r_bike_repair",
        name="Bike repair",
        success=True,
        score=0.8,
        duration_s=183.2,
        extensions={"riasec": "R"},
    )
    rec.record("selected", "question", "reflect/r_bike_repair/enjoy", response="4")
    rec.record(
        "completed",
        "quest",
        "challenge/s_fractions",
        name="Fractions",
        duration_s=20.4,
        success=False,
        extensions={"riasec": "S"},
    )
    for code in ("49-3091.00", "29-1141.00"):
        rec.record("accessed", "item", f"occupation/{code}", duration_s=40)
    rec.record("used", "item", "occupation/49-3091.00", extensions={"action": "save"})
    rec.end_session()
    statements = rec.statements()
    rec.close()
    stamps = ("2026-03-02T10:00:00.000Z", "2026-03-05T10:00:00.000Z")
    for i, s in enumerate(statements):  # two days, so the 'between' form is used
        s["timestamp"] = stamps[i * 2 // len(statements)]
    return statements


def test_tables_have_the_same_phrases_and_placeholders():
    english, spanish = table("privacy", "en"), table("privacy", "es")
    assert set(english) == set(spanish) and "pseudonym" in english
    assert [k for k in english if k.startswith("month.")] == [f"month.{n}" for n in range(1, 13)]
    for key, text in english.items():
        names = sorted(PLACEHOLDER.findall(text))
        assert sorted(PLACEHOLDER.findall(spanish[key])) == names, key
        assert spanish[key] != text or not re.search(r"[a-z]{3}", text), key


def test_spanish_says_the_same_facts_in_spanish(data_dir: Path):
    statements = _play(data_dir)
    folder = player_dir(data_dir, CODE)
    english = describe_player_data(statements, "en", folder=folder, tz=UTC)
    spanish = describe_player_data(
        statements, "es", folder=folder, tz=UTC, names={"r_bike_repair": "Arreglar la bici"}
    )
    assert len(spanish) == len(english)
    for en, es in zip(english, spanish, strict=True):  # every number, code and path
        assert re.findall(r"\d+", en.replace(str(folder), "")) == re.findall(
            r"\d+", es.replace(str(folder), "")
        )
        assert (CODE in en) == (CODE in es) and (str(folder) in en) == (str(folder) in es)
    text = " ".join(spanish)
    assert (
        f"Worktown guarda {len(statements)} registros de lo que has hecho, de 1 sesión entre el 2 "
        "de marzo "
        "y el 5 de marzo."
    ) in spanish
    assert (
        "El 2 de marzo jugaste a Arreglar la bici durante 3 minutos y le pusiste un 4 sobre 5."
        in spanish
    )
    assert "jugaste a Fractions durante 20 segundos." in text
    assert "Has consultado 2 profesiones y has guardado 1." in spanish
    assert "Has respondido 1 pregunta." in spanish
    assert "store.json" in text and "carpeta" in text and "ordenador" in text
    assert not re.search(r"\b(you|played|records|minutes|question)\b", text)


def test_nothing_yet_and_language_tags():
    assert describe_player_data([], "es") == ["Worktown todavía no tiene ningún registro sobre ti."]
    assert describe_player_data([], "es-ES") == describe_player_data([], "es")
    assert describe_player_data([], "fr") == describe_player_data([], "en")
    assert language_of("ES_es") == "es" and language_of(None) == "en"
