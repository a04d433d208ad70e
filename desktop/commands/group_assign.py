"""``license-desk group-assign --group NAME_OR_ID [--add SKU ...] [--remove SKU ...]
[--disable-plan PLAN ...] [--remove-direct-copies] [--dry-run] [--yes]``: a group's own licenses.

Members get a group's licenses through it, processed by Microsoft in the background
(docs/graph-facts.md, "Groups and group-based licensing"). The preview says what the change
does to the members: the seats new holders take, who loses what and how many mailboxes, members
without a usage location, nested groups, plan conflicts. After applying, the members are polled
until each shows the change (bounded; ``--no-wait`` skips it). ``--remove-direct-copies`` removes
members' direct copies of the group's packages where the group's copy is active for them.
Journaled, resumable, undone by ``license-desk undo RUN`` like every change.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import Any

from desktop.catalog import resolve_sku
from desktop.commands.change_options import add_run_options, run_plan
from desktop.commands.changes import UsageError, disabled_plans_by_sku
from desktop.commands.flow import handles_errors
from desktop.commands.group_options import group_of
from desktop.graph.groups import LicensedGroup
from desktop.graph.records import AssignedLicense
from desktop.licensing.builders import group_license_plan, remove_covered_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.group_impact import group_impact
from desktop.licensing.propagation import (
    DEFAULT_DEADLINE_SECONDS,
    Propagation,
    target_of,
    wait_for_members,
)
from desktop.licensing.reader import LISTING_THRESHOLD, read_members
from desktop.licensing.types import Outcome, Plan, RunReport


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "group-assign",
        help="add or remove a group's licenses, or change their apps (members follow)",
        description=(
            "Change the licenses a group gives its members. The preview says what it does to "
            "the members; after applying, the members are followed until Microsoft has "
            "processed each of them."
        ),
    )
    parser.add_argument("--group", metavar="NAME_OR_ID", required=True, help="the group")
    parser.add_argument("--add", metavar="SKU", action="append", default=[], help="license to add")
    parser.add_argument(
        "--remove", metavar="SKU", action="append", default=[], help="license to remove"
    )
    parser.add_argument(
        "--disable-plan",
        metavar="PLAN",
        action="append",
        default=[],
        help="app to turn off in the added license(s); --add of a license the group has "
        "changes its apps",
    )
    parser.add_argument(
        "--remove-direct-copies",
        action="store_true",
        help="remove members' direct copies of the group's licenses (only where the group's "
        "copy is active for them)",
    )
    parser.add_argument(
        "--no-wait", action="store_true", help="do not follow the members after applying"
    )
    add_run_options(parser)
    parser.set_defaults(handler=handles_errors(run_group_assign))


def build(args: argparse.Namespace, controller: LicenseController) -> tuple[Plan, LicensedGroup]:
    client = controller.client
    group = group_of(client, args.group)
    if args.remove_direct_copies:
        if args.add or args.remove or args.disable_plan:
            raise UsageError(
                "--remove-direct-copies goes alone: change the group's licenses first."
            )
        skus = {s.sku_id: s for s in controller.list_skus()}
        members = read_members(client, group.id, threshold=LISTING_THRESHOLD)
        impact = group_impact(group, members.users, members.nested, skus)
        return remove_covered_plan(impact.covered_directs), group
    if not (args.add or args.remove):
        raise UsageError("Nothing to do: give --add, --remove or --remove-direct-copies.")
    skus_list = controller.list_skus()
    added = [resolve_sku(name, skus_list) for name in args.add]
    removed = [resolve_sku(name, skus_list).sku_id for name in args.remove]
    if args.disable_plan and not added:
        raise UsageError("--disable-plan needs --add: it turns apps off in the added license.")
    disabled = disabled_plans_by_sku(args.disable_plan, added)
    licenses = [AssignedLicense(s.sku_id, disabled[s.sku_id]) for s in added]
    return group_license_plan(group, licenses, removed), group


def propagation_document(result: Propagation) -> dict[str, Any]:
    return {
        "members": result.members,
        "processed": result.processed,
        "inError": result.in_error,
        "finished": result.finished,
    }


def run_group_assign(args: argparse.Namespace) -> int:
    built: dict[str, Any] = {}

    def make(controller: LicenseController) -> Plan:
        plan, group = build(args, controller)
        built.update(plan=plan, group=group, controller=controller)
        return plan

    def follow(report: RunReport) -> Mapping[str, Any]:
        plan: Plan = built["plan"]
        changes = [c for c in plan.changes if c.on_group]
        if args.no_wait or not changes or report.results[0].outcome is not Outcome.DONE:
            return {}
        controller: LicenseController = built["controller"]
        group: LicensedGroup = built["group"]
        err = sys.stderr

        def say(p: Propagation) -> None:
            print(f"\rMembers processed: {p.processed} of {p.members}", end="", file=err)

        result = wait_for_members(
            controller.client,
            group.id,
            target_of(changes[0]),
            deadline_seconds=DEFAULT_DEADLINE_SECONDS,
            progress=say,
        )
        print(file=err)
        if result.finished:
            print(
                f"Every member processed ({result.members}); {result.in_error} in error "
                "(license-desk groups says why).",
                file=err,
            )
        else:
            print(
                f"{result.waiting} of {result.members} members not processed yet: Microsoft "
                "is still working; see license-desk groups later.",
                file=err,
            )
        return {"propagation": propagation_document(result)}

    return run_plan(args, make, after_run=follow)
