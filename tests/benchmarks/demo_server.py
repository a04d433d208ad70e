"""The demo tenant in a child process for benchmarks, as Microsoft Graph would be remote."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def start_demo_server(*options: str) -> tuple[subprocess.Popen[str], str]:
    """``python -m ui demo-server OPTIONS`` (the launcher); returns the process and the URL it
    printed once ready (seeding a big tenant comes first)."""
    server = subprocess.Popen(
        [sys.executable, "-m", "ui", "demo-server", *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert server.stdout is not None
    line = server.stdout.readline().strip()
    if not line.startswith("Demo tenant at "):
        server.kill()
        raise SystemExit(f"the demo server did not start: {line!r}")
    return server, line.removeprefix("Demo tenant at ")
