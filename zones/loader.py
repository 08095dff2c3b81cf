"""Load and validate all content: one loader, one-line problems ``file: field: problem``.

Called once at start by the app (and by tests and the command line). It reads
``zones/data`` and ``assets/data`` and touches nothing else. Every cross-reference is
checked: districts ↔ challenges ↔ mentors, skills and competences, IIP item ids, O*NET
occupation codes, mechanic names and each mechanic's own parameters, and that every
language map has every shipped language with the same placeholders.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from telemetry.profile.esco_match import load_esco_labels, pick
from telemetry.profile.evidence import RIASEC
from telemetry.profile.occupations import OccupationDataError
from telemetry.words import languages
from zones.checker import Checker as _Checker
from zones.content import (
    HEX,
    SHAPES,
    THEMES,
    Competence,
    Content,
    District,
    EscoName,
    Landmark,
    Mentor,
    MentorQuestion,
    Occupation,
    RouteFramework,
    Skill,
)
from zones.files import read_csv as _read_csv
from zones.files import read_json as _read_json
from zones.items import load_items, load_job_board
from zones.load_challenges import load_challenges

SOC = re.compile(r"^\d{2}-\d{4}\.\d{2}$")


class ContentError(ValueError):
    """Content is broken. ``problems`` holds every ``file: field: problem`` line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        super().__init__(problems[0] + more)


def load_occupations(data_dir: Path, problems: list[str]) -> dict[str, Occupation]:
    """The 923 O*NET occupations with their best ESCO names attached where the crosswalk
    has a good enough match (``telemetry.profile.esco_match.pick``) and every searchable name."""
    path = data_dir / "occupations.csv"
    rows = _read_csv(
        path, problems, ("soc_code", "title", "description", *RIASEC, "holland_code", "job_zone")
    )
    linked: dict[str, list[tuple[str, float]]] = {}
    cross = data_dir / "occupations_esco.csv"
    for n, row in enumerate(
        _read_csv(cross, problems, ("soc_code", "esco_uri", "nesta_confidence")), start=2
    ):
        try:
            linked.setdefault(row["soc_code"], []).append(
                (row["esco_uri"], float(row["nesta_confidence"]))
            )
        except (TypeError, ValueError):
            problems.append(
                f"{cross}: line {n}: nesta_confidence '{row['nesta_confidence']}' is not a number"
            )
    try:
        concepts = load_esco_labels(data_dir / "esco_labels.csv")
    except OccupationDataError as exc:
        problems.append(f"{exc}")
        concepts = {}
    by_title: dict[str, list[str]] = {}
    for concept in concepts.values():
        for soc in concept.title_of:
            by_title.setdefault(soc, []).append(concept.uri)
    team = _team_words(
        data_dir / "team_occupation_words.csv", {r["soc_code"] for r in rows}, problems
    )
    out: dict[str, Occupation] = {}
    for n, row in enumerate(rows, start=2):
        try:
            r, i, a, s, e, c = (float(row[t]) for t in RIASEC)
            scores = (r, i, a, s, e, c)
            zone = int(row["job_zone"])
        except (TypeError, ValueError):
            problems.append(f"{path}: line {n}: scores and job_zone must be numbers")
            continue
        code = row["soc_code"] or ""
        if not SOC.match(code):
            problems.append(
                f"{path}: line {n}: soc_code '{row['soc_code']}' is not an O*NET-SOC code"
            )
            continue
        isco = tuple(c for c in (row.get("isco08") or "").split(";") if c)
        chosen = pick(
            row["title"],
            row["description"],
            isco,
            linked.get(code, []),
            concepts,
            by_title.get(code, []),
        )
        esco = tuple(EscoName(c.uri, c.isco08, dict(c.preferred)) for c in chosen.shown)
        out[code] = Occupation(
            code,
            row["title"],
            row["description"],
            scores,
            row["holland_code"],
            zone,  # type: ignore[arg-type]
            tuple(e.label["en"] for e in esco),
            esco,
            isco,
            _names(row["title"], chosen.shown + chosen.linked) + team.get(code, ()),
        )
    return out


def _team_words(
    path: Path, codes: set[str], problems: list[str]
) -> dict[str, tuple[tuple[str, str], ...]]:
    """The Worktown team's everyday search words (not ESCO's): {code: ((language, word), ...)}."""
    out: dict[str, tuple[tuple[str, str], ...]] = {}
    for n, row in enumerate(_read_csv(path, problems, ("soc_code", "language", "word")), start=2):
        code, lang, word = row["soc_code"] or "", row["language"] or "", (row["word"] or "").strip()
        if code not in codes:
            problems.append(
                f"{path}: line {n}: soc_code '{code}' is not an occupation in occupations.csv"
            )
        elif lang not in languages() or not word:
            problems.append(f"{path}: line {n}: needs a language {languages()} and a word")
        else:
            out[code] = (*out.get(code, ()), (lang, word))
    return out


def _names(title: str, concepts) -> tuple[tuple[str, str], ...]:
    """(language, name) pairs to search an occupation by, without repeats."""
    seen: dict[tuple[str, str], None] = {("en", title): None}
    for concept in concepts:
        for lang, label in concept.preferred.items():
            for name in (label, *label.split("/"), *concept.alt.get(lang, ())):
                if name.strip():
                    seen.setdefault((lang, name.strip()), None)
    return tuple(seen)


def load_routes(
    data_dir: Path, problems: list[str]
) -> tuple[dict[str, RouteFramework], dict[str, str]]:
    """``learning_routes.json``: every framework with routes for Job Zones 1-5 in every
    language, and a known default framework for every language."""
    path = data_dir / "learning_routes.json"
    data = _read_json(path, problems)
    if data is None:
        return {}, {}
    chk = _Checker(problems, str(path))
    if not isinstance(data, dict):
        chk.bad("-", "must be a JSON object")
        return {}, {}
    out: dict[str, RouteFramework] = {}
    frameworks = data.get("frameworks")
    if not isinstance(frameworks, list) or not frameworks:
        chk.bad("frameworks", "must be a non-empty list")
        frameworks = []
    named: set[str] = set()
    for i, rec in enumerate(frameworks):
        w = f"frameworks[{i}]"
        fid = chk.ident(rec, w)
        named.add(fid)
        zones_rec = rec.get("zones") if isinstance(rec, dict) else None
        if not isinstance(zones_rec, dict) or sorted(zones_rec) != ["1", "2", "3", "4", "5"]:
            chk.bad(f"{w}.zones", "must give routes for Job Zones 1-5")
            continue
        zones = {int(z): chk.text(zones_rec, z, f"{w}.zones") for z in sorted(zones_rec)}
        out[fid] = RouteFramework(fid, chk.text(rec, "name", w), zones)
    defaults = data.get("default_for_language")
    if not isinstance(defaults, dict) or any(
        defaults.get(lang) not in named for lang in languages()
    ):
        chk.bad("default_for_language", f"must name a known framework for each of {languages()}")
        defaults = {}
    return out, {str(k): str(v) for k, v in defaults.items() if v in out}


def load_job_zones(data_dir: Path, problems: list[str]) -> dict[int, dict[str, str]]:
    path = data_dir / "job_zone_reference.csv"
    zones = {}
    for row in _read_csv(path, problems, ("Job Zone", "Name", "Education")):
        try:
            zones[int(row["Job Zone"])] = dict(row)
        except ValueError:
            problems.append(f"{path}: Job Zone: '{row['Job Zone']}' is not a number")
    return zones


def _list_file(path: Path, problems: list[str]) -> list[Any]:
    return _read_json(path, problems, list) or []


def _unique(ids: list[str], file: str, problems: list[str]) -> None:
    seen = set()
    for i in ids:
        if i in seen:
            problems.append(f"{file}: id: '{i}' appears twice")
        seen.add(i)


def load_content(content_dir: Path, data_dir: Path) -> Content:
    """Read and validate everything; raise ContentError listing every problem."""
    problems: list[str] = []
    occupations = load_occupations(data_dir, problems)
    items = load_items(data_dir, languages(), problems)
    job_board = load_job_board(content_dir, items, problems)
    job_zones = load_job_zones(data_dir, problems)
    routes, route_defaults = load_routes(data_dir, problems)

    competences: dict[str, Competence] = {}
    path = content_dir / "competences.json"
    chk = _Checker(problems, str(path))
    for i, rec in enumerate(_list_file(path, problems)):
        w = f"[{i}]"
        cid = chk.ident(rec, w)
        theme = chk.get(rec, "theme", str, w)
        if theme is not None and theme not in THEMES:
            chk.bad(f"{w}.theme", f"'{theme}' is not one of {THEMES}")
        competences[cid] = Competence(
            cid, theme or "", chk.text(rec, "name", w), chk.text(rec, "description", w)
        )

    skills: dict[str, Skill] = {}
    path = content_dir / "skills.json"
    chk = _Checker(problems, str(path))
    for i, rec in enumerate(_list_file(path, problems)):
        w = f"[{i}]"
        sid = chk.ident(rec, w)
        comp = chk.get(rec, "competence", str, w)
        if comp is not None and comp not in competences:
            chk.bad(f"{w}.competence", f"unknown competence '{comp}'")
        skills[sid] = Skill(sid, chk.text(rec, "name", w), comp or "")

    districts: list[District] = []
    path = content_dir / "districts.json"
    chk = _Checker(problems, str(path))
    raw_districts = _list_file(path, problems)
    for i, rec in enumerate(raw_districts):
        w = f"[{i}]"
        did = chk.ident(rec, w)
        letter = chk.get(rec, "riasec", str, w)
        if letter is not None and letter not in RIASEC:
            chk.bad(f"{w}.riasec", f"'{letter}' is not one of R I A S E C")
        chals = chk.strings(rec, "challenges", w)
        if len(chals) < 3:
            chk.bad(f"{w}.challenges", f"has {len(chals)} challenges, needs at least 3")
        districts.append(
            District(
                did,
                letter or "",
                chk.text(rec, "name", w),
                chk.text(rec, "tagline", w),
                chk.text(rec, "nickname", w),
                chk.colour(rec, "colour", w),
                chk.get(rec, "mentor", str, w) or "",
                tuple(chals),
                chk.icon(rec, w),
            )
        )
    _unique([d.id for d in districts], str(path), problems)
    letters = sorted(d.riasec for d in districts)
    if districts and letters != sorted(RIASEC):
        problems.append(
            f"{path}: riasec: districts must cover R I A S E C once each, got {''.join(letters)}"
        )

    landmarks: list[Landmark] = []
    path = content_dir / "landmarks.json"
    chk = _Checker(problems, str(path))
    for i, rec in enumerate(_list_file(path, problems)):
        w = f"[{i}]"
        lid = chk.ident(rec, w)
        theme = chk.get(rec, "theme", str, w)
        if theme is not None and theme not in THEMES:
            chk.bad(f"{w}.theme", f"'{theme}' is not one of {THEMES}")
        landmarks.append(
            Landmark(
                lid,
                theme or "",
                chk.text(rec, "name", w),
                chk.text(rec, "tagline", w),
                chk.colour(rec, "colour", w),
                chk.icon(rec, w),
            )
        )

    mentors: dict[str, Mentor] = {}
    path = content_dir / "mentors.json"
    chk = _Checker(problems, str(path))
    district_ids = {d.id for d in districts}
    for i, rec in enumerate(_list_file(path, problems)):
        w = f"[{i}]"
        mid = chk.ident(rec, w)
        dist = chk.get(rec, "district", str, w)
        if dist is not None and dist not in district_ids:
            chk.bad(f"{w}.district", f"unknown district '{dist}'")
        occ = chk.get(rec, "occupation", str, w)
        if occ is not None and occ not in occupations:
            chk.bad(f"{w}.occupation", f"'{occ}' is not in occupations.csv")
        avatar = chk.get(rec, "avatar", dict, w) or {}
        if avatar.get("shape") not in SHAPES:
            chk.bad(f"{w}.avatar.shape", f"must be one of {SHAPES}")
        questions = []
        for j, q in enumerate(chk.get(rec, "questions", list, w) or []):
            qw = f"{w}.questions[{j}]"
            questions.append(
                MentorQuestion(chk.ident(q, qw), chk.text(q, "ask", qw), chk.text(q, "answer", qw))
            )
        item_ids = chk.strings(rec, "items", w)
        own = {d.riasec for d in districts if d.id == dist}
        for item in item_ids:
            if item not in items:
                chk.bad(f"{w}.items", f"'{item}' is not an item in riasec_items.csv")
            elif own and items[item].riasec not in own:
                chk.bad(
                    f"{w}.items",
                    f"'{item}' is a {items[item].riasec} activity: a mentor asks only "
                    f"about their own field ({''.join(sorted(own))}); other types belong "
                    "on the odd-jobs board",
                )
        mentors[mid] = Mentor(
            mid,
            dist or "",
            chk.text(rec, "name", w),
            chk.text(rec, "job", w),
            occ or "",
            str(avatar.get("shape", "circle")),
            avatar.get("colour", "#888888")
            if HEX.match(str(avatar.get("colour", "")))
            else "#888888",
            chk.text(rec, "greeting", w),
            tuple(questions),
            tuple(item_ids),
        )
    for d in districts:
        if d.mentor not in mentors:
            problems.append(
                f"{content_dir / 'districts.json'}: {d.id}.mentor: unknown mentor '{d.mentor}'"
            )

    challenges = load_challenges(
        content_dir, problems, district_ids, districts, occupations, skills, competences
    )
    if problems:
        raise ContentError(problems)
    return Content(
        languages(),
        districts,
        landmarks,
        competences,
        skills,
        mentors,
        challenges,
        items,
        occupations,
        job_zones,
        job_board,
        routes,
        route_defaults,
    )
