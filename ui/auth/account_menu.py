"""The account button at the right of the toolbar: who is signed in and to which tenant, the
other signed-in accounts (choose one to switch), sign in to another tenant, sign out. Also the
status bar's warning while the sign-in lives only in memory.

It only shows what it is told (``set_status``) and says what was chosen (signals); the
blocking work is ``AccountFlow``'s."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QToolButton, QWidget

from desktop.auth.accounts import AccountInfo
from ui.icons import icon
from ui.sign_in import SignInStatus


class AccountMenu(QObject):
    switch_requested = Signal(str)  # the home account id to open
    add_requested = Signal()
    sign_out_requested = Signal()
    sign_out_all_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.menu = QMenu(parent)
        self.menu.setObjectName("accountMenu")
        self.button = QToolButton(parent)
        self.button.setObjectName("accountButton")
        self.button.setIcon(icon("user"))
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setMenu(self.menu)
        self.warning = MemoryOnlyWarning(parent)

        self.add_action = QAction(icon("sign-in"), self.tr("Sign in to another tenant…"), self)
        self.add_action.setObjectName("signInAnother")
        self.add_action.triggered.connect(self.add_requested)
        self.sign_out_action = QAction(icon("sign-out"), self.tr("Sign out"), self)
        self.sign_out_action.setObjectName("signOut")
        self.sign_out_action.triggered.connect(self.sign_out_requested)
        self.sign_out_all_action = QAction(self.tr("Sign out of all accounts…"), self)
        self.sign_out_all_action.setObjectName("signOutAll")
        self.sign_out_all_action.triggered.connect(self.sign_out_all_requested)
        self._status = SignInStatus()
        self._organization = ""
        self._rebuild()

    # -- what to show ------------------------------------------------------------------------

    @property
    def current(self) -> AccountInfo | None:
        return next((a for a in self._status.accounts if a.is_current), None)

    def account(self, home_account_id: str) -> AccountInfo | None:
        return next(
            (a for a in self._status.accounts if a.home_account_id == home_account_id), None
        )

    def set_status(self, status: SignInStatus) -> None:
        self._status = status
        self._rebuild()

    def set_organization(self, name: str) -> None:
        self._organization = name
        self._rebuild()

    # -- building ------------------------------------------------------------------------------

    def _rebuild(self) -> None:
        current = self.current
        self.button.setText(current.username if current else self.tr("Not signed in"))
        self.button.setToolTip(self._who(current))
        self.menu.clear()
        if current is not None:
            header = self.menu.addAction(self._who(current))
            header.setObjectName("signedInAs")
            header.setEnabled(False)
        if self._status.memory_only and self._status.accounts:
            notice = self.menu.addAction(icon("warning"), self._memory_text())
            notice.setObjectName("memoryOnlyNotice")
            notice.setEnabled(False)
        self.menu.addSeparator()
        for account in self._status.accounts:
            self.menu.addAction(self._account_action(account))
        if self._status.accounts:
            self.menu.addSeparator()
        self.menu.addAction(self.add_action)
        self.menu.addSeparator()
        self.menu.addAction(self.sign_out_action)
        self.menu.addAction(self.sign_out_all_action)
        self.sign_out_action.setEnabled(current is not None)
        self.sign_out_all_action.setEnabled(bool(self._status.accounts))
        self._show_warning()

    def _account_action(self, account: AccountInfo) -> QAction:
        label = account.username
        if account.display_name:
            label = f"{account.display_name} ({account.username})"
        action = QAction(label, self.menu)
        action.setObjectName(f"account:{account.home_account_id}")
        action.setCheckable(True)
        action.setChecked(account.is_current)
        action.setToolTip(self.tr("Tenant ID: {tenant}").format(tenant=account.tenant_id))
        action.triggered.connect(lambda _checked=False: self._chosen(action, account))
        return action

    def _chosen(self, action: QAction, account: AccountInfo) -> None:
        if account.is_current:
            # Choosing the open account changes nothing; clicking unticked it, tick it again.
            # (Not a rebuild: that would delete the action while it is still emitting.)
            action.setChecked(True)
            return
        self.switch_requested.emit(account.home_account_id)

    def _who(self, account: AccountInfo | None) -> str:
        if account is None:
            return self.tr("Not signed in")
        tenant = self._organization or account.domain or account.tenant_id
        return self.tr("Signed in as {user} to {tenant}").format(
            user=account.username, tenant=tenant
        )

    def _memory_text(self) -> str:
        return self.tr("Sign-in not saved: you will sign in again after License Desk closes")

    def _show_warning(self) -> None:
        shown = self._status.memory_only and bool(self._status.accounts)
        self.warning.setVisible(shown)
        if shown:
            reason = self._status.reason
            tip = self._memory_text()
            if reason:
                tip += "\n" + self.tr("The keyring cannot store it: {reason}").format(reason=reason)
            self.warning.setToolTip(tip)


class MemoryOnlyWarning(QWidget):
    """A warning icon and a short text, for the status bar while nothing is saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoryOnlyWarning")
        picture = QLabel()
        picture.setPixmap(icon("warning").pixmap(16, 16))
        self.text = QLabel(self.tr("Sign-in kept in memory only"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 6, 0)
        layout.setSpacing(4)
        layout.addWidget(picture)
        layout.addWidget(self.text)
        self.hide()
