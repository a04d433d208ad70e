"""The one way the window asks for a file (ui/dialogs/file_choice.py): named, opened where
asked, a save dialog that adds the suggested ending, and None when the person cancels."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from tests.ui.conftest import ACCEPT, REJECT, DialogScript
from ui.dialogs.file_choice import file_to_open, file_to_save


def test_a_save_dialog_suggests_a_name_and_its_ending(
    qtbot: QtBot, dialogs: DialogScript, tmp_path: Path
) -> None:
    def answer(dialog: QDialog) -> int:
        assert isinstance(dialog, QFileDialog)
        assert dialog.objectName() == "reportFileDialog"
        assert dialog.windowTitle() == "Save report"
        assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
        assert dialog.defaultSuffix() == "csv"
        assert Path(dialog.directory().absolutePath()) == tmp_path
        dialog.selectFile(str(tmp_path / "mine.csv"))
        return ACCEPT

    dialogs.expect(QFileDialog, answer)
    chosen = file_to_save(
        None, name="reportFileDialog", title="Save report", name_filter="CSV files (*.csv)",
        suggested="report.csv", folder=str(tmp_path),
    )  # fmt: skip
    assert chosen == tmp_path / "mine.csv"


def test_an_open_dialog_wants_an_existing_file_and_a_cancel_is_none(
    qtbot: QtBot, dialogs: DialogScript
) -> None:
    def cancel(dialog: QDialog) -> int:
        assert isinstance(dialog, QFileDialog)
        assert dialog.fileMode() is QFileDialog.FileMode.ExistingFile
        assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptOpen
        return REJECT

    dialogs.expect(QFileDialog, cancel)
    assert file_to_open(None, name="x", title="Open", name_filter="*.json") is None
    assert dialogs.pending == 0
