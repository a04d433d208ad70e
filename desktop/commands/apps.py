"""``license-desk apps --users ... --sku SKU --off PLAN --on PLAN``: apps inside a held license.

Each user keeps the other apps they have off; only the named ones change. Users who do not
hold the license directly are refused before anything is sent: ``apps`` never assigns it.
"""

from __future__ import annotations

import argparse

from desktop.catalog import resolve_plan, resolve_sku
from desktop.commands.change_options import (
    add_run_options,
    add_users_options,
    run_plan,
    some_names,
    split_list,
    users_of,
)
from desktop.commands.changes import UsageError
from desktop.commands.flow import handles_errors
from desktop.graph.records import Sku, User
from desktop.licensing.app_switches import apps_switch_plan, lacking_license
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Plan


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "apps",
        help="turn apps inside a license users already hold on or off",
        description="Turn the named apps of SKU off (--off) or on (--on) for each user, keeping "
        "the other apps each user has off.",
    )
    add_users_options(parser)
    parser.add_argument("--sku", metavar="SKU", required=True, help="the license, held directly")
    parser.add_argument(
        "--off", metavar="PLAN", action="append", default=[], help="app to turn off"
    )
    parser.add_argument("--on", metavar="PLAN", action="append", default=[], help="app to turn on")
    add_run_options(parser)
    parser.set_defaults(handler=handles_errors(run_apps), command_name="apps")


def build_apps_plan(args: argparse.Namespace, controller: LicenseController) -> Plan:
    off_names, on_names = split_list(args.off), split_list(args.on)
    if not off_names and not on_names:
        raise UsageError("Nothing to do: name an app with --off or --on.")
    sku: Sku = resolve_sku(args.sku, controller.list_skus())
    turn_off = [resolve_plan(name, sku).service_plan_id for name in off_names]
    turn_on = [resolve_plan(name, sku).service_plan_id for name in on_names]
    both = set(turn_off) & set(turn_on)
    if both:
        clash = [n for n in off_names if resolve_plan(n, sku).service_plan_id in both]
        raise UsageError(f"{clash[0]} is given with both --off and --on: choose one.")
    wanted = users_of(args)
    found: list[User] = controller.refresh_users(wanted)
    known = {u.user_principal_name.lower() for u in found} | {u.id.lower() for u in found}
    missing = [u for u in wanted if u.lower() not in known]
    if missing:
        raise UsageError(f"No such user in the tenant: {some_names(missing)}.")
    lacking = [u.user_principal_name for u in lacking_license(found, sku.sku_id)]
    if lacking:
        raise UsageError(
            f"Not holding {args.sku} directly: {some_names(lacking)}. `apps` changes a license "
            "users already hold (give it with `assign --add`, or change the group's license)."
        )
    return apps_switch_plan(found, sku.sku_id, turn_off, turn_on)


def run_apps(args: argparse.Namespace) -> int:
    return run_plan(args, lambda controller: build_apps_plan(args, controller))
