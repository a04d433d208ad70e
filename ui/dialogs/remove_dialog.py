"""Remove license ("Remove service"): choose packages to take away, with the mailbox warning."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import Sku
from ui.formatting import count
from ui.icons import icon
from ui.models.naming import LicenseNaming


class RemoveDialog(QDialog):
    def __init__(
        self,
        held: Sequence[tuple[Sku, int]],
        naming: LicenseNaming,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("removeDialog")
        self.setWindowTitle(self.tr("Remove license"))
        self.resize(520, 420)
        intro = QLabel(self.tr("Remove these packages from the ticked users:"))
        self.packages = QListWidget()
        self.packages.setObjectName("removePackages")
        for sku, holders in held:
            item = QListWidgetItem(
                icon("license"),
                self.tr("{package} (held by {n})").format(
                    package=naming.sku(sku.sku_id), n=count(holders)
                ),
            )
            item.setData(Qt.ItemDataRole.UserRole, sku.sku_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.packages.addItem(item)
        self.packages.itemChanged.connect(self._update_ok)

        warning_icon = QLabel()
        warning_icon.setPixmap(icon("warning").pixmap(20, 20))
        warning_icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        warning = QLabel(
            self.tr(
                "When a user loses their last license that includes Exchange, Microsoft deletes "
                "their mailbox data 30 days later. Licenses inherited from a group cannot be "
                "removed here: change the group instead."
            )
        )
        warning.setObjectName("mailboxWarning")
        warning.setWordWrap(True)
        warning_row = QHBoxLayout()
        warning_row.addWidget(warning_icon)
        warning_row.addWidget(warning, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Preview…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.packages, 1)
        layout.addLayout(warning_row)
        layout.addWidget(self.buttons)
        self._update_ok()

    def set_picked(self, sku_id: str, picked: bool = True) -> None:
        for row in range(self.packages.count()):
            item = self.packages.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == sku_id:
                item.setCheckState(Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked)
                return
        raise ValueError(f"no package {sku_id} to remove")

    def picked(self) -> list[str]:
        return [
            str(self.packages.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.packages.count())
            if self.packages.item(r).checkState() == Qt.CheckState.Checked
        ]

    def _update_ok(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.picked()))
