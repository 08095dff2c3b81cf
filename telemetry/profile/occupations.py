"""O*NET occupation data: load, validate, and match interest profiles by correlation.

Files (``assets/data``, provenance in ``assets/data/SOURCES.md``):

* ``occupations.csv`` -- 923 O*NET occupations with Occupational Interest (OI) scores
  R..C on O*NET's 1-7 scale, Holland code, Job Zone 1-5, ISCO-08 codes.
* ``occupations_esco.csv`` -- ESCO occupations matched to those O*NET codes.
* ``job_zone_reference.csv`` -- what Job Zones 1-5 mean.

Matching follows O*NET's Interest Profiler: the Pearson correlation between the person's
six scores and the occupation's six OI scores. Correlation ignores level and spread, so it
does not matter that the person's scores are on the profile's latent scale and the OI
scores on 1-7. A flat profile (no spread) matches nothing (correlation undefined).

Bad files raise :class:`OccupationDataError` naming the file, the line and the problem.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from telemetry.profile.evidence import RIASEC

DATA_DIR = Path(__file__).resolve().parents[2] / "assets" / "data"

__all__ = [
    "OccupationDataError",
    "OccupationTable",
    "load_occupations",
    "load_esco",
    "load_job_zones",
    "load_riasec_items",
    "profile_correlations",
    "zone_mask",
]

_SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")
_COLUMNS = [
    "soc_code",
    "title",
    "description",
    "R",
    "I",
    "A",
    "S",
    "E",
    "C",
    "holland_code",
    "job_zone",
    "isco08",
    "onet_high_points",
]


class OccupationDataError(ValueError):
    """A data file is missing or malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class OccupationTable:
    """The occupations as parallel columns; ``oi`` is an (n, 6) array in R..C order."""

    soc: tuple[str, ...]
    title: tuple[str, ...]
    description: tuple[str, ...]
    oi: np.ndarray
    holland_code: tuple[str, ...]
    job_zone: np.ndarray  # int, 1..5
    isco08: tuple[tuple[str, ...], ...]
    high_points: tuple[str, ...]
    source: str = ""

    def __len__(self) -> int:
        return len(self.soc)

    def index(self, soc: str) -> int | None:
        """Row of a SOC code, or None."""
        lookup = self.__dict__.get("_lookup")
        if lookup is None:
            lookup = {s: i for i, s in enumerate(self.soc)}
            object.__setattr__(self, "_lookup", lookup)
        return lookup.get(soc)

    def row(self, i: int) -> dict[str, Any]:
        """One occupation as a plain dict."""
        return {
            "soc_code": self.soc[i],
            "title": self.title[i],
            "description": self.description[i],
            **{k: float(self.oi[i, j]) for j, k in enumerate(RIASEC)},
            "holland_code": self.holland_code[i],
            "job_zone": int(self.job_zone[i]),
            "isco08": list(self.isco08[i]),
            "onet_high_points": self.high_points[i],
        }


def _open_csv(path: Path, columns: list[str]) -> list[tuple[int, dict[str, str]]]:
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = reader.fieldnames or []
            missing = [c for c in columns if c not in header]
            if missing:
                raise OccupationDataError(f"{path}: missing column(s) {', '.join(missing)}")
            return [(reader.line_num, row) for row in reader]
    except OSError as exc:
        raise OccupationDataError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise OccupationDataError(f"{path}: not a readable UTF-8 CSV ({exc})") from exc


def load_occupations(path: str | Path | None = None) -> OccupationTable:
    """Load and validate ``occupations.csv``.

    Checks: all columns present; SOC code ``NN-NNNN.NN`` and unique; OI scores numbers in
    1..7; Holland code three distinct RIASEC letters that agree with the OI ranking (ties
    allowed); Job Zone an integer 1..5; at least one row.
    """
    path = Path(path) if path is not None else DATA_DIR / "occupations.csv"
    rows = _open_csv(path, _COLUMNS)
    if not rows:
        raise OccupationDataError(f"{path}: no occupations")
    soc, title, desc, oi, code, jz, isco, hp = [], [], [], [], [], [], [], []
    seen: set[str] = set()
    for line, row in rows:
        where = f"{path}, line {line}"
        s = (row["soc_code"] or "").strip()
        if not _SOC.match(s):
            raise OccupationDataError(f"{where}: bad SOC code {s!r}")
        if s in seen:
            raise OccupationDataError(f"{where}: duplicate SOC code {s}")
        seen.add(s)
        try:
            scores = [float(row[k]) for k in RIASEC]
        except (TypeError, ValueError) as exc:
            raise OccupationDataError(f"{where}: OI score is not a number") from exc
        if not all(1.0 <= v <= 7.0 for v in scores):
            raise OccupationDataError(f"{where}: OI score outside 1-7 for {s}")
        hc = (row["holland_code"] or "").strip().upper()
        if len(hc) != 3 or len(set(hc)) != 3 or any(c not in RIASEC for c in hc):
            raise OccupationDataError(f"{where}: bad Holland code {hc!r} for {s}")
        ranked = [scores[RIASEC.index(c)] for c in hc]
        others = [v for k, v in zip(RIASEC, scores, strict=True) if k not in hc]
        if ranked != sorted(ranked, reverse=True) or (others and max(others) > ranked[-1]):
            raise OccupationDataError(f"{where}: Holland code {hc} disagrees with OI scores")
        try:
            zone = int(row["job_zone"])
        except (TypeError, ValueError) as exc:
            raise OccupationDataError(f"{where}: Job Zone {row['job_zone']!r} not 1-5") from exc
        if not 1 <= zone <= 5:
            raise OccupationDataError(f"{where}: Job Zone {zone} not 1-5")
        if not (row["title"] or "").strip():
            raise OccupationDataError(f"{where}: empty title for {s}")
        soc.append(s)
        title.append(row["title"].strip())
        desc.append((row["description"] or "").strip())
        oi.append(scores)
        code.append(hc)
        jz.append(zone)
        isco.append(tuple(x for x in (row["isco08"] or "").split(";") if x))
        hp.append((row["onet_high_points"] or "").strip())
    return OccupationTable(
        tuple(soc),
        tuple(title),
        tuple(desc),
        np.array(oi, dtype=float),
        tuple(code),
        np.array(jz, dtype=int),
        tuple(isco),
        tuple(hp),
        source=str(path),
    )


def load_esco(path: str | Path | None = None) -> dict[str, list[dict[str, str]]]:
    """``occupations_esco.csv`` -> {SOC code: [{esco_occupation, esco_uri, esco_isco08}]}."""
    path = Path(path) if path is not None else DATA_DIR / "occupations_esco.csv"
    cols = ["soc_code", "esco_occupation", "esco_uri", "esco_isco08"]
    out: dict[str, list[dict[str, str]]] = {}
    for line, row in _open_csv(path, cols):
        s = (row["soc_code"] or "").strip()
        if not _SOC.match(s):
            raise OccupationDataError(f"{path}, line {line}: bad SOC code {s!r}")
        out.setdefault(s, []).append({k: (row[k] or "").strip() for k in cols[1:]})
    return out


def load_job_zones(path: str | Path | None = None) -> dict[int, dict[str, str]]:
    """``job_zone_reference.csv`` -> {zone 1..5: {Name, Experience, Education, ...}}."""
    path = Path(path) if path is not None else DATA_DIR / "job_zone_reference.csv"
    rows = _open_csv(path, ["Job Zone", "Name"])
    out: dict[int, dict[str, str]] = {}
    for line, row in rows:
        try:
            zone = int(row["Job Zone"])
        except (TypeError, ValueError) as exc:
            raise OccupationDataError(f"{path}, line {line}: bad Job Zone") from exc
        out[zone] = {k: v for k, v in row.items() if k != "Job Zone"}
    if sorted(out) != [1, 2, 3, 4, 5]:
        raise OccupationDataError(f"{path}: expected Job Zones 1-5, found {sorted(out)}")
    return out


def profile_correlations(scores: np.ndarray, table: OccupationTable) -> np.ndarray:
    """Pearson r between profile(s) and every occupation's OI profile.

    ``scores``: shape (6,) -> returns (n_occupations,); shape (k, 6) -> (k, n_occupations).
    Rows with no spread give NaN.
    """
    x = np.atleast_2d(np.asarray(scores, dtype=float))
    xc = x - x.mean(axis=1, keepdims=True)
    xn = np.linalg.norm(xc, axis=1, keepdims=True)
    oc = table.oi - table.oi.mean(axis=1, keepdims=True)
    on = np.linalg.norm(oc, axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        r = (xc @ oc.T) / (xn * on[None, :])
    r[np.broadcast_to(xn < 1e-12, r.shape)] = np.nan
    out: np.ndarray = r[0] if np.ndim(scores) == 1 else r
    return out


def zone_mask(table: OccupationTable, job_zones: Iterable[int] | int | None) -> np.ndarray:
    """Boolean mask of occupations in the given Job Zone(s); None = all."""
    if job_zones is None:
        return np.ones(len(table), dtype=bool)
    zones = {int(job_zones)} if isinstance(job_zones, int) else {int(z) for z in job_zones}
    bad = [z for z in zones if not 1 <= z <= 5]
    if bad:
        raise ValueError(f"Job Zone must be 1-5, got {bad}")
    return np.isin(table.job_zone, sorted(zones))


def load_riasec_items(path: str | Path | None = None) -> dict[str, dict[str, str]]:
    """``riasec_items.csv`` (IIP RIASEC Markers) -> {item id: {type, text, text_<lang>...}},
    validated; ``text_es`` etc. from ``riasec_item_texts.json`` beside it when present."""
    path = Path(path) if path is not None else DATA_DIR / "riasec_items.csv"
    out: dict[str, dict[str, str]] = {}
    for line, row in _open_csv(path, ["item_id", "type", "text"]):
        item, kind = (row["item_id"] or "").strip(), (row["type"] or "").strip().upper()
        if not item or kind not in RIASEC or len(kind) != 1:
            raise OccupationDataError(f"{path}, line {line}: bad item {item!r} type {kind!r}")
        if item in out:
            raise OccupationDataError(f"{path}, line {line}: duplicate item {item}")
        out[item] = {"type": kind, "text": (row["text"] or "").strip()}
    for item, texts in _item_translations(path.with_name("riasec_item_texts.json")).items():
        if item in out:
            out[item].update({f"text_{lang}": text for lang, text in texts.items()})
    return out


def _item_translations(path: Path) -> dict[str, dict[str, str]]:
    """{item id: {language: text}} from ``riasec_item_texts.json`` next to the items; {} if
    it is missing or unreadable (the game's content loader names that problem at start;
    a report then shows the English wording)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {
        str(k): {str(lang): t for lang, t in v.items() if isinstance(t, str) and t.strip()}
        for k, v in data.items()
        if isinstance(v, dict)
    }
