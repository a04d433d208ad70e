"""What a user holds, and whether a change already holds: the one definition of a no-op.

The check uses it to drop no-ops before sending, apply uses it to reconcile a failure that may
be a duplicate send, and resume uses it so nothing is applied twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace

from desktop.graph.records import AssignedLicense, Sku, User
from desktop.licensing.types import UserChange


def same_plans(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    return {p.lower() for p in a} == {p.lower() for p in b}


def add_holds(user: User, lic: AssignedLicense) -> bool:
    held = user.direct_license(lic.sku_id)  # direct vs inherited: the rule on User
    return held is not None and same_plans(held.disabled_plans, lic.disabled_plans)


def remove_holds(user: User, sku_id: str) -> bool:
    return user.direct_license(sku_id) is None


def is_member(user: User, group_id: str) -> bool | None:
    """Whether ``user`` is a direct member of the group; None when memberships were not read."""
    if user.member_of is None:
        return None
    return group_id.lower() in user.member_of


def pending_part(user: User, change: UserChange) -> UserChange:
    """The part of ``change`` (an update, not a create/delete) that ``user`` does not yet show."""
    usage = change.usage_location
    if usage is not None and (user.usage_location or "").upper() == usage.upper():
        usage = None
    enabled = change.account_enabled
    if enabled is not None and user.account_enabled == enabled:
        enabled = None
    return replace(
        change,
        add=tuple(lic for lic in change.add if not add_holds(user, lic)),
        remove=tuple(s for s in change.remove if not remove_holds(user, s)),
        usage_location=usage,
        account_enabled=enabled,
        clear_usage_location=change.clear_usage_location and user.usage_location is not None,
        # Memberships not read count as still to do: only a read can say they hold.
        join_groups=tuple(g for g in change.join_groups if is_member(user, g.id) is not True),
        leave_groups=tuple(g for g in change.leave_groups if is_member(user, g.id) is not False),
    )


def is_empty(change: UserChange) -> bool:
    return not (
        change.add
        or change.remove
        or change.usage_location is not None
        or change.account_enabled is not None
        or change.clear_usage_location
        or change.create is not None
        or change.delete
        or change.reprocess
        or change.touches_memberships
    )


def satisfies(user: User | None, change: UserChange) -> bool:
    """Does the tenant already show the target state of ``change``?"""
    if change.delete:
        return user is None
    if user is None:
        return False
    if change.create is not None:
        # The account exists; what remains is whatever the change also assigns.
        change = replace(change, create=None)
    return is_empty(pending_part(user, change))


def holdings_after(user: User, change: UserChange) -> list[AssignedLicense]:
    """The user's assignments once ``change`` is applied: direct ones as it asks, those of the
    groups it leaves gone (what the groups it joins give is the check's to add)."""
    if change.delete:
        return []
    leaving = {g.id.lower() for g in change.leave_groups}
    group = [
        AssignedLicense(s.sku_id, s.disabled_plans)
        for s in user.license_assignment_states
        if s.inherited and (s.assigned_by_group or "").lower() not in leaving
    ]
    direct = {lic.sku_id: lic for lic in user.direct_licenses}
    for sku_id in change.remove:
        direct.pop(sku_id, None)
    for lic in change.add:
        direct[lic.sku_id] = lic
    return group + list(direct.values())


def has_mailbox(assignments: Iterable[AssignedLicense], skus: Mapping[str, Sku]) -> bool:
    """Does any of ``assignments`` give a mailbox (an Exchange plan that is not turned off)?"""
    for lic in assignments:
        sku = skus.get(lic.sku_id)
        if sku is None:
            continue
        disabled = {p.lower() for p in lic.disabled_plans}
        for plan in sku.service_plans:
            if plan.gives_mailbox and plan.service_plan_id.lower() not in disabled:
                return True
    return False
