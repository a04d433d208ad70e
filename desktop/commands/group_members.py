"""``license-desk group-members --group G (--add UPN ... | --remove UPN ...)``: add users to a
group or remove them from it. Members get, or lose, whatever licenses the group carries; the
check says which, and the seats (docs/graph-facts.md, "Groups and group-based licensing").
Like every change: checked, shown, confirmed, journaled, resumable, undoable."""

from __future__ import annotations

import argparse

from desktop.commands.change_options import add_run_options, run_plan, split_list
from desktop.commands.changes import UsageError
from desktop.commands.flow import handles_errors
from desktop.commands.group_options import group_of, group_ref
from desktop.licensing.builders import add_members_plan, remove_members_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Plan


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "group-members",
        help="add users to a group or remove them (they gain or lose its licenses)",
        description=(
            "Add users to a group or remove them from it. A licensed group's members get its "
            "licenses: the preview says what each user gains or loses, and the seats."
        ),
    )
    parser.add_argument("--group", metavar="NAME_OR_ID", required=True, help="the group")
    what = parser.add_mutually_exclusive_group(required=True)
    what.add_argument("--add", metavar="UPN[,UPN...]", action="append", help="users to add")
    what.add_argument("--remove", metavar="UPN[,UPN...]", action="append", help="users to remove")
    add_run_options(parser)
    parser.set_defaults(handler=handles_errors(run_group_members))


def build(args: argparse.Namespace, controller: LicenseController) -> Plan:
    users = split_list(args.add if args.add is not None else args.remove)
    if not users:
        raise UsageError("Name at least one user (--add or --remove UPN).")
    group = group_ref(group_of(controller.client, args.group))
    if args.add is not None:
        return add_members_plan(users, group)
    return remove_members_plan(users, group)


def run_group_members(args: argparse.Namespace) -> int:
    return run_plan(args, lambda controller: build(args, controller))
