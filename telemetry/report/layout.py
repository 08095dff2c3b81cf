"""What the HTML and PDF renderers share: hexagon geometry, grouping and number formats.

Pure functions over the report model (:mod:`telemetry.report.model`); called while
rendering; touch nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from typing import Any

from telemetry.words import fill

__all__ = [
    "HEX_MIN",
    "HEX_MAX",
    "axis_angle",
    "hex_point",
    "score_polygon",
    "ring",
    "matches_by_zone",
    "workforce_words",
    "session_rows",
    "fmt_score",
    "fmt_interval",
    "pct",
    "bounded",
    "MAX_TEXT",
    "MAX_RUN",
    "MAX_ITEMS",
]

# Before layout every string of the model is capped and long unbroken runs are broken, and
# every list and table is capped: a report from a hostile export (5 KB cells, one long
# word, a million rows) lays out in about the time of a real one. A real report's longest
# text is ~220 characters, its longest word ~25, its longest list 20 items.
MAX_TEXT, MAX_RUN, MAX_ITEMS = 300, 60, 100

HEX_MIN, HEX_MAX = -2.5, 2.5  # theta at the centre and at the rim of the chart
RINGS = (-2.0, -1.0, 0.0, 1.0, 2.0)


def axis_angle(i: int) -> float:
    """Angle (radians, screen coordinates, y down) of type ``i`` (R=0 at the top,
    then clockwise I, A, S, E, C as on Holland's hexagon)."""
    return math.radians(-90 + 60 * i)


def _radius(theta: float, radius: float) -> float:
    t = (min(max(theta, HEX_MIN), HEX_MAX) - HEX_MIN) / (HEX_MAX - HEX_MIN)
    return max(0.03, t) * radius


def hex_point(i: int, theta: float, cx: float, cy: float, radius: float) -> tuple[float, float]:
    """Where score ``theta`` of type ``i`` sits on the chart."""
    r, a = _radius(theta, radius), axis_angle(i)
    return cx + r * math.cos(a), cy + r * math.sin(a)


def ring(theta: float, cx: float, cy: float, radius: float) -> list[tuple[float, float]]:
    """The hexagon of one score level (grid line)."""
    return [hex_point(i, theta, cx, cy, radius) for i in range(6)]


def score_polygon(
    scores: Sequence[Mapping[str, Any]], cx: float, cy: float, radius: float, key: str = "score"
) -> list[tuple[float, float]]:
    """The profile polygon (``key`` = score / low / high)."""
    return [hex_point(i, float(s[key]), cx, cy, radius) for i, s in enumerate(scores)]


def matches_by_zone(
    report: Mapping[str, Any], per_zone: int | None = None, balance: bool = True
) -> list[tuple[int, str, list[Mapping[str, Any]]]]:
    """[(zone, zone name, matches best first)] for zones that have matches, zone order.
    ``per_zone`` cuts each list; with ``balance`` a cut list keeps, for each side
    (mostly done by women / by men) it would lose, the best listed match of that side."""
    names = report["occupations"]["job_zones"]
    groups: dict[int, list[Mapping[str, Any]]] = {}
    for m in report["occupations"]["matches"]:
        groups.setdefault(int(m["job_zone"]), []).append(m)
    out = []
    for zone in sorted(groups):
        ms = sorted(groups[zone], key=lambda m: -m["r"])
        shown = ms[:per_zone] if per_zone else ms
        if per_zone and balance:
            for side in ("women", "men"):
                if not any(m.get("mostly") == side for m in shown):
                    shown += [m for m in ms[per_zone:] if m.get("mostly") == side][:1]
        out.append((zone, str(names.get(str(zone), f"Job Zone {zone}")), shown))
    return out


def workforce_words(t: Mapping[str, str], m: Mapping[str, Any]) -> str:
    """ "mostly done by women today (US workforce, 2021: 87% women)", or "" when the
    match's workforce is not skewed (or not known)."""
    side, share = m.get("mostly"), m.get("women_percent")
    if side not in ("women", "men") or share is None:
        return ""
    pct_side = share if side == "women" else 100 - share
    return fill(t[f"mostly_{side}"], {"pct": f"{pct_side:.0f}"})


def session_rows(t: Mapping[str, str], s: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The 'about the sessions' table as (label, value) rows, the same in the PDF and HTML."""
    dates = s["first"] if s["first"] == s["last"] else f"{s['first']} – {s['last']}"
    return [
        (t["s_dates"], dates or t["none"]),
        (t["s_sessions"], str(s["sessions"])),
        (t["s_minutes"], f"{s['minutes']:.0f}"),
        (
            t["s_challenges"],
            f"{s['challenges_completed']}"
            + (f" ({', '.join(_played(s))})" if s["challenges"] else ""),
        ),
        (t["s_districts"], ", ".join(s["districts"]) or t["none"]),
        (
            t["s_statements"],
            f"{s['statements']}" + (f" ({s['skipped']} {t['s_skipped']})" if s["skipped"] else ""),
        ),
    ]


def _played(s: Mapping[str, Any]) -> list[str]:
    """Each challenge's title, with "×n" when it was completed more than once (so the
    names add up to the count beside them). Exports older than the play counts, or whose
    counts do not match the titles, show the titles only."""
    names = list(s["challenges"])
    plays = s.get("challenge_plays")
    if not isinstance(plays, list) or len(plays) != len(names):
        return names
    return [f"{name} ×{n}" if n > 1 else name for name, n in zip(names, plays, strict=True)]


def fmt_score(x: float | None) -> str:
    """A score with sign and one decimal (U+2212 minus)."""
    if x is None:
        return "—"
    return f"{x:+.1f}".replace("-", "\u2212")


def fmt_interval(low: float, high: float, to: str = "to") -> str:
    """``low`` and ``high`` joined by the report language's word for "to"."""
    return f"{fmt_score(low)} {to} {fmt_score(high)}"


def pct(p: float | None) -> str:
    return "—" if p is None else f"{round(100 * p)}%"


# identifiers a report shows whole (ESCO URIs are 73 characters with no break): a space
# inside one would make it a different, broken identifier
_IDENTIFIER = re.compile(r"https?://[A-Za-z0-9./_~:-]{1,120}")


def _bounded_text(text: str) -> str:
    if _IDENTIFIER.fullmatch(text):
        return text
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "\u2026"
    out, run = [], 0
    for ch in text:
        run = 0 if ch.isspace() else run + 1
        if run > MAX_RUN:
            out.append(" ")
            run = 1
        out.append(ch)
    return "".join(out)


def bounded(value: Any, depth: int = 0) -> Any:
    """A copy of a report model (or any part) that is safe to lay out: strings at most
    ``MAX_TEXT`` characters with a break at least every ``MAX_RUN``, lists and mappings at
    most ``MAX_ITEMS`` entries, nesting cut at 12 levels. Called by both renderers first."""
    if isinstance(value, str):
        return value if len(value) <= MAX_RUN else _bounded_text(value)
    if depth > 12:
        return None
    if isinstance(value, Mapping):
        return {
            (_bounded_text(k) if isinstance(k, str) else k): bounded(v, depth + 1)
            for k, v in list(value.items())[:MAX_ITEMS]
        }
    if isinstance(value, list | tuple):
        return [bounded(v, depth + 1) for v in value[:MAX_ITEMS]]
    return value
