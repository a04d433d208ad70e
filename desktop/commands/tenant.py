"""``license-desk skus`` and ``license-desk users``: what the tenant has, for people and scripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from desktop.catalog import resolve_sku, sku_name
from desktop.commands.changes import UsageError
from desktop.commands.connection import add_connection_options, make_client, open_from_options
from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.json_output import write_json
from desktop.commands.output import table
from desktop.commands.user_columns import (
    CSV_COLUMNS,
    TABLE_HEADERS,
    csv_row,
    inherited_group_ids,
    table_row,
    user_json,
)
from desktop.csv_export import csv_export
from desktop.graph.client import GraphClient
from desktop.graph.records import Sku, User
from desktop.numbers import number
from desktop.people.rows import pending_rows
from desktop.people.store import PeopleFileError, load_people, people_folder
from desktop.people.tenant import proposed_upns
from desktop.user_filters import QuickFilterKind, quick_filter_test

# The window's quick filters (the package filter is --sku); "errors" is the older name of
# "problems", kept for scripts written before.
USER_FILTERS = (
    QuickFilterKind.LICENSED.value,
    QuickFilterKind.UNLICENSED.value,
    QuickFilterKind.BLOCKED.value,
    QuickFilterKind.PROBLEMS.value,
    QuickFilterKind.NOT_ACTIVATED.value,
    "errors",
)
FILTER_ALIASES = {"errors": QuickFilterKind.PROBLEMS.value}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    skus = subparsers.add_parser(
        "skus", help="list the tenant's licenses with free seats", description=_SKUS_HELP
    )
    skus.add_argument("--json", action="store_true", help="print JSON (see docs/cli-json.md)")
    add_connection_options(skus)
    skus.set_defaults(handler=handles_errors(run_skus))

    users = subparsers.add_parser("users", help="list users and their licenses")
    output = users.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print JSON (see docs/cli-json.md)")
    output.add_argument("--csv", metavar="FILE", type=Path, help="write a CSV file (UTF-8)")
    users.add_argument(
        "--filter",
        choices=USER_FILTERS,
        help="only users the window's quick filter of this name shows",
    )
    users.add_argument("--sku", metavar="SKU", help="only users holding this license")
    users.add_argument(
        "--no-snapshot",
        action="store_true",
        help="read every user from Microsoft 365 instead of updating the local snapshot by delta",
    )
    add_connection_options(users)
    users.set_defaults(handler=handles_errors(run_users))


_SKUS_HELP = (
    "List license packages: friendly name, part number, seats bought, assigned and free, and "
    "status. Free = enabled seats minus assigned; a suspended package counts its suspended "
    "seats in the total and has none free."
)


def sku_json(sku: Sku) -> dict[str, Any]:
    return {
        "name": sku_name(sku.sku_id, sku.sku_part_number),
        "skuPartNumber": sku.sku_part_number,
        "skuId": sku.sku_id,
        "total": sku.seat_count,
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
        write_json([sku_json(s) for s in skus], sys.stdout)
        return EXIT_OK
    rows = [
        [
            sku_name(s.sku_id, s.sku_part_number),
            s.sku_part_number,
            number(s.seat_count),
            number(s.consumed_units),
            number(s.free),
            s.capability_status + ("" if s.applies_to == "User" else " (company)"),
        ]
        for s in skus
    ]
    headers = ["NAME", "PART NUMBER", "TOTAL", "ASSIGNED", "FREE", "STATUS"]
    print(table(headers, rows, right=(2, 3, 4)))
    return EXIT_OK


def user_test(kind: str | None, sku_id: str | None) -> Callable[[User], bool]:
    """The window's quick filter ``kind`` and/or the package filter (``--sku``), both applied."""
    tests = [
        quick_filter_test(QuickFilterKind(FILTER_ALIASES.get(kind, kind)))
        if kind is not None
        else None,
        quick_filter_test(QuickFilterKind.PACKAGE, sku_id) if sku_id is not None else None,
    ]
    active = [t for t in tests if t is not None]
    return lambda user: all(test(user) for test in active)


def write_users_csv(
    path: Path, users: Sequence[User], skus: Mapping[str, Sku], groups: Mapping[str, str]
) -> None:
    with csv_export(path) as writer:
        writer.writerow(CSV_COLUMNS)
        for user in users:
            writer.writerow(csv_row(user, skus, groups))


def waiting_people(client: GraphClient) -> list[User]:
    """The people on the tenant's list without an account, as rows with the proposed user
    name (as the window shows them); ``people list`` says more about each."""
    try:
        people = load_people(people_folder(client))
    except PeopleFileError as exc:
        raise UsageError(str(exc)) from None
    return pending_rows(people, proposed_upns(people, client)) if people.pending else []


def run_users(args: argparse.Namespace) -> int:
    opened = open_from_options(args)
    try:
        # The local snapshot brought up to date by delta, as the window reads the tenant.
        tenant = opened.loader(use_snapshot=not args.no_snapshot).load()
        sku_list = list(tenant.skus)
        sku_id = resolve_sku(args.sku, sku_list).sku_id if args.sku else None
        keep = user_test(args.filter, sku_id)
        users = [u for u in tenant.users if keep(u)]
        if args.filter == QuickFilterKind.NOT_ACTIVATED.value:
            users += [u for u in waiting_people(opened.client) if keep(u)]
        wanted = set(inherited_group_ids(users))
        groups = {gid: g.display_name for gid, g in tenant.groups.items() if gid in wanted}
    finally:
        opened.close()
    skus = {s.sku_id: s for s in sku_list}
    users.sort(key=lambda u: u.user_principal_name.lower())
    if args.json:
        write_json([user_json(u, skus, groups) for u in users], sys.stdout)
    elif args.csv:
        write_users_csv(args.csv, users, skus, groups)
        print(f"Wrote {number(len(users))} user(s) to {args.csv}")
    else:
        print(table(TABLE_HEADERS, [table_row(u, skus, groups) for u in users]))
        print(f"{number(len(users))} user(s)")
    return EXIT_OK
