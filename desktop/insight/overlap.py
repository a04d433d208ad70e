"""Packages another package already covers, from their service plans.

A package B is redundant for a user when every service plan B gives them (its plans minus those
turned off for the user) is also given by another package A they hold: the same plan, or a plan
that supersedes it in ``SUPERSEDES``. Only plans A really gives count (A's turned-off plans do
not), so removing B never takes a service away. When two packages cover each other, the one
with fewer plans is the redundant one (ties: the later in the tenant's package order).

``SUPERSEDES`` is the documented table of plans that include others: each key gives everything
its values give. It lists Microsoft's plan names (from the licensing service plan reference);
a plan not listed supersedes only itself.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.graph.records import Sku, User

SUPERSEDES: Mapping[str, frozenset[str]] = {
    # Exchange Online: Plan 2 (E3/E5) > Plan 1 (Business plans, EXCHANGESTANDARD) > Kiosk > base
    "EXCHANGE_S_ENTERPRISE": frozenset(
        {"EXCHANGE_S_STANDARD", "EXCHANGE_S_DESKLESS", "EXCHANGE_S_FOUNDATION"}
    ),
    "EXCHANGE_S_STANDARD": frozenset({"EXCHANGE_S_DESKLESS", "EXCHANGE_S_FOUNDATION"}),
    "EXCHANGE_S_DESKLESS": frozenset({"EXCHANGE_S_FOUNDATION"}),
    # SharePoint Online: Plan 2 > Plan 1 > Kiosk
    "SHAREPOINTENTERPRISE": frozenset({"SHAREPOINTSTANDARD", "SHAREPOINTDESKLESS"}),
    "SHAREPOINTSTANDARD": frozenset({"SHAREPOINTDESKLESS"}),
    # Microsoft 365 Apps for enterprise > for business > mobile apps
    "OFFICESUBSCRIPTION": frozenset({"OFFICE_BUSINESS", "OFFICEMOBILE_SUBSCRIPTION"}),
    "OFFICE_BUSINESS": frozenset({"OFFICEMOBILE_SUBSCRIPTION"}),
    # To Do, Forms, Whiteboard, Stream, Project for the web: higher plan numbers include lower
    "BPOS_S_TODO_3": frozenset({"BPOS_S_TODO_2", "BPOS_S_TODO_1"}),
    "BPOS_S_TODO_2": frozenset({"BPOS_S_TODO_1"}),
    "FORMS_PLAN_E5": frozenset({"FORMS_PLAN_E3", "FORMS_PLAN_E1"}),
    "FORMS_PLAN_E3": frozenset({"FORMS_PLAN_E1"}),
    "WHITEBOARD_PLAN3": frozenset({"WHITEBOARD_PLAN2", "WHITEBOARD_PLAN1"}),
    "WHITEBOARD_PLAN2": frozenset({"WHITEBOARD_PLAN1"}),
    "STREAM_O365_E5": frozenset({"STREAM_O365_E3", "STREAM_O365_E1", "STREAM_O365_SMB"}),
    "STREAM_O365_E3": frozenset({"STREAM_O365_E1", "STREAM_O365_SMB"}),
    "PROJECT_O365_P3": frozenset({"PROJECT_O365_P2", "PROJECT_O365_P1"}),
    "PROJECT_O365_P2": frozenset({"PROJECT_O365_P1"}),
    # Power Platform within Office 365: P3 > P2 > P1
    "FLOW_O365_P3": frozenset({"FLOW_O365_P2", "FLOW_O365_P1"}),
    "FLOW_O365_P2": frozenset({"FLOW_O365_P1"}),
    "POWERAPPS_O365_P3": frozenset({"POWERAPPS_O365_P2", "POWERAPPS_O365_P1"}),
    "POWERAPPS_O365_P2": frozenset({"POWERAPPS_O365_P1"}),
    "CDS_O365_P3": frozenset({"CDS_O365_P2", "CDS_O365_P1"}),
    "CDS_O365_P2": frozenset({"CDS_O365_P1"}),
    "DYN365_CDS_O365_P3": frozenset({"DYN365_CDS_O365_P2", "DYN365_CDS_O365_P1"}),
    "DYN365_CDS_O365_P2": frozenset({"DYN365_CDS_O365_P1"}),
    "KAIZALA_O365_P3": frozenset({"KAIZALA_O365_P2", "KAIZALA_O365_P1"}),
    "KAIZALA_O365_P2": frozenset({"KAIZALA_O365_P1"}),
    "POWER_VIRTUAL_AGENTS_O365_P3": frozenset(
        {"POWER_VIRTUAL_AGENTS_O365_P2", "POWER_VIRTUAL_AGENTS_O365_P1"}
    ),
    "POWER_VIRTUAL_AGENTS_O365_P2": frozenset({"POWER_VIRTUAL_AGENTS_O365_P1"}),
}


@dataclass(frozen=True, slots=True)
class Overlap:
    redundant_sku_id: str
    covered_by_sku_id: str


def covers(plan: str) -> frozenset[str]:
    """Every plan name that ``plan`` gives, itself included."""
    return SUPERSEDES.get(plan, frozenset()) | {plan}


def _given(user: User, sku: Sku) -> frozenset[str]:
    """Names of the plans ``sku`` really gives ``user`` (its turned-off plans removed)."""
    held = user.assigned(sku.sku_id)
    off = frozenset(held.disabled_plans) if held else frozenset()
    return frozenset(p.service_plan_name for p in sku.service_plans if p.service_plan_id not in off)


def overlaps(user: User, skus: Mapping[str, Sku], order: Sequence[str]) -> list[Overlap]:
    """Packages of ``user`` that another of their packages covers; ``order`` is the tenant's
    package order (sku ids), used only to break ties."""
    held = [sku_id for sku_id in order if sku_id in user.sku_ids and sku_id in skus]
    given = {sku_id: _given(user, skus[sku_id]) for sku_id in held}
    closure = {
        sku_id: frozenset().union(*(covers(plan) for plan in plans))
        for sku_id, plans in given.items()
    }
    found: list[Overlap] = []
    redundant: set[str] = set()
    for position, candidate in enumerate(held):
        plans = given[candidate]
        if not plans:
            continue
        for other in held:
            if other == candidate or other in redundant or not plans <= closure[other]:
                continue
            mutual = given[other] <= closure[candidate]
            if mutual and (
                len(given[other]) < len(plans)
                or (len(given[other]) == len(plans) and held.index(other) > position)
            ):
                continue  # the other one is the redundant one of the pair
            found.append(Overlap(candidate, other))
            redundant.add(candidate)
            break
    return found
