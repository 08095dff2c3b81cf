"""Headless test setup: dummy video and audio drivers before pygame is imported."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


import time  # noqa: E402

import pytest  # noqa: E402

#: statements checked against the xAPI profile in this run, and the time it took
_PROFILE_STATS = {"statements": 0, "seconds": 0.0}


def pytest_terminal_summary(terminalreporter):
    """One line after the run: how many statements the profile hook checked, at what cost."""
    n = _PROFILE_STATS["statements"]
    if n:
        cost = _PROFILE_STATS["seconds"] / n * 1e6
        terminalreporter.write_line(f"xAPI profile: {n} statements checked, {cost:.1f} µs each, "
                                    f"{_PROFILE_STATS['seconds']:.2f} s in all")


@pytest.fixture(autouse=True)
def _private_spill_dir(tmp_path_factory, monkeypatch):
    """Each test gets its own spill folder (telemetry.xapi.spill), never the shared temp dir."""
    monkeypatch.setenv("WORKTOWN_SPILL_DIR", str(tmp_path_factory.mktemp("spill")))


@pytest.fixture(autouse=True)
def profile_problems(request):
    """Every statement built during a test (``StatementFactory.build``: the one place the
    recorder, the simulated players and the tools build statements) is checked against the
    Worktown xAPI Profile; any that does not follow it fails the test at teardown. A test
    that builds off-profile statements on purpose is marked ``off_profile``; a test may
    also read and clear the returned list (``profile_problems``) to assert on it."""
    from telemetry.xapi.profile_check import ProfileError, load_profile_checker
    from telemetry.xapi.statements import StatementFactory

    problems: list[str] = []
    if request.node.get_closest_marker("off_profile"):
        yield problems
        return
    checker = load_profile_checker()  # here, not mid-test: it reads a file (once a process)
    original = StatementFactory.build

    def build(self, *args, **kwargs):
        statement = original(self, *args, **kwargs)
        started = time.perf_counter()
        try:
            checker.check(statement)
        except ProfileError as exc:
            problems.append(str(exc))
        _PROFILE_STATS["statements"] += 1
        _PROFILE_STATS["seconds"] += time.perf_counter() - started
        return statement

    with pytest.MonkeyPatch.context() as patch:  # its own: a test's monkeypatch.undo() keeps it
        patch.setattr(StatementFactory, "build", build)
        yield problems
    if problems:
        shown = "\n  ".join(problems[:5])
        pytest.fail(f"{len(problems)} statement(s) off the xAPI profile:\n  {shown}", pytrace=False)
