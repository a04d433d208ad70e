"""The Graph client's group reads and writes, against the demo tenant over real HTTP."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

import pytest

from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.groups import (
    add_member_request,
    get_licensed_group,
    group_license_request,
    group_members,
    list_licensed_groups,
    members_with_license_errors,
    remove_member_request,
    reprocess_users,
)
from desktop.graph.records import AssignedLicense
from desktop.graph.tokens import StaticToken

TOKEN = StaticToken("demo-token")
T = TypeVar("T")


def eventually(probe: Callable[[], T | None], what: str, deadline: float = 15.0) -> T:
    end = time.monotonic() + deadline
    while (found := probe()) is None:
        if time.monotonic() > end:
            pytest.fail(f"not within {deadline} s: {what}")
        time.sleep(0.05)
    return found


def test_licensed_groups_members_and_errors(demo_tenant_readonly: DemoTenant) -> None:
    with GraphClient(demo_tenant_readonly.base_url, TOKEN) as client:
        groups = list_licensed_groups(client)
        assert len(groups) == 2 and all(g.assigned_licenses for g in groups)
        in_error = list_licensed_groups(client, only_with_errors=True)
        assert {g.id for g in in_error} == {g.id for g in groups}
        users = {u.id: u for u in client.list_users()}
        for group in groups:
            members = group_members(client, group.id)
            expected = {uid for uid, u in users.items() if group.id in u.granting_group_ids}
            assert {m.id for m in members if not m.is_group} == expected
            erring = {m.id for m in members_with_license_errors(client, group.id)}
            assert erring == {
                uid
                for uid in expected
                if any(
                    s.assigned_by_group == group.id and s.has_error
                    for s in users[uid].license_assignment_states
                )
            }
            assert erring  # both seeded groups have members in error
            one = get_licensed_group(client, group.id)
            assert one == group
        nested = [m for g in groups for m in group_members(client, g.id) if m.is_group]
        assert len(nested) == 1


def test_group_writes_in_a_batch_and_reprocess(demo_tenant: DemoTenant) -> None:
    demo_tenant.group_processing.delay = 0.5
    with GraphClient(demo_tenant.base_url, TOKEN) as client:
        skus = {s.sku_part_number: s for s in client.list_skus()}
        basic = skus["O365_BUSINESS_ESSENTIALS"].sku_id
        group = list_licensed_groups(client)[0]
        outsider = next(u for u in client.list_users() if not u.license_assignment_states)
        answers = client.batch(
            [
                group_license_request("1", group.id, [AssignedLicense(basic, ())], []),
                add_member_request("2", group.id, outsider.id),
            ]
        )
        assert {k: a.status for k, a in answers.items()} == {"1": 202, "2": 204}
        assert basic in get_licensed_group(client, group.id).sku_ids  # at once
        eventually(
            lambda: True if basic in client.get_user(outsider.id).sku_ids else None,
            "the group's new license reaches the new member",
        )
        replies = reprocess_users(client, [outsider.id, outsider.id])
        assert list(replies) == [outsider.id] and replies[outsider.id].status == 200
        removed = client.batch([remove_member_request("1", group.id, outsider.id)])
        assert removed["1"].status == 204
        assert group.id not in client.get_user(outsider.id).granting_group_ids
