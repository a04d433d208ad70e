"""Copy licenses from: find the user whose direct licenses the ticked users should get."""

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
from ui.models.naming import LicenseNaming
from ui.models.user_filter import search_terms

MAX_MATCHES = 50  # a short list to pick from; more typing narrows it


class CopyFromDialog(QDialog):
    def __init__(
        self,
        users: Sequence[User],
        haystacks: Sequence[str],
        naming: LicenseNaming,
        targets: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("copyFromDialog")
        self.setWindowTitle(self.tr("Copy licenses from"))
        self.resize(560, 460)
        self._users = users
        self._haystacks = haystacks
        self._naming = naming
        intro = QLabel(
            self.tr(
                "Give %Ln ticked users the licenses (and app settings) another user has "
                "directly. Find that user:",
                "",
                targets,
            )
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("copyFromSearch")
        self.search.setPlaceholderText(self.tr("Name or user name"))
        self.search.setClearButtonEnabled(True)
        self.matches = QListWidget()
        self.matches.setObjectName("copyFromMatches")
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.buttons = preview_buttons(self)
        self.search.textChanged.connect(self._find)
        self.matches.currentItemChanged.connect(self._chosen)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.search)
        layout.addWidget(self.matches, 1)
        layout.addWidget(self.details)
        layout.addWidget(self.buttons)
        self._find("")

    def source(self) -> User | None:
        item = self.matches.currentItem()
        if item is None:
            return None
        user: User = item.data(Qt.ItemDataRole.UserRole)
        return user

    def _find(self, text: str) -> None:
        terms = search_terms(text)
        self.matches.clear()
        found = 0
        for user, hay in zip(self._users, self._haystacks, strict=False):
            if not user.assigned_licenses or not all(t in hay for t in terms):
                continue
            item = QListWidgetItem(f"{user.display_name}  <{user.user_principal_name}>")
            item.setData(Qt.ItemDataRole.UserRole, user)
            self.matches.addItem(item)
            found += 1
            if found >= MAX_MATCHES:
                break
        if self.matches.count():
            self.matches.setCurrentRow(0)
        self._chosen()

    def choose(self, user_principal_name: str) -> None:
        self.search.setText(user_principal_name)  # a UPN is unique: one match
        for row in range(self.matches.count()):
            user: User = self.matches.item(row).data(Qt.ItemDataRole.UserRole)
            if user.user_principal_name.lower() == user_principal_name.lower():
                self.matches.setCurrentRow(row)
                return
        raise ValueError(f"{user_principal_name} is not among the users with licenses")

    def _chosen(self) -> None:
        user = self.source()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if user is None:
            self.details.setText(self.tr("No user with licenses matches."))
            ok.setEnabled(False)
            return
        licenses = user.direct_licenses
        names = ", ".join(self._naming.sku(lic.sku_id) for lic in licenses)
        self.details.setText(
            self.tr("Will copy: {licenses}").format(licenses=names)
            if licenses
            else self.tr("This user has only group licenses, which cannot be copied.")
        )
        ok.setEnabled(bool(licenses))
