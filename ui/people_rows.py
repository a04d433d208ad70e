"""The tenant's list of people without an account, kept in step with the user table: after
the tenant loads and after every run (a creation links people, an undo unlinks them), the list
is read, synced with the tenant and its pending people shown as "Not activated" rows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from desktop.graph.records import User
from desktop.people.records import Person
from desktop.people.rows import link_created, pending_rows
from desktop.people.store import PeopleList, load_people, people_folder, save_people
from desktop.people.tenant import proposed_upns, sync_with_tenant
from ui.session import TenantSession
from ui.workers import JobContext


@dataclass(frozen=True)
class PeopleRead:
    folder: Path
    people: PeopleList
    upns: dict[str, str]  # pending person's key -> proposed user name
    rows: list[User]


class PendingPeople(QObject):
    changed = Signal()  # the rows are in the table
    failed = Signal(object)  # the exception (an unreadable list, a read that failed)

    def __init__(self, session: TenantSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._read: PeopleRead | None = None
        self._generation = 0  # reloads started; an older one answering late is dropped

    def person(self, key: str) -> Person | None:
        if self._read is None:
            return None
        person = self._read.people.find(key)
        return person if person is not None and person.is_pending else None

    @property
    def upns(self) -> dict[str, str]:
        return dict(self._read.upns) if self._read is not None else {}

    @property
    def folder(self) -> Path | None:
        return self._read.folder if self._read is not None else None

    def reload(self, created: Mapping[str, str] | None = None) -> None:
        """Read the list again; ``created`` (key -> user name planned) are linked first to
        the accounts a run made, if they exist now."""
        controller = self._session.controller
        data_dir = self._session.connection.data_dir
        created = dict(created or {})

        def job(_context: JobContext) -> PeopleRead:
            client = controller.client
            folder = people_folder(client, data_dir)
            people = load_people(folder)
            changed = link_created(people, client, created) > 0
            if sync_with_tenant(people, client) or changed:
                save_people(folder, people)
            upns = proposed_upns(people, client) if people.pending else {}
            return PeopleRead(folder, people, upns, pending_rows(people, upns))

        self._generation += 1
        generation = self._generation
        self._session.workers.start(
            "people",
            job,
            on_result=lambda read: self._show(read, generation),
            on_error=self.failed.emit,
        )

    def _show(self, read: PeopleRead, generation: int) -> None:
        if generation != self._generation:
            return  # read before a newer change to the list (an import, a run)
        self._read = read
        self._session.users.set_pending_rows(read.rows)
        self.changed.emit()
