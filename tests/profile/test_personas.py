"""The misspecified pupils (game/sim/personas.py) are independent of the scorer's model
(issue 17 item 4) and behave as their traits say."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np

from game.sim import personas
from game.sim.personas import POPULATIONS, Persona, Traits, draw_population
from telemetry.profile.posterior import MODEL

ROOT = Path(__file__).resolve().parents[2]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            out.append(node.module or "")
    return out


def test_generator_imports_nothing_from_the_scorer():
    names = _imports(ROOT / "game" / "sim" / "personas.py")
    assert names, "no imports parsed"
    assert not [n for n in names if n.startswith(("telemetry", "game.sim.synthetic"))], names


def test_rating_model_constants_are_its_own():
    scorer = {MODEL.item_b, MODEL.expect_b, MODEL.enjoy_b, MODEL.could_b}
    assert personas._CUTS_5 not in scorer and personas._CUTS_3 not in scorer
    slopes = {MODEL.item_a, MODEL.expect_a, MODEL.enjoy_a, MODEL.could_a}
    assert not set(personas._SLOPE.values()) & slopes


def test_straight_liner_answers_the_same_everywhere():
    p = Persona([2, -2, 0, 1, -1, 0], np.random.default_rng(1), Traits(straight=5))
    answers = {p.answer_item(k, f"{k}1") for k in "RIASEC"} | {
        p.rate_expectation("R"),
        p.rate_enjoyment("I", 0.1),
    }
    assert answers == {5}


def test_acquiescence_raises_every_answer():
    def mean_answer(traits: Traits) -> float:
        p = Persona(np.zeros(6), np.random.default_rng(3), traits)
        return float(np.mean([p.answer_item(k, f"{k}{i}") for k in "RIASEC" for i in range(30)]))

    assert mean_answer(Traits(acquiescence=1.2)) > mean_answer(Traits()) + 0.5


def test_fatigue_makes_answers_random_later():
    now = [0.0]
    p = Persona(
        [3, -3, -3, -3, -3, -3],
        np.random.default_rng(5),
        Traits(random_share=0.0, fatigue=0.05),
        clock=lambda: now[0],
    )
    early = np.mean([p.answer_item("I") for _ in range(200)])
    now[0] = 18 * 60.0
    late = np.mean([p.answer_item("I") for _ in range(200)])
    assert late > early + 0.5


def test_every_population_draws():
    for name in POPULATIONS:
        latent, traits = draw_population(name, 20, np.random.default_rng(0))
        assert latent.shape == (20, 6) and len(traits) == 20


def test_skewed_population_has_unequal_first_letters():
    latent, _ = draw_population("skewed_base_rates", 3000, np.random.default_rng(0))
    share = np.bincount(latent.argmax(axis=1), minlength=6) / 3000
    assert share.max() - share.min() > 0.08
