"""Issue 13, Deliver 3: the Groups view beside Users, against the demo tenant over HTTP. Groups
and their members in error load on a worker; the view is reached by keys; Reprocess and Fix…
take the users' road (preview, apply, results, history)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenu

from desktop.graph.records import AssignedLicense
from desktop.licensing.error_fixes import COUNT_VIOLATION, MUTUALLY_EXCLUSIVE, FixKind
from desktop.licensing.types import Outcome, PlanKind, RunReport
from tests.ui.conftest import ACCEPT, REJECT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import (
    apply_and_wait,
    click,
    keep_report,
    right_click_menu,
    rows_where,
    tenant_view,
    user,
)
from tests.ui.language_support import in_language, polish
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.results_dialog import ResultsDialog
from ui.groups.fix_dialog import FixDialog
from ui.groups.group_licenses_dialog import GroupLicensesDialog
from ui.groups.group_model import ROW_ROLE, ErrorColumn, GroupColumn, GroupRow, MemberError
from ui.groups.groups_view import GroupsView
from ui.groups.members_dialog import RemoveMembersDialog
from ui.plan_text import app_names

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest

GROUP_A = "Licencje – Microsoft 365 Business Standard"
GROUP_B = "Licencje – Office 365 E3 (Zarząd)"


def record_kind(into: list[PlanKind]) -> Callable[[QDialog], int]:
    """A preview answer that notes the plan's kind and applies it."""

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        into.append(dialog.checked.plan.kind)
        return ACCEPT

    return preview


def groups_view(desk: Desk) -> GroupsView:
    page = tenant_view(desk)
    view = page.groups
    page.pages.setCurrentWidget(view)  # the groups are read when their page is first shown
    desk.qtbot.waitUntil(
        lambda: view.loader.has_loaded and not view.loader.loading, timeout=TIMEOUT_MS
    )
    return view


def show_groups_by_keys(desk: Desk) -> GroupsView:
    view = groups_view(desk)
    desk.window.activateWindow()
    QTest.keyClick(desk.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert tenant_view(desk).showing_groups
    return view


def shown_rows(view: GroupsView) -> list[GroupRow]:
    rows = [view.groups.index(r, 0).data(ROW_ROLE) for r in range(view.groups.rowCount())]
    assert all(isinstance(r, GroupRow) for r in rows)
    return rows


def choose(desk: Desk, view: GroupsView, name: str) -> GroupRow:
    row = next(r for r in shown_rows(view) if r.group.display_name == name)
    assert view.select_group(row.group.id)
    current = view.current_group()
    assert current is not None and current.group.id == row.group.id
    return current


def error_texts(view: GroupsView) -> list[list[str]]:
    return [
        [str(view.errors.index(r, c).data()) for c in ErrorColumn]
        for r in range(view.errors.rowCount())
    ]


def test_groups_load_with_packages_members_and_errors_in_plain_words(desk: Desk) -> None:
    view = show_groups_by_keys(desk)
    rows = {r.group.display_name: r for r in shown_rows(view)}
    assert set(rows) == {GROUP_A, GROUP_B}  # the nested group carries no license: not listed
    b = rows[GROUP_B]
    # Packages with the apps the group turns off; members; members in error.
    packages = next(
        view.groups.index(r, GroupColumn.PACKAGES).data()
        for r in range(view.groups.rowCount())
        if view.groups.index(r, 0).data() == GROUP_B
    )
    e3 = desk.session.skus.sku(b.group.assigned_licenses[0].sku_id)
    assert e3 is not None
    off = app_names(e3, b.group.assigned_licenses[0].disabled_plans)
    assert off and f"{desk.session.naming.sku(e3.sku_id)} (apps off: {off[0]})" == packages
    members = next(
        view.groups.index(r, GroupColumn.MEMBERS).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(view.groups.rowCount())
        if view.groups.index(r, 0).data() == GROUP_B
    )
    assert "Zarząd – asystenci" in members  # the nested group: its members get nothing
    # Every member in error of the demo's group B, as the tenant itself says.
    in_error_b = {
        u.id
        for u in desk.session.users.users()
        if any(
            s.assigned_by_group == b.group.id and s.has_error for s in u.license_assignment_states
        )
    }
    assert in_error_b and set(b.users_in_error) == in_error_b

    choose(desk, view, GROUP_B)
    texts = error_texts(view)
    problems = {t[ErrorColumn.PROBLEM] for t in texts}
    assert "conflicts with another license" in problems, texts
    assert all(t[ErrorColumn.TO_DO] for t in texts)
    assert any("Turn off the conflicting app" in t[ErrorColumn.TO_DO] for t in texts)
    assert view.error_title.text().startswith(f"Members of {GROUP_B} in error")

    # Sortable and filterable.
    view.table.sortByColumn(GroupColumn.IN_ERROR, Qt.SortOrder.DescendingOrder)
    counts = [len(r.users_in_error) for r in shown_rows(view)]
    assert counts == sorted(counts, reverse=True)
    view.search.setText("e3")
    assert [r.group.display_name for r in shown_rows(view)] == [GROUP_B]
    view.search.clear()

    # Ctrl+1 goes back to the users.
    QTest.keyClick(desk.window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert not tenant_view(desk).showing_groups


def test_groups_view_in_polish(polish: None, desk: Desk) -> None:
    view = show_groups_by_keys(desk)
    choose(desk, view, GROUP_B)
    texts = error_texts(view)
    assert texts and all(t[ErrorColumn.TO_DO] for t in texts)
    assert any("Wyłącz" in t[ErrorColumn.TO_DO] for t in texts), texts
    assert tenant_view(desk).pages.tabText(1) == "Grupy licencyjne"
    assert desk.window.group_actions.fix.text() == "Napraw…"
    assert view.status.text().startswith("2 grupy licencyjne"), view.status.text()


def test_reprocess_from_the_context_menu_goes_through_preview_results_and_history(
    desk: Desk, dialogs: DialogScript
) -> None:
    view = show_groups_by_keys(desk)
    group = choose(desk, view, GROUP_B)
    expected = set(group.users_in_error)
    # Right-click the group: the menu holds the group's actions.
    at = view.table.visualRect(view.table.currentIndex()).center()
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, at, view.table.viewport().mapToGlobal(at)
    )
    QApplication.sendEvent(view.table.viewport(), event)
    menus = [m for m in desk.window.findChildren(QMenu, "groupActionMenu") if m.isVisible()]
    assert len(menus) == 1
    reprocess = next(a for a in menus[0].actions() if a.objectName() == "reprocessGroup")
    menus[0].close()
    previewed: list[set[str]] = []

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        previewed.append({c.user for c in dialog.checked.effective.changes})
        assert dialog.checked.plan.kind is PlanKind.REPROCESS
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    apply_and_wait(desk, reprocess.trigger)
    assert previewed == [expected]
    assert {r.user for r in reports[0].results if r.outcome is Outcome.DONE} == expected
    history = desk.session.controller.history()
    assert history[0].kind is PlanKind.REPROCESS


def _member_in_error(view: GroupsView, code: str) -> int:
    for row in range(view.errors.rowCount()):
        error = view.errors.index(row, 0).data(ROW_ROLE)
        assert isinstance(error, MemberError)
        if error.state.error == code:
            return row
    raise AssertionError(f"no member in {code}")


def test_fix_turns_off_the_conflicting_app_then_the_group_license_arrives_and_undo_is_refused(
    desk: Desk, dialogs: DialogScript
) -> None:
    view = show_groups_by_keys(desk)
    group = choose(desk, view, GROUP_B)
    row = _member_in_error(view, MUTUALLY_EXCLUSIVE)
    view.error_table.setCurrentIndex(view.errors.index(row, 0))
    error = view.current_error()
    assert error is not None
    user_id, e3 = error.user.id, error.state.sku_id
    assert desk.window.group_actions.fix.isEnabled()
    offered: list[list[FixKind]] = []

    def pick_first(dialog: QDialog) -> int:
        assert isinstance(dialog, FixDialog)
        offered.append([f.kind for f in dialog.fixes()])
        assert "Exchange Online (Plan 1)" in dialog.choices.button(0).text(), dialog.choices.button(
            0
        ).text()
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(FixDialog, pick_first)
    dialogs.expect(PlanPreviewDialog, lambda _d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report(reports))
    apply_and_wait(desk, desk.window.group_actions.fix.trigger)
    assert offered == [[FixKind.TURN_OFF_APP, FixKind.REPROCESS]]
    assert reports[0].results[0].outcome is Outcome.DONE
    # The member now holds E3 from the group, and the view no longer lists them in error.
    assert e3 in desk.tenant.assigned_licenses(user_id)
    current = view.current_group()
    assert current is not None and current.group.id == group.group.id
    assert user_id not in current.users_in_error

    # The undo puts the app back as it was. With the group's E3 active now, Graph refuses
    # the conflicting app: the undo says so and the member keeps the group's license.
    other_sku = next(iter(set(desk.tenant.assigned_licenses(user_id)) - {e3}))
    undo = desk.session.controller.undo_plan(reports[0].run_id)
    (change,) = undo.effective.changes
    assert change.user == user_id
    assert change.add[0].sku_id == other_sku
    before = error.user.direct_license(other_sku)
    assert before is not None and set(change.add[0].disabled_plans) == set(before.disabled_plans)
    undone: list[RunReport] = []
    dialogs.expect(PlanPreviewDialog, lambda _d: ACCEPT)
    dialogs.expect(ResultsDialog, keep_report(undone))
    runner = desk.window.runner
    assert runner is not None
    with desk.qtbot.waitSignals(
        [runner.run_finished, desk.session.users_refreshed], timeout=TIMEOUT_MS
    ):
        runner.preview(undo)
    (result,) = undone[0].results
    assert result.outcome is Outcome.FAILED and "mutually exclusive" in result.message
    assert e3 in desk.tenant.assigned_licenses(user_id)


def test_fix_of_a_seat_shortage_frees_a_blocked_holders_seat_then_reprocesses(
    desk: Desk, dialogs: DialogScript
) -> None:
    view = show_groups_by_keys(desk)
    group = choose(desk, view, GROUP_A)
    row = _member_in_error(view, COUNT_VIOLATION)
    view.error_table.setCurrentIndex(view.errors.index(row, 0))
    error = view.current_error()
    assert error is not None
    sku_id = error.state.sku_id

    def holding() -> int:
        return sum(1 for uid in group.member_ids if sku_id in desk.tenant.assigned_licenses(uid))

    held_before = holding()
    kinds: list[FixKind] = []

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, FixDialog)
        kinds.extend(f.kind for f in dialog.fixes())
        return ACCEPT

    plans: list[PlanKind] = []
    dialogs.expect(FixDialog, pick)
    dialogs.expect(PlanPreviewDialog, record_kind(plans))
    dialogs.expect(ResultsDialog, lambda _d: REJECT)
    dialogs.expect(PlanPreviewDialog, record_kind(plans))
    dialogs.expect(ResultsDialog, lambda _d: REJECT)
    runner = desk.window.runner
    assert runner is not None
    with desk.qtbot.waitSignals([runner.run_finished, runner.run_finished], timeout=TIMEOUT_MS):
        desk.window.group_actions.fix.trigger()
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0 and not runner.busy, timeout=TIMEOUT_MS)
    assert kinds[0] is FixKind.FREE_SEAT
    assert plans == [PlanKind.REMOVE, PlanKind.REPROCESS]
    # The seat freed went to a member waiting in the group (Graph picks which one).
    assert holding() == held_before + 1


def test_group_actions_are_off_on_the_users_page(desk: Desk) -> None:
    view = groups_view(desk)
    actions = desk.window.group_actions
    assert not actions.reprocess.isEnabled() and not actions.fix.isEnabled()
    desk.window.group_actions.show_groups.trigger()
    choose(desk, view, GROUP_B)
    assert actions.reprocess.isEnabled()
    desk.window.group_actions.show_users.trigger()
    assert not actions.reprocess.isEnabled()


def _members_after_run(desk: Desk, view: GroupsView, trigger: object) -> None:
    """Run a change and wait until the groups were read again after it."""
    runner = desk.window.runner
    assert runner is not None and callable(trigger)
    with desk.qtbot.waitSignals([runner.run_finished, view.loader.loaded], timeout=TIMEOUT_MS):
        trigger()


def test_ticked_users_join_a_group_and_the_undo_takes_them_out(
    desk: Desk, dialogs: DialogScript
) -> None:
    view = groups_view(desk)
    group = next(r for r in view.loader.model.rows() if r.group.display_name == GROUP_B)
    joining = [
        row
        for row in rows_where(desk, lambda u: u.id not in group.member_ids and not u.not_activated)[
            :2
        ]
    ]
    ids = {user(desk, row).id for row in joining}
    actions = desk.window.group_actions
    actions.show_groups.trigger()
    choose(desk, view, GROUP_B)
    assert not actions.add_members.isEnabled()  # nobody ticked yet
    for row in joining:
        desk.session.users.set_checked([row], True)
    assert actions.add_members.isEnabled()
    kinds: list[PlanKind] = []

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        kinds.append(dialog.checked.plan.kind)
        assert {c.user for c in dialog.checked.effective.changes} == ids
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    _members_after_run(desk, view, actions.add_members.trigger)
    assert kinds == [PlanKind.ADD_MEMBERS]
    current = view.current_group()
    assert current is not None and ids <= set(current.member_ids)
    assert len(current.member_ids) == len(group.member_ids) + 2

    # Undo (History's road): both leave the group again.
    runner = desk.window.runner
    assert runner is not None
    undo = desk.session.controller.undo_plan(reports[0].run_id)
    dialogs.expect(PlanPreviewDialog, lambda _d: ACCEPT)
    dialogs.expect(ResultsDialog, lambda _d: REJECT)
    _members_after_run(desk, view, lambda: runner.preview(undo))
    current = view.current_group()
    assert current is not None and set(current.member_ids) == set(group.member_ids)


def test_remove_members_picks_them_from_the_group_and_previews_what_they_lose(
    desk: Desk, dialogs: DialogScript
) -> None:
    view = show_groups_by_keys(desk)
    group = choose(desk, view, GROUP_A)
    leaving = next(
        uid for uid in group.member_ids if uid not in group.users_in_error
    )  # holds the group's license now
    sku_id = group.group.assigned_licenses[0].sku_id
    assert sku_id in desk.tenant.assigned_licenses(leaving)

    def pick(dialog: QDialog) -> int:
        assert isinstance(dialog, RemoveMembersDialog)
        assert dialog.members.count() == len(group.member_ids)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        dialog.tick(leaving)
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog.checked.plan.kind is PlanKind.REMOVE_MEMBERS
        assert [c.user for c in dialog.checked.effective.changes] == [leaving]
        return ACCEPT

    dialogs.expect(RemoveMembersDialog, pick)
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, lambda _d: REJECT)
    _members_after_run(desk, view, desk.window.group_actions.remove_members.trigger)
    current = view.current_group()
    assert current is not None and leaving not in current.member_ids


def test_group_licenses_turns_an_app_on_for_the_group_and_follows_it_to_every_member(
    desk: Desk, dialogs: DialogScript
) -> None:
    view = show_groups_by_keys(desk)
    group = choose(desk, view, GROUP_B)
    (grant,) = group.group.assigned_licenses
    (app_off,) = grant.disabled_plans

    def turn_on(dialog: QDialog) -> int:
        assert isinstance(dialog, GroupLicensesDialog)
        assert dialog.change() == ([], [])  # shows the group as it is
        dialog.tree.set_app(grant.sku_id, app_off, True)
        assert dialog.change() == ([AssignedLicense(grant.sku_id, ())], [])
        return ACCEPT

    kinds: list[PlanKind] = []
    dialogs.expect(GroupLicensesDialog, turn_on)
    dialogs.expect(PlanPreviewDialog, record_kind(kinds))
    dialogs.expect(ResultsDialog, lambda _d: REJECT)
    commands = desk.window.group_commands
    assert commands is not None
    # Graph processes the members later: the window follows them and says when all are done.
    with desk.qtbot.waitSignal(commands.followed, timeout=TIMEOUT_MS) as followed:
        desk.window.group_actions.group_licenses.trigger()
    assert kinds == [PlanKind.GROUP_APPS]
    done = followed.args[0]
    assert done.finished and done.members == len(group.member_ids)
    desk.qtbot.waitUntil(
        lambda: all(
            desk.tenant.assigned_licenses(uid).get(grant.sku_id, (app_off,)) == ()
            for uid in group.member_ids
            if uid not in group.users_in_error
        ),
        timeout=TIMEOUT_MS,
    )
    desk.qtbot.waitUntil(
        lambda: (
            (g := view.current_group()) is not None
            and not g.group.assigned_licenses[0].disabled_plans
        ),
        timeout=TIMEOUT_MS,
    )


def test_remove_direct_copies_the_group_covers(desk: Desk, dialogs: DialogScript) -> None:
    view = show_groups_by_keys(desk)
    group = choose(desk, view, GROUP_A)
    (grant,) = group.group.assigned_licenses
    both = [
        u.id
        for u in desk.session.users.users()
        if u.id in group.member_ids
        and u.direct_license(grant.sku_id) is not None
        and u.groups_granting(grant.sku_id)
    ]
    assert both

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        assert dialog.checked.plan.kind is PlanKind.REMOVE_COVERED
        assert {c.user for c in dialog.checked.effective.changes} <= set(both)
        assert dialog.checked.effective.changes
        return ACCEPT

    reports: list[RunReport] = []
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report(reports))
    apply_and_wait(desk, desk.window.group_actions.remove_covered.trigger)
    for result in reports[0].results:
        assert result.outcome is Outcome.DONE
        # Never without the license: the group's copy stays.
        assert grant.sku_id in desk.tenant.assigned_licenses(result.user)
        row = desk.session.users.row_of(result.user)
        assert row is not None
        assert desk.session.users.user_at(row).direct_license(grant.sku_id) is None


def test_a_users_group_error_opens_fix_from_the_user_menu(
    desk: Desk, dialogs: DialogScript
) -> None:
    # The Groups page was never shown: its groups are read first, then Fix… opens.
    assert not tenant_view(desk).groups.loader.has_loaded
    row = rows_where(desk, lambda u: any(s.assigned_by_group for s in u.errors))[0]
    erring = user(desk, row)
    click(desk, row)
    menu = right_click_menu(desk, row)
    fix = next(a for a in menu.actions() if a.objectName() == "fixUserGroupError")
    menu.close()
    assert fix.isEnabled()
    seen: list[str] = []

    def look(dialog: QDialog) -> int:
        assert isinstance(dialog, FixDialog)
        seen.append(dialog.findChild(QLabel, "fixSummary").text())  # type: ignore[union-attr]
        return REJECT

    dialogs.expect(FixDialog, look)
    fix.trigger()
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0, timeout=TIMEOUT_MS)
    assert tenant_view(desk).showing_groups
    error = tenant_view(desk).groups.current_error()
    assert error is not None and error.user.id == erring.id
    assert seen and seen[0].startswith(erring.display_name)
    # Two users ticked: no single error to open.
    other = rows_where(desk, lambda u: u.id != erring.id and not u.not_activated)[0]
    desk.session.users.set_checked([other], True)
    assert not fix.isEnabled()


def test_the_group_tables_are_proper_qt_models(desk: Desk, qtmodeltester: Any) -> None:
    view = groups_view(desk)
    rows = view.loader.model.rows()
    assert rows and any(r.errors for r in rows)
    qtmodeltester.check(view.loader.model)
    qtmodeltester.check(view.groups)  # the sorting, filtering proxy over it
    choose(desk, view, GROUP_B)
    assert view.errors_model.rowCount() > 0
    qtmodeltester.check(view.errors_model)
    qtmodeltester.check(view.errors)


def test_group_licenses_takes_a_package_from_the_group_and_the_undo_gives_it_back(
    desk: Desk, dialogs: DialogScript
) -> None:
    view = show_groups_by_keys(desk)
    group = choose(desk, view, GROUP_B)
    (grant,) = group.group.assigned_licenses
    only_from_group = [
        uid
        for uid in group.member_ids
        if uid not in group.users_in_error
        and (row := desk.session.users.row_of(uid)) is not None
        and desk.session.users.user_at(row).direct_license(grant.sku_id) is None
    ]
    assert only_from_group

    def untick(dialog: QDialog) -> int:
        assert isinstance(dialog, GroupLicensesDialog)
        dialog.tree.set_picked(grant.sku_id, False)
        assert dialog.change() == ([], [grant.sku_id])
        return ACCEPT

    kinds: list[PlanKind] = []
    reports: list[RunReport] = []
    dialogs.expect(GroupLicensesDialog, untick)
    dialogs.expect(PlanPreviewDialog, record_kind(kinds))
    dialogs.expect(ResultsDialog, keep_report(reports))
    commands = desk.window.group_commands
    assert commands is not None
    with desk.qtbot.waitSignal(commands.followed, timeout=TIMEOUT_MS) as followed:
        desk.window.group_actions.group_licenses.trigger()
    assert kinds == [PlanKind.GROUP_REMOVE] and followed.args[0].finished
    assert all(grant.sku_id not in desk.tenant.assigned_licenses(u) for u in only_from_group)

    # The undo licenses the group again, with the same apps off; the members get it back.
    undo = desk.session.controller.undo_plan(reports[0].run_id)
    (change,) = undo.effective.changes
    assert change.on_group and change.add == (grant,)
    dialogs.expect(PlanPreviewDialog, lambda _d: ACCEPT)
    dialogs.expect(ResultsDialog, lambda _d: REJECT)
    runner = desk.window.runner
    assert runner is not None
    with desk.qtbot.waitSignals([runner.run_finished, view.loader.loaded], timeout=TIMEOUT_MS):
        runner.preview(undo)
    again = view.current_group()
    assert again is not None and again.group.assigned_licenses == (grant,)
    desk.qtbot.waitUntil(
        lambda: all(grant.sku_id in desk.tenant.assigned_licenses(u) for u in only_from_group),
        timeout=TIMEOUT_MS,
    )
