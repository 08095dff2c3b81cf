"""Write ``workforce_sex.csv`` from two U.S. Bureau of Labor Statistics tables (run by a
maintainer, never by the game): ``python assets/data/make_workforce_sex.py CPSAAT11.xlsx
EP_OCCUPATION.xlsx`` from the repository root. Provenance: ``SOURCES.md`` section 10.

* ``CPSAAT11.xlsx``: CPS annual averages table 11, "Employed persons by detailed
  occupation, sex, race, and Hispanic or Latino ethnicity" (2021): Census occupation
  titles, total employed (thousands) and percent women.
* ``EP_OCCUPATION.xlsx``: the Employment Projections workbook ``occupation.xlsx`` (2021-31),
  sheet "Table 1.2": National Employment Matrix titles with their 2018 SOC codes.

Table 11 names occupations by Census title only. A Census title is linked to a SOC code
when it equals, ignoring case and runs of spaces, a National Employment Matrix title of a
detailed occupation (``Line item``) or of a broad group (code ending in 0); nothing is
matched by similarity. Each O*NET occupation of ``occupations.csv`` takes the row of its
SOC detailed code (the first 7 characters), else of its broad group. Values are copied
unchanged; an occupation whose table row has no percentage (BLS publishes none where the
base is under 50,000) is written with ``women_percent`` empty. Two runs give the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import re
import sys
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
_NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _sheet(path: Path, name: str) -> list[list[str]]:
    """The rows of one worksheet as text cells (a minimal .xlsx reader, standard library)."""
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", _NS):
                shared.append("".join(t.text or "" for t in si.iter(f"{{{_NS['m']}}}t")))
        book = ET.fromstring(z.read("xl/workbook.xml"))
        rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
        target = {r.get("Id"): r.get("Target") for r in rels}
        sheet = next(s for s in book.find("m:sheets", _NS) if s.get("name") == name)
        part = target[sheet.get(_REL)].lstrip("/")
        part = part if part.startswith("xl/") else f"xl/{part}"
        rows = []
        for row in ET.fromstring(z.read(part)).iter(f"{{{_NS['m']}}}row"):
            cells: dict[int, str] = {}
            for c in row.findall("m:c", _NS):
                col = re.match(r"[A-Z]+", c.get("r", "A")).group(0)
                index = 0
                for ch in col:
                    index = index * 26 + ord(ch) - 64
                v = c.find("m:v", _NS)
                text = "".join(t.text or "" for t in c.iter(f"{{{_NS['m']}}}t"))
                if c.get("t") == "s" and v is not None:
                    text = shared[int(v.text)]
                elif v is not None:
                    text = v.text or ""
                cells[index - 1] = text
            rows.append([cells.get(i, "") for i in range(max(cells, default=-1) + 1)])
        return rows


def _norm(title: str) -> str:
    return " ".join(title.lower().split())


def _number(text: str) -> str:
    """A number as the table prints it (``47`` not ``47.0``), or "" for a dash."""
    try:
        value = float(text)
    except ValueError:
        return ""
    return f"{value:g}" if value != int(value) else str(int(value))


def main(cps_path: Path, ep_path: Path) -> None:
    cps = {}
    for row in _sheet(cps_path, "cpsaat11")[4:]:
        if len(row) > 2 and row[0].strip() and _number(row[1]):
            cps.setdefault(_norm(row[0]), (" ".join(row[0].split()), row[1], row[2]))
    socs: dict[str, tuple[str, str]] = {}  # SOC code -> Census title key, level
    for row in _sheet(ep_path, "Table 1.2")[2:]:
        if len(row) < 3 or not re.fullmatch(r"\d\d-\d{4}", row[1].strip()):
            continue
        code, kind, key = row[1].strip(), row[2].strip(), _norm(row[0])
        if key in cps and (kind == "Line item" or code.endswith("0")):
            socs.setdefault(code, (key, "detailed" if kind == "Line item" else "broad"))
    out = []
    with open(HERE / "occupations.csv", encoding="utf-8", newline="") as fh:
        for occ in csv.DictReader(fh):
            detailed = occ["soc_code"][:7]
            hit = socs.get(detailed) or socs.get(detailed[:6] + "0")
            if hit is None:
                continue
            title, total, women = cps[hit[0]]
            code = detailed if detailed in socs else detailed[:6] + "0"
            out.append([occ["soc_code"], title, code, hit[1], _number(total), _number(women)])
    with open(HERE / "workforce_sex.csv", "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(
            ["soc_code", "census_title", "soc_2018", "level", "employed_thousands", "women_percent"]
        )
        writer.writerows(out)
    for p in (cps_path, ep_path):
        print(p.name, hashlib.sha256(p.read_bytes()).hexdigest())
    print(f"{len(out)} O*NET occupations, {sum(1 for r in out if r[5])} with a percentage")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__.split("\n\n")[0])
    main(Path(sys.argv[1]), Path(sys.argv[2]))
