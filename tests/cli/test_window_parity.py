"""Everything the window can change, the command line can change too: every change action of
the window and every kind of plan maps to a subcommand the parser accepts. A new window
action or plan kind fails here until it has its subcommand (and an entry below)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from pytestqt.qtbot import QtBot

from desktop.commands.parser import build_parser
from desktop.licensing.types import PlanKind
from ui.actions import UserActions
from ui.groups.group_actions import GroupActions

U = ["--users", "a@contoso.pl"]

# Window action (objectName) -> a command line that does the same.
CHANGE_ACTIONS: dict[str, list[str]] = {
    "addLicenses": ["assign", *U, "--add", "FLOW_FREE"],
    "reassign": ["assign", *U, "--remove", "SPB", "--add", "ENTERPRISEPACK", "--replace"],
    "removeLicense": ["assign", *U, "--remove", "SPB"],
    "apps": ["apps", *U, "--sku", "SPB", "--off", "SWAY", "--on", "FORMS_PLAN_E3"],
    "usageLocation": ["location", *U, "--set", "PL"],
    "activate": ["unblock", *U],
    "block": ["block", *U],
    "newUser": ["user", "create", "--upn", "a@contoso.pl", "--name", "A", "--license", "SPB"],
    "copyFrom": ["copy", "--from", "a@contoso.pl", "--to", "b@contoso.pl"],
    "importPlan": ["apply", "plan.csv"],
}
# Window actions that change nothing in the tenant, with their command-line counterpart.
OTHER_ACTIONS: dict[str, list[str] | None] = {
    "refresh": ["users"],
    "reloadAll": ["users", "--no-snapshot"],
    "importPeople": ["people", "import", "hr.csv", "--dry-run"],
    "removeFromList": ["people", "remove", "a@contoso.pl"],  # the list, not the tenant
    "exportCsv": ["users", "--csv", "users.csv"],
    "history": ["history"],
    "insight": ["insights"],  # its Reclaim… is `reclaim`, its prices `prices`
    "saveTemplate": ["templates", "save", "--from-user", "a@contoso.pl", "Sales PL"],
    "templates": ["templates", "list"],  # rename, delete, export, import: the same verbs
    "templateDrift": ["templates", "drift", "--align"],  # its Align… is a MIXED change
    "find": None,  # moves the keyboard focus
    "tickAll": None,
    "clearTicks": None,
}
# The Groups view's actions (objectName) -> the command lines that do the same.
GROUP_ACTIONS: dict[str, list[list[str]]] = {
    "showUsers": [["users"]],
    "showGroups": [["groups"]],
    "reprocessGroup": [["reprocess", "--group", "G"]],
    # Fix… makes one of these plans, then reprocesses the member.
    "fixUserGroupError": [["reprocess", *U]],  # Fix… of the ticked user's error
    "fixGroupError": [
        ["assign", *U, "--remove", "SPB"],
        ["apps", *U, "--sku", "SPB", "--off", "EXCHANGE_S_STANDARD"],
        ["location", *U, "--set", "PL"],
        ["reprocess", *U],
    ],
    "groupLicenses": [
        ["group-assign", "--group", "G", "--add", "SPB", "--disable-plan", "SWAY"],
        ["group-assign", "--group", "G", "--remove", "SPB"],
    ],
    "removeCoveredDirect": [["group-assign", "--group", "G", "--remove-direct-copies"]],
    "addGroupMembers": [["group-members", "--group", "G", "--add", "a@contoso.pl"]],
    "removeGroupMembers": [["group-members", "--group", "G", "--remove", "a@contoso.pl"]],
}
# Every kind of plan -> the subcommand(s) that make it.
PLAN_KINDS: dict[PlanKind, list[list[str]]] = {
    PlanKind.ASSIGN: [CHANGE_ACTIONS["addLicenses"]],
    PlanKind.REASSIGN: [CHANGE_ACTIONS["reassign"]],
    PlanKind.REMOVE: [CHANGE_ACTIONS["removeLicense"]],
    PlanKind.APPS: [CHANGE_ACTIONS["apps"]],
    PlanKind.USAGE_LOCATION: [CHANGE_ACTIONS["usageLocation"]],
    PlanKind.SIGN_IN: [CHANGE_ACTIONS["block"], CHANGE_ACTIONS["activate"]],
    PlanKind.CREATE: [CHANGE_ACTIONS["newUser"], ["user", "create", "--users-file", "new.csv"]],
    PlanKind.COPY: [CHANGE_ACTIONS["copyFrom"]],
    PlanKind.IMPORT: [CHANGE_ACTIONS["importPlan"]],
    PlanKind.UNDO: [["undo", "abc123"]],
    PlanKind.MIXED: [["assign", *U, "--add", "SPB", "--usage-location", "PL", "--enable"]],
    PlanKind.ADD_MEMBERS: [["group-members", "--group", "G", "--add", "a@contoso.pl"]],
    PlanKind.REMOVE_MEMBERS: [["group-members", "--group", "G", "--remove", "a@contoso.pl"]],
    PlanKind.GROUP_LICENSE: [["group-assign", "--group", "G", "--add", "SPB"]],
    PlanKind.GROUP_APPS: [
        ["group-assign", "--group", "G", "--add", "SPB", "--disable-plan", "SWAY"]
    ],
    PlanKind.GROUP_REMOVE: [["group-assign", "--group", "G", "--remove", "SPB"]],
    PlanKind.REMOVE_COVERED: [["group-assign", "--group", "G", "--remove-direct-copies"]],
    PlanKind.REPROCESS: [
        ["reprocess", *U],
        ["reprocess", "--group", "G"],
        ["reprocess", "--errors"],
    ],
}
SAFE_OPTIONS = ["--dry-run", "--json", "--yes"]


def parses(argv: list[str]) -> bool:
    args = build_parser().parse_args(argv)
    return callable(getattr(args, "handler", None))


@pytest.fixture
def window_actions(qtbot: QtBot) -> UserActions:
    return UserActions()


def test_every_window_action_is_mapped(window_actions: UserActions) -> None:
    names = {action.objectName() for action in window_actions.findChildren(QAction)}
    assert names, "UserActions has no actions?"
    unmapped = names - set(CHANGE_ACTIONS) - set(OTHER_ACTIONS)
    assert not unmapped, f"window actions without a command-line counterpart: {unmapped}"
    assert set(CHANGE_ACTIONS) | set(OTHER_ACTIONS) <= names  # no stale entries


def test_every_change_action_of_the_window_has_a_subcommand(
    window_actions: UserActions,
) -> None:
    changes = {a.objectName() for a in window_actions.change_actions()} | {"newUser"}
    assert changes <= set(CHANGE_ACTIONS)
    for name, argv in CHANGE_ACTIONS.items():
        assert parses(argv), name
        if name != "importPlan":  # apply has --dry-run/--yes/--json too; the file comes first
            assert parses([*argv, *SAFE_OPTIONS]), name
    for name, argv in OTHER_ACTIONS.items():
        assert argv is None or parses(argv), name


def test_every_plan_kind_has_a_subcommand() -> None:
    assert set(PLAN_KINDS) == set(PlanKind), "a new PlanKind needs its subcommand here"
    for kind, lines in PLAN_KINDS.items():
        for argv in lines:
            assert parses(argv), kind
            assert parses([*argv, "--dry-run", "--json"]), kind


def test_every_groups_view_action_is_mapped_to_commands_that_parse(qtbot: QtBot) -> None:
    actions = GroupActions()
    names = {action.objectName() for action in actions.findChildren(QAction)}
    assert names and names == set(GROUP_ACTIONS), names ^ set(GROUP_ACTIONS)
    for argvs in GROUP_ACTIONS.values():
        assert all(parses(argv) for argv in argvs), argvs
