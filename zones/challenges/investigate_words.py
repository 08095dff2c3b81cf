"""The investigate board's words: each notebook line in the current language, every line a
case could show (so the notebook reserves its height), the lab-time line, and what a
sighted pupil reads on the board (``describe``, for speech). Called by
``InvestigateMechanic`` and its panels with the mechanic; reads its rules, params and kit,
changes nothing.
"""

from __future__ import annotations

import math
from typing import Any

from zones.challenges.investigate_params import Sample


def note_text(mech: Any, note: tuple[str, str, dict[str, Any]]) -> str:
    """One notebook line in the current language."""
    kind, ref, data = note
    r, pick, t = mech.rules, mech.kit.pick, mech.kit.t
    if kind == "clue":
        clue = r.clue(ref)
        return f"{pick(clue.label)}: {pick(r.sign(clue))}"
    if kind in ("result", "control"):
        test = r.test(ref)
        head = pick(test.label)
        if mech.mode == "tray":
            sample = data.get("sample", r.case_sample)
            head = t(
                "investigate.reading_on",
                test=head,
                sample=pick(_sample(mech, sample).label),
                reading=t(f"investigate.level{data.get('reading', 0)}"),
            )
        if kind == "control":
            return t("investigate.control", reading=head)
        said = pick(test.found if data.get("found") else test.clear)
        ruled = data.get("ruled") or []
        tail = (
            t("investigate.ruled_by", ideas=", ".join(pick(r.hyp(h).label) for h in ruled))
            if ruled
            else (t("investigate.fits") if data.get("found") else t("investigate.no_news"))
        )
        return f"{head}: {said} {tail}"
    label = pick(r.hyp(ref).label) if ref in {h.id for h in r.hyps} else ""
    if kind == "suspect":
        return t("investigate.suspected", idea=label)
    if kind == "idea_out":
        return t("investigate.idea_out", idea=label)
    if kind == "hint_test":
        return t("investigate.hint_test", test=pick(r.test(ref).label))
    if kind == "hint_not":
        return t("investigate.hint_not", idea=label)
    if kind == "wrong":
        return t("investigate.wrong", idea=label, quip=pick(r.hyp(ref).quip))
    if kind == "right":
        treat = r.hyp(ref).treat if r.treat is None else None
        return t("investigate.right", idea=label) + (f" {pick(treat)}" if treat else "")
    if kind == "treat_now":
        return t("investigate.treat_now")
    if kind in ("treated", "no_better", "senior"):
        given = pick(r.treatment.option(ref).label)
        said = t(f"investigate.{kind}", treatment=given)
        outcome = r.hyp(r.answer).treat
        return f"{said} {pick(outcome)}" if outcome and kind != "no_better" else said
    return t("investigate.unsolved", idea=label)


def _sample(mech: Any, sid: str) -> Sample:
    return next(s for s in mech.rules.samples if s.id == sid)


def all_note_texts(mech: Any) -> list[str]:
    """Every notebook line this case could show (to reserve the notebook's height)."""
    r = mech.rules
    notes: list[tuple[str, str, dict[str, Any]]] = [("clue", c.id, {}) for c in r.clues]
    for test in r.open_tests():
        samples = [s.id for s in r.samples] or [""]
        for s in samples:
            kind = "control" if s and s != r.case_sample else "result"
            notes.append(
                (
                    kind,
                    test.id,
                    {
                        "sample": s or r.case_sample,
                        "found": r.found(test),
                        "reading": r.reading(test, s),
                        "ruled": [h for h in test.checks if h in r.active],
                    },
                )
            )
        notes.append(("hint_test", test.id, {}))
    for h in r.hyps:
        notes += [
            (k, h.id, {}) for k in ("suspect", "idea_out", "hint_not", "wrong", "right", "unsolved")
        ]
    if r.treat is not None:
        notes.append(("treat_now", "", {}))
        for option in r.treat.options:
            notes += [(k, option.id, {}) for k in ("treated", "no_better", "senior")]
    return [note_text(mech, n) for n in notes]


def describe(mech: Any) -> list[str]:
    """What a sighted pupil reads on the board, newest finding last (issue 20)."""
    r, pick, t = mech.rules, mech.kit.pick, mech.kit.t
    lines = [pick(mech.params.subject)]
    if r.closed:
        lines.append(pick(mech.params.closed_note))
    if mech.mode == "table" and r.plotted:
        clue = r.clue(r.plotted)
        series = mech.params.series
        pairs = ", ".join(
            f"{pick(lab)} {v} / {w:g}"
            for lab, v, w in zip(series.labels, series.values, r.values(clue), strict=False)
        )
        lines.append(
            t(
                "investigate.describe_chart",
                sales=pick(series.name),
                var=pick(clue.label),
                pairs=pairs,
            )
        )
    for key, left in r.running.items():
        tid = key.partition("@")[0]
        lines.append(
            t(
                "investigate.describe_running",
                test=pick(r.test(tid).label),
                n=math.ceil(left),
            )
        )
    if mech.held:
        lines.append(t("investigate.holding", test=pick(r.test(mech.held).label)))
    ruled = [pick(r.hyp(h).label) for h in r.ruled]
    if ruled:
        lines.append(t("investigate.describe_ruled", ideas=", ".join(ruled)))
    lines.append(
        t("investigate.describe_idea", idea=pick(r.hyp(r.hypothesis).label))
        if r.hypothesis
        else t("investigate.describe_no_idea")
    )
    lines.append(budget_line(mech))
    if r.treating:
        untried = [pick(o.label) for o in r.treatment.options if o.id not in r.treatment.tried]
        lines.append(t("investigate.describe_treat", options=", ".join(untried)))
    lines += [note_text(mech, n) for n in r.notes[-3:]]
    return lines


def budget_line(mech: Any) -> str:
    """The lab time left (or that it is free), as the ideas panel shows it."""
    left, t = mech.rules.budget_left, mech.kit.t
    return (
        t("investigate.budget_free")
        if left is None
        else (t("investigate.budget", n=left) if left else t("investigate.out_of_budget"))
    )


def widest_budget(mech: Any) -> str:
    """The longest budget line with the tries beside it (to size the budget box)."""
    t = mech.kit.t
    return (
        max(
            (
                t("investigate.budget_free"),
                t("investigate.budget", n=99),
                t("investigate.out_of_budget"),
            ),
            key=len,
        )
        + "  "
        + t("investigate.tries", n=9)
    )
