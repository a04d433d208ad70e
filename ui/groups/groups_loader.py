"""Reads the licensed groups and their members on a worker, as the session loads users, and
joins them with the users the window holds. Read again after every load and every run (a
change may move seats, members or a group's licenses); rebuilt when users are read again."""

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
        session.loaded.connect(self.load)
        session.users_refreshed.connect(lambda _users: self._show())

    @property
    def loading(self) -> bool:
        return self._loading

    def load(self) -> None:
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
