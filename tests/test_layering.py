"""The one dependency rule: ``desktop`` never imports Qt or ``ui``."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import desktop


def all_desktop_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(desktop.__path__, prefix="desktop.")
        if info.name not in {"desktop.__main__"}
    )


def test_importing_every_desktop_module_loads_no_qt_and_no_ui() -> None:
    modules = all_desktop_modules()
    assert "desktop.cli" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "roots = {'PySide6', 'shiboken6', 'ui'}\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in roots)\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"desktop pulled in: {result.stdout.strip()}"


def test_building_the_cli_parser_loads_no_qt() -> None:
    code = (
        "import sys\n"
        "from desktop.cli import build_parser\n"
        "build_parser()\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
