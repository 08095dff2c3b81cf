"""Headless test setup: dummy video and audio drivers before pygame is imported."""

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


import time  # noqa: E402

import pytest  # noqa: E402

#: the xAPI profile hook's state: statements checked and the time it took, what the
#: current test (and the fixtures set up for it) built off the profile, and whether the
#: current test is marked ``off_profile``
_PROFILE = {"statements": 0, "seconds": 0.0, "problems": [], "off": False}


def pytest_terminal_summary(terminalreporter):
    """One line after the run: how many statements the profile hook checked, at what cost."""
    n = _PROFILE["statements"]
    if n:
        cost = _PROFILE["seconds"] / n * 1e6
        terminalreporter.write_line(
            f"xAPI profile: {n} statements checked, {cost:.1f} µs each, "
            f"{_PROFILE['seconds']:.2f} s in all"
        )


@pytest.fixture(autouse=True)
def _private_spill_dir(tmp_path_factory, monkeypatch):
    """Each test gets its own spill folder (telemetry.xapi.spill), never the shared temp dir."""
    monkeypatch.setenv("WORKTOWN_SPILL_DIR", str(tmp_path_factory.mktemp("spill")))


@pytest.fixture(autouse=True, scope="session")
def _profile_hook():
    """Every statement built while the tests run (``StatementFactory.build``: the one place
    the recorder, the simulated players and the tools build statements), in a test or in
    a fixture of any scope, is checked against the Worktown xAPI Profile (see
    :func:`profile_problems`). Patched for the whole session, with its own MonkeyPatch, so
    a test's ``monkeypatch.undo()`` keeps it; the checker is loaded here, not mid-test."""
    from telemetry.xapi.profile_check import ProfileError, load_profile_checker
    from telemetry.xapi.statements import StatementFactory

    checker = load_profile_checker()
    original = StatementFactory.build

    def build(self, *args, **kwargs):
        statement = original(self, *args, **kwargs)
        if not _PROFILE["off"]:
            started = time.perf_counter()
            try:
                checker.check(statement)
            except ProfileError as exc:
                _PROFILE["problems"].append(str(exc))
            _PROFILE["statements"] += 1
            _PROFILE["seconds"] += time.perf_counter() - started
        return statement

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(StatementFactory, "build", build)
        yield


@pytest.fixture(autouse=True)
def profile_problems(request, _profile_hook):
    """What this test, and the fixtures set up for it, built off the xAPI profile: any
    left at teardown fails the test. A test that builds off-profile statements on purpose
    is marked ``off_profile`` (nothing it builds is checked); a test may read and clear the
    list to assert on it."""
    problems: list[str] = _PROFILE["problems"]
    _PROFILE["off"] = bool(request.node.get_closest_marker("off_profile"))
    try:
        yield problems
    finally:
        _PROFILE["off"] = False
    found = list(problems)
    problems.clear()
    if found:
        shown = "\n  ".join(found[:5])
        pytest.fail(f"{len(found)} statement(s) off the xAPI profile:\n  {shown}", pytrace=False)
