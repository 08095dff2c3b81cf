"""Occupation matches: Pearson r between a player's six scores and each O*NET interest
profile (as the O*NET Interest Profiler does), with an r interval from posterior draws
and the drivers (types and evidence) behind each match. Called by the profile engine and
by the report model (best matches within each Job Zone).

Point and interval come from the same posterior draws: ``r`` is the posterior median of
the correlation and ``r_low``/``r_high`` its central interval, so ``r`` always lies inside
its own interval. (The r of the posterior mean profile does not: correlation is not
linear, and an uncertain profile's draws correlate less with any occupation than its mean
does, so that r fell above its own interval for about a fifth of the listed matches.)

A driver (a reason for a match) is a type the player and the occupation share as a high
point: above the player's own average and above the occupation's. A shared low ("Write a
song: 1/5" for a job with no artistic side) also raises r, but is never given as a reason;
a driver's evidence is only evidence that points to more interest.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from telemetry.profile.evidence import RIASEC
from telemetry.profile.occupations import OccupationTable, profile_correlations, zone_mask
from telemetry.profile.results import Driver, Match, Profile

# exact posterior medians are taken for this many candidates per list (the best by the
# posterior mean of r); a sort over all 923 occupations x 4000 draws would cost ~0.3 s
_POOL_FACTOR, _POOL_MIN = 4, 40


def match_occupations(
    profile: Profile,
    occupations: OccupationTable,
    *,
    job_zones: Iterable[int] | int | None = None,
    n: int = 20,
    per_zone: int | None = None,
    n_drivers: int = 3,
    n_evidence: int = 3,
) -> list[Match]:
    """Occupations ranked by posterior median r with the profile, optionally only some Job
    Zones: the best ``n`` overall, or with ``per_zone`` the best ``per_zone`` of each Job
    Zone (zone order, best first; ``zone_rank`` counts from 1 inside the zone).

    Each match carries an r interval (same credible level as the profile, from the same
    posterior draws) and its drivers. A flat profile (no evidence) returns no matches.
    """
    r_mean = profile_correlations(profile.mean, occupations)
    mask = zone_mask(occupations, job_zones) & np.isfinite(r_mean)
    if not mask.any():
        return []
    ou = _unit_rows(occupations.oi)
    # (6, draws), contiguous: a product with a transposed view is many times slower
    pu = None if profile.draws is None else np.ascontiguousarray(_unit_rows(profile.draws).T)
    if per_zone is None:
        groups = [np.flatnonzero(mask)]
        size = n
    else:
        groups = [np.flatnonzero(mask & (occupations.job_zone == z)) for z in range(1, 6)]
        size = per_zone
    out: list[Match] = []
    for idx in groups:
        if not len(idx) or size <= 0:
            continue
        point, low, high, order = _ranked(profile, r_mean, ou, pu, idx, size)
        for rank, j in enumerate(order, start=1):
            i = int(idx[j])
            out.append(
                Match(
                    occupations.soc[i],
                    occupations.title[i],
                    int(occupations.job_zone[i]),
                    occupations.holland_code[i],
                    float(point[j]),
                    float(low[j]),
                    float(high[j]),
                    _drivers(profile, occupations.oi[i], n_drivers, n_evidence),
                    rank if per_zone is not None else 0,
                )
            )
    return out


def _unit_rows(x: np.ndarray) -> np.ndarray:
    """Rows centred and scaled to length 1 (rows with no spread dropped): the dot product
    of two such rows is their Pearson r."""
    xc = x - x.mean(axis=1, keepdims=True)
    norm = np.linalg.norm(xc, axis=1)
    keep = norm > 1e-12
    out: np.ndarray = xc[keep] / norm[keep, None]
    return out


def _quantiles(rows: np.ndarray, qs: tuple[float, ...]) -> np.ndarray:
    """Quantiles of each sorted row, interpolated as ``np.quantile`` does by default
    (a sort and a lookup: several times faster than ``np.quantile`` on these shapes)."""
    last = rows.shape[1] - 1
    out = []
    for q in qs:
        pos = q * last
        lo = int(np.floor(pos))
        hi = min(lo + 1, last)
        out.append(rows[:, lo] + (pos - lo) * (rows[:, hi] - rows[:, lo]))
    return np.array(out)


def _ranked(
    profile: Profile,
    r_mean: np.ndarray,
    ou: np.ndarray,
    pu: np.ndarray | None,
    idx: np.ndarray,
    size: int,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """Point r, interval and the best ``size`` positions (into ``idx``), best first.

    ``ou``: the occupations' unit rows; ``pu``: the posterior draws' unit rows as columns.
    The posterior mean of r is linear in the draws (``ou @ mean(pu)``), so candidates are
    found without the (draws x occupations) matrix; medians are exact for the candidates.
    """
    if pu is None or not pu.shape[1]:
        point = low = high = r_mean[idx]
    else:
        lo_q, hi_q = (1 - profile.interval) / 2, (1 + profile.interval) / 2
        pool = min(len(idx), max(_POOL_FACTOR * size, _POOL_MIN))
        avg = ou[idx] @ pu.mean(axis=1)
        cand = np.lexsort((np.arange(len(idx)), -avg))[:pool]
        q = _quantiles(np.sort(ou[idx[cand]] @ pu, axis=1), (lo_q, 0.5, hi_q))
        point = np.full(len(idx), -np.inf)
        low, high = point.copy(), point.copy()
        low[cand], point[cand], high[cand] = q[0], q[1], q[2]
    order = np.lexsort((np.arange(len(idx)), -point))[:size]
    return point, low, high, [int(j) for j in order if np.isfinite(point[j])]


def _drivers(profile: Profile, oi: np.ndarray, n_drivers: int, n_evidence: int) -> tuple:
    """The shared high points behind a match, largest share of r first, each with the
    evidence that points to more interest in that type (see module docstring)."""
    zp = (profile.mean - profile.mean.mean()) / profile.mean.std()
    zo = (oi - oi.mean()) / oi.std()
    contrib = zp * zo / 6
    drivers = []
    for k in np.argsort(-contrib, kind="stable"):
        if len(drivers) == n_drivers or contrib[k] <= 0:
            break
        if zp[k] <= 0 or zo[k] <= 0:
            continue  # a shared low: raises r, but is no reason to do the job
        letter = RIASEC[k]
        best = sorted(
            (e for e in profile.scores[letter].evidence if e.pull > 0), key=lambda e: -e.pull
        )
        drivers.append(Driver(letter, float(contrib[k]), tuple(best[:n_evidence])))
    return tuple(drivers)
