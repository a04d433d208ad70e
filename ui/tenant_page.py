"""The open tenant: header, package cards, then two pages: Users (search, quick filters and the
user table) and Licensed groups (``ui/groups/``), all bound to one TenantSession's models."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ui.groups.groups_view import GroupsView
from ui.models.columns import Column
from ui.models.quick_filter import QuickFilter, QuickFilterKind
from ui.session import TenantSession
from ui.widgets.filter_bar import FilterBar
from ui.widgets.license_cards import LicenseSummary
from ui.widgets.tenant_header import TenantHeader
from ui.widgets.user_table_view import UserTableView


class TenantPage(QWidget):
    def __init__(self, session: TenantSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tenantView")
        self.session = session
        self.header = TenantHeader()
        self.summary = LicenseSummary(session.skus)
        self.filters = FilterBar()
        self.table = UserTableView()
        self.table.set_proxy(session.proxy)
        self.groups = GroupsView(session)

        users_page = QWidget()
        users_page.setObjectName("usersPage")
        users_layout = QVBoxLayout(users_page)
        users_layout.setContentsMargins(0, 8, 0, 0)
        users_layout.addWidget(self.filters)
        users_layout.addWidget(self.table, 1)
        self.pages = QTabWidget()
        self.pages.setObjectName("tenantPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(users_page, self.tr("Users"))
        self.pages.addTab(self.groups, self.tr("Licensed groups"))
        self.users_page = users_page
        # The groups and their members are read when their page is first shown, not at start.
        self.pages.currentChanged.connect(self._page_shown)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 4)
        layout.setSpacing(10)
        layout.addWidget(self.header)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)

        self.filters.search_changed.connect(session.proxy.set_search)
        self.filters.leave_down.connect(self._enter_list)
        self.filters.quick_filter_changed.connect(self._quick_filter_chosen)
        self.summary.package_clicked.connect(self._package_clicked)
        session.skus.modelReset.connect(self._packages_changed)
        session.organization_changed.connect(self._show_header)
        self._show_header()

    def _page_shown(self, index: int) -> None:
        if self.pages.widget(index) is self.groups:
            self.groups.loader.want()

    def _show_header(self) -> None:
        connection = self.session.connection
        organization = self.session.organization
        self.header.show_tenant(
            organization.display_name if organization else "",
            "" if connection.is_demo else connection.account_label,
            connection.is_demo,
        )

    def _packages_changed(self) -> None:
        naming = self.session.skus.naming
        self.filters.set_packages(
            [(sku.sku_id, naming.sku(sku.sku_id)) for sku in self.session.skus.skus()]
        )

    def _quick_filter_chosen(self, quick: QuickFilter) -> None:
        self.session.proxy.set_quick_filter(quick)
        self.summary.set_active(quick.sku_id if quick.kind is QuickFilterKind.PACKAGE else None)

    def _package_clicked(self, sku_id: str) -> None:
        current = self.filters.current_filter()
        wanted = QuickFilter() if current.sku_id == sku_id else QuickFilter.package(sku_id)
        self.filters.set_quick_filter(wanted)

    def _enter_list(self) -> None:
        """Focus the table on its first row shown (or keep the row already current)."""
        if self.session.proxy.rowCount() == 0:
            return
        self.table.setFocus(Qt.FocusReason.TabFocusReason)
        if not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.session.proxy.index(0, Column.NAME))

    def focus_search(self) -> None:
        self.show_users()
        self.filters.focus_search()

    def show_users(self) -> None:
        self.pages.setCurrentWidget(self.users_page)

    def show_groups(self) -> None:
        self.pages.setCurrentWidget(self.groups)
        self.groups.focus_groups()

    @property
    def showing_groups(self) -> bool:
        return self.pages.currentWidget() is self.groups

    def save_columns(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_columns(self, state: QByteArray) -> None:
        header = self.table.horizontalHeader()
        if state and not state.isEmpty():
            header.restoreState(state)
            # A saved sort must not apply before the rows arrive; start in arrival order.
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
