"""Occupation matches a pupil and a practitioner can trust (issue 17 item 6): the best
matches within each Job Zone, a reported r that lies inside its own interval, and no shared
low ("Write a song: 1/5") given as a reason for a match."""

from __future__ import annotations

import numpy as np
import pytest
import statement_factory as sf

from game.sim.synthetic import SyntheticPlayer, draw_latent_population, simulate_statements
from telemetry.profile.engine import estimate_profile
from telemetry.profile.matching import match_occupations
from telemetry.profile.occupations import load_occupations, profile_correlations


@pytest.fixture(scope="module")
def occ():
    return load_occupations()


@pytest.fixture(scope="module")
def pupils(occ):
    """Twelve simulated pupils after 20 minutes of play (profiles still uncertain)."""
    rng = np.random.default_rng(17)
    return [
        estimate_profile(simulate_statements(SyntheticPlayer(lat, rng), 20, rng), occ, n_matches=0)
        for lat in draw_latent_population(12, rng)
    ]


def test_reported_r_lies_inside_its_own_interval(occ, pupils):
    listed = [m for p in pupils for m in match_occupations(p, occ, n=20)]
    outside = [(m.title, m.r, m.r_low, m.r_high) for m in listed if not m.r_low <= m.r <= m.r_high]
    assert len(listed) == 240
    assert outside == []


def test_best_matches_within_each_zone_ranked_by_posterior_median(occ, pupils):
    """Each Job Zone lists its own best five, checked against a brute-force posterior
    median over every occupation of the zone and every draw."""
    for p in pupils[:4]:
        ms = match_occupations(p, occ, per_zone=5)
        rd = profile_correlations(p.draws, occ)
        med = np.median(rd, axis=0)
        lo, hi = np.quantile(rd, [0.1, 0.9], axis=0)
        for zone in range(1, 6):
            idx = np.flatnonzero(occ.job_zone == zone)
            best = idx[np.argsort(-med[idx], kind="stable")[:5]]
            got = [m for m in ms if m.job_zone == zone]
            assert [m.soc_code for m in got] == [occ.soc[i] for i in best]
            assert [m.zone_rank for m in got] == [1, 2, 3, 4, 5]
            for m, i in zip(got, best, strict=True):
                assert (m.r, m.r_low, m.r_high) == pytest.approx((med[i], lo[i], hi[i]), abs=1e-9)


def test_zone_lists_are_not_the_global_top_grouped(occ, pupils):
    """Why the per-zone lists matter: the global top 20 leaves some Job Zone short."""
    short = 0
    for p in pupils:
        top = match_occupations(p, occ, n=20)
        per_zone = match_occupations(p, occ, per_zone=5)
        assert {m.job_zone for m in per_zone} == {1, 2, 3, 4, 5}
        short += any(sum(m.job_zone == z for m in top) < 5 for z in range(1, 6))
    assert short > 0


def _realistic_conventional_pupil() -> list[dict]:
    """Likes hands-on and orderly work; dislikes artistic tasks (rated "Write a song" 1/5)."""
    s = [sf.choice({"r": "R", "a": "A", "c": "C"}, "r", "job_board") for _ in range(3)]
    s += [sf.choice({"c": "C", "a": "A", "s": "S"}, "c", "job_board") for _ in range(3)]
    s += [sf.item(f"R{i}", 5) for i in range(1, 5)] + [sf.item(f"C{i}", 5) for i in range(1, 5)]
    s += [sf.item(f"A{i}", 1) for i in range(1, 6)]  # A4 = "Write a song"
    s += [sf.item(f"{k}{i}", 3) for k in "ISE" for i in (1, 2)]
    s += sf.play("r_one", "R", 5, 5, "yes") + sf.play("a_one", "A", 2, 1, "no")
    return s


def test_a_shared_low_is_never_a_reason(occ):
    p = estimate_profile(_realistic_conventional_pupil(), occ, n_matches=0)
    assert p.scores["A"].score < min(p.scores[k].score for k in "RC")
    ms = match_occupations(p, occ, n=60)
    low_a = [m for m in ms if occ.oi[occ.index(m.soc_code)].argmin() == 2]
    assert low_a  # matches whose lowest interest is Artistic: a shared low with the pupil
    centre = p.mean.mean()
    for m in ms:
        assert m.drivers  # every match still says why
        oi = occ.oi[occ.index(m.soc_code)]
        for d in m.drivers:
            k = "RIASEC".index(d.letter)
            assert p.mean[k] > centre and oi[k] > oi.mean(), (m.title, d.letter)
            assert all(e.pull > 0 for e in d.evidence), (m.title, d.letter)
            assert not any(e.source == "A4" for e in d.evidence)


def test_balance_lists_the_best_skewed_job_the_profile_supports(occ, pupils):
    """Issue 18 item 5, checked against a brute-force search over every occupation of the
    zone and every draw: a zone whose best five hold no job mostly done by women (or men)
    lists the best one that is, if its posterior median r reaches the lower end of the
    interval of the zone's best match; none otherwise."""
    from telemetry.profile.workforce import load_workforce, mostly

    shares = load_workforce()
    side_of = [mostly(shares.get(s)) for s in occ.soc]
    added = 0
    for p in pupils:
        ms = match_occupations(p, occ, per_zone=5, workforce=shares)
        rd = profile_correlations(p.draws, occ)
        med, lo = np.median(rd, axis=0), np.quantile(rd, 0.1, axis=0)
        for zone in range(1, 6):
            idx = np.flatnonzero(occ.job_zone == zone)
            ranked = idx[np.argsort(-med[idx], kind="stable")]
            top, floor = ranked[:5], lo[ranked[0]]
            expected = []
            for side in ("women", "men"):
                if any(side_of[i] == side for i in top):
                    continue
                fits = [i for i in ranked[5:] if side_of[i] == side and med[i] >= floor]
                expected += [occ.soc[i] for i in fits[:1]]
            got = [m for m in ms if m.job_zone == zone and m.balance]
            assert [m.soc_code for m in got] == expected
            assert all(m.women_percent == shares[m.soc_code] for m in got)
            added += len(got)
    assert added > 0


def test_a_damaged_workforce_table_is_one_line_naming_file_and_line(tmp_path):
    from telemetry.profile.occupations import OccupationDataError
    from telemetry.profile.workforce import load_workforce

    bad = tmp_path / "workforce_sex.csv"
    bad.write_text("soc_code,women_percent\n47-2111.00,1.7\n29-1141.00,187\n", encoding="utf-8")
    with pytest.raises(OccupationDataError) as err:
        load_workforce(bad)
    assert str(err.value) == f"{bad}, line 3: women_percent 187.0 not 0-100"
    bad.write_text("soc_code,women_percent\n47-2111.00,lots\n", encoding="utf-8")
    with pytest.raises(OccupationDataError, match=r"line 2: women_percent 'lots' is not a number"):
        load_workforce(bad)
    assert load_workforce()["47-2111.00"] == 1.7  # the shipped table: Electricians
