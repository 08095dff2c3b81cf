"""A number of 5,000 digits (Python refuses integers of more than 4,300 digits with a plain
ValueError, not a JSONDecodeError) is one short line naming the file wherever Worktown reads
a file someone else may have made: an export, a statements file, a class file, content, a
save, settings, a copied store. The report command once printed Python's advice alone
("report: Exceeds the limit (4300 digits) ...; use sys.set_int_max_str_digits()")."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game import paths
from game.cli import main
from game.save import SaveStore
from game.settings import Settings
from telemetry.classroom.class_store import CLASS_FILE, class_dir, create_class, load_class
from telemetry.classroom.merge import merge_folder
from telemetry.report.xapi_export import load_statements_file
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.store import DB_NAME, player_dir
from zones.loader import ContentError, load_content

LONG = "9" * 5000
CODE = "LONG-CODE-44"


def _one_line_naming(text: str, path: Path) -> None:
    assert str(path) in text and "\n" not in text.strip()
    assert "set_int_max_str_digits" not in text  # a pupil's or teacher's words, not Python's


def test_export_through_the_report_command(tmp_path: Path, capsys) -> None:
    path = tmp_path / "export.json"
    path.write_text('{"format": "worktown-export", "schema_version": ' + LONG + "}")
    assert main(["report", str(path), "--out", str(tmp_path / "out")]) != 0
    _one_line_naming(capsys.readouterr().err, path)


def test_statements_file(tmp_path: Path) -> None:
    path = tmp_path / "s.xapi.json"
    path.write_text("[" + LONG + "]")
    with pytest.raises(ValueError) as info:
        load_statements_file(path)
    _one_line_naming(str(info.value), path)
    assert "too long" in str(info.value)


def test_class_file(tmp_path: Path) -> None:
    create_class(tmp_path, "7B-2026", "a long enough passphrase", 2)
    path = class_dir(tmp_path, "7B-2026") / CLASS_FILE
    path.write_text('{"code": "7B-2026", "n": ' + LONG + "}")
    with pytest.raises(ValueError) as info:
        load_class(tmp_path, "7B-2026")
    _one_line_naming(str(info.value), path)


def test_content_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(paths.content_dir(), content)
    path = content / "districts.json"
    path.write_text("[" + LONG + "]")
    with pytest.raises(ContentError) as info:
        load_content(content, paths.assets_dir() / "data")
    lines = [line for line in str(info.value).splitlines() if str(path) in line]
    assert lines and "too long" in lines[0]


def test_save_and_settings(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    save = store.player_dir(CODE) / "save.json"
    save.parent.mkdir(parents=True)
    save.write_text('{"version": 1, "code": ' + LONG + "}")
    player, problem = store.load(CODE)
    assert player is None and problem is not None
    _one_line_naming(problem, save)
    settings = tmp_path / "settings.json"
    settings.write_text('{"version": ' + LONG + "}")
    loaded, problem = Settings.load(settings)
    assert loaded == Settings() and problem is not None
    _one_line_naming(problem, settings)


def test_merged_store(tmp_path: Path) -> None:
    with Recorder.open(tmp_path / "pc1", CODE) as rec:
        rec.record("selected", "question", "item/R1", response="3")
    (player_dir(tmp_path / "pc1", CODE) / DB_NAME).write_text('{"statements": ' + LONG + "}")
    result = merge_folder(tmp_path / "pc1", tmp_path / "class")
    assert result.lines() and all("\n" not in line for line in result.lines())
    assert json.dumps(result.lines())  # plain text, nothing Python-shaped
