"""Remove license ("Remove service"): choose packages to take away, with the mailbox warning.

A package a ticked user inherits from a group cannot be taken from the user (Graph refuses);
the dialog offers to remove the users from the group(s) that give it instead. The preview then
says what else leaving the group takes away, and undo adds them back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
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
from ui.dialogs.preview_buttons import preview_buttons
from ui.formatting import count
from ui.icons import icon
from ui.models.naming import LicenseNaming


class RemoveDialog(QDialog):
    def __init__(
        self,
        held: Sequence[tuple[Sku, int]],
        naming: LicenseNaming,
        parent: QWidget | None = None,
        granting: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """``held``: each package with how many ticked users hold it (directly or through a
        group); ``granting``: per package, the names of the groups it comes from for them."""
        super().__init__(parent)
        self._granting = dict(granting or {})
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
                "their mailbox data 30 days later."
            )
        )
        warning.setObjectName("mailboxWarning")
        warning.setWordWrap(True)
        warning_row = QHBoxLayout()
        warning_row.addWidget(warning_icon)
        warning_row.addWidget(warning, 1)

        self.leave_groups = QCheckBox()
        self.leave_groups.setObjectName("leaveGroups")
        self.leave_groups.toggled.connect(self._update_ok)
        self.groups_note = QLabel()
        self.groups_note.setObjectName("groupsNote")
        self.groups_note.setWordWrap(True)

        self.buttons = preview_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.packages, 1)
        layout.addWidget(self.leave_groups)
        layout.addWidget(self.groups_note)
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

    def groups_giving(self) -> list[str]:
        """The groups that give a picked package to some ticked user, by name."""
        return sorted({g for sku_id in self.picked() for g in self._granting.get(sku_id, ())})

    def leaving_groups(self) -> bool:
        """Whether the users leave the groups that give them a picked package."""
        return self.leave_groups.isVisibleTo(self) and self.leave_groups.isChecked()

    def _update_ok(self) -> None:
        groups = self.groups_giving()
        self.leave_groups.setVisible(bool(groups))
        self.groups_note.setVisible(bool(groups))
        if groups:
            self.leave_groups.setText(
                self.tr(
                    "Also remove the users from the %n group(s) that give it: {groups}",
                    "",
                    len(groups),
                ).format(groups=", ".join(groups))
            )
            note = self.tr(
                "A license that comes from a group can only be taken away by removing the "
                "user from the group. The preview shows what else the group takes away; "
                "undo adds them back to it."
            )
            self.groups_note.setText(note)
            self.leave_groups.setAccessibleDescription(note)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.picked()))
