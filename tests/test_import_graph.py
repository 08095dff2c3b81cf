"""The import graph of game/, zones/ and telemetry/ (issue 14 item 3): no cycles, and
scenes that route by name instead of importing each other.

The graph is read from the source with ``ast``: every ``import`` counts, also those inside
functions and under ``TYPE_CHECKING`` (a cycle there still ties two modules together).
An import names the longest module it reaches (``from game.widgets import reflow`` is an
edge to ``game.widgets.reflow``).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("game", "zones", "telemetry")
#: they play scenes as a pupil would (like the tests): they may import scene classes
DRIVERS = ("game.sim", "game.screenshot")


def find_modules(root: Path, packages=PACKAGES) -> dict[str, Path]:
    """Dotted module name -> file, for every .py file under the packages."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            found[name] = path
    return found


def _resolve(target: str, known: dict[str, Path]) -> str | None:
    while target and target not in known:
        target = target.rpartition(".")[0]
    return target or None


def imports_of(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project modules ``name`` imports anywhere in its file (``from p import x``
    imports ``p`` and, when it is a module, ``p.x``)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = parts[: len(parts) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            targets = [module] + [f"{module}.{alias.name}" for alias in node.names]
        else:
            continue
        out.update(hit for t in targets if (hit := _resolve(t, known)) is not None and hit != name)
    return out


def import_graph(root: Path = ROOT, packages=PACKAGES) -> dict[str, set[str]]:
    known = find_modules(root, packages)
    return {name: imports_of(name, path, known) for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    counter = 0
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            node, edges = work[-1]
            for nxt in edges:
                if nxt not in graph:
                    continue
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph[nxt]))))
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
    return found


@pytest.fixture(scope="module")
def graph() -> dict[str, set[str]]:
    return import_graph()


# -- the checker can fail ---------------------------------------------------------------
def test_the_checker_sees_a_cycle_through_an_import_inside_a_function(tmp_path):
    (tmp_path / "game" / "scenes").mkdir(parents=True)
    (tmp_path / "game" / "__init__.py").write_text("")
    (tmp_path / "game" / "scenes" / "__init__.py").write_text("")
    (tmp_path / "game" / "scenes" / "a.py").write_text("from game.scenes import b\n")
    (tmp_path / "game" / "scenes" / "b.py").write_text(
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n    from game import c\n"
        "def go():\n    from .a import thing\n"
    )
    (tmp_path / "game" / "c.py").write_text("")
    found = import_graph(tmp_path, ("game",))
    assert found["game.scenes.a"] == {"game.scenes", "game.scenes.b"}
    assert found["game.scenes.b"] == {"game.scenes.a", "game", "game.c"}
    assert cycles(found) == [["game.scenes.a", "game.scenes.b"]]


def test_the_checker_finds_a_long_cycle_and_no_false_ones():
    ring = {f"m{i}": {f"m{(i + 1) % 40}"} for i in range(40)}
    assert cycles(ring) == [sorted(ring)]
    chain = {f"m{i}": ({f"m{i + 1}"} if i < 39 else set()) for i in range(40)}
    assert cycles(chain) == []


# -- the house --------------------------------------------------------------------------
#: packages whose cycles other issue-14 work is removing (strict: passing makes it fail)
CYCLES_LEFT: dict[str, str] = {}


@pytest.mark.parametrize(
    "package",
    [
        pytest.param(p, marks=pytest.mark.xfail(strict=True, reason=CYCLES_LEFT[p]))
        if p in CYCLES_LEFT
        else p
        for p in PACKAGES
    ],
)
def test_no_import_cycles(graph, package):
    """Every cycle that touches ``package``, with its modules, is named when this fails."""
    found = [
        c for c in cycles(graph) if any(m == package or m.startswith(package + ".") for m in c)
    ]
    assert found == [], f"import cycles in {package}/: {found}"


def test_no_scene_module_imports_another_scene_module():
    """Not even inside a function: scenes open each other by name (``ctx.scenes.go``)."""
    known = find_modules(ROOT)
    scene_modules = {m for m in known if m.startswith("game.scenes.")}
    assert len(scene_modules) >= 20
    offending = {
        m: sorted(t for t in imports_of(m, known[m], known) if t.startswith("game.scenes"))
        for m in sorted(scene_modules)
    }
    assert {m: t for m, t in offending.items() if t} == {}


def test_outside_game_scenes_only_the_drivers_import_a_scene_module():
    known = find_modules(ROOT, ("game",))
    offending = {}
    for m in sorted(known):
        if m.startswith("game.scenes") or m.startswith(DRIVERS):
            continue
        hits = sorted(t for t in imports_of(m, known[m], known) if t.startswith("game.scenes."))
        if hits:
            offending[m] = hits
    assert offending == {}


def test_the_stack_and_the_scene_base_know_nothing_of_class_sessions(graph):
    """The lesson timer and the class session follow the stack; nothing calls them there."""
    for module in ("game.scene", "game.scene_stack", "game.ui_scene"):
        assert "game.class_session" not in graph[module], module
        assert not any(t.startswith("game.scenes.") for t in graph[module]), module


def test_game_scenes_holds_only_scenes_and_each_is_in_the_table():
    """Every module in game/scenes/ is named in the one table, and every name there
    resolves to a scene class in it (helpers that are not scenes live elsewhere)."""
    from game.scene import Scene
    from game.scene_stack import game_routes
    from game.scenes import SCENES

    routes = game_routes()
    in_table = set()
    for name in routes.names():
        cls = routes.scene_class(name)
        assert issubclass(cls, Scene), name
        assert SCENES[name] == f"{cls.__module__}:{cls.__qualname__}"
        in_table.add(cls.__module__)
    on_disk = {m for m in find_modules(ROOT, ("game",)) if m.startswith("game.scenes.")}
    assert on_disk == in_table


def test_a_test_module_imports_no_other_test_module():
    """Shared test code lives in helper modules (tests/helpers.py, tests/fakes.py,
    tests/a11y/overflow.py, ...), not in another test file."""
    offenders = []
    for path in sorted((ROOT / "tests").rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            hits = [n for n in names if n.startswith("tests.") and "test_" in n.rpartition(".")[2]]
            offenders += [f"{path.relative_to(ROOT)}: imports {n}" for n in hits[:1]]
    assert not offenders, "\n".join(offenders)
