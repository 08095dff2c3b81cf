"""Checking the investigate mechanic's params (one level's merged params): the ideas, clues,
tests, samples and series it needs, the per-difficulty lists, the treatments, and that the
open tests can rule out every wrong idea. Pure; called by the content loader through
``InvestigateMechanic.validate_params``.
"""

from __future__ import annotations

from typing import Any

from zones.challenges.investigate_rules import HIGH, MODES, cover_count
from zones.challenges.investigate_treat import validate_treatments
from zones.challenges.rules_core import check_langmap
from zones.content import SHAPES


def _three(value: Any, low: int, high: int) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 3
        and all(isinstance(x, int) and low <= x <= high for x in value)
    )


def validate(params: dict[str, Any], languages: tuple[str, ...]) -> list[str]:
    """Problems with one level's merged params, as ``field: problem`` strings."""
    problems: list[str] = []
    mode = params.get("mode")
    if mode not in MODES:
        problems.append(f"mode: must be one of {MODES}")
    problems += check_langmap(params.get("subject"), "subject", languages)
    hyps, clues, tests = params.get("hypotheses"), params.get("clues"), params.get("tests")
    if not isinstance(hyps, list) or len(hyps) < 3:
        return problems + ["hypotheses: needs a list of at least 3 ideas"]
    if not isinstance(clues, list) or not 2 <= len(clues) <= 7:
        return problems + ["clues: needs a list of 2 to 7 clues"]
    if not isinstance(tests, list) or not 2 <= len(tests) <= 8:
        return problems + ["tests: needs a list of 2 to 8 tests"]
    ids: list[str] = []
    for i, h in enumerate(hyps):
        if not isinstance(h, dict) or not isinstance(h.get("id"), str):
            problems.append(f"hypotheses[{i}]: needs an id")
            continue
        ids.append(h["id"])
        problems += check_langmap(h.get("label"), f"hypotheses[{i}].label", languages)
        problems += check_langmap(h.get("quip"), f"hypotheses[{i}].quip", languages)
        if h.get("shape") not in SHAPES:
            problems.append(f"hypotheses[{i}].shape: must be one of {SHAPES}")
    answer = params.get("answer")
    if answer not in ids:
        problems.append(f"answer: '{answer}' is not one of the hypotheses")
    only = params.get("only_hypotheses")
    if only is not None and (
        not isinstance(only, list)
        or not set(only) <= set(ids)
        or answer not in only
        or len(only) < 2
    ):
        problems.append(
            "only_hypotheses: must list 2 or more hypothesis ids, the answer among them"
        )
    only_clues = params.get("only_clues")
    clue_ids = {c.get("id") for c in clues if isinstance(c, dict)}
    if only_clues is not None and (
        not isinstance(only_clues, list)
        or not set(only_clues) <= clue_ids
        or not [
            c
            for c in clues
            if isinstance(c, dict) and c.get("id") in only_clues and not c.get("herring")
        ]
    ):
        problems.append("only_clues: must list clue ids, at least one of them not a red herring")
    samples = params.get("samples")
    n_series = 0
    if mode == "tray":
        if (
            not isinstance(samples, list)
            or len(samples) < 2
            or sum(1 for s in samples if isinstance(s, dict) and s.get("case")) != 1
        ):
            problems.append('samples: needs 2 or more samples, exactly one with "case": true')
        else:
            for i, s in enumerate(samples):
                if not isinstance(s, dict) or not isinstance(s.get("id"), str):
                    problems.append(f"samples[{i}]: needs an id")
                else:
                    problems += check_langmap(s.get("label"), f"samples[{i}].label", languages)
    if mode == "table":
        series = params.get("series")
        if (
            not isinstance(series, dict)
            or not isinstance(series.get("values"), list)
            or not isinstance(series.get("labels"), list)
            or len(series["values"]) != len(series["labels"])
            or not 2 <= len(series["values"]) <= 8
        ):
            problems.append("series: needs 'labels' and 'values' lists of the same length (2–8)")
        else:
            n_series = len(series["values"])
            problems += check_langmap(series.get("name"), "series.name", languages)
            for i, label in enumerate(series["labels"]):
                problems += check_langmap(label, f"series.labels[{i}]", languages)
            if not all(isinstance(v, (int, float)) and v >= 0 for v in series["values"]):
                problems.append("series.values: must be numbers ≥ 0")
    for i, c in enumerate(clues):
        if not isinstance(c, dict) or not isinstance(c.get("id"), str):
            problems.append(f"clues[{i}]: needs an id")
            continue
        problems += check_langmap(c.get("label"), f"clues[{i}].label", languages)
        problems += check_langmap(c.get("text"), f"clues[{i}].text", languages)
        signs = c.get("signs", {})
        if not isinstance(signs, dict) or not set(signs) <= set(ids):
            problems.append(f"clues[{i}].signs: must map hypothesis ids to texts")
        else:
            for hid, sign in signs.items():
                problems += check_langmap(sign, f"clues[{i}].signs.{hid}", languages)
        if mode == "chart":
            for key in ("x", "y"):
                if not isinstance(c.get(key), (int, float)) or not 0 <= c[key] <= 1:
                    problems.append(f"clues[{i}].{key}: must be a number 0–1")
        if mode == "table":
            values = c.get("values")
            if not isinstance(values, dict) or "default" not in values:
                problems.append(f"clues[{i}].values: needs a 'default' list (and lists per answer)")
                continue
            for key, row in values.items():
                if key != "default" and key not in ids:
                    problems.append(f"clues[{i}].values.{key}: not a hypothesis id")
                elif not isinstance(row, list) or not all(
                    isinstance(v, (int, float)) and v >= 0 for v in row
                ):
                    problems.append(f"clues[{i}].values.{key}: must be a list of numbers ≥ 0")
            used = answer if answer in values else "default"
            if isinstance(values.get(used), list) and len(values[used]) != n_series:
                problems.append(
                    f"clues[{i}].values.{used}: must be {n_series} numbers, one per bar"
                )
    test_ids: list[str] = []
    for i, t in enumerate(tests):
        if not isinstance(t, dict) or not isinstance(t.get("id"), str):
            problems.append(f"tests[{i}]: needs an id")
            continue
        test_ids.append(t["id"])
        problems += check_langmap(t.get("label"), f"tests[{i}].label", languages)
        problems += check_langmap(t.get("clear"), f"tests[{i}].clear", languages)
        checks = t.get("checks")
        if not isinstance(checks, list) or not set(checks) <= set(ids):
            problems.append(f"tests[{i}].checks: must list hypothesis ids")
        elif checks:
            problems += check_langmap(t.get("found"), f"tests[{i}].found", languages)
        if not isinstance(t.get("wait", 0), (int, float)) or not 0 <= t.get("wait", 0) <= 60:
            problems.append(f"tests[{i}].wait: must be 0–60 seconds")
        if not isinstance(t.get("base", 0), int) or not 0 <= t.get("base", 0) < HIGH:
            problems.append(f"tests[{i}].base: must be a whole number 0–2")
    only_tests = params.get("only_tests")
    if only_tests is not None and (
        not isinstance(only_tests, list) or not set(only_tests) <= set(test_ids)
    ):
        problems.append("only_tests: must list test ids")
    elif only_tests is not None:
        tests = [t for t in tests if t["id"] in only_tests]
    closed = params.get("closed", [])
    if not isinstance(closed, list) or not set(closed) <= set(test_ids):
        problems.append("closed: must list test ids")
        closed = []
    if closed:
        problems += check_langmap(params.get("closed_note"), "closed_note", languages)
    for key, low, high in (
        ("hypotheses_shown", 2, len(ids)),
        ("herrings", 0, 99),
        ("budget", 0, 99),
        ("attempts", 1, 9),
    ):
        if key in params and not _three(params[key], low, high):
            problems.append(f"{key}: must be three whole numbers from {low} to {high}")
    problems += validate_treatments(params, ids, languages)
    if problems:
        return problems
    in_play = set(only) if only else set(ids)
    usable = [t for t in tests if t["id"] not in closed]
    need = cover_count(in_play - {answer}, usable, str(answer))
    if need is None:
        problems.append(
            f"tests: the open tests must rule out every wrong idea when the answer is '{answer}'"
        )
    else:
        for d, budget in enumerate(params.get("budget", [0, 0, 0])):
            if budget and budget < need:
                problems.append(
                    f"budget: difficulty {d + 1} allows {budget} but the tests need {need}"
                )
    return problems
