"""Fresh reads of the users a plan touches: by $batch for a few, by listing for many."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, NoReturn

from desktop.cancel import CancelToken
from desktop.graph.batch_items import BatchResponse
from desktop.graph.client import GraphClient
from desktop.graph.errors import GraphError
from desktop.graph.full_read import read_all_users
from desktop.graph.groups import LicensedGroup, get_licensed_group, parse_member_of, user_groups
from desktop.graph.parse import parse_user
from desktop.graph.records import Sku, User
from desktop.licensing.tenant_slice import TenantSlice
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


def read_groups(client: GraphClient, group_ids: Iterable[str]) -> dict[str, LicensedGroup | None]:
    """Each group (by lower-case id) with its licenses, or None when Graph says 404."""
    found: dict[str, LicensedGroup | None] = {}
    for group_id in dict.fromkeys(g.lower() for g in group_ids):
        try:
            found[group_id] = get_licensed_group(client, group_id)
        except GraphError as exc:
            if exc.status != 404:
                raise
            found[group_id] = None
    return found


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
    memberships = needs_memberships(plan.changes)
    users = read_plan_users(
        client, [c.user for c in plan.changes], threshold=threshold, memberships=memberships
    )
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
        skus={s.sku_id: s for s in sku_list}, users=users, group_names=names, groups=groups
    )
