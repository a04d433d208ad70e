#!/usr/bin/env python3
"""One command to set up and start License Desk, or to set up and run its checks.

    python3 dev.py run     # venv + install, then open the app on the built-in demo tenant
    python3 dev.py test    # venv + install, then ruff, mypy and the whole pytest suite

Works on Windows, macOS and Linux with only a Python 3.10+ interpreter on the PATH.
Extra arguments after ``test`` go to pytest; after ``run`` they go to ``license-desk``.
"""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / ".installed-from"


def venv_python() -> Path:
    scripts = "Scripts" if os.name == "nt" else "bin"
    suffix = ".exe" if os.name == "nt" else ""
    return VENV / scripts / f"python{suffix}"


def ensure_environment() -> Path:
    python = venv_python()
    if not python.exists():
        print(f"Creating a virtual environment in {VENV} ...", flush=True)
        venv.EnvBuilder(with_pip=True, upgrade_deps=False).create(VENV)
    # CI also proves the demo tenant against Microsoft's own Graph SDK, a large extra.
    extras = "test,sdk-check" if os.environ.get("CI") else "test"
    # Reinstall only when pyproject.toml or the extras changed since the last install.
    wanted = f"{(ROOT / 'pyproject.toml').stat().st_mtime_ns} {extras}"
    if not STAMP.exists() or STAMP.read_text() != wanted:
        print("Installing License Desk and its test tools ...", flush=True)
        subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "-e",
                f"{ROOT}[{extras}]",
            ],
            check=True,
        )
        STAMP.write_text(wanted)
    return python


def run_checks(python: Path, pytest_args: list[str]) -> int:
    steps = [
        [str(python), "-m", "ruff", "check", "."],
        [str(python), "-m", "mypy", "desktop", "ui"],
        [str(python), "-m", "pytest", *pytest_args],
    ]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    for step in steps:
        print("$", " ".join(step[2:] if step[0] == str(python) else step), flush=True)
        code = subprocess.run(step, cwd=ROOT, env=env).returncode
        if code != 0:
            return code
    return 0


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"run", "test"}:
        print(__doc__)
        return 2
    python = ensure_environment()
    if argv[0] == "test":
        return run_checks(python, argv[1:])
    extra = argv[1:] or ["--demo"]
    return subprocess.run([str(python), "-m", "ui", *extra], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
