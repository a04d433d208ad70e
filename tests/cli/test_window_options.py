"""The window's options beside a subcommand are refused with a line that says what to do, not
dropped: ``license-desk --demo insights`` used to answer "Not signed in"."""

from __future__ import annotations

import pytest

from desktop.commands.exit_codes import EXIT_BAD_INPUT
from ui.launcher import main


@pytest.mark.parametrize("given", [["--demo"], ["--demo-tenants", "3"]])
def test_the_demo_option_with_a_command_says_how_to_reach_a_demo_tenant(
    given: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*given, "insights", "--json"])
    out, err = capsys.readouterr()
    assert code == EXIT_BAD_INPUT
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1
    assert "`insights`" in lines[0]
    assert "license-desk demo-server" in lines[0]
    assert "Not signed in" not in err


@pytest.mark.parametrize(
    ("given", "named"),
    [
        (["--screenshot", "x.png"], "--screenshot"),
        (["--theme", "dark"], "--theme"),
        (["--scale", "2"], "--scale"),
    ],
)
def test_other_window_options_with_a_command_are_named_and_refused(
    given: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([*given, "skus"])
    err = capsys.readouterr().err
    assert code == EXIT_BAD_INPUT
    assert err.count("\n") == 1
    assert named in err and "`skus`" in err and "leave them out" in err


def test_a_window_option_left_at_its_default_does_not_stop_a_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = main(["--theme", "system", "completion", "bash"])
    assert code == 0
    assert "license-desk" in capsys.readouterr().out
