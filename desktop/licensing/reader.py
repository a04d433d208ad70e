"""Fresh reads of the users a plan touches: by $batch for a few, by listing for many."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, NoReturn
from urllib.parse import quote

from desktop.cancel import CancelToken
from desktop.graph.batch_items import BatchRequest, BatchResponse
from desktop.graph.client import GraphClient
from desktop.graph.errors import GraphError
from desktop.graph.full_read import read_all_users
from desktop.graph.groups import (
    LICENSED_GROUP_SELECT,
    GroupMember,
    LicensedGroup,
    group_members,
    parse_licensed_group,
    parse_member_of,
    user_groups,
)
from desktop.graph.parse import parse_user
from desktop.graph.priority import Priority
from desktop.graph.records import Sku, User
from desktop.licensing.group_holder import group_of_holder, holder_of
from desktop.licensing.tenant_slice import GroupMembers, TenantSlice
from desktop.licensing.types import Plan, UserChange
from desktop.licensing.wire import read_member_of_request, read_user_request, user_path

# Above this many users a full listing is cheaper than $batch reads: a batch reads 20 users
# per request, a listing page 999, so listing wins once plan_users / 20 exceeds the tenant's
# pages; 250 users (13 batches) breaks even with a 12,000-user tenant.
LISTING_THRESHOLD = 250


def response_error(response: BatchResponse) -> tuple[str, str]:
    """(code, message) of a failed inner response, whatever shape its body has."""
    body: Any = response.body
    if isinstance(body, dict) and isinstance(body.get("error"), dict):
        error = body["error"]
        return str(error.get("code") or response.status), str(error.get("message") or "")
    return str(response.status), f"HTTP {response.status}"


def read_users(
    client: GraphClient,
    keys: Sequence[str],
    *,
    cancel: CancelToken | None = None,
    memberships: bool = False,
) -> dict[str, User | None]:
    """Each key (id or UPN, matched lower-case) to its user, or None if Graph says 404.
    ``memberships``: also the groups each user is a direct member of (``User.member_of``),
    read in the same $batch."""
    unique = list(dict.fromkeys(k.strip() for k in keys if k.strip()))
    if not unique:
        return {}
    requests = [read_user_request(str(i), key) for i, key in enumerate(unique)]
    if memberships:
        requests += [read_member_of_request(f"g{i}", key) for i, key in enumerate(unique)]
    responses = client.batch(requests, cancel=cancel)
    found: dict[str, User | None] = {}
    for i, key in enumerate(unique):
        response = responses[str(i)]
        if response.ok:
            user = parse_user(response.body, f"user {key}")
            if memberships:
                user = replace(user, member_of=_member_of(client, key, responses[f"g{i}"]))
            found[key.lower()] = user
        elif response.status == 404:
            found[key.lower()] = None
        else:
            _raise(response)
    return found


def _raise(response: BatchResponse) -> NoReturn:
    code, message = response_error(response)
    raise GraphError(code, message, status=response.status)


def _member_of(client: GraphClient, key: str, response: BatchResponse) -> frozenset[str]:
    if not response.ok:
        _raise(response)
    where = f"groups of {key}"
    ids, more = parse_member_of(response.body, where)
    # A user in more groups than one page holds: read them all the plain way.
    return user_groups(client, user_path(key), what=where) if more else ids


def read_group_holders(
    client: GraphClient, keys: Sequence[str], *, cancel: CancelToken | None = None
) -> dict[str, User | None]:
    """Each group id (lower-case) to the group as a holder of licenses (``group_holder.py``),
    or None when Graph says 404; in $batch, like users."""
    unique = list(dict.fromkeys(k.strip() for k in keys if k.strip()))
    if not unique:
        return {}
    requests = [
        BatchRequest(
            str(n),
            "GET",
            f"/groups/{quote(key, safe='')}?$select={LICENSED_GROUP_SELECT}",
            headers=tuple(Priority.NORMAL.header().items()),
        )
        for n, key in enumerate(unique)
    ]
    answers = client.batch(requests, cancel=cancel)
    found: dict[str, User | None] = {}
    for n, key in enumerate(unique):
        answer = answers[str(n)]
        if answer.ok:
            found[key.lower()] = holder_of(parse_licensed_group(answer.body, f"group {key}"))
        elif answer.status == 404:
            found[key.lower()] = None
        else:
            _raise(answer)
    return found


def read_holders(
    client: GraphClient,
    changes: Iterable[UserChange],
    keys: Sequence[str] | None = None,
    *,
    cancel: CancelToken | None = None,
) -> dict[str, User | None]:
    """The users and groups ``changes`` change, read now (by ``keys`` when given, else by each
    change's key): groups for changes ``on_group``, users (with their memberships when a change
    needs them) for the rest."""
    changes = list(changes)
    wanted = keys if keys is not None else [c.user for c in changes]
    groups = {c.user.strip().lower() for c in changes if c.on_group}
    group_keys = [k for k in wanted if k.strip().lower() in groups]
    user_keys = [k for k in wanted if k.strip().lower() not in groups]
    found = read_plan_users(
        client,
        user_keys,
        cancel=cancel,
        memberships=needs_memberships(c for c in changes if not c.on_group),
    )
    found.update(read_group_holders(client, group_keys, cancel=cancel))
    return found


def read_groups(client: GraphClient, group_ids: Iterable[str]) -> dict[str, LicensedGroup | None]:
    """Each group (by lower-case id) with its licenses, or None when Graph says 404."""
    holders = read_group_holders(client, list(group_ids))
    return {key: group_of_holder(h) if h is not None else None for key, h in holders.items()}


def index_users(users: Iterable[User], keys: Sequence[str]) -> dict[str, User | None]:
    by_name: dict[str, User] = {}
    for user in users:
        by_name[user.id.lower()] = user
        by_name[user.user_principal_name.lower()] = user
    return {k.strip().lower(): by_name.get(k.strip().lower()) for k in keys}


def read_plan_users(
    client: GraphClient,
    keys: Sequence[str],
    *,
    threshold: int = LISTING_THRESHOLD,
    cancel: CancelToken | None = None,
    memberships: bool = False,
) -> dict[str, User | None]:
    # A listing carries no memberships: a plan that needs them reads its users one by one.
    if len(keys) >= threshold and not memberships:
        return index_users(read_all_users(client, cancel=cancel), keys)  # in parallel parts
    return read_users(client, keys, cancel=cancel, memberships=memberships)


def needs_memberships(changes: Iterable[UserChange]) -> bool:
    return any(c.touches_memberships for c in changes)


def fresh_view(
    client: GraphClient,
    plan: Plan,
    *,
    skus: Sequence[Sku] | None = None,
    threshold: int = LISTING_THRESHOLD,
) -> TenantSlice:
    """Re-read the SKUs, every user in ``plan``, and the groups behind licenses it removes."""
    sku_list = list(skus) if skus is not None else client.list_skus()
    person_changes = [c for c in plan.changes if not c.on_group]
    memberships = needs_memberships(person_changes)
    users = read_plan_users(
        client, [c.user for c in person_changes], threshold=threshold, memberships=memberships
    )
    group_changes = [c for c in plan.changes if c.on_group]
    members: dict[str, GroupMembers] = {}
    if group_changes:
        holders = read_group_holders(client, [c.user for c in group_changes])
        users.update(holders)
        for key, holder in holders.items():
            if holder is not None:
                members[key] = read_members(client, holder.id, threshold=threshold)
    named = [g.id for c in plan.changes for g in (*c.join_groups, *c.leave_groups)]
    groups = read_groups(client, named) if named else {}
    group_ids: set[str] = set()
    for change in plan.changes:
        user = users.get(change.user.strip().lower())
        if user is None:
            continue
        for sku_id in change.remove:
            group_ids.update(user.groups_granting(sku_id))
        if change.clear_usage_location or change.leave_groups:
            # The groups that may keep a usage location or a license: named in the check.
            group_ids.update(user.granting_group_ids)
    names = client.group_names(sorted(group_ids)) if group_ids else {}
    names.update({gid: g.display_name for gid, g in groups.items() if g is not None})
    return TenantSlice(
        skus={s.sku_id: s for s in sku_list},
        users=users,
        group_names=names,
        groups=groups,
        members=members,
    )


def read_members(client: GraphClient, group_id: str, *, threshold: int) -> GroupMembers:
    """A group's members as users read now, and its nested groups (which pass nothing on)."""
    listed: list[GroupMember] = group_members(client, group_id)
    ids = [m.id for m in listed if not m.is_group]
    found = read_plan_users(client, ids, threshold=threshold) if ids else {}
    users = tuple(u for uid in ids if (u := found.get(uid.lower())) is not None)
    return GroupMembers(users, tuple(m for m in listed if m.is_group))
