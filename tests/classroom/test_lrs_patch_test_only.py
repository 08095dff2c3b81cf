"""The Ralph filesystem-backend patch (tests/classroom/ralph_server.py: CREATE -> APPEND)
stays in the tests: nothing a school installs or runs touches Ralph's backends."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_no_shipped_code_patches_ralph() -> None:
    shipped = [
        REPO / "main.py",
        *(p for d in ("game", "zones", "telemetry", "bench") for p in (REPO / d).rglob("*.py")),
    ]
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        for needle in ("FSDataBackend", "default_operation_type", "ralph_server", "ralph.backends"):
            assert needle not in text, f"{path.relative_to(REPO)}: {needle}"
    server = (REPO / "tests" / "classroom" / "ralph_server.py").read_text(encoding="utf-8")
    assert "BaseOperationType.APPEND" in server  # the patch is where the README says
