"""The practitioner report's words, one table per language.

Called by :mod:`telemetry.report.model` (sentences inside the model) and the renderers
(:mod:`telemetry.report.html`, :mod:`telemetry.report.pdf`) for headings and labels.
Touches nothing. English is here; Spanish is in :mod:`telemetry.report.text_es` with the
same keys and ``{name}`` placeholders (``str.format`` style; tests/a11y/test_language.py
checks both). An unknown language falls back to English.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from telemetry.report.text_es import ES

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department "
    "of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA. The Worktown team has modified all or some "
    "of this information. USDOL/ETA has not approved, endorsed, or tested these modifications."
)
CC_BY_URL = "https://creativecommons.org/licenses/by/4.0/"

_EN: Mapping[str, str] = MappingProxyType({
    "title": "Worktown career-exploration profile",
    "subtitle": "For the careers practitioner, before a guidance conversation",
    "player": "Player code",
    "generated": "Report made",
    "purpose": ("This profile is for exploration and discussion with the young person. It is "
                "never to be used for selection, grading or deciding what anyone can do."),
    "h_profile": "Interest profile (Holland RIASEC)",
    "h_scores": "The six scores",
    "scale_note": ("Scores are on one scale: 0 is a typical player, +1 one standard deviation "
                   "above. The bar shows the {pct}% interval: the narrower, the surer."),
    "col_type": "Type", "col_score": "Score", "col_interval": "Interval",
    "col_evidence": "Evidence", "col_top": "Top-type chance",
    "h_code": "Holland code",
    "code_line": "Holland code {code}: {names}.",
    "certainty_sure": "Fairly settled",
    "certainty_fair": "Likely but not settled",
    "certainty_tentative": "Tentative",
    "certainty_not_interpretable": "Not interpretable yet",
    "unreadable_same_answers": ("Not interpretable yet: answers look the same for everything, so "
                                "they do not show which interests stand out. Scores below are "
                                "not a profile."),
    "unreadable_random_answers": ("Not interpretable yet: the answers do not fit together (they "
                                  "look clicked at random). Scores below are not a profile."),
    "certainty_text": ("{label}. In {set} of 100 plausible versions of this profile the same "
                       "three letters come top (in any order), in {exact} of 100 in exactly "
                       "this order; {first} is the top type in {firstp} of 100."),
    "h_diff": "Differentiation",
    "diff_flat": ("Flat so far: no interest stands out from the others (range {range}). "
                  "More play, or a conversation, will sharpen the picture."),
    "diff_moderate": "Some interests stand out from the others (range {range}).",
    "diff_clear": "A few interests stand out clearly from the rest (range {range}).",
    "h_cons": "Consistency",
    "cons_high": ("High: the top two types ({pair}) are neighbours on Holland's hexagon; "
                  "they have much in common and many jobs combine them."),
    "cons_medium": ("Medium: the top two types ({pair}) are one step apart on the hexagon; "
                    "plenty of jobs use both."),
    "cons_low": ("Low: the top two types ({pair}) are opposite on the hexagon. Fewer jobs mix "
                 "them; roles, hobbies or projects that use both are worth exploring. "
                 "This is a pattern to discuss, not a problem."),
    "cons_unknown": "Not enough evidence to tell yet.",
    "h_matches": "Occupations that fit the profile, by Job Zone",
    "matches_note": ("Ranked by how closely the occupation's O*NET interest profile follows "
                     "the player's (correlation r, 1 = same shape). Job Zone = how much "
                     "preparation the work usually needs. Job titles are US titles (O*NET); "
                     "the ESCO column gives the European name where one fits."),
    "route_line": "Typical routes in {place}: {words}",
    "matches_none": "No matches yet: the profile is still flat.",
    "col_occupation": "Occupation", "col_fit": "Fit r", "col_esco": "ESCO (European) label",
    "col_code": "Code",
    "h_cms": "Career management skills (SDS themes)",
    "cms_note": ("Levels from the evidence the game saw: none, emerging, developing, secure. "
                 "They describe what happened in the game, not the person."),
    "col_competence": "Competence", "col_level": "Level", "col_theme": "Theme",
    "level_none": "none", "level_emerging": "emerging", "level_developing": "developing",
    "level_secure": "secure",
    "theme_self": "Self", "theme_strengths": "Strengths", "theme_horizons": "Horizons",
    "theme_networks": "Networks",
    "h_reflect": "In the player's own words",
    "reflect_none": "No reflections recorded yet.",
    "next_step": "Chosen next step",
    "next_step_none": "No next step chosen yet.",
    "expect": "expected", "enjoy": "enjoyed", "could": "could this be me?",
    "skills_named": "skills named", "notes": "notes",
    "h_starters": "Conversation starters",
    "h_session": "Session facts",
    "s_dates": "Dates played", "s_sessions": "Sessions", "s_minutes": "Minutes played",
    "s_challenges": "Challenges completed", "s_districts": "Districts visited",
    "s_statements": "Recorded events", "s_skipped": "unreadable events skipped",
    "h_appendix": "Appendix: the evidence in detail",
    "h_evidence": "Evidence behind each type",
    "evidence_note": ("What the player chose, replayed, rated and answered. ↑ points to more "
                      "interest, ↓ to less; strongest first."),
    "evidence_none": "No evidence yet.",
    "h_cms_detail": "Career management skills: the evidence",
    "h_all_matches": "All occupation matches",
    "h_saved": "Occupations the player saved",
    "saved_line": "{title} ({code}): {label} fit with the player's code (Iachan M = {m} of 28)",
    "h_strengths": "Performance in challenges (Strengths evidence, not interest)",
    "strength_line": ("{name}: {n} played, {ok} succeeded, average score {score}, "
                      "highest difficulty passed {diff}"),
    "h_method": "How the profile is made",
    "method": ("A Bayesian model reads free choices, ratings before and after challenges, "
               "'could this be me?' answers, activities rated on the odd-jobs board and in "
               "mentors' questions (the public-domain IIP RIASEC Markers), replays, optional extra rounds and reading time. Speed and "
               "accuracy never count as interest. The response style (a tendency to rate "
               "everything high or low) is estimated and set aside: here {style}."),
    "h_attribution": "Data sources",
    "esco_credit": ("European occupation labels: ESCO, European Commission, via the Nesta "
                    "Mapping Career Causeways crosswalk."),
    "page": "Page {n}",
    "none": "—",
    # evidence sentences (player-provided parts are inserted as data, never as markup)
    "ev_choice": "Chose {chosen} {where}",
    "ev_not_chosen": "Passed over this type {where} (chose {chosen})",
    "ev_expect": "Before {title}: expected to enjoy it {value}/5",
    "ev_enjoy": "After {title}: enjoyed it {value}/5",
    "ev_could_be_me": "After {title}: 'could this be me?' {value}",
    "ev_item": "Would like to '{title}': {value}/5",
    "ev_replay_yes": "Replayed {title}",
    "ev_replay_no": "Did not replay {title}",
    "ev_extra_round_yes": "Took the optional extra round in {title}",
    "ev_extra_round_no": "Skipped the optional extra round in {title}",
    "ev_reading": "Read about {title} for {value} s",
    "where_hub": "on the town map",
    "where_place": "in {place}",
    "where_other": "at {place}",
    "answer_yes": "yes", "answer_maybe": "maybe", "answer_no": "no",
    # CMS activity labels
    "act_challenge": "Challenge: {title}",
    "act_reflect": "Reflection after {title}",
    "act_mentor": "Talked with mentor {title}",
    "act_occupation": "Occupation: {title}",
    "act_item": "Rated an activity (odd-jobs board or mentor)",
    "act_next_step": "Chose a next step",
    "act_other": "{title}",
    "weight_demonstrated": "done well", "weight_reflected": "reflected",
    "weight_engaged": "took part",
    # conversation starters
    "st_enjoyed": "They enjoyed {title} most ({value}/5). What made it good? Which part would they want more of?",
    "st_surprise": "{title} turned out {dir} than they expected ({before}/5 before, {after}/5 after). What was different from what they imagined?",
    "dir_better": "better", "dir_worse": "worse",
    "st_could": "After {title} they answered 'could this be me?' with yes. What would they need to learn or try to do this for real?",
    "st_tentative": "The profile is still tentative. Ask which of {a}, {b} and {c} feels most like them, and why.",
    "st_flat": "Interests look evenly spread. Ask what they would choose to do on a free afternoon, and what they would avoid.",
    "st_low_cons": "Their top two types ({a} and {b}) rarely go together. Are there roles, hobbies or projects that use both?",
    "st_saved": "They saved {title} to their passport. What drew them to it, and what do they already know about getting in?",
    "st_next": "Their chosen next step: “{step}”. Agree one small action and when they will do it.",
    "st_no_next": "They did not choose a next step yet. Work one out together.",
    "st_networks": "Little evidence yet for “{name}”. Who could they ask about work they like?",
    "st_top": "Their strongest interest in the game was {name}. Where else in their life do they do {name_lower} things?",
    # the six Holland types and small joins
    "type_R": "Realistic", "type_I": "Investigative", "type_A": "Artistic", "type_S": "Social",
    "type_E": "Enterprising", "type_C": "Conventional",
    "pair": "{a} and {b}",
    "interval_to": "to",
    "hexagon_label": "RIASEC hexagon",
})

_TABLES: Mapping[str, Mapping[str, str]] = MappingProxyType({"en": _EN, "es": ES})

LANGUAGES: tuple[str, ...] = tuple(_TABLES)


def texts(language: str = "en") -> Mapping[str, str]:
    """The string table for ``language`` (English if there is none)."""
    return _TABLES.get(language, _TABLES["en"])


def say(language: str, key: str, **values: object) -> str:
    """One string with its ``{name}`` placeholders filled (values are inserted as data)."""
    return texts(language)[key].format(**values)
