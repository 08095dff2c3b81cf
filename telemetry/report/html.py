"""The practitioner report as one self-contained HTML file (inline CSS, inline SVG).

:func:`render_html` is called by the report command with a report model
(:mod:`telemetry.report.model`); it returns text and touches nothing; :func:`write_html`
writes it atomically. Every value from the model goes through :func:`_e`
(``html.escape`` with quotes) -- player text is never markup -- and player-written text sits
in ``dir="auto"`` elements so right-to-left words keep their order. No scripts, no
external requests. Print CSS lays it out on A4: the core on two pages, the appendix after.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from telemetry.report.layout import (
    RINGS,
    bounded,
    fmt_interval,
    fmt_score,
    hex_point,
    matches_by_zone,
    pct,
    ring,
    score_polygon,
    session_rows,
    workforce_words,
)
from telemetry.report.words import CC_BY_URL, say, texts
from telemetry.words import fill
from telemetry.xapi.atomic import atomic_write_bytes

__all__ = ["render_html", "write_html"]

_CSS = """
*{box-sizing:border-box}
body{font-family:"DejaVu Sans",Verdana,Arial,sans-serif;color:#1d2430;margin:0;
 background:#eef1f5;font-size:10.5pt;line-height:1.4}
.page{background:#fff;max-width:210mm;margin:12px auto;padding:14mm 14mm 12mm;
 box-shadow:0 1px 4px rgba(0,0,0,.15)}
h1{font-size:17pt;margin:0 0 2px;color:#123a63}
h2{font-size:12.5pt;margin:14px 0 6px;color:#123a63;border-bottom:2px solid #c9d6e6;
 padding-bottom:2px}
h3{font-size:11pt;margin:10px 0 4px}
p{margin:4px 0}
.sub{color:#4a5566;margin:0}
.meta{display:flex;gap:18px;flex-wrap:wrap;color:#4a5566;font-size:9.5pt;margin-top:4px}
.purpose{border:2px solid #b7791f;background:#fff8e8;padding:6px 10px;margin:10px 0;
 font-weight:bold}
.two{display:grid;grid-template-columns:62mm 1fr;gap:10px;align-items:start}
table{border-collapse:collapse;width:100%;font-size:9.5pt}
th,td{text-align:left;padding:3px 5px;border-bottom:1px solid #dde3ea;vertical-align:top}
th{background:#f1f4f8;font-weight:bold}
td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.code{font-size:20pt;font-weight:bold;letter-spacing:3px;color:#123a63}
.bar{position:relative;height:10px;background:#f1f4f8;border:1px solid #cfd8e3;min-width:90px}
.bar .iv{position:absolute;top:1px;bottom:1px;background:#9fb9d6}
.bar .pt{position:absolute;top:-2px;width:3px;height:12px;background:#123a63}
.bar .zero{position:absolute;top:-2px;bottom:-2px;border-left:1px dashed #7a8696}
.player{overflow-wrap:anywhere;word-break:break-word;unicode-bidi:plaintext}
.quote{border-left:3px solid #9fb9d6;padding:2px 8px;margin:4px 0;background:#f7f9fc}
ul{margin:4px 0 4px 18px;padding:0}
li{margin:2px 0}
.small{font-size:8.5pt;color:#4a5566}
.lvl{font-weight:bold}
.up{color:#1f6f3f}.down{color:#8a2b2b}
.zone{margin-top:6px;font-weight:bold;color:#31465e}
.grid2{display:grid;grid-template-columns:1fr 1fr;gap:12px}
footer{margin-top:10px;border-top:1px solid #dde3ea;padding-top:4px}
a{color:#123a63}
@page{size:A4;margin:12mm}
@media print{
 body{background:#fff;font-size:9.5pt}
 .page{box-shadow:none;margin:0;padding:0;max-width:none;page-break-after:always;
  break-after:page}
 .page:last-child{page-break-after:auto;break-after:auto}
 h2,h3{break-after:avoid}
 tr,li,.quote{break-inside:avoid}
}
"""


def _e(value: Any) -> str:
    """Escape any value for HTML text or attribute."""
    return html.escape("" if value is None else str(value), quote=True)


def _p(value: Any) -> str:
    """Player-provided text: escaped, direction from its own first strong character."""
    return f'<span class="player" dir="auto">{_e(value)}</span>'


def _hexagon_svg(rep: Mapping[str, Any], t: Mapping[str, str], size: int = 230) -> str:
    scores = rep["profile"]["scores"]
    c, r = size / 2, size / 2 - 34

    def pts(ps: Sequence[tuple[float, float]]) -> str:
        return " ".join(f"{x:.1f},{y:.1f}" for x, y in ps)

    label = ", ".join(f"{s['name']} {fmt_score(s['score'])}" for s in scores)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}" width="100%" '
        f'role="img" aria-label="{_e(t["hexagon_label"])}: {_e(label)}">'
    ]
    for level in RINGS:
        dash = "" if level == 0 else ' stroke-dasharray="2,2"'
        width = 1.2 if level == 0 else 0.6
        out.append(
            f'<polygon points="{pts(ring(level, c, c, r))}" fill="none" '
            f'stroke="#9aa6b4" stroke-width="{width}"{dash}/>'
        )
    for i in range(6):
        x, y = hex_point(i, 2.5, c, c, r)
        out.append(
            f'<line x1="{c}" y1="{c}" x2="{x:.1f}" y2="{y:.1f}" stroke="#c4ccd6" '
            'stroke-width="0.6"/>'
        )
    out.append(
        f'<polygon points="{pts(score_polygon(scores, c, c, r))}" fill="#5b8cc0" '
        f'fill-opacity="0.25" stroke="#123a63" stroke-width="1.8"/>'
    )
    for i, s in enumerate(scores):
        (x1, y1), (x2, y2) = (hex_point(i, s["low"], c, c, r), hex_point(i, s["high"], c, c, r))
        out.append(
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="#123a63" stroke-width="3" stroke-opacity="0.35"/>'
        )
        x, y = hex_point(i, s["score"], c, c, r)
        out.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#123a63"/>')
        lx, ly = hex_point(i, 2.5, c, c, r + 22)
        out.append(
            f'<text x="{lx:.1f}" y="{ly - 3:.1f}" text-anchor="middle" font-size="11" '
            f'font-weight="bold" fill="#1d2430">{_e(s["letter"])} '
            f"{_e(fmt_score(s['score']))}</text>"
        )
        out.append(
            f'<text x="{lx:.1f}" y="{ly + 9:.1f}" text-anchor="middle" font-size="8.5" '
            f'fill="#4a5566">{_e(s["name"])}</text>'
        )
    out.append("</svg>")
    return "".join(out)


def _bar(s: Mapping[str, Any]) -> str:
    def pos(v: float) -> float:
        return (min(max(v, -2.5), 2.5) + 2.5) / 5 * 100

    lo, hi, pt = pos(s["low"]), pos(s["high"]), pos(s["score"])
    return (
        f'<div class="bar" aria-hidden="true"><div class="zero" style="left:50%"></div>'
        f'<div class="iv" style="left:{lo:.1f}%;width:{hi - lo:.1f}%"></div>'
        f'<div class="pt" style="left:calc({pt:.1f}% - 1px)"></div></div>'
    )


def _scores_table(t: Mapping[str, str], rep: Mapping[str, Any]) -> str:
    def row(s: Mapping[str, Any]) -> str:
        interval = fmt_interval(s["low"], s["high"], t["interval_to"])
        cells = (
            f"<td><b>{_e(s['letter'])}</b> {_e(s['name'])}</td>",
            f'<td class="n">{_e(fmt_score(s["score"]))}</td>',
            f'<td class="n">{_e(interval)}</td><td>{_bar(s)}</td>',
            f'<td class="n">{_e(pct(s["first_probability"]))}</td>',
            f'<td class="n">{_e(s["n_evidence"])}</td>',
        )
        return "<tr>" + "".join(cells) + "</tr>"

    rows = "".join(row(s) for s in rep["profile"]["scores"])
    return (
        f"<table><tr><th>{_e(t['col_type'])}</th><th>{_e(t['col_score'])}</th>"
        f"<th>{_e(t['col_interval'])}</th><th></th><th>{_e(t['col_top'])}</th>"
        f"<th>{_e(t['col_evidence'])}</th></tr>{rows}</table>"
    )


def _esco_cell(t: Mapping[str, str], m: Mapping[str, Any]) -> str:
    """The ESCO names of a match with their ISCO-08 group and ESCO URI, as plain text (an
    identifier to copy, not a link: the report loads and links to nothing over http)."""
    links = m.get("esco_occupations") or []
    if not links:
        return _e("; ".join(m["esco"]) or t["none"])
    return "; ".join(
        f'{_e(e["label"])} <span class="small">ISCO-08 {_e(e["isco08"])} · '
        f"<code>{_e(e['uri'])}</code></span>"
        for e in links
    )


def _workforce(t: Mapping[str, str], m: Mapping[str, Any]) -> str:
    words = workforce_words(t, m)
    return f'<br><span class="small">{_e(words)}</span>' if words else ""


def _matches(t: Mapping[str, str], rep: Mapping[str, Any], per_zone: int | None) -> str:
    groups = matches_by_zone(rep, per_zone)
    if not groups:
        return f"<p>{_e(t['matches_none'])}</p>"
    out = []
    place = (rep["occupations"].get("routes") or {}).get("name", "")
    for _zone, name, ms in groups:
        route_text = fill(t["route_line"], {"place": place, "words": ms[0].get("route", "")})
        route = f'<p class="small">{_e(route_text)}</p>' if place and ms[0].get("route") else ""
        rows = "".join(
            f'<tr><td>{_e(m["title"])} <span class="small">{_e(m["soc_code"])}</span>'
            f"{_workforce(t, m)}</td>"
            f'<td>{_e(m["holland_code"])}</td><td class="n">{m["r"]:.2f}</td>'
            f"<td>{_esco_cell(t, m)}</td></tr>"
            for m in ms
        )
        out.append(
            f'<div class="zone">{_e(name)}</div>{route}'
            f"<table><tr><th>{_e(t['col_occupation'])}</th>"
            f"<th>{_e(t['col_code'])}</th><th>{_e(t['col_fit'])}</th><th>{_e(t['col_esco'])}</th>"
            f"</tr>{rows}</table>"
        )
    return "".join(out)


def _cms_table(t: Mapping[str, str], rep: Mapping[str, Any]) -> str:
    rows = "".join(
        f"<tr><td>{_e(t.get('theme_' + c['theme'], c['theme']))}</td><td>{_e(c['name'])}</td>"
        f'<td class="lvl">{_e(t.get("level_" + c["level"], c["level"]))}</td>'
        f'<td class="n">{_e(c["count"])}</td></tr>'
        for c in rep["cms"]
    )
    return (
        f"<table><tr><th>{_e(t['col_theme'])}</th><th>{_e(t['col_competence'])}</th>"
        f"<th>{_e(t['col_level'])}</th><th>{_e(t['col_evidence'])}</th></tr>{rows}</table>"
    )


def _reflections(t: Mapping[str, str], rep: Mapping[str, Any]) -> str:
    out = []
    for r in rep["reflections"]:
        bits = []
        if r["expect"]:
            bits.append(f"{_e(t['expect'])} {r['expect']}/5")
        if r["enjoy"]:
            bits.append(f"{_e(t['enjoy'])} {r['enjoy']}/5")
        if r["could_be_me"]:
            bits.append(f"{_e(t['could'])} {_e(t['answer_' + r['could_be_me']])}")
        if r["skills"]:
            bits.append(f"{_e(t['skills_named'])}: " + ", ".join(_p(s) for s in r["skills"]))
        notes = "".join(f'<div class="quote">{_p(n)}</div>' for n in r["notes"])
        out.append(f"<li><b>{_p(r['title'])}</b>: {'; '.join(bits)}{notes}</li>")
    body = f"<ul>{''.join(out)}</ul>" if out else f"<p>{_e(t['reflect_none'])}</p>"
    step = rep["next_step"]
    step_html = (
        f'<div class="quote">{_p(step)}</div>' if step else f"<p>{_e(t['next_step_none'])}</p>"
    )
    return f"{body}<h3>{_e(t['next_step'])}</h3>{step_html}"


def _session(t: Mapping[str, str], rep: Mapping[str, Any]) -> str:
    rows = session_rows(t, rep["session"])
    return (
        "<table>"
        + "".join(f"<tr><th>{_e(k)}</th><td class='player'>{_e(v)}</td></tr>" for k, v in rows)
        + "</table>"
    )


def _appendix(t: Mapping[str, str], rep: Mapping[str, Any]) -> str:
    lang = rep["language"]
    out = [
        f"<h1>{_e(t['h_appendix'])}</h1><h2>{_e(t['h_evidence'])}</h2>"
        f"<p class='small'>{_e(t['evidence_note'])}</p>"
    ]
    for s in rep["profile"]["scores"]:
        items = rep["evidence"][s["letter"]]
        lis = "".join(
            f'<li><span class="{"up" if e["pull"] >= 0 else "down"}">'
            f"{'↑' if e['pull'] >= 0 else '↓'}</span> {_p(e['text'])}</li>"
            for e in items
        )
        out.append(
            f"<h3>{_e(s['letter'])} {_e(s['name'])} ({_e(fmt_score(s['score']))})</h3>"
            + (f"<ul>{lis}</ul>" if lis else f"<p>{_e(t['evidence_none'])}</p>")
        )
    out.append(f"<h2>{_e(t['h_cms_detail'])}</h2>")
    for c in rep["cms"]:
        lis = "".join(
            f"<li>{_p(e['activity'])} × {e['count']} "
            f'<span class="small">({_e(t["weight_" + e["how"]])})</span></li>'
            for e in c["evidence"]
        )
        out.append(
            f"<h3>{_e(c['name'])}: {_e(t.get('level_' + c['level'], c['level']))}</h3>"
            + (f"<ul>{lis}</ul>" if lis else f"<p>{_e(t['evidence_none'])}</p>")
        )
    out.append(f"<h2>{_e(t['h_all_matches'])}</h2>{_matches(t, rep, None)}")
    if rep["occupations"]["saved"]:
        lis = "".join(
            "<li>"
            + _e(
                say(
                    lang,
                    "saved_line",
                    title=c["title"],
                    code=c["holland_code"],
                    label=c["level"],
                    m=c["m_index"],
                )
            )
            + "</li>"
            for c in rep["occupations"]["saved"]
        )
        out.append(f"<h2>{_e(t['h_saved'])}</h2><ul>{lis}</ul>")
    if rep["strengths"]:
        names = {s["letter"]: s["name"] for s in rep["profile"]["scores"]}
        lis = "".join(
            "<li>"
            + _e(
                say(
                    lang,
                    "strength_line",
                    name=names[s["letter"]],
                    n=s["challenges"],
                    ok=s["successes"],
                    score=pct(s["mean_score"]),
                    diff=s["best_difficulty"] or t["none"],
                )
            )
            + "</li>"
            for s in rep["strengths"]
        )
        out.append(f"<h2>{_e(t['h_strengths'])}</h2><ul>{lis}</ul>")
    method = say(
        lang,
        "method",
        style=fmt_score(rep["profile"]["response_style"]),
        params=rep["profile"].get("params_version", "built-in-1"),
    )
    out.append(f"<h2>{_e(t['h_method'])}</h2><p>{_e(method)}</p>")
    out.append(_attribution(t))
    return "".join(out)


def _attribution(t: Mapping[str, str]) -> str:
    return (
        f"<footer class='small'><b>{_e(t['h_attribution'])}.</b> {_e(t['onet_attribution'])} "
        f"<a href='{_e(CC_BY_URL)}'>{_e(CC_BY_URL)}</a>. {_e(t['esco_credit'])}</footer>"
    )


def render_html(rep: Mapping[str, Any]) -> str:
    """The whole report as one HTML document (see module docstring); every string and
    list is bounded first (:func:`telemetry.report.layout.bounded`)."""
    rep = bounded(rep)
    lang = rep["language"]
    t = texts(lang)
    prof = rep["profile"]
    names = ", ".join(s["name"] for s in prof["scores"] if s["letter"] in prof["code"])
    page1 = (
        f"<h1>{_e(t['title'])}</h1><p class='sub'>{_e(t['subtitle'])}</p>"
        f"<div class='meta'><span>{_e(t['player'])}: <b>{_p(rep['player']['code'])}</b></span>"
        f"<span>{_e(t['generated'])}: {_e(rep['generated_at'][:10])}</span></div>"
        f"<div class='purpose'>{_e(t['purpose'])}</div>"
        f"<h2>{_e(t['h_profile'])}</h2><div class='two'><div>{_hexagon_svg(rep, t)}</div><div>"
        f"<div class='code'>{_e(prof['code'])}</div><p><b>{_e(prof['code_names'] or names)}</b></p>"
        f"<p>{_e(prof['certainty']['text'])}</p>"
        f"<h3>{_e(t['h_diff'])}</h3><p>{_e(prof['differentiation']['text'])}</p>"
        f"<h3>{_e(t['h_cons'])}</h3><p>{_e(prof['consistency']['text'])}</p></div></div>"
        f"<h2>{_e(t['h_scores'])}</h2>{_scores_table(t, rep)}"
        f"<p class='small'>{_e(say(lang, 'scale_note', pct=round(100 * prof['interval'])))}</p>"
        f"<h2>{_e(t['h_starters'])}</h2><ul>"
        + "".join(f"<li>{_p(s)}</li>" for s in rep["starters"])
        + "</ul>"
    )
    page2 = (
        f"<h2>{_e(t['h_matches'])}</h2><p class='small'>{_e(t['matches_note'])}</p>"
        f"<p class='small'>{_e(t['balance_note'])}</p>"
        f"{_matches(t, rep, 3)}"
        f"<div class='grid2'><div><h2>{_e(t['h_cms'])}</h2>{_cms_table(t, rep)}"
        f"<p class='small'>{_e(t['cms_note'])}</p></div>"
        f"<div><h2>{_e(t['h_reflect'])}</h2>{_reflections(t, rep)}"
        f"<h2>{_e(t['h_session'])}</h2>{_session(t, rep)}</div></div>"
        f"<div class='purpose'>{_e(t['purpose'])}</div>{_attribution(t)}"
    )
    return (
        f"<!DOCTYPE html><html lang='{_e(lang)}'><head><meta charset='utf-8'>"
        f"<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>{_e(t['title'])}: {_e(rep['player']['code'])}</title><style>{_CSS}</style>"
        f"</head><body><section class='page'>{page1}</section>"
        f"<section class='page'>{page2}</section>"
        f"<section class='page'>{_appendix(t, rep)}</section></body></html>"
    )


def write_html(path: Path | str, rep: Mapping[str, Any]) -> Path:
    """Write :func:`render_html` to ``path`` atomically (UTF-8)."""
    path = Path(path)
    atomic_write_bytes(path, render_html(rep).encode("utf-8"))
    return path
