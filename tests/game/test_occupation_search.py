"""Horizons Tower search in the pupil's words (issue 18, item 2): ESCO's British and
Spanish names, typos and plurals, the team's own few words; filters still apply."""

import pytest

from game import paths
from game.occupation_search import SearchIndex, filter_occupations, normalise
from zones.loader import load_occupations


@pytest.fixture(scope="module")
def index():
    problems: list[str] = []
    occ = load_occupations(paths.assets_dir() / "data", problems)
    assert problems == []
    return SearchIndex(occ.values())


@pytest.mark.parametrize(
    "query, expected, found_as",
    [
        ("joiner", "Carpenters", "joiner"),
        ("Joiners", "Carpenters", "joiner"),  # capital and plural
        ("footballer", "Athletes and Sports Competitors", "footballer"),  # the team's word
        ("hairdresser", "Hairdressers, Hairstylists, and Cosmetologists", None),
        ("fontanero", "Plumbers, Pipefitters, and Steamfitters", "fontanero"),
        ("fontaneros", "Plumbers, Pipefitters, and Steamfitters", "fontanero"),
        ("electritian", "Electricians", None),  # misspelt
        ("plumer", "Plumbers, Pipefitters, and Steamfitters", None),
        ("solicitor", "Lawyers", "solicitor"),
        ("peluquera", "Hairdressers, Hairstylists, and Cosmetologists", "peluquera"),
        ("abogado", "Lawyers", "abogado"),
        ("veterinaria", "Veterinarians", None),  # accent-free Spanish
        ("youtuber", "Film and Video Editors", "youtuber"),  # the team's word
    ],
)
def test_found_in_the_pupils_words(index, query, expected, found_as):
    hits = index.search(query)
    top = [hit.occ.title for hit in hits[:3]]
    assert expected in top, (query, top)
    if found_as is not None:
        hit = next(h for h in hits if h.occ.title == expected)
        assert hit.name.casefold() == found_as


def test_the_us_title_still_works_and_ranks_first(index):
    assert index.search("electricians")[0].occ.title == "Electricians"
    assert index.search("registered nurses")[0].occ.title == "Registered Nurses"


def test_nonsense_finds_nothing_and_empty_finds_all_by_title(index):
    assert index.search("zzqx") == []
    everything = index.search("")
    assert len(everything) == 923
    titles = [h.occ.title.casefold() for h in everything]
    assert titles == sorted(titles)


def test_filters_still_apply(index):
    hits = index.search("teacher", zones=[5])
    assert hits and all(h.occ.job_zone == 5 for h in hits)
    hits = index.search("joiner", letters=["R"])
    assert hits and all(h.occ.holland[0] == "R" for h in hits)
    assert filter_occupations(index.occupations, "joiner", ["R"])[0].title == "Carpenters"


def test_normalise_drops_case_accents_and_plurals():
    assert normalise("Fontaneros/Peluquería") == ["fontanero", "peluqueria"]
    assert normalise("Secretaries, Nurses") == ["secretary", "nurse"]
