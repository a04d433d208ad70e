"""The Graph requests one user's change becomes, as ``$batch`` entries."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from desktop.graph.batch_items import BatchRequest
from desktop.graph.client import USER_SELECT, new_user_body
from desktop.graph.groups import (
    add_member_request,
    group_license_request,
    member_of_request,
    remove_member_request,
)
from desktop.graph.priority import Priority
from desktop.licensing.types import UserChange


def user_path(user: str) -> str:
    """``/users/{id or UPN}``; a guest UPN's '#' and other specials must be escaped."""
    return "/users/" + quote(user, safe="@")


def read_user_request(request_id: str, user: str) -> BatchRequest:
    # The engine reads users while the administrator waits (check, resume, undo).
    return BatchRequest(
        request_id,
        "GET",
        f"{user_path(user)}?$select={USER_SELECT}",
        headers=tuple(Priority.NORMAL.header().items()),
    )


def read_member_of_request(request_id: str, user: str) -> BatchRequest:
    return member_of_request(request_id, user_path(user))


def assign_body(change: UserChange) -> dict[str, Any]:
    # Graph wants both keys present, even when one is empty.
    return {
        "addLicenses": [
            {"skuId": lic.sku_id, "disabledPlans": list(lic.disabled_plans)} for lic in change.add
        ],
        "removeLicenses": list(change.remove),
    }


def patch_body(change: UserChange) -> dict[str, Any] | None:
    body: dict[str, Any] = {}
    if change.usage_location is not None:
        body["usageLocation"] = change.usage_location
    elif change.clear_usage_location:
        body["usageLocation"] = None
    if change.account_enabled is not None:
        body["accountEnabled"] = change.account_enabled
    return body or None


def create_body(change: UserChange) -> dict[str, Any]:
    new_user = change.create
    assert new_user is not None
    body = new_user_body(new_user)
    # The plan may supply the usage location (a default applied by the check).
    location = change.usage_location or new_user.usage_location
    if location:
        body["usageLocation"] = location
    return body


def update_requests(prefix: str, target: str, change: UserChange) -> list[BatchRequest]:
    """At most one PATCH and one assignLicense, chained with ``dependsOn``.

    The PATCH goes first (a license needs the usage location it sets), except when it clears
    the usage location: that must wait until the licenses are gone.
    """
    if change.delete:
        return [BatchRequest(f"{prefix}d", "DELETE", user_path(target))]
    if change.on_group:
        # The group's own licenses: one assignLicense; members follow in the background.
        return [group_license_request(f"{prefix}a", target, change.add, change.remove)]
    patch = patch_body(change)
    assign = change.touches_licenses
    path = user_path(target)
    if patch is not None and assign and change.clear_usage_location:
        return [
            BatchRequest(f"{prefix}a", "POST", f"{path}/assignLicense", assign_body(change)),
            BatchRequest(f"{prefix}p", "PATCH", path, patch, depends_on=(f"{prefix}a",)),
        ]
    requests: list[BatchRequest] = []
    if patch is not None:
        requests.append(BatchRequest(f"{prefix}p", "PATCH", path, patch))
    if assign:
        depends = (f"{prefix}p",) if patch is not None else ()
        requests.append(
            BatchRequest(
                f"{prefix}a", "POST", f"{path}/assignLicense", assign_body(change), depends
            )
        )
    # Each group its own request; nothing waits on them (a membership needs no usage
    # location: a group license without one takes the tenant's). ``target`` is the user's id,
    # which a $ref names.
    for n, group in enumerate(change.leave_groups):
        requests.append(remove_member_request(f"{prefix}l{n}m", group.id, target))
    for n, group in enumerate(change.join_groups):
        requests.append(add_member_request(f"{prefix}j{n}m", group.id, target))
    if change.reprocess:
        # Last: it processes the group licenses against what the user holds after the rest.
        after = (requests[-1].id,) if requests else ()
        requests.append(
            BatchRequest(f"{prefix}r", "POST", f"{path}/reprocessLicenseAssignment", None, after)
        )
    return requests


def create_request(prefix: str, change: UserChange) -> BatchRequest:
    return BatchRequest(f"{prefix}c", "POST", "/users", create_body(change))
