"""Learning routes where the pupil lives (issue 18, item 3): every Job Zone has routes in
each framework and language, the default follows the language, the tower shows them, and a
broken routes file is one line naming it."""

import json
import shutil

import pytest

from game import paths
from zones.loader import load_routes


def test_every_job_zone_has_routes_in_each_framework_and_language():
    problems: list[str] = []
    routes, defaults = load_routes(paths.assets_dir() / "data", problems)
    assert problems == []
    assert set(routes) == {"scotland", "england", "spain"}
    assert defaults == {"en": "scotland", "es": "spain"}
    for fw in routes.values():
        assert sorted(fw.zones) == [1, 2, 3, 4, 5]
        for text in fw.zones.values():
            assert text["en"].strip() and text["es"].strip()
    words = {fid: " ".join(t["en"] for t in fw.zones.values()) for fid, fw in routes.items()}
    for term in (
        "SCQF",
        "National 4",
        "Highers",
        "Foundation Apprenticeship",
        "Modern Apprenticeship",
        "Graduate Apprenticeship",
        "HNC",
        "HND",
        "university",
    ):
        assert term in words["scotland"], term
    for term in ("GCSE", "A level", "T level", "apprenticeship", "level 2", "level 7", "degree"):
        assert term in words["england"], term
    for term in ("ESO", "Bachillerato", "Grado Básico", "Grado Medio", "Grado Superior", "Grado"):
        assert term in words["spain"], term


@pytest.mark.parametrize(
    "edit, problem",
    [
        (lambda d: d["frameworks"][0]["zones"].pop("3"), "Job Zones 1-5"),
        (lambda d: d["frameworks"][1]["zones"]["2"].pop("es"), "language 'es' missing"),
        (lambda d: d["default_for_language"].update(es="wales"), "default_for_language"),
    ],
)
def test_a_broken_routes_file_is_one_line_naming_it(tmp_path, edit, problem):
    data = tmp_path / "data"
    shutil.copytree(paths.assets_dir() / "data", data)
    path = data / "learning_routes.json"
    doc = json.loads(path.read_text(encoding="utf-8"))
    edit(doc)
    path.write_text(json.dumps(doc), encoding="utf-8")
    problems: list[str] = []
    load_routes(data, problems)
    assert len(problems) == 1 and "learning_routes.json" in problems[0] and problem in problems[0]


@pytest.mark.parametrize(
    "language, chosen, expected",
    [
        ("en", "", "In Scotland: Highers (SCQF 6)"),
        ("es", "", "En España: Formación Profesional de Grado Medio"),
        ("en", "england", "In England: A levels or a T level (level 3)"),
    ],
)
def test_the_tower_shows_the_route_of_the_open_job(tmp_path, language, chosen, expected):
    from game.scenes.horizons_tower import HorizonsTowerScene
    from game.widgets.tower_layout import detail_blocks
    from tests.helpers import make_app

    app = make_app(tmp_path)
    app.ctx.settings.language = language
    app.ctx.settings.route_framework = chosen
    app.apply_settings()
    tower = HorizonsTowerScene()
    app.ctx.scenes.push(tower)
    app.pump([])
    electricians = app.ctx.content.occupations["47-2111.00"]  # Job Zone 3
    assert electricians.job_zone == 3
    texts = [text for text, *_ in detail_blocks(app.ctx, electricians, "")]
    assert any(text.startswith(expected) for text in texts), texts
