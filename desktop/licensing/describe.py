"""English texts for the check's problems and for plan summaries (logs, the CLI).

The window builds its own translated text from ``Problem.kind`` and ``details``; these strings
are the English reference and what the command line prints.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from desktop.catalog import plan_name, sku_name
from desktop.graph.records import AssignedLicense, Sku
from desktop.licensing.types import UserChange

SkuIndex = Mapping[str, Sku]


def sku_label(sku_id: str, skus: SkuIndex) -> str:
    sku = skus.get(sku_id)
    return sku_name(sku_id, sku.sku_part_number if sku else None)


def plan_label(sku_id: str, plan_id: str, skus: SkuIndex) -> str:
    sku = skus.get(sku_id)
    code = None
    if sku is not None:
        code = next(
            (p.service_plan_name for p in sku.service_plans if p.service_plan_id == plan_id), None
        )
    return plan_name(plan_id, code)


def seats(needed: int, sku_id: str, free: int, skus: SkuIndex) -> str:
    noun = "seat" if needed == 1 else "seats"
    return f"needs {needed} {noun} of {sku_label(sku_id, skus)}, {free} free"


def not_assignable(sku: Sku) -> str:
    label = sku_name(sku.sku_id, sku.sku_part_number)
    if sku.applies_to != "User":
        return f"{label} is a company-wide license and cannot be assigned to a user"
    return f"{label} is {sku.capability_status.lower()}: it cannot be assigned"


def inherited(sku_id: str, group_names: Sequence[str], skus: SkuIndex) -> str:
    groups = ", ".join(f"'{g}'" for g in group_names)
    noun = "group" if len(group_names) == 1 else "groups"
    return (
        f"{sku_label(sku_id, skus)} comes from the {noun} {groups} and cannot be removed from "
        f"the user: change the {noun} or the membership"
    )


def location_kept(
    location: str, sku_ids: Sequence[str], group_names: Sequence[str], skus: SkuIndex
) -> str:
    names = ", ".join(sku_label(s, skus) for s in sku_ids)
    if group_names:
        groups = ", ".join(f"'{g}'" for g in group_names)
        noun = "group" if len(group_names) == 1 else "groups"
        return f"usage location {location} kept: {names} from the {noun} {groups} needs it"
    return f"usage location {location} kept: {names}, which the user keeps, needs it"


def mailbox(skus_removed: Sequence[str], skus: SkuIndex) -> str:
    names = ", ".join(sku_label(s, skus) for s in skus_removed) or "this change"
    return f"removing {names} leaves no Exchange license: the mailbox data is deleted 30 days later"


def license_text(lic: AssignedLicense, skus: SkuIndex) -> str:
    if not lic.disabled_plans:
        return sku_label(lic.sku_id, skus)
    off = ", ".join(plan_label(lic.sku_id, p, skus) for p in lic.disabled_plans)
    return f"{sku_label(lic.sku_id, skus)} (apps off: {off})"


def change_text(change: UserChange, skus: SkuIndex) -> str:
    """One line saying what will happen to one user."""
    parts: list[str] = []
    if change.create is not None:
        parts.append("create the account")
    if change.delete:
        parts.append("delete the account")
    if change.usage_location is not None:
        parts.append(f"set usage location {change.usage_location}")
    if change.clear_usage_location:
        parts.append("clear usage location")
    if change.account_enabled is not None:
        parts.append("allow sign-in" if change.account_enabled else "block sign-in")
    if change.add:
        parts.append("add " + "; ".join(license_text(a, skus) for a in change.add))
    if change.remove:
        parts.append("remove " + "; ".join(sku_label(s, skus) for s in change.remove))
    return ", ".join(parts) or "nothing"
