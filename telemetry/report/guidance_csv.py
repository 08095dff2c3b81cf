"""The guidance-system CSV: one row per pupil of a class, the fields a school passes to a
careers service for senior-phase planning (column dictionary: ``telemetry/report/README.md``,
"Guidance CSV").

The first column, ``schema_version``, holds :data:`SCHEMA_VERSION` on every row: a column
never changes meaning, nor is one added, removed or moved, without that number going up.
UTF-8 with a BOM (so a spreadsheet picks the encoding), CRLF line ends, cells a
spreadsheet would run as a formula prefixed with ``'``. Called by ``report --format
guidance`` and ``class export``; touches only the target file (written atomically).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from telemetry.report.csv_export import _safe, table_text, write_table_text

__all__ = [
    "SCHEMA_VERSION",
    "COMPETENCES",
    "COLUMNS",
    "guidance_row",
    "guidance_text",
    "write_guidance",
]

SCHEMA_VERSION = "worktown-guidance-2"
#: the career management skills, one column each, in this order (version 1's list:
#: a competence added to the content needs a new version)
COMPETENCES: tuple[str, ...] = (
    "self_interests", "self_confidence", "self_reflecting", "strengths_naming",
    "strengths_transferable", "strengths_learning", "horizons_occupations",
    "horizons_pathways", "horizons_planning", "horizons_adaptability",
    "networks_asking_help", "networks_contacts", "networks_teamwork",
)  # fmt: skip
_OCCUPATION = ("title", "onet", "esco", "job_zone", "route")
COLUMNS: tuple[str, ...] = (
    "schema_version", "pupil", "class", "date", "holland_code", "certainty", "interpretable",
    *(f"occupation{n}_{part}" for n in (1, 2, 3) for part in _OCCUPATION),
    "route_framework", "saved_occupations",
    *(f"cms_{c}" for c in COMPETENCES),
    *(f"zone{z}_{part}" for z in range(1, 6) for part in ("onet", "esco")),
)  # fmt: skip


def guidance_row(report: Mapping[str, Any]) -> dict[str, Any]:
    """The row of one report model (keys = :data:`COLUMNS`)."""
    prof, occ = report["profile"], report["occupations"]
    row: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "pupil": report["player"]["code"],
        "class": report["player"].get("class_code") or "",
        "date": str(report.get("generated_at") or "")[:10],
        "holland_code": prof["code"],
        "certainty": prof["certainty"]["level"],
        "interpretable": "yes" if prof.get("interpretable", True) else "no",
        "route_framework": (occ.get("routes") or {}).get("framework", ""),
        "saved_occupations": " ".join(s["soc_code"] for s in occ.get("saved") or []),
    }
    matches = list(occ.get("matches") or [])
    best = sorted(matches, key=lambda m: -float(m.get("r") or 0.0))[:3]  # stable: zone order
    for n, match in enumerate(best, start=1):
        esco = match.get("esco_occupations") or []
        row.update(
            {
                f"occupation{n}_title": match["title"],
                f"occupation{n}_onet": match["soc_code"],
                f"occupation{n}_esco": esco[0]["uri"] if esco else "",
                f"occupation{n}_job_zone": match.get("job_zone", ""),
                f"occupation{n}_route": match.get("route", ""),
            }
        )
    for match in matches:  # the best of each Job Zone (zone_rank 1; exports before: first)
        zone = match.get("job_zone")
        if f"zone{zone}_onet" in COLUMNS and not row.get(f"zone{zone}_onet"):
            esco = match.get("esco_occupations") or []
            row[f"zone{zone}_onet"] = match["soc_code"]
            row[f"zone{zone}_esco"] = esco[0]["uri"] if esco else ""
    levels = {c["id"]: c["level"] for c in report.get("cms") or []}
    for cid in COMPETENCES:
        row[f"cms_{cid}"] = levels.get(cid, "none")
    return {k: _safe(row.get(k)) for k in COLUMNS}


def guidance_text(reports: Iterable[Mapping[str, Any]]) -> str:
    """Header plus one row per report."""
    return table_text(COLUMNS, (guidance_row(rep) for rep in reports))


def write_guidance(path: Path | str, reports: Iterable[Mapping[str, Any]]) -> Path:
    """Write :func:`guidance_text` to ``path`` atomically, UTF-8 with BOM."""
    return write_table_text(path, guidance_text(reports))
