"""UserTableModel: every loaded user, one row each, with the ticks that form the selection.

Built for 100,000 rows: pages are appended as they arrive (one ``beginInsertRows`` per page),
the search text is a precomputed case-folded haystack per row, and the expensive strings
(license and problem text, sort keys) are computed on first use and cached.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QModelRoleData,
    QModelRoleDataSpan,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QIcon

from desktop.graph.records import User
from ui.icons import icon
from ui.models.columns import CHECKED_ROLE, SORT_ROLE, USER_ROLE, Column
from ui.models.naming import (
    LicenseNaming,
    license_labels,
    problem_labels,
    search_haystack,
    status_text,
)
from ui.models.selection_stats import SelectionStats

AnyIndex = QModelIndex | QPersistentModelIndex
_CHECK_ROLES = [int(Qt.ItemDataRole.CheckStateRole), CHECKED_ROLE]


class UserTableModel(QAbstractTableModel):
    checked_changed = Signal()  # the set of ticked users changed; read ``stats`` for totals

    def __init__(self, naming: LicenseNaming | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._naming = naming or LicenseNaming()
        self._users: list[User] = []
        self._haystacks: list[str] = []
        self._row_by_id: dict[str, int] = {}
        self._checked: set[str] = set()
        self._stats = SelectionStats()
        self._license_labels: dict[int, list[str]] = {}
        self._problem_labels: dict[int, list[str]] = {}
        self._sort_keys: dict[Column, list[Any]] = {}
        self._icons = {
            name: icon(name) for name in ("status-active", "status-blocked", "warning", "synced")
        }
        self._icons["more"] = icon("more", quiet=True)
        self._headers = {
            Column.CHECK: "",
            Column.NAME: self.tr("Name"),
            Column.UPN: self.tr("User name (UPN)"),
            Column.STATUS: self.tr("Status"),
            Column.LICENSES: self.tr("Licenses"),
            Column.LOCATION: self.tr("Location"),
            Column.DEPARTMENT: self.tr("Department"),
            Column.PROBLEMS: self.tr("Problems"),
            Column.ACTIONS: "",
        }

    # -- Qt model interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._users)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        column = Column(section)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == Column.CHECK:
                return self.tr("Tick users to act on them (Ctrl+A ticks every user shown)")
            if column == Column.ACTIONS:
                return self.tr("Actions for the user")
            if column == Column.LOCATION:
                return self.tr("Usage location: the country where the user's licenses are used")
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == Column.CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        return self.data_at(index.row(), index.column(), role)

    def data_at(self, row: int, column: int, role: int) -> Any:
        """``data`` without a QModelIndex: the proxy calls this directly on its hot path."""
        user = self._users[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, user, column)
        if role == CHECKED_ROLE:
            return user.id in self._checked
        if role == Qt.ItemDataRole.CheckStateRole and column == Column.CHECK:
            checked = user.id in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == SORT_ROLE:
            return self._sort_key(Column(column), row, user)
        if role == USER_ROLE:
            return user
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, user, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._decoration(user, column)
        synced_name = column == Column.NAME and user.on_premises_sync_enabled
        if role == Qt.ItemDataRole.AccessibleDescriptionRole and synced_name:
            return self._synced_note()  # the synced mark is an icon: a screen reader hears this
        return None

    def multiData(self, index: AnyIndex, span: QModelRoleDataSpan | QModelRoleData) -> None:
        if index.isValid():
            self.multi_data_at(index.row(), index.column(), span)

    def multi_data_at(
        self, row: int, column: int, span: QModelRoleDataSpan | QModelRoleData
    ) -> None:
        """Every role a cell paints with, in one call: the view asks for seven per cell, and
        one Python call instead of seven keeps painting quick while a load runs."""
        if isinstance(span, QModelRoleData):
            slots = [span]
        else:  # the stubs do not declare the span's sequence protocol, which it has
            slots = [span[i] for i in range(span.size())]  # type: ignore[index]
        for slot in slots:
            value = self.data_at(row, column, slot.role())
            if value is None:
                slot.clearData()
            else:
                slot.setData(value)

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        if index.column() != Column.CHECK:
            return False
        state = Qt.CheckState(value) if isinstance(value, int) else value
        self.set_checked([index.row()], state == Qt.CheckState.Checked)
        return True

    # -- loading --------------------------------------------------------------------------

    def append_users(self, users: Sequence[User], haystacks: Sequence[str] | None = None) -> None:
        """Add a page of users at the end (the table grows while the tenant loads).
        ``haystacks`` may come precomputed from a worker thread."""
        if not users:
            return
        first = len(self._users)
        if haystacks is None:
            haystacks = [search_haystack(u) for u in users]
        self.beginInsertRows(QModelIndex(), first, first + len(users) - 1)
        self._users.extend(users)
        self._haystacks.extend(haystacks)
        for offset, user in enumerate(users):
            self._row_by_id[user.id] = first + offset
        self.endInsertRows()

    def set_users(self, users: Sequence[User], haystacks: Sequence[str] | None = None) -> None:
        """Replace every row (a full reload). Ticks of users still present are kept."""
        self.beginResetModel()
        self._users = list(users)
        self._haystacks = (
            list(haystacks) if haystacks is not None else [search_haystack(u) for u in users]
        )
        self._row_by_id = {u.id: row for row, u in enumerate(self._users)}
        self._checked &= self._row_by_id.keys()
        self._recount_stats()
        self._clear_caches()
        self.endResetModel()
        self.checked_changed.emit()

    def set_pending_rows(self, rows: Sequence[User]) -> None:
        """Replace the rows of people without an account (``not_activated``) by ``rows``;
        the tenant's users stay as they are."""
        kept = [(u, h) for u, h in zip(self._users, self._haystacks, strict=True)
                if not u.not_activated]  # fmt: skip
        if not rows and len(kept) == len(self._users):
            return
        users = [u for u, _h in kept] + list(rows)
        haystacks = [h for _u, h in kept] + [search_haystack(u) for u in rows]
        self.set_users(users, haystacks)

    def replace_users(self, users: Iterable[User]) -> None:
        """Update users in place (after a change); users not in the table yet are appended."""
        changed: list[int] = []
        new: list[User] = []
        for user in users:
            row = self._row_by_id.get(user.id)
            if row is None:
                new.append(user)
                continue
            old = self._users[row]
            if user.id in self._checked:
                self._stats.remove(old)
                self._stats.add(user)
            self._users[row] = user
            self._haystacks[row] = search_haystack(user)
            self._license_labels.pop(row, None)
            self._problem_labels.pop(row, None)
            for column, keys in self._sort_keys.items():
                if row < len(keys):
                    keys[row] = self._sort_key(column, row, user)
            changed.append(row)
        if changed:
            last = len(Column) - 1
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), last))
            if any(self._users[row].id in self._checked for row in changed):
                self.checked_changed.emit()
        self.append_users(new)

    def set_naming(self, naming: LicenseNaming) -> None:
        """New package or group names: the license and problem columns change text."""
        self._naming = naming
        self._clear_caches()
        if self._users:
            top = self.index(0, Column.LICENSES)
            bottom = self.index(len(self._users) - 1, Column.PROBLEMS)
            self.dataChanged.emit(top, bottom)

    @property
    def naming(self) -> LicenseNaming:
        return self._naming

    # -- reading --------------------------------------------------------------------------

    def user_at(self, row: int) -> User:
        return self._users[row]

    def row_of(self, user_id: str) -> int | None:
        return self._row_by_id.get(user_id)

    def users(self) -> Sequence[User]:
        return self._users

    def haystacks(self) -> Sequence[str]:
        return self._haystacks

    def license_labels(self, row: int) -> list[str]:
        labels = self._license_labels.get(row)
        if labels is None:
            labels = license_labels(self._users[row], self._naming)
            self._license_labels[row] = labels
        return labels

    def problem_labels(self, row: int) -> list[str]:
        labels = self._problem_labels.get(row)
        if labels is None:
            labels = problem_labels(self._users[row], self._naming)
            self._problem_labels[row] = labels
        return labels

    def sort_keys(self, column: Column) -> list[Any]:
        """The raw sort value of every row for ``column`` (the SORT_ROLE values, in bulk)."""
        if column == Column.CHECK:  # changes with every tick, so never cached
            return [u.id in self._checked for u in self._users]
        keys = self._sort_keys.setdefault(column, [])
        for row in range(len(keys), len(self._users)):
            keys.append(self._sort_key(column, row, self._users[row]))
        return keys

    # -- ticks (the selection) ------------------------------------------------------------

    @property
    def stats(self) -> SelectionStats:
        return self._stats

    def is_checked(self, row: int) -> bool:
        return self._users[row].id in self._checked

    def checked_rows(self) -> set[int]:
        return {self._row_by_id[i] for i in self._checked}

    def checked_users(self) -> list[User]:
        """Ticked users in table order."""
        rows = sorted(self._row_by_id[i] for i in self._checked)
        return [self._users[r] for r in rows]

    def set_checked(self, rows: Iterable[int], checked: bool) -> None:
        touched: list[int] = []
        for row in rows:
            user = self._users[row]
            if (user.id in self._checked) == checked:
                continue
            if checked:
                self._checked.add(user.id)
                self._stats.add(user)
            else:
                self._checked.discard(user.id)
                self._stats.remove(user)
            touched.append(row)
        self._announce_checks(touched)

    def check_only(self, rows: Iterable[int]) -> None:
        """Tick exactly ``rows`` (a plain click): every other tick goes."""
        wanted = set(rows)
        keep = {self._users[r].id for r in wanted}
        dropped = [self._row_by_id[i] for i in self._checked - keep]
        for row in dropped:
            self._checked.discard(self._users[row].id)
            self._stats.remove(self._users[row])
        added = [r for r in wanted if self._users[r].id not in self._checked]
        for row in added:
            self._checked.add(self._users[row].id)
            self._stats.add(self._users[row])
        self._announce_checks(dropped + added)

    def clear_checks(self) -> None:
        self.check_only(())

    # -- internals ------------------------------------------------------------------------

    def _announce_checks(self, rows: list[int]) -> None:
        if not rows:
            return
        last = len(Column) - 1
        # Ticked rows are painted highlighted across every column, so all columns repaint.
        self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), last), _CHECK_ROLES)
        self.checked_changed.emit()

    def _recount_stats(self) -> None:
        self._stats = SelectionStats()
        for user_id in self._checked:
            self._stats.add(self._users[self._row_by_id[user_id]])

    def _clear_caches(self) -> None:
        self._license_labels.clear()
        self._problem_labels.clear()
        self._sort_keys.clear()

    def _display(self, row: int, user: User, column: int) -> str | None:
        if column == Column.NAME:
            return user.display_name
        if column == Column.UPN:
            return user.user_principal_name
        if column == Column.STATUS:
            return status_text(user)
        if column == Column.LICENSES:
            return ", ".join(self.license_labels(row))
        if column == Column.LOCATION:
            return user.usage_location or ""
        if column == Column.DEPARTMENT:
            return user.department or ""
        if column == Column.PROBLEMS:
            return "; ".join(self.problem_labels(row))
        return None

    def _decoration(self, user: User, column: int) -> QIcon | None:
        if column == Column.STATUS:
            if user.not_activated:
                return None
            return self._icons.get("status-active" if user.account_enabled else "status-blocked")
        if column == Column.PROBLEMS and user.errors:
            return self._icons.get("warning")
        if column == Column.ACTIONS:
            return self._icons["more"]  # the per-row actions button
        if column == Column.NAME and user.on_premises_sync_enabled:
            return self._icons["synced"]
        return None

    def _tooltip(self, row: int, user: User, column: int) -> str | None:
        if column == Column.LICENSES:
            labels = self.license_labels(row)
            return "\n".join(labels) if labels else self.tr("No licenses")
        if column == Column.PROBLEMS:
            return "\n".join(self.problem_labels(row)) or None
        if column == Column.STATUS:
            if user.not_activated:
                return self.tr("Not in Microsoft 365 yet: the user name shown is the one proposed")
            said = (
                self.tr("Sign-in allowed") if user.account_enabled else self.tr("Sign-in blocked")
            )
            if user.on_premises_sync_enabled:
                said += "\n" + self.tr(
                    "Synced from on-premises Active Directory: the next sync sets sign-in back "
                    "to what the on-premises account says"
                )
            return said
        if column == Column.LOCATION and not user.usage_location:
            return self.tr("No usage location: set one before assigning licenses")
        if column == Column.ACTIONS:
            return self.tr("Actions for {name}").format(name=user.display_name)
        if user.on_premises_sync_enabled and column in _MASTERED_ON_PREMISES:
            return "\n".join(filter(None, (self._job_title(user, column), self._synced_note())))
        return self._job_title(user, column)

    @staticmethod
    def _job_title(user: User, column: int) -> str | None:
        return user.job_title if column == Column.NAME and user.job_title else None

    def _synced_note(self) -> str:
        """Why a synced user's profile cannot be changed here (docs/graph-facts.md, "Synced
        (hybrid) users"): said where those fields show."""
        return self.tr(
            "Synced from on-premises Active Directory: the name, user name and department are "
            "changed there (read-only in Microsoft 365). Licenses and usage location can be "
            "changed here."
        )

    def _sort_key(self, column: Column, row: int, user: User) -> Any:
        key = _SORT_KEYS.get(column)
        if key is not None:
            return key(user)
        if column == Column.CHECK:
            return user.id in self._checked
        if column == Column.LICENSES:
            return ", ".join(self.license_labels(row)).casefold()
        return 0  # ACTIONS: not a value to order by


# Profile fields a synced user's on-premises directory masters: read-only in the cloud.
_MASTERED_ON_PREMISES = frozenset({Column.NAME, Column.UPN, Column.DEPARTMENT})

_SORT_KEYS: dict[Column, Callable[[User], Any]] = {
    Column.NAME: lambda u: u.display_name.casefold(),
    Column.UPN: lambda u: u.user_principal_name.casefold(),
    Column.STATUS: lambda u: u.account_enabled,
    Column.LOCATION: lambda u: u.usage_location or "",
    Column.DEPARTMENT: lambda u: (u.department or "").casefold(),
    Column.PROBLEMS: lambda u: len(u.errors),
}
