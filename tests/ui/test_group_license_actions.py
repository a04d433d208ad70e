"""Reassign and Apps say why they are off for a user whose licenses all come from a group
(issue 11, defect 4): the tooltip, the status tip and the user menu name the group. Remove
license stays on: it offers to remove the user from the group (test_remove_via_group.py)."""

from __future__ import annotations

from tests.ui.conftest import Desk
from tests.ui.helpers import click, right_click_menu, rows_where, user
from tests.ui.language_support import in_language, polish

__all__ = ["in_language", "polish"]  # fixtures, imported for pytest


def _group_only_row(desk: Desk) -> int:
    return rows_where(desk, lambda u: u.assigned_licenses and not u.has_direct_license)[0]


def test_reassign_and_apps_say_which_group_the_license_comes_from(desk: Desk) -> None:
    row = _group_only_row(desk)
    groups = [desk.session.naming.group(g) for g in user(desk, row).granting_group_ids]
    actions = desk.window.user_actions
    normal_tip = actions.reassign.toolTip()
    remove_tip = actions.remove.toolTip()

    click(desk, row)
    for action in (actions.reassign, actions.apps):
        assert not action.isEnabled()
        assert action.toolTip().startswith("Not available")
        assert all(name in action.toolTip() for name in groups), action.toolTip()
        assert action.statusTip() == action.toolTip()
    assert actions.remove.isEnabled() and actions.remove.toolTip() == remove_tip

    menu = right_click_menu(desk, row)
    assert menu.toolTipsVisible()
    shown = next(a for a in menu.actions() if a.objectName() == "reassign")
    assert groups[0] in shown.toolTip()
    menu.close()

    # A user with a direct license ticked too: Reassign works, with its usual tip.
    direct = rows_where(desk, lambda u: u.has_direct_license)[0]
    desk.session.users.set_checked([direct], True)
    assert actions.reassign.isEnabled() and actions.reassign.toolTip() == normal_tip


def test_the_reason_is_in_polish(polish: None, desk: Desk) -> None:
    row = _group_only_row(desk)
    click(desk, row)
    tip = desk.window.user_actions.reassign.toolTip()
    assert tip.startswith("Niedostępne"), tip
    group = desk.session.naming.group(sorted(user(desk, row).granting_group_ids)[0])
    assert group in tip
