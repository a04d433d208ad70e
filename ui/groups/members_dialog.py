"""Remove members…: tick the members of a group to take out of it (searchable); the check then
says what each loses through the group, and the preview shows it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import User
from ui.dialogs.preview_buttons import preview_buttons


class RemoveMembersDialog(QDialog):
    def __init__(
        self, group_name: str, members: Sequence[User], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("removeMembersDialog")
        self.setWindowTitle(self.tr("Remove members"))
        self.resize(520, 480)
        intro = QLabel(
            self.tr(
                "Tick the members to remove from {group}. They lose the licenses only this "
                "group gives them; the preview says which."
            ).format(group=group_name)
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("memberSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search members by name or user name"))
        self.members = QListWidget()
        self.members.setObjectName("memberList")
        for user in sorted(members, key=lambda u: u.display_name.casefold()):
            item = QListWidgetItem(f"{user.display_name} <{user.user_principal_name}>")
            item.setData(Qt.ItemDataRole.UserRole, user.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.members.addItem(item)
        self.search.textChanged.connect(self._filter)
        self.buttons = preview_buttons(self)
        self.members.itemChanged.connect(self._ticks_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.members, 1)
        layout.addWidget(self.buttons)
        self._ticks_changed()

    def tick(self, user_id: str) -> None:
        for row in range(self.members.count()):
            item = self.members.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == user_id:
                item.setCheckState(Qt.CheckState.Checked)
                return
        raise ValueError(f"{user_id} is not listed")

    def picked(self) -> list[str]:
        return [
            str(self.members.item(r).data(Qt.ItemDataRole.UserRole))
            for r in range(self.members.count())
            if self.members.item(r).checkState() == Qt.CheckState.Checked
        ]

    def _filter(self, text: str) -> None:
        wanted = text.casefold().strip()
        for row in range(self.members.count()):
            item = self.members.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def _ticks_changed(self, *_args: object) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.picked()))
