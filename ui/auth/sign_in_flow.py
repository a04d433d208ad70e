"""Signing in from the welcome page: in the browser, or with a code typed at Microsoft's page.

Both wait on a worker, so the window stays responsive, and both can be cancelled. When the
keyring cannot keep the sign-in, the person is asked (explicitly) whether to keep it in memory
for this run only; saying yes repeats the same sign-in with a memory-only store."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.auth.device_code import DeviceCodeSignIn
from desktop.auth.errors import KeyringUnavailableError, SignInCancelledError
from ui.dialogs.ask import confirm
from ui.errors import describe
from ui.sign_in import DeviceCode, SignIn
from ui.widgets.welcome import WelcomePage
from ui.workers import Job, WorkerPool


class SignInFlow(QObject):
    connected = Signal(object)  # the OpenTenant
    failed = Signal(object)  # the exception (a cancellation too), for the welcome page

    def __init__(
        self, welcome: WelcomePage, sign_in: SignIn, workers: WorkerPool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._welcome = welcome
        self._sign_in = sign_in
        self._workers = workers
        self._parent = parent
        self._job: Job | None = None
        self._flow: DeviceCode | None = None
        self._retry: Callable[[], None] = self._browser
        self._offered = False

    @property
    def busy(self) -> bool:
        return self._job is not None

    # -- starting ------------------------------------------------------------------------------

    def browser(self) -> None:
        self._offered = False
        self._browser()

    def with_code(self) -> None:
        self._offered = False
        self._with_code()

    def _browser(self) -> None:
        self._begin(self._browser)
        self._welcome.show_message(
            self.tr("Finish signing in in your web browser. This window waits for it.")
        )
        sign_in = self._sign_in
        self._job = self._workers.start(
            "sign in (browser)",
            lambda ctx: sign_in.sign_in(ctx.cancel),
            on_result=self._done,
            on_error=self._failed,
        )

    def _with_code(self) -> None:
        self._begin(self._with_code)
        self._welcome.show_message(self.tr("Asking Microsoft for a sign-in code…"))
        sign_in = self._sign_in
        self._job = self._workers.start(
            "sign in (device code)",
            lambda _ctx: sign_in.start_device_code(),
            on_result=self._code_ready,
            on_error=self._failed,
        )

    def cancel(self) -> None:
        if self._job is not None:
            self._job.cancel()  # the wait ends and reports SignInCancelledError
        if self._flow is not None:
            self._flow.cancel()

    def _begin(self, method: Callable[[], None]) -> None:
        self._retry = method
        self._welcome.set_waiting(True, cancellable=True)

    # -- outcomes --------------------------------------------------------------------------------

    def _code_ready(self, flow: object) -> None:
        assert isinstance(flow, DeviceCodeSignIn)
        job = self._job
        if job is None or job.cancel_token.cancelled:  # Cancel while the code was requested
            flow.cancel()
            self._failed(SignInCancelledError())
            return
        self._flow = flow
        self._welcome.show_message("")
        self._welcome.device_code.show_code(flow.user_code, flow.verification_uri)
        sign_in = self._sign_in
        self._job = self._workers.start(
            "sign in (waiting for the code)",
            lambda ctx: sign_in.finish_device_code(flow, ctx.cancel),
            on_result=self._done,
            on_error=self._failed,
        )

    def _done(self, connection: object) -> None:
        self._reset()
        self.connected.emit(connection)

    def _failed(self, exc: BaseException) -> None:
        self._reset()
        if isinstance(exc, KeyringUnavailableError) and not self._offered:
            self._offered = True  # one question per sign-in; a second failure is reported
            if self._offer_memory_only(exc):
                self._sign_in.keep_in_memory()
                self._retry()
                return
        self.failed.emit(exc)

    def _reset(self) -> None:
        self._job = None
        self._flow = None
        self._welcome.device_code.clear()

    def _offer_memory_only(self, exc: KeyringUnavailableError) -> bool:
        message = describe(exc)
        return confirm(
            self._parent,
            message.title,
            message.text,
            yes=self.tr("Sign in for this session only"),
            informative=self.tr(
                "License Desk never writes your sign-in to a plain file. If you continue, you "
                "stay signed in until License Desk closes, and a warning shows meanwhile."
            ),
            warning=True,
        )
