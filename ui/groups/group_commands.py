"""What the Groups view's actions do: build the plan (asking what exactly through a dialog when
needed) and hand it to the ChangeRunner, so a group change takes the users' road: check,
preview, apply with progress, results, history, undo."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QWidget

from desktop.licensing.builders import add_members_plan, remove_members_plan, reprocess_plan
from desktop.licensing.error_fixes import Fix, FixKind, fixes_for
from desktop.licensing.types import GroupRef, Outcome, Plan, RunReport
from ui.dialogs.launcher import accepted, launch
from ui.dialogs.location_dialog import UsageLocationDialog
from ui.flows.change_runner import ChangeRunner
from ui.groups.fix_dialog import FixDialog
from ui.groups.groups_view import GroupsView
from ui.groups.members_dialog import RemoveMembersDialog
from ui.session import TenantSession


class GroupCommands(QObject):
    def __init__(
        self, session: TenantSession, runner: ChangeRunner, view: GroupsView, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._runner = runner
        self._view = view
        self._parent = parent

    def reprocess(self) -> None:
        """The chosen group's members in error; every member when none is in error."""
        group = self._view.current_group()
        if group is None:
            return
        users = group.users_in_error or group.member_ids
        if users:
            self._runner.run(reprocess_plan(users))

    def add_members(self) -> None:
        """The users ticked on the Users page join the chosen group."""
        group = self._view.current_group()
        users = [u.id for u in self._session.users.checked_users() if not u.not_activated]
        if group is not None and users:
            ref = GroupRef(group.group.id, group.group.display_name)
            self._runner.run(add_members_plan(users, ref))

    def remove_members(self) -> None:
        group = self._view.current_group()
        if group is None:
            return
        table = self._session.users
        rows = (table.row_of(uid) for uid in group.member_ids)
        members = [table.user_at(row) for row in rows if row is not None]
        dialog = RemoveMembersDialog(group.group.display_name, members, self._parent)
        if accepted(launch(dialog)) and dialog.picked():
            ref = GroupRef(group.group.id, group.group.display_name)
            self._runner.run(remove_members_plan(dialog.picked(), ref))

    def fix(self) -> None:
        error = self._view.current_error()
        if error is None:
            return
        session = self._session
        skus = {s.sku_id: s for s in session.skus.skus()}
        users = session.users.users()
        fixes = fixes_for(error.user, error.state, skus, users)
        dialog = FixDialog(
            error,
            fixes,
            session.naming,
            skus,
            {u.id: u for u in users if any(f.holder_id == u.id for f in fixes)},
            parent=self._parent,
        )
        if not accepted(launch(dialog)):
            return
        fix = dialog.chosen()
        if fix is None:
            return
        plan = self._plan(fix)
        if plan is not None:
            self._runner.run(plan, on_finished=lambda report: self._then(fix, report))

    def _plan(self, fix: Fix) -> Plan | None:
        if fix.kind is not FixKind.SET_USAGE_LOCATION:
            return fix.plan()
        users = self._session.users
        row = users.row_of(fix.user_id)
        preset = users.user_at(row).usage_location if row is not None else None
        dialog = UsageLocationDialog(1, preset, self._parent)
        if not accepted(launch(dialog)):
            return None
        return fix.plan(dialog.code())

    def _then(self, fix: Fix, report: RunReport) -> None:
        """Freeing a seat changed another user: reprocess the member once it went through.
        Queued: the runner is still finishing the first run when it reports."""
        follow = fix.then_reprocess
        if follow is None or not any(r.outcome is Outcome.DONE for r in report.results):
            return
        QTimer.singleShot(0, lambda: self._runner.run(follow))
