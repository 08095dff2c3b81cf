"""Searching and filtering occupations for the Horizons Tower. Pure functions: no pygame,
no state; called whenever the search text or a filter chip changes."""

from __future__ import annotations

from collections.abc import Iterable


def matches_query(title: str, query: str) -> bool:
    """True when every word of ``query`` appears in ``title`` (case-insensitive)."""
    words = query.casefold().split()
    low = title.casefold()
    return all(word in low for word in words)


def filter_occupations(occupations: Iterable, query: str = "", letters: Iterable[str] = (),
                       zones: Iterable[int] = ()) -> list:
    """Occupations whose title matches ``query``, whose main (first) interest letter is one
    of ``letters`` and whose Job Zone is one of ``zones``; an empty filter lets all through.
    Sorted by title."""
    letters = set(letters)
    zones = set(zones)
    out = [o for o in occupations
           if (not letters or o.holland[:1] in letters)
           and (not zones or o.job_zone in zones)
           and matches_query(o.title, query)]
    out.sort(key=lambda o: o.title.casefold())
    return out
