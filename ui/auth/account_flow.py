"""What the account menu's choices do: switch to another signed-in tenant (the window reopens
on it), sign in to another tenant (the welcome page, with a way back), sign out of the current
account, and sign out of all of them (after a question). Keyring and network work runs on a
worker; the open tenant is handed to Startup through ``connected``."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ui.auth.account_menu import AccountMenu
from ui.dialogs.ask import confirm
from ui.dialogs.error_dialog import show_error
from ui.errors import describe
from ui.main_window import MainWindow
from ui.session import TenantSession
from ui.sign_in import SignIn, SignInStatus
from ui.workers import WorkerPool


class AccountFlow(QObject):
    connected = Signal(object)  # the OpenTenant to open
    status_changed = Signal(object)  # the SignInStatus the menu now shows

    def __init__(self, window: MainWindow, sign_in: SignIn, workers: WorkerPool) -> None:
        super().__init__(window)
        self._window = window
        self._sign_in = sign_in
        self._workers = workers
        self.menu: AccountMenu = window.account_menu
        self.menu.switch_requested.connect(self.switch_to)
        self.menu.add_requested.connect(self.add_account)
        self.menu.sign_out_requested.connect(self.sign_out)
        self.menu.sign_out_all_requested.connect(self.sign_out_all)

    def attach(self, session: TenantSession) -> None:
        """Follow a newly opened (signed-in) tenant: its name, and who is signed in now."""
        self.menu.set_organization("")
        self.menu.button.setEnabled(True)
        runner = self._window.runner
        if runner is not None:
            # Switching or signing out closes the tenant: not while a change is being applied.
            runner.busy_changed.connect(lambda busy: self.menu.button.setEnabled(not busy))
        session.organization_changed.connect(
            lambda: self.menu.set_organization(
                session.organization.display_name if session.organization else ""
            )
        )
        self.refresh()

    def refresh(self) -> None:
        sign_in = self._sign_in
        self._workers.start(
            "account status", lambda _ctx: sign_in.status(), on_result=self._show_status
        )

    def _show_status(self, status: object) -> None:
        assert isinstance(status, SignInStatus)
        self.menu.set_status(status)
        self.status_changed.emit(status)

    # -- the menu's choices -----------------------------------------------------------------------

    def switch_to(self, account_id: str) -> None:
        target = self.menu.account(account_id)
        name = target.username if target is not None else ""
        self._window.status.show_activity(self.tr("Opening {user}…").format(user=name), True)
        sign_in = self._sign_in
        self._workers.start(
            "switch account",
            lambda _ctx: sign_in.switch_to(account_id),
            on_result=self.connected.emit,
            on_error=self._switch_failed,
        )

    def _switch_failed(self, exc: BaseException) -> None:
        self._window.status.show_activity("", False)
        show_error(self._window, exc)
        self.refresh()

    def add_account(self) -> None:
        current = self.menu.current
        self._window.close_session()
        self._window.show_welcome(
            self.tr(
                "Sign in to another tenant. You stay signed in to the others and can switch "
                "between them in the account menu."
            )
        )
        if current is not None:
            self._window.welcome.show_back(self.tr("Back to {user}").format(user=current.username))

    def sign_out(self) -> None:
        current = self.menu.current
        name = current.username if current is not None else ""
        self._leave(self.tr("Signing out…"))
        sign_in = self._sign_in
        self._workers.start(
            "sign out",
            lambda _ctx: sign_in.sign_out(),
            on_result=lambda connection: self._signed_out(connection, name),
            on_error=self._sign_out_failed,
        )

    def sign_out_all(self) -> None:
        if not confirm(
            self._window,
            self.tr("Sign out of all accounts"),
            self.tr("Sign out of every Microsoft 365 account in License Desk?"),
            yes=self.tr("Sign out of all"),
            informative=self.tr(
                "License Desk removes every sign-in it keeps in this computer's keyring. "
                "You will need to sign in again to open a tenant."
            ),
        ):
            return
        self._leave(self.tr("Signing out of all accounts…"))
        sign_in = self._sign_in
        self._workers.start(
            "sign out of all",
            lambda _ctx: sign_in.sign_out_all(),
            on_result=lambda _none: self._all_signed_out(),
            on_error=self._sign_out_failed,
        )

    # -- outcomes ----------------------------------------------------------------------------------

    def _leave(self, message: str) -> None:
        """Close the tenant first: its token provider belongs to the account being removed."""
        self._window.close_session()
        self._window.show_welcome()
        self._window.welcome.set_waiting(True)
        self._window.welcome.show_message(message)

    def _signed_out(self, connection: object, name: str) -> None:
        if connection is not None:
            self.connected.emit(connection)
            return
        self._window.show_welcome(self.tr("You signed out of {user}.").format(user=name))
        self.refresh()

    def _all_signed_out(self) -> None:
        self._window.show_welcome(
            self.tr(
                "You are signed out of every account. License Desk removed your sign-ins "
                "from this computer."
            )
        )
        self.refresh()

    def _sign_out_failed(self, exc: BaseException) -> None:
        message = describe(exc)
        self._window.show_welcome(f"{message.title}: {message.text}", message.details)
        self.refresh()
