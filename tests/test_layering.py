"""The dependency rules between the layers, read from the source text and from what gets loaded.

- ``desktop`` never imports Qt or ``ui``, not even lazily inside a function.
- ``desktop/auth`` (sign-in) knows nothing of the licensing engine or of the subcommands.
- The entry point (``ui/launcher.py``) runs a subcommand without loading Qt.
"""

from __future__ import annotations

import ast
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import desktop

DESKTOP = Path(desktop.__file__).parent
# The issue's own check: `grep -rE "^\s*(from|import)\s+(ui|PySide6)" desktop` finds nothing.
QT_OR_UI_LINE = re.compile(r"^\s*(from|import)\s+(ui|PySide6|shiboken6)\b", re.MULTILINE)


def all_desktop_modules() -> list[str]:
    return sorted(info.name for info in pkgutil.walk_packages(desktop.__path__, prefix="desktop."))


def source_files(package: Path) -> list[Path]:
    files = sorted(package.rglob("*.py"))
    assert files, f"no Python files under {package}"
    return files


def imported_names(path: Path) -> list[tuple[int, str]]:
    """Every module ``path`` imports anywhere (top level, inside functions, importlib calls)."""
    names: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.append((node.lineno, node.module))
            names += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level > 0:
            names.append((node.lineno, "." * node.level + (node.module or "")))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id)
            in {"import_module", "__import__"}
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            names.append((node.lineno, node.args[0].value))
    return names


def offenders(package: Path, forbidden: tuple[str, ...]) -> list[str]:
    """One entry per offending import statement; relative imports count as offending (they
    could hide the package they reach)."""
    found: dict[str, str] = {}
    for path in source_files(package):
        for line, name in imported_names(path):
            if name.startswith(".") or any(
                name == root or name.startswith(root + ".") for root in forbidden
            ):
                found.setdefault(f"{path.relative_to(package)}:{line}", name)
    return [f"{where}: {name}" for where, name in found.items()]


def test_no_line_in_desktop_imports_qt_or_ui() -> None:
    found = [
        f"{path.relative_to(DESKTOP.parent)}: {match.group(0).strip()}"
        for path in source_files(DESKTOP)
        for match in QT_OR_UI_LINE.finditer(path.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_import_in_desktop_names_qt_or_ui_even_inside_a_function() -> None:
    assert offenders(DESKTOP, ("ui", "PySide6", "shiboken6")) == []


def test_the_scan_sees_imports_inside_functions(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import json\n"
        "def later():\n"
        "    from ui.app import run_window\n"
        "    import PySide6.QtCore\n"
        "    importlib.import_module('ui.self_test')\n"
    )
    assert QT_OR_UI_LINE.findall(sample.read_text()) == [("from", "ui"), ("import", "PySide6")]
    assert len(offenders(tmp_path, ("ui", "PySide6"))) == 3


def test_sign_in_imports_nothing_from_the_engine_or_the_commands() -> None:
    assert offenders(DESKTOP / "auth", ("desktop.licensing", "desktop.commands")) == []


def test_importing_every_desktop_module_loads_no_qt_and_no_ui() -> None:
    modules = all_desktop_modules()
    assert "desktop.commands.parser" in modules
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


def test_a_subcommand_run_through_the_launcher_loads_no_qt(tmp_path: Path) -> None:
    # A real subcommand end to end (it refuses a non-loopback host, exit 2), through the same
    # main() that `license-desk` and `python -m ui` call.
    code = (
        "import sys\n"
        "from ui.launcher import main\n"
        "code = main(['demo-server', '--host', '192.0.2.1'])\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in {'PySide6', 'shiboken6'})\n"
        "print(code, ','.join(qt) or 'none')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path
    )
    assert result.stdout.split() == ["2", "none"], result.stdout + result.stderr


def test_the_launcher_module_itself_loads_no_qt() -> None:
    code = (
        "import sys\n"
        "import ui.launcher\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'ui.'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['ui.launcher']"
