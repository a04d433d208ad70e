"""What the Tenants home does: after a signed-in tenant opens, find the tenants it reaches (a
partner's customers); with more than one, show the home and read the overview in parallel on a
worker; open a tenant from it; export the rows; run the billing audit (Tools › Billing
audit…). View › Show my customers… asks for the permission to list them (the one consent
flow, ``ScopeConsent``) when the account has not granted it. Every blocking step runs on a
worker; the engine is ``desktop/tenants``."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QDir, QObject, QStandardPaths, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QStatusBar, QToolBar

from desktop.auth.errors import ConsentRequiredError
from desktop.auth.write_access import ensure_access
from desktop.graph.client import GraphClient
from desktop.open_tenant import OpenTenant, open_tenant
from desktop.tenants.audit import run_audit, write_audit_csvs, write_audit_xlsx
from desktop.tenants.connection import Reach, partner_scopes, reach_tenants
from desktop.tenants.overview import TenantRow, build_overview
from desktop.tenants.records import KnownTenant
from desktop.tenants.registry import save_registry
from desktop.tenants.report import write_overview_csv
from ui.dialogs.ask import inform
from ui.dialogs.error_dialog import show_error
from ui.dialogs.file_choice import file_to_save
from ui.flows.csv_commands import spreadsheet_style
from ui.flows.scope_consent import ConsentEndings, ConsentQuestion, ScopeConsent
from ui.session import TenantSession
from ui.tenants.home import TenantsHome
from ui.workers import JobContext, WorkerPool

MESSAGE_MS = 15_000


class TenantsCoordinator(QObject):
    def __init__(
        self,
        window: QMainWindow,
        stack: QStackedWidget,
        status: QStatusBar,
        data_dir: Path,
        open_connection: Callable[[OpenTenant], None],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._stack = stack
        self._status = status
        self._data_dir = data_dir
        self._open_connection = open_connection
        self._workers = WorkerPool(self)
        window.destroyed.connect(lambda _w=None: self._workers.shutdown())
        self.home = TenantsHome()
        stack.addWidget(self.home)
        self.reach: Reach | None = None
        self._opening: str | None = None  # the tenant id being opened from the home
        self.rows: list[TenantRow] = []
        self.show_action = QAction(self.tr("All tenants"), self)
        self.show_action.setObjectName("showTenants")
        self.show_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.show_action.setVisible(False)
        self.show_action.triggered.connect(self.show_home)
        # An account that has not granted the customers' list gets no home by itself:
        # this asks for it (shown while a signed-in tenant is open and no customers are).
        self.customers_action = QAction(self.tr("Show my customers…"), self)
        self.customers_action.setObjectName("showCustomers")
        self.customers_action.setStatusTip(
            self.tr("List the customers' tenants your organisation manages as their partner")
        )
        self.customers_action.setVisible(False)
        self.customers_action.triggered.connect(self.ask_for_customers)
        self._home_session: TenantSession | None = None
        self.consent: ScopeConsent | None = None
        self.audit_action = QAction(self.tr("Billing audit…"), self)
        self.audit_action.setObjectName("billingAudit")
        self.audit_action.setEnabled(False)
        self.audit_action.triggered.connect(self.run_billing_audit)
        self.home.open_requested.connect(self.open_tenant)
        self.home.refresh_requested.connect(self.refresh)
        self.home.export_requested.connect(self.export)
        self.home.audit_requested.connect(self.run_billing_audit)

    # -- when a tenant opens --------------------------------------------------------------

    def session_opened(self, session: TenantSession) -> None:
        """A tenant opened from the home keeps the home; a new connection finds its tenants
        (the built-in demo tenant is one tenant: nothing to find)."""
        self.audit_action.setEnabled(True)
        if self._opening is not None:
            self._opening = None
            return
        self.reach = None
        self.show_action.setVisible(False)
        self.customers_action.setVisible(False)
        if session.connection.is_demo:
            self._home_session = None
            return
        self._home_session = session
        self.customers_action.setVisible(True)
        self._discover(session.controller.client, asked=False)

    def _discover(self, client: GraphClient, *, asked: bool) -> None:
        def discover(_ctx: JobContext) -> Reach:
            # Silently, when the account granted it (`login --access partner`, or Show my
            # customers…); without it the customers cannot be listed and the home stays away.
            with contextlib.suppress(ConsentRequiredError):
                ensure_access(client.tokens, partner_scopes())
            return reach_tenants(client)

        def found(reach: object) -> None:
            self._discovered(reach)
            assert isinstance(reach, Reach)
            if asked and len(reach.registry.tenants) <= 1:
                self._no_customers(reach)

        failed = (lambda exc: show_error(self._window, exc)) if asked else None
        self._workers.start("find tenants", discover, on_result=found, on_error=failed)

    def _discovered(self, reach: object) -> None:
        assert isinstance(reach, Reach)
        self.reach = reach
        # Only a memory for the command line's --tenant: a failure to write it is no error.
        with contextlib.suppress(OSError):
            save_registry(reach.registry, self._data_dir)
        if len(reach.registry.tenants) > 1:
            self.customers_action.setVisible(False)
            self.show_action.setVisible(True)
            self.show_home()
            self.refresh()

    # -- asking for the customers' list ------------------------------------------------------

    def ask_for_customers(self) -> None:
        """Ask for the partner's permissions (the customers' list and the overview's reads),
        then look for the customers again; the home shows when there are some."""
        session = self._home_session
        if session is None:
            return
        self.consent = ScopeConsent(session, self._window)
        client = session.controller.client
        self.consent.ensure(
            "customers access",
            partner_scopes,
            self._customers_question,
            ConsentEndings(
                granted=lambda: self._discover(client, asked=True),
                declined=lambda: None,
                failed=lambda exc: show_error(self._window, exc),
            ),
        )

    def _customers_question(self, _scopes: tuple[str, ...]) -> ConsentQuestion:
        return ConsentQuestion(
            self.tr(
                "To show your customers' tenants on one page, License Desk needs permission to "
                "list your delegated admin relationships and to read sign-in activity, usage "
                "reports and subscriptions in each tenant. Sign in again in your browser to "
                "grant it?"
            ),
            self.tr(
                "Customers are listed when your organisation manages them as their partner "
                "(granular delegated admin privileges). An administrator may have to approve "
                "the permission."
            ),
        )

    def _no_customers(self, reach: Reach) -> None:
        home = reach.registry.home
        text = self.tr("No customers' tenants were found for {tenant}.").format(
            tenant=home.label if home else ""
        )
        informative = self.tr(
            "Customers are listed when your organisation manages them as their partner "
            "(granular delegated admin privileges) and your account may read those "
            "relationships."
        )
        if reach.registry.note:
            informative += "\n\n" + reach.registry.note  # the engine's reason, as it said it
        inform(self._window, self.tr("No customers"), text, informative=informative)

    # -- the home -------------------------------------------------------------------------

    def show_home(self) -> None:
        """The home replaces the open tenant's page; its toolbar goes too, so no change can
        start for a tenant that is not on screen."""
        self._stack.setCurrentWidget(self.home)
        for toolbar in self._window.findChildren(QToolBar):
            toolbar.hide()
        self._window.setWindowTitle(self.tr("All tenants — License Desk"))
        self.home.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def refresh(self) -> None:
        reach = self.reach
        if reach is None:
            return
        tenants = list(reach.registry.tenants)
        self.home.set_busy(True, len(tenants))
        root = self._data_dir

        def read(ctx: JobContext) -> list[TenantRow]:
            return build_overview(tenants, reach.client_for, root=root, cancel=ctx.cancel)

        self._workers.start("read tenants", read, on_result=self._rows_read, on_error=self._failed)

    def _rows_read(self, rows: object) -> None:
        assert isinstance(rows, list)
        self.rows = rows
        self.home.set_rows(rows)
        self.home.set_busy(False)

    def _failed(self, exc: BaseException) -> None:
        self.home.set_busy(False)
        show_error(self._window, exc)

    def open_tenant(self, tenant: object) -> None:
        assert isinstance(tenant, KnownTenant)
        reach = self.reach
        if reach is None:
            return
        self._opening = tenant.tenant_id
        data_dir = self._data_dir
        self._status.showMessage(self.tr("Opening {tenant}…").format(tenant=tenant.label))

        def connect(_ctx: JobContext) -> OpenTenant:
            return open_tenant(
                reach.client_for(tenant), data_dir, tenant.label, tenant_id=tenant.tenant_id
            )

        def failed(exc: BaseException) -> None:
            self._opening = None
            self._status.clearMessage()
            show_error(self._window, exc)

        self._workers.start("open tenant", connect, on_result=self._opened, on_error=failed)

    def _opened(self, connection: object) -> None:
        assert isinstance(connection, OpenTenant)
        self._status.clearMessage()
        self._open_connection(connection)

    # -- files ----------------------------------------------------------------------------

    def _choose(self, title: str, name_filter: str, name: str) -> Path | None:
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return file_to_save(
            self._window,
            name="tenantsFileDialog",
            title=title,
            name_filter=name_filter,
            suggested=name,
            folder=documents if documents and QDir(documents).exists() else QDir.homePath(),
        )

    def export(self) -> None:
        path = self._choose(self.tr("Export tenants"), self.tr("CSV files (*.csv)"), "tenants.csv")
        if path is None:
            return
        rows, style = self.home.shown_rows(), spreadsheet_style()
        self._workers.start(
            "export tenants",
            lambda _ctx: write_overview_csv(rows, path, style),
            on_result=lambda written: self._wrote([written]),
            on_error=lambda exc: show_error(self._window, exc),
        )

    def run_billing_audit(self) -> None:
        """Every known tenant (or the open one alone): a workbook and, in a folder beside it
        named after it, a CSV per tenant."""
        path = self._choose(
            self.tr("Billing audit"), self.tr("Excel workbooks (*.xlsx)"), "audit.xlsx"
        )
        if path is None:
            return
        reach, root, style = self.reach, self._data_dir, spreadsheet_style()
        self._status.showMessage(self.tr("Preparing the billing audit…"))
        self.home.set_busy(True, len(reach.registry.tenants) if reach else 1)
        window = self._window
        session = getattr(window, "session", None)

        def audit(_ctx: JobContext) -> list[Path]:
            found = reach
            if found is None:
                if not isinstance(session, TenantSession):
                    return []
                found = reach_tenants(session.controller.client)
            audits = run_audit(list(found.registry.tenants), found.client_for, root=root)
            written = [write_audit_xlsx(audits, path)]
            return written + write_audit_csvs(audits, path.with_suffix(""), style)

        def done(paths: object) -> None:
            self.home.set_busy(False)
            assert isinstance(paths, list)
            self._wrote(paths)

        def failed(exc: BaseException) -> None:
            self.home.set_busy(False)
            self._status.clearMessage()
            show_error(self._window, exc)

        self._workers.start("billing audit", audit, on_result=done, on_error=failed)

    def _wrote(self, paths: list[Path]) -> None:
        if not paths:
            return
        text = self.tr("Wrote {path}").format(path=QDir.toNativeSeparators(str(paths[0])))
        if len(paths) > 1:
            text += " " + self.tr("and %Ln CSV files beside it", "", len(paths) - 1)
        self._status.showMessage(text, MESSAGE_MS)
