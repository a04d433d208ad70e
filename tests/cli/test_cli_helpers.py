"""Small pieces of the command line: where the journal lives, env options, progress display."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

import pytest

from desktop.commands.connection import journal_path
from desktop.commands.output import ProgressPrinter, table
from desktop.licensing.types import Progress
from desktop.paths import app_data_dir
from tests.cli.conftest import Result, Runner, Terminal


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG rules are Linux's")
def test_journal_folder_follows_xdg_and_ignores_a_relative_value(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert app_data_dir() == tmp_path / "license-desk"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/dir")
    assert app_data_dir() == Path.home() / ".local" / "share" / "license-desk"


def test_journal_option_beats_environment_beats_default(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LICENSE_DESK_JOURNAL", str(tmp_path / "env.sqlite3"))
    assert (
        journal_path(argparse.Namespace(journal=tmp_path / "opt.sqlite3"))
        == tmp_path / "opt.sqlite3"
    )
    assert journal_path(argparse.Namespace(journal=None)) == tmp_path / "env.sqlite3"


def test_connection_from_the_environment(
    cli: Runner,
    monkeypatch: pytest.MonkeyPatch,
    demo_tenant,
    journal_file: Path,  # type: ignore[no-untyped-def]
) -> None:
    monkeypatch.setenv("LICENSE_DESK_GRAPH_URL", demo_tenant.base_url)
    monkeypatch.setenv("LICENSE_DESK_TOKEN", "from-env")
    result: Result = cli("skus", "--json", connect=False)
    assert result.code == 0 and "FLOW_FREE" in result.out


def test_a_terminal_gets_one_updating_bar() -> None:
    screen = Terminal()
    printer = ProgressPrinter(screen)
    printer(Progress(total=4))
    printer(Progress(total=4, done=2, skipped=1))
    printer.finish()
    text = screen.getvalue()
    assert text.count("\r[") == 2 and text.count("\n") == 1
    assert "[######################--------] 3/4  done 2, failed 0, skipped 1" in text


def test_plain_output_prints_a_line_per_tenth() -> None:
    log = io.StringIO()
    printer = ProgressPrinter(log)
    for done in range(0, 101):
        printer(Progress(total=100, done=done))
    lines = log.getvalue().splitlines()
    assert len(lines) == 11 and lines[-1] == "progress: 100/100  done 100, failed 0, skipped 0"


def test_tables_align_numbers_right() -> None:
    assert table(["NAME", "FREE"], [["a", "5"], ["long name", "120"]], right=(1,)).splitlines() == [
        "NAME       FREE",
        "a             5",
        "long name   120",
    ]
