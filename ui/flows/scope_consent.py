"""More permissions mid-session (incremental consent), for whichever feature needs them.

The engine names the scopes a feature needs. This checks the token on a worker and, when
consent is missing, asks the person, signs in again in the browser behind a cancellable
progress dialog, and ends in exactly one of: granted, declined (or cancelled in the browser),
failed. Changes (``ChangeRunner``) and Insight's reads (``InsightAccess``) differ only in
their words and in what each ending does. The demo tenant (a fixed token) asks for nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.auth.errors import ConsentRequiredError, SignInCancelledError
from desktop.open_tenant import WriteAccess
from ui.dialogs.ask import confirm
from ui.dialogs.progress_dialog import ProgressDialog
from ui.session import TenantSession
from ui.workers import JobContext

Scopes = tuple[str, ...]


@dataclass(frozen=True)
class ConsentQuestion:
    """The feature's own words for the question: what it needs, and what declining means."""

    text: str
    informative: str


@dataclass(frozen=True)
class ConsentEndings:
    granted: Callable[[], None]
    declined: Callable[[], None]
    failed: Callable[[BaseException], None]


class ScopeConsent(QObject):
    asking = Signal()  # just before the question is shown

    def __init__(self, session: TenantSession, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.progress_dialog: ProgressDialog | None = None

    def ensure(
        self,
        job_name: str,
        scopes_of: Callable[[], Scopes],
        question: Callable[[Scopes], ConsentQuestion],
        endings: ConsentEndings,
    ) -> None:
        access = self._session.connection.write_access
        if access is None:
            endings.granted()
            return

        def check(_context: JobContext) -> None:
            access.ensure(scopes_of())

        def missing(exc: BaseException) -> None:
            if isinstance(exc, ConsentRequiredError):
                self._ask(job_name, access, exc.scopes or scopes_of(), question, endings)
            else:
                endings.failed(exc)

        self._session.workers.start(
            job_name, check, on_result=lambda _none: endings.granted(), on_error=missing
        )

    def _ask(
        self,
        job_name: str,
        access: WriteAccess,
        scopes: Scopes,
        question: Callable[[Scopes], ConsentQuestion],
        endings: ConsentEndings,
    ) -> None:
        self.asking.emit()
        words = question(scopes)
        if not confirm(
            self._parent,
            self.tr("Permission needed"),
            words.text,
            yes=self.tr("Sign in"),
            informative=words.informative,
        ):
            endings.declined()
            return
        progress = ProgressDialog(self.tr("Waiting for the sign-in in your browser…"), self._parent)
        progress.counts.setText(self.tr("Finish signing in in your browser, or cancel."))
        self.progress_dialog = progress

        def granted(_none: None) -> None:
            self._close_progress()
            endings.granted()

        def failed(exc: BaseException) -> None:
            self._close_progress()
            if isinstance(exc, SignInCancelledError):
                endings.declined()
            else:
                endings.failed(exc)

        job = self._session.workers.start(
            f"{job_name}: sign in again",
            lambda ctx: access.grant(scopes, ctx.cancel),
            on_result=granted,
            on_error=failed,
        )
        progress.cancel_requested.connect(job.cancel)
        progress.open()

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.finish()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
