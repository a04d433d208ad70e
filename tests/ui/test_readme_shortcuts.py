"""Issue 11, Deliver 8: the README's shortcuts table names every shortcut the window has, with
the key the window really uses."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction, QKeySequence
from pytestqt.qtbot import QtBot

from ui.main_window import MainWindow

README = Path(__file__).resolve().parents[2] / "README.md"


def _clean(name: str) -> str:
    name = re.sub(r"\([^)]*\)", "", name).replace("&", "").replace("…", "")
    return name.strip().lower()


def readme_shortcuts() -> dict[str, str]:
    """Action name → shortcut, from the rows of the README's "| Action | Shortcut |" table
    ("Activate user / Block sign-in | Ctrl+Shift+A / Ctrl+B" is two)."""
    text = README.read_text(encoding="utf-8")
    table = text[text.index("| Action | Shortcut |") :].split("\n\n", 1)[0]
    found: dict[str, str] = {}
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        names, keys = cells[0].split(" / "), cells[1].split(" / ")
        if len(names) == len(keys):
            found.update({_clean(n): k.strip() for n, k in zip(names, keys, strict=True)})
    return found


def test_the_readme_table_lists_every_shortcut_of_the_window(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    actions = {
        _clean(a.text()): a.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        for a in window.findChildren(QAction)
        if not a.shortcut().isEmpty()
    }
    assert len(actions) >= 15
    documented = readme_shortcuts()
    missing = {name: key for name, key in actions.items() if documented.get(name) != key}
    assert missing == {}, f"README lacks or misstates: {missing}"
