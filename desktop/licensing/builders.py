"""Plan builders: turn one administrator action into a ``Plan``, used by the window and the CLI.

Builders are pure: they know nothing of the tenant. Whether a change is possible, or already
true, is the check's job (``check.py``), so builders never drop users or licenses.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.graph.groups import LicensedGroup
from desktop.graph.records import AssignedLicense, NewUser, User
from desktop.licensing.types import GroupRef, Plan, PlanKind, UserChange


def _unique(users: Sequence[str]) -> list[str]:
    """Users in their given order, each once (case-insensitive, as Graph treats UPNs)."""
    seen: set[str] = set()
    ordered: list[str] = []
    for user in users:
        key = user.strip().lower()
        if key and key not in seen:
            seen.add(key)
            ordered.append(user.strip())
    return ordered


def _count(users: Sequence[str]) -> str:
    return "1 user" if len(users) == 1 else f"{len(users)} users"


def assign_plan(
    users: Sequence[str],
    licenses: Sequence[AssignedLicense],
    *,
    usage_location: str | None = None,
) -> Plan:
    targets = _unique(users)
    changes = tuple(
        UserChange(user=u, add=tuple(licenses), usage_location=usage_location) for u in targets
    )
    return Plan(PlanKind.ASSIGN, changes, f"Assign licenses to {_count(targets)}")


def reassign_plan(users: Sequence[str], remove_sku: str, add: AssignedLicense) -> Plan:
    """A swap: one assignLicense per user adds and removes together, so no one is ever left
    without a license in between, and a failed add leaves the old license in place."""
    targets = _unique(users)
    changes = tuple(UserChange(user=u, add=(add,), remove=(remove_sku,)) for u in targets)
    return Plan(PlanKind.REASSIGN, changes, f"Swap a license for {_count(targets)}")


def remove_plan(users: Sequence[str], sku_ids: Sequence[str]) -> Plan:
    targets = _unique(users)
    changes = tuple(UserChange(user=u, remove=tuple(sku_ids)) for u in targets)
    return Plan(PlanKind.REMOVE, changes, f"Remove licenses from {_count(targets)}")


def apps_plan(users: Sequence[str], sku_id: str, disabled_plans: Sequence[str]) -> Plan:
    """Re-adding a held SKU with a new ``disabledPlans`` list is how Graph turns apps on/off."""
    targets = _unique(users)
    lic = AssignedLicense(sku_id, tuple(disabled_plans))
    changes = tuple(UserChange(user=u, add=(lic,)) for u in targets)
    return Plan(PlanKind.APPS, changes, f"Change apps in a license for {_count(targets)}")


def usage_location_plan(users: Sequence[str], country: str) -> Plan:
    targets = _unique(users)
    code = country.strip().upper()
    changes = tuple(UserChange(user=u, usage_location=code) for u in targets)
    return Plan(
        PlanKind.USAGE_LOCATION, changes, f"Set usage location {code} for {_count(targets)}"
    )


def sign_in_plan(users: Sequence[str], enabled: bool) -> Plan:
    targets = _unique(users)
    changes = tuple(UserChange(user=u, account_enabled=enabled) for u in targets)
    verb = "Allow" if enabled else "Block"
    return Plan(PlanKind.SIGN_IN, changes, f"{verb} sign-in for {_count(targets)}")


def reprocess_plan(users: Sequence[str]) -> Plan:
    """Ask Microsoft to process the users' group-based licenses again (after the cause of an
    error is fixed: a seat freed, a conflicting app turned off, a usage location set)."""
    targets = _unique(users)
    changes = tuple(UserChange(user=u, reprocess=True) for u in targets)
    return Plan(PlanKind.REPROCESS, changes, f"Reprocess group licenses of {_count(targets)}")


def add_members_plan(users: Sequence[str], group: GroupRef) -> Plan:
    """Add users to a group: they get whatever licenses it carries (the check says which)."""
    targets = _unique(users)
    changes = tuple(UserChange(user=u, join_groups=(group,)) for u in targets)
    return Plan(PlanKind.ADD_MEMBERS, changes, f"Add {_count(targets)} to {group.name}")


def remove_members_plan(users: Sequence[str], group: GroupRef) -> Plan:
    """Remove users from a group: they lose whatever licenses only it gives them."""
    targets = _unique(users)
    changes = tuple(UserChange(user=u, leave_groups=(group,)) for u in targets)
    return Plan(PlanKind.REMOVE_MEMBERS, changes, f"Remove {_count(targets)} from {group.name}")


def group_license_plan(
    group: LicensedGroup, add: Sequence[AssignedLicense] = (), remove: Sequence[str] = ()
) -> Plan:
    """Change a group's own licenses; its members get (or lose) them through the group. An
    add of a package the group carries, with other apps off, changes its apps."""
    change = UserChange(user=group.id, add=tuple(add), remove=tuple(remove), on_group=True)
    if remove and not add:
        kind, what = PlanKind.GROUP_REMOVE, "Remove licenses from"
    elif add and not remove and all(lic.sku_id in group.sku_ids for lic in add):
        kind, what = PlanKind.GROUP_APPS, "Change apps in"
    else:
        kind, what = PlanKind.GROUP_LICENSE, "Change licenses of"
    return Plan(kind, (change,), f"{what} the group {group.display_name}")


def remove_covered_plan(covered: Sequence[tuple[str, str]]) -> Plan:
    """Remove members' direct copies of packages a group already gives them: (user, sku id)
    pairs. The check keeps any whose group copy is not active for the user at that moment."""
    by_user: dict[str, list[str]] = {}
    for user, sku_id in covered:
        held = by_user.setdefault(user, [])
        if sku_id not in held:
            held.append(sku_id)
    changes = tuple(UserChange(user=u, remove=tuple(s)) for u, s in by_user.items())
    return Plan(
        PlanKind.REMOVE_COVERED,
        changes,
        f"Remove direct licenses a group gives for {_count(list(by_user))}",
    )


def create_user_plan(new_user: NewUser, licenses: Sequence[AssignedLicense] = ()) -> Plan:
    change = UserChange(
        user=new_user.user_principal_name,
        add=tuple(licenses),
        usage_location=new_user.usage_location,
        create=new_user,
    )
    return Plan(PlanKind.CREATE, (change,), f"Create user {new_user.user_principal_name}")


def copy_licenses_plan(source: User, targets: Sequence[str]) -> Plan:
    licenses = source.direct_licenses
    source_key = {source.id.lower(), source.user_principal_name.lower()}
    users = [u for u in _unique(targets) if u.lower() not in source_key]
    changes = tuple(UserChange(user=u, add=licenses) for u in users)
    return Plan(
        PlanKind.COPY,
        changes,
        f"Copy licenses of {source.user_principal_name} to {_count(users)}",
    )
