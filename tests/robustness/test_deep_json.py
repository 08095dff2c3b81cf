"""Issue 13 item 14: a file nested 100,000 levels deep (RecursionError inside json) is one
line naming the file wherever the game or a command reads one, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.save import SaveStore
from game.settings import Settings
from telemetry.classroom.merge import merge_folder
from telemetry.report.xapi_export import load_statements_file
from telemetry.xapi.recorder import Recorder
from telemetry.xapi.store import DB_NAME, player_dir

DEEP = b"[" * 100_000 + b"]" * 100_000
CODE = "DEEP-CODE-33"


def test_settings(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(DEEP)
    settings, problem = Settings.load(path)
    assert settings == Settings() and str(path) in problem and "\n" not in problem


def test_save(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    path = store.player_dir(CODE) / "save.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(DEEP)
    player, problem = store.load(CODE)
    assert player is None and str(path) in problem and "\n" not in problem


def test_xapi_file(tmp_path: Path) -> None:
    path = tmp_path / "s.xapi.json"
    path.write_bytes(DEEP)
    with pytest.raises(ValueError, match="nested too deeply") as info:
        load_statements_file(path)
    assert str(info.value).startswith(str(path))


def test_merged_store(tmp_path: Path) -> None:
    with Recorder.open(tmp_path / "pc1", CODE) as rec:
        rec.record("selected", "question", "item/R1", response="3")
    (player_dir(tmp_path / "pc1", CODE) / DB_NAME).write_bytes(DEEP)
    result = merge_folder(tmp_path / "pc1", tmp_path / "class")  # was RecursionError
    assert result.lines() and all("\n" not in line for line in result.lines())
    assert not result.added


def test_parameter_file_through_the_report_command(tmp_path: Path, capsys) -> None:
    """``report --params`` with a file nested too deeply once printed a RecursionError
    traceback."""
    from game.cli import main

    with Recorder.open(tmp_path, CODE) as rec:  # a player to report on
        rec.record("selected", "question", "item/R1", response="3")
    path = tmp_path / "params.json"
    path.write_bytes(DEEP)
    assert main(["report", CODE, "--data-dir", str(tmp_path), "--params", str(path)]) != 0
    err = capsys.readouterr().err
    assert str(path) in err and "nested too deeply" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_class_export_zip_through_the_calibrate_command(tmp_path: Path, capsys) -> None:
    """A class export .zip holding a file nested too deeply once printed a traceback."""
    import zipfile

    from game.cli import main

    path = tmp_path / "class.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("DEEP-CODE-33.json", DEEP)
    assert main(["calibrate", str(path), "--out", str(tmp_path / "params.json")]) != 0
    err = capsys.readouterr().err
    assert f"{path}:DEEP-CODE-33.json" in err and "nested too deeply" in err
    assert len(err.strip().splitlines()) == 1 and not (tmp_path / "params.json").exists()
