"""Forced-choice pairs ("Which would you rather do?", issue 17 item 3): read from the
statements the odd-jobs board and the mentors record, scored with a Bradley-Terry term in
the one posterior, and immune to a shift on every rating (acquiescence)."""

from __future__ import annotations

import itertools

import numpy as np
from statement_factory import item, st

from telemetry.profile.engine import estimate_profile
from telemetry.profile.evidence import RIASEC, extract_evidence

ORDER = "RIASEC"  # the pupil's true order: R most liked, C least
HONEST = {"R": 5, "I": 4, "A": 4, "S": 3, "E": 2, "C": 1}


def pair(a: str, b: str, chosen: str, source: str = "mentor") -> dict:
    return st(
        "selected",
        "question",
        f"pair/{a}/{b}",
        response=chosen,
        extensions={"options": {a: a[0], b: b[0]}, "source": source},
    )


def _ratings(shift: int) -> list[dict]:
    """Two items of each type rated as HONEST, every answer ``shift`` higher (capped at 5)."""
    return [item(f"{k}{n}", min(5, HONEST[k] + shift)) for k in RIASEC for n in (1, 2)]


def _pairs() -> list[dict]:
    """Every cross-type pair once, each won by the type higher in ORDER."""
    out = []
    for n, (a, b) in enumerate(itertools.combinations(RIASEC, 2)):
        ia, ib = f"{a}{3 + n % 6}", f"{b}{3 + (n + 1) % 6}"
        out.append(pair(ia, ib, ia if ORDER.index(a) < ORDER.index(b) else ib))
    return out


def _order(profile) -> str:
    return "".join(RIASEC[i] for i in np.argsort(-profile.mean, kind="stable"))


def test_an_acquiescent_pupil_still_gets_the_right_order_from_pairs() -> None:
    shifted = estimate_profile(_ratings(2) + _pairs(), n_draws=500)
    assert _order(shifted)[:3] == "RIA"
    assert _order(shifted) == ORDER
    honest = estimate_profile(_ratings(0) + _pairs(), n_draws=500)
    assert np.corrcoef(shifted.mean, honest.mean)[0, 1] >= 0.9
    # without the pairs, the shifted ratings cannot tell R, I and A apart (all 5)
    alone = estimate_profile(_ratings(2), n_draws=500).mean
    assert np.ptp(alone[:3]) < 0.05


def test_pairs_are_read_as_pairs_and_named_in_the_evidence() -> None:
    ev = extract_evidence(_pairs())
    assert len(ev.pairs) == 15 and not ev.choices and not ev.ratings
    first = ev.pairs[0]
    assert (first.preferred, first.other, first.where) == ("R", "I", "mentor")
    prof = estimate_profile(_pairs(), n_draws=200)
    kinds = {e.kind for s in prof.scores.values() for e in s.evidence}
    assert kinds == {"pair_preferred", "pair_passed"}


def test_a_skipped_same_type_or_mashed_pair_is_no_evidence() -> None:
    skipped = st(
        "skipped",
        "question",
        "pair/R1/I1",
        extensions={"options": {"R1": "R", "I1": "I"}, "source": "job_board"},
    )
    same = pair("R1", "R2", "R1")
    stranger = pair("R1", "I1", "A1")  # an answer that was not offered
    ev = extract_evidence([skipped, same, stranger])
    assert ev.pairs == []
    a = pair("R3", "I3", "R3")
    b = pair("A3", "S3", "A3")
    b["timestamp"] = a["timestamp"]  # the same instant: key-mash
    ev = extract_evidence([a, b])
    assert [p.chosen for p in ev.pairs] == ["R3"] and ev.discarded["key_mash"] == 1
