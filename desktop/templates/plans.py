"""A template turned into ordinary plans: "Add licenses" (``PlanKind.ASSIGN``, with the
template's groups joined) for existing users, "Create a user" (``PlanKind.CREATE``) for new
ones. They go through the same check, preview, journal and undo as any other change of their
kind; nothing here is template-specific after the plan is built. A package the tenant lacks
stays in the plan: the check says so in the preview (``UNKNOWN_SKU``), as it does for any
package the tenant does not have; so does a group it lacks (``UNKNOWN_GROUP``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.graph.groups import LicensedGroup
from desktop.graph.records import NewUser
from desktop.licensing.builders import assign_plan, create_user_plan
from desktop.licensing.types import GroupRef, Plan, PlanKind, UserChange
from desktop.templates.model import LicenseTemplate


def resolve_groups(
    template: LicenseTemplate, tenant_groups: Sequence[LicensedGroup]
) -> tuple[GroupRef, ...]:
    """The template's groups in this tenant: the same id, else the same name (a group's id
    differs between tenants). A group found neither way keeps the template's id, so the
    check reports it as unknown in the preview."""
    by_id = {g.id.lower(): g for g in tenant_groups}
    by_name: dict[str, list[LicensedGroup]] = {}
    for group in tenant_groups:
        by_name.setdefault(group.display_name.casefold(), []).append(group)
    found: list[GroupRef] = []
    for wanted in template.groups:
        same = by_id.get(wanted.id.lower())
        named = by_name.get(wanted.name.casefold(), []) if wanted.name else []
        if same is None and len(named) == 1:
            same = named[0]
        if same is not None:
            found.append(GroupRef(same.id, same.display_name))
        else:
            found.append(GroupRef(wanted.id or wanted.name, wanted.name))
    return tuple(found)


def apply_plan(
    template: LicenseTemplate, users: Sequence[str], groups: Sequence[GroupRef] = ()
) -> Plan:
    """The template's packages (apps as in the template) and usage location for ``users``,
    and membership of ``groups`` (``resolve_groups``: the template's groups in this tenant)."""
    plan = assign_plan(users, template.assigned(), usage_location=template.usage_location)
    count = "1 user" if len(plan.changes) == 1 else f"{len(plan.changes)} users"
    changes = tuple(replace(c, join_groups=tuple(groups)) for c in plan.changes)
    return replace(
        plan, changes=changes, description=f"Apply template '{template.name}' to {count}"
    )


def join_groups_plan(
    template: LicenseTemplate, users: Sequence[str], groups: Sequence[GroupRef]
) -> Plan:
    """New users into the template's groups, once their accounts exist: an ordinary
    "add members" change (``PlanKind.ADD_MEMBERS``), checked and previewed like any."""
    changes = tuple(UserChange(user=u, join_groups=tuple(groups)) for u in users)
    count = "1 user" if len(changes) == 1 else f"{len(changes)} users"
    return Plan(
        PlanKind.ADD_MEMBERS, changes, f"Add {count} to the groups of template '{template.name}'"
    )


def new_user_plan(template: LicenseTemplate, new_user: NewUser) -> Plan:
    """A new account with the template's packages; its usage location and department unless
    the new user's own are given. Groups are not joined here: a membership is checked against
    the user as Graph shows them, and a new account is not there yet: ``join_groups_plan``
    follows once it exists."""
    filled = replace(
        new_user,
        usage_location=new_user.usage_location or template.usage_location,
        department=new_user.department or template.department,
    )
    plan = create_user_plan(filled, template.assigned())
    return replace(
        plan,
        description=f"Create user {filled.user_principal_name} from template '{template.name}'",
    )
