"""Where the game wrote copies of players' data outside their folders, and scrubbing them.

Every writer of a file that holds a player's data or code (class export zip or folder,
code handout, class summary, per-player report) calls :func:`note_copy`, which records
the file in ``<data_dir>/copies.json`` with its kind and the player codes in it.
:func:`scrub_copies` is called by :mod:`telemetry.classroom.erase`: for each recorded file, and for
each file in ``<data_dir>/teacher/`` (files made before the record existed), it

- rewrites an export zip without the erased players' members (deletes it when empty);
- rewrites a code handout with the players left (deletes it when none is left);
- deletes a per-player file (export JSON, report) and a class summary (aggregate, but
  made from the erased players' data: the teacher makes it again).

Touches only the files it lists and the manifest. No pygame.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from telemetry.xapi.atomic import TEMP_MARK, atomic_write_bytes
from telemetry.xapi.identity import is_valid_player_code

__all__ = [
    "MANIFEST",
    "KINDS",
    "note_copy",
    "recorded_copies",
    "scrub_copies",
    "ScrubResult",
    "codes_in_copies",
]

MANIFEST = "copies.json"
KINDS = ("export_zip", "export", "handout", "summary", "report")
_FORMAT = "worktown-copies"


@dataclass
class ScrubResult:
    removed: list[Path] = field(default_factory=list)
    rewritten: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def _read(data_dir: Path | str) -> dict[str, dict[str, Any]]:
    try:
        doc = json.loads((Path(data_dir) / MANIFEST).read_bytes())
        files = doc.get("files") if isinstance(doc, dict) else None
    except (OSError, ValueError):
        return {}
    return {
        p: e
        for p, e in (files or {}).items()
        if isinstance(p, str)
        and isinstance(e, dict)
        and e.get("kind") in KINDS
        and isinstance(e.get("players"), list)
    }


def _write(data_dir: Path | str, files: dict[str, dict[str, Any]]) -> None:
    path = Path(data_dir) / MANIFEST
    if not files:
        path.unlink(missing_ok=True)
        return
    atomic_write_bytes(
        path,
        json.dumps(
            {"format": _FORMAT, "version": 1, "files": files}, ensure_ascii=False, indent=1
        ).encode("utf-8"),
    )


def note_copy(
    data_dir: Path | str,
    path: Path | str,
    kind: str,
    codes: Iterable[str],
    *,
    class_code: str | None = None,
    lang: str | None = None,
) -> None:
    """Record that ``path`` holds these players' data (called right after writing it)."""
    if kind not in KINDS:
        raise ValueError(f"unknown copy kind {kind!r}")
    if not Path(data_dir).is_dir():
        return
    files = _read(data_dir)
    files[str(Path(path).resolve())] = {
        "kind": kind,
        "players": sorted(set(codes)),
        "class": class_code,
        "lang": lang,
    }
    _write(data_dir, files)


def recorded_copies(data_dir: Path | str) -> dict[str, dict[str, Any]]:
    """The manifest: {absolute path: {kind, players, class, lang}}."""
    return _read(data_dir)


def codes_in_copies(data_dir: Path | str) -> set[str]:
    """Every player code a recorded copy still holds (erase checks the erased are gone)."""
    return {c for e in _read(data_dir).values() for c in e["players"]}


_CODES_FILE = re.compile(r"(?P<cls>[A-Z0-9][A-Z0-9_-]{0,31})-codes\.(?P<fmt>pdf|html)")


def _guess(path: Path, data_dir: Path) -> dict[str, Any] | None:
    """What an unrecorded file in ``<data_dir>/teacher/<CLASS>/`` is, from its name."""
    name = path.name
    if TEMP_MARK in name:
        return {"kind": "report", "players": [], "class": None, "lang": None, "any": True}
    if name.endswith(".zip"):
        return {"kind": "export_zip", "players": None, "class": path.parent.name, "lang": None}
    if m := _CODES_FILE.fullmatch(name):
        from telemetry.classroom.class_store import load_class

        try:
            info = load_class(data_dir, m["cls"])
            return {
                "kind": "handout",
                "players": list(info.players),
                "class": info.code,
                "lang": info.settings.language,
            }
        except ValueError:
            return {"kind": "handout", "players": None, "class": m["cls"], "lang": None}
    if "-summary." in name:
        return {"kind": "summary", "players": None, "class": path.parent.name, "lang": None}
    stem = name.split(".", 1)[0]
    if is_valid_player_code(stem):
        return {"kind": "report", "players": [stem], "class": None, "lang": None}
    return None


def _scrub_zip(path: Path, gone: set[str]) -> tuple[bool, set[str]]:
    """Rewrite without the gone players' members: (changed?, codes left in it)."""
    with zipfile.ZipFile(path) as zf:
        members = [(i, zf.read(i)) for i in zf.infolist()]
    keep, left = [], set()
    for info, data in members:
        code = Path(info.filename).name.split(".", 1)[0]
        if code in gone:
            continue
        keep.append((info, data))
        if is_valid_player_code(code):
            left.add(code)
    if len(keep) == len(members):
        return False, left
    if not any(is_valid_player_code(Path(i.filename).name.split(".", 1)[0]) for i, _ in keep):
        path.unlink()
        return True, set()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info, data in keep:
            zf.writestr(info.filename, data)
    atomic_write_bytes(path, buf.getvalue())
    return True, left


def scrub_copies(
    data_dir: Path | str, codes: Iterable[str], *, whole_class: str | None = None
) -> ScrubResult:
    """Remove the players ``codes`` from every copy (see module docstring). With
    ``whole_class`` every copy of that class goes, the teacher folder of the class too."""
    from telemetry.report.handout import write_handout

    data_dir = Path(data_dir)
    gone = set(codes)
    result = ScrubResult()
    files = _read(data_dir)
    candidates: dict[Path, dict[str, Any]] = {Path(p): e for p, e in files.items()}
    teacher = data_dir / "teacher"
    if teacher.is_dir():
        for path in sorted(teacher.rglob("*")):
            if path.is_file() and not path.is_symlink() and path.resolve() not in candidates:
                entry = _guess(path, data_dir)
                if (
                    entry is None
                    and whole_class is not None
                    and path.is_relative_to(teacher / whole_class)
                ):
                    entry = {"kind": "report", "players": [], "class": whole_class, "lang": None}
                if entry is not None:
                    candidates[path.resolve()] = entry
    for path, entry in candidates.items():
        players = entry.get("players")
        mine = (
            (whole_class is not None and entry.get("class") == whole_class)
            or players is None
            or entry.get("any")
            or bool(gone & set(players))
        )
        if not mine:
            continue
        try:
            if not path.exists():
                files.pop(str(path), None)
                continue
            kind = entry["kind"]
            if whole_class is not None and entry.get("class") == whole_class:
                path.unlink()
                result.removed.append(path)
                files.pop(str(path), None)
            elif kind == "export_zip":
                changed, left = _scrub_zip(path, gone)
                if changed:
                    (result.rewritten if path.exists() else result.removed).append(path)
                if path.exists():
                    files[str(path)] = {**entry, "players": sorted(left)}
                    files[str(path)].pop("any", None)
                else:
                    files.pop(str(path), None)
            elif kind == "handout" and players is not None and set(players) - gone:
                kept = [c for c in players if c not in gone]
                write_handout(
                    path,
                    str(entry.get("class") or ""),
                    kept,
                    "pdf" if path.suffix.lower() == ".pdf" else "html",
                    entry.get("lang") or "en",
                )
                result.rewritten.append(path)
                files[str(path)] = {**entry, "players": kept}
            else:
                path.unlink()
                result.removed.append(path)
                files.pop(str(path), None)
        except (OSError, ValueError, zipfile.BadZipFile) as exc:
            result.problems.append(
                f"{path}: could not erase ({getattr(exc, 'strerror', None) or exc})"
            )
    if whole_class is not None:
        folder = teacher / whole_class
        try:
            if folder.is_dir() and not any(folder.rglob("*")):
                folder.rmdir()
        except OSError as exc:
            result.problems.append(f"{folder}: {exc.strerror or exc}")
    try:
        _write(data_dir, files)
    except OSError as exc:
        result.problems.append(f"{data_dir / MANIFEST}: {exc.strerror or exc}")
    return result
