"""Write ``esco_labels.csv`` from ESCO's own occupation files (run by a maintainer, never by
the game): ``python assets/data/make_esco_labels.py OCCUPATIONS_EN.csv OCCUPATIONS_ES.csv``
from the repository root. Provenance of the input files: ``SOURCES.md`` section 7.

Keeps only what the game needs, and only for the ESCO occupations it can show:

* every ESCO occupation the crosswalk (``occupations_esco.csv``) links, and
* every ESCO occupation whose English preferred label is an O*NET title
  (``occupations.csv``) in the singular, with an ISCO-08 group that agrees
  (its O*NET codes go in ``title_of``).

Columns: ``esco_uri, isco08, title_of, preferred_en, alt_en, preferred_es, alt_es``;
alternative labels are joined by `` | `` (sorted, duplicates dropped). Values are copied
from ESCO unchanged, except that runs of white space (ESCO has some no-break spaces and
doubled spaces) become one space. Two runs give the same bytes.
"""

from __future__ import annotations

import csv
import hashlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from telemetry.profile.esco_match import ALT_SEP, LABEL_COLUMNS, isco_agrees, singular_title, stem  # noqa: E402


def _clean(text: str) -> str:
    return " ".join((text or "").split())


def _read_esco(path: Path) -> dict[str, dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    need = {"conceptUri", "iscoGroup", "preferredLabel", "altLabels"}
    if not rows or need - set(rows[0]):
        raise SystemExit(f"{path}: expected ESCO columns {sorted(need)}")
    return {r["conceptUri"]: r for r in rows if r.get("conceptType", "Occupation") == "Occupation"}


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__)
        return 2
    en, es = (_read_esco(Path(p)) for p in argv)
    for p in argv:
        print(f"{p}: sha256 {hashlib.sha256(Path(p).read_bytes()).hexdigest()}")
    with open(HERE / "occupations_esco.csv", encoding="utf-8", newline="") as fh:
        linked = {r["esco_uri"] for r in csv.DictReader(fh)}
    with open(HERE / "occupations.csv", encoding="utf-8", newline="") as fh:
        onet = list(csv.DictReader(fh))
    by_label: dict[str, list[str]] = {}
    for uri, row in en.items():
        by_label.setdefault(
            " ".join(stem(w) for w in _clean(row["preferredLabel"]).split()), []
        ).append(uri)
    title_of: dict[str, list[str]] = {}
    for occ in onet:
        isco = [c for c in occ["isco08"].split(";") if c]
        for uri in by_label.get(singular_title(occ["title"]), []):
            if isco_agrees(en[uri]["iscoGroup"], isco):
                title_of.setdefault(uri, []).append(occ["soc_code"])
    missing = sorted((linked | set(title_of)) - set(en))
    if missing:
        raise SystemExit(
            f"{argv[0]}: {len(missing)} linked ESCO occupations missing, e.g. {missing[0]}"
        )
    out = HERE / "esco_labels.csv"
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(LABEL_COLUMNS)
        for uri in sorted(linked | set(title_of)):
            cells = [uri, en[uri]["iscoGroup"], ";".join(sorted(title_of.get(uri, [])))]
            for source in (en, es):
                row = source.get(uri, {})
                pref = _clean(row.get("preferredLabel", ""))
                alts = {_clean(a) for a in row.get("altLabels", "").split("\n")} - {"", pref}
                cells += [pref, ALT_SEP.join(sorted(alts, key=lambda a: (a.casefold(), a)))]
            writer.writerow(cells)
    print(
        f"{out}: {len(linked | set(title_of))} ESCO occupations ({len(set(title_of) - linked)} by "
        "title only)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
