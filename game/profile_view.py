"""The player's interest profile and skills, worked out once for a screen.

Called from ``enter`` of the Mirror Pavilion, the Skills Board and the career passport
(never per frame). Reads the player's statements through the recorder and calls the
telemetry functions; touches nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from telemetry.profile.cms import CompetenceResult, TypeStrength, assess_competences, strengths
from telemetry.profile.engine import Profile, profile_from_evidence
from telemetry.profile.evidence import Evidence, extract_evidence


@dataclass
class ProfileView:
    """What the Self and Strengths screens show, in the content's type order."""

    statements: list[dict]
    evidence: Evidence
    profile: Profile
    letters: list[str]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def has_evidence(self) -> bool:
        return self.profile.n_evidence > 0

    def top(self, n: int = 3) -> list[str]:
        """The ``n`` highest types (the Holland code's letters)."""
        return list(self.profile.code[:n])

    def scores(self) -> dict[str, tuple[float, float, float]]:
        return {k: (s.score, s.low, s.high) for k, s in self.profile.scores.items()}

    def sureness(self) -> str:
        """A key suffix for how sure the game is: none / unreadable (answers look the same
        for everything, or random) / guessing / idea / fairly / sure."""
        if not self.has_evidence:
            return "none"
        if not self.profile.interpretable:
            return "unreadable"
        p = self.profile.first_letter_probability
        if p >= 0.8:
            return "sure"
        if p >= 0.55:
            return "fairly"
        if p >= 0.35:
            return "idea"
        return "guessing"

    def competences(self, definitions) -> list[CompetenceResult]:
        return assess_competences(definitions, self.evidence)

    def strengths(self) -> dict[str, TypeStrength]:
        return strengths(self.evidence)

    def best_scores(self) -> dict[str, float]:
        """Best challenge score per type letter (0–1)."""
        best: dict[str, float] = {}
        for p in self.evidence.performance:
            if p.letter and p.score is not None:
                best[p.letter] = max(best.get(p.letter, 0.0), p.score)
        return best

    def named_skills(self) -> dict[str, list[str]]:
        """Skill ids the player named in reflections, per challenge id (oldest first)."""
        out: dict[str, list[str]] = {}
        seen: set[str] = set()
        for e in self.evidence.competences:
            parts = e.activity.split("/")
            if (
                e.statement_id in seen
                or len(parts) < 3
                or parts[0] != "reflect"
                or parts[-1] != "skills"
                or not e.response
            ):
                continue
            seen.add(e.statement_id or e.activity)
            challenge = "/".join(parts[1:-1])
            names = out.setdefault(challenge, [])
            for skill in e.response.split(","):
                skill = skill.strip()
                if skill and skill not in names:
                    names.append(skill)
        return out


def build_view(ctx) -> ProfileView:
    """Read the signed-in player's statements and estimate their profile (once)."""
    statements = ctx.recorder.statements() if ctx.recorder is not None else []
    evidence = extract_evidence(statements)
    profile = profile_from_evidence(evidence, n_draws=2000)
    letters = [d.riasec for d in ctx.content.districts]
    ratings = [r for r in evidence.ratings if r.kind != "item"]
    counts = {
        "choices": len(evidence.choices),
        "ratings": len(ratings),
        "mentor": sum(1 for r in evidence.ratings if r.kind == "item"),
        "replays": sum(1 for p in evidence.persistence if p.taken),
        "readings": len(evidence.readings),
    }
    return ProfileView(statements, evidence, profile, letters, counts)
