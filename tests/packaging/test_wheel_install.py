"""``pip install .`` — the README's install from source — must give a working app: the wheel
carries ``resources/`` (catalog, icons, translations, notices), and the installed
``license-desk --self-test`` passes in a fresh environment that cannot see the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Files the app opens at run time; each must be inside the wheel.
NEEDED_IN_WHEEL = (
    "desktop/_resources/catalog/licensing-service-plan-reference.csv.gz",
    "desktop/_resources/app/license-desk.svg",
    "desktop/_resources/icons/add-license.svg",
    "desktop/_resources/translations/license_desk_pl.qm",
    "desktop/_resources/translations/license_desk_en.qm",
    "desktop/_resources/licenses/THIRD-PARTY-NOTICES.txt",
)


def build_wheel(out: Path) -> Path:
    """Build from a copy of the checkout: setuptools writes build/ and *.egg-info next to the
    sources, and a stale build/ left in the checkout would leak old files into the wheel."""
    source = out.parent / "source"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
        ),
    )
    # No build isolation: the test extra installs the build backend, so nothing is fetched.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--wheel-dir",
            str(out),
            str(source),
        ],
        check=True,
        timeout=300,
    )
    (wheel,) = out.glob("license_desk-*.whl")
    return wheel


def fresh_environment(folder: Path) -> Path:
    """A new venv whose only extra is a path to this environment's dependencies (PySide6,
    msal, ...), so nothing is downloaded; that path is not a site dir, so this environment's
    editable install of License Desk stays invisible there."""
    venv.EnvBuilder(with_pip=True).create(folder)
    scripts = "Scripts" if os.name == "nt" else "bin"
    python = folder / scripts / ("python.exe" if os.name == "nt" else "python")
    site = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    ours = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site) / "license_desk_test_dependencies.pth").write_text(
        "\n".join(sorted(ours)) + "\n", encoding="utf-8"
    )
    return python


@pytest.mark.slow
def test_installed_wheel_carries_resources_and_passes_its_self_test(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "wheel")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in NEEDED_IN_WHEEL if name not in names]
    assert not missing, f"not in {wheel.name}: {missing}"

    python = fresh_environment(tmp_path / "venv")
    subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        timeout=300,
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONPATH", None)  # the installed app must not lean on the checkout
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import desktop.resources as r; print(r.__file__); print(r.resources_dir())",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    venv_folder = (tmp_path / "venv").resolve()
    assert Path(where[0]).resolve().is_relative_to(venv_folder), where
    assert Path(where[1]).resolve().is_relative_to(venv_folder), where

    command = python.with_name("license-desk.exe" if os.name == "nt" else "license-desk")
    result = subprocess.run(
        [str(command), "--self-test"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "catalog: ENTERPRISEPACK is 'Office 365 E3'" in result.stdout
    assert "translations: qtbase_pl, license_desk_pl and license_desk_en load" in result.stdout
    assert "self-test: passed" in result.stdout
    assert "trust: HTTPS verifies through the OS certificate store" in result.stdout
