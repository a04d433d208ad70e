"""The Tenants home: one row per tenant, sortable and filterable; Enter or a double click opens
the tenant. Buttons ask the coordinator (``coordinator.py``) to refresh, export, run the
billing audit; the page itself only shows."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.tenants.overview import TenantRow
from ui.accessibility import name_controls
from ui.tenants.rows_model import ROW_ROLE, TenantColumn, TenantFilter, TenantRowsModel

_WIDTHS = (200, 130, 200, 340, 110, 110, 80, 260, 130)


class TenantTable(QTableView):
    """Enter opens the current row (``activated`` differs between platforms)."""

    open_current = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.open_current.emit()
            return
        super().keyPressEvent(event)


class TenantsHome(QWidget):
    open_requested = Signal(object)  # the KnownTenant
    refresh_requested = Signal()
    export_requested = Signal()
    audit_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenantsHome")
        self.model = TenantRowsModel()
        self.proxy = TenantFilter()
        self.proxy.setSourceModel(self.model)
        self.heading = QLabel(self.tr("Tenants"))
        self.heading.setObjectName("tenantsHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setObjectName("tenantsSummary")
        self.filter = QLineEdit()
        self.filter.setObjectName("tenantsFilter")
        self.filter.setPlaceholderText(self.tr("Filter by name or tenant id"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self._filter_changed)
        self.needs_action = QCheckBox(self.tr("Only tenants that need action"))
        self.needs_action.setObjectName("tenantsNeedsAction")
        self.needs_action.toggled.connect(self._needs_action_changed)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("tenantsRefresh")
        self.refresh_button.clicked.connect(self.refresh_requested)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("tenantsExport")
        self.export_button.clicked.connect(self.export_requested)
        self.audit_button = QPushButton(self.tr("Billing audit…"))
        self.audit_button.setObjectName("tenantsAudit")
        self.audit_button.clicked.connect(self.audit_requested)
        self.open_button = QPushButton(self.tr("Open tenant"))
        self.open_button.setObjectName("tenantsOpen")
        self.open_button.clicked.connect(self.open_selected)

        self.table = TenantTable()
        self.table.setObjectName("tenantsTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(TenantColumn.TENANT, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate(_WIDTHS):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(self._open_index)
        self.table.open_current.connect(self.open_selected)

        tools = QHBoxLayout()
        tools.addWidget(self.filter, 1)
        tools.addWidget(self.needs_action)
        tools.addStretch(0)
        tools.addWidget(self.refresh_button)
        tools.addWidget(self.export_button)
        tools.addWidget(self.audit_button)
        tools.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addLayout(tools)
        layout.addWidget(self.table, 1)
        self._describe()
        self.set_busy(False)

    def _describe(self) -> None:
        """What each control does, for its tooltip and for screen readers."""
        self.filter.setToolTip(self.tr("Shows only the tenants whose name or id contains this"))
        self.needs_action.setToolTip(
            self.tr(
                "Shows only the tenants out of seats, with assignment errors, a subscription "
                "in grace, much waste, or that could not be read"
            )
        )
        self.refresh_button.setToolTip(self.tr("Reads every tenant again"))
        self.export_button.setToolTip(self.tr("Saves the rows shown to a CSV file"))
        self.audit_button.setToolTip(
            self.tr("Writes the monthly billing audit: a workbook and a CSV file per tenant")
        )
        self.open_button.setToolTip(
            self.tr("Opens the selected tenant (Enter or a double click opens it too)")
        )
        self.table.setAccessibleName(self.tr("Tenants"))
        self.table.setAccessibleDescription(
            self.tr(
                "One row per tenant: seats, waste, assignment errors, renewals and what needs "
                "action; Enter opens the tenant"
            )
        )
        name_controls(self)

    # -- what it shows ------------------------------------------------------------------------

    def set_rows(self, rows: list[TenantRow]) -> None:
        self.model.set_rows(rows)
        self._update_summary()
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def set_busy(self, busy: bool, tenants: int = 0) -> None:
        self.refresh_button.setEnabled(not busy)
        self.audit_button.setEnabled(not busy)
        if busy:
            self.summary.setText(self.tr("Reading %Ln tenants…", "", tenants))
        else:
            self._update_summary()

    def shown_rows(self) -> list[TenantRow]:
        """The rows as shown: filtered and in their sort order (what Export writes)."""
        found: list[TenantRow] = []
        for row in range(self.proxy.rowCount()):
            value = self.proxy.index(row, 0).data(ROW_ROLE)
            if isinstance(value, TenantRow):
                found.append(value)
        return found

    def _update_summary(self) -> None:
        rows = self.model.rows()
        needing = sum(1 for r in rows if r.attention)
        self.summary.setText(
            self.tr("%Ln tenants", "", len(rows)) + " · " + self.tr("%Ln need action", "", needing)
        )

    # -- what it asks -------------------------------------------------------------------------

    def open_selected(self) -> None:
        self._open_index(self.table.currentIndex())

    def _open_index(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = index.siblingAtColumn(0).data(ROW_ROLE)
        if isinstance(row, TenantRow):
            self.open_requested.emit(row.tenant)

    def _filter_changed(self, text: str) -> None:
        self.proxy.set_text(text)

    def _needs_action_changed(self, only: bool) -> None:
        self.proxy.set_needs_action(only)
