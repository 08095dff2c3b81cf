"""Occupation matches: Pearson r between a player's six scores and each O*NET interest
profile (as the O*NET Interest Profiler does), with an r interval from posterior draws
and the drivers (types and evidence) behind each match. Called by the profile engine.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from telemetry.profile.evidence import RIASEC
from telemetry.profile.occupations import OccupationTable, profile_correlations, zone_mask
from telemetry.profile.results import Driver, Match, Profile


def match_occupations(
    profile: Profile,
    occupations: OccupationTable,
    *,
    job_zones: Iterable[int] | int | None = None,
    n: int = 20,
    n_drivers: int = 3,
    n_evidence: int = 3,
) -> list[Match]:
    """Occupations ranked by Pearson r with the profile, optionally only some Job Zones.

    Each match carries an r interval (same credible level as the profile, from posterior
    draws) and its drivers. A flat profile (no evidence) returns no matches.
    """
    r = profile_correlations(profile.mean, occupations)
    mask = zone_mask(occupations, job_zones) & np.isfinite(r)
    idx = np.flatnonzero(mask)
    if not len(idx):
        return []
    idx = idx[np.lexsort((np.arange(len(idx)), -r[idx]))][:n]
    lo_q, hi_q = (1 - profile.interval) / 2, (1 + profile.interval) / 2
    if profile.draws is not None:
        sub = OccupationTable(
            tuple(occupations.soc[i] for i in idx),
            (),
            (),
            occupations.oi[idx],
            (),
            occupations.job_zone[idx],
            (),
            (),
        )
        rd = profile_correlations(profile.draws, sub)
        r_low = np.nanquantile(rd, lo_q, axis=0)
        r_high = np.nanquantile(rd, hi_q, axis=0)
    else:
        r_low = r_high = r[idx]
    zp = (profile.mean - profile.mean.mean()) / profile.mean.std()
    out = []
    for j, i in enumerate(idx):
        o = occupations.oi[i]
        zo = (o - o.mean()) / o.std()
        contrib = zp * zo / 6
        drivers = []
        for k in np.argsort(-contrib, kind="stable")[:n_drivers]:
            if contrib[k] <= 0:
                break
            letter = RIASEC[k]
            evid = profile.scores[letter].evidence
            sign = 1 if zp[k] > 0 else -1
            best = sorted((e for e in evid if e.pull * sign > 0), key=lambda e: -abs(e.pull))
            drivers.append(Driver(letter, float(contrib[k]), tuple(best[:n_evidence])))
        out.append(
            Match(
                occupations.soc[i],
                occupations.title[i],
                int(occupations.job_zone[i]),
                occupations.holland_code[i],
                float(r[i]),
                float(r_low[j]),
                float(r_high[j]),
                tuple(drivers),
            )
        )
    return out
