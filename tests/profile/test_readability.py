"""A profile that cannot be read says so (issue 17 item 2)."""

from __future__ import annotations

import numpy as np

from game.sim.synthetic import SyntheticPlayer, simulate_statements
from telemetry.profile.engine import estimate_profile
from tests.profile import statement_factory as f


def _straight(value: int) -> list[dict]:
    out = [f.item(f"{k}{i}", value) for i in range(1, 3) for k in "RIASEC"]
    out += [f.rating("expect", "A", value), f.rating("enjoy", "A", value)]
    return out


def test_a_straight_liner_is_not_interpretable():
    for value in (5, 3, 1):
        p = estimate_profile(_straight(value), n_draws=200)
        assert not p.interpretable
        assert p.readability.reason == "same_answers"
        assert p.as_dict()["interpretable"] is False


def test_a_pupil_with_differentiated_answers_is_interpretable():
    answers = {"R": 5, "I": 4, "A": 2, "S": 1, "E": 3, "C": 2}
    stream = [f.item(f"{k}{i}", v) for i in range(1, 3) for k, v in answers.items()]
    p = estimate_profile(stream, n_draws=200)
    assert p.interpretable and p.readability.reason is None


def test_random_clicks_are_flagged():
    rng = np.random.default_rng(4)
    flagged = 0
    for _n in range(20):
        stream = [f.item(f"{k}{i}", int(rng.integers(1, 6))) for i in range(1, 6) for k in "RIASEC"]
        flagged += not estimate_profile(stream, n_draws=100).interpretable
    assert flagged >= 6  # ~half of random clickers (see telemetry.profile.readability)


def test_honest_in_model_pupils_are_rarely_flagged():
    rng = np.random.default_rng(11)
    flagged = 0
    for i in range(40):
        player = SyntheticPlayer(rng.normal(size=6), np.random.default_rng(i))
        flagged += not estimate_profile(
            simulate_statements(player, 20, np.random.default_rng(i)), n_draws=100
        ).interpretable
    assert flagged <= 3


def test_acquiescent_pupil_has_the_same_profile_shape():
    rs, same = [], 0
    for i in range(12):
        latent = np.random.default_rng(i).normal(size=6) * 1.2
        est = []
        for shift in (0.0, 1.2):
            player = SyntheticPlayer(latent, np.random.default_rng(100 + i), style=shift)
            stream = simulate_statements(player, 20, np.random.default_rng(200 + i))
            est.append(estimate_profile(stream, n_draws=200).mean)
        a, b = (e - e.mean() for e in est)
        rs.append(float(np.corrcoef(a, b)[0, 1]))
        same += int(est[0].argmax() == est[1].argmax())
    assert np.mean(rs) >= 0.9 and same >= 9


def _stream(rng, answer, pick) -> list[dict]:
    """18 activity items and 8 forced-choice pairs, answered by ``answer`` / ``pick``."""
    import itertools

    out = [f.item(f"{k}{i}", answer(k)) for i in range(1, 4) for k in "RIASEC"]
    for a, b in list(itertools.combinations("RIASEC", 2))[:8]:
        ia, ib = f"{a}5", f"{b}6"
        out.append(
            f.st(
                "selected",
                "question",
                f"pair/{ia}/{ib}",
                response=pick(ia, ib),
                extensions={"options": {ia: a, ib: b}, "source": "mentor"},
            )
        )
    return out


def test_random_answers_to_items_and_pairs_lose_to_a_random_clicker(monkeypatch):
    """The Bayes factor of the scorer's model against clicking at random (ratings, choices
    and pairs together) catches random clickers that person-fit on ratings alone misses,
    and flags few honest pupils with the same amount of evidence."""
    from telemetry.profile import readability

    rng = np.random.default_rng(4)
    streams = [
        _stream(
            rng, lambda k: int(rng.integers(1, 6)), lambda a, b: [a, b][int(rng.integers(0, 2))]
        )
        for _ in range(40)
    ]
    flagged = sum(not estimate_profile(s, n_draws=100).interpretable for s in streams)
    monkeypatch.setattr(readability, "BF_CUT", -np.inf)  # person-fit rules only
    without = sum(not estimate_profile(s, n_draws=100).interpretable for s in streams)
    monkeypatch.undo()
    assert flagged >= 22 and flagged >= without + 8
    honest = 0
    for i in range(40):
        player = SyntheticPlayer(rng.normal(size=6), np.random.default_rng(i))
        stream = _stream(
            rng, player.answer_item, lambda a, b, pl=player: pl.choose_option({a: a[0], b: b[0]})
        )
        honest += not estimate_profile(stream, n_draws=100).interpretable
    assert honest <= 3  # as many as person-fit alone flags in 40 honest pupils


# --- response time (issue 17 item 2, random responding) -------------------------------

#: 18 activity items answered without much pattern, but not so badly that the ratings
#: alone lose to a random clicker (log Bayes factor about -2, person fit about +0.7)
LOOSE = [1, 2, 3, 3, 3, 1, 1, 1, 1, 4, 3, 4, 2, 4, 4, 2, 3, 5]
CLEAR = [5, 4, 2, 1, 3, 2, 5, 4, 2, 1, 3, 2, 5, 5, 1, 1, 3, 2]
_SOCS = [
    ("15-1252.00", "I"),
    ("17-2071.00", "R"),
    ("27-1024.00", "A"),
    ("21-1093.00", "S"),
    ("11-2022.00", "E"),
    ("43-3031.00", "C"),
]


def _answers_and_cards(answers: list[int], card_seconds: float) -> list[dict]:
    """The items at reading pace (6 s apart), then six occupation cards, one a screen."""
    from tests.profile.statement_factory import at

    out = [
        at(10 + 6 * k, f.item(f"{'RIASEC'[k % 6]}{k // 6 + 1}", v)) for k, v in enumerate(answers)
    ]
    t = 30 + 6 * len(answers)
    out += [at(t + 30 * j, f.reading(soc, k, card_seconds)) for j, (soc, k) in enumerate(_SOCS)]
    return out


def test_skimmed_cards_with_loose_answers_are_not_interpretable():
    read = estimate_profile(_answers_and_cards(LOOSE, 20.0), n_draws=100)
    assert read.interpretable  # the same answers from a pupil who read the cards
    skimmed = estimate_profile(_answers_and_cards(LOOSE, 2.0), n_draws=100)
    assert not skimmed.interpretable
    assert skimmed.readability.reason == "random_answers"
    assert skimmed.readability.rule == "skimmed" and skimmed.readability.skim == 1.0


def test_skimming_alone_never_flags_a_profile_with_few_answers():
    """Four answers and quick looks at the job cards (a pupil two challenges in): too little
    to call random clicking, so the profile stays readable (it said "not interpretable")."""
    p = estimate_profile(_answers_and_cards([5, 4, 5, 3], 2.0), n_draws=100)
    assert p.readability.random_bf is None and p.readability.skim == 1.0
    assert p.interpretable


def test_a_fast_reader_with_clear_answers_stays_interpretable():
    p = estimate_profile(_answers_and_cards(CLEAR, 2.0), n_draws=100)
    assert p.interpretable and p.readability.skim == 1.0


def _mashed(n_mashed: int) -> list[dict]:
    """12 clear answers at reading pace, then ``n_mashed`` more 0.2 s apart."""
    from tests.profile.statement_factory import at

    out = [
        at(10 + 6 * k, f.item(f"{'RIASEC'[k % 6]}{k // 6 + 1}", v))
        for k, v in enumerate(CLEAR[:12])
    ]
    out += [
        at(100 + 0.2 * k, f.item(f"{'RIASEC'[k % 6]}{k // 6 + 3}", 3)) for k in range(n_mashed + 1)
    ]
    return out


def test_mostly_key_mashed_answers_are_not_interpretable():
    p = estimate_profile(_mashed(8), n_draws=100)  # 8 of 21 answers mashed
    assert not p.interpretable
    assert p.readability.rule == "key_mash" and p.readability.mash >= 0.3
    assert p.as_dict()["readability"]["rule"] == "key_mash"


def test_a_few_mashed_answers_leave_the_profile_readable():
    p = estimate_profile(_mashed(2), n_draws=100)
    assert p.interpretable and 0 < p.readability.mash < 0.3
