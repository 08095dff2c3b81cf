"""``python main.py report PLAYER_OR_EXPORT --format pdf,html,json,csv,xapi,badges,guidance --out
PATH``.

The practitioner report and exports of one player. PLAYER is a player code in the data
folder (read without taking the game's lock: :mod:`telemetry.xapi.reader`), EXPORT a JSON file
written earlier by ``--format json`` (a practitioner without the player's PC can still make
the report). Reads the content and O*NET data; writes only the requested files: with one
format ``--out`` may be a file name, otherwise it is a folder and files are named
``<CODE>.<ext>`` (xAPI: ``<CODE>.xapi.json``), the code checked as ``class merge`` checks
it. ``badges``: one Open Badges 3.0 credential per career management skill reached, into
the ``--out`` folder (``<CODE>-<competence>.jwt`` signed, or ``.unsigned.json``), issued
by the school of the player's class (``class badges --school``). ``guidance``: the
guidance-system CSV row of the player (``<CODE>.guidance.csv``; ``class export`` writes
the whole class's). A player of a class needs that class's teacher passphrase (``--passphrase``,
typed, or one line on standard input). Every failure is one line, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

HELP = "make the practitioner report and exports of one player"
FORMATS = ("pdf", "html", "json", "csv", "xapi", "badges", "guidance")
_EXT = {
    "pdf": ".pdf",
    "html": ".html",
    "json": ".json",
    "csv": ".csv",
    "xapi": ".xapi.json",
    "guidance": ".guidance.csv",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "source",
        metavar="PLAYER_OR_EXPORT",
        help="a player code (e.g. BLUE-FOX-42) or an exported .json file",
    )
    parser.add_argument(
        "--format",
        default="pdf,html",
        help=f"comma-separated, any of {','.join(FORMATS)} (default: pdf,html)",
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=Path("."),
        help="output folder (or file name when one format is asked for)",
    )
    parser.add_argument(
        "--data-dir", type=Path, help="player data folder (default: your user data folder)"
    )
    parser.add_argument("--lang", default="en", help="report language (en or es)")
    parser.add_argument(
        "--routes",
        default="",
        choices=("", "scotland", "england", "spain"),
        help="describe Job Zones by the learning routes of this country "
        "(default: Scotland for English, Spain for Spanish)",
    )
    parser.add_argument(
        "--params", type=Path, help="scorer parameters written by `calibrate` (default: built-in)"
    )
    from game.commands import passphrase

    passphrase.add_argument(parser)


def content_summary(content: Any, language: str = "en", routes: str = "") -> dict[str, Any]:
    """The small dict telemetry's report needs from the loaded content; ``routes``: the
    learning-route framework to describe Job Zones by ("" follows the language)."""

    def tr(m: Any) -> str:
        return str(m.get(language) or m.get("en") or next(iter(m.values()), ""))

    framework = (
        content.route_framework(routes, language) if hasattr(content, "route_framework") else None
    )
    places = {d.id: tr(d.name) for d in content.districts}
    places.update({lm.id: tr(lm.name) for lm in content.landmarks})
    return {
        "competences": [
            {"id": c.id, "theme": c.theme, "name": tr(c.name)} for c in content.competences.values()
        ],
        "challenges": {c.id: tr(c.title) for c in content.challenges.values()},
        "districts": {d.riasec: tr(d.name) for d in content.districts},
        "places": places,
        "skills": {s.id: tr(s.name) for s in content.skills.values()},
        "mentors": {m.id: f"{tr(m.name)} ({tr(m.job).lower()})" for m in content.mentors.values()},
        "esco": {
            o.code: [tr(e.label) for e in o.esco] for o in content.occupations.values() if o.esco
        },
        "esco_links": {
            o.code: [{"uri": e.uri, "label": tr(e.label), "isco08": e.isco08} for e in o.esco]
            for o in content.occupations.values()
            if o.esco
        },
        "isco08": {o.code: list(o.isco08) for o in content.occupations.values() if o.isco08},
        "job_zones": {z: r.get("Name", str(z)) for z, r in content.job_zones.items()},
        "routes": {
            "framework": framework.id,
            "name": tr(framework.name),
            "zones": {str(z): tr(text) for z, text in framework.zones.items()},
        }
        if framework
        else {},
    }


def _targets(formats: list[str], out: Path, code: str) -> dict[str, Path]:
    if len(formats) == 1 and out.suffix and not out.is_dir() and formats[0] != "badges":
        return {formats[0]: out}
    return {f: out / f"{code}{_EXT[f]}" for f in formats if f != "badges"}


def make_outputs(
    report: dict[str, Any],
    statements: list[dict[str, Any]],
    formats: list[str],
    out: Path,
    renderer: Any = None,
    issuer: Any = None,
    language: str = "en",
) -> list[Path]:
    """Write every requested format; returns the paths (called by run and bench/report.py).
    ``renderer``: a :class:`telemetry.report.pdf.ReportRenderer` to reuse for many players
    (it holds the parsed fonts); one is made when a PDF is asked for and none is given.
    ``issuer``: a :class:`telemetry.report.badges.BadgeIssuer`, needed for ``badges``."""
    from telemetry.report.csv_export import write_csv
    from telemetry.report.guidance_csv import write_guidance
    from telemetry.report.html import write_html
    from telemetry.report.json_export import make_export, write_export
    from telemetry.report.pdf import ReportRenderer
    from telemetry.report.xapi_export import export_statements
    from telemetry.xapi.identity import check_player_code

    targets = _targets(formats, out, check_player_code(report["player"]["code"]))
    for path in targets.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    writers = {
        "pdf": lambda p: (renderer or ReportRenderer()).write(p, report),
        "html": lambda p: write_html(p, report),
        "json": lambda p: write_export(p, make_export(report, statements)),
        "csv": lambda p: write_csv(p, [report]),
        "xapi": lambda p: export_statements(statements, p),
        "guidance": lambda p: write_guidance(p, [report]),
    }
    for fmt, path in targets.items():
        writers[fmt](path)
    written = list(targets.values())
    if "badges" in formats:
        from telemetry.report.badges import write_badges

        if issuer is None:
            raise ValueError(
                "--format badges: the player is in no class, so there is no "
                "school to issue badges (class badges --school NAME)"
            )
        written += write_badges(out, report, issuer, language)
    return written


def _note_copies(data_dir: Path, written: list[Path], report: dict[str, Any]) -> None:
    """Record the files as copies of the player's data, so erasing the player deletes them."""
    from telemetry.classroom.copies import note_copy

    code = str((report.get("player") or {}).get("code") or "")
    for path in written:
        try:
            note_copy(data_dir, path, "report", [code] if code else [])
        except OSError:
            pass  # a read-only data folder: the report itself was written


def load_report_inputs(language: str = "en", routes: str = "") -> tuple[dict[str, Any], Any]:
    """(content summary, occupation table): the content is validated by the one loader."""
    from game import paths
    from telemetry.profile.occupations import load_occupations
    from zones.loader import load_content

    content = load_content(paths.content_dir(), paths.assets_dir() / "data")
    table = load_occupations(paths.assets_dir() / "data" / "occupations.csv")
    return content_summary(content, language, routes), table


def _open_classes(
    args: argparse.Namespace, data_dir: Path, statements: list[dict[str, Any]]
) -> Any:
    """A player of a class is reported only with that class's teacher passphrase. Returns
    (the badge issuer of the (first) class with a school, or None; the learning routes
    the (first) class that set them shows its pupils, or "")."""
    from game.commands import passphrase
    from telemetry.classroom.class_store import classes_of_player, open_class
    from telemetry.report.badges import BadgeIssuer

    issuer, routes = None, ""
    classes = classes_of_player(data_dir, args.source, statements)
    if classes:
        secret = passphrase.ask(args)
        for code in classes:
            info = open_class(data_dir, code, secret)
            if issuer is None and info.settings.school:
                issuer = BadgeIssuer(
                    info.settings.school, info.code, info.settings.badge_signing_key()
                )
            routes = routes or info.settings.routes or ""
    return issuer, routes


def _from_export(source: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(report, statements) of an export: the player code checked exactly as ``class
    merge`` checks it, and only that player's statements kept (one line if any left)."""
    from telemetry.report.json_export import actor_code, export_player_code, read_export

    doc = read_export(source)
    code = export_player_code(doc, str(source))
    report = {**doc["report"], "player": {**doc["report"]["player"], "code": code}}
    statements = [st for st in doc["statements"] if actor_code(st) == code]
    if len(statements) < len(doc["statements"]):
        print(
            f"report: {source}: {len(doc['statements']) - len(statements)} statement(s) "
            f"not about {code} left out",
            file=sys.stderr,
        )
    return report, statements


def run(args: argparse.Namespace) -> int:
    from game import paths
    from telemetry.classroom.class_store import TooManyAttempts, WrongPassphrase
    from telemetry.profile.occupations import OccupationDataError
    from telemetry.report.model import build_report
    from telemetry.xapi.reader import read_player_statements
    from zones.loader import ContentError

    formats = [f.strip().lower() for f in str(args.format).split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        print(
            f"report: --format: unknown format {bad[0] if bad else '(none)'!r}; "
            f"choose from {','.join(FORMATS)}",
            file=sys.stderr,
        )
        return 2
    try:
        source = Path(args.source)
        issuer = None
        if source.suffix.lower() == ".json" or source.is_file():
            report, statements = _from_export(source)
        else:
            data_dir = Path(args.data_dir or paths.default_data_dir())
            statements = read_player_statements(data_dir, args.source)
            issuer, class_routes = _open_classes(args, data_dir, statements)
            # --routes first; else the routes the pupil's class shows; else the language's
            summary, table = load_report_inputs(args.lang, args.routes or class_routes)
            model = None
            if getattr(args, "params", None) is not None:
                from telemetry.profile.params import load_model

                model = load_model(args.params)
            report = build_report(
                statements,
                summary,
                occupations=table,
                player_code=args.source,
                language=args.lang,
                model=model,
            )
        written = make_outputs(
            report, statements, formats, args.out, issuer=issuer, language=args.lang
        )
        _note_copies(args.data_dir or paths.default_data_dir(), written, report)
    except (ContentError, OccupationDataError, ValueError, WrongPassphrase, TooManyAttempts) as exc:
        print(f"report: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"report: {exc.filename or args.out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    for path in written:
        print(path)
    return 0
