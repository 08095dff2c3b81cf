"""ESCO labels for O*NET occupations: load the shipped ESCO labels and pick, for each O*NET
occupation, the ESCO occupation(s) a European reader would recognise.

Files (``assets/data``, provenance in ``assets/data/SOURCES.md``):

* ``occupations_esco.csv`` -- the Nesta crosswalk: every ESCO occupation linked to an
  O*NET code, with Nesta's confidence (0.5 / 1 / 2 = highest).
* ``esco_labels.csv`` -- ESCO's preferred and alternative labels, English and Spanish, for
  the ESCO occupations the crosswalk links, plus those whose English preferred label *is*
  an O*NET title in the singular ("marketing manager" for Marketing Managers); written by
  ``assets/data/make_esco_labels.py``.

The choice (:func:`pick`), called once per occupation when content loads:

1. Candidates: the crosswalk rows of the code, and ESCO occupations whose preferred label
   is the O*NET title in the singular (counted as confidence 2).
2. The ESCO occupation's ISCO-08 unit group must agree with one of the O*NET occupation's
   ISCO codes (a 3-digit O*NET code agrees with every unit group under it).
3. It must be close enough: its preferred label shares a content word (not only "manager",
   "worker", ...) with the O*NET title or description, or one of its alternative labels
   shares at least half its words with the title.
4. Order: confidence, then "is the title in the singular", then word overlap with the
   title, with the title via alternative labels, with the description; shorter label last.
5. The best is shown; a second only if it has the same confidence and shares a content
   word with the title. So at most two, and none when nothing is close enough.

Bad files raise :class:`~telemetry.occupations.OccupationDataError` naming the file, the
line and the problem. No pygame here.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from telemetry.profile.occupations import DATA_DIR, OccupationDataError

__all__ = [
    "ESCO_URI",
    "EscoConcept",
    "EscoPick",
    "load_esco_labels",
    "pick",
    "singular_title",
    "words",
]

ESCO_URI = re.compile(
    r"^http://data\.europa\.eu/esco/occupation/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-"
    r"[0-9a-f]{4}-[0-9a-f]{12}$"
)
LABEL_COLUMNS = [
    "esco_uri",
    "isco08",
    "title_of",
    "preferred_en",
    "alt_en",
    "preferred_es",
    "alt_es",
]
ALT_SEP = " | "
_STOP = {
    "and",
    "of",
    "the",
    "or",
    "except",
    "other",
    "all",
    "in",
    "for",
    "a",
    "an",
    "to",
    "with",
    "on",
    "by",
    "as",
    "who",
    "that",
    "may",
    "at",
    "from",
    "this",
    "such",
    "their",
    "is",
    "are",
    "be",
    "not",
    "including",
    "includes",
    "one",
    "more",
}
GENERIC = {
    "manager",
    "worker",
    "operator",
    "technician",
    "assistant",
    "specialist",
    "officer",
    "clerk",
    "helper",
    "supervisor",
    "director",
    "professional",
    "head",
    "chief",
    "senior",
    "general",
}
_WORD = re.compile(r"[^\W\d_][^\W\d_'’-]*")


@dataclass(frozen=True)
class EscoConcept:
    """One ESCO occupation: URI, ISCO-08 unit group and labels per language
    (``preferred[lang]``; ``alt[lang]`` a tuple)."""

    uri: str
    isco08: str
    preferred: dict[str, str]
    alt: dict[str, tuple[str, ...]]
    title_of: tuple[str, ...] = ()  # O*NET codes whose title this label is, in the singular


@dataclass(frozen=True)
class EscoPick:
    """The ESCO occupation(s) chosen for one O*NET code, best first, and every linked one
    (for search)."""

    shown: tuple[EscoConcept, ...] = ()
    linked: tuple[EscoConcept, ...] = field(default=())


def stem(word: str) -> str:
    """A plain English singular: "managers" -> "manager", "secretaries" -> "secretary"."""
    w = word.casefold()
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    for suffix in ("sses", "xes", "ches", "shes"):
        if len(w) > len(suffix) + 2 and w.endswith(suffix):
            return w[:-2]
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def words(text: str) -> set[str]:
    """The content words of a title or label, singular, without "and", "of", ...; two
    neighbouring words also count joined ("child care" also gives "childcare")."""
    found = [stem(w) for w in _WORD.findall(text.replace("/", " ")) if w.casefold() not in _STOP]
    return set(found) | {stem(a + b) for a, b in zip(found, found[1:], strict=False)}


def singular_title(title: str) -> str:
    """ "Marketing Managers" -> "marketing manager"; only the part before the first comma."""
    return " ".join(stem(w) for w in title.split(",")[0].split())


def _alts(text: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in (text or "").split(ALT_SEP.strip()) if a.strip())


def load_esco_labels(path: str | Path | None = None) -> dict[str, EscoConcept]:
    """``esco_labels.csv`` -> {ESCO URI: concept}. Checks the columns, each URI's form and
    uniqueness, a 4-digit ISCO group and an English preferred label."""
    path = Path(path) if path is not None else DATA_DIR / "esco_labels.csv"
    out: dict[str, EscoConcept] = {}
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            missing = [c for c in LABEL_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise OccupationDataError(f"{path}: missing column(s) {', '.join(missing)}")
            for row in reader:
                where = f"{path}, line {reader.line_num}"
                uri = (row["esco_uri"] or "").strip()
                if not ESCO_URI.match(uri):
                    raise OccupationDataError(f"{where}: {uri!r} is not an ESCO occupation URI")
                if uri in out:
                    raise OccupationDataError(f"{where}: {uri} appears twice")
                isco = (row["isco08"] or "").strip()
                if not re.fullmatch(r"\d{4}", isco):
                    raise OccupationDataError(f"{where}: ISCO-08 group {isco!r} is not 4 digits")
                if not (row["preferred_en"] or "").strip():
                    raise OccupationDataError(f"{where}: no English preferred label")
                langs = [lang for lang in ("en", "es") if (row[f"preferred_{lang}"] or "").strip()]
                out[uri] = EscoConcept(
                    uri,
                    isco,
                    {k: row[f"preferred_{k}"].strip() for k in langs},
                    {k: _alts(row[f"alt_{k}"]) for k in langs},
                    tuple(x for x in (row["title_of"] or "").split(";") if x),
                )
    except OSError as exc:
        raise OccupationDataError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, csv.Error) as exc:
        raise OccupationDataError(f"{path}: not a readable UTF-8 CSV ({exc})") from exc
    return out


def isco_agrees(esco_isco: str, onet_isco: tuple[str, ...] | list[str]) -> bool:
    """The ESCO unit group lies under one of the O*NET ISCO codes (none known: agrees)."""
    return not onet_isco or any(esco_isco.startswith(code) for code in onet_isco)


def _overlap(label: set[str], other: set[str]) -> float:
    """Share of the label's words found in ``other``; generic words count a quarter (a
    joined pair found counts once, over the label's single words)."""
    single = {w for w in label if not any(w != x and w.startswith(x) for x in label)} or label
    if not label:
        return 0.0
    common = label & other
    return min(1.0, (len(common - GENERIC) + 0.25 * len(common & GENERIC)) / len(single))


def pick(
    title: str,
    description: str,
    isco08: tuple[str, ...] | list[str],
    linked: list[tuple[str, float]],
    concepts: dict[str, EscoConcept],
    title_matches: Sequence[str] = (),
) -> EscoPick:
    """Choose the ESCO occupation(s) to show for one O*NET occupation (see the module
    docstring). ``linked``: [(ESCO URI, Nesta confidence)] from the crosswalk;
    ``title_matches``: URIs whose preferred label is this title in the singular. URIs
    missing from ``concepts`` are skipped."""
    conf: dict[str, float] = {}
    for uri, c in linked:
        conf[uri] = max(conf.get(uri, 0.0), float(c))
    for uri in title_matches:
        conf[uri] = 2.0
    single = singular_title(title)
    tw, dw = words(title), words(description)
    ranked = []
    for uri, c in conf.items():
        concept = concepts.get(uri)
        if concept is None or not isco_agrees(concept.isco08, isco08):
            continue
        label = concept.preferred["en"]
        lw = words(label)
        t = _overlap(lw, tw) if (lw & tw) - GENERIC else 0.0
        d = _overlap(lw, dw) if (lw & dw) - GENERIC else 0.0
        a = max(
            (
                _overlap(words(x), tw)
                for x in concept.alt.get("en", ())
                if (words(x) & tw) - GENERIC
            ),
            default=0.0,
        )
        if not t and not d and a < 0.5:
            continue
        exact = " ".join(stem(w) for w in label.split()) == single
        ranked.append(
            ((c, exact, round(t, 3), round(a, 3), round(d, 3), -len(label), label), concept)
        )
    ranked.sort(key=lambda item: item[0], reverse=True)
    shown = [concept for _, concept in ranked[:1]]
    if len(ranked) > 1 and ranked[1][0][0] >= ranked[0][0][0] and ranked[1][0][2] > 0:
        shown.append(ranked[1][1])
    every = [concepts[u] for u in conf if u in concepts]
    return EscoPick(tuple(shown), tuple(every))
