"""The practitioner report as data: one JSON-ready dict built from a player's statements.

:func:`build_report` is called by the report command (and the class tools) once per
player; every renderer (HTML, PDF, CSV) and the JSON export read only its result. It
touches no file except through the default occupation tables of
:mod:`telemetry.profile.occupations` when the caller passes none.

The caller passes a small *content summary* so telemetry never imports ``zones``::

    {"competences": [{"id", "theme", "name"}], "challenges": {id: title},
     "districts": {letter: name}, "places": {district or landmark id: name},
     "skills": {id: name}, "mentors": {id: "Sam, bike mechanic"},
     "esco": {soc: [label, ...]}, "job_zones": {1: "Little or no preparation needed"},
     "esco_links": {soc: [{"uri", "label", "isco08"}]}, "isco08": {soc: [ISCO-08 code]},
     "routes": {"framework": "scotland", "name": "Scotland", "zones": {"1": "..."}}}

Each match and saved occupation carries ``esco_occupations`` (the ESCO occupations shown
beside it: URI, label, ISCO-08 group) and ``isco08`` (the O*NET occupation's ISCO-08
codes), so a European service can read the matches with its own tools.

Every key is optional. Every string taken from statements (responses, ids) is untrusted:
it is carried as data and escaped by the renderers, never interpreted.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from typing import Any

from telemetry.profile.cms import assess_competences, evidence_weight, strengths
from telemetry.profile.engine import Profile, iachan_index, profile_from_evidence
from telemetry.profile.evidence import RIASEC, extract_evidence
from telemetry.profile.matching import match_occupations
from telemetry.profile.occupations import OccupationTable, load_job_zones, load_riasec_items
from telemetry.profile.workforce import load_workforce, mostly
from telemetry.report.session import next_step, reflections, session_facts
from telemetry.report.words import say
from telemetry.words import languages
from telemetry.xapi.decode import DecodedLog, decode_log

__all__ = ["build_report", "REPORT_MATCHES_PER_ZONE"]

#: matches listed per Job Zone: the best of each zone, ranked inside the zone (issue 17)
REPORT_MATCHES_PER_ZONE = 5


def _r(x: float | None, n: int = 3) -> float | None:
    return None if x is None else round(float(x), n)


def _label(summary: Mapping[str, Any], ident: str) -> str:
    """A readable name for a challenge / place / mentor / occupation id (the id itself if
    unknown)."""
    for key in ("challenges", "places", "mentors", "occupation_titles"):
        table = summary.get(key) or {}
        if ident in table:
            return str(table[ident])
    return ident


def _where(lang: str, summary: Mapping[str, Any], where: str) -> str:
    parts = where.split("/")
    if parts[-1] == "hub":
        return say(lang, "where_hub")
    place = _label(summary, parts[-1])
    return say(lang, "where_place" if place != parts[-1] else "where_other", place=place)


def _evidence_text(
    lang: str, summary: Mapping[str, Any], item: Any, items: Mapping[str, Mapping[str, str]]
) -> str:
    kind, value = item.kind, item.value
    if kind in ("choice", "not_chosen"):
        return say(
            lang,
            f"ev_{kind}",
            chosen=_label(summary, str(value)),
            where=_where(lang, summary, item.source),
        )
    if kind == "item":
        wording = items.get(item.source, {})
        return say(
            lang,
            "ev_item",
            title=wording.get(f"text_{lang}") or wording.get("text", item.source),
            value=value,
        )
    if kind == "could_be_me":
        answer = ["no", "maybe", "yes"][int(value) - 1]
        return say(
            lang,
            "ev_could_be_me",
            title=_label(summary, item.source),
            value=say(lang, f"answer_{answer}"),
        )
    if kind in ("replay", "extra_round", "watch"):
        return say(
            lang, f"ev_{kind}_{'yes' if value else 'no'}", title=_label(summary, item.source)
        )
    if kind == "reading":
        return say(lang, "ev_reading", title=_label(summary, item.source), value=round(value))
    if kind in ("pair_preferred", "pair_passed"):
        wording = items.get(item.source, {})
        return say(
            lang,
            f"ev_{kind}",
            title=wording.get(f"text_{lang}") or wording.get("text", item.source),
            other=_type(lang, str(value)),
        )
    return say(lang, f"ev_{kind}", title=_label(summary, item.source), value=value)


def _type(lang: str, letter: str) -> str:
    """The name of Holland type ``letter`` in the report language."""
    return say(lang, f"type_{letter}")


def _certainty(p: Profile) -> str:
    if p.code_set_probability >= 0.6 and p.first_letter_probability >= 0.6:
        return "sure"
    if p.code_set_probability >= 0.3 or p.first_letter_probability >= 0.5:
        return "fair"
    return "tentative"


def _profile_part(lang: str, p: Profile) -> dict[str, Any]:
    names = ", ".join(_type(lang, k) for k in p.code)
    reason = p.readability.reason if p.readability is not None else None
    cert = _certainty(p) if reason is None else "not_interpretable"
    first = _type(lang, p.code[0]) if p.code else "—"
    pair = (
        say(
            lang, "pair", a=_type(lang, p.consistency.pair[0]), b=_type(lang, p.consistency.pair[1])
        )
        if len(p.consistency.pair) == 2
        else ""
    )
    return {
        "scale": p.scale,
        "interval": p.interval,
        "scores": [
            {
                "letter": k,
                "name": _type(lang, k),
                "score": _r(s.score),
                "sd": _r(s.sd),
                "low": _r(s.low),
                "high": _r(s.high),
                "top3_probability": _r(s.top3_probability),
                "first_probability": _r(s.first_probability),
                "n_evidence": s.n_evidence,
            }
            for k, s in p.scores.items()
        ],
        "code": p.code,
        "code_names": names,
        "code_probability": _r(p.code_probability),
        "first_letter_probability": _r(p.first_letter_probability),
        "code_set_probability": _r(p.code_set_probability),
        "certainty": {
            "level": cert,
            "text": say(
                lang,
                "certainty_text",
                label=say(lang, f"certainty_{cert}"),
                set=round(100 * p.code_set_probability),
                exact=round(100 * p.code_probability),
                first=first,
                firstp=round(100 * p.first_letter_probability),
            )
            if reason is None
            else say(lang, f"unreadable_{reason}"),
        },
        "interpretable": reason is None,
        "readability": reason or "ok",
        "differentiation": {
            "range": _r(p.differentiation.range),
            "iachan": _r(p.differentiation.iachan),
            "level": p.differentiation.label,
            "text": say(
                lang, f"diff_{p.differentiation.label}", range=f"{p.differentiation.range:.1f}"
            ),
        },
        "consistency": {
            "pair": p.consistency.pair,
            "distance": p.consistency.distance,
            "level": p.consistency.level,
            "text": say(lang, f"cons_{p.consistency.level}", pair=pair),
        },
        "response_style": _r(p.response_style),
        "params_version": p.params_version,
        "n_evidence": p.n_evidence,
        "n_statements": p.n_statements,
    }


def _activity_label(lang: str, summary: Mapping[str, Any], activity: str) -> str:
    parts = activity.split("/")
    head, rest = parts[0], parts[1] if len(parts) > 1 else ""
    if head in ("challenge", "reflect"):
        return say(lang, f"act_{head}", title=_label(summary, rest))
    if head == "mentor":
        return say(lang, "act_mentor", title=(summary.get("mentors") or {}).get(rest, rest))
    if head == "occupation":
        return say(lang, "act_occupation", title=_label(summary, rest))
    if head == "item":
        return say(lang, "act_item")
    if head == "passport":
        return say(lang, "act_next_step")
    return say(lang, "act_other", title=_label(summary, parts[-1]))


def _cms_part(lang: str, summary: Mapping[str, Any], ev: Any) -> list[dict[str, Any]]:
    defs = list(summary.get("competences") or [])
    names = {str(d["id"]): str(d.get("name", d["id"])) for d in defs}
    out = []
    for c in assess_competences(defs, ev):
        grouped: dict[str, dict[str, Any]] = {}
        for e in c.events:
            label = _activity_label(lang, summary, e.activity)
            w = evidence_weight(e)
            how = "demonstrated" if w >= 2 else "reflected" if w >= 1.5 else "engaged"
            g = grouped.setdefault(label, {"activity": label, "count": 0, "how": how})
            g["count"] += 1
            if w > {"demonstrated": 2, "reflected": 1.5, "engaged": 1}[g["how"]]:
                g["how"] = how
        out.append(
            {
                "id": c.id,
                "theme": c.theme,
                "name": names.get(c.id, c.id),
                "level": c.level,
                "count": c.count,
                "weight": _r(c.weight, 2),
                "evidence": list(grouped.values()),
            }
        )
    return out


def _occupations_part(
    summary: Mapping[str, Any], p: Profile, table: OccupationTable | None
) -> dict[str, Any]:
    esco = summary.get("esco") or {}
    links = summary.get("esco_links") or {}
    isco = summary.get("isco08") or {}

    def european(soc: str) -> dict[str, Any]:
        return {
            "esco_occupations": [
                {
                    "uri": str(e.get("uri", "")),
                    "label": str(e.get("label", "")),
                    "isco08": str(e.get("isco08", "")),
                }
                for e in links.get(soc, [])
            ][:2],
            "isco08": [str(c) for c in isco.get(soc, [])],
        }

    zones = {int(k): str(v) for k, v in (summary.get("job_zones") or {}).items()}
    if not zones:
        try:
            zones = {z: r.get("Name", str(z)) for z, r in load_job_zones().items()}
        except (OSError, ValueError):
            zones = {}
    matches = [
        {
            "soc_code": m.soc_code,
            "title": m.title,
            "job_zone": m.job_zone,
            "holland_code": m.holland_code,
            "r": _r(m.r),
            "r_low": _r(m.r_low),
            "r_high": _r(m.r_high),
            "zone_rank": m.zone_rank,
            "women_percent": m.women_percent,
            "mostly": mostly(m.women_percent),
            "balance": m.balance,
            "esco": [str(x) for x in esco.get(m.soc_code, [])][:3],
            "drivers": [d.letter for d in m.drivers],
            **european(m.soc_code),
        }
        for m in p.matches
    ]
    saved = [
        {
            "soc_code": c.soc_code,
            "title": c.title,
            "holland_code": c.occupation_code,
            "m_index": c.m_index,
            "level": c.label,
            **european(c.soc_code),
        }
        for c in p.congruence
    ]
    if table is not None:
        for soc in p.unknown_saved:
            saved.append(
                {
                    "soc_code": soc,
                    "title": soc,
                    "holland_code": "",
                    "m_index": 0,
                    "level": "unknown",
                }
            )
    routes = summary.get("routes") or {}
    route_zones = {str(k): str(v) for k, v in (routes.get("zones") or {}).items()}
    for m in matches:
        m["route"] = route_zones.get(str(m["job_zone"]), "")
    part = {
        "matches": matches,
        "job_zones": {str(k): v for k, v in sorted(zones.items())},
        "saved": saved,
    }
    if route_zones:
        part["routes"] = {
            "framework": str(routes.get("framework", "")),
            "name": str(routes.get("name", "")),
            "zones": route_zones,
        }
    return part


def _starters(lang: str, rep: dict[str, Any]) -> list[str]:
    out: list[str] = []
    prof = rep["profile"]
    code = prof["code"]
    refl = rep["reflections"]
    enjoyed = [r for r in refl if r.get("enjoy")]
    if enjoyed:
        best = max(enjoyed, key=lambda r: r["enjoy"])
        if best["enjoy"] >= 4:
            out.append(say(lang, "st_enjoyed", title=best["title"], value=best["enjoy"]))
    for r in refl:
        if r.get("enjoy") and r.get("expect") and abs(r["enjoy"] - r["expect"]) >= 2:
            out.append(
                say(
                    lang,
                    "st_surprise",
                    title=r["title"],
                    before=r["expect"],
                    after=r["enjoy"],
                    dir=say(lang, "dir_better" if r["enjoy"] > r["expect"] else "dir_worse"),
                )
            )
            break
    could = [r for r in refl if r.get("could_be_me") == "yes"]
    if could:
        out.append(say(lang, "st_could", title=could[-1]["title"]))
    if prof["certainty"]["level"] == "tentative" and len(code) == 3:
        out.append(
            say(
                lang,
                "st_tentative",
                a=_type(lang, code[0]),
                b=_type(lang, code[1]),
                c=_type(lang, code[2]),
            )
        )
    elif code:
        out.append(
            say(lang, "st_top", name=_type(lang, code[0]), name_lower=_type(lang, code[0]).lower())
        )
    if prof["differentiation"]["level"] == "flat":
        out.append(say(lang, "st_flat"))
    if prof["consistency"]["level"] == "low":
        pair = prof["consistency"]["pair"]
        out.append(say(lang, "st_low_cons", a=_type(lang, pair[0]), b=_type(lang, pair[1])))
    if rep["occupations"]["saved"]:
        out.append(say(lang, "st_saved", title=rep["occupations"]["saved"][-1]["title"]))
    step = rep["next_step"]
    out.append(say(lang, "st_next", step=step) if step else say(lang, "st_no_next"))
    weak = [
        c for c in rep["cms"] if c["theme"] == "networks" and c["level"] in ("none", "emerging")
    ]
    if weak:
        out.append(say(lang, "st_networks", name=weak[0]["name"]))
    return out[:6]


def build_report(
    statements: Sequence[Mapping[str, Any]],
    summary: Mapping[str, Any],
    *,
    occupations: OccupationTable | None = None,
    player_code: str | None = None,
    language: str = "en",
    generated_at: str | None = None,
    per_zone: int = REPORT_MATCHES_PER_ZONE,
    model: Any = None,
    workforce: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """The report of one player (see module docstring). ``statements`` oldest first;
    ``model``: the scorer's parameters (``telemetry.profile.params.load_model``), else the
    built-in ones; the report names their version. Matches: the best ``per_zone`` of each
    Job Zone, ranked inside the zone (``zone_rank``), and in a zone whose best include no
    occupation mostly done by women (or men) today the best-fitting one that is, when its r
    lies inside the interval of the zone's best (``balance``; ``workforce``: {code: percent
    women}, default ``assets/data/workforce_sex.csv``)."""
    lang = language if language in languages() else "en"
    log = decode_log(statements)  # the one pass over the raw statements
    ev = extract_evidence(log)
    prof = (
        profile_from_evidence(ev, occupations, n_matches=0)
        if model is None
        else profile_from_evidence(ev, occupations, n_matches=0, model=model)
    )
    if occupations is not None:
        shares = load_workforce() if workforce is None else workforce
        prof.matches = match_occupations(prof, occupations, per_zone=per_zone, workforce=shares)
    if occupations is not None:
        summary = {
            **summary,
            "occupation_titles": dict(zip(occupations.soc, occupations.title, strict=True)),
        }
    try:
        items = load_riasec_items()
    except (OSError, ValueError):
        items = {}
    evidence = {}
    for k in RIASEC:
        ranked = sorted(prof.scores[k].evidence, key=lambda e: -abs(e.pull))
        evidence[k] = [
            {
                "kind": e.kind,
                "pull": _r(e.pull),
                "source": e.source,
                "text": _evidence_text(lang, summary, e, items),
            }
            for e in ranked
        ]
    code = player_code or _actor_name(log) or ""
    rep: dict[str, Any] = {
        "player": {"code": code, "class_code": _class_code(log)},
        "language": lang,
        "generated_at": generated_at or _dt.datetime.now(_dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "profile": _profile_part(lang, prof),
        "evidence": evidence,
        "cms": _cms_part(lang, summary, ev),
        "strengths": [
            {
                "letter": k,
                "challenges": s.challenges,
                "successes": s.successes,
                "mean_score": _r(s.mean_score),
                "best_difficulty": s.best_difficulty,
            }
            for k, s in strengths(ev).items()
            if s.challenges
        ],
        "occupations": _occupations_part(summary, prof, occupations),
        "reflections": reflections(log, summary),
        "next_step": next_step(log, summary),
        "session": session_facts(log, summary, skipped=ev.skipped),
    }
    for c in rep["occupations"]["saved"]:
        if c["holland_code"] and prof.code:
            c["m_index"] = iachan_index(prof.code, c["holland_code"])
    rep["starters"] = _starters(lang, rep)
    return rep


def _actor_name(log: DecodedLog) -> str | None:
    return next((s.actor for s in log.statements if s.actor), None)


def _class_code(log: DecodedLog) -> str | None:
    for s in log.statements:
        value = s.ext.get("class_code")
        if isinstance(value, str) and value:
            return value
    return None
