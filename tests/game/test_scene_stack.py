"""The scene stack calls the documented hooks in the documented order."""

from game.scene import Scene
from game.scene_stack import SceneStack


class Recording(Scene):
    def __init__(self, name, log, opaque=True):
        super().__init__()
        self.name, self.log, self.opaque = name, log, opaque

    def enter(self, ctx):
        super().enter(ctx)
        self.log.append((self.name, "enter"))

    def leave(self):
        self.log.append((self.name, "leave"))

    def pause(self):
        self.log.append((self.name, "pause"))

    def resume(self):
        self.log.append((self.name, "resume"))


def test_push_pop_replace_call_hooks_in_order():
    log = []
    ctx = object()
    stack = SceneStack(ctx)
    a, b, c = Recording("a", log), Recording("b", log), Recording("c", log)
    stack.push(a)
    stack.push(b)
    assert a.ctx is ctx and b.ctx is ctx
    stack.replace(c)
    stack.pop()
    assert log == [
        ("a", "enter"),
        ("a", "pause"),
        ("b", "enter"),
        ("b", "leave"),
        ("c", "enter"),
        ("c", "leave"),
        ("a", "resume"),
    ]
    assert stack.top is a


def test_clear_to_leaves_every_scene_top_first():
    log = []
    stack = SceneStack(None)
    for name in "abc":
        stack.push(Recording(name, log))
    log.clear()
    stack.clear_to(Recording("d", log))
    assert log == [("c", "leave"), ("b", "leave"), ("a", "leave"), ("d", "enter")]
    assert len(stack) == 1


def test_pop_on_empty_stack_is_harmless():
    assert SceneStack(None).pop() is None


def test_only_scenes_down_to_the_first_opaque_one_are_drawn():
    log = []
    stack = SceneStack(None)
    base, opaque, overlay = (
        Recording("base", log),
        Recording("opaque", log),
        Recording("overlay", log, opaque=False),
    )
    for scene in (base, opaque, overlay):
        stack.push(scene)
    assert stack.visible() == [opaque, overlay]


# -- by name, and who is told (issue 14 item 3) ------------------------------------------
class Named(Recording):
    """A scene built by the routes from keyword arguments."""

    def __init__(self, log, label="n"):
        super().__init__(label, log)


def _stack(log):
    from game.scene_stack import SceneRoutes

    routes = SceneRoutes({"named": f"{__name__}:Named"})
    stack = SceneStack(None, routes)
    stack.watch(lambda event, scene: log.append((scene.name, event)))
    return stack


def test_scenes_are_pushed_replaced_and_cleared_to_by_name_with_their_arguments():
    log = []
    stack = _stack(log)
    first = stack.go("named", log=log, label="a")
    assert isinstance(first, Named) and stack.top is first and first.name == "a"
    second = stack.replace("named", log=log, label="b")
    assert stack.top is second and len(stack) == 1
    stack.push("named", log=log, label="c")
    third = stack.clear_to("named", log=log, label="d")
    assert list(stack) == [third] and third.name == "d"


def test_listeners_are_told_each_change_in_order():
    log = []
    stack = _stack(log)
    stack.go("named", log=log, label="a")
    stack.go("named", log=log, label="b")
    stack.pop()
    stack.replace("named", log=log, label="c")
    stack.clear_to("named", log=log, label="d")
    assert log == [
        ("a", "entering"),
        ("a", "enter"),
        ("a", "entered"),
        ("b", "entering"),
        ("a", "pause"),
        ("b", "enter"),
        ("b", "entered"),
        ("b", "leave"),
        ("b", "left"),
        ("a", "resume"),
        ("a", "resumed"),
        ("c", "entering"),
        ("a", "leave"),
        ("a", "left"),
        ("c", "enter"),
        ("c", "entered"),
        ("c", "leave"),
        ("c", "left"),
        ("d", "entering"),
        ("d", "enter"),
        ("d", "entered"),
    ]


def test_entering_comes_while_the_old_top_is_still_live():
    """A listener that changes the settings on 'entering' rebuilds a live screen, never a
    paused one or one not entered yet."""
    log = []
    stack = _stack(log)
    below = stack.go("named", log=log, label="a")
    seen = []

    def listener(event, scene):
        if event == "entering":
            seen.append((scene.name, stack.top, ("a", "pause") in log, ("b", "enter") in log))

    stack.watch(listener)
    stack.go("named", log=log, label="b")
    assert seen == [("b", below, False, False)]  # the old top on top, not paused; b not entered


def test_a_listener_may_push_once_a_scene_is_entered():
    log = []
    stack = _stack(log)
    stack.watch(
        lambda event, scene: (
            stack.go("named", log=log, label="over")
            if (event, scene.name) == ("entered", "a")
            else None
        )
    )
    stack.go("named", log=log, label="a")
    assert [s.name for s in stack] == ["a", "over"]


def test_an_unknown_scene_name_is_one_clear_error_and_changes_nothing():
    import pytest

    log = []
    stack = _stack(log)
    stack.go("named", log=log, label="a")
    with pytest.raises(LookupError, match="no scene named 'nowhere'"):
        stack.go("nowhere")
    with pytest.raises(TypeError):
        stack.push(Named(log), label="x")  # arguments only go with a name
    assert [s.name for s in stack] == ["a"] and ("a", "pause") not in log


def test_a_scene_module_is_imported_only_when_its_scene_is_first_shown(tmp_path, monkeypatch):
    import sys

    from game.scene_stack import SceneRoutes

    (tmp_path / "lazy_scene_mod.py").write_text(
        "from game.scene import Scene\n\nclass Lazy(Scene):\n    name = 'lazy'\n"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "lazy_scene_mod", raising=False)
    stack = SceneStack(None, SceneRoutes({"lazy": "lazy_scene_mod:Lazy"}))
    assert "lazy_scene_mod" not in sys.modules
    assert stack.go("lazy").name == "lazy" and "lazy_scene_mod" in sys.modules


def _receiver(node) -> str:
    """The last name of what a method is called on (``ctx.scenes`` -> ``scenes``)."""
    return getattr(node, "attr", getattr(node, "id", ""))


def test_the_game_table_names_every_screen_the_game_opens():
    """Every name a scene or helper opens (``go``/``push``/``replace``/``clear_to`` with a
    literal) is in ``game.scenes.SCENES``."""
    import ast
    from pathlib import Path

    from game.scenes import SCENES

    root = Path(__file__).resolve().parents[2] / "game"
    opened = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in ("go", "push", "replace", "clear_to")
                and node.args
                and _receiver(node.func.value) == "scenes"
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                opened.add(node.args[0].value)
    assert len(opened) >= 20
    assert opened - set(SCENES) == set()
