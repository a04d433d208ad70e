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


def test_every_bundled_package_has_its_notice() -> None:
    text = NOTICES.read_text(encoding="utf-8")
    bundled = tool.runtime_closure()
    assert {"pyside6-essentials", "shiboken6", "msal", "requests", "keyring", "truststore"} <= set(
        bundled
    )
    assert tool.missing_from(text) == [], "run: python tools/write_notices.py"


def test_the_check_fails_when_a_package_is_left_out() -> None:
    text = NOTICES.read_text(encoding="utf-8")
    without_msal = "\n".join(line for line in text.splitlines() if not line.startswith("msal "))
    assert tool.missing_from(without_msal) == ["msal"]


def test_qt_lgpl_terms_are_complete() -> None:
    text = NOTICES.read_text(encoding="utf-8")
    assert "Qt and PySide6 (LGPL-3.0)" in text
    assert "code.qt.io/cgit/pyside/pyside-setup.git" in text  # where the source is
    assert "GNU LESSER GENERAL PUBLIC LICENSE\n                       Version 3" in text
    assert "GNU GENERAL PUBLIC LICENSE\n                       Version 3" in text  # LGPL's base
    assert "PyInstaller bootloader" in text and "Bootloader Exception" in text


def test_generated_text_is_what_is_committed_apart_from_versions() -> None:
    # Same sections in the same order: a hand edit that the tool would undo fails here.
    fresh = tool.build_notices()
    titles = tool.section_titles
    assert [t.split(" ")[0] for t in titles(fresh)] == [
        t.split(" ")[0] for t in titles(NOTICES.read_text(encoding="utf-8"))
    ]
