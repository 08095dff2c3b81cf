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

from collections.abc import Iterable, Mapping

import numpy as np

from telemetry.profile.evidence import RIASEC
from telemetry.profile.occupations import OccupationTable, profile_correlations, zone_mask
from telemetry.profile.results import Driver, Match, Profile
from telemetry.profile.workforce import mostly

# exact posterior medians are taken for this many candidates per list (the best by the
# posterior mean of r); a sort over all 923 occupations x 4000 draws would cost ~0.3 s
_POOL_FACTOR, _POOL_MIN = 4, 40
# a skewed occupation is checked for balance when its posterior mean r is within this of
# the lower end of the best match's interval (mean and median of r differ by far less;
# tests/profile/test_zone_matches.py checks the picks against a brute-force search)
_MARGIN = 0.15


def match_occupations(
    profile: Profile,
    occupations: OccupationTable,
    *,
    job_zones: Iterable[int] | int | None = None,
    n: int = 20,
    per_zone: int | None = None,
    n_drivers: int = 3,
    n_evidence: int = 3,
    workforce: Mapping[str, float] | None = None,
) -> list[Match]:
    """Occupations ranked by posterior median r with the profile, optionally only some Job
    Zones: the best ``n`` overall, or with ``per_zone`` the best ``per_zone`` of each Job
    Zone (zone order, best first; ``zone_rank`` counts from 1 inside the zone).

    Each match carries an r interval (same credible level as the profile, from the same
    posterior draws) and its drivers. A flat profile (no evidence) returns no matches.

    ``workforce`` ({code: percent women}, :mod:`telemetry.profile.workforce`): each match
    carries its share, and with ``per_zone`` a zone whose best ``per_zone`` include no
    occupation mostly done by women (or by men) also lists the best-fitting one that is,
    when the profile supports it: its r lies inside the interval of the zone's best match
    (``balance``). The pupil's own sex is never known or asked.
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
    shares = workforce or {}
    for idx in groups:
        if not len(idx) or size <= 0:
            continue
        sides = [mostly(shares.get(occupations.soc[i])) for i in idx]
        keep = np.array([bool(s) for s in sides]) if per_zone is not None else None
        point, low, high, ranked = _ranked(profile, r_mean, ou, pu, idx, keep, size)
        order = ranked[:size]
        extra: list[int] = []
        if per_zone is not None and order:
            floor = low[order[0]]  # the interval of the zone's best match
            for side in ("women", "men"):
                if any(sides[j] == side for j in order):
                    continue
                extra += [j for j in ranked[size:] if sides[j] == side and point[j] >= floor][:1]
        for j in order + extra:
            i = int(idx[j])
            rank = ranked.index(j) + 1
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
                    shares.get(occupations.soc[i]),
                    j in extra,
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
    keep: np.ndarray | None,
    size: int = 5,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[int]]:
    """Point r, interval and the ranked positions (into ``idx``) that have one, best first;
    ``keep``: positions that may be listed for balance (the skewed occupations): their
    exact medians are also taken when their posterior mean r comes within
    :data:`_MARGIN` of the interval of the best.

    ``ou``: the occupations' unit rows; ``pu``: the posterior draws' unit rows as columns.
    The posterior mean of r is linear in the draws (``ou @ mean(pu)``), so candidates are
    found without the (draws x occupations) matrix; medians are exact for the candidates.
    """
    if pu is None or not pu.shape[1]:
        point = low = high = r_mean[idx]
    else:
        qs = ((1 - profile.interval) / 2, 0.5, (1 + profile.interval) / 2)
        pool = min(len(idx), max(_POOL_FACTOR * size, _POOL_MIN))
        avg = ou[idx] @ pu.mean(axis=1)
        cand = np.lexsort((np.arange(len(idx)), -avg))[:pool]
        point = np.full(len(idx), -np.inf)
        low, high = point.copy(), point.copy()
        low[cand], point[cand], high[cand] = _quantiles(np.sort(ou[idx[cand]] @ pu, axis=1), qs)
        if keep is not None:
            floor = low[int(np.argmax(point))]
            more = np.flatnonzero(keep & (avg >= floor - _MARGIN) & ~np.isfinite(point))
            if len(more):
                rows = np.sort(ou[idx[more]] @ pu, axis=1)
                low[more], point[more], high[more] = _quantiles(rows, qs)
    order = np.lexsort((np.arange(len(idx)), -point))
    return point, low, high, [int(j) for j in order if np.isfinite(point[j])]


def _drivers(
    profile: Profile, oi: np.ndarray, n_drivers: int, n_evidence: int
) -> tuple[Driver, ...]:
    """The shared high points behind a match, largest share of r first, each with the
    evidence that points to more interest in that type (see module docstring)."""
    zp = (profile.mean - profile.mean.mean()) / profile.mean.std()
    zo = (oi - oi.mean()) / oi.std()
    contrib = zp * zo / 6
    drivers: list[Driver] = []
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
