"""JSON shapes of users, groups, SKUs and the organization, exactly as Graph v1.0 returns them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from desktop.demo.assignments import UserLicenses
from desktop.demo.rows import COL, GroupLicense, GroupRow, SkuRow, UserRow

# Graph's default user properties, in Graph's order, when no $select is given.
DEFAULT_USER_PROPERTIES: tuple[str, ...] = (
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
)


# Properties read from the users table, and the column each comes from.
USER_PROPERTY_COLUMNS: dict[str, str] = {
    "id": "id",
    "displayName": "display_name",
    "givenName": "given_name",
    "surname": "surname",
    "userPrincipalName": "upn",
    "mail": "mail",
    "mailNickname": "mail_nickname",
    "accountEnabled": "account_enabled",
    "usageLocation": "usage_location",
    "department": "department",
    "jobTitle": "job_title",
    "officeLocation": "office_location",
    "mobilePhone": "mobile_phone",
    "businessPhones": "business_phone",
    "preferredLanguage": "preferred_language",
    "companyName": "company_name",
    "createdDateTime": "created",
}


def _column(name: str) -> Callable[[UserRow], Any]:
    index = COL[name]
    return lambda row: row[index]


_PHONE = COL[USER_PROPERTY_COLUMNS["businessPhones"]]
_ENABLED = COL[USER_PROPERTY_COLUMNS["accountEnabled"]]


def _phones(row: UserRow) -> list[str]:
    phone = row[_PHONE]
    return [phone] if phone else []


def _enabled(row: UserRow) -> bool:
    return bool(row[_ENABLED])


# Properties that come straight from the users table (or are the same for every user).
_ROW_PROPERTIES: dict[str, Callable[[UserRow], Any]] = {
    **{name: _column(column) for name, column in USER_PROPERTY_COLUMNS.items()},
    "accountEnabled": _enabled,
    "businessPhones": _phones,
    "userType": lambda row: "Member",
    "otherMails": lambda row: [],
    "employeeId": lambda row: None,
    "city": lambda row: None,
    "country": lambda row: None,
}
LICENSE_PROPERTIES = ("assignedLicenses", "licenseAssignmentStates")
USER_PROPERTIES: tuple[str, ...] = (
    *_ROW_PROPERTIES,
    "onPremisesSyncEnabled",
    *LICENSE_PROPERTIES,
)


def user_columns(properties: Sequence[str]) -> frozenset[str]:
    """The users columns ``user_json`` reads for these properties (the row's rowid aside)."""
    return frozenset(USER_PROPERTY_COLUMNS[p] for p in properties if p in USER_PROPERTY_COLUMNS)


def needs_licenses(properties: Sequence[str]) -> bool:
    return any(p in LICENSE_PROPERTIES for p in properties)


def user_json(
    row: UserRow,
    properties: Sequence[str],
    licenses: UserLicenses | None,
    sku_order: dict[str, int],
    *,
    synced: bool = False,
) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for name in properties:
        getter = _ROW_PROPERTIES.get(name)
        if getter is not None:
            result[name] = getter(row)
        elif name == "onPremisesSyncEnabled":
            result[name] = True if synced else None  # Graph sends null for cloud-only users
        elif name == "assignedLicenses":
            effective = licenses.effective(sku_order) if licenses else []
            result[name] = [
                {"disabledPlans": list(disabled), "skuId": sku} for sku, disabled in effective
            ]
        elif name == "licenseAssignmentStates":
            states = licenses.states if licenses else ()
            result[name] = [
                {
                    "assignedByGroup": s.group_id,
                    "disabledPlans": list(s.disabled_plans),
                    "error": s.error,
                    "lastUpdatedDateTime": s.updated,
                    "skuId": s.sku_id,
                    "state": s.state,
                }
                for s in states
            ]
    return result


GROUP_PROPERTIES: tuple[str, ...] = (
    "id",
    "createdDateTime",
    "description",
    "displayName",
    "groupTypes",
    "mail",
    "mailEnabled",
    "mailNickname",
    "securityEnabled",
    "assignedLicenses",
)
DEFAULT_GROUP_PROPERTIES = GROUP_PROPERTIES[:-1]


def group_json(
    group: GroupRow, properties: Sequence[str], licenses: Sequence[GroupLicense]
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": group.id,
        "createdDateTime": group.created,
        "description": group.description,
        "displayName": group.display_name,
        "groupTypes": [],
        "mail": None,
        "mailEnabled": False,
        "mailNickname": group.mail_nickname,
        "securityEnabled": True,
        "assignedLicenses": [
            {"disabledPlans": list(g.disabled_plans), "skuId": g.sku_id} for g in licenses
        ],
    }
    return {name: values[name] for name in properties}


SKU_PROPERTIES: tuple[str, ...] = (
    "accountName",
    "accountId",
    "appliesTo",
    "capabilityStatus",
    "consumedUnits",
    "id",
    "prepaidUnits",
    "servicePlans",
    "skuId",
    "skuPartNumber",
    "subscriptionIds",
)


def sku_json(
    sku: SkuRow,
    properties: Sequence[str],
    consumed: int,
    tenant_id: str,
    account_name: str,
) -> dict[str, Any]:
    values: dict[str, Any] = {
        "accountName": account_name,
        "accountId": tenant_id,
        "appliesTo": sku.applies_to,
        "capabilityStatus": sku.capability_status,
        "consumedUnits": consumed,
        "id": f"{tenant_id}_{sku.sku_id}",
        "prepaidUnits": {
            "enabled": sku.enabled,
            "lockedOut": sku.locked_out,
            "suspended": sku.suspended,
            "warning": sku.warning,
        },
        "servicePlans": [
            {
                "servicePlanId": plan.plan_id,
                "servicePlanName": plan.name,
                "provisioningStatus": "Success"
                if sku.capability_status in ("Enabled", "Warning")
                else "Disabled",
                "appliesTo": plan.applies_to,
            }
            for plan in sku.plans
        ],
        "skuId": sku.sku_id,
        "skuPartNumber": sku.part_number,
        "subscriptionIds": [sku.subscription_id],
    }
    return {name: values[name] for name in properties}


def organization_json(
    tenant_id: str,
    display_name: str,
    created: str,
    domains: Sequence[tuple[str, bool, bool]],
) -> dict[str, Any]:
    return {
        "id": tenant_id,
        "displayName": display_name,
        "createdDateTime": created,
        "countryLetterCode": "PL",
        "preferredLanguage": "pl",
        "tenantType": "AAD",
        "city": "Gdańsk",
        "country": "Polska",
        "postalCode": "80-001",
        "street": "ul. Długa 1",
        "businessPhones": ["+48 58 300 00 00"],
        "verifiedDomains": [
            {
                "capabilities": "None" if initial else "Email, OfficeCommunicationsOnline",
                "isDefault": default,
                "isInitial": initial,
                "name": name,
                "type": "Managed",
            }
            for name, default, initial in domains
        ],
    }
