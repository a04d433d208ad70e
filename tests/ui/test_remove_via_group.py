"""Remove license… for a user whose license comes from a group (issue 13, off-boarding): the
dialog offers to remove the user from the group that gives it, the preview says what else the
group takes away, applying frees the license, and History › Undo adds the user back."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox

from desktop.graph.records import User
from tests.insight.test_reclaim_demo import nobody_waits_for_a_group_seat
from tests.ui.conftest import ACCEPT, TIMEOUT_MS, Desk, DialogScript
from tests.ui.helpers import apply_and_wait, click, keep_report, rows_where, user
from tests.ui.language_support import in_language, polish
from tests.ui.test_undo_preview import undo_preview
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.dialogs.remove_dialog import RemoveDialog
from ui.dialogs.results_dialog import ResultsDialog

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest


def _inherited_only(u: User) -> bool:
    return bool(u.assigned_licenses) and not u.has_direct_license and bool(u.granting_group_ids)


def _member_of(desk: Desk, user_id: str, group_id: str) -> bool:
    """What the demo tenant holds (written by the app over HTTP)."""
    store = desk.tenant.store
    row, group = store.user(user_id), store.group(group_id)
    assert row is not None and group is not None
    memberships = store.memberships_of([int(row[0])]).get(int(row[0]), [])
    return any(m.group_rowid == group.rowid for m in memberships)


def test_remove_an_inherited_license_by_leaving_the_group_and_undo_rejoins(
    desk: Desk, dialogs: DialogScript
) -> None:
    # Else the seat freed goes to a member waiting in the group, and the undo finds none.
    nobody_waits_for_a_group_seat(desk.tenant)
    row = rows_where(desk, _inherited_only)[0]
    target = user(desk, row)
    sku_id = next(iter(target.sku_ids))
    (group_id,) = target.groups_granting(sku_id)[:1]
    group = desk.session.naming.group(group_id)
    upn = target.user_principal_name
    before = desk.tenant.assigned_licenses(upn)
    assert sku_id in before
    click(desk, row)
    actions = desk.window.user_actions
    assert actions.remove.isEnabled()

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, RemoveDialog)
        assert not dialog.leave_groups.isVisibleTo(dialog)  # nothing picked yet
        dialog.set_picked(sku_id)
        assert dialog.leave_groups.isVisibleTo(dialog)
        assert dialog.leave_groups.text().startswith(
            "Also remove the users from 1 group that gives it"
        )
        assert group in dialog.leave_groups.text()
        dialog.leave_groups.setChecked(True)
        assert dialog.leaving_groups()
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        (change,) = dialog.checked.effective.changes
        assert [g.id for g in change.leave_groups] == [group_id] and not change.remove
        assert f"Remove from the group {group}" in dialog.rows.rows()[0].change
        texts = dialog.problem_texts()
        assert any(t.startswith("Loses ") and group in t for t in texts), texts
        assert dialog.apply_button.isEnabled()
        return ACCEPT

    dialogs.expect(RemoveDialog, choose)
    dialogs.expect(PlanPreviewDialog, preview)
    dialogs.expect(ResultsDialog, keep_report([]))
    apply_and_wait(desk, actions.remove.trigger)

    assert not _member_of(desk, target.id, group_id)
    desk.qtbot.waitUntil(
        lambda: sku_id not in desk.tenant.assigned_licenses(upn), timeout=TIMEOUT_MS
    )

    def undo(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        (change,) = dialog.checked.effective.changes
        assert [g.id for g in change.join_groups] == [group_id]
        assert f"Add to the group {group}" in dialog.rows.rows()[0].change
        assert dialog.apply_button.isEnabled(), dialog.problem_texts()
        return ACCEPT

    runner = desk.window.runner
    assert runner is not None
    with desk.qtbot.waitSignal(runner.run_finished, timeout=TIMEOUT_MS):
        undo_preview(desk, dialogs, undo, results=[])
    assert _member_of(desk, target.id, group_id)
    desk.qtbot.waitUntil(lambda: desk.tenant.assigned_licenses(upn) == before, timeout=TIMEOUT_MS)


def test_without_leaving_the_preview_says_which_group_gives_it(
    desk: Desk, dialogs: DialogScript
) -> None:
    row = rows_where(desk, _inherited_only)[0]
    target = user(desk, row)
    sku_id = next(iter(target.sku_ids))
    group = desk.session.naming.group(target.groups_granting(sku_id)[0])
    click(desk, row)
    seen: list[str] = []

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, RemoveDialog)
        dialog.set_picked(sku_id)
        assert not dialog.leaving_groups()  # leaving is asked for, never assumed
        return ACCEPT

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        seen.extend(dialog.problem_texts())
        assert not dialog.apply_button.isEnabled()
        return QDialog.DialogCode.Rejected.value

    dialogs.expect(RemoveDialog, choose)
    dialogs.expect(PlanPreviewDialog, preview)
    desk.window.user_actions.remove.trigger()
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0, timeout=TIMEOUT_MS)
    assert any(group in t and "change the group instead" in t for t in seen), seen


def test_the_offer_to_leave_the_group_in_polish(
    polish: None, desk: Desk, dialogs: DialogScript
) -> None:
    row = rows_where(desk, _inherited_only)[0]
    target = user(desk, row)
    sku_id = next(iter(target.sku_ids))
    group = desk.session.naming.group(target.groups_granting(sku_id)[0])
    click(desk, row)
    seen: list[str] = []

    def choose(dialog: QDialog) -> int:
        assert isinstance(dialog, RemoveDialog)
        dialog.set_picked(sku_id)
        seen.extend([dialog.leave_groups.text(), dialog.groups_note.text()])
        return QDialog.DialogCode.Rejected.value

    dialogs.expect(RemoveDialog, choose)
    desk.window.user_actions.remove.trigger()
    desk.qtbot.waitUntil(lambda: dialogs.pending == 0, timeout=TIMEOUT_MS)
    assert seen[0].startswith("Usuń też użytkowników z 1 grupy") and group in seen[0], seen
    assert seen[1].startswith("Licencję z grupy"), seen
