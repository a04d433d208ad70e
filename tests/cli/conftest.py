"""Run ``license-desk`` in-process against a demo tenant and capture what it prints."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.demo import DemoTenant
from ui.launcher import main


@dataclass
class Result:
    code: int
    out: str
    err: str


class Terminal(io.StringIO):
    """Typed answers, as if from a person at a terminal."""

    def isatty(self) -> bool:
        return True


Runner = Callable[..., Result]


@pytest.fixture(autouse=True)
def no_ambient_connection(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("LICENSE_DESK_GRAPH_URL", "LICENSE_DESK_TOKEN", "LICENSE_DESK_JOURNAL"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def journal_file(tmp_path: Path) -> Path:
    return tmp_path / "journal.sqlite3"


@pytest.fixture
def cli(
    demo_tenant: DemoTenant,
    journal_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> Runner:
    def run(*args: str, stdin: io.StringIO | None = None, connect: bool = True) -> Result:
        monkeypatch.setattr(sys, "stdin", stdin or io.StringIO(""))
        argv = list(args)
        if connect:
            argv += ["--graph-url", demo_tenant.base_url, "--token", "cli-test"]
            argv += ["--journal", str(journal_file)]
        code = main(argv)
        captured = capsys.readouterr()
        return Result(code, captured.out, captured.err)

    return run
