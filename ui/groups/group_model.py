"""The licensed groups as a Qt table (name, packages with the apps they turn off, members,
members in error), and each group's members in error with the reason and what to do."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop.graph.groups import GroupWithMembers, LicensedGroup
from desktop.graph.records import LicenseAssignmentState, Sku, User
from desktop.licensing.error_fixes import group_errors
from ui.formatting import count
from ui.groups.error_words import reason, what_to_do
from ui.models.naming import LicenseNaming
from ui.plan_text import app_names

SORT_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # raw values: numbers sort as numbers
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the GroupRow / MemberError of the row
AnyIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class MemberError:
    user: User
    state: LicenseAssignmentState
    group: LicensedGroup


@dataclass(frozen=True)
class GroupRow:
    group: LicensedGroup
    member_ids: tuple[str, ...]
    nested_groups: tuple[str, ...]
    errors: tuple[MemberError, ...]

    @property
    def users_in_error(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.user.id for e in self.errors))


def group_rows(
    reads: Sequence[GroupWithMembers], user_of: Callable[[str], User | None]
) -> list[GroupRow]:
    """Join the groups read from Graph with the users the window holds (their
    ``licenseAssignmentStates`` say who is in error and why)."""
    rows = []
    for read in reads:
        errors = []
        for uid in read.user_ids:
            user = user_of(uid)
            if user is not None:
                errors += [
                    MemberError(user, s, read.group) for s in group_errors(user, read.group.id)
                ]
        rows.append(GroupRow(read.group, read.user_ids, read.nested_groups, tuple(errors)))
    return rows


class GroupColumn(enum.IntEnum):
    NAME = 0
    PACKAGES = 1
    MEMBERS = 2
    IN_ERROR = 3


class ErrorColumn(enum.IntEnum):
    NAME = 0
    UPN = 1
    PACKAGE = 2
    PROBLEM = 3
    TO_DO = 4


def packages_text(group: LicensedGroup, naming: LicenseNaming, skus: dict[str, Sku]) -> str:
    parts = []
    for lic in group.assigned_licenses:
        name = naming.sku(lic.sku_id)
        if lic.disabled_plans:
            apps = ", ".join(app_names(skus.get(lic.sku_id), lic.disabled_plans))
            name = QCoreApplication.translate("GroupTable", "{package} (apps off: {apps})").format(
                package=name, apps=apps
            )
        parts.append(name)
    return "; ".join(parts)


class _RowsModel(QAbstractTableModel):
    """One record per row, the columns of ``COLUMNS``, headers from ``_headers``."""

    COLUMNS: type[enum.IntEnum]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._naming = LicenseNaming()

    def _reset(self, rows: Sequence[Any], naming: LicenseNaming) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._naming = naming
        self.endResetModel()

    def _headers(self) -> dict[int, str]:
        raise NotImplementedError

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return self._headers().get(section)


class GroupTableModel(_RowsModel):
    COLUMNS = GroupColumn

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._skus: dict[str, Sku] = {}

    def set_rows(self, rows: list[GroupRow], naming: LicenseNaming, skus: Sequence[Sku]) -> None:
        self._skus = {s.sku_id: s for s in skus}
        self._reset(rows, naming)

    def rows(self) -> list[GroupRow]:
        return self._rows

    def _headers(self) -> dict[int, str]:
        return {
            GroupColumn.NAME: self.tr("Group"),
            GroupColumn.PACKAGES: self.tr("Packages"),
            GroupColumn.MEMBERS: self.tr("Members"),
            GroupColumn.IN_ERROR: self.tr("In error"),
        }

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = GroupColumn(index.column())
        if role == ROW_ROLE:
            return row
        if role == SORT_ROLE:
            if column == GroupColumn.MEMBERS:
                return len(row.member_ids)
            if column == GroupColumn.IN_ERROR:
                return len(row.users_in_error)
            return str(self.data(index)).casefold()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == GroupColumn.NAME:
                return row.group.display_name
            if column == GroupColumn.PACKAGES:
                return packages_text(row.group, self._naming, self._skus)
            if column == GroupColumn.MEMBERS:
                return count(len(row.member_ids))
            return count(len(row.users_in_error))
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= GroupColumn.MEMBERS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        return None

    def _tooltip(self, row: GroupRow, column: GroupColumn) -> str | None:
        if column == GroupColumn.MEMBERS and row.nested_groups:
            return self.tr(
                "Also has groups as members ({groups}): their members get nothing from this "
                "group, because licenses do not pass on to nested groups"
            ).format(groups=", ".join(row.nested_groups))
        if column == GroupColumn.PACKAGES:
            return packages_text(row.group, self._naming, self._skus).replace("; ", "\n")
        if column == GroupColumn.IN_ERROR and row.errors:
            return self.tr("Members who did not get a package from this group; select the group")
        return None


class MemberErrorModel(_RowsModel):
    """The members in error of one group."""

    COLUMNS = ErrorColumn

    def set_errors(self, errors: Sequence[MemberError], naming: LicenseNaming) -> None:
        self._reset(errors, naming)

    def errors(self) -> list[MemberError]:
        return self._rows

    def _headers(self) -> dict[int, str]:
        return {
            ErrorColumn.NAME: self.tr("Member"),
            ErrorColumn.UPN: self.tr("User name (UPN)"),
            ErrorColumn.PACKAGE: self.tr("Package"),
            ErrorColumn.PROBLEM: self.tr("Problem"),
            ErrorColumn.TO_DO: self.tr("What to do"),
        }

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        error = self._rows[index.row()]
        column = ErrorColumn(index.column())
        if role == ROW_ROLE:
            return error
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, SORT_ROLE):
            text = self._text(error, column)
            return text.casefold() if role == SORT_ROLE else text
        return None

    def _text(self, error: MemberError, column: ErrorColumn) -> str:
        package = self._naming.sku(error.state.sku_id)
        if column == ErrorColumn.NAME:
            return error.user.display_name
        if column == ErrorColumn.UPN:
            return error.user.user_principal_name
        if column == ErrorColumn.PACKAGE:
            return package
        if column == ErrorColumn.PROBLEM:
            return reason(error.state.error)
        return what_to_do(error.state.error, package)


def sorting_proxy(model: QAbstractTableModel, parent: QObject) -> QSortFilterProxyModel:
    """Sorts by the raw values and filters on any column, ignoring case."""
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.setFilterKeyColumn(-1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    return proxy
