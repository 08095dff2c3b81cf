"""The words of the "what Worktown keeps about you" description, one phrase table per
language (read by :func:`telemetry.classroom.privacy.describe_player_data`).

Each table holds ``str.format`` templates with the same ``{fields}`` in every language,
the month names, and the singular/plural forms of the units it counts. Pure data and
two small lookups: no pygame, no state, nothing done at import time beyond building the
constant tables.
"""

from __future__ import annotations

from types import MappingProxyType

_EN = {
    "nothing": "Worktown has no records about you yet.",
    "would_keep": "Your records would be kept in the folder {folder}.",
    "keeps": "Worktown keeps {records} of what you did, from {sessions} {when}.",
    "on_day": "on {day}",
    "between": "between {first} and {last}",
    "day": "{d} {month}",
    "pseudonym": "You are known only by your player code {code}; no name, email address or birthday is stored.",
    "played": "On {day} you played {name}",
    "for": " for {span}",
    "rated": " and rated it {rating} of 5",
    "end": ".",
    "jobs": "You read about {jobs} and saved {saved}.",
    "answered": "You answered {questions}.",
    "kept_in": "Your records are kept on this computer in the folder {folder}",
    "files": " (files: {files}).",
}

_ES = {
    "nothing": "Worktown todavía no tiene ningún registro sobre ti.",
    "would_keep": "Tus registros se guardarían en la carpeta {folder}.",
    "keeps": "Worktown guarda {records} de lo que has hecho, de {sessions} {when}.",
    "on_day": "el {day}",
    "between": "entre el {first} y el {last}",
    "day": "{d} de {month}",
    "pseudonym": "Worktown solo te conoce por tu código de jugador {code}; no se guarda ningún nombre, "
                 "correo electrónico ni fecha de nacimiento.",
    "played": "El {day} jugaste a {name}",
    "for": " durante {span}",
    "rated": " y le pusiste un {rating} sobre 5",
    "end": ".",
    "jobs": "Has consultado {jobs} y has guardado {saved}.",
    "answered": "Has respondido {questions}.",
    "kept_in": "Tus registros se guardan en este ordenador, en la carpeta {folder}",
    "files": " (archivos: {files}).",
}

#: singular and plural of each counted unit
_EN_UNITS = {"record": ("record", "records"), "session": ("session", "sessions"), "job": ("job", "jobs"),
             "question": ("question", "questions"), "second": ("second", "seconds"),
             "minute": ("minute", "minutes")}
_ES_UNITS = {"record": ("registro", "registros"), "session": ("sesión", "sesiones"),
             "job": ("profesión", "profesiones"), "question": ("pregunta", "preguntas"),
             "second": ("segundo", "segundos"), "minute": ("minuto", "minutos")}

_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_ES_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
              "octubre", "noviembre", "diciembre")

PHRASES = MappingProxyType({"en": MappingProxyType(_EN), "es": MappingProxyType(_ES)})
UNITS = MappingProxyType({"en": MappingProxyType(_EN_UNITS), "es": MappingProxyType(_ES_UNITS)})
MONTHS = MappingProxyType({"en": _EN_MONTHS, "es": _ES_MONTHS})


def language_of(language: str | None) -> str:
    """The table to use for a language tag ("es", "es-ES", ...); English if there is none."""
    base = (language or "en").split("-")[0].split("_")[0].lower()
    return base if base in PHRASES else "en"


def count(language: str, n: int, unit: str) -> str:
    """``n`` and the unit in the right number, e.g. "1 session", "3 sesiones"."""
    one, many = UNITS[language][unit]
    return f"{n} {one if n == 1 else many}"
