"""The drift check: users whose licenses differ from their department's template, and the plan
that aligns them.

A user drifts when their department (case and spaces aside) has a template and:
- a package of the template is not held at all (directly or through a group);
- a package of the template is held directly with other apps turned off;
- a package not in the template is held directly (licenses from a group are the group's
  business: they are not removed here);
- the template has a usage location and the user's differs.
Blocked accounts are left out (leavers are reclaimed, not aligned). The aligning plan is one
ordinary change per user (add with the template's apps, remove the extras, set the location):
``PlanKind.MIXED``, checked, previewed and undone like any other.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop.graph.records import AssignedLicense, User
from desktop.licensing.types import Plan, PlanKind, UserChange
from desktop.templates.model import LicenseTemplate, TemplateError, TemplateLicense, name_key


@dataclass(frozen=True, slots=True)
class Drift:
    user: User
    template: LicenseTemplate
    missing: tuple[TemplateLicense, ...] = ()  # not held at all
    other_apps: tuple[TemplateLicense, ...] = ()  # held directly, other apps turned off
    extra: tuple[str, ...] = ()  # sku ids held directly that the template lacks
    usage_location: str | None = None  # the template's, when the user's differs

    def change(self) -> UserChange:
        return UserChange(
            user=self.user.user_principal_name,
            add=tuple(lic.assigned() for lic in (*self.missing, *self.other_apps)),
            remove=self.extra,
            usage_location=self.usage_location,
        )


def templates_by_department(
    templates: Iterable[LicenseTemplate],
) -> dict[str, LicenseTemplate]:
    found: dict[str, LicenseTemplate] = {}
    for template in templates:
        if not template.department:
            continue
        key = name_key(template.department)
        if key in found:
            raise TemplateError(
                f"Templates '{found[key].name}' and '{template.name}' are both for department "
                f"'{template.department}': the drift check needs one per department."
            )
        found[key] = template
    return found


def drift_of(user: User, template: LicenseTemplate) -> Drift | None:
    held = user.sku_ids
    direct = {lic.sku_id: lic for lic in user.direct_licenses}
    missing = tuple(lic for lic in template.licenses if lic.sku_id not in held)
    other_apps = tuple(
        lic
        for lic in template.licenses
        if lic.sku_id in direct and _apps_differ(direct[lic.sku_id], lic)
    )
    wanted = {lic.sku_id for lic in template.licenses}
    extra = tuple(sku for sku in direct if sku not in wanted)
    location = template.usage_location
    moved = location if location and (user.usage_location or "").upper() != location else None
    if not (missing or other_apps or extra or moved):
        return None
    return Drift(user, template, missing, other_apps, extra, moved)


def _apps_differ(held: AssignedLicense, wanted: TemplateLicense) -> bool:
    return {p.lower() for p in held.disabled_plans} != set(wanted.disabled_plans)


def find_drift(
    users: Iterable[User],
    templates: Iterable[LicenseTemplate],
    department: str | None = None,
) -> list[Drift]:
    """Drifting users, by user principal name. ``department``: only that one (it must have a
    template)."""
    by_department = templates_by_department(templates)
    if department is not None and name_key(department) not in by_department:
        known = ", ".join(sorted(t.department or "" for t in by_department.values())) or "none"
        raise TemplateError(
            f"No template is for department '{department}' (departments with one: {known})."
        )
    wanted = name_key(department) if department is not None else None
    found: list[Drift] = []
    for user in users:
        key = name_key(user.department or "")
        if not user.account_enabled or not key or (wanted is not None and key != wanted):
            continue
        template = by_department.get(key)
        drift = drift_of(user, template) if template is not None else None
        if drift is not None:
            found.append(drift)
    return sorted(found, key=lambda d: d.user.user_principal_name.casefold())


def align_plan(drifts: Sequence[Drift]) -> Plan:
    count = "1 user" if len(drifts) == 1 else f"{len(drifts)} users"
    return Plan(
        PlanKind.MIXED,
        tuple(d.change() for d in drifts),
        f"Align {count} with their department's template",
    )
