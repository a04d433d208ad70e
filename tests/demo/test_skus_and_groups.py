"""subscribedSkus (shape, statuses, seat use derived from assignments), groups, organization."""

from __future__ import annotations

from collections import Counter
from typing import Any

from desktop.demo.catalog_source import load_skus
from tests.demo.support import (
    BASIC,
    E3,
    EXCHANGE1,
    FABRIC,
    FLOW,
    PREMIUM,
    STANDARD,
    STORAGE,
    Graph,
    error_of,
    sku_ids,
)

SKU_FIELDS = [
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
]


def consumed_from_users(users: list[dict[str, Any]]) -> Counter[str]:
    """Seats as Graph counts them: one per user holding the SKU actively, however many ways."""
    return Counter(sku for user in users for sku in sku_ids(user))


def test_every_field_is_present_with_graphs_shape(graph_ro: Graph) -> None:
    tenant_id = graph_ro.tenant.tenant_id
    for sku in graph_ro.skus().values():
        assert list(sku) == SKU_FIELDS
        assert sku["id"] == f"{tenant_id}_{sku['skuId']}"
        assert sku["accountId"] == tenant_id
        assert set(sku["prepaidUnits"]) == {"enabled", "lockedOut", "suspended", "warning"}
        assert len(sku["subscriptionIds"]) == 1
        for plan in sku["servicePlans"]:
            assert list(plan) == [
                "servicePlanId",
                "servicePlanName",
                "provisioningStatus",
                "appliesTo",
            ]


def test_skus_and_plans_are_the_real_ones_from_microsofts_table(graph_ro: Graph) -> None:
    skus = graph_ro.skus()
    catalog = load_skus(tuple(skus))
    assert 6 <= len(skus) <= 10
    for part, sku in skus.items():
        assert sku["skuId"] == catalog[part].sku_id
        assert [p["servicePlanId"] for p in sku["servicePlans"]] == [
            p.plan_id for p in catalog[part].plans
        ]
    assert skus[E3]["skuId"] == "6fd2c87f-b296-42f0-b197-1e91e994b900"


def test_the_seed_shows_every_subscription_situation(graph_ro: Graph) -> None:
    skus = graph_ro.skus()
    full = skus[STANDARD]
    assert full["consumedUnits"] == full["prepaidUnits"]["enabled"]
    assert skus[PREMIUM]["capabilityStatus"] == "Warning"
    assert skus[PREMIUM]["prepaidUnits"]["warning"] > 0  # in grace: its units sit in warning
    assert skus[PREMIUM]["prepaidUnits"]["enabled"] == 0
    assert skus[FABRIC]["capabilityStatus"] == "Suspended"
    assert skus[FABRIC]["prepaidUnits"]["enabled"] == 0
    assert skus[FABRIC]["prepaidUnits"]["suspended"] > 0
    assert skus[FLOW]["prepaidUnits"]["enabled"] == 10_000
    assert skus[STORAGE]["appliesTo"] == "Company"
    for part in (BASIC, E3, EXCHANGE1):
        assert skus[part]["prepaidUnits"]["enabled"] > skus[part]["consumedUnits"]


def test_consumed_units_are_derived_from_assignments(graph_ro: Graph) -> None:
    users = graph_ro.users()
    expected = consumed_from_users(users)
    skus = graph_ro.skus()
    for sku in skus.values():
        assert sku["consumedUnits"] == expected.get(sku["skuId"], 0), sku["skuPartNumber"]
    # A user holding E3 directly and through a group is counted once.
    e3 = skus[E3]["skuId"]
    both_ways = [
        u
        for u in users
        if sum(
            1 for s in u["licenseAssignmentStates"] if s["skuId"] == e3 and s["state"] == "Active"
        )
        == 2
    ]
    assert both_ways


def test_consumed_units_follow_changes(graph: Graph) -> None:
    skus = graph.skus()
    basic = skus[BASIC]
    holder = graph.pick(lambda u: basic["skuId"] in sku_ids(u) and len(sku_ids(u)) == 1)
    response = graph.assign(holder["id"], [], [basic["skuId"]])
    assert response.status_code == 200, response.text
    assert graph.skus()[BASIC]["consumedUnits"] == basic["consumedUnits"] - 1
    response = graph.assign(holder["id"], [{"skuId": basic["skuId"], "disabledPlans": []}], [])
    assert response.status_code == 200, response.text
    assert graph.skus()[BASIC]["consumedUnits"] == basic["consumedUnits"]


def test_select_on_subscribed_skus(graph_ro: Graph) -> None:
    response = graph_ro.get("/subscribedSkus", params={"$select": "skuId,consumedUnits"})
    assert all(list(s) == ["skuId", "consumedUnits"] for s in response.json()["value"])
    refused = graph_ro.get("/subscribedSkus", params={"$filter": "appliesTo eq 'User'"})
    assert refused.status_code == 400


def test_one_subscribed_sku_by_id(graph_ro: Graph) -> None:
    sku = graph_ro.skus()[E3]
    one = graph_ro.get(f"/subscribedSkus/{sku['id']}").json()
    assert one["skuPartNumber"] == E3
    assert graph_ro.get("/subscribedSkus/nope").status_code == 404


def test_organization_lists_the_verified_domains(graph_ro: Graph) -> None:
    body = graph_ro.get("/organization").json()
    org = body["value"][0]
    assert org["id"] == graph_ro.tenant.tenant_id
    domains = org["verifiedDomains"]
    assert sum(d["isDefault"] for d in domains) == 1
    assert sum(d["isInitial"] for d in domains) == 1
    initial = next(d for d in domains if d["isInitial"])
    assert initial["name"].endswith(".onmicrosoft.com")
    for domain in domains:
        assert set(domain) == {"capabilities", "isDefault", "isInitial", "name", "type"}
    users = graph_ro.users()
    default = next(d["name"] for d in domains if d["isDefault"])
    assert all(u["userPrincipalName"].endswith("@" + default) for u in users)


def test_groups_list_pages_and_single_group_select(graph_ro: Graph) -> None:
    first = graph_ro.get("/groups", params={"$top": "1"}).json()
    assert len(first["value"]) == 1
    second = graph_ro.get(first["@odata.nextLink"]).json()
    assert len(second["value"]) == 1
    third = graph_ro.get(second["@odata.nextLink"]).json()
    assert len(third["value"]) == 1  # the seed's nested group
    assert "@odata.nextLink" not in third
    group_id = second["value"][0]["id"]
    one = graph_ro.get(f"/groups/{group_id}", params={"$select": "displayName"}).json()
    assert list(one) == ["@odata.context", "displayName"]
    assert one["displayName"] == second["value"][0]["displayName"]
    missing = graph_ro.get("/groups/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404
    assert error_of(missing)[0] == "Request_ResourceNotFound"


def test_licensed_groups_expose_their_licenses(graph_ro: Graph) -> None:
    body = graph_ro.get("/groups", params={"$select": "id,displayName,assignedLicenses"}).json()
    granted = {lic["skuId"] for g in body["value"] for lic in g["assignedLicenses"]}
    skus = graph_ro.skus()
    assert granted == {skus[STANDARD]["skuId"], skus[E3]["skuId"]}


def test_groups_count_is_ignored_without_the_eventual_header(graph_ro: Graph) -> None:
    """As for users ("Advanced query capabilities on Microsoft Entra ID objects";
    docs/graph-facts.md, "Users: reading, paging and advanced queries")."""
    everyone = graph_ro.get("/groups", params={"$top": "999"}).json()["value"]
    without = graph_ro.get("/groups", params={"$count": "true", "$top": "1"})
    assert without.status_code == 200 and "@odata.count" not in without.json()
    first = graph_ro.get(
        "/groups", params={"$count": "true", "$top": "1"}, headers={"ConsistencyLevel": "eventual"}
    ).json()
    assert first["@odata.count"] == len(everyone) > 1
    second = graph_ro.get(first["@odata.nextLink"], headers={"ConsistencyLevel": "eventual"})
    assert "@odata.count" not in second.json()
