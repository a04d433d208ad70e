"""The rules of ``POST /users/{id}/assignLicense``, checked in the order Graph reports them.

A call is all-or-nothing: every rule is checked against the state the call would leave behind
before anything is written, so a swap that cannot complete leaves the old license in place.
Adding a SKU the user already holds directly only replaces its disabled plans; that is how
"apps in license" changes are made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop.demo import errors
from desktop.demo.assignments import Assignments, UserLicenses, seat_capacity
from desktop.demo.errors import EnvelopeError
from desktop.demo.store import Store
from desktop.licensing.plan_conflicts import DEPENDENCIES, EXCLUSIVE_PAIRS

# The service-plan conflicts come from one table with the engine's (plan names; GUIDs come from
# the tenant's SKUs).

_GUID = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_PARAMETERS = ("addLicenses", "removeLicenses")


@dataclass(frozen=True, slots=True)
class LicenseChange:
    upserts: tuple[tuple[str, tuple[str, ...]], ...]
    removals: tuple[str, ...]


def parse_body(body: Any) -> LicenseChange:
    """Validate the request shape; both keys must be present, even when empty."""
    if not isinstance(body, dict):
        raise errors.bad_request("Empty Payload. JSON content expected.", errors.BAD_REQUEST)
    for key in body:
        if key not in _PARAMETERS and not key.startswith("@"):
            raise errors.bad_request(
                f"The parameter '{key}' in the request payload is not a valid parameter for the "
                "operation 'assignLicense'.",
                errors.BAD_REQUEST,
            )
    missing = [key for key in _PARAMETERS if body.get(key) is None]
    if missing:
        # OData's own wording for missing action parameters, which Graph passes through.
        raise errors.bad_request(
            "One or more parameters of the operation 'assignLicense' are missing from the "
            f"request payload. The missing parameters are: {', '.join(missing)}.",
            errors.BAD_REQUEST,
        )
    adds, removes = body["addLicenses"], body["removeLicenses"]
    if not isinstance(adds, list) or not isinstance(removes, list):
        bad = "addLicenses" if not isinstance(adds, list) else "removeLicenses"
        raise errors.bad_request(errors.msg_invalid_value(bad), errors.BAD_REQUEST)
    upserts: dict[str, tuple[str, ...]] = {}
    for entry in adds:
        if not isinstance(entry, dict) or "skuId" not in entry:
            raise errors.bad_request(errors.msg_invalid_value("skuId"), errors.BAD_REQUEST)
        sku_id = _guid(entry["skuId"])
        disabled = entry.get("disabledPlans") or []
        if not isinstance(disabled, list):
            raise errors.bad_request(errors.msg_invalid_value("disabledPlans"), errors.BAD_REQUEST)
        upserts[sku_id] = tuple(sorted({_guid(plan) for plan in disabled}))
    removals = tuple(dict.fromkeys(_guid(sku) for sku in removes))
    return LicenseChange(tuple(upserts.items()), removals)


def require_some_change(change: LicenseChange) -> None:
    """Graph refuses a call with nothing to add and nothing to remove (docs/graph-facts.md,
    "Assigning licenses"). Checked once the user is found: an unknown user is still 404."""
    if not change.upserts and not change.removals:
        raise errors.bad_request(errors.MSG_NO_LICENSE_CHANGES)


def _guid(value: Any) -> str:
    if not isinstance(value, str) or not _GUID.fullmatch(value.strip()):
        raise errors.bad_request(
            f"Cannot convert the literal '{value}' to the expected type 'Edm.Guid'.",
            errors.BAD_REQUEST,
        )
    return value.strip().lower()


def check(
    store: Store,
    assignments: Assignments,
    held: UserLicenses,
    change: LicenseChange,
    *,
    usage_location: str | None,
) -> None:
    """Raise ``EnvelopeError`` for the first rule the change breaks."""
    _check_known_skus(store, change)
    if change.upserts and not usage_location:
        raise errors.bad_request(errors.MSG_NO_USAGE_LOCATION)
    for sku_id in change.removals:
        if held.direct(sku_id) is not None:
            continue
        if held.inherited(sku_id):
            raise errors.bad_request(errors.MSG_INHERITED_LICENSE)
        raise errors.bad_request(errors.MSG_NO_CORRESPONDING_LICENSE)
    _check_plans_belong(store, change)
    for sku_id, _ in change.upserts:
        sku = store.sku(sku_id)
        assert sku is not None
        if held.holds_actively(sku_id):
            continue  # already seated (directly or through a group): no new seat needed
        if assignments.consumed_units(sku_id) >= seat_capacity(sku):
            raise errors.bad_request(errors.msg_no_seats(sku_id))
    _check_plan_rules(store, held, change)


def check_shape(store: Store, change: LicenseChange) -> None:
    """The rules a group's ``assignLicense`` checks at once: known SKUs for users, not added
    and removed together, plans of their own SKU. What only a member can break is found later,
    when the group is processed (``group_processing.py``)."""
    _check_known_skus(store, change)
    _check_plans_belong(store, change)


def _check_known_skus(store: Store, change: LicenseChange) -> None:
    for sku_id, _ in change.upserts:
        if store.sku(sku_id) is None:
            raise errors.bad_request(errors.msg_invalid_license(sku_id))
    for sku_id, _ in change.upserts:
        if sku_id in change.removals:
            raise errors.bad_request(errors.msg_sku_in_add_and_remove(sku_id))
        sku = store.sku(sku_id)
        if sku is not None and sku.applies_to != "User":
            raise errors.bad_request(errors.msg_company_license(sku_id))


def _check_plans_belong(store: Store, change: LicenseChange) -> None:
    for sku_id, disabled in change.upserts:
        sku = store.sku(sku_id)
        assert sku is not None
        own = sku.plan_ids()
        for plan_id in disabled:
            if plan_id not in own:
                raise errors.bad_request(errors.msg_plan_not_in_license(plan_id, sku_id))


def _active_assignments(
    held: UserLicenses, change: LicenseChange | None
) -> list[tuple[str, tuple[str, ...]]]:
    """(sku, disabled plans) of every active assignment, before or after ``change``."""
    result = [(s.sku_id, s.disabled_plans) for s in held.states if s.active and s.group_id]
    direct = {s.sku_id: s.disabled_plans for s in held.states if s.group_id is None}
    if change is not None:
        for sku_id in change.removals:
            direct.pop(sku_id, None)
        direct.update(dict(change.upserts))
    result.extend(direct.items())
    return result


MUTUALLY_EXCLUSIVE = "MutuallyExclusiveViolation"
DEPENDENCY = "DependencyViolation"


def _violations(store: Store, active: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, str]]:
    """(error kind as group-based licensing names it, Graph's message) of every plan rule the
    set of active assignments breaks."""
    names: dict[str, str] = {}
    ids_by_name: dict[str, str] = {}
    for sku in store.skus():
        for plan in sku.plans:
            names[plan.plan_id] = plan.name
            ids_by_name[plan.name] = plan.plan_id
    enabled: dict[str, str] = {}  # plan id -> the SKU that first enables it
    for sku_id, disabled in active:
        assigned = store.sku(sku_id)
        for plan in assigned.plans if assigned else ():
            if plan.plan_id not in disabled:
                enabled.setdefault(plan.plan_id, sku_id)
    enabled_names = {names[p] for p in enabled}
    found: list[tuple[str, str]] = []
    for first, second in EXCLUSIVE_PAIRS:
        if first in enabled_names and second in enabled_names:
            message = errors.msg_mutually_exclusive([ids_by_name[first], ids_by_name[second]])
            found.append((MUTUALLY_EXCLUSIVE, message))
    for plan_name, needs in DEPENDENCIES.items():
        if plan_name not in enabled_names or any(n in enabled_names for n in needs):
            continue
        plan_id = ids_by_name[plan_name]
        source = store.sku(enabled[plan_id])
        in_source = [n for n in needs if source and n in {p.name for p in source.plans}]
        listed = in_source or [n for n in needs if n in ids_by_name]
        message = errors.msg_dependency(plan_id, [ids_by_name[n] for n in listed])
        found.append((DEPENDENCY, message))
    return found


def group_grant_error(
    store: Store, held: UserLicenses, group_id: str, sku_id: str, disabled: tuple[str, ...]
) -> str | None:
    """The plan rule a group's license would break for a member, judged against the member's
    other active assignments (what processing a group assignment finds), or None."""
    others = [
        (s.sku_id, s.disabled_plans)
        for s in held.states
        if s.active and not (s.group_id == group_id and s.sku_id == sku_id)
    ]
    before = {message for _, message in _violations(store, others)}
    for kind, message in _violations(store, [*others, (sku_id, disabled)]):
        if message not in before:
            return kind
    return None


def _check_plan_rules(store: Store, held: UserLicenses, change: LicenseChange) -> None:
    before = {message for _, message in _violations(store, _active_assignments(held, None))}
    for _, message in _violations(store, _active_assignments(held, change)):
        if message not in before:
            raise EnvelopeError(400, errors.REQUEST_BAD_REQUEST, message)
