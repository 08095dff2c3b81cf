"""The game's version comes from the package metadata, not from copies of "0.1.0"."""

from importlib import metadata

import pytest

from telemetry.report.json_export import make_export
from telemetry.xapi import version
from telemetry.xapi.decode import decode
from telemetry.xapi.recorder import Recorder


@pytest.fixture
def fake_version(monkeypatch):
    """Pretend the installed distribution is 9.8.7 (the cached value is reset around)."""
    version.game_version.cache_clear()
    monkeypatch.setattr(
        version.metadata,
        "version",
        lambda name: "9.8.7" if name == "worktown" else metadata.version(name),
    )
    yield "9.8.7"
    version.game_version.cache_clear()


def test_installed_version_is_the_metadata_one():
    version.game_version.cache_clear()
    assert version.game_version() == metadata.version("worktown")


def test_export_and_statements_carry_the_installed_version(fake_version, tmp_path):
    assert make_export({}, [])["generator"]["version"] == fake_version
    rec = Recorder.open(tmp_path, "BLUE-FOX-42")
    try:
        rec.start_session()
        first = decode(rec.statements()[0])
    finally:
        rec.close()
    assert first.ext["game_version"] == fake_version


def test_game_version_follows_it(fake_version):
    import game

    assert game.GAME_VERSION == fake_version


def test_not_installed_reads_the_checkout_then_says_unknown(monkeypatch, tmp_path):
    def missing(name):
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(version.metadata, "version", missing)
    version.game_version.cache_clear()
    try:
        import tomllib

        with open(version._PYPROJECT, "rb") as f:
            assert version.game_version() == tomllib.load(f)["project"]["version"]
    finally:
        version.game_version.cache_clear()
    broken = tmp_path / "pyproject.toml"
    broken.write_text("[project\nversion = ", encoding="utf-8")
    assert version._checkout_version(broken) == version.UNKNOWN
    assert version._checkout_version(tmp_path / "none.toml") == version.UNKNOWN
