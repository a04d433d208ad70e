"""``license-desk reprocess (--users ... | --users-file F | --group G | --errors)``: ask Microsoft
to process users' group-based licenses again, once the cause of an error is fixed (a seat freed,
a conflicting app turned off, a usage location set). docs/graph-facts.md, "Groups and
group-based licensing". Like every change: checked, shown, confirmed, journaled; an undo has
nothing of it to restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.change_options import add_run_options, run_plan, users_of
from desktop.commands.flow import handles_errors
from desktop.commands.group_options import group_of
from desktop.graph.client import GraphClient
from desktop.graph.groups import group_members
from desktop.licensing.builders import reprocess_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Plan


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "reprocess",
        help="process users' group licenses again (after fixing an error's cause)",
        description=(
            "Ask Microsoft to process the group-based licenses of users again: of the users "
            "given, of a group's members, or of every user whose group license is in error."
        ),
    )
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--users", metavar="UPN[,UPN...]", action="append", help="users")
    who.add_argument("--users-file", metavar="FILE", type=Path, help="one user per line")
    who.add_argument("--group", metavar="NAME_OR_ID", help="the members of this group")
    who.add_argument(
        "--errors", action="store_true", help="every user with a group license in error"
    )
    add_run_options(parser)
    parser.set_defaults(handler=handles_errors(run_reprocess))


def users_in_error(client: GraphClient) -> list[str]:
    return [
        u.id
        for u in client.list_users()
        if any(s.assigned_by_group and s.has_error for s in u.license_assignment_states)
    ]


def build(args: argparse.Namespace, controller: LicenseController) -> Plan:
    client = controller.client
    if args.group is not None:
        members = group_members(client, group_of(client, args.group).id)
        return reprocess_plan([m.id for m in members if not m.is_group])
    if args.errors:
        return reprocess_plan(users_in_error(client))
    return reprocess_plan(users_of(args))


def run_reprocess(args: argparse.Namespace) -> int:
    return run_plan(args, lambda controller: build(args, controller))
