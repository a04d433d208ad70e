"""People from the list who are not in Microsoft 365 yet ("Not activated" rows): import them
from an HR export, create their accounts with licenses (Add licenses) or without (Activate),
take them off the list. A creation is an ordinary plan through the runner: the preview says
"create account" for each and asks for a tick; the temporary passwords are shown once after.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from desktop.graph.records import User
from desktop.licensing.types import Outcome, Plan, RunReport
from desktop.people.plans import create_people_plan, passwords_of, with_accounts_created
from desktop.people.records import Person
from desktop.people.store import load_people, people_folder, save_people
from desktop.people.table import Table, read_table
from ui.dialogs.ask import confirm
from ui.dialogs.error_dialog import show_error
from ui.dialogs.file_choice import file_to_open
from ui.dialogs.import_people_dialog import ImportPeopleDialog
from ui.dialogs.launcher import accepted, launch
from ui.dialogs.passwords_dialog import PasswordsDialog
from ui.dialogs.plan_preview import PreviewNotes
from ui.flows.change_runner import ChangeRunner
from ui.people_rows import PendingPeople
from ui.session import TenantSession

CREATION_NOTES = PreviewNotes(confirm_creation=True)
_log = logging.getLogger(__name__)


class PeopleCommands(QObject):
    status = Signal(str)  # a line for the status bar
    passwords_shown = Signal(object)  # the PasswordsDialog, while it is open (tests, a11y)

    def __init__(self, session: TenantSession, runner: ChangeRunner, parent: QWidget) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._parent = parent
        self.rows = PendingPeople(session, self)
        # A background read: a failure says so in the status bar, never a dialog in the way
        # (the next load or run reads the list again).
        self.rows.failed.connect(self._rows_failed)
        self._created: dict[str, str] = {}  # person's key -> user name, for the run under way
        session.loaded.connect(self.rows.reload)
        runner.run_finished.connect(self._after_run)

    def _rows_failed(self, exc: BaseException) -> None:
        _log.warning("the list of people could not be read: %s", exc)
        self.status.emit(self.tr("The people not in Microsoft 365 yet could not be shown"))

    # -- creating accounts ----------------------------------------------------------------

    def pending_of(self, users: Sequence[User]) -> dict[str, Person]:
        """The ticked rows that are people without an account: row key -> person."""
        found = {u.id: self.rows.person(u.id) for u in users if u.not_activated}
        return {key: person for key, person in found.items() if person is not None}

    def run_creating(self, plan: Plan, default_usage_location: str | None = None) -> None:
        """``plan`` (an assign over rows, some of them people without an account) where each
        such person's account is created first, then licensed with the usage location."""
        pending = self.pending_of([u for u in self._session.users.users() if u.not_activated])
        pending = {c.user: pending[c.user] for c in plan.changes if c.user in pending}
        located = tuple(
            replace(c, usage_location=c.usage_location or default_usage_location)
            if c.user in pending
            else c
            for c in plan.changes
        )
        upns = self.rows.upns
        try:
            created = with_accounts_created(replace(plan, changes=located), pending, upns)
        except ValueError as exc:
            show_error(self._parent, exc)
            return
        self._start(created, {p.key: upns[p.key] for p in pending.values()},
                    default_usage_location)  # fmt: skip

    def activate(self, users: Sequence[User]) -> None:
        """Accounts without a license for the ticked people."""
        pending = list(self.pending_of(users).values())
        if not pending:
            return
        upns = self.rows.upns
        plan = create_people_plan(pending, upns)
        self._start(plan, {p.key: upns[p.key] for p in pending}, None)

    def _start(self, plan: Plan, created: dict[str, str], location: str | None) -> None:
        self._created = created
        self._runner.run(
            plan,
            default_usage_location=location,
            notes=CREATION_NOTES,
            on_finished=lambda report: self._show_passwords(report, plan),
        )

    def _show_passwords(self, report: RunReport, plan: Plan) -> None:
        made = (Outcome.DONE, Outcome.PARTLY)  # PARTLY: the account exists, a license failed
        done = {r.user.lower() for r in report.results if r.outcome in made}
        accounts = {u: pw for u, pw in passwords_of(plan).items() if u.lower() in done}
        if not accounts:
            return
        dialog = PasswordsDialog(accounts, self._parent)
        self.passwords_shown.emit(dialog)
        try:
            launch(dialog)
        finally:
            dialog.deleteLater()

    def _after_run(self, _report: RunReport) -> None:
        """Every run may change who has an account (a creation, an undo deleting one)."""
        created, self._created = self._created, {}
        self.rows.reload(created)

    # -- the list -------------------------------------------------------------------------

    def remove_from_list(self, users: Sequence[User]) -> None:
        """Off the list; no account is touched."""
        keys = [u.id for u in users if u.not_activated]
        folder = self.rows.folder
        if not keys or folder is None:
            return
        # Not in History: a person taken off by mistake comes back only by importing again.
        question = self.tr(
            "Remove %Ln people from the list of people not in Microsoft 365 yet?", "", len(keys)
        )
        if not confirm(
            self._parent,
            self.tr("Remove from list"),
            question,
            yes=self.tr("Remove %Ln from list", "", len(keys)),
            informative=self.tr(
                "No account is touched. To bring them back, import them from the file again."
            ),
            warning=True,
            cancel_default=True,
        ):
            return
        try:
            people = load_people(folder)
            gone = people.remove(keys)
            save_people(folder, people)
        except (OSError, ValueError) as exc:
            show_error(self._parent, exc)
            return
        self.status.emit(self.tr("%Ln people removed from the list", "", len(gone)))
        self.rows.reload()

    def import_people(self) -> None:
        path = self._choose_file()
        if path is None:
            return
        self._session.workers.start(
            "read people",
            lambda _ctx: read_table(path),
            on_result=lambda table: self._preview_import(path, table),
            on_error=lambda exc: show_error(self._parent, exc),
        )

    def _choose_file(self) -> Path | None:
        return file_to_open(
            self._parent,
            name="peopleFileDialog",
            title=self.tr("Import people"),
            name_filter=self.tr("People lists (*.csv *.xlsx)"),
        )

    def _preview_import(self, path: Path, table: Table) -> None:
        dialog = ImportPeopleDialog(path.name, table, self._parent)
        try:
            if not accepted(launch(dialog)) or dialog.preview is None:
                return
            preview = dialog.preview  # as the administrator mapped the columns
        finally:
            dialog.deleteLater()
        controller, data_dir = self._session.controller, self._session.connection.data_dir

        def store(_ctx: object) -> tuple[int, int]:
            folder = people_folder(controller.client, data_dir)
            people = load_people(folder)
            counts = people.add(list(preview.people))
            save_people(folder, people)
            return counts

        self._session.workers.start(
            "import people", store, on_result=self._imported,
            on_error=lambda exc: show_error(self._parent, exc),
        )  # fmt: skip

    def _imported(self, counts: tuple[int, int]) -> None:
        added, already = counts
        text = self.tr("%Ln people imported", "", added)
        if already:
            text += "; " + self.tr("%Ln already on the list", "", already)
        self.status.emit(text)
        self.rows.reload()
