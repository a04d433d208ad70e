"""Getting from launch to an open tenant: the demo tenant, a remembered sign-in, a new sign-in,
or the welcome page. Also "Reset demo tenant". Every blocking step runs on a worker."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal

from desktop.open_tenant import OpenTenant, open_demo
from ui.auth.account_flow import AccountFlow
from ui.auth.options import load_options
from ui.auth.options_dialog import edit_sign_in_options
from ui.auth.sign_in_flow import SignInFlow
from ui.dialogs.ask import confirm
from ui.dialogs.error_dialog import show_error
from ui.errors import describe
from ui.flows.history_flow import HistoryCommands
from ui.main_window import MainWindow
from ui.session import TenantSession
from ui.sign_in import SignIn, SignInService
from ui.tenants.coordinator import TenantsCoordinator
from ui.workers import Job, JobContext, WorkerPool


class Startup(QObject):
    session_opened = Signal(object)  # the TenantSession

    def __init__(
        self,
        window: MainWindow,
        data_dir: Path,
        *,
        sign_in: SignIn | None = None,
        demo_opener: Callable[[Path], OpenTenant] = open_demo,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._data_dir = data_dir
        self._sign_in: SignIn = sign_in or SignInService(
            data_dir, options=load_options(window.settings)
        )
        self._open_demo = demo_opener
        self._workers = WorkerPool(self)
        self.sign_in_flow = SignInFlow(window.welcome, self._sign_in, self._workers, window)
        self.accounts = AccountFlow(window, self._sign_in, self._workers)
        welcome = window.welcome
        welcome.demo_requested.connect(self.open_demo)
        welcome.sign_in_requested.connect(self.sign_in)
        welcome.code_sign_in_requested.connect(self.sign_in_flow.with_code)
        welcome.cancel_requested.connect(self.cancel_sign_in)
        welcome.options_requested.connect(self.edit_options)
        welcome.back_requested.connect(lambda: self.start(demo=False))
        self.sign_in_flow.connected.connect(self._open)
        self.sign_in_flow.failed.connect(self._failed)
        self.accounts.connected.connect(self._open)
        window.reset_demo_requested.connect(self.reset_demo)
        self.tenants = TenantsCoordinator(window, window.stack, window.status, data_dir, self._open)
        window.view_menu.addActions([self.tenants.show_action, self.tenants.customers_action])
        window.tools_menu.insertAction(window.settings_action, self.tenants.audit_action)
        window.destroyed.connect(self._stop_workers)

    def _stop_workers(self, _window: object = None) -> None:
        self._workers.shutdown()

    def start(self, *, demo: bool) -> None:
        if demo:
            self.open_demo()
        else:
            self._window.welcome.set_waiting(True)
            self._window.welcome.show_message(self.tr("Looking for a saved sign-in…"))
            self._run(lambda _ctx: self._sign_in.remembered(), self._remembered)

    def open_demo(self) -> None:
        self._window.welcome.set_waiting(True)
        self._window.welcome.show_message(self.tr("Starting the demo tenant…"))
        data_dir = self._data_dir
        self._run(lambda _ctx: self._open_demo(data_dir), self._open)

    def sign_in(self) -> None:
        self.sign_in_flow.browser()

    def cancel_sign_in(self) -> None:
        self.sign_in_flow.cancel()  # the wait ends and reports the cancellation

    def edit_options(self) -> None:
        options = edit_sign_in_options(self._window, self._window.settings)
        if options is not None:
            self._sign_in.set_options(options)

    def _run(self, work: Callable[[JobContext], object], done: Callable[[object], None]) -> Job:
        return self._workers.start("startup", work, on_result=done, on_error=self._failed)

    def _remembered(self, connection: object) -> None:
        if connection is None:
            problem = self._sign_in.keyring_problem
            self._window.show_welcome(
                self.tr(
                    "This computer's keyring cannot keep your sign-in ({reason}). You can "
                    "still sign in for this session only; License Desk will ask first."
                ).format(reason=problem)
                if problem
                else ""
            )
            return
        self._open(connection)

    def _open(self, connection: object) -> None:
        assert isinstance(connection, OpenTenant)
        session = TenantSession(connection)
        self._window.welcome.show_back("")
        self._window.open_session(session)
        if not connection.is_demo:
            self.accounts.attach(session)
        self.tenants.session_opened(session)
        commands = self._window.commands
        if commands is not None:
            history: HistoryCommands = commands.history
            session.loaded.connect(
                history.offer_resume, type=Qt.ConnectionType.SingleShotConnection
            )
        self.session_opened.emit(session)

    def _failed(self, exc: BaseException) -> None:
        message = describe(exc)
        self._window.show_welcome(f"{message.title}: {message.text}", message.details)

    def reset_demo(self) -> None:
        session = self._window.session
        if session is None or session.connection.demo is None:
            return
        if not confirm(
            self._window,
            self.tr("Reset demo tenant"),
            self.tr("Put the demo tenant back as it was at the start?"),
            yes=self.tr("Reset"),
            informative=self.tr(
                "Every change made in the demo is lost. Real tenants are never affected."
            ),
        ):
            return
        demo = session.connection.demo
        self._workers.start(
            "reset demo",
            lambda _ctx: demo.reset(),
            on_result=lambda _none: session.load(),
            on_error=lambda exc: show_error(self._window, exc),
        )
