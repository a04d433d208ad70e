"""``license-desk groups [--json]``: the licensed groups, their packages (with the apps they turn
off), how many members they have and which members are in error, and why (docs/graph-facts.md,
"Groups and group-based licensing")."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from typing import Any, TextIO

from desktop.commands.connection import add_connection_options, make_client
from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.json_output import write_json
from desktop.commands.output import table
from desktop.graph.client import GraphClient
from desktop.graph.groups import LicensedGroup, group_members, list_licensed_groups
from desktop.graph.records import Sku, User
from desktop.licensing import describe


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "groups",
        help="licensed groups, their packages and members in error",
        description=(
            "Groups that carry licenses: members get them from the group (group-based "
            "licensing). Members in error did not get a package, and the error says why."
        ),
    )
    command.add_argument("--json", action="store_true", help="print JSON (docs/cli-json.md)")
    add_connection_options(command)
    command.set_defaults(handler=handles_errors(run_groups))


def group_document(
    group: LicensedGroup, member_ids: list[str], users: Mapping[str, User], skus: Mapping[str, Sku]
) -> dict[str, Any]:
    in_error = []
    for uid in member_ids:
        user = users.get(uid)
        if user is None:
            continue
        errors = [
            {"skuId": s.sku_id, "error": s.error or s.state}
            for s in user.license_assignment_states
            if s.given_by(group.id) and s.has_error
        ]
        if errors:
            in_error.append(
                {"id": uid, "userPrincipalName": user.user_principal_name, "errors": errors}
            )
    return {
        "id": group.id,
        "displayName": group.display_name,
        "packages": [
            {
                "skuId": lic.sku_id,
                "skuPartNumber": skus[lic.sku_id].sku_part_number if lic.sku_id in skus else None,
                "name": describe.sku_label(lic.sku_id, skus),
                "disabledPlans": [
                    describe.plan_label(lic.sku_id, plan, skus) for plan in lic.disabled_plans
                ],
            }
            for lic in group.assigned_licenses
        ],
        "memberCount": len(member_ids),
        "membersInError": in_error,
    }


def read_groups(client: GraphClient) -> list[dict[str, Any]]:
    skus = {s.sku_id: s for s in client.list_skus()}
    users = {u.id: u for u in client.list_users()}
    documents = []
    for group in list_licensed_groups(client):
        members = [m.id for m in group_members(client, group.id) if not m.is_group]
        documents.append(group_document(group, members, users, skus))
    documents.sort(key=lambda d: str(d["displayName"]).lower())
    return documents


def run_groups(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    with make_client(args) as client:
        documents = read_groups(client)
    if args.json:
        write_json(documents, out)
        return EXIT_OK
    rows = [
        [
            str(d["displayName"]),
            "; ".join(
                p["name"]
                + (f" (off: {', '.join(p['disabledPlans'])})" if p["disabledPlans"] else "")
                for p in d["packages"]
            ),
            str(d["memberCount"]),
            str(len(d["membersInError"])),
        ]
        for d in documents
    ]
    print(table(["GROUP", "PACKAGES", "MEMBERS", "IN ERROR"], rows, right=(2, 3)), file=out)
    print(f"{len(documents)} licensed group(s)", file=out)
    return EXIT_OK
