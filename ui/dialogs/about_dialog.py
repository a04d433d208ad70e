"""Help › About License Desk: version, licence, and the notices of every bundled third party.

The notices (resources/licenses/THIRD-PARTY-NOTICES.txt, written by tools/write_notices.py) are
the same file the installers ship; Qt's LGPL asks that users can read it from the program.
"""

from __future__ import annotations

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.resources import resource_path
from ui.dialogs.launcher import launch
from ui.icons import app_icon

NOTICES = ("licenses", "THIRD-PARTY-NOTICES.txt")


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About License Desk"))
        self.setWindowIcon(app_icon())
        self.resize(720, 560)

        heading = QLabel(self.tr("License Desk {version}").format(version=__version__))
        heading.setObjectName("aboutHeading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        heading.setFont(font)
        summary = QLabel(
            self.tr("Manage Microsoft 365 licenses from a native window and from scripts.")
        )
        summary.setWordWrap(True)
        self.licence = QLabel(
            self.tr(
                "License Desk is free software under the MIT License. It uses Qt {qt} and "
                "PySide6 {pyside} under the GNU LGPL version 3, and the other software listed "
                "below under their own licences."
            ).format(qt=qVersion(), pyside=PySide6.__version__)
        )
        self.licence.setObjectName("aboutLicence")
        self.licence.setWordWrap(True)

        self.notices = QPlainTextEdit()
        self.notices.setObjectName("thirdPartyNotices")
        self.notices.setReadOnly(True)
        self.notices.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.notices.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.notices.setPlainText(self._read_notices())
        notices_label = QLabel(self.tr("Third-party software &notices:"))
        notices_label.setBuddy(self.notices)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(summary)
        layout.addWidget(self.licence)
        layout.addWidget(notices_label)
        layout.addWidget(self.notices, 1)
        layout.addWidget(buttons)

    def _read_notices(self) -> str:
        path = resource_path(*NOTICES)
        try:
            return path.read_text(encoding="utf-8")
        except OSError:
            # A damaged install: say where the file should be rather than show an empty box.
            return self.tr("The third-party notices are missing: {path}").format(path=path)


def open_about(parent: QWidget | None) -> None:
    dialog = AboutDialog(parent)
    try:
        launch(dialog)
    finally:
        dialog.deleteLater()
