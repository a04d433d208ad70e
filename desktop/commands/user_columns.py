"""The columns of ``license-desk users`` (table, ``--csv``, ``--json``): what the window shows.

Per license: its name, the apps turned off, whether it is assigned directly and/or inherited
from groups (by group name), and its error if Microsoft could not apply it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from desktop.graph.records import Sku, User
from desktop.licensing import describe

GroupNames = Mapping[str, str]

CSV_COLUMNS = (
    "userPrincipalName",
    "displayName",
    "department",
    "jobTitle",
    "accountEnabled",
    "signIn",
    "usageLocation",
    "onPremisesSyncEnabled",
    "licenses",
    "directLicenses",
    "inheritedLicenses",
    "errors",
)


def sign_in_text(user: User) -> str:
    return "allowed" if user.account_enabled else "blocked"


def inherited_group_ids(users: Sequence[User]) -> list[str]:
    return sorted({group for user in users for group in user.granting_group_ids})


def license_entries(
    user: User, skus: Mapping[str, Sku], groups: GroupNames
) -> list[dict[str, Any]]:
    """One entry per license the user holds, however many ways it is assigned."""
    entries = []
    for lic in user.assigned_licenses:
        states = [s for s in user.license_assignment_states if s.sku_id == lic.sku_id]
        sku = skus.get(lic.sku_id)
        error = next((s.error or s.state for s in states if s.has_error), None)
        entries.append(
            {
                "skuId": lic.sku_id,
                "skuPartNumber": sku.sku_part_number if sku else None,
                "name": describe.sku_label(lic.sku_id, skus),
                "disabledPlans": list(lic.disabled_plans),
                "direct": lic.sku_id in user.direct_sku_ids,  # the rule lives on User
                "inheritedFrom": [
                    {"id": group, "name": groups.get(group, "")}
                    for group in user.groups_granting(lic.sku_id)
                ],
                "error": error,
            }
        )
    return entries


def user_json(user: User, skus: Mapping[str, Sku], groups: GroupNames) -> dict[str, Any]:
    return {
        "id": user.id,
        "userPrincipalName": user.user_principal_name,
        "displayName": user.display_name,
        "department": user.department,
        "jobTitle": user.job_title,
        "accountEnabled": user.account_enabled,
        "signIn": sign_in_text(user),
        "usageLocation": user.usage_location,
        "onPremisesSyncEnabled": user.on_premises_sync_enabled,
        "licenses": license_entries(user, skus, groups),
    }


def _inherited_text(entry: Mapping[str, Any]) -> str:
    names = "; ".join(g["name"] or g["id"] for g in entry["inheritedFrom"])
    return f"{entry['name']} ({names})"


def csv_row(user: User, skus: Mapping[str, Sku], groups: GroupNames) -> list[str]:
    entries = license_entries(user, skus, groups)
    synced = user.on_premises_sync_enabled
    return [
        user.user_principal_name,
        user.display_name,
        user.department or "",
        user.job_title or "",
        "true" if user.account_enabled else "false",
        sign_in_text(user),
        user.usage_location or "",
        "" if synced is None else str(synced).lower(),
        "|".join(e["name"] for e in entries),
        "|".join(e["name"] for e in entries if e["direct"]),
        "|".join(_inherited_text(e) for e in entries if e["inheritedFrom"]),
        "|".join(sorted({e["error"] for e in entries if e["error"]})),
    ]


def table_row(user: User, skus: Mapping[str, Sku], groups: GroupNames) -> list[str]:
    """The terminal's table: inherited licenses marked with the group they come from."""
    names = [
        e["name"] if not e["inheritedFrom"] else _inherited_text(e)
        for e in license_entries(user, skus, groups)
    ]
    errors = sorted({s.error or s.state for s in user.errors})
    return [
        user.user_principal_name,
        user.display_name,
        sign_in_text(user),
        user.usage_location or "-",
        user.department or "-",
        ", ".join(names) or "-",
        "|".join(errors),
    ]


TABLE_HEADERS = ["USER", "NAME", "SIGN-IN", "LOCATION", "DEPARTMENT", "LICENSES", "ERRORS"]
