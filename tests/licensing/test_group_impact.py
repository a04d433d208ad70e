"""A group change's impact on members, predicted from a read of the demo tenant and, for a
removal, checked against what the tenant then does once the group is processed."""

from __future__ import annotations

import time

import pytest

from desktop.demo import DemoTenant
from desktop.graph.client import GraphClient
from desktop.graph.groups import (
    get_licensed_group,
    group_license_request,
    group_members,
    list_licensed_groups,
)
from desktop.graph.records import AssignedLicense, Sku, User
from desktop.graph.tokens import StaticToken
from desktop.licensing.group_impact import GroupImpact, group_impact
from desktop.licensing.state import has_mailbox

TOKEN = StaticToken("demo-token")


Impact = tuple[GroupImpact, dict[str, User], dict[str, Sku]]


def read(
    client: GraphClient,
    group_name: str,
    add: tuple[AssignedLicense, ...] = (),
    remove: tuple[str, ...] = (),
) -> Impact:
    skus = {s.sku_id: s for s in client.list_skus()}
    users = {u.id: u for u in client.list_users()}
    groups = {g.display_name: g for g in list_licensed_groups(client)}
    if group_name in groups:
        group = groups[group_name]
    else:  # the nested group carries nothing yet
        body = client.get_json("/groups?$select=id,displayName", what="groups")
        gid = next(g["id"] for g in body["value"] if g["displayName"] == group_name)
        group = get_licensed_group(client, gid)
    listed = group_members(client, group.id)
    members = [users[m.id] for m in listed if not m.is_group]
    impact = group_impact(group, members, listed, skus, add=add, remove=remove)
    return impact, users, skus


def by_part(skus: dict[str, Sku], part: str) -> Sku:
    return next(s for s in skus.values() if s.sku_part_number == part)


def test_adding_a_package_counts_new_seats_and_flags_shortage(
    demo_tenant_readonly: DemoTenant,
) -> None:
    with GraphClient(demo_tenant_readonly.base_url, TOKEN) as client:
        skus = {s.sku_id: s for s in client.list_skus()}
        basic = by_part(skus, "O365_BUSINESS_ESSENTIALS")
        standard = by_part(skus, "O365_BUSINESS_PREMIUM")
        name = "Zarząd – asystenci"
        impact, users, _ = read(client, name, add=(AssignedLicense(basic.sku_id),))
        takers = impact.newly_seated[basic.sku_id]
        assert len(takers) == 2 and not impact.short_of_seats
        assert impact.without_location  # one member has none: the tenant's will be used
        assert all(not users[t].usage_location for t in impact.without_location)
        full, _, _ = read(client, name, add=(AssignedLicense(standard.sku_id),))
        (need,) = full.short_of_seats
        assert (need.needed, need.free, need.short) == (2, 0, 2)


def test_nested_groups_and_covered_direct_copies(demo_tenant_readonly: DemoTenant) -> None:
    with GraphClient(demo_tenant_readonly.base_url, TOKEN) as client:
        e3_impact, _, _ = read(client, "Licencje – Office 365 E3 (Zarząd)")
        assert [g.display_name for g in e3_impact.nested_groups] == ["Zarząd – asystenci"]
        impact, users, skus = read(client, "Licencje – Microsoft 365 Business Standard")
        standard = by_part(skus, "O365_BUSINESS_PREMIUM").sku_id
        both = {
            (u.id, standard)
            for u in users.values()
            if standard in u.direct_sku_ids and standard in {
                s.sku_id for s in u.license_assignment_states if s.assigned_by_group
            }
        }  # fmt: skip
        assert both and set(impact.covered_directs) == both


def test_a_predicted_removal_matches_what_the_tenant_does(demo_tenant: DemoTenant) -> None:
    demo_tenant.group_processing.delay = 0.2
    with GraphClient(demo_tenant.base_url, TOKEN) as client:
        skus = {s.sku_id: s for s in client.list_skus()}
        e3 = by_part(skus, "ENTERPRISEPACK").sku_id
        name = "Licencje – Office 365 E3 (Zarząd)"
        impact, before, _ = read(client, name, remove=(e3,))
        losing = set(impact.losing[e3])
        assert losing and impact.losing_count == len(losing)
        group = next(g for g in list_licensed_groups(client) if g.display_name == name)
        answer = client.batch([group_license_request("1", group.id, [], [e3])])
        assert answer["1"].ok
        deadline = time.monotonic() + 15
        while any(group.id in client.get_user(uid).granting_group_ids for uid in before
                  if group.id in before[uid].granting_group_ids):  # fmt: skip
            if time.monotonic() > deadline:
                pytest.fail("the group's removal did not reach its members")
            time.sleep(0.05)
        after = {u.id: u for u in client.list_users()}
        lost = {uid for uid in before if e3 in before[uid].sku_ids and e3 not in after[uid].sku_ids}
        assert lost == losing
        mailbox_gone = {
            uid for uid in before
            if has_mailbox(before[uid].assigned_licenses, skus)
            and not has_mailbox(after[uid].assigned_licenses, skus)
        }  # fmt: skip
        assert mailbox_gone == set(impact.mailboxes_lost)


def test_a_direct_copy_is_covered_only_when_the_group_turns_on_as_much(
    demo_tenant: DemoTenant,
) -> None:
    name = "Licencje – Office 365 E3 (Zarząd)"
    with GraphClient(demo_tenant.base_url, TOKEN) as client:
        impact, users, skus = read(client, name)
        e3 = by_part(skus, "ENTERPRISEPACK")
        group = next(g for g in list_licensed_groups(client) if g.display_name == name)
        group_off = group.license(e3.sku_id)
        assert group_off is not None and group_off.disabled_plans  # Viva Engage is off
        member = next(
            u for u in users.values()
            if group.id in u.granting_group_ids and e3.sku_id in u.sku_ids
            and e3.sku_id not in u.direct_sku_ids
        )  # fmt: skip
        assert (member.id, e3.sku_id) not in impact.covered_directs
        client.assign_license(member.id, [AssignedLicense(e3.sku_id, ())], [])
        every_app, _, _ = read(client, name)
        assert (member.id, e3.sku_id) not in every_app.covered_directs  # the group gives less
        client.assign_license(member.id, [AssignedLicense(e3.sku_id, group_off.disabled_plans)], [])
        same_apps, _, _ = read(client, name)
        assert (member.id, e3.sku_id) in same_apps.covered_directs
