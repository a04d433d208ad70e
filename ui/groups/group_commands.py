"""What the Groups view's actions do: build the plan (asking what exactly through a dialog when
needed) and hand it to the ChangeRunner, so a group change takes the users' road: check,
preview, apply with progress, results, history, undo."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from desktop.graph.records import User
from desktop.licensing.builders import (
    add_members_plan,
    group_license_plan,
    remove_covered_plan,
    remove_members_plan,
    reprocess_plan,
)
from desktop.licensing.error_fixes import Fix, FixKind, fixes_for
from desktop.licensing.group_impact import group_impact
from desktop.licensing.propagation import Propagation, target_of, wait_for_members
from desktop.licensing.types import GroupRef, Outcome, Plan, RunReport
from ui.dialogs.launcher import accepted, launch
from ui.dialogs.location_dialog import UsageLocationDialog
from ui.flows.change_runner import ChangeRunner
from ui.groups.fix_dialog import FixDialog
from ui.groups.group_licenses_dialog import GroupLicensesDialog
from ui.groups.group_model import GroupRow
from ui.groups.groups_view import GroupsView
from ui.groups.members_dialog import RemoveMembersDialog
from ui.session import TenantSession
from ui.workers import JobContext


class GroupCommands(QObject):
    status = Signal(str)  # a line for the status bar
    followed = Signal(object)  # the Propagation, once a group change reached its members

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

    def group_licenses(self) -> None:
        """License the group, change its apps or take a package from it (one plan); then
        follow the change to the members, as Graph processes them in the background."""
        group = self._view.current_group()
        if group is None:
            return
        session = self._session
        dialog = GroupLicensesDialog(
            group.group, len(group.member_ids), session.skus.skus(), session.naming, self._parent
        )
        if not accepted(launch(dialog)):
            return
        add, remove = dialog.change()
        if add or remove:
            plan = group_license_plan(group.group, add, remove)
            self._runner.run(plan, on_finished=lambda report: self._follow(group, plan, report))

    def remove_covered(self) -> None:
        group = self._view.current_group()
        if group is None:
            return
        skus = {s.sku_id: s for s in self._session.skus.skus()}
        impact = group_impact(group.group, self._members(group), (), skus)
        if not impact.covered_directs:
            self.status.emit(
                self.tr("No member of {group} holds a direct copy the group covers").format(
                    group=group.group.display_name
                )
            )
            return
        self._runner.run(remove_covered_plan(impact.covered_directs))

    def _members(self, group: GroupRow) -> list[User]:
        table = self._session.users
        rows = (table.row_of(uid) for uid in group.member_ids)
        return [table.user_at(row) for row in rows if row is not None]

    def _follow(self, group: GroupRow, plan: Plan, report: RunReport) -> None:
        """Poll the members on a worker (growing intervals, a deadline; never a fixed wait)
        until each shows the group's change, saying how far it got; then read them again."""
        changes = [c for c in plan.changes if c.on_group]
        if not changes or report.results[0].outcome is not Outcome.DONE:
            return
        client, target = self._session.controller.client, target_of(changes[0])
        members, name = list(group.member_ids), group.group.display_name

        def job(context: JobContext) -> Propagation:
            return wait_for_members(
                client,
                group.group.id,
                target,
                progress=context.report,
                cancel=context.cancel,
                members=members,
            )

        def progress(done: object) -> None:
            if isinstance(done, Propagation):
                self.status.emit(
                    self.tr("{group}: %Ln members processed of {total}", "", done.processed).format(
                        group=name, total=done.members
                    )
                )

        def finished(done: Propagation) -> None:
            if done.finished:
                text = self.tr("Every member of {group} processed; %Ln in error", "", done.in_error)
            else:
                text = self.tr(
                    "{group}: %Ln members not processed yet; Microsoft is still working on "
                    "them (Refresh later)",
                    "",
                    done.waiting,
                )
            self.status.emit(text.format(group=name))
            self._session.refresh_users(members)
            self.followed.emit(done)

        self._session.workers.start(
            "follow group change",
            job,
            on_progress=progress,
            on_result=finished,
            on_error=lambda _exc: self.status.emit(""),
        )

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
        dialog = RemoveMembersDialog(group.group.display_name, self._members(group), self._parent)
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
