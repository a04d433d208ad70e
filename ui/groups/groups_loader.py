"""Reads the licensed groups and their members on a worker and joins them with the users the
window holds: first when the Groups page is shown (every member of every licensed group is many
pages in a big tenant, nothing the window shows at start), then again after every load and
every run while it has been shown (a change may move seats, members or a group's licenses);
rebuilt when users are read again."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from desktop.graph.groups import GroupWithMembers, licensed_groups_with_members
from desktop.graph.records import User
from ui.groups.group_model import GroupTableModel, group_rows
from ui.session import TenantSession
from ui.workers import JobContext


class GroupsLoader(QObject):
    loading_changed = Signal(bool)
    loaded = Signal()  # the model holds the groups just read
    failed = Signal(object)  # the exception

    def __init__(self, session: TenantSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.model = GroupTableModel(self)
        self._reads: list[GroupWithMembers] = []
        self._loading = False
        self._again = False  # a load was asked for while one ran: its answer may be stale
        self.has_loaded = False
        self._wanted = False  # the Groups page was shown: from then on, keep it up to date
        self._stale = True  # the tenant changed since the last read (or nothing was read)
        session.loaded.connect(self.load)
        session.users_refreshed.connect(lambda _users: self._show())

    @property
    def loading(self) -> bool:
        return self._loading

    def want(self) -> None:
        """The Groups page is shown: read the groups unless what was read is still current."""
        self._wanted = True
        if self._stale:
            self.load()

    def load(self) -> None:
        """Read the groups again, now if the page was ever shown, else when it first is."""
        self._stale = True
        if not self._wanted:
            return
        self._stale = False
        if self._loading:
            self._again = True
            return
        self._set_loading(True)
        client = self._session.controller.client

        def job(context: JobContext) -> list[GroupWithMembers]:
            return licensed_groups_with_members(client, cancel=context.cancel)

        self._session.workers.start(
            "load groups", job, on_result=self._arrived, on_error=self._failed
        )

    def _arrived(self, reads: list[GroupWithMembers]) -> None:
        self._reads = reads
        self.has_loaded = True
        self._set_loading(False)
        if self._again:
            self._again = False
            self.load()
            return
        self._show()
        self.loaded.emit()

    def _failed(self, exc: BaseException) -> None:
        self._set_loading(False)
        self._again = False
        self.failed.emit(exc)

    def _show(self) -> None:
        users = self._session.users
        session = self._session

        def user_of(user_id: str) -> User | None:
            row = users.row_of(user_id)
            return users.user_at(row) if row is not None else None

        self.model.set_rows(group_rows(self._reads, user_of), session.naming, session.skus.skus())

    def _set_loading(self, loading: bool) -> None:
        self._loading = loading
        self.loading_changed.emit(loading)
