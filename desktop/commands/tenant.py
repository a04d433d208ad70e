"""``license-desk skus`` and ``license-desk users``: what the tenant has, for people and scripts."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.catalog import resolve_sku, sku_name
from desktop.commands.connection import add_connection_options, make_client
from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.output import table
from desktop.csv_export import csv_export
from desktop.graph.records import Sku, User

USER_FILTERS = ("unlicensed", "licensed", "blocked", "errors")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    skus = subparsers.add_parser(
        "skus", help="list the tenant's licenses with free seats", description=_SKUS_HELP
    )
    skus.add_argument("--json", action="store_true", help="print JSON instead of a table")
    add_connection_options(skus)
    skus.set_defaults(handler=handles_errors(run_skus))

    users = subparsers.add_parser("users", help="list users and their licenses")
    output = users.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON instead of a table")
    output.add_argument("--csv", metavar="FILE", type=Path, help="write a CSV file (UTF-8)")
    users.add_argument("--filter", choices=USER_FILTERS, help="only users who are ...")
    users.add_argument("--sku", metavar="SKU", help="only users holding this license")
    add_connection_options(users)
    users.set_defaults(handler=handles_errors(run_users))


_SKUS_HELP = (
    "List license packages: friendly name, part number, seats bought, assigned and free, and "
    "status. Free = enabled seats minus assigned."
)


def sku_json(sku: Sku) -> dict[str, Any]:
    return {
        "name": sku_name(sku.sku_id, sku.sku_part_number),
        "skuPartNumber": sku.sku_part_number,
        "skuId": sku.sku_id,
        "total": sku.total,
        "assigned": sku.consumed_units,
        "free": sku.free,
        "status": sku.capability_status,
        "appliesTo": sku.applies_to,
    }


def run_skus(args: argparse.Namespace) -> int:
    client = make_client(args)
    try:
        skus = sorted(client.list_skus(), key=lambda s: sku_name(s.sku_id, s.sku_part_number))
    finally:
        client.close()
    if args.json:
        json.dump([sku_json(s) for s in skus], sys.stdout, indent=2)
        print()
        return EXIT_OK
    rows = [
        [
            sku_name(s.sku_id, s.sku_part_number),
            s.sku_part_number,
            str(s.total),
            str(s.consumed_units),
            str(s.free),
            s.capability_status + ("" if s.applies_to == "User" else " (company)"),
        ]
        for s in skus
    ]
    headers = ["NAME", "PART NUMBER", "TOTAL", "ASSIGNED", "FREE", "STATUS"]
    print(table(headers, rows, right=(2, 3, 4)))
    return EXIT_OK


def keep(user: User, kind: str | None, sku_id: str | None) -> bool:
    if sku_id is not None and sku_id not in user.sku_ids:
        return False
    if kind == "unlicensed":
        return not user.is_licensed
    if kind == "licensed":
        return user.is_licensed
    if kind == "blocked":
        return not user.account_enabled
    if kind == "errors":
        return bool(user.errors)
    return True


def license_names(user: User, skus: Mapping[str, Sku]) -> list[str]:
    names = []
    for lic in user.assigned_licenses:
        sku = skus.get(lic.sku_id)
        names.append(sku_name(lic.sku_id, sku.sku_part_number if sku else None))
    return names


def user_json(user: User, skus: Mapping[str, Sku]) -> dict[str, Any]:
    return {
        "id": user.id,
        "userPrincipalName": user.user_principal_name,
        "displayName": user.display_name,
        "accountEnabled": user.account_enabled,
        "usageLocation": user.usage_location,
        "department": user.department,
        "licenses": [
            {
                "skuId": s.sku_id,
                "skuPartNumber": skus[s.sku_id].sku_part_number if s.sku_id in skus else None,
                "name": sku_name(s.sku_id, skus[s.sku_id].sku_part_number)
                if s.sku_id in skus
                else s.sku_id,
                "disabledPlans": list(s.disabled_plans),
                "assignedByGroup": s.assigned_by_group,
                "state": s.state,
                "error": s.error,
            }
            for s in user.license_assignment_states
        ]
        or [
            {"skuId": a.sku_id, "disabledPlans": list(a.disabled_plans)}
            for a in user.assigned_licenses
        ],
    }


def _error_text(user: User) -> str:
    return "|".join(sorted({s.error or s.state for s in user.errors}))


def write_users_csv(path: Path, users: Sequence[User], skus: Mapping[str, Sku]) -> None:
    with csv_export(path) as writer:
        writer.writerow(
            [
                "userPrincipalName",
                "displayName",
                "accountEnabled",
                "usageLocation",
                "licenses",
                "errors",
            ]
        )
        for user in users:
            writer.writerow(
                [
                    user.user_principal_name,
                    user.display_name,
                    "true" if user.account_enabled else "false",
                    user.usage_location or "",
                    "|".join(license_names(user, skus)),
                    _error_text(user),
                ]
            )


def run_users(args: argparse.Namespace) -> int:
    client = make_client(args)
    try:
        sku_list = client.list_skus()
        sku_id = resolve_sku(args.sku, sku_list).sku_id if args.sku else None
        users = [u for u in client.list_users() if keep(u, args.filter, sku_id)]
    finally:
        client.close()
    skus = {s.sku_id: s for s in sku_list}
    users.sort(key=lambda u: u.user_principal_name.lower())
    if args.json:
        json.dump([user_json(u, skus) for u in users], sys.stdout, indent=2, ensure_ascii=False)
        print()
    elif args.csv:
        write_users_csv(args.csv, users, skus)
        print(f"Wrote {len(users)} user(s) to {args.csv}")
    else:
        rows = [
            [
                u.user_principal_name,
                u.display_name,
                "allowed" if u.account_enabled else "blocked",
                u.usage_location or "-",
                ", ".join(license_names(u, skus)) or "-",
                _error_text(u),
            ]
            for u in users
        ]
        headers = ["USER", "NAME", "SIGN-IN", "LOCATION", "LICENSES", "ERRORS"]
        print(table(headers, rows))
        print(f"{len(users)} user(s)")
    return EXIT_OK
