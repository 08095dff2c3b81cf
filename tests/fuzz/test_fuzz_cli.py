"""Fuzz the command line: random arguments to ``report``, ``simulate`` and ``calibrate`` end with
exit code 2 (or 0 for --help) and, on failure, exactly one line on stderr; never a traceback.
A valid ``simulate`` runs everything up to the bots' play (``play_all``, which has its own
tests), so huge counts and odd seeds reach the real population draw."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import assume
from hypothesis import strategies as st

from game.cli import main
from tests.fuzz.mutate import fuzz_tests

OPTIONS = {
    "report": [
        "--format",
        "--out",
        "--data-dir",
        "--lang",
        "pdf",
        "html,json",
        "xapi,csv",
        "BLUE-FOX-42",
        "NOPE-CODE-99",
        "missing.json",
        "nope",
        "es",
        "en",
    ],
    "calibrate": [
        "--out",
        "--rounds",
        "--seed",
        "params.json",
        "p.txt",
        "missing.json",
        "nope",
        "0",
        "51",
        "3",
        "-1",
        "x",
        "1e9",
    ],
    "simulate": [
        "--players",
        "--seed",
        "--out",
        "--latent",
        "--minutes",
        "0",
        "-3",
        "7",
        "1e9",
        "nan",
        "1,2,3",
        "7,7,7,7,7,7",
        "out",
        "x",
        "-1",
        "1000000000",
        "1e23",
        "1" * 24,
        "2",
        "1.5",
    ],
}
token = st.one_of(
    st.text(min_size=0, max_size=10), st.sampled_from(["--", "-", "-x", "--bogus", "=", ""])
)


def run(argv: list[str], capsys) -> tuple[int, str]:
    try:
        code = main(argv)
    except SystemExit as exc:  # argparse exits; main.py passes the code on as is
        code = exc.code if isinstance(exc.code, int) else 1
    err = capsys.readouterr().err
    return code, err


@pytest.mark.parametrize("command", sorted(OPTIONS))
def test_missing_everything_is_one_line(command: str, capsys, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, err = run([command], capsys)
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Traceback" not in err


def _random_arguments_fail_cleanly(data, capsys, tmp_path_factory, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path_factory.getbasetemp())
    monkeypatch.setenv("HOME", str(tmp_path_factory.getbasetemp()))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.getbasetemp() / "xdg"))
    import game.commands.simulate as simulate

    monkeypatch.setattr(simulate, "play_all", lambda latents, seed, out, minutes: 0)
    command = data.draw(st.sampled_from(sorted(OPTIONS)), label="command")
    words = data.draw(
        st.lists(st.one_of(st.sampled_from(OPTIONS[command]), token), max_size=9), label="argv"
    )
    assume(
        not (command == "report" and any(w.startswith("-h") or w.startswith("--h") for w in words))
    )
    code, err = run([command, *words], capsys)
    assert "Traceback" not in err
    if code != 0:
        assert code == 2, err
        assert len(err.strip().splitlines()) == 1, err


test_random_arguments_fail_cleanly, test_random_arguments_fail_cleanly_fresh = fuzz_tests(
    _random_arguments_fail_cleanly
)


def test_a_c1_control_or_line_separator_in_an_argument_is_one_line() -> None:
    """Found by the CLI fuzzer with a fresh seed (FUZZ_SEED=1478549828): U+0085 (NEL) in a
    player code split the error message over two lines."""
    import subprocess
    import sys

    for bad in ("AB\x85CD", "AB\u2028CD", "AB\x9bCD"):
        out = subprocess.run(
            [sys.executable, "main.py", "report", bad, "--format", "json"],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert out.returncode == 2 and len(out.stderr.strip().splitlines()) == 1, out.stderr
