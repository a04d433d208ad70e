"""Issue 13, Deliver 3: synced (hybrid) users are marked; the fields their on-premises directory
masters say why they cannot be changed here; blocking one warns that the next sync undoes it.
And a user's licenses say direct, inherited (the group named) or both. English and Polish,
against the demo tenant over HTTP."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from desktop.graph.records import User
from tests.ui.conftest import REJECT, Desk, DialogScript
from tests.ui.helpers import click, rows_where, user
from tests.ui.language_support import in_language, polish
from ui.dialogs.plan_preview import PlanPreviewDialog
from ui.models.columns import Column
from ui.models.naming import license_labels, problem_labels

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest


def _cell(desk: Desk, row: int, column: Column, role: Qt.ItemDataRole) -> object:
    return desk.session.users.index(row, column).data(role)


def _synced(u: User) -> bool:
    return bool(u.on_premises_sync_enabled) and u.account_enabled and not u.not_activated


def test_synced_users_are_marked_and_their_profile_fields_say_why_they_are_read_only(
    desk: Desk,
) -> None:
    synced = rows_where(desk, lambda u: u.on_premises_sync_enabled)
    cloud = rows_where(desk, lambda u: not u.on_premises_sync_enabled and not u.not_activated)
    assert synced and cloud
    for row in synced:
        assert _cell(desk, row, Column.NAME, Qt.ItemDataRole.DecorationRole) is not None
        heard = str(_cell(desk, row, Column.NAME, Qt.ItemDataRole.AccessibleDescriptionRole))
        assert "on-premises Active Directory" in heard  # the icon, for a screen reader
        for column in (Column.NAME, Column.UPN, Column.DEPARTMENT):
            tip = str(_cell(desk, row, column, Qt.ItemDataRole.ToolTipRole))
            assert "on-premises Active Directory" in tip and "read-only" in tip, tip
        status = str(_cell(desk, row, Column.STATUS, Qt.ItemDataRole.ToolTipRole))
        assert "next sync" in status
    for row in cloud:
        assert _cell(desk, row, Column.NAME, Qt.ItemDataRole.DecorationRole) is None
        assert _cell(desk, row, Column.NAME, Qt.ItemDataRole.AccessibleDescriptionRole) is None
        tip = _cell(desk, row, Column.UPN, Qt.ItemDataRole.ToolTipRole)
        assert tip is None
    # The job title still shows on the name of a synced user who has one.
    titled = [r for r in synced if user(desk, r).job_title]
    if titled:
        tip = str(_cell(desk, titled[0], Column.NAME, Qt.ItemDataRole.ToolTipRole))
        assert tip.startswith(str(user(desk, titled[0]).job_title))


def _block_preview_warnings(desk: Desk, dialogs: DialogScript, rows: list[int]) -> list[str]:
    for n, row in enumerate(rows):
        click(desk, row, Column.CHECK if n else Column.NAME)
    seen: list[str] = []

    def preview(dialog: QDialog) -> int:
        assert isinstance(dialog, PlanPreviewDialog)
        seen.extend(dialog.problem_texts())
        return REJECT  # nothing is sent

    dialogs.expect(PlanPreviewDialog, preview)
    runner = desk.window.runner
    assert runner is not None
    with desk.qtbot.waitSignal(runner.busy_changed, check_params_cb=lambda busy: not busy):
        desk.window.user_actions.block.trigger()
    return seen


def test_blocking_a_synced_user_warns_that_the_next_sync_undoes_it(
    desk: Desk, dialogs: DialogScript
) -> None:
    rows = rows_where(desk, _synced)[:2]
    warnings = _block_preview_warnings(desk, dialogs, rows)
    # One line for both (the engine's check says it per user; the preview counts them).
    said = [w for w in warnings if "next sync will undo the block" in w]
    assert said == [
        "Synced from on-premises Active Directory: the next sync will undo the block. Disable "
        "the account on-premises to keep it blocked (2 users)"
    ], warnings


def test_blocking_a_cloud_user_has_no_sync_warning(desk: Desk, dialogs: DialogScript) -> None:
    row = rows_where(
        desk, lambda u: not u.on_premises_sync_enabled and u.account_enabled and not u.not_activated
    )[0]
    warnings = _block_preview_warnings(desk, dialogs, [row])
    assert not any("sync" in w for w in warnings), warnings


def test_the_sync_warning_in_polish(polish: None, desk: Desk, dialogs: DialogScript) -> None:
    rows = rows_where(desk, _synced)[:2]
    warnings = _block_preview_warnings(desk, dialogs, rows)
    assert any("następna synchronizacja" in w for w in warnings), warnings
    tip = str(_cell(desk, rows[0], Column.UPN, Qt.ItemDataRole.ToolTipRole))
    assert "Active Directory" in tip and "tylko do odczytu" in tip, tip


def test_a_license_says_direct_inherited_with_the_group_or_both(desk: Desk) -> None:
    naming = desk.session.naming
    users = desk.session.users.users()
    both = next(
        u for u in users if any(u.groups_granting(s) and s in u.direct_sku_ids for s in u.sku_ids)
    )
    inherited = next(
        u
        for u in users
        if any(u.groups_granting(s) and s not in u.direct_sku_ids for s in u.sku_ids)
    )
    direct = next(u for u in users if u.sku_ids and not u.granting_group_ids)
    first_group = {u.id: sorted(u.granting_group_ids)[0] for u in (both, inherited)}
    group_of = {uid: naming.group(gid) for uid, gid in first_group.items()}
    assert all(group_of[uid] != gid for uid, gid in first_group.items())  # names, not ids
    assert any(
        f"direct, also via {group_of[both.id]}" in label for label in license_labels(both, naming)
    )
    assert any(
        f"(via {group_of[inherited.id]})" in label for label in license_labels(inherited, naming)
    )
    assert all("via" not in label for label in license_labels(direct, naming))
    # The table shows the same words.
    row = desk.session.users.row_of(both.id)
    assert row is not None
    shown = str(_cell(desk, row, Column.LICENSES, Qt.ItemDataRole.DisplayRole))
    assert f"direct, also via {group_of[both.id]}" in shown


def test_a_group_licenses_error_names_the_group(desk: Desk) -> None:
    naming = desk.session.naming
    row = rows_where(desk, lambda u: any(s.assigned_by_group for s in u.errors))[0]
    state = next(s for s in user(desk, row).errors if s.assigned_by_group)
    shown = str(_cell(desk, row, Column.PROBLEMS, Qt.ItemDataRole.DisplayRole))
    group = naming.group(str(state.assigned_by_group))
    assert f"{naming.sku(state.sku_id)} from the group {group}: " in shown, shown


def test_direct_and_inherited_in_polish(polish: None, desk: Desk) -> None:
    naming = desk.session.naming
    both = next(
        u
        for u in desk.session.users.users()
        if any(u.groups_granting(s) and s in u.direct_sku_ids for s in u.sku_ids)
    )
    labels = license_labels(both, naming)
    assert any("bezpośrednio" in label for label in labels), labels
    erring = next(
        u for u in desk.session.users.users() if any(s.assigned_by_group for s in u.errors)
    )
    assert any(" z grupy " in label for label in problem_labels(erring, naming))
