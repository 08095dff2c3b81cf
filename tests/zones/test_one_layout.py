"""One layout per board: a board on zones/ui_layout has no large-text twin, and the
layout kernel exists once (game/ imports it from zones/)."""

from __future__ import annotations

from pathlib import Path

import zones

#: boards declared once for every text size (the rest still have a ``*_large.py``)
ONE_LAYOUT = [
    "assemble",
    "assemble_draw",
    "design",
    "design_draw",
    "design_panels",
    "design_canvas",
    "design_payoff",
    "enterprise_deal",
    "enterprise_deal_draw",
    "enterprise_pitch",
    "enterprise_stall",
    "enterprise_stall_draw",
    "organise_reconcile",
    "organise_sort",
    "organise_schedule",
    "organise_schedule_draw",
    "investigate",
    "investigate_boards",
    "investigate_layout",
    "investigate_pictures",
    "dialogue",
    "dialogue_draw",
    "dialogue_paint",
]


def test_boards_on_the_one_layout_have_no_large_text_branch_or_twin():
    folder = Path(zones.__file__).parent / "challenges"
    for name in ONE_LAYOUT:
        source = (folder / f"{name}.py").read_text(encoding="utf-8")
        assert "large" not in source, f"{name}.py still branches on large text"
        assert "painter is None" not in source and "painter is not None" not in source, name
        assert not (folder / f"{name}_large.py").exists(), f"{name}_large.py still exists"
    assert not (folder / "organise_large.py").exists()
    assert not (folder / "design_large.py").exists()


def test_the_layout_kernel_exists_once():
    root = Path(zones.__file__).parent.parent
    assert not (root / "game" / "layout.py").exists(), (
        "game/layout.py duplicates zones/ui_layout.py"
    )
    kernel = "def grid("
    owners = [
        p
        for p in [*root.glob("game/**/*.py"), *root.glob("zones/**/*.py")]
        if kernel in p.read_text(encoding="utf-8")
    ]
    assert [p.relative_to(root).as_posix() for p in owners] == ["zones/ui_layout.py"]
