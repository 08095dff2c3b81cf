"""telemetry/'s packages depend in one direction and form no import cycle (issue 14 item 4).

xapi <- profile <- report <- classroom; lrs on xapi; classroom on all of them. Imports
inside functions count too (they are still dependencies)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
#: what each package may import besides itself
ALLOWED = {
    "xapi": set(),
    "profile": {"xapi"},
    "report": {"xapi", "profile"},
    "lrs": {"xapi"},
    "classroom": {"xapi", "profile", "report", "lrs"},
}
#: flat modules under every package: the locale loader (telemetry/words.py), which
#: imports no other telemetry module
BASE = {"words"}


def _module(path: Path) -> str:
    rel = path.relative_to(ROOT).with_suffix("")
    parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
    return ".".join(parts)


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in sorted((ROOT / "telemetry").rglob("*.py")):
        name = _module(path)
        deps = graph.setdefault(name, set())
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            deps.update(t for t in targets if t.startswith("telemetry."))
    return {k: {d for d in v if d in graph and d != k} for k, v in graph.items()}


def test_packages_depend_in_one_direction():
    wrong = []
    for mod, deps in _graph().items():
        parts = mod.split(".")
        if len(parts) < 3 or parts[1] not in ALLOWED:
            continue
        for dep in deps:
            other = dep.split(".")[1]
            if other != parts[1] and other not in ALLOWED[parts[1]] | BASE:
                wrong.append(f"{mod} imports {dep}")
    assert not wrong, wrong
    assert not {d for d in _graph().get("telemetry.words", set())}, "words imports no telemetry"


def test_no_import_cycles_in_telemetry():
    graph = _graph()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append(stack[stack.index(dep) :] + [dep])
            elif dep not in state:
                visit(dep, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert not cycles, cycles
