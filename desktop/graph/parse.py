"""Graph JSON to frozen records, checked as it goes.

Every shape problem (HTML instead of JSON, a cut-off body, a missing ``id``, a number where text
belongs) becomes one ``ProtocolError`` naming the field and where it was found, e.g.
``users page 3, item 17: missing 'id'``. Unknown fields are ignored, missing optional ones take
their defaults.

Speed and memory matter: a tenant can hold 100,000 users. The user parser is written flat
(no helper call per field), repeated strings (SKU and plan GUIDs, countries, departments) are
interned, and identical license entries are shared between users.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any, NoReturn

from desktop.graph.json_checks import (
    MISSING,
    decode_json,
    describe,
    fail,
    guid_list,
    parse_collection,
    wrong,
)
from desktop.graph.records import (
    STATE_ACTIVE,
    AssignedLicense,
    Group,
    LicenseAssignmentState,
    Organization,
    PrepaidUnits,
    ServicePlan,
    Sku,
    User,
)

__all__ = [
    "decode_json",
    "parse_assigned_license",
    "parse_assignment_state",
    "parse_collection",
    "parse_group",
    "parse_organization",
    "parse_service_plan",
    "parse_sku",
    "parse_skus",
    "parse_user",
    "parse_users",
]

_intern = sys.intern
# Shared instances of identical license entries. A tenant has few distinct combinations, so
# these stay small; the cap only guards against a pathological tenant.
_CACHE_LIMIT = 20_000
_licenses: dict[tuple[str, tuple[str, ...]], AssignedLicense] = {}
_states: dict[tuple[Any, ...], LicenseAssignmentState] = {}


# Where an entry sits, kept as plain values and turned into text only when something is wrong:
# (context such as "users page 3", item position or 0, user id or "", list name, list index).
Location = tuple[str, int, str, str, int]


def _describe_location(loc: Location) -> str:
    where, position, user_id, key, index = loc
    text = where
    if position:
        text += f", item {position}"
        if user_id:
            text += f" (id {user_id})"
    if key:
        text += f", {key}[{index}]"
    return text


def _plan_ids(value: Any, loc: Location) -> tuple[str, ...]:
    if not value:
        if value is None or type(value) is list:
            return ()
        wrong(_describe_location(loc), "disabledPlans", value, "a list of ids")
    if type(value) is list:
        for entry in value:
            if type(entry) is not str:
                break
        else:
            return tuple([_intern(entry) for entry in value])
    return guid_list(value, _describe_location(loc), "disabledPlans")


def parse_assigned_license(item: Any, where: str) -> AssignedLicense:
    return _assigned_license(item, (where, 0, "", "", 0))


def _assigned_license(item: Any, loc: Location) -> AssignedLicense:
    if type(item) is not dict:
        fail(_describe_location(loc), f"expected an object, got {describe(item)}")
    sku_id = item.get("skuId", MISSING)
    if type(sku_id) is not str:
        wrong(_describe_location(loc), "skuId", sku_id, "an id")
    plans = _plan_ids(item.get("disabledPlans"), loc)
    cache_key = (sku_id, plans)
    shared = _licenses.get(cache_key)
    if shared is None:
        if len(_licenses) >= _CACHE_LIMIT:
            _licenses.clear()
        shared = _licenses.setdefault(cache_key, AssignedLicense(_intern(sku_id), plans))
    return shared


def parse_assignment_state(item: Any, where: str) -> LicenseAssignmentState:
    return _assignment_state(item, (where, 0, "", "", 0))


def _assignment_state(item: Any, loc: Location) -> LicenseAssignmentState:
    if type(item) is not dict:
        fail(_describe_location(loc), f"expected an object, got {describe(item)}")
    get = item.get
    sku_id = get("skuId", MISSING)
    group = get("assignedByGroup")
    state = get("state")
    error = get("error")
    updated = get("lastUpdatedDateTime")
    if (
        type(sku_id) is not str
        or (group is not None and type(group) is not str)
        or (state is not None and type(state) is not str)
        or (error is not None and type(error) is not str)
        or (updated is not None and type(updated) is not str)
    ):
        here = _describe_location(loc)
        if type(sku_id) is not str:
            wrong(here, "skuId", sku_id, "an id")
        for key, value in (
            ("assignedByGroup", group),
            ("state", state),
            ("error", error),
            ("lastUpdatedDateTime", updated),
        ):
            if value is not None and type(value) is not str:
                wrong(here, key, value, "text or null")
    plans = _plan_ids(get("disabledPlans"), loc)
    cache_key = (sku_id, group, state, error, updated, plans)
    shared = _states.get(cache_key)
    if shared is None:
        if len(_states) >= _CACHE_LIMIT:
            _states.clear()
        shared = LicenseAssignmentState(
            sku_id=_intern(sku_id),
            assigned_by_group=_intern(group) if group else None,
            state=_intern(state) if state else STATE_ACTIVE,
            # The real service sends the string "None" for "no error".
            error=_intern(error) if error and error != "None" else None,
            disabled_plans=plans,
            last_updated=updated,
        )
        shared = _states.setdefault(cache_key, shared)
    return shared


def parse_user(item: Any, where: str) -> User:
    return _user(item, where, 0)


def _user(item: Any, where: str, position: int) -> User:
    if type(item) is not dict:
        loc = (where, position, "", "", 0)
        fail(_describe_location(loc), f"expected a user object, got {describe(item)}")
    get = item.get
    user_id = get("id", MISSING)
    upn = get("userPrincipalName", MISSING)
    display = get("displayName")
    enabled = get("accountEnabled")
    mail = get("mail")
    usage = get("usageLocation")
    department = get("department")
    job_title = get("jobTitle")
    synced = get("onPremisesSyncEnabled")
    raw_licenses = get("assignedLicenses")
    raw_states = get("licenseAssignmentStates")
    if (
        type(user_id) is not str
        or not user_id
        or type(upn) is not str
        or (display is not None and type(display) is not str)
        or (enabled is not None and type(enabled) is not bool)
        or (mail is not None and type(mail) is not str)
        or (usage is not None and type(usage) is not str)
        or (department is not None and type(department) is not str)
        or (job_title is not None and type(job_title) is not str)
        or (synced is not None and type(synced) is not bool)
        or (raw_licenses is not None and type(raw_licenses) is not list)
        or (raw_states is not None and type(raw_states) is not list)
    ):
        _explain_user(item, _describe_location((where, position, "", "", 0)))
    licenses: tuple[AssignedLicense, ...] = ()
    if raw_licenses:
        licenses = tuple(
            [
                _assigned_license(entry, (where, position, user_id, "assignedLicenses", n))
                for n, entry in enumerate(raw_licenses)
            ]
        )
    states: tuple[LicenseAssignmentState, ...] = ()
    if raw_states:
        states = tuple(
            [
                _assignment_state(entry, (where, position, user_id, "licenseAssignmentStates", n))
                for n, entry in enumerate(raw_states)
            ]
        )
    return User(
        user_id,
        display or "",
        upn,
        True if enabled is None else enabled,
        _intern(usage) if usage else None,
        mail,
        _intern(department) if department is not None else None,
        _intern(job_title) if job_title is not None else None,
        licenses,
        states,
        synced,
    )


def _explain_user(item: dict[str, Any], where: str) -> NoReturn:
    """Name the first bad field of a user the fast check rejected."""
    user_id = item.get("id", MISSING)
    if type(user_id) is not str or not user_id:
        wrong(where, "id", user_id, "an id")
    upn = item.get("userPrincipalName", MISSING)
    if type(upn) is not str:
        wrong(where, "userPrincipalName", upn, "text")
    optional = (
        ("displayName", str, "text or null"),
        ("accountEnabled", bool, "true, false or null"),
        ("mail", str, "text or null"),
        ("usageLocation", str, "a country code or null"),
        ("department", str, "text or null"),
        ("jobTitle", str, "text or null"),
        ("onPremisesSyncEnabled", bool, "true, false or null"),
        ("assignedLicenses", list, "a list"),
        ("licenseAssignmentStates", list, "a list"),
    )
    for key, kind, expected in optional:
        value = item.get(key)
        if value is not None and type(value) is not kind:
            wrong(where, key, value, expected)
    fail(where, "the user object is malformed")


def parse_users(items: Iterable[Any], where: str) -> list[User]:
    """A page of users; errors name the item's position, counted from 1."""
    return [_user(item, where, position) for position, item in enumerate(items, 1)]


def _int_field(value: Any, where: str, key: str) -> int:
    if value is None:
        return 0
    if type(value) is not int:
        wrong(where, key, value, "a whole number")
    return value


def _text_field(item: dict[str, Any], key: str, where: str, default: str | None = None) -> str:
    value = item.get(key, MISSING)
    if value is MISSING or value is None:
        if default is None:
            wrong(where, key, value, "text")
        return default
    if type(value) is not str:
        wrong(where, key, value, "text")
    return value


def parse_service_plan(item: Any, where: str) -> ServicePlan:
    if type(item) is not dict:
        fail(where, f"expected a service plan object, got {describe(item)}")
    return ServicePlan(
        service_plan_id=_intern(_text_field(item, "servicePlanId", where)),
        service_plan_name=_intern(_text_field(item, "servicePlanName", where)),
        provisioning_status=_text_field(item, "provisioningStatus", where, "Success"),
        applies_to=_text_field(item, "appliesTo", where, "User"),
    )


def parse_sku(item: Any, where: str) -> Sku:
    if type(item) is not dict:
        fail(where, f"expected a subscribedSku object, got {describe(item)}")
    prepaid = item.get("prepaidUnits")
    if prepaid is None:
        prepaid = {}
    elif type(prepaid) is not dict:
        wrong(where, "prepaidUnits", prepaid, "an object")
    units_where = f"{where}, prepaidUnits"
    plans = item.get("servicePlans")
    if plans is None:
        plans = []
    elif type(plans) is not list:
        wrong(where, "servicePlans", plans, "a list")
    return Sku(
        id=_text_field(item, "id", where),
        sku_id=_intern(_text_field(item, "skuId", where)),
        sku_part_number=_text_field(item, "skuPartNumber", where),
        applies_to=_text_field(item, "appliesTo", where, "User"),
        capability_status=_text_field(item, "capabilityStatus", where, "Enabled"),
        consumed_units=_int_field(item.get("consumedUnits"), where, "consumedUnits"),
        prepaid_units=PrepaidUnits(
            enabled=_int_field(prepaid.get("enabled"), units_where, "enabled"),
            locked_out=_int_field(prepaid.get("lockedOut"), units_where, "lockedOut"),
            suspended=_int_field(prepaid.get("suspended"), units_where, "suspended"),
            warning=_int_field(prepaid.get("warning"), units_where, "warning"),
        ),
        service_plans=tuple(
            parse_service_plan(plan, f"{where}, servicePlans[{n}]") for n, plan in enumerate(plans)
        ),
        account_name=_text_field(item, "accountName", where, ""),
        account_id=_text_field(item, "accountId", where, ""),
        subscription_ids=guid_list(item.get("subscriptionIds"), where, "subscriptionIds"),
    )


def parse_skus(items: Iterable[Any], where: str) -> list[Sku]:
    return [parse_sku(item, f"{where}, item {n}") for n, item in enumerate(items, 1)]


def parse_group(item: Any, where: str) -> Group:
    if type(item) is not dict:
        fail(where, f"expected a group object, got {describe(item)}")
    return Group(
        id=_intern(_text_field(item, "id", where)),
        display_name=_text_field(item, "displayName", where, ""),
    )


def parse_organization(item: Any, where: str) -> Organization:
    if type(item) is not dict:
        fail(where, f"expected an organization object, got {describe(item)}")
    domains = item.get("verifiedDomains")
    if domains is None:
        domains = []
    elif type(domains) is not list:
        wrong(where, "verifiedDomains", domains, "a list")
    names: list[str] = []
    default: str | None = None
    for n, domain in enumerate(domains):
        domain_where = f"{where}, verifiedDomains[{n}]"
        if type(domain) is not dict:
            fail(domain_where, f"expected an object, got {describe(domain)}")
        name = _text_field(domain, "name", domain_where)
        names.append(name)
        if domain.get("isDefault") is True:
            default = name
    return Organization(
        id=_text_field(item, "id", where),
        display_name=_text_field(item, "displayName", where, ""),
        verified_domains=tuple(names),
        default_domain=default,
    )
