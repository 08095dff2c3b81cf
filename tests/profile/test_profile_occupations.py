import numpy as np
import pytest

from telemetry.profile.occupations import (
    OccupationDataError,
    load_esco,
    load_job_zones,
    load_occupations,
    load_riasec_items,
    profile_correlations,
    zone_mask,
)


def test_load_real_data():
    occ = load_occupations()
    assert len(occ) == 923 and occ.oi.shape == (923, 6)
    assert occ.oi.min() >= 1 and occ.oi.max() <= 7
    assert set(np.unique(occ.job_zone)) == {1, 2, 3, 4, 5}
    assert occ.row(occ.index("11-1011.00"))["title"] == "Chief Executives"
    assert len(load_riasec_items()) == 48
    assert sorted(load_job_zones()) == [1, 2, 3, 4, 5]
    assert "11-1011.00" in load_esco()


def test_correlations_match_numpy():
    occ = load_occupations()
    x = np.array([0.1, -0.5, 1.2, 0.3, -1.0, 0.0])
    r = profile_correlations(x, occ)
    assert r[5] == pytest.approx(np.corrcoef(x, occ.oi[5])[0, 1])
    assert np.isnan(profile_correlations(np.zeros(6), occ)).all()
    assert zone_mask(occ, 1).sum() == (occ.job_zone == 1).sum()
    with pytest.raises(ValueError):
        zone_mask(occ, 7)


def test_bad_files_named(tmp_path):
    src = load_occupations().source
    lines = open(src, encoding="utf-8").read().splitlines()
    bad = tmp_path / "occ.csv"
    bad.write_text("\n".join([lines[0], lines[1].replace(",ECS,5,", ",ECS,9,")]), encoding="utf-8")
    with pytest.raises(OccupationDataError, match=r"occ\.csv, line 2: Job Zone 9"):
        load_occupations(bad)
    bad.write_text("soc_code,title\n", encoding="utf-8")
    with pytest.raises(OccupationDataError, match="missing column"):
        load_occupations(bad)
    with pytest.raises(OccupationDataError, match="cannot read"):
        load_occupations(tmp_path / "nope.csv")
    bad.write_text("\n".join([lines[0], lines[1].replace(",ECS,", ",RIA,")]), encoding="utf-8")
    with pytest.raises(OccupationDataError, match="disagrees"):
        load_occupations(bad)
