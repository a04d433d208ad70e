"""What a license template is: packages with their apps turned off, a usage location, groups.

Package and app ids are Microsoft's GUIDs, the same in every tenant, so a template saved in one
tenant applies in another; the part numbers and app names ride along for people (and for a
tenant that lacks the package, whose preview then names what is missing). Groups are kept with
their names: a group's id differs between tenants, its name is how another tenant finds it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from desktop.graph.records import AssignedLicense, Group, Sku, User

MAX_NAME = 120


class TemplateError(ValueError):
    """A template that cannot be made or used as asked; the message says what to do."""


@dataclass(frozen=True, slots=True)
class TemplateLicense:
    sku_id: str  # lower-case GUID
    part_number: str
    disabled_plans: tuple[str, ...] = ()  # service plan ids (GUIDs), sorted
    disabled_plan_names: tuple[str, ...] = ()  # their names, for people reading the file

    def assigned(self) -> AssignedLicense:
        return AssignedLicense(self.sku_id, self.disabled_plans)


@dataclass(frozen=True, slots=True)
class TemplateGroup:
    id: str
    name: str


@dataclass(frozen=True, slots=True)
class LicenseTemplate:
    name: str
    licenses: tuple[TemplateLicense, ...]
    usage_location: str | None = None
    department: str | None = None  # the drift check compares this department's users
    groups: tuple[TemplateGroup, ...] = ()

    @property
    def key(self) -> str:
        return name_key(self.name)

    def assigned(self) -> tuple[AssignedLicense, ...]:
        return tuple(lic.assigned() for lic in self.licenses)

    def license(self, sku_id: str) -> TemplateLicense | None:
        return next((lic for lic in self.licenses if lic.sku_id == sku_id), None)


def name_key(name: str) -> str:
    """Names are told apart without regard to case or surrounding spaces."""
    return " ".join(name.split()).casefold()


def check_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise TemplateError("A template needs a name.")
    if len(cleaned) > MAX_NAME:
        raise TemplateError(f"A template name is at most {MAX_NAME} characters.")
    return cleaned


def template_license(lic: AssignedLicense, sku: Sku | None) -> TemplateLicense:
    names = {p.service_plan_id: p.service_plan_name for p in sku.service_plans} if sku else {}
    disabled = tuple(sorted(p.lower() for p in lic.disabled_plans))
    return TemplateLicense(
        lic.sku_id.lower(),
        sku.sku_part_number if sku else "",
        disabled,
        tuple(names.get(p, "") for p in disabled),
    )


def from_user(
    name: str,
    user: User,
    skus: Iterable[Sku],
    groups: Mapping[str, Group] | None = None,
) -> LicenseTemplate:
    """ "Save this user's licenses as a template": the licenses assigned directly (with their
    apps turned off), the groups the user inherits licenses from, the usage location and
    the department."""
    by_id = {s.sku_id.lower(): s for s in skus}
    licenses = tuple(
        template_license(lic, by_id.get(lic.sku_id.lower())) for lic in user.direct_licenses
    )
    known = groups or {}
    found = tuple(
        TemplateGroup(gid, known[gid].display_name if gid in known else "")
        for gid in sorted(user.granting_group_ids)
    )
    if not licenses and not found:
        raise TemplateError(
            f"{user.user_principal_name} has no licenses to save: pick a user who has some."
        )
    return LicenseTemplate(
        check_name(name),
        licenses,
        user.usage_location or None,
        (user.department or "").strip() or None,
        found,
    )
