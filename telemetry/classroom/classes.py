"""Class tools over many players: progress, the class summary model, export and erase.

Called by the class command and the teacher panel after the passphrase was checked
(:func:`telemetry.classroom.class_store.open_class`). Player data is read without locking
(:mod:`telemetry.xapi.reader`); only :func:`export_class` (the target folder or zip) and
:func:`erase_class_players` (every copy: :mod:`telemetry.classroom.erase`) write.

The summary model is aggregate only: no pupil's code, answer or score appears in it, and
every count from 1 to ``MIN_CELL - 1`` is replaced by ``None`` (shown as "fewer than 3")
before any renderer sees it. Averages need at least ``MIN_CELL`` pupils.
"""

from __future__ import annotations

import datetime as _dt
import io
import json
import statistics
import zipfile
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from telemetry.classroom.class_store import ClassInfo, remove_players
from telemetry.classroom.erase import EraseResult, erase_everywhere
from telemetry.lrs.forward import LrsConfig
from telemetry.profile.cms import LEVELS, assess_competences
from telemetry.profile.engine import TYPE_NAMES, profile_from_evidence
from telemetry.profile.evidence import RIASEC, extract_evidence
from telemetry.report.session import session_facts
from telemetry.xapi.atomic import atomic_write_bytes
from telemetry.xapi.decode import decode_log
from telemetry.xapi.reader import read_player_statements

__all__ = [
    "MIN_CELL",
    "PlayerFacts",
    "player_facts",
    "class_facts",
    "progress_rows",
    "class_summary",
    "export_class",
    "erase_class_players",
    "suppress",
]

MIN_CELL = 3
MINUTE_BANDS = ((0, 10), (10, 20), (20, 30), (30, 45), (45, None))


@dataclass(frozen=True)
class PlayerFacts:
    """What the class tools need from one player (never leaves this module's callers
    as a per-pupil table except in the teacher's progress view)."""

    code: str
    played: bool
    challenges: int
    minutes: float
    sessions: int
    statements: int
    holland: str = ""
    scores: tuple[float, ...] = ()
    cms: Mapping[str, str] | None = None
    districts: tuple[str, ...] = ()
    problem: str = ""


def player_facts(
    code: str,
    statements: Sequence[Mapping[str, Any]],
    competences: Sequence[Mapping[str, Any]] = (),
    *,
    profile: bool = True,
    problem: str = "",
) -> PlayerFacts:
    """Facts about one player from their statements (pure)."""
    if not statements:
        return PlayerFacts(code, False, 0, 0.0, 0, 0, problem=problem)
    log = decode_log(statements)  # decoded once, read by both
    facts = session_facts(log, {})
    ev = extract_evidence(log)
    holland, cms = "", None
    scores: tuple[float, ...] = ()
    if profile:
        prof = profile_from_evidence(ev, None, n_matches=0, n_draws=400)
        holland = prof.code
        scores = tuple(round(float(prof.scores[k].score), 4) for k in RIASEC)
        cms = {c.id: c.level for c in assess_competences(competences, ev)}
    return PlayerFacts(
        code,
        True,
        len(set(facts["challenges"])),
        float(facts["minutes"]),
        int(facts["sessions"]),
        len(statements),
        holland,
        scores,
        cms,
        tuple(facts["districts"]),
        problem,
    )


def class_facts(
    data_dir: Path | str,
    info: ClassInfo,
    competences: Sequence[Mapping[str, Any]] = (),
    *,
    profile: bool = True,
) -> list[PlayerFacts]:
    """Facts for every player of the class, in class order. A player without data is
    'not played'; an unreadable one is too, with a one-line ``problem``."""
    out = []
    for code in info.players:
        problem = ""
        try:
            statements = read_player_statements(data_dir, code)
        except ValueError as exc:
            statements = []
            problem = "" if "no player" in str(exc) else str(exc)
        out.append(player_facts(code, statements, competences, profile=profile, problem=problem))
    return out


def progress_rows(facts: Sequence[PlayerFacts]) -> list[dict[str, Any]]:
    """The teacher's progress view: code, played?, challenges done, minutes."""
    return [
        {
            "code": f.code,
            "played": f.played,
            "challenges": f.challenges,
            "minutes": round(f.minutes),
            "problem": f.problem,
        }
        for f in facts
    ]


def suppress(n: int) -> int | None:
    """A count as shown: ``None`` for 1 .. MIN_CELL-1 (too few to show), else ``n``."""
    return None if 0 < n < MIN_CELL else n


def _median(values: Sequence[float]) -> float | None:
    return round(statistics.median(values), 1) if len(values) >= MIN_CELL else None


def class_summary(
    info: ClassInfo,
    facts: Sequence[PlayerFacts],
    summary: Mapping[str, Any] | None = None,
    *,
    generated_at: str | None = None,
) -> dict[str, Any]:
    """The aggregate, JSON-ready class summary model (see module docstring)."""
    summary = summary or {}
    played = [f for f in facts if f.played]
    n = len(played)
    enough = n >= MIN_CELL
    firsts = Counter(f.holland[0] for f in played if f.holland)
    codes = Counter(f.holland for f in played if len(f.holland) == 3)
    shown_codes = [
        {"code": c, "names": ", ".join(TYPE_NAMES[k] for k in c), "count": k}
        for c, k in codes.most_common()
        if k >= MIN_CELL
    ]
    other_codes = sum(k for k in codes.values() if k < MIN_CELL)
    average = None
    if enough:
        average = [
            {
                "letter": k,
                "name": TYPE_NAMES[k],
                "score": round(statistics.fmean(f.scores[i] for f in played), 3),
            }
            for i, k in enumerate(RIASEC)
        ]
    cms_rows = []
    for d in summary.get("competences") or []:
        levels = Counter((f.cms or {}).get(str(d["id"]), "none") for f in played)
        evidenced = sum(v for k, v in levels.items() if k != "none")
        cms_rows.append(
            {
                "id": str(d["id"]),
                "theme": str(d.get("theme", "")),
                "name": str(d.get("name", d["id"])),
                "evidenced": suppress(evidenced) if enough else None,
                "levels": {lv: (suppress(levels.get(lv, 0)) if enough else None) for lv in LEVELS},
            }
        )
    bands = []
    for lo, hi in MINUTE_BANDS:
        k = sum(1 for f in played if f.minutes >= lo and (hi is None or f.minutes < hi))
        bands.append({"from": lo, "to": hi, "count": suppress(k) if enough else None})
    district_names = summary.get("districts") or {}
    places = summary.get("places") or {}
    visits = Counter(d for f in played for d in set(f.districts))
    district_rows = [
        {
            "id": d,
            "name": str(places.get(d) or district_names.get(d) or d),
            "pupils": suppress(visits.get(d, 0)) if enough else None,
        }
        for d in sorted(visits)
    ]
    return {
        "format": "worktown-class-summary",
        "version": 1,
        "class_code": info.code,
        "generated_at": generated_at or _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "min_cell": MIN_CELL,
        "players": len(facts),
        "played": n,
        "enough": enough,
        "engagement": {
            "median_minutes": _median([f.minutes for f in played]),
            "median_challenges": _median([float(f.challenges) for f in played]),
            "total_minutes": round(sum(f.minutes for f in played)) if enough else None,
            "sessions": sum(f.sessions for f in played) if enough else None,
            "minute_bands": bands,
            "districts": district_rows,
        },
        "first_letters": [
            {
                "letter": k,
                "name": TYPE_NAMES[k],
                "district": str(district_names.get(k, "")),
                "count": suppress(firsts.get(k, 0)) if enough else None,
            }
            for k in RIASEC
        ],
        "codes": shown_codes if enough else [],
        "other_codes": other_codes if enough else None,
        "average": average,
        "cms": cms_rows,
    }


def export_class(
    data_dir: Path | str,
    info: ClassInfo,
    out: Path | str,
    make_doc: Callable[[str, list[dict[str, Any]]], dict[str, Any]],
    *,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[Path, list[str]]:
    """Write one export per player who has data (``<CODE>.json``, made by ``make_doc``:
    the versioned export of :mod:`telemetry.report.json_export`) into a folder, or into a zip if
    ``out`` ends with ``.zip``. Returns (where, one line per player skipped)."""
    from telemetry.report.json_export import check_export

    out = Path(out)
    skipped: list[str] = []
    docs: list[tuple[str, bytes]] = []
    as_zip = out.suffix.lower() == ".zip"
    if not as_zip:
        out.mkdir(parents=True, exist_ok=True)
    for i, code in enumerate(info.players):
        if progress is not None:
            progress(i, len(info.players))
        try:
            statements = read_player_statements(data_dir, code)
        except ValueError as exc:
            if "no player" not in str(exc):
                skipped.append(str(exc))
            continue
        if not statements:
            continue
        doc = check_export(make_doc(code, statements), f"{code}.json")
        data = json.dumps(doc, ensure_ascii=False, indent=1, allow_nan=False).encode("utf-8")
        if as_zip:
            docs.append((f"{code}.json", data))
        else:
            atomic_write_bytes(out / f"{code}.json", data)
    if as_zip:
        out.parent.mkdir(parents=True, exist_ok=True)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in docs:
                zf.writestr(f"{info.code}/{name}", data)
        atomic_write_bytes(out, buf.getvalue())
    return out, skipped


def erase_class_players(
    data_dir: Path | str,
    info: ClassInfo,
    codes: Sequence[str] | None = None,
    *,
    lrs_configs: Sequence[LrsConfig] = (),
) -> EraseResult:
    """Erase players for real, from every copy (:func:`telemetry.classroom.erase.erase_everywhere`:
    their folders, exports, handouts, the class file; their statements voided at the LRS
    with ``lrs_configs``). ``codes=None`` erases the whole class, class file and teacher
    folder included. Raises ``ValueError`` for a code not in the class and
    :class:`~telemetry.xapi.store.PlayerLocked` while a player is open in the game."""
    targets = list(info.players) if codes is None else list(codes)
    unknown = [c for c in targets if c not in info.players]
    if unknown:
        raise ValueError(f"{unknown[0]}: not a player of class {info.code}")
    result = erase_everywhere(
        data_dir, targets, lrs_configs=lrs_configs, whole_class=info.code if codes is None else None
    )
    remove_players(info, targets)
    return result
