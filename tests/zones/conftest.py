"""Fixtures for the mechanic tests: one real headless App a module's scene tests share."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def app(request, tmp_path_factory):
    """A real App with a player signed in (``tests.helpers.make_app``), made once for the
    module that asks for it and shut down after its last test; each test leaves the scene
    it pushed."""
    from tests.helpers import make_app

    app = make_app(tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1]))
    yield app
    app.shutdown()
