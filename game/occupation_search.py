"""Searching and filtering occupations for the Horizons Tower, in the pupil's own words.

An occupation is found by any of its ``names`` (``zones.content.Occupation``): the O*NET
title, and ESCO's English and Spanish preferred and alternative labels of every ESCO
occupation linked to it ("joiner", "plumber", "fontanero", "hairdresser"), plus the
Worktown team's own short list of everyday words ESCO lacks
(``assets/data/team_occupation_words.csv``: "footballer", "youtuber"). Matching is word by word:
each word of the query must match a word of the same name exactly, as the start of a word ("vet" ->
"veterinarian"), or closely enough for a typo (rapidfuzz's ratio, "electritian" -> "electrician");
plurals, capitals and accents do not matter. Results are ranked by how well they match, then by
title.

Pure: no pygame and no state besides the index; :class:`SearchIndex` is built once when
the tower opens, :meth:`SearchIndex.search` called whenever the text or a filter changes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from telemetry.profile.esco_match import stem

if TYPE_CHECKING:
    from zones.content import Occupation

__all__ = [
    "Hit",
    "SearchIndex",
    "european_names",
    "filter_occupations",
    "matches_query",
    "normalise",
]

TYPO_CUTOFF = 80  # rapidfuzz ratio (0-100) for a word to count as a misspelling
MIN_TYPO_LEN = 5  # shorter words must match exactly or as a word's start
MIN_PREFIX_LEN = 3


def normalise(text: str) -> list[str]:
    """Lower-case words without accents or punctuation, each in the singular."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c if c.isalnum() else " " for c in plain if not unicodedata.combining(c))
    return [stem(w) for w in plain.split()]


def european_names(occ, language: str) -> str:
    """The occupation's ESCO names in ``language`` (English where ESCO has none), joined."""
    return "; ".join(e.label.get(language) or e.label["en"] for e in getattr(occ, "esco", ()))


def matches_query(title: str, query: str) -> bool:
    """True when every word of ``query`` appears in ``title`` (case-insensitive)."""
    words = query.casefold().split()
    low = title.casefold()
    return all(word in low for word in words)


@dataclass(frozen=True)
class Hit:
    """One search result: the occupation, the name it was found by and the score."""

    occ: Occupation
    name: str
    score: float


class SearchIndex:
    """Every searchable name of every occupation, by word. Built when the tower opens."""

    def __init__(self, occupations: Iterable) -> None:
        self.occupations = sorted(occupations, key=lambda o: o.title.casefold())
        self.names: list[tuple[int, str, list[str], int]] = []  # (occ row, name, words, rank)
        self.by_word: dict[str, set[int]] = {}
        for row, occ in enumerate(self.occupations):
            shown = {
                e.label.get(lang, "") for e in getattr(occ, "esco", ()) for lang in ("en", "es")
            }
            names = [("en", occ.title), *getattr(occ, "names", ())]
            for _lang, name in dict.fromkeys(names):
                rank = 0 if name == occ.title else 1 if name in shown else 2
                self._add(row, name, rank)
        self.vocabulary = sorted(self.by_word)

    def _add(self, row: int, name: str, rank: int) -> None:
        words = normalise(name)
        if not words:
            return
        k = len(self.names)
        self.names.append((row, name, words, rank))
        for w in words:
            self.by_word.setdefault(w, set()).add(k)

    def _word_scores(self, word: str) -> dict[str, float]:
        """Vocabulary words that ``word`` matches, with a score: 100 the same word, 95 the
        start of a longer one, else rapidfuzz's ratio for a misspelling."""
        out: dict[str, float] = {}
        if word in self.by_word:
            out[word] = 100.0
        if len(word) >= MIN_PREFIX_LEN:
            for v in self.vocabulary:
                if v.startswith(word) and v != word:
                    out[v] = 95.0
        if len(word) >= MIN_TYPO_LEN:
            for v, score, _ in process.extract(
                word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF, limit=None
            ):
                out.setdefault(v, float(score) * 0.9)
        return out

    def search(
        self, query: str = "", letters: Iterable[str] = (), zones: Iterable[int] = ()
    ) -> list[Hit]:
        """Occupations matching ``query`` whose main interest letter is one of ``letters``
        and whose Job Zone is one of ``zones`` (an empty filter lets all through), best
        first. Each hit keeps the name that matched best."""
        letters, zones = set(letters), set(zones)
        allowed = [
            (not letters or o.holland[:1] in letters) and (not zones or o.job_zone in zones)
            for o in self.occupations
        ]
        words = normalise(query)
        if not words:
            return [
                Hit(o, o.title, 0.0) for o, ok in zip(self.occupations, allowed, strict=True) if ok
            ]
        per_word = [self._word_scores(w) for w in words]
        if not all(per_word):
            return []
        candidates = set.intersection(
            *({k for v in scores for k in self.by_word[v]} for scores in per_word)
        )
        best: dict[int, tuple[float, int, str]] = {}
        for k in sorted(candidates):
            row, name, name_words, rank = self.names[k]
            if not allowed[row]:
                continue
            score = sum(max(scores.get(w, 0.0) for w in name_words) for scores in per_word) / len(
                words
            )
            score -= 0.5 * max(0, len(name_words) - len(words))  # closer names first
            if row not in best or (-score, rank) < (-best[row][0], best[row][1]):
                best[row] = (score, rank, name)
        ranked = sorted(best.items(), key=lambda item: (-item[1][0], item[1][1], item[0]))
        return [Hit(self.occupations[row], name, score) for row, (score, _, name) in ranked]


def filter_occupations(
    occupations: Iterable, query: str = "", letters: Iterable[str] = (), zones: Iterable[int] = ()
) -> list:
    """The occupations :meth:`SearchIndex.search` finds, best first (all, by title, for
    an empty query)."""
    return [hit.occ for hit in SearchIndex(occupations).search(query, letters, zones)]
