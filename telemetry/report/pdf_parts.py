"""Page two and the appendix of the PDF report (split from :mod:`telemetry.report.pdf`
to keep modules small). Called only by ``render_pdf`` with its ``ReportPDF``; draws on
that document and touches nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fpdf.enums import XPos, YPos

from telemetry.report.layout import fmt_score, pct, session_rows, workforce_words
from telemetry.report.pdf_fonts import wrap
from telemetry.report.words import CC_BY_URL, say
from telemetry.words import fill

__all__ = ["core_page_two", "session_table", "appendix"]

_CORE_NOTE = 160  # characters of a reflection note shown in the core; all in the appendix
_CELL_LINES = 8  # lines of one table cell at most (a real report's longest cell has 4)


def _lines(pdf: Any, text: str, width: float) -> list[str]:
    """``text`` broken into lines that fit ``width`` (fast path: it fits on one; else as
    ``multi_cell`` would break it)."""
    if pdf.get_string_width(text) <= width:
        return [text]
    return wrap(pdf, text, width)


def _capped(lines: list[str]) -> list[str]:
    """At most ``_CELL_LINES`` lines, the last one marked when some were cut."""
    if len(lines) <= _CELL_LINES:
        return lines
    return [*lines[: _CELL_LINES - 1], lines[_CELL_LINES - 1][:-1] + "\u2026"]


def _table(
    pdf: Any,
    widths: Sequence[float],
    head: Sequence[str],
    rows: Sequence[Sequence[str]],
    size: float = 8.3,
) -> None:
    """A light table: optional bold header on a tinted band, a hairline under each row.
    Drawn with plain cells (fpdf2's ``table()`` is ~100x slower for this use)."""
    lh, pad = 3.7, 1.2
    body = [[pdf.safe(v) for v in r] for r in rows]
    allrows = ([(True, [pdf.safe(h) for h in head])] if any(head) else []) + [
        (False, r) for r in body
    ]
    pdf.set_draw_color(210, 218, 228)
    pdf.set_line_width(0.2)
    for is_head, values in allrows:
        pdf.set_font("DejaVu", "B" if is_head else "", size)
        wrapped = [
            _capped(_lines(pdf, v, w - 2 * pad)) for v, w in zip(values, widths, strict=True)
        ]
        height = lh * max(len(x) for x in wrapped) + 1.2
        if pdf.get_y() + height > pdf.page_break_trigger:
            pdf.add_page()
        y, x = pdf.get_y(), pdf.l_margin
        if is_head:
            pdf.set_fill_color(241, 244, 248)
            pdf.rect(x, y, sum(widths), height, style="F")
        for lines, w in zip(wrapped, widths, strict=True):
            for i, line in enumerate(lines):
                pdf.set_xy(x + pad, y + 0.6 + i * lh)
                pdf.cell(w - 2 * pad, lh, line)
            x += w
        pdf.line(pdf.l_margin, y + height, pdf.l_margin + sum(widths), y + height)
        pdf.set_y(y + height)
    pdf.set_font("DejaVu", "", 9.5)


def _esco_text(t: Mapping[str, str], m: Mapping[str, Any]) -> str:
    """ESCO names with their ISCO-08 group and the ESCO code (the URI's last part; the
    full URIs are in the HTML report, the JSON and the CSV)."""
    links = m.get("esco_occupations") or []
    if not links:
        return "; ".join(m["esco"]) or t["none"]
    return "; ".join(
        f"{e['label']} (ISCO-08 {e['isco08']}, ESCO {e['uri'].rsplit('/', 1)[-1]})" for e in links
    )


def _matches(pdf: Any, groups: Sequence[tuple[int, str, Sequence[Mapping[str, Any]]]]) -> None:
    t = pdf.t
    if not groups:
        pdf.para(t["matches_none"])
        return
    place = (pdf.rep["occupations"].get("routes") or {}).get("name", "")
    for _zone, name, ms in groups:
        pdf.para(name, size=8.8, h=4.4, bold=True, colour=(49, 70, 94))
        if place and ms[0].get("route"):
            pdf.para(
                fill(t["route_line"], {"place": place, "words": ms[0]["route"]}),
                size=7.8,
                h=3.8,
                colour=(74, 85, 102),
            )
        _table(
            pdf,
            (70, 15, 17, 80),
            (t["col_occupation"], t["col_code"], t["col_fit"], t["col_esco"]),
            [
                (
                    _title(t, m),
                    m["holland_code"],
                    f"{m['r']:.2f}",
                    _esco_text(t, m),
                )
                for m in ms
            ],
        )
        pdf.ln(0.8)


def _title(t: Mapping[str, str], m: Mapping[str, Any]) -> str:
    """ "Electricians (47-2111.00)", and who does the job today when it is skewed."""
    words = workforce_words(t, m)
    return f"{m['title']} ({m['soc_code']})" + (f" \u2014 {words}" if words else "")


def _matches_compact(
    pdf: Any, groups: Sequence[tuple[int, str, Sequence[Mapping[str, Any]]]]
) -> None:
    """The core page's matches: one table, the best of each Job Zone with the zone in its
    own column and ESCO names without their codes (the appendix has the full lists)."""
    t = pdf.t
    if not groups:
        pdf.para(t["matches_none"])
        return
    _table(
        pdf,
        (14, 72, 13, 13, 70),
        (t["col_zone"], t["col_occupation"], t["col_code"], t["col_fit"], t["col_esco"]),
        [
            (
                str(zone),
                _title(t, m),
                m["holland_code"],
                f"{m['r']:.2f}",
                "; ".join(e["label"] for e in m.get("esco_occupations") or [])
                or "; ".join(m.get("esco") or [])
                or t["none"],
            )
            for zone, _name, ms in groups
            for m in ms
        ],
    )
    pdf.ln(0.8)


def _reflection_line(t: Mapping[str, str], r: Mapping[str, Any]) -> str:
    bits = []
    if r["expect"]:
        bits.append(f"{t['expect']} {r['expect']}/5")
    if r["enjoy"]:
        bits.append(f"{t['enjoy']} {r['enjoy']}/5")
    if r["could_be_me"]:
        bits.append(f"{t['could']} {t['answer_' + r['could_be_me']]}")
    if r["skills"]:
        bits.append(f"{t['skills_named']}: {', '.join(r['skills'])}")
    return f"{r['title']}: {'; '.join(bits)}"


def _attribution(pdf: Any) -> None:
    t = pdf.t
    pdf.ln(1.5)
    pdf.set_text_color(74, 85, 102)
    pdf.set_font("DejaVu", "", 7.2)
    pdf.flow(0, 3.3, pdf.safe(f"{t['h_attribution']}: {t['onet_attribution']}"), XPos.LMARGIN)
    pdf.set_text_color(18, 58, 99)
    pdf.cell(0, 3.3, CC_BY_URL, link=CC_BY_URL, new_x=XPos.LMARGIN, new_y=YPos.NEXT, align="L")
    pdf.set_text_color(74, 85, 102)
    pdf.flow(0, 3.3, pdf.safe(t["esco_credit"]), XPos.LMARGIN)
    pdf.set_text_color(0, 0, 0)
    pdf.set_font("DejaVu", "", 9.5)


def core_page_two(pdf: Any, groups: Sequence[tuple[int, str, Sequence[Mapping[str, Any]]]]) -> None:
    """Matches by Job Zone, CMS levels, reflections and next step, session facts."""
    rep, t = pdf.rep, pdf.t
    pdf.h2(t["h_matches"])
    pdf.para(t["matches_note"], size=7.8, h=3.8, colour=(74, 85, 102))
    _matches_compact(pdf, groups)
    pdf.h2(t["h_cms"])
    _table(
        pdf,
        (22, 62, 22, 14),
        (t["col_theme"], t["col_competence"], t["col_level"], "n"),
        [
            (
                t.get("theme_" + c["theme"], c["theme"]),
                c["name"],
                t.get("level_" + c["level"], c["level"]),
                str(c["count"]),
            )
            for c in rep["cms"]
        ],
        size=7.8,
    )
    pdf.para(t["cms_note"], size=7.5, h=3.6, colour=(74, 85, 102))
    pdf.h2(t["h_reflect"])
    for r in rep["reflections"][:8]:
        line = _reflection_line(t, r)
        pdf.bullet(line if len(line) <= _CORE_NOTE else line[:_CORE_NOTE] + "…", size=8.5)
        for note in r["notes"][:1]:
            short = note if len(note) <= _CORE_NOTE // 2 else note[: _CORE_NOTE // 2] + "…"
            pdf.bullet(f"“{short}”", size=8.5, mark="   ")
    if not rep["reflections"]:
        pdf.para(t["reflect_none"])
    pdf.para(f"{t['next_step']}: {rep['next_step'] or t['next_step_none']}", bold=True, size=9)
    _attribution(pdf)


def session_table(pdf: Any) -> None:
    """Session facts (on page one, under the conversation starters)."""
    pdf.h2(pdf.t["h_session"])
    _table(pdf, (40, 142), ("", ""), session_rows(pdf.t, pdf.rep["session"]), size=7.6)


def appendix(pdf: Any, groups: Sequence[tuple[int, str, Sequence[Mapping[str, Any]]]]) -> None:
    """Evidence per type, CMS evidence, all matches, saved occupations, strengths, method."""
    rep, t, lang = pdf.rep, pdf.t, pdf.rep["language"]
    pdf.h1(t["h_appendix"])
    pdf.h2(t["h_evidence"])
    pdf.para(t["evidence_note"], size=7.8, h=3.8, colour=(74, 85, 102))
    for s in rep["profile"]["scores"]:
        pdf.h3(f"{s['letter']} {s['name']} ({fmt_score(s['score'])})")
        items = rep["evidence"][s["letter"]]
        for e in items:
            pdf.bullet(e["text"], size=8.3, mark="↑" if e["pull"] >= 0 else "↓")
        if not items:
            pdf.para(t["evidence_none"], size=8.3)
    pdf.h2(t["h_cms_detail"])
    for c in rep["cms"]:
        pdf.h3(f"{c['name']}: {t.get('level_' + c['level'], c['level'])}")
        for e in c["evidence"]:
            pdf.bullet(f"{e['activity']} × {e['count']} ({t['weight_' + e['how']]})", size=8.3)
        if not c["evidence"]:
            pdf.para(t["evidence_none"], size=8.3)
    pdf.h2(t["h_all_matches"])
    pdf.para(t["balance_note"], size=7.8, h=3.8, colour=(74, 85, 102))
    _matches(pdf, groups)
    if rep["occupations"]["saved"]:
        pdf.h2(t["h_saved"])
        for c in rep["occupations"]["saved"]:
            pdf.bullet(
                say(
                    lang,
                    "saved_line",
                    title=c["title"],
                    code=c["holland_code"],
                    label=c["level"],
                    m=c["m_index"],
                ),
                size=8.5,
            )
    if any(r["notes"] or r["skills"] for r in rep["reflections"]):
        pdf.h2(t["h_reflect"])
        for r in rep["reflections"]:
            pdf.bullet(_reflection_line(t, r), size=8.5)
            for note in r["notes"]:
                pdf.bullet(f"{r['title']}: “{note}”", size=8.5)
    if rep["strengths"]:
        pdf.h2(t["h_strengths"])
        names = {s["letter"]: s["name"] for s in rep["profile"]["scores"]}
        for s in rep["strengths"]:
            pdf.bullet(
                say(
                    lang,
                    "strength_line",
                    name=names[s["letter"]],
                    n=s["challenges"],
                    ok=s["successes"],
                    score=pct(s["mean_score"]),
                    diff=s["best_difficulty"] or t["none"],
                ),
                size=8.5,
            )
    pdf.h2(t["h_method"])
    pdf.para(
        say(
            lang,
            "method",
            style=fmt_score(rep["profile"]["response_style"]),
            params=rep["profile"].get("params_version", "built-in-1"),
        ),
        size=8.5,
        h=4.2,
    )
    _attribution(pdf)
