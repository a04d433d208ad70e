"""A template turned into ordinary plans: "Add licenses" (``PlanKind.ASSIGN``) for existing
users, "Create a user" (``PlanKind.CREATE``) for new ones. They go through the same check,
preview, journal and undo as any other change of their kind; nothing here is template-specific
after the plan is built. A package the tenant lacks stays in the plan: the check says so in the
preview (``UNKNOWN_SKU``), as it does for any package the tenant does not have."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from desktop.graph.records import NewUser
from desktop.licensing.builders import assign_plan, create_user_plan
from desktop.licensing.types import Plan
from desktop.templates.model import LicenseTemplate


def apply_plan(template: LicenseTemplate, users: Sequence[str]) -> Plan:
    """The template's packages (apps as in the template) and usage location for ``users``."""
    plan = assign_plan(users, template.assigned(), usage_location=template.usage_location)
    count = "1 user" if len(plan.changes) == 1 else f"{len(plan.changes)} users"
    return replace(plan, description=f"Apply template '{template.name}' to {count}")


def new_user_plan(template: LicenseTemplate, new_user: NewUser) -> Plan:
    """A new account with the template's packages; its usage location and department unless
    the new user's own are given."""
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
