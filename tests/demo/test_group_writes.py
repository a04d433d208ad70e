"""Group-based licensing over real HTTP: licensed-group queries, members, asynchronous
propagation of a group's licenses, the errors members meet and why, reprocess, member add and
remove, deleting a licensed group (docs/graph-facts.md, "Groups and group-based licensing")."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

import pytest

from desktop.demo import DemoTenant
from tests.demo.support import BASIC, E3, EXCHANGE1, STANDARD, Graph, error_of, plan_id

T = TypeVar("T")
EVENTUAL = {"ConsistencyLevel": "eventual"}
PROPAGATION_DEADLINE = 15.0  # seconds a test waits for group processing, at most


def eventually(probe: Callable[[], T | None], what: str) -> T:
    """Poll ``probe`` until it returns something, within a bounded deadline."""
    deadline = time.monotonic() + PROPAGATION_DEADLINE
    while True:
        found = probe()
        if found is not None:
            return found
        if time.monotonic() > deadline:
            pytest.fail(f"not within {PROPAGATION_DEADLINE} s: {what}")
        time.sleep(0.05)


@pytest.fixture
def fast(demo_tenant: DemoTenant) -> Graph:
    demo_tenant.group_processing.delay = 1.0  # long enough to see "not yet"
    return Graph(demo_tenant)


def groups_by_name(graph: Graph) -> dict[str, dict[str, Any]]:
    body = graph.get("/groups", params={"$select": "id,displayName,assignedLicenses"}).json()
    return {g["displayName"]: g for g in body["value"]}


def group_named(graph: Graph, start: str) -> dict[str, Any]:
    return next(g for name, g in groups_by_name(graph).items() if name.startswith(start))


def all_members(graph: Graph, group_id: str, part: str = "members") -> list[dict[str, Any]]:
    url = f"/groups/{group_id}/{part}"
    params: dict[str, str] | None = {"$top": "2"}
    found: list[dict[str, Any]] = []
    while url:
        body = graph.get(url, params=params).json()
        found.extend(body["value"])
        url, params = body.get("@odata.nextLink", ""), None
    return found


def state_from(graph: Graph, user_id: str, group_id: str, sku_id: str) -> dict[str, Any] | None:
    user = graph.user(user_id)
    return next(
        (
            s
            for s in user["licenseAssignmentStates"]
            if s["assignedByGroup"] == group_id and s["skuId"] == sku_id
        ),
        None,
    )


def assign_group(
    graph: Graph, group_id: str, add: list[dict[str, Any]], remove: list[str]
) -> dict[str, Any]:
    response = graph.post(
        f"/groups/{group_id}/assignLicense", {"addLicenses": add, "removeLicenses": remove}
    )
    assert response.status_code == 202, response.text
    return response.json()


# -- reading ----------------------------------------------------------------------------------


def test_licensed_groups_filter_is_an_advanced_query(graph_ro: Graph) -> None:
    params = {"$filter": "assignedLicenses/$count ne 0", "$count": "true"}
    refused = graph_ro.get("/groups", params=params)
    assert refused.status_code == 400
    assert error_of(refused)[0] == "Request_UnsupportedQuery"
    body = graph_ro.get("/groups", params=params, headers=EVENTUAL).json()
    names = {g["displayName"] for g in body["value"]}
    assert body["@odata.count"] == len(names) == 2
    assert "Zarząd – asystenci" not in names  # the nested group carries nothing


def test_groups_with_members_in_error(graph_ro: Graph) -> None:
    body = graph_ro.get(
        "/groups",
        params={"$filter": "hasMembersWithLicenseErrors eq true", "$count": "true"},
        headers=EVENTUAL,
    ).json()
    assert {g["displayName"][:14] for g in body["value"]} == {"Licencje – Mic", "Licencje – Off"}
    assert all("hasMembersWithLicenseErrors" not in g for g in body["value"])


def test_members_are_paged_and_name_their_type(graph_ro: Graph) -> None:
    standard = graph_ro.skus()[STANDARD]["skuId"]
    group = group_named(graph_ro, "Licencje – Microsoft 365")
    members = all_members(graph_ro, group["id"])
    expected = {
        u["id"]
        for u in graph_ro.users()
        if any(s["assignedByGroup"] == group["id"] for s in u["licenseAssignmentStates"])
    }
    assert {m["id"] for m in members} == expected
    assert len(members) == len(expected)  # no member twice across pages
    assert {m["@odata.type"] for m in members} == {"#microsoft.graph.user"}
    counted = graph_ro.get(
        f"/groups/{group['id']}/members", params={"$count": "true"}, headers=EVENTUAL
    ).json()
    assert counted["@odata.count"] == len(expected)
    assert standard in {lic["skuId"] for lic in group["assignedLicenses"]}


def test_members_with_license_errors_are_the_ones_in_error(graph_ro: Graph) -> None:
    group = group_named(graph_ro, "Licencje – Microsoft 365")
    in_error = {m["id"] for m in all_members(graph_ro, group["id"], "membersWithLicenseErrors")}
    expected = {
        u["id"]
        for u in graph_ro.users()
        if any(
            s["assignedByGroup"] == group["id"] and s["state"] == "Error"
            for s in u["licenseAssignmentStates"]
        )
    }
    assert in_error == expected and len(expected) == 2  # the seed's CountViolation pair


def test_a_nested_group_is_a_member_but_passes_no_license_on(graph_ro: Graph) -> None:
    e3_group = group_named(graph_ro, "Licencje – Office 365 E3")
    nested = group_named(graph_ro, "Zarząd – asystenci")
    members = all_members(graph_ro, e3_group["id"])
    assert {"@odata.type": "#microsoft.graph.group", "id": nested["id"]}.items() <= next(
        m for m in members if m["@odata.type"] == "#microsoft.graph.group"
    ).items()
    e3 = graph_ro.skus()[E3]["skuId"]
    for member in all_members(graph_ro, nested["id"]):
        user = graph_ro.user(member["id"])
        assert e3 not in {lic["skuId"] for lic in user["assignedLicenses"]}
        assert not user["licenseAssignmentStates"]


# -- a group's licenses reach its members later -----------------------------------------------


def test_group_license_reaches_members_after_processing(fast: Graph) -> None:
    basic = fast.skus()[BASIC]
    group = group_named(fast, "Zarząd – asystenci")
    members = [m["id"] for m in all_members(fast, group["id"])]
    consumed = basic["consumedUnits"]
    processing = fast.tenant.group_processing
    processing.delay = 3600.0  # held back until let go below, however slow the machine is
    answer = assign_group(fast, group["id"], [{"skuId": basic["skuId"], "disabledPlans": []}], [])
    assert answer["assignedLicenses"] == [{"disabledPlans": [], "skuId": basic["skuId"]}]
    # The group carries it at once; its members do not have it yet.
    assert state_from(fast, members[0], group["id"], basic["skuId"]) is None
    assert processing.pending() == 1
    processing.run_pending_now()
    for member in members:
        state = state_from(fast, member, group["id"], basic["skuId"])
        assert state is not None and (state["state"], state["error"]) == ("Active", "None")
        assert basic["skuId"] in {lic["skuId"] for lic in fast.user(member)["assignedLicenses"]}
    # One member has no usage location: group licensing uses the tenant's, so no error.
    assert any(fast.user(m)["usageLocation"] is None for m in members)
    assert fast.skus()[BASIC]["consumedUnits"] == consumed + len(members)


def test_members_beyond_the_seats_get_count_violation(fast: Graph) -> None:
    standard = fast.skus()[STANDARD]  # fully used
    group = group_named(fast, "Zarząd – asystenci")
    assign_group(fast, group["id"], [{"skuId": standard["skuId"], "disabledPlans": []}], [])
    for member in all_members(fast, group["id"]):
        state = eventually(
            lambda m=member["id"]: state_from(fast, m, group["id"], standard["skuId"]),
            "CountViolation",
        )
        assert (state["state"], state["error"]) == ("Error", "CountViolation")
    in_error = all_members(fast, group["id"], "membersWithLicenseErrors")
    assert len(in_error) == 2


def test_exclusive_and_dependent_plans_and_a_prohibited_location(fast: Graph) -> None:
    skus = fast.skus()
    group = group_named(fast, "Zarząd – asystenci")
    member_ids = [m["id"] for m in all_members(fast, group["id"])]
    # A third member holds Office 365 E3 directly: Exchange Plan 1 from the group clashes.
    e3_holder = fast.pick(
        lambda u: (
            skus[E3]["skuId"] in {lic["skuId"] for lic in u["assignedLicenses"]}
            and not u["licenseAssignmentStates"][1:]
            and u.get("usageLocation") == "PL"
        )
    )
    added = fast.post(
        f"/groups/{group['id']}/members/$ref",
        {"@odata.id": f"https://graph.microsoft.com/v1.0/directoryObjects/{e3_holder['id']}"},
    )
    assert added.status_code == 204, added.text
    moved = fast.patch(f"/users/{member_ids[1]}", {"usageLocation": "KP"})
    assert moved.status_code == 204, moved.text
    exchange = skus[EXCHANGE1]["skuId"]
    assign_group(fast, group["id"], [{"skuId": exchange, "disabledPlans": []}], [])
    clash = eventually(
        lambda: state_from(fast, e3_holder["id"], group["id"], exchange), "exclusive"
    )
    assert (clash["state"], clash["error"]) == ("Error", "MutuallyExclusiveViolation")
    prohibited = eventually(
        lambda: state_from(fast, member_ids[1], group["id"], exchange), "location"
    )
    assert prohibited["error"] == "ProhibitedInUsageLocationViolation"
    fine = eventually(lambda: state_from(fast, member_ids[0], group["id"], exchange), "fine")
    assert fine["state"] == "Active"  # no usage location of its own: the tenant's is used

    # Office for the web without SharePoint in the same grant: a missing dependency.
    basic = skus[BASIC]
    no_sharepoint = [plan_id(basic, "SHAREPOINTSTANDARD")]
    assign_group(fast, group["id"], [{"skuId": basic["skuId"], "disabledPlans": no_sharepoint}], [])
    missing = eventually(
        lambda: state_from(fast, member_ids[0], group["id"], basic["skuId"]), "dependency"
    )
    assert (missing["state"], missing["error"]) == ("Error", "DependencyViolation")

    # Fixing the cause is not enough: the member is reprocessed, then the error is gone.
    assert fast.patch(f"/users/{member_ids[1]}", {"usageLocation": "PL"}).status_code == 204
    still = state_from(fast, member_ids[1], group["id"], exchange)
    assert still is not None and still["error"] == "ProhibitedInUsageLocationViolation"
    reprocessed = fast.post(f"/users/{member_ids[1]}/reprocessLicenseAssignment")
    assert reprocessed.status_code == 200, reprocessed.text
    assert reprocessed.json()["id"] == member_ids[1]
    healed = state_from(fast, member_ids[1], group["id"], exchange)
    assert healed is not None and (healed["state"], healed["error"]) == ("Active", "None")


def test_reprocess_keeps_an_error_whose_cause_remains(fast: Graph) -> None:
    e3_group = group_named(fast, "Licencje – Office 365 E3")
    e3 = fast.skus()[E3]["skuId"]
    clashing = fast.pick(
        lambda u: any(
            s["error"] == "MutuallyExclusiveViolation" for s in u["licenseAssignmentStates"]
        )
    )
    assert fast.post(f"/users/{clashing['id']}/reprocessLicenseAssignment").status_code == 200
    state = state_from(fast, clashing["id"], e3_group["id"], e3)
    assert state is not None and state["error"] == "MutuallyExclusiveViolation"


def test_removing_a_group_license_and_deleting_the_group(fast: Graph) -> None:
    group = group_named(fast, "Licencje – Office 365 E3")
    e3 = fast.skus()[E3]["skuId"]
    refused = fast.delete(f"/groups/{group['id']}")
    assert refused.status_code == 400
    members = [m["id"] for m in all_members(fast, group["id"]) if "userPrincipalName" in m]
    assign_group(fast, group["id"], [], [e3])
    for member in members:
        eventually(
            lambda m=member: True if state_from(fast, m, group["id"], e3) is None else None,
            "the group's license leaves its members",
        )
    again = fast.post(
        f"/groups/{group['id']}/assignLicense", {"addLicenses": [], "removeLicenses": [e3]}
    )
    assert again.status_code == 400
    assert fast.delete(f"/groups/{group['id']}").status_code == 204
    assert fast.get(f"/groups/{group['id']}").status_code == 404


# -- members ----------------------------------------------------------------------------------


def test_member_add_and_remove(fast: Graph) -> None:
    group = group_named(fast, "Licencje – Microsoft 365")  # no seats left
    standard = fast.skus()[STANDARD]["skuId"]
    outsider = fast.pick(lambda u: not u["licenseAssignmentStates"] and u.get("usageLocation"))
    reference = {"@odata.id": f"https://graph.microsoft.com/v1.0/directoryObjects/{outsider['id']}"}
    assert fast.post(f"/groups/{group['id']}/members/$ref", reference).status_code == 204
    state = state_from(fast, outsider["id"], group["id"], standard)
    assert state is not None and state["error"] == "CountViolation"  # joined last, no seat
    twice = fast.post(f"/groups/{group['id']}/members/$ref", reference)
    assert twice.status_code == 400
    assert "already exist" in error_of(twice)[1]
    removed = fast.delete(f"/groups/{group['id']}/members/{outsider['id']}/$ref")
    assert removed.status_code == 204
    assert state_from(fast, outsider["id"], group["id"], standard) is None
    gone = fast.delete(f"/groups/{group['id']}/members/{outsider['id']}/$ref")
    assert gone.status_code == 404
    bad = fast.post(f"/groups/{group['id']}/members/$ref", {"@odata.id": "nonsense"})
    assert bad.status_code == 400


# -- synced users -----------------------------------------------------------------------------


def test_a_realistic_share_of_users_is_synced(graph_ro: Graph) -> None:
    users = graph_ro.get(
        "/users", params={"$select": "id,onPremisesSyncEnabled", "$top": "999"}
    ).json()["value"]
    synced = [u for u in users if u["onPremisesSyncEnabled"] is True]
    assert {u["onPremisesSyncEnabled"] for u in users} == {True, None}
    assert 0.2 <= len(synced) / len(users) <= 0.5


def test_synced_users_refuse_on_premises_fields_only(graph: Graph) -> None:
    users = graph.get(
        "/users",
        params={"$select": "id,onPremisesSyncEnabled,usageLocation,assignedLicenses"},
    ).json()["value"]
    synced = next(u for u in users if u["onPremisesSyncEnabled"] and u["usageLocation"])
    cloud = next(u for u in users if not u["onPremisesSyncEnabled"])
    refused = graph.patch(f"/users/{synced['id']}", {"displayName": "Nowa Nazwa"})
    assert refused.status_code == 400
    assert error_of(refused) == (
        "Request_BadRequest",
        "Unable to update the specified properties for on-premises mastered Directory Sync "
        "objects or objects currently undergoing migration.",
    )
    mixed = graph.patch(f"/users/{synced['id']}", {"usageLocation": "DE", "jobTitle": "X"})
    assert mixed.status_code == 400  # all or nothing
    assert graph.user(synced["id"])["usageLocation"] == synced["usageLocation"]
    assert graph.patch(f"/users/{synced['id']}", {"usageLocation": "DE"}).status_code == 204
    assert graph.patch(f"/users/{synced['id']}", {"accountEnabled": False}).status_code == 204
    held = {lic["skuId"] for lic in synced["assignedLicenses"]}
    basic = graph.skus()[BASIC]["skuId"]
    if basic not in held:
        assert graph.assign(synced["id"], [{"skuId": basic, "disabledPlans": []}], []).ok
    assert graph.patch(f"/users/{cloud['id']}", {"displayName": "Nowa Nazwa"}).status_code == 204
