"""Before Insight reads a tenant: a token carrying insight's read scopes (sign-in activity,
usage reports, report settings, subscriptions), asked for only now (incremental consent:
browsing never asked for them). Which scopes is the engine's knowledge
(``desktop.insight.needed_scopes``). Declining still opens Insight: it reads what it may and
says what it could not."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.auth.errors import ConsentRequiredError, SignInCancelledError
from desktop.insight.needed_scopes import insight_scopes
from desktop.open_tenant import WriteAccess
from ui.dialogs.ask import confirm
from ui.dialogs.error_dialog import show_error
from ui.dialogs.progress_dialog import ProgressDialog
from ui.session import TenantSession
from ui.workers import JobContext


class InsightAccess(QObject):
    def __init__(self, session: TenantSession, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.progress_dialog: ProgressDialog | None = None

    def then(self, go: Callable[[], None]) -> None:
        """Run ``go`` once the token carries insight's scopes, or the person declined them.
        The demo tenant (a fixed token) has nothing to ask for."""
        access = self._session.connection.write_access
        if access is None:
            go()
            return
        scopes = insight_scopes()

        def ensure(_context: JobContext) -> None:
            access.ensure(scopes)

        def missing(exc: BaseException) -> None:
            if isinstance(exc, ConsentRequiredError):
                self._ask(access, exc.scopes or scopes, go)
            else:
                show_error(self._parent, exc)

        self._session.workers.start(
            "insight access", ensure, on_result=lambda _none: go(), on_error=missing
        )

    def _ask(self, access: WriteAccess, scopes: tuple[str, ...], go: Callable[[], None]) -> None:
        if not confirm(
            self._parent,
            self.tr("Permission needed"),
            self._text(),
            yes=self.tr("Sign in"),
            informative=self.tr(
                "Without it, Insight shows what it can read and says what is missing. "
                "An administrator may have to approve the permission."
            ),
        ):
            go()
            return
        progress = ProgressDialog(self.tr("Waiting for the sign-in in your browser…"), self._parent)
        progress.counts.setText(self.tr("Finish signing in in your browser, or cancel."))
        self.progress_dialog = progress

        def granted(_none: None) -> None:
            self._close_progress()
            go()

        def failed(exc: BaseException) -> None:
            self._close_progress()
            if isinstance(exc, SignInCancelledError):
                go()
            else:
                show_error(self._parent, exc)

        job = self._session.workers.start(
            "grant insight access",
            lambda ctx: access.grant(scopes, ctx.cancel),
            on_result=granted,
            on_error=failed,
        )
        progress.cancel_requested.connect(job.cancel)
        progress.open()

    def _text(self) -> str:
        organization = self._session.organization
        tenant = (
            organization.display_name
            if organization is not None and organization.display_name
            else self._session.connection.account_label
        )
        return self.tr(
            "To show who does not use their licenses, License Desk needs permission to read "
            "sign-in activity, usage reports and subscriptions in {tenant}. Sign in again in "
            "your browser to grant it?"
        ).format(tenant=tenant)

    def _close_progress(self) -> None:
        if self.progress_dialog is not None:
            self.progress_dialog.finish()
            self.progress_dialog.deleteLater()
            self.progress_dialog = None
