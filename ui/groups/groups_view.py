"""The Groups view beside Users: the licensed groups (search, sortable columns) and, for the
group selected, its members in error with the reason and what to do. Actions live in
``GroupActions``; this view says which group and which error are current."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.graph.records import LicenseAssignmentState
from ui.errors import describe
from ui.groups.group_model import (
    ROW_ROLE,
    ErrorColumn,
    GroupColumn,
    GroupRow,
    MemberError,
    MemberErrorModel,
    sorting_proxy,
)
from ui.groups.groups_loader import GroupsLoader
from ui.icons import icon
from ui.session import TenantSession
from ui.widgets.list_table import list_table


class _MenuTable(QTableView):
    """A list whose context menu (mouse or the Menu key) the window opens."""

    menu_requested = Signal(QPoint)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        if event.reason() == QContextMenuEvent.Reason.Mouse:
            index = self.indexAt(event.pos())  # viewport coordinates, as the view sends it
            if index.isValid():
                self.setCurrentIndex(index)
            at = event.globalPos()
        else:  # the Menu key: under the current row
            at = self.viewport().mapToGlobal(self.visualRect(self.currentIndex()).center())
        if self.currentIndex().isValid():
            self.menu_requested.emit(at)


class GroupsView(QWidget):
    current_changed = Signal()  # the group or the member in error selected changed
    menu_requested = Signal(QPoint)

    def __init__(self, session: TenantSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupsView")
        self._session = session
        self.loader = GroupsLoader(session, self)
        self.groups = sorting_proxy(self.loader.model, self)
        self.errors_model = MemberErrorModel(self)
        self.errors = sorting_proxy(self.errors_model, self)

        self.search = QLineEdit()
        self.search.setObjectName("groupSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Search groups by name or package"))
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.textChanged.connect(self.groups.setFilterFixedString)
        self.status = QLabel()
        self.status.setObjectName("groupsStatus")
        self.status.setWordWrap(True)

        self.table = _MenuTable()
        list_table(self.groups, (300, 420, 90), name="groupTable", table=self.table)
        self.table.setSortingEnabled(True)
        self.table.menu_requested.connect(self.menu_requested)
        self.error_title = QLabel()
        self.error_title.setObjectName("groupErrorsTitle")
        self.error_table = _MenuTable()
        list_table(
            self.errors, (200, 240, 200, 220), name="groupErrorTable", table=self.error_table
        )
        self.error_table.setSortingEnabled(True)
        self.error_table.menu_requested.connect(self.menu_requested)
        self.error_title.setBuddy(self.error_table)
        below = QWidget()
        below_layout = QVBoxLayout(below)
        below_layout.setContentsMargins(0, 6, 0, 0)
        below_layout.addWidget(self.error_title)
        below_layout.addWidget(self.error_table, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        splitter.addWidget(below)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

        self.table.selectionModel().currentRowChanged.connect(self._group_chosen)
        self.error_table.selectionModel().currentRowChanged.connect(
            lambda *_: self.current_changed.emit()
        )
        self.loader.loading_changed.connect(self._say_status)
        self.loader.loaded.connect(self._reselect)
        self.loader.failed.connect(self._load_failed)
        self.loader.model.modelReset.connect(self._reselect)
        self._chosen_group: str | None = None
        self._say_status()
        self._show_errors(None)

    # -- what is current --------------------------------------------------------------------

    def current_group(self) -> GroupRow | None:
        index = self.table.currentIndex()
        row = index.data(ROW_ROLE) if index.isValid() else None
        return row if isinstance(row, GroupRow) else None

    def current_error(self) -> MemberError | None:
        index = self.error_table.currentIndex()
        error = index.data(ROW_ROLE) if index.isValid() else None
        return error if isinstance(error, MemberError) else None

    def select_group(self, group_id: str) -> bool:
        for row in range(self.groups.rowCount()):
            index = self.groups.index(row, GroupColumn.NAME)
            found = index.data(ROW_ROLE)
            if isinstance(found, GroupRow) and found.group.id == group_id:
                self.table.selectionModel().setCurrentIndex(
                    index,
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
                return True
        return False

    def select_error(self, user_id: str, state: LicenseAssignmentState) -> bool:
        """Choose ``state``'s group and, in its members in error, the user's row for it."""
        if state.assigned_by_group is None or not self.select_group(state.assigned_by_group):
            return False
        for row in range(self.errors.rowCount()):
            index = self.errors.index(row, ErrorColumn.NAME)
            error = index.data(ROW_ROLE)
            if (
                isinstance(error, MemberError)
                and error.user.id == user_id
                and error.state.sku_id == state.sku_id
            ):
                self.error_table.setCurrentIndex(index)
                return True
        return False

    def focus_groups(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not self.table.currentIndex().isValid() and self.groups.rowCount():
            self.table.setCurrentIndex(self.groups.index(0, GroupColumn.NAME))

    # -- internals --------------------------------------------------------------------------

    def _group_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        group = row if isinstance(row, GroupRow) else None
        self._chosen_group = group.group.id if group is not None else None
        self._show_errors(group)
        self.current_changed.emit()

    def _show_errors(self, group: GroupRow | None) -> None:
        self.errors_model.set_errors(group.errors if group else (), self._session.naming)
        if group is None:
            self.error_title.setText(self.tr("Members in error: select a group"))
        elif not group.errors:
            self.error_title.setText(
                self.tr("Every member of {group} got its licenses").format(
                    group=group.group.display_name
                )
            )
        else:
            self.error_title.setText(
                self.tr("Members of {group} in error: %Ln", "", len(group.users_in_error)).format(
                    group=group.group.display_name
                )
            )
        if self.errors.rowCount():
            self.error_table.setCurrentIndex(self.errors.index(0, ErrorColumn.NAME))

    def _reselect(self) -> None:
        """Keep the group chosen across a reload (its rows are new objects)."""
        chosen = self._chosen_group
        if chosen is None or not self.select_group(chosen):
            self._show_errors(self.current_group())
        else:
            self._show_errors(self.current_group())
        self._say_status()
        self.current_changed.emit()

    def _say_status(self, *_args: object) -> None:
        if self.loader.loading and not self.loader.has_loaded:
            self.status.setText(self.tr("Loading licensed groups…"))
            return
        rows = self.loader.model.rows()
        in_error = sum(1 for r in rows if r.errors)
        self.status.setText(
            self.tr("%Ln licensed groups", "", len(rows))
            + (" · " + self.tr("%Ln with members in error", "", in_error) if in_error else "")
        )

    def _load_failed(self, exc: BaseException) -> None:
        self.status.setText(
            self.tr("The groups could not be read: {reason}").format(reason=describe(exc).text)
        )
