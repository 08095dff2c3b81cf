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
    assert log == [("a", "enter"), ("a", "pause"), ("b", "enter"), ("b", "leave"), ("c", "enter"),
                   ("c", "leave"), ("a", "resume")]
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
    base, opaque, overlay = Recording("base", log), Recording("opaque", log), Recording("overlay", log, opaque=False)
    for scene in (base, opaque, overlay):
        stack.push(scene)
    assert stack.visible() == [opaque, overlay]
