"""Load the challenge files (``zones/data/challenges/*.json``): the envelope fields, the
cross-references to districts, occupations, skills and competences, and each level's
params as the mechanic reads them (its typed dataclass, see ``zones.params_types``).

Called by ``zones.loader.load_content`` once the districts and occupations are read;
problems are ``file: field: problem`` lines appended to ``problems``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from telemetry.words import languages
from zones.challenges import registry
from zones.checker import Checker as _Checker
from zones.content import EXTRA_SHIFT, LEVEL_KINDS, Challenge, District, Level
from zones.files import read_json as _read_json


def _mechanic_params(mechanic: Any, params: dict[str, Any]) -> tuple[Any, list[str]]:
    """The params as the mechanic reads them (its dataclass, or the dict) and their
    problems. A validator that trips over a value of an unexpected shape (a list where it
    reads an object, a null) is itself a finding about the file, reported as one line
    instead of a traceback."""
    try:
        return mechanic.parse_params(params, languages())
    except (AttributeError, TypeError, KeyError, IndexError, ValueError) as exc:
        return params, [f"malformed parameters ({type(exc).__name__}: {exc})"]


def _levels(
    chk: _Checker, rec: dict, base: dict[str, Any], mechanic: Any
) -> tuple[tuple[Level, ...], Level | None, dict[str, str] | None]:
    """A challenge's ``levels`` (tutorial, job, twist, in that order), its ``extra_shift``
    and its ``next_step`` line; each level's params are the base params with its own keys
    laid over them, checked by the mechanic as a whole. A challenge without ``levels``
    (written before levels) plays its base params once; with them, all three are needed."""
    if "levels" not in rec:
        return (), None, None
    raw = chk.get(rec, "levels", list, "challenge") or []
    if len(raw) != len(LEVEL_KINDS):
        chk.bad(
            "levels", f"needs {len(LEVEL_KINDS)} levels ({', '.join(LEVEL_KINDS)}), has {len(raw)}"
        )
    levels = []
    for n, (entry, kind) in enumerate(zip(raw, LEVEL_KINDS, strict=False), start=1):
        level = _level(chk, entry, f"levels[{n}]", kind, base, mechanic)
        if level is not None:
            levels.append(level)
    extra = None
    if "extra_shift" in rec:
        extra = _level(chk, rec.get("extra_shift"), "extra_shift", EXTRA_SHIFT, base, mechanic)
    else:
        chk.bad("extra_shift", "missing (every challenge with levels offers one)")
    return tuple(levels), extra, chk.text(rec, "next_step", "challenge")


def _level(
    chk: _Checker, entry: Any, where: str, kind: str, base: dict[str, Any], mechanic: Any
) -> Level | None:
    """One level record: ``kind`` (must be the expected one), ``title``, ``brief``, ``params``."""
    if not isinstance(entry, dict):
        chk.bad(where, "must be an object")
        return None
    if entry.get("kind") != kind:
        chk.bad(f"{where}.kind", f"must be '{kind}', got {entry.get('kind')!r}")
    own = chk.get(entry, "params", dict, where)
    params: Any = {**base, **(own or {})}
    if mechanic is not None and own is not None:
        params, found = _mechanic_params(mechanic, params)
        for problem in found:
            chk.bad(f"{where}.params", problem)
    return Level(kind, chk.text(entry, "title", where, 40), chk.text(entry, "brief", where), params)


def load_challenges(
    content_dir: Path,
    problems: list[str],
    district_ids: set[str],
    districts: list[District],
    occupations: dict[str, Any],
    skills: dict[str, Any],
    competences: dict[str, Any],
) -> dict[str, Challenge]:
    """Every challenge file, checked; a district naming a missing challenge is a problem."""
    challenges: dict[str, Challenge] = {}
    chal_dir = content_dir / "challenges"
    letter_of = {d.id: d.riasec for d in districts}
    unreadable: set[str] = set()  # already named once; not "no file" again
    for path in sorted(chal_dir.glob("*.json")):
        chk = _Checker(problems, str(path))
        rec = _read_json(path, problems, dict)
        if rec is None:
            unreadable.add(path.stem)
            continue
        w = "challenge"
        cid = chk.ident(rec, w)
        if cid and cid != path.stem:
            chk.bad("id", f"'{cid}' must match the file name '{path.stem}'")
        dist = chk.get(rec, "district", str, w)
        if dist is not None and dist not in district_ids:
            chk.bad("district", f"unknown district '{dist}'")
        mech = chk.get(rec, "mechanic", str, w)
        if mech is not None and mech not in registry.MECHANICS:
            chk.bad("mechanic", f"unknown mechanic '{mech}' (known: {sorted(registry.MECHANICS)})")
        occs = chk.strings(rec, "occupations", w, "occupations")
        if not 1 <= len(occs) <= 3:
            chk.bad("occupations", f"needs 1–3 occupation codes, has {len(occs)}")
        for code in occs:
            occ = occupations.get(code)
            if occ is None:
                chk.bad("occupations", f"'{code}' is not in occupations.csv")
            elif dist in letter_of and letter_of[dist] not in occ.holland:
                chk.bad(
                    "occupations",
                    f"'{code}' ({occ.title}, {occ.holland}) does not fit type {letter_of[dist]}",
                )
        chal_skills = chk.strings(rec, "skills", w, "skills")
        for sid in chal_skills:
            if sid not in skills:
                chk.bad("skills", f"unknown skill '{sid}'")
        chal_competences = chk.strings(rec, "competences", w, "competences")
        for comp in chal_competences:
            if comp not in competences:
                chk.bad("competences", f"unknown competence '{comp}'")
        minutes = chk.get(rec, "minutes", int, w)
        if minutes is not None and not 3 <= minutes <= 5:
            chk.bad("minutes", f"{minutes} is outside 3–5")
        params = chk.get(rec, "params", dict, w) or {}
        mechanic = registry.MECHANICS.get(mech) if mech else None
        typed: Any = params
        if mechanic is not None:
            typed, found = _mechanic_params(mechanic, params)
            for problem in found:
                chk.bad("params", problem)
        levels, extra_shift, next_step = _levels(chk, rec, params, mechanic)
        challenges[cid] = Challenge(
            cid,
            dist or "",
            mech or "",
            chk.text(rec, "title", w, 40),
            chk.text(rec, "goal", w),
            chk.text(rec, "intro", w),
            tuple(occs),
            tuple(chal_skills),
            tuple(chal_competences),
            chk.text(rec, "pathway", w),
            minutes or 4,
            typed,
            levels,
            extra_shift,
            next_step,
        )
    for d in districts:
        for cid in d.challenges:
            if cid in unreadable:
                continue
            if cid not in challenges:
                problems.append(
                    f"{content_dir / 'districts.json'}: {d.id}.challenges: no file for '{cid}'"
                )
            elif challenges[cid].district != d.id:
                problems.append(
                    f"{chal_dir / (cid + '.json')}: district: is '{challenges[cid].district}' "
                    f"but listed under '{d.id}'"
                )

    return challenges
