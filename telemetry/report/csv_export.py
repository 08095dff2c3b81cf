"""One CSV row per player, for spreadsheets.

:func:`csv_row` is called per report model; :func:`write_csv` by the report command and
the class tools; it touches only the target file (written atomically, UTF-8 with BOM so
spreadsheet programs pick the encoding). Text cells that a spreadsheet would run as a
formula (starting ``= + - @``, tab or carriage return) are prefixed with ``'``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from telemetry.profile.evidence import RIASEC
from telemetry.xapi.atomic import atomic_write_bytes

__all__ = ["COLUMNS", "csv_row", "csv_text", "write_csv"]

COLUMNS: tuple[str, ...] = (
    "player",
    "class",
    "generated_at",
    "holland_code",
    "code_set_probability",
    "code_probability",
    "certainty",
    "interpretable",
    "readability",
    *(f"{k}_{p}" for k in RIASEC for p in ("score", "low", "high")),
    "differentiation",
    "differentiation_range",
    "consistency",
    "n_evidence",
    "top_matches",
    "saved_occupations",
    "next_step",
    "first_played",
    "last_played",
    "sessions",
    "minutes",
    "challenges_completed",
    *(f"cms_{t}" for t in ("self", "strengths", "horizons", "networks")),
    "top_matches_esco",
    "top_matches_isco08",
    "saved_esco",
    "saved_isco08",
    "route_framework",
    "matches_by_zone",
)


def _european(items: Iterable[Mapping[str, Any]], key: str) -> str:
    """ "SOC uri uri; SOC uri" (``esco``) or "SOC code,code; ..." (``isco08``), for the
    occupations that have any."""
    out = []
    for m in items:
        if key == "esco":
            values = " ".join(e["uri"] for e in m.get("esco_occupations", ()))
        else:
            values = ",".join(m.get("isco08", ()))
        if values:
            out.append(f"{m['soc_code']} {values}")
    return "; ".join(out)


def _by_zone(matches: Iterable[Mapping[str, Any]]) -> str:
    """ "JZ1: SOC, SOC; JZ2: ..." -- each Job Zone's listed matches, best first."""
    zones: dict[int, list[str]] = {}
    for m in matches:
        zones.setdefault(int(m["job_zone"]), []).append(str(m["soc_code"]))
    return "; ".join(f"JZ{z}: {', '.join(socs)}" for z, socs in sorted(zones.items()))


def _safe(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def csv_row(report: Mapping[str, Any]) -> dict[str, Any]:
    """The spreadsheet row of one report model (keys = :data:`COLUMNS`)."""
    prof, sess = report["profile"], report["session"]
    listed = report["occupations"]["matches"]
    top = sorted(listed, key=lambda m: -float(m.get("r") or 0.0))[:5]  # highest fits
    row: dict[str, Any] = {
        "player": report["player"]["code"],
        "class": report["player"].get("class_code"),
        "generated_at": report["generated_at"],
        "holland_code": prof["code"],
        "code_set_probability": prof["code_set_probability"],
        "code_probability": prof["code_probability"],
        "certainty": prof["certainty"]["level"],
        "interpretable": prof.get("interpretable", True),
        "readability": prof.get("readability", "ok"),
        "differentiation": prof["differentiation"]["level"],
        "differentiation_range": prof["differentiation"]["range"],
        "consistency": prof["consistency"]["level"],
        "n_evidence": prof["n_evidence"],
        "top_matches": "; ".join(f"{m['title']} ({m['soc_code']})" for m in top),
        "saved_occupations": "; ".join(s["soc_code"] for s in report["occupations"]["saved"]),
        "next_step": report.get("next_step"),
        "first_played": sess["first"],
        "last_played": sess["last"],
        "sessions": sess["sessions"],
        "minutes": sess["minutes"],
        "challenges_completed": sess["challenges_completed"],
        "top_matches_esco": _european(top, "esco"),
        "top_matches_isco08": _european(top, "isco08"),
        "saved_esco": _european(report["occupations"]["saved"], "esco"),
        "saved_isco08": _european(report["occupations"]["saved"], "isco08"),
        "route_framework": (report["occupations"].get("routes") or {}).get("framework", ""),
        "matches_by_zone": _by_zone(listed),
    }
    for s in prof["scores"]:
        for p in ("score", "low", "high"):
            row[f"{s['letter']}_{p}"] = s[p]
    for theme in ("self", "strengths", "horizons", "networks"):
        row[f"cms_{theme}"] = "; ".join(
            f"{c['id']}={c['level']}" for c in report["cms"] if c["theme"] == theme
        )
    return {k: _safe(row.get(k)) for k in COLUMNS}


def table_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]]) -> str:
    """A header of ``columns`` plus the rows, CRLF line ends (this table and the guidance
    table share it)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def write_table_text(path: Path | str, text: str) -> Path:
    """Write a table's text to ``path`` atomically, UTF-8 with a BOM (so a spreadsheet on a
    school PC reads the accents right)."""
    path = Path(path)
    atomic_write_bytes(path, ("\ufeff" + text).encode("utf-8"))
    return path


def csv_text(reports: Iterable[Mapping[str, Any]]) -> str:
    """Header plus one row per report."""
    return table_text(COLUMNS, (csv_row(rep) for rep in reports))


def write_csv(path: Path | str, reports: Iterable[Mapping[str, Any]]) -> Path:
    """Write :func:`csv_text` to ``path`` atomically (UTF-8 with BOM)."""
    return write_table_text(path, csv_text(reports))
