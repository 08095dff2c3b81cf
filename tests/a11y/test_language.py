"""Switching language at runtime in the settings screen: the hub's controls and the
content texts come back in Spanish; reports and the privacy description follow the
chosen language; every table has the same keys and placeholders."""

import re

import pygame

from game.scenes.settings_screen import SettingsScene
from game.scenes.town import TownScene
from telemetry.classroom.privacy import describe_player_data
from telemetry.report.words import texts as report_texts
from telemetry.words import PLACEHOLDER
from tests.helpers import choose, make_app, press


def test_switch_to_spanish_in_settings_changes_the_hub(tmp_path):
    app = make_app(tmp_path)
    ctx = app.ctx
    english = {i.label for i in ctx.scenes.top.ui.items}
    assert ctx.t("hub.settings") in english or ctx.t("settings.title") in english
    choose(app, ctx.t("settings.title"))
    assert isinstance(ctx.scenes.top, SettingsScene)
    choose(app, ctx.t("language.es"))
    assert ctx.settings.language == "es" and ctx.i18n.language == "es"
    assert ctx.scenes.top.header_title() == "Ajustes"  # the settings screen itself
    press(app, pygame.K_ESCAPE)
    hub = ctx.scenes.top
    assert isinstance(hub, TownScene)
    spanish = {i.label for i in hub.ui.items}
    tables = ctx.i18n._tables
    assert tables["es"]["hub.sign_out"] in spanish and tables["en"]["hub.sign_out"] not in spanish
    title = ctx.content.challenges[hub.suggestion].title  # content texts too
    assert any(title["es"] in label for label in spanish) and title["es"] != title["en"]
    assert hub.header_title() == tables["es"]["hub.title"]


def test_report_tables_have_the_same_keys_and_placeholders():
    english = report_texts("en")
    spanish = report_texts("es")
    assert spanish != english and set(spanish) == set(english)
    for key, text in english.items():
        names = sorted(PLACEHOLDER.findall(text))
        assert sorted(PLACEHOLDER.findall(spanish[key])) == names, key


def test_privacy_description_in_spanish():
    lines = describe_player_data([], "es")
    assert lines and not re.search(r"\bWorktown has\b|\byou\b", " ".join(lines))
