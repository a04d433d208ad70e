"""Before Insight reads a tenant: a token carrying insight's read scopes (sign-in activity,
usage reports, report settings, subscriptions), asked for only now (incremental consent:
browsing never asked for them). Which scopes is the engine's knowledge
(``desktop.insight.needed_scopes``). Declining still opens Insight: it reads what it may and
says what it could not."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from desktop.insight.needed_scopes import insight_scopes
from ui.dialogs.error_dialog import show_error
from ui.flows.scope_consent import ConsentEndings, ConsentQuestion, ScopeConsent
from ui.session import TenantSession


class InsightAccess(QObject):
    def __init__(self, session: TenantSession, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._parent = parent
        self.consent = ScopeConsent(session, parent)

    def then(self, go: Callable[[], None]) -> None:
        """Run ``go`` once the token carries insight's scopes, or the person declined them."""
        self.consent.ensure(
            "insight access",
            insight_scopes,
            self._question,
            ConsentEndings(
                granted=go, declined=go, failed=lambda exc: show_error(self._parent, exc)
            ),
        )

    def _question(self, _scopes: tuple[str, ...]) -> ConsentQuestion:
        return ConsentQuestion(
            self.tr(
                "To show who does not use their licenses, License Desk needs permission to read "
                "sign-in activity, usage reports and subscriptions in {tenant}. Sign in again in "
                "your browser to grant it?"
            ).format(tenant=self._session.tenant_name),
            self.tr(
                "Without it, Insight shows what it can read and says what is missing. "
                "An administrator may have to approve the permission."
            ),
        )
