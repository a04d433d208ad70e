"""``license-desk copy --from UPN --to UPN[,UPN...] [--replace]``: one user's licenses on others.

The window's "Copy licenses from": the source's direct licenses, each with the apps it has
off. ``--replace`` also removes the targets' direct licenses the source does not have.
"""

from __future__ import annotations

import argparse
from dataclasses import replace

from desktop.commands.change_options import add_run_options, run_plan, some_names, split_list
from desktop.commands.changes import UsageError
from desktop.commands.flow import handles_errors
from desktop.licensing.builders import copy_licenses_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import Plan


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "copy",
        help="give users the same licenses (and apps) as another user",
        description="Copy the licenses assigned directly to --from, with their apps, to each "
        "--to user.",
    )
    parser.add_argument("--from", metavar="UPN", required=True, dest="source", help="copy from")
    parser.add_argument(
        "--to", metavar="UPN[,UPN...]", action="append", required=True, help="copy to"
    )
    parser.add_argument(
        "--replace",
        action="store_true",
        help="also remove the targets' direct licenses that --from does not have",
    )
    add_run_options(parser)
    parser.set_defaults(handler=handles_errors(run_copy), command_name="copy")


def build_copy_plan(args: argparse.Namespace, controller: LicenseController) -> Plan:
    targets = split_list(args.to)
    if not targets:
        raise UsageError("No users given: pass --to UPN[,UPN...].")
    found = controller.refresh_users([args.source])
    if not found:
        raise UsageError(f"No such user in the tenant: {args.source} (the --from user).")
    source = found[0]
    plan = copy_licenses_plan(source, targets)
    if not plan.changes:
        raise UsageError("The --to users are only the --from user: nothing to copy.")
    if not args.replace:
        return plan
    keep = {lic.sku_id for lic in source.direct_licenses}
    held = controller.refresh_users([c.user for c in plan.changes])
    by_key = {k: u for u in held for k in (u.id.lower(), u.user_principal_name.lower())}
    missing = [c.user for c in plan.changes if c.user.lower() not in by_key]
    if missing:
        raise UsageError(f"No such user in the tenant: {some_names(missing)}.")
    changes = []
    for change in plan.changes:
        extra = [
            lic.sku_id
            for lic in by_key[change.user.lower()].direct_licenses
            if lic.sku_id not in keep
        ]
        changes.append(replace(change, remove=tuple(extra)))
    return replace(plan, changes=tuple(changes))


def run_copy(args: argparse.Namespace) -> int:
    return run_plan(args, lambda controller: build_copy_plan(args, controller))
