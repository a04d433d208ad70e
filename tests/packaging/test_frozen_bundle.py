"""Build the Linux bundle from build.spec and run its ``--self-test``: the smoke test of what
users install. Slow (tens of seconds), so it runs once, in CI and on demand."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZE_BUDGET_BYTES = 150 * 1024 * 1024


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CI builds the Linux bundle")
def test_frozen_bundle_passes_its_self_test_within_the_size_budget(tmp_path: Path) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.fail("PyInstaller is missing: install the test extras (pip install -e '.[test]')")
    dist, work = tmp_path / "dist", tmp_path / "work"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--log-level",
            "ERROR",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(ROOT / "build.spec"),
        ],
        cwd=ROOT,
        check=True,
    )
    bundle = dist / "license-desk"
    size = folder_size(bundle)
    assert size < SIZE_BUDGET_BYTES, f"bundle is {size / 2**20:.0f} MB, budget 150 MB"

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)  # the frozen app must not lean on the checkout
    result = subprocess.run(
        [str(bundle / "license-desk"), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test: passed" in result.stdout
    assert "engine: assigned" in result.stdout
    assert "trust: HTTPS verifies through the OS certificate store" in result.stdout
    if os.environ.get("LICENSE_DESK_REQUIRE_REAL_KEYRING") == "1":
        # CI runs this inside a D-Bus session with gnome-keyring: the bundle must find it.
        assert "SecretService" in result.stdout, result.stdout

    # The whole window, as users start it: every ui module and Qt plugin must be bundled.
    shot = tmp_path / "window.png"
    data_home = tmp_path / "data"
    window = subprocess.run(
        [str(bundle / "license-desk"), "--demo", "--screenshot", str(shot)],
        cwd=tmp_path,
        env=dict(env, XDG_DATA_HOME=str(data_home), XDG_CONFIG_HOME=str(tmp_path / "config")),
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert window.returncode == 0, window.stdout + window.stderr
    assert shot.read_bytes().startswith(b"\x89PNG"), "no PNG written"
