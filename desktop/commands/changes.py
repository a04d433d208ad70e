"""``license-desk assign`` and ``license-desk apply PLAN.csv``: changing licenses from scripts."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from desktop.catalog import CatalogLookupError, resolve_plan, resolve_sku
from desktop.commands.connection import (
    ConnectionOptionsError,
    add_connection_options,
    open_controller,
)
from desktop.commands.flow import check_confirm_apply, handles_errors
from desktop.graph.records import AssignedLicense, Sku
from desktop.licensing.csv_plan import decode, load_plan_csv
from desktop.licensing.describe import change_text
from desktop.licensing.types import Plan, PlanKind, UserChange
from desktop.licensing.via_groups import through_groups


class UsageError(ConnectionOptionsError):
    """Bad options; exits with 2 like any other bad input."""


def _add_apply_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--dry-run", action="store_true", help="check and show, change nothing")
    parser.add_argument("--yes", action="store_true", help="apply without asking")
    parser.add_argument(
        "--json", action="store_true", help="print one JSON document (see docs/cli-json.md)"
    )


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    assign = subparsers.add_parser(
        "assign",
        help="add, remove or swap licenses for users",
        description="Check the change against the tenant, show it, confirm, then apply it.",
    )
    who = assign.add_mutually_exclusive_group(required=True)
    who.add_argument("--users", metavar="UPN[,UPN...]", action="append", help="users to change")
    who.add_argument("--users-file", metavar="FILE", type=Path, help="one user per line")
    assign.add_argument("--add", metavar="SKU", action="append", default=[], help="license to add")
    assign.add_argument(
        "--remove", metavar="SKU", action="append", default=[], help="license to remove"
    )
    assign.add_argument(
        "--replace",
        action="store_true",
        help="swap: one --remove and one --add in a single call per user",
    )
    assign.add_argument(
        "--disable-plan",
        metavar="PLAN",
        action="append",
        default=[],
        help="app to turn off in the added license(s), by name or id",
    )
    assign.add_argument(
        "--leave-groups",
        action="store_true",
        help="a removed license that comes from a group: remove the user from that group",
    )
    assign.add_argument("--usage-location", metavar="CC", help="set this country code (e.g. PL)")
    assign.add_argument("--enable", action="store_true", help="also allow sign-in")
    _add_apply_options(assign)
    add_connection_options(assign)
    assign.set_defaults(handler=handles_errors(run_assign))

    apply = subparsers.add_parser(
        "apply", help="apply a plan file (CSV)", description="See docs/plan-csv.md for the format."
    )
    apply.add_argument("plan", metavar="PLAN.csv", type=Path)
    _add_apply_options(apply)
    add_connection_options(apply)
    apply.set_defaults(handler=handles_errors(run_apply))


def read_users_option(values: Sequence[str] | None, file: Path | None) -> list[str]:
    users: list[str] = []
    for value in values or ():
        users.extend(u.strip() for u in value.split(","))
    if file is not None:
        for line in decode(file.read_bytes(), file.name).splitlines():
            text = line.strip()
            if text and not text.startswith("#") and text.lower() != "userprincipalname":
                users.append(text)
    users = [u for u in users if u]
    if not users:
        raise UsageError("No users given: pass --users or a --users-file with one user per line.")
    return users


def _resolve_skus(names: Sequence[str], skus: Sequence[Sku]) -> list[Sku]:
    return [resolve_sku(name, skus) for name in names]


def disabled_plans_by_sku(names: Sequence[str], added: Sequence[Sku]) -> dict[str, tuple[str, ...]]:
    """Each app named is turned off in every added license that contains it."""
    found: dict[str, list[str]] = {s.sku_id: [] for s in added}
    for name in names:
        misses: list[CatalogLookupError] = []
        for sku in added:
            try:
                found[sku.sku_id].append(resolve_plan(name, sku).service_plan_id)
            except CatalogLookupError as exc:
                misses.append(exc)
        if len(misses) == len(added):
            raise misses[0]
    return {sku_id: tuple(dict.fromkeys(ids)) for sku_id, ids in found.items()}


def build_assign_plan(args: argparse.Namespace, skus: Sequence[Sku]) -> Plan:
    users = read_users_option(args.users, args.users_file)
    added = _resolve_skus(args.add, skus)
    removed = [s.sku_id for s in _resolve_skus(args.remove, skus)]
    if args.leave_groups and not removed:
        raise UsageError("--leave-groups needs --remove: it frees a removed license from groups.")
    if args.disable_plan and not added:
        raise UsageError("--disable-plan needs --add: it turns apps off in the added license.")
    if args.replace and (len(added) != 1 or len(removed) != 1):
        raise UsageError("--replace needs exactly one --remove and one --add.")
    if not (added or removed or args.usage_location or args.enable):
        raise UsageError("Nothing to do: give --add, --remove, --usage-location or --enable.")
    disabled = disabled_plans_by_sku(args.disable_plan, added)
    licenses = tuple(AssignedLicense(s.sku_id, disabled[s.sku_id]) for s in added)
    location = args.usage_location.strip().upper() if args.usage_location else None
    changes = tuple(
        UserChange(
            user=u,
            add=licenses,
            remove=tuple(removed),
            usage_location=location,
            account_enabled=True if args.enable else None,
        )
        for u in dict.fromkeys(users)
    )
    kind = _kind(args, bool(added), bool(removed))
    what = change_text(replace(changes[0], user=""), {s.sku_id: s for s in skus})
    count = "1 user" if len(changes) == 1 else f"{len(changes)} users"
    return Plan(kind, changes, f"{what[:1].upper()}{what[1:]} for {count}")


def _kind(args: argparse.Namespace, adds: bool, removes: bool) -> PlanKind:
    if adds and removes:
        return PlanKind.REASSIGN
    if adds:
        return PlanKind.ASSIGN
    if removes:
        return PlanKind.REMOVE
    if args.usage_location and not args.enable:
        return PlanKind.USAGE_LOCATION
    if args.enable and not args.usage_location:
        return PlanKind.SIGN_IN
    return PlanKind.MIXED


def run_assign(args: argparse.Namespace) -> int:
    controller = open_controller(args)
    try:
        plan = build_assign_plan(args, controller.list_skus())
        if args.leave_groups:
            plan = through_groups(controller.client, plan)
        # People on the list who are not in Microsoft 365 yet are created first. (Imported
        # here: that module uses this one's UsageError.)
        from desktop.commands.people_create import creating_pending_people

        checked, after = creating_pending_people(controller.check(plan), controller, args)
        return check_confirm_apply(controller, checked, args, after_run=after)
    finally:
        controller.close()


def run_apply(args: argparse.Namespace) -> int:
    controller = open_controller(args)
    try:
        plan = load_plan_csv(args.plan, controller.list_skus())
        return check_confirm_apply(controller, controller.check(plan), args)
    finally:
        controller.close()
