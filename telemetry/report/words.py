"""The practitioner report's words: the ``report.*`` keys of the locale files
(``assets/locale/<lang>.report.json``), read through :mod:`telemetry.words`.

Called by :mod:`telemetry.report.model` (sentences inside the model) and the renderers
(:mod:`telemetry.report.html`, :mod:`telemetry.report.pdf`) for headings and labels.
An unknown language gets English.
"""

from __future__ import annotations

from collections.abc import Mapping

from telemetry import words

CC_BY_URL = "https://creativecommons.org/licenses/by/4.0/"


def texts(language: str = "en") -> Mapping[str, str]:
    """The report's text table for ``language``, keys without the ``report.`` prefix."""
    return words.table("report", language)


def say(language: str, key: str, **values: object) -> str:
    """One report text with its ``%{name}`` placeholders filled (values are inserted as data)."""
    return words.say("report", language, key, **values)
