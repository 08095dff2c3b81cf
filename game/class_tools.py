"""Teacher actions shared by ``python main.py class`` and the teacher panel.

Thin glue between the game's content and :mod:`telemetry.classroom`: the content summary
for reports, saves for handed-out codes, and one function per action that writes files
and returns their paths. Called after the passphrase was checked; touches only the data
folder and the output paths it is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from telemetry.class_store import ClassInfo

__all__ = ["district_ids", "prepare_saves", "report_inputs", "summary_model", "write_summary",
           "write_codes_handout", "export", "FORMATS"]

FORMATS = ("pdf", "html")


def district_ids(content: Any, wanted: list[str]) -> list[str]:
    """District ids from ids or RIASEC letters; ``ValueError`` naming an unknown one."""
    by_letter = {d.riasec: d.id for d in content.districts}
    ids = {d.id for d in content.districts}
    out = []
    for w in wanted:
        key = w.strip()
        if key.upper() in by_letter:
            out.append(by_letter[key.upper()])
        elif key.lower() in ids:
            out.append(key.lower())
        else:
            raise ValueError(f"--districts: unknown district {w!r}; use letters R,I,A,S,E,C "
                             f"or ids {','.join(sorted(ids))}")
    return list(dict.fromkeys(out))


def prepare_saves(data_dir: Path, codes: list[str]) -> None:
    """Write a fresh save for each handed-out code, so 'I have a code' works at once."""
    from game.save import PlayerSave, write_json

    for code in codes:
        path = Path(data_dir) / "players" / code / "save.json"
        if not path.exists():
            write_json(path, PlayerSave(code=code).to_json())


def report_inputs(language: str = "en", routes: str = "") -> tuple[dict[str, Any], Any]:
    """(content summary, occupation table), loaded and validated once per action;
    ``routes``: the class's learning-route framework ("" follows the language)."""
    from game.commands.report import load_report_inputs

    return load_report_inputs(language, routes)


def summary_model(data_dir: Path, info: ClassInfo, summary: dict[str, Any]) -> dict[str, Any]:
    from telemetry.classroom import class_facts, class_summary

    facts = class_facts(data_dir, info, summary.get("competences") or [])
    return class_summary(info, facts, summary)


def write_summary(data_dir: Path, info: ClassInfo, formats: list[str], out: Path,
                  summary: dict[str, Any] | None = None) -> list[Path]:
    from telemetry.class_report import write_class_report

    summary = summary if summary is not None else report_inputs()[0]
    model = summary_model(data_dir, info, summary)
    return [write_class_report(_target(out, formats, f"{info.code}-summary", fmt), model, fmt)
            for fmt in formats]


def write_codes_handout(info: ClassInfo, formats: list[str], out: Path) -> list[Path]:
    from telemetry.handout import write_handout

    lang = info.settings.language or "en"
    return [write_handout(_target(out, formats, f"{info.code}-codes", fmt), info.code,
                          info.players, fmt, lang) for fmt in formats]


def export(data_dir: Path, info: ClassInfo, out: Path,
           inputs: tuple[dict[str, Any], Any] | None = None) -> tuple[Path, list[str]]:
    """One versioned JSON export per player (folder, or zip if ``out`` ends in .zip)."""
    from game import GAME_VERSION
    from telemetry.classroom import export_class
    from telemetry.export_json import make_export
    from telemetry.report_model import build_report

    summary, table = inputs if inputs is not None else report_inputs(routes=info.settings.routes or "")

    def make_doc(code: str, statements: list[dict[str, Any]]) -> dict[str, Any]:
        report = build_report(statements, summary, occupations=table, player_code=code)
        return make_export(report, statements, game_version=GAME_VERSION)

    return export_class(data_dir, info, out, make_doc)


def _target(out: Path, formats: list[str], stem: str, fmt: str) -> Path:
    out = Path(out)
    if len(formats) == 1 and out.suffix.lower() == f".{fmt}":
        return out
    return out / f"{stem}.{fmt}"
