"""Groups: listing (with the license filters), members, members in error, ``assignLicense``,
member add/remove and delete. See docs/graph-facts.md, "Groups and group-based licensing"."""

from __future__ import annotations

import re
from typing import Any

from desktop.demo import errors, odata, payloads, rules
from desktop.demo.context import (
    Backend,
    context_url,
    eventual_consistency,
    json_body,
    next_link,
    now_iso,
    refuse_options,
)
from desktop.demo.router import Request, Response, Router
from desktop.demo.routes_users import render_users
from desktop.demo.rows import GroupRow, UserRow

GROUP_PATH = r"/v1\.0/groups/(?P<group>[^/]+)"
_LICENSED = re.compile(r"assignedLicenses/\$count\s+ne\s+0", re.IGNORECASE)
_WITH_ERRORS = re.compile(r"hasMembersWithLicenseErrors\s+eq\s+true", re.IGNORECASE)
_REFERENCE = re.compile(r"/(?:directoryObjects|users|groups)/([0-9a-fA-F-]{36})/?$")
MEMBER_PROPERTIES = ("id", "displayName", "userPrincipalName", "mail", "usageLocation")


def register(router: Router, backend: Backend) -> None:
    def add(method: str, path: str, handler: Any) -> None:
        router.add(method, path, lambda r: handler(r, backend), graph=True)

    add("GET", r"/v1\.0/groups", list_groups)
    add("GET", GROUP_PATH, get_group)
    add("DELETE", GROUP_PATH, delete_group)
    add("GET", GROUP_PATH + r"/members", list_members)
    add("GET", GROUP_PATH + r"/membersWithLicenseErrors", list_members_in_error)
    add("POST", GROUP_PATH + r"/members/\$ref", add_member)
    add("DELETE", GROUP_PATH + r"/members/(?P<member>[^/]+)/\$ref", remove_member)
    add("POST", GROUP_PATH + r"/assignLicense", assign_group_license)
    add("GET", r"/v1\.0/users/(?P<user>[^/]+)/memberOf", list_member_of)


# -- reading ----------------------------------------------------------------------------------


def _find_group(backend: Backend, group_id: str) -> GroupRow:
    group = backend.store.group(group_id)
    if group is None:
        raise errors.not_found(group_id)
    return group


def _group_filter(request: Request) -> tuple[bool, bool]:
    """(only licensed groups, only groups with members in error) from ``$filter``."""
    text = request.query.get("$filter")
    if text is None:
        return False, False
    licensed = with_errors = False
    for part in re.split(r"\s+and\s+", text.strip(), flags=re.IGNORECASE):
        if _LICENSED.fullmatch(part.strip()):
            licensed = True
        elif _WITH_ERRORS.fullmatch(part.strip()):
            with_errors = True
        else:
            raise errors.bad_request(errors.MSG_INVALID_FILTER, errors.UNSUPPORTED_QUERY)
    # Counting a collection inside $filter is an advanced query (as for users).
    if licensed and not (
        eventual_consistency(request) and odata.parse_count(request.query.get("$count"))
    ):
        raise errors.bad_request(
            errors.msg_unsupported_filter("assignedLicenses", "Group"), errors.UNSUPPORTED_QUERY
        )
    return licensed, with_errors


def members_in_error(backend: Backend, group: GroupRow) -> list[int]:
    """Rowids of the group's members whose assignment from this group is in error."""
    store = backend.store
    with store.lock:
        members = store.member_rowids(group.rowid)
        held = backend.assignments.for_users(members)
        return [
            rowid
            for rowid in members
            if any(s.group_id == group.id and not s.active for s in held[rowid].states)
        ]


def list_groups(request: Request, backend: Backend) -> Response:
    refuse_options(request, ("$search", "$skip", "$orderby", "$expand"))
    query = request.query
    licensed, with_errors = _group_filter(request)
    count = odata.parse_count(query.get("$count")) and eventual_consistency(request)
    select = odata.parse_select(
        query.get("$select"), payloads.GROUP_PROPERTIES, "microsoft.graph.group"
    )
    top = odata.parse_top(query.get("$top"))
    after = odata.decode_skiptoken("groups", query.get("$skiptoken"))
    store = backend.store
    with store.lock:
        grants = store.group_licenses()
        every = store.groups_page(0, 1_000_000)
        chosen = [
            g
            for g in every
            if (not licensed or grants.get(g.rowid))
            and (not with_errors or members_in_error(backend, g))
        ]
    rows = [g for g in chosen if g.rowid > after]
    more = len(rows) > top
    rows = rows[:top]
    properties = select or payloads.DEFAULT_GROUP_PROPERTIES
    fragment = f"groups({','.join(select)})" if select else "groups"
    payload: dict[str, Any] = {"@odata.context": context_url(request, fragment)}
    if count and after == 0:
        payload["@odata.count"] = len(chosen)
    if more:
        payload["@odata.nextLink"] = next_link(
            request, odata.encode_skiptoken("groups", rows[-1].rowid)
        )
    payload["value"] = [
        payloads.group_json(group, properties, grants.get(group.rowid, ())) for group in rows
    ]
    return Response.json(200, payload)


def get_group(request: Request, backend: Backend) -> Response:
    refuse_options(request, ("$expand",))
    select = odata.parse_select(
        request.query.get("$select"), payloads.GROUP_PROPERTIES, "microsoft.graph.group"
    )
    group = _find_group(backend, request.params["group"])
    properties = select or payloads.DEFAULT_GROUP_PROPERTIES
    fragment = f"groups({','.join(select)})/$entity" if select else "groups/$entity"
    payload: dict[str, Any] = {"@odata.context": context_url(request, fragment)}
    payload.update(
        payloads.group_json(group, properties, backend.store.group_licenses().get(group.rowid, ()))
    )
    return Response.json(200, payload)


def _member_page(
    request: Request, backend: Backend, group: GroupRow, rowids: list[int], kind: str
) -> Response:
    """A page of directory objects: nested groups first (on the first page), then users."""
    refuse_options(request, ("$search", "$skip", "$orderby", "$expand", "$filter"))
    query = request.query
    select = odata.parse_select(query.get("$select"), payloads.USER_PROPERTIES)
    top = odata.parse_top(query.get("$top"))
    after = odata.decode_skiptoken(kind, query.get("$skiptoken"))
    count = odata.parse_count(query.get("$count")) and eventual_consistency(request)
    store = backend.store
    nested = store.nested_children(group.rowid) if kind == "members" else []
    remaining = [r for r in rowids if r > after]  # rowids come sorted
    users: list[UserRow] = store.users_by_rowid(remaining[:top])
    more = len(remaining) > top
    properties = select or payloads.DEFAULT_USER_PROPERTIES
    payload: dict[str, Any] = {"@odata.context": context_url(request, "directoryObjects")}
    if count and after == 0:
        payload["@odata.count"] = len(rowids) + len(nested)
    if more:
        payload["@odata.nextLink"] = next_link(
            request, odata.encode_skiptoken(kind, int(users[-1][0]))
        )
    value: list[dict[str, Any]] = []
    if after == 0:
        for child in nested:
            value.append(
                {
                    "@odata.type": "#microsoft.graph.group",
                    **payloads.group_json(child, payloads.DEFAULT_GROUP_PROPERTIES, ()),
                }
            )
    for rendered in render_users(backend, users, properties):
        value.append({"@odata.type": "#microsoft.graph.user", **rendered})
    payload["value"] = value
    return Response.json(200, payload)


def list_members(request: Request, backend: Backend) -> Response:
    group = _find_group(backend, request.params["group"])
    return _member_page(
        request, backend, group, backend.store.member_rowids(group.rowid), "members"
    )


def list_members_in_error(request: Request, backend: Backend) -> Response:
    group = _find_group(backend, request.params["group"])
    return _member_page(
        request, backend, group, members_in_error(backend, group), "membersWithLicenseErrors"
    )


def list_member_of(request: Request, backend: Backend) -> Response:
    """The groups a user is a direct member of (directory objects: each with its
    ``@odata.type``); groups they belong to only through a nested group are not listed."""
    refuse_options(request, ("$search", "$skip", "$orderby", "$expand", "$filter"))
    query = request.query
    store = backend.store
    user = store.user(request.params["user"])
    if user is None:
        raise errors.not_found(request.params["user"])
    select = odata.parse_select(query.get("$select"), payloads.GROUP_PROPERTIES)
    top = odata.parse_top(query.get("$top"))
    after = odata.decode_skiptoken("memberOf", query.get("$skiptoken"))
    with store.lock:
        rowids = sorted(
            m.group_rowid for m in store.memberships_of([int(user[0])]).get(int(user[0]), [])
        )
        remaining = [r for r in rowids if r > after]
        groups = [g for r in remaining[:top] if (g := store.group_row(r)) is not None]
    properties = select or payloads.DEFAULT_GROUP_PROPERTIES
    payload: dict[str, Any] = {"@odata.context": context_url(request, "directoryObjects")}
    if len(remaining) > top:
        payload["@odata.nextLink"] = next_link(
            request, odata.encode_skiptoken("memberOf", remaining[top - 1])
        )
    payload["value"] = [
        {"@odata.type": "#microsoft.graph.group", **payloads.group_json(g, properties, ())}
        for g in groups
    ]
    return Response.json(200, payload)


# -- writing ----------------------------------------------------------------------------------


def assign_group_license(request: Request, backend: Backend) -> Response:
    """Same body and rules as for a user, except what only members can break (seats, plan
    conflicts, usage location): those become members' errors when the group is processed."""
    change = rules.parse_body(json_body(request))
    store = backend.store
    with store.lock:
        group = _find_group(backend, request.params["group"])
        rules.require_some_change(change)
        rules.check_shape(store, change)
        carried = {g.sku_id for g in store.group_licenses().get(group.rowid, ())}
        for sku_id in change.removals:
            if sku_id not in carried:
                raise errors.bad_request(errors.MSG_GROUP_NO_CORRESPONDING_LICENSE)
        store.replace_group_licenses(group.rowid, change.upserts, change.removals)
        grants = store.group_licenses().get(group.rowid, ())
    backend.group_processing.schedule(group.rowid)
    payload: dict[str, Any] = {"@odata.context": context_url(request, "groups/$entity")}
    payload.update(payloads.group_json(group, payloads.GROUP_PROPERTIES, grants))
    return Response.json(202, payload)


def _referenced_id(request: Request) -> str:
    body = json_body(request)
    reference = body.get("@odata.id") if isinstance(body, dict) else None
    found = _REFERENCE.search(reference) if isinstance(reference, str) else None
    if found is None:
        raise errors.bad_request(errors.MSG_INVALID_REFERENCE, errors.BAD_REQUEST)
    return found.group(1).lower()


def add_member(request: Request, backend: Backend) -> Response:
    store = backend.store
    with store.lock:
        group = _find_group(backend, request.params["group"])
        member_id = _referenced_id(request)
        user = store.user(member_id)
        if user is not None:
            if not store.add_membership(group.rowid, int(user[0]), now_iso()):
                raise errors.bad_request(errors.MSG_MEMBER_EXISTS)
            backend.group_processing.judge(group.rowid, [int(user[0])])
            return Response.empty(204)
        child = store.group(member_id)
        if child is None or child.rowid == group.rowid:
            raise errors.not_found(member_id)
        if not store.add_nested(group.rowid, child.rowid):
            raise errors.bad_request(errors.MSG_MEMBER_EXISTS)
    return Response.empty(204)


def remove_member(request: Request, backend: Backend) -> Response:
    store = backend.store
    member_id = request.params["member"]
    with store.lock:
        group = _find_group(backend, request.params["group"])
        user = store.user(member_id)
        if user is not None and store.remove_membership(group.rowid, int(user[0])):
            return Response.empty(204)
        child = store.group(member_id)
        if child is not None and store.remove_nested(group.rowid, child.rowid):
            return Response.empty(204)
    raise errors.not_found(member_id)


def delete_group(request: Request, backend: Backend) -> Response:
    store = backend.store
    with store.lock:
        group = _find_group(backend, request.params["group"])
        if store.group_licenses().get(group.rowid):
            raise errors.bad_request(errors.MSG_GROUP_HAS_LICENSES)
        store.delete_group(group.rowid)
    return Response.empty(204)
