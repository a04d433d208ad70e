"""Groups and group-based licensing through Graph: licensed groups, members, members in error,
and the requests that change them (docs/graph-facts.md, "Groups and group-based licensing").

Reads follow every page; writes are ``BatchRequest``s so the engine sends them in ``$batch``
chunks, paced, like every other change (a group's license, a reprocess, a membership).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from desktop.cancel import CancelToken
from desktop.graph.batch_items import BatchRequest, BatchResponse
from desktop.graph.client import GraphClient, assign_license_body
from desktop.graph.json_checks import describe, fail
from desktop.graph.parse import parse_assigned_license
from desktop.graph.priority import Priority
from desktop.graph.records import AssignedLicense

LICENSED_GROUP_SELECT = "id,displayName,assignedLicenses"
MEMBER_SELECT = "id,displayName,userPrincipalName"
MEMBER_PAGE_SIZE = 999
EVENTUAL = {"ConsistencyLevel": "eventual"}
# How a member is named in a $ref body: Graph's own URL of the directory object, whichever
# host the client talks to.
DIRECTORY_OBJECT_URL = "https://graph.microsoft.com/v1.0/directoryObjects/"
GROUP_TYPE = "#microsoft.graph.group"


@dataclass(frozen=True, slots=True)
class LicensedGroup:
    id: str
    display_name: str
    assigned_licenses: tuple[AssignedLicense, ...]

    @property
    def sku_ids(self) -> frozenset[str]:
        return frozenset(lic.sku_id for lic in self.assigned_licenses)

    def license(self, sku_id: str) -> AssignedLicense | None:
        return next((lic for lic in self.assigned_licenses if lic.sku_id == sku_id), None)


@dataclass(frozen=True, slots=True)
class GroupMember:
    """A member as ``/members`` lists it: a user, or a nested group (which passes no licenses
    on to its own members)."""

    id: str
    display_name: str
    user_principal_name: str
    is_group: bool


def _text(item: dict[str, Any], name: str, where: str, default: str | None = None) -> str:
    value = item.get(name, default)
    if value is None and default is not None:
        return default
    if type(value) is not str:
        fail(where, f"{name} should be text, got {describe(value)}")
    return value


def parse_licensed_group(item: Any, where: str) -> LicensedGroup:
    if type(item) is not dict:
        fail(where, f"expected a group object, got {describe(item)}")
    licenses = item.get("assignedLicenses") or []
    if type(licenses) is not list:
        fail(where, f"assignedLicenses should be a list, got {describe(licenses)}")
    return LicensedGroup(
        id=_text(item, "id", where),
        display_name=_text(item, "displayName", where, ""),
        assigned_licenses=tuple(
            parse_assigned_license(lic, f"{where}, license {n}")
            for n, lic in enumerate(licenses, 1)
        ),
    )


def parse_member(item: Any, where: str) -> GroupMember:
    if type(item) is not dict:
        fail(where, f"expected a directory object, got {describe(item)}")
    return GroupMember(
        id=_text(item, "id", where),
        display_name=_text(item, "displayName", where, ""),
        user_principal_name=_text(item, "userPrincipalName", where, ""),
        is_group=item.get("@odata.type") == GROUP_TYPE,
    )


def _group_path(group_id: str) -> str:
    return f"/groups/{quote(group_id, safe='')}"


# -- reads ------------------------------------------------------------------------------------


def list_licensed_groups(
    client: GraphClient,
    *,
    only_with_errors: bool = False,
    cancel: CancelToken | None = None,
    priority: Priority = Priority.NORMAL,
) -> list[LicensedGroup]:
    """Groups that carry at least one license (an advanced query: ``$count`` and the eventual
    header go with every page); ``only_with_errors`` keeps those with members in error."""
    clauses = ["assignedLicenses/$count ne 0"]
    if only_with_errors:
        clauses.append("hasMembersWithLicenseErrors eq true")
    params = {
        "$select": LICENSED_GROUP_SELECT,
        "$filter": " and ".join(clauses),
        "$count": "true",
        "$top": str(MEMBER_PAGE_SIZE),
    }
    path = f"/groups?{urlencode(params, safe='$/,')}"
    groups: list[LicensedGroup] = []
    for items in client.pages(
        path, what="licensed groups", cancel=cancel, priority=priority, headers=EVENTUAL
    ):
        start = len(groups)
        groups.extend(
            parse_licensed_group(item, f"licensed groups, item {start + n}")
            for n, item in enumerate(items, 1)
        )
    return groups


def get_licensed_group(
    client: GraphClient, group_id: str, *, priority: Priority = Priority.NORMAL
) -> LicensedGroup:
    where = f"group {group_id}"
    body = client.get_json(
        f"{_group_path(group_id)}?$select={LICENSED_GROUP_SELECT}", what=where, priority=priority
    )
    return parse_licensed_group(body, where)


def _members(
    client: GraphClient,
    group_id: str,
    part: str,
    *,
    what: str,
    cancel: CancelToken | None,
    priority: Priority,
) -> list[GroupMember]:
    path = f"{_group_path(group_id)}/{part}?$select={MEMBER_SELECT}&$top={MEMBER_PAGE_SIZE}"
    members: list[GroupMember] = []
    for items in client.pages(path, what=what, cancel=cancel, priority=priority):
        start = len(members)
        members.extend(
            parse_member(item, f"{what}, item {start + n}") for n, item in enumerate(items, 1)
        )
    return members


def group_members(
    client: GraphClient,
    group_id: str,
    *,
    cancel: CancelToken | None = None,
    priority: Priority = Priority.NORMAL,
) -> list[GroupMember]:
    """Direct members (users and nested groups), every page."""
    return _members(
        client, group_id, "members", what=f"members of {group_id}", cancel=cancel, priority=priority
    )


def members_with_license_errors(
    client: GraphClient,
    group_id: str,
    *,
    cancel: CancelToken | None = None,
    priority: Priority = Priority.NORMAL,
) -> list[GroupMember]:
    """Members whose license from this group is in error (why: their
    ``licenseAssignmentStates``)."""
    return _members(
        client,
        group_id,
        "membersWithLicenseErrors",
        what=f"members in error of {group_id}",
        cancel=cancel,
        priority=priority,
    )


# -- writes (as $batch requests) --------------------------------------------------------------


def group_license_request(
    request_id: str, group_id: str, add: Sequence[AssignedLicense], remove: Sequence[str]
) -> BatchRequest:
    """Graph answers at once; members get the change later (processing runs in the
    background), so the outcome for members is read afterwards."""
    return BatchRequest(
        request_id,
        "POST",
        f"{_group_path(group_id)}/assignLicense",
        assign_license_body(add, remove),
    )


def reprocess_request(request_id: str, user_id: str) -> BatchRequest:
    return BatchRequest(
        request_id, "POST", f"/users/{quote(user_id, safe='')}/reprocessLicenseAssignment"
    )


def add_member_request(request_id: str, group_id: str, member_id: str) -> BatchRequest:
    return BatchRequest(
        request_id,
        "POST",
        f"{_group_path(group_id)}/members/$ref",
        {"@odata.id": DIRECTORY_OBJECT_URL + member_id},
    )


def remove_member_request(request_id: str, group_id: str, member_id: str) -> BatchRequest:
    return BatchRequest(
        request_id,
        "DELETE",
        f"{_group_path(group_id)}/members/{quote(member_id, safe='')}/$ref",
    )


def member_of_request(request_id: str, user_path: str) -> BatchRequest:
    """The groups (and other directory objects) ``user_path`` is a direct member of."""
    return BatchRequest(
        request_id,
        "GET",
        f"{user_path}/memberOf?$select=id&$top={MEMBER_PAGE_SIZE}",
        headers=tuple(Priority.NORMAL.header().items()),
    )


def parse_member_of(body: Any, where: str) -> tuple[frozenset[str], str | None]:
    """(ids of the groups in one page of ``memberOf``, lower-case; the next page's link)."""
    if type(body) is not dict or type(body.get("value")) is not list:
        fail(where, f"expected a collection, got {describe(body)}")
    ids = frozenset(
        _text(item, "id", f"{where}, item {n}").lower()
        for n, item in enumerate(body["value"], 1)
        if type(item) is dict and item.get("@odata.type", GROUP_TYPE) == GROUP_TYPE
    )
    link = body.get("@odata.nextLink")
    return ids, link if isinstance(link, str) else None


def user_groups(client: GraphClient, user_path: str, *, what: str) -> frozenset[str]:
    """Every group ``user_path`` is a direct member of, following every page."""
    found: set[str] = set()
    path = f"{user_path}/memberOf?$select=id&$top={MEMBER_PAGE_SIZE}"
    for items in client.pages(path, what=what):
        found.update(
            _text(item, "id", what).lower()
            for item in items
            if type(item) is dict and item.get("@odata.type", GROUP_TYPE) == GROUP_TYPE
        )
    return frozenset(found)


def reprocess_users(
    client: GraphClient, user_ids: Sequence[str], *, cancel: CancelToken | None = None
) -> dict[str, BatchResponse]:
    """Reprocess many users in ``$batch`` chunks; the answer for each user id (absent when
    cancelled before it was sent)."""
    unique = list(dict.fromkeys(user_ids))
    answers = client.batch(
        [reprocess_request(str(n), uid) for n, uid in enumerate(unique, 1)], cancel=cancel
    )
    return {uid: answers[str(n)] for n, uid in enumerate(unique, 1) if str(n) in answers}


# -- a licensed group with its members, as the Groups view and `groups` show it -------------


@dataclass(frozen=True, slots=True)
class GroupWithMembers:
    group: LicensedGroup
    user_ids: tuple[str, ...]  # direct members that are users: those the group licenses
    nested_groups: tuple[str, ...]  # names of member groups (their members get nothing)


def licensed_groups_with_members(
    client: GraphClient, *, cancel: CancelToken | None = None
) -> list[GroupWithMembers]:
    """Every licensed group with its members, by name."""
    found = []
    for group in list_licensed_groups(client, cancel=cancel):
        members = group_members(client, group.id, cancel=cancel)
        found.append(
            GroupWithMembers(
                group,
                tuple(m.id for m in members if not m.is_group),
                tuple(m.display_name for m in members if m.is_group),
            )
        )
    found.sort(key=lambda g: g.group.display_name.casefold())
    return found
