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

from desktop.graph.records import AssignedLicense, Sku, User

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


class OverlapIndex:
    """The overlap rule over one tenant's packages, with what each (package, apps turned off)
    gives worked out once: 100,000 users hold only a handful of distinct combinations."""

    def __init__(self, skus: Mapping[str, Sku], order: Sequence[str]) -> None:
        self._skus = skus
        self._rank = {sku_id: index for index, sku_id in enumerate(order)}
        self._given: dict[tuple[str, tuple[str, ...]], tuple[frozenset[str], frozenset[str]]] = {}
        self._found: dict[tuple[AssignedLicense, ...], tuple[Overlap, ...]] = {}

    def _plans(self, sku_id: str, off: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
        """(plan names given, every plan name those include) for one license."""
        key = (sku_id, off)
        found = self._given.get(key)
        if found is None:
            turned_off = frozenset(off)
            given = frozenset(
                p.service_plan_name
                for p in self._skus[sku_id].service_plans
                if p.service_plan_id not in turned_off
            )
            closure = frozenset().union(*(covers(plan) for plan in given))
            found = self._given[key] = (given, closure)
        return found

    def overlaps(self, user: User) -> tuple[Overlap, ...]:
        """Packages of ``user`` that another of their packages covers."""
        return self.among(user.assigned_licenses)

    def among(self, held: tuple[AssignedLicense, ...]) -> tuple[Overlap, ...]:
        """Packages of these licenses (one user's) that another of them covers."""
        if len(held) < 2:  # most users: nothing can overlap
            return ()
        found = self._found.get(held)
        if found is None:  # the answer depends on the licenses alone: once per combination
            found = self._found[held] = tuple(self._work_out(held))
        return found

    def _work_out(self, assigned: tuple[AssignedLicense, ...]) -> list[Overlap]:
        licenses = [lic for lic in assigned if lic.sku_id in self._skus]
        if len(licenses) < 2:  # most users: nothing can overlap
            return []
        licenses.sort(key=lambda lic: self._rank.get(lic.sku_id, len(self._rank)))
        held = [lic.sku_id for lic in licenses]
        plans = {lic.sku_id: self._plans(lic.sku_id, tuple(lic.disabled_plans)) for lic in licenses}
        found: list[Overlap] = []
        redundant: set[str] = set()
        for position, candidate in enumerate(held):
            given, closure = plans[candidate]
            if not given:
                continue
            for other in held:
                other_given, other_closure = plans[other]
                if other == candidate or other in redundant or not given <= other_closure:
                    continue
                mutual = other_given <= closure
                if mutual and (
                    len(other_given) < len(given)
                    or (len(other_given) == len(given) and held.index(other) > position)
                ):
                    continue  # the other one is the redundant one of the pair
                found.append(Overlap(candidate, other))
                redundant.add(candidate)
                break
        return found


def overlaps(user: User, skus: Mapping[str, Sku], order: Sequence[str]) -> list[Overlap]:
    """Packages of ``user`` that another of their packages covers; ``order`` is the tenant's
    package order (sku ids), used only to break ties."""
    return list(OverlapIndex(skus, order).overlaps(user))
