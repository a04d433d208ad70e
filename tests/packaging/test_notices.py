"""The third-party notices name every package License Desk bundles and carry the licence texts
the LGPL asks for; the installers ship the file and the build regenerates it per platform."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]
NOTICES = ROOT / "resources" / "licenses" / "THIRD-PARTY-NOTICES.txt"


def load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "write_notices", ROOT / "tools" / "write_notices.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


tool = load_tool()


# Pinned for builds but bundled only on another platform than the committed (Linux) file's.
OTHER_PLATFORMS_ONLY = {"pywin32-ctypes"}
BUILD_TOOLS = {
    "pyinstaller",
    "pyinstaller-hooks-contrib",
    "altgraph",
    "packaging",
    "setuptools",
    "macholib",
    "pefile",
}


def test_every_pinned_runtime_package_has_its_notice() -> None:
    # Env-independent: the pins say what the installers bundle; each build machine regenerates
    # the file from its own closure (the workflow runs tools/write_notices.py before PyInstaller).
    named = {
        tool.normalized(title.split(" ")[0])
        for title in tool.section_titles(NOTICES.read_text(encoding="utf-8"))
    }
    pinned = tool.pinned_names((ROOT / "installer" / "constraints.txt").read_text("utf-8"))
    runtime = pinned - BUILD_TOOLS - OTHER_PLATFORMS_ONLY
    assert {
        "pyside6-essentials",
        "shiboken6",
        "msal",
        "requests",
        "keyring",
        "truststore",
    } <= runtime
    missing = sorted(runtime - named)
    assert not missing, f"run: python tools/write_notices.py ({missing})"


def test_the_check_fails_when_a_package_is_left_out() -> None:
    text = NOTICES.read_text(encoding="utf-8")
    without_msal = "\n".join(line for line in text.splitlines() if not line.startswith("msal "))
    assert "msal" not in tool.missing_from(text)
    assert "msal" in tool.missing_from(without_msal)


def test_qt_lgpl_terms_are_complete() -> None:
    text = NOTICES.read_text(encoding="utf-8")
    assert "Qt and PySide6 (LGPL-3.0)" in text
    assert "code.qt.io/cgit/pyside/pyside-setup.git" in text  # where the source is
    assert "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3" in text
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 3" in text  # LGPL's base
    assert "PyInstaller bootloader" in text and "Bootloader Exception" in text
