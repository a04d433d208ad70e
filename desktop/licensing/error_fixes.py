"""What resolves a member's group license error, as ordinary plans (docs/graph-facts.md,
"Groups and group-based licensing"; Microsoft's "Resolve group license assignment problems").

Each error has a cause the administrator can remove: a seat (CountViolation), an app that
conflicts with one in another of the user's licenses (MutuallyExclusiveViolation), a usage
location where the service is not offered (ProhibitedInUsageLocationViolation). Removing the
cause does not clear the error: the user is reprocessed. So a fix for the user's own licenses or
location carries the reprocess in the same change (``UserChange.reprocess`` goes last); freeing
a seat changes another user, so its reprocess is a second plan, run after the first.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from desktop.graph.records import LicenseAssignmentState, Sku, User
from desktop.licensing.builders import apps_plan, remove_plan, reprocess_plan, usage_location_plan
from desktop.licensing.plan_conflicts import conflicting_names
from desktop.licensing.types import Plan

COUNT_VIOLATION = "CountViolation"
MUTUALLY_EXCLUSIVE = "MutuallyExclusiveViolation"
DEPENDENCY = "DependencyViolation"
PROHIBITED_LOCATION = "ProhibitedInUsageLocationViolation"
UNIQUENESS = "UniquenessViolation"


class FixKind(str, enum.Enum):
    FREE_SEAT = "free-seat"  # remove the package from a holder who cannot sign in
    TURN_OFF_APP = "turn-off-app"  # in the user's own conflicting license, then reprocess
    SET_USAGE_LOCATION = "set-usage-location"  # asks for the country, then reprocess
    REPROCESS = "reprocess"


@dataclass(frozen=True, slots=True)
class Fix:
    kind: FixKind
    user_id: str  # the member in error
    sku_id: str  # the package the group could not give
    # Who gives up a seat (FREE_SEAT); the user's license whose apps are turned off, the apps
    # turned off and the license's whole disabled list afterwards (TURN_OFF_APP).
    holder_id: str | None = None
    other_sku_id: str | None = None
    plan_ids: tuple[str, ...] = ()
    disabled_after: tuple[str, ...] = ()

    def plan(self, usage_location: str | None = None) -> Plan:
        """The plan to run first (SET_USAGE_LOCATION needs the country chosen)."""
        if self.kind is FixKind.FREE_SEAT:
            assert self.holder_id is not None
            return remove_plan([self.holder_id], [self.sku_id])
        if self.kind is FixKind.TURN_OFF_APP:
            assert self.other_sku_id is not None
            return _with_reprocess(
                apps_plan([self.user_id], self.other_sku_id, self.disabled_after)
            )
        if self.kind is FixKind.SET_USAGE_LOCATION:
            if not usage_location:
                raise ValueError("a usage location is needed")
            return _with_reprocess(usage_location_plan([self.user_id], usage_location))
        return reprocess_plan([self.user_id])

    @property
    def then_reprocess(self) -> Plan | None:
        """A second plan, once the first is done: the member waiting for the freed seat."""
        return reprocess_plan([self.user_id]) if self.kind is FixKind.FREE_SEAT else None


def _with_reprocess(plan: Plan) -> Plan:
    return replace(plan, changes=tuple(replace(c, reprocess=True) for c in plan.changes))


def fixes_for(
    user: User,
    state: LicenseAssignmentState,
    skus: Mapping[str, Sku],
    users: Sequence[User],
) -> tuple[Fix, ...]:
    """The fixes for ``user``'s error ``state``, the one most likely to resolve it first;
    reprocess is always offered last (the cause may have been removed elsewhere)."""
    found: list[Fix] = []
    error = state.error or ""
    sku = skus.get(state.sku_id)
    if error == COUNT_VIOLATION and (sku is None or sku.free <= 0):
        holder = _seat_to_free(state.sku_id, users)
        if holder is not None:
            found.append(Fix(FixKind.FREE_SEAT, user.id, state.sku_id, holder_id=holder.id))
    elif error == MUTUALLY_EXCLUSIVE:
        found.extend(_apps_to_turn_off(user, state, skus))
    elif error == PROHIBITED_LOCATION:
        found.append(Fix(FixKind.SET_USAGE_LOCATION, user.id, state.sku_id))
    found.append(Fix(FixKind.REPROCESS, user.id, state.sku_id))
    return tuple(found)


def _seat_to_free(sku_id: str, users: Sequence[User]) -> User | None:
    """A user who holds ``sku_id`` directly but cannot sign in: the seat nobody uses. People
    who can sign in are never picked for the administrator; they decide that themselves."""
    blocked = [
        u
        for u in users
        if not u.account_enabled and not u.not_activated and u.direct_license(sku_id) is not None
    ]
    return min(blocked, key=lambda u: u.display_name.casefold(), default=None)


def _apps_to_turn_off(
    user: User, state: LicenseAssignmentState, skus: Mapping[str, Sku]
) -> list[Fix]:
    """In each of the user's direct licenses, the apps on that conflict with an app the group's
    package turns on: turning them off there lets the group's license in."""
    granted = skus.get(state.sku_id)
    if granted is None:
        return []
    on_from_group = frozenset(
        p.service_plan_name
        for p in granted.service_plans
        if p.service_plan_id not in state.disabled_plans
    )
    conflicting = conflicting_names(on_from_group)
    fixes = []
    for lic in user.direct_licenses:
        other = skus.get(lic.sku_id)
        if other is None or lic.sku_id == state.sku_id:
            continue
        clash = tuple(
            p.service_plan_id
            for p in other.service_plans
            if p.service_plan_name in conflicting and p.service_plan_id not in lic.disabled_plans
        )
        if clash:
            fixes.append(
                Fix(
                    FixKind.TURN_OFF_APP,
                    user.id,
                    state.sku_id,
                    other_sku_id=lic.sku_id,
                    plan_ids=clash,
                    disabled_after=tuple(dict.fromkeys(lic.disabled_plans + clash)),
                )
            )
    return fixes


def group_errors(user: User, group_id: str) -> tuple[LicenseAssignmentState, ...]:
    """The user's license errors that come from ``group_id``."""
    return tuple(s for s in user.license_assignment_states if s.given_by(group_id) and s.has_error)
