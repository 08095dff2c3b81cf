"""Constants defined once (issue 14 item 6): the token shapes, the six Holland letters, the
shipped languages, the SDS themes, the colour pattern and the xAPI version each have one
module-level definition in game/, zones/ and telemetry/; everyone else imports it."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

#: name -> the one module allowed to define it (None: no module defines it, a function reads it)
HOMES = {
    "SHAPES": "zones/content.py",
    "THEMES": "zones/content.py",
    "HEX": "zones/content.py",
    "RIASEC": "telemetry/profile/evidence.py",
    "LANGUAGES": None,  # telemetry.words.languages(), read from assets/locale
    "_LANGUAGES": None,
    "PLACEHOLDER": "telemetry/words.py",
    "XAPI_VERSION": "telemetry/xapi/statements.py",
}
#: literal values that must not be spelt out again under another name
VALUES = {
    "('circle', 'square', 'triangle', 'diamond', 'hexagon', 'star')": "SHAPES",
    "'RIASEC'": "RIASEC",
    "('en', 'es')": "LANGUAGES",
    "('self', 'strengths', 'horizons', 'networks')": "THEMES",
    "'1.0.3'": "XAPI_VERSION",
}
#: modules that must keep their own copy: the simulated pupils' generator shares no
#: constant with the scorer it is judged by (issue 17; tests/profile/test_personas.py)
INDEPENDENT = {"game/sim/personas.py"}


def _definitions() -> list[tuple[str, str, str]]:
    """(module path, name, value source) of every module-level assignment."""
    out = []
    for package in ("game", "zones", "telemetry"):
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in tree.body:
                if isinstance(node, ast.Assign | ast.AnnAssign) and node.value is not None:
                    targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                    for target in targets:
                        if isinstance(target, ast.Name):
                            out.append(
                                (
                                    path.relative_to(ROOT).as_posix(),
                                    target.id,
                                    ast.unparse(node.value),
                                )
                            )
    return out


def test_each_constant_has_one_home():
    found = _definitions()
    assert len(found) > 200  # the scan reads the code
    for name, home in HOMES.items():
        where = [p for p, n, _ in found if n == name]
        assert where == ([home] if home else []), f"{name} defined in {where}, wanted {home}"
    for value, name in VALUES.items():
        where = [(p, n) for p, n, v in found if v == value and p not in INDEPENDENT]
        assert len(where) <= 1 and all(n == name for _, n in where), f"{value} spelt out in {where}"


def test_the_one_definitions_are_what_the_game_uses():
    from game import art
    from telemetry.words import languages
    from zones.content import SHAPES

    assert languages() == ("en", "es")
    import pygame

    surface = pygame.Surface((40, 40))
    for name in SHAPES:  # every shape content may name can be drawn
        art.shape(surface, name, (20, 20), 15, (200, 0, 0))
