"""Teacher actions shared by ``python main.py class`` and the teacher panel.

Thin glue between the game's content and :mod:`telemetry.classroom.classes`: the content summary
for reports, saves for handed-out codes, and one function per action that writes files
and returns their paths. Called after the passphrase was checked; touches only the data
folder and the output paths it is given.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from telemetry.classroom.class_store import ClassInfo
from telemetry.classroom.copies import note_copy

__all__ = [
    "district_ids",
    "prepare_saves",
    "report_inputs",
    "summary_model",
    "write_summary",
    "write_codes_handout",
    "export",
    "FORMATS",
]

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
            raise ValueError(
                f"--districts: unknown district {w!r}; use letters R,I,A,S,E,C "
                f"or ids {','.join(sorted(ids))}"
            )
    return list(dict.fromkeys(out))


def prepare_saves(data_dir: Path, codes: list[str]) -> None:
    """Write a fresh save for each handed-out code, so 'I have a code' works at once. The
    save says consent is not given yet: the pupil sees the consent page on first sign-in."""
    from game.save import PlayerSave, write_json

    for code in codes:
        path = Path(data_dir) / "players" / code / "save.json"
        if not path.exists():
            write_json(path, PlayerSave(code=code, consent_given=False).to_json())


def report_inputs(language: str = "en", routes: str | None = None) -> tuple[dict[str, Any], Any]:
    """(content summary, occupation table), loaded and validated once per action;
    ``routes``: the class's learning-route framework (None: the language's)."""
    from game.commands.report import load_report_inputs

    return load_report_inputs(language, routes or "")


def summary_model(data_dir: Path, info: ClassInfo, summary: dict[str, Any]) -> dict[str, Any]:
    from telemetry.classroom.classes import class_facts, class_summary

    facts = class_facts(data_dir, info, summary.get("competences") or [])
    return class_summary(info, facts, summary)


def write_summary(
    data_dir: Path,
    info: ClassInfo,
    formats: list[str],
    out: Path,
    summary: dict[str, Any] | None = None,
) -> list[Path]:
    from telemetry.report.class_report import write_class_report

    summary = summary if summary is not None else report_inputs()[0]
    model = summary_model(data_dir, info, summary)
    written = [
        write_class_report(_target(out, formats, f"{info.code}-summary", fmt), model, fmt)
        for fmt in formats
    ]
    for path in written:
        note_copy(data_dir, path, "summary", info.players, class_code=info.code)
    return written


def write_codes_handout(
    info: ClassInfo, formats: list[str], out: Path, data_dir: Path | None = None
) -> list[Path]:
    """The printable code cards; recorded as a copy in ``data_dir`` (so erasing a player
    rewrites them without that code)."""
    from telemetry.report.handout import write_handout

    lang = info.settings.language or "en"
    written = [
        write_handout(
            _target(out, formats, f"{info.code}-codes", fmt), info.code, info.players, fmt, lang
        )
        for fmt in formats
    ]
    if data_dir is not None:
        for path in written:
            note_copy(data_dir, path, "handout", info.players, class_code=info.code, lang=lang)
    return written


def export(
    data_dir: Path, info: ClassInfo, out: Path, inputs: tuple[dict[str, Any], Any] | None = None
) -> tuple[Path, list[str]]:
    """One versioned JSON export per player (folder, or zip if ``out`` ends in .zip)."""
    from game import GAME_VERSION
    from telemetry.classroom.classes import export_class
    from telemetry.report.guidance_csv import write_guidance
    from telemetry.report.json_export import make_export
    from telemetry.report.model import build_report

    summary, table = inputs if inputs is not None else report_inputs(routes=info.settings.routes)
    reports: list[dict[str, Any]] = []

    def make_doc(code: str, statements: list[dict[str, Any]]) -> dict[str, Any]:
        report = build_report(statements, summary, occupations=table, player_code=code)
        reports.append(report)
        return make_export(report, statements, game_version=GAME_VERSION)

    where, skipped = export_class(data_dir, info, out, make_doc)
    if where.suffix.lower() == ".zip":
        note_copy(data_dir, where, "export_zip", info.players, class_code=info.code)
    else:
        for code in info.players:
            if (where / f"{code}.json").is_file():
                note_copy(data_dir, where / f"{code}.json", "export", [code], class_code=info.code)
        # the guidance-system CSV: one row per exported pupil (telemetry/report/README.md)
        guidance = write_guidance(
            where / f"{info.code}.guidance.csv",
            [{**r, "player": {**r["player"], "class_code": info.code}} for r in reports],
        )
        note_copy(
            data_dir,
            guidance,
            "export",
            [r["player"]["code"] for r in reports],
            class_code=info.code,
        )
    return where, skipped


def _target(out: Path, formats: list[str], stem: str, fmt: str) -> Path:
    out = Path(out)
    if len(formats) == 1 and out.suffix.lower() == f".{fmt}":
        return out
    return out / f"{stem}.{fmt}"


def lrs_configs(info: ClassInfo | None) -> list[Any]:
    """The LRS account(s) of a class usable for voiding now (none if it has no LRS).
    Short timeout, no retries: an erase never waits long; what fails stays queued."""
    from telemetry.lrs.forward import LrsConfig

    lrs = info.settings.lrs if info is not None else None
    if not lrs:
        return []
    try:
        return [LrsConfig(lrs["endpoint"], lrs["user"], lrs["password"], timeout=5.0, retries=0)]
    except (KeyError, TypeError):
        return []


def erase_message(t: Any, who: str, result: Any) -> str:
    """What an erase did, in the player's or teacher's words: true about this computer
    and about the LRS (``result``: :class:`telemetry.classroom.erase.EraseResult`)."""
    if result.complete:
        parts = [
            t("erase.done", who=who, files=len(result.removed), rewritten=len(result.rewritten))
        ]
    else:
        parts = [t("erase.incomplete", who=who, problem=result.problems[0])]
    if result.lrs_queued:
        parts.append(
            t(
                "erase.lrs_queued",
                n=result.lrs_queued,
                problem=result.lrs_problems[0] if result.lrs_problems else "—",
            )
        )
    elif result.lrs_voided:
        parts.append(t("erase.lrs_voided", n=result.lrs_voided))
    return " ".join(parts)


def write_player_report(
    data_dir: Path,
    info: ClassInfo,
    code: str,
    out: Path,
    inputs: tuple[dict[str, Any], Any] | None = None,
) -> list[Path]:
    """One pupil's practitioner report (PDF and HTML) in ``out``; recorded as copies so
    erasing the pupil deletes them. ``ValueError`` for a code not in the class or a
    pupil without data."""
    from game.commands.report import make_outputs
    from telemetry.report.model import build_report
    from telemetry.xapi.reader import read_player_statements

    if code not in info.players:
        raise ValueError(f"{code}: not a player of class {info.code}")
    statements = read_player_statements(data_dir, code)
    if not statements:
        raise ValueError(f"{code}: has not played yet")
    summary, table = (
        inputs
        if inputs is not None
        else report_inputs(info.settings.language or "en", info.settings.routes)
    )
    report = build_report(
        statements,
        summary,
        occupations=table,
        player_code=code,
        language=info.settings.language or "en",
    )
    written = make_outputs(report, statements, ["pdf", "html"], Path(out))
    for path in written:
        note_copy(data_dir, path, "report", [code], class_code=info.code)
    return written


def open_folder(folder: Path, *, platform: str | None = None, run: Any = None) -> str | None:
    """Open ``folder`` in the computer's file manager (created first): ``os.startfile`` on
    Windows, ``open`` on macOS, ``xdg-open`` elsewhere. Returns None, or one line saying
    why it could not (the caller shows it with the folder's path)."""
    import os
    import shutil
    import subprocess
    import sys

    platform = platform or sys.platform
    run = run or subprocess.Popen
    try:
        Path(folder).mkdir(parents=True, exist_ok=True)
        if platform.startswith("win"):
            os.startfile(str(folder))  # type: ignore[attr-defined]  # noqa: S606
            return None
        opener = "open" if platform == "darwin" else "xdg-open"
        if shutil.which(opener) is None:
            return f"no {opener} on this computer"
        run(
            [opener, str(folder)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return None
    except (OSError, AttributeError) as exc:
        return str(getattr(exc, "strerror", None) or exc)
