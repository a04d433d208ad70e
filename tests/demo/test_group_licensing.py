"""Group-based licensing: inherited states, seats, CountViolation order, seeded errors."""

from __future__ import annotations

from typing import Any

from desktop.demo import DemoTenant
from tests.demo.support import E3, STANDARD, Graph, error_of, sku_ids


def group_states(user: dict[str, Any], sku_id: str) -> list[dict[str, Any]]:
    return [
        s for s in user["licenseAssignmentStates"] if s["skuId"] == sku_id and s["assignedByGroup"]
    ]


def test_state_entries_have_graphs_shape(graph_ro: Graph) -> None:
    for user in graph_ro.users():
        for state in user["licenseAssignmentStates"]:
            assert list(state) == [
                "assignedByGroup",
                "disabledPlans",
                "error",
                "lastUpdatedDateTime",
                "skuId",
                "state",
            ]
            if state["state"] == "Active":
                assert state["error"] == "None"
            else:
                assert state["state"] == "Error"
                assert state["error"] != "None"


def test_members_beyond_the_seats_sit_in_count_violation_latest_first(graph_ro: Graph) -> None:
    standard = graph_ro.skus()[STANDARD]["skuId"]
    users = graph_ro.users()
    members = [(u, group_states(u, standard)[0]) for u in users if group_states(u, standard)]
    violating = [u for u, s in members if s["error"] == "CountViolation"]
    assert len(violating) == 2
    for user, state in members:
        if state["error"] == "CountViolation":
            assert state["state"] == "Error"
            assert standard not in sku_ids(user)  # no seat, no license
        else:
            assert state["state"] == "Active"
            assert standard in sku_ids(user)
    # Earliest membership wins: the violating members joined after every seated group-only one.
    seated_times = [
        s["lastUpdatedDateTime"]
        for u, s in members
        if s["state"] == "Active"
        and standard
        not in {x["skuId"] for x in u["licenseAssignmentStates"] if not x["assignedByGroup"]}
    ]
    violating_times = [s["lastUpdatedDateTime"] for u, s in members if s["state"] == "Error"]
    assert max(seated_times) < min(violating_times)


def test_freeing_a_seat_seats_the_earliest_violating_member(graph: Graph) -> None:
    standard = graph.skus()[STANDARD]["skuId"]
    users = graph.users()
    violating = sorted(
        (group_states(u, standard)[0]["lastUpdatedDateTime"], u["id"])
        for u in users
        if group_states(u, standard) and group_states(u, standard)[0]["error"] == "CountViolation"
    )
    direct_holder = next(
        u for u in users if standard in sku_ids(u) and not group_states(u, standard)
    )
    response = graph.assign(direct_holder["id"], [], [standard])
    assert response.status_code == 200, response.text
    earliest, latest = violating[0][1], violating[1][1]
    assert standard in sku_ids(graph.user(earliest))
    assert group_states(graph.user(earliest), standard)[0]["state"] == "Active"
    assert group_states(graph.user(latest), standard)[0]["error"] == "CountViolation"
    sku = graph.skus()[STANDARD]
    assert sku["consumedUnits"] == sku["prepaidUnits"]["enabled"]


def test_inherited_license_cannot_be_removed_directly(graph_ro: Graph) -> None:
    e3 = graph_ro.skus()[E3]["skuId"]
    member = graph_ro.pick(
        lambda u: (
            any(s["state"] == "Active" for s in group_states(u, e3))
            and not any(
                s["skuId"] == e3 and not s["assignedByGroup"] for s in u["licenseAssignmentStates"]
            )
        )
    )
    response = graph_ro.assign(member["id"], [], [e3])
    assert response.status_code == 400
    assert error_of(response) == (
        "Request_BadRequest",
        "User license is inherited from a group membership and it cannot be removed directly "
        "from the user.",
    )


def test_direct_and_group_assignment_coexist_and_disabled_plans_intersect(graph: Graph) -> None:
    sku = graph.skus()[E3]
    e3 = sku["skuId"]
    member = graph.pick(
        lambda u: (
            any(s["state"] == "Active" for s in group_states(u, e3))
            and not any(
                s["skuId"] == e3 and not s["assignedByGroup"] for s in u["licenseAssignmentStates"]
            )
        )
    )
    group_disabled = set(group_states(member, e3)[0]["disabledPlans"])
    assert group_disabled  # the E3 group switches Viva Engage off
    consumed = sku["consumedUnits"]
    response = graph.assign(member["id"], [{"skuId": e3, "disabledPlans": []}], [])
    assert response.status_code == 200, response.text
    after = graph.user(member["id"])
    entries = [s for s in after["licenseAssignmentStates"] if s["skuId"] == e3]
    assert {s["assignedByGroup"] is None for s in entries} == {True, False}
    assigned = next(a for a in after["assignedLicenses"] if a["skuId"] == e3)
    assert assigned["disabledPlans"] == []  # enabled in the direct assignment, so enabled
    assert graph.skus()[E3]["consumedUnits"] == consumed  # still one seat


def test_seeded_group_errors_other_than_count_violation(graph_ro: Graph) -> None:
    errors = {
        s["error"]
        for u in graph_ro.users()
        for s in u["licenseAssignmentStates"]
        if s["assignedByGroup"] and s["state"] == "Error"
    }
    assert {"CountViolation", "MutuallyExclusiveViolation", "UniquenessViolation"} <= errors


def test_unlicensed_members_in_error_are_unlicensed(demo_tenant_readonly: DemoTenant) -> None:
    graph = Graph(demo_tenant_readonly)
    response = graph.get(
        "/users",
        params={"$filter": "assignedLicenses/$count eq 0", "$count": "true", "$select": "id"},
        headers={"ConsistencyLevel": "eventual"},
    )
    unlicensed = {u["id"] for u in response.json()["value"]}
    in_error_only = [
        u
        for u in graph.users()
        if u["licenseAssignmentStates"]
        and all(s["state"] == "Error" for s in u["licenseAssignmentStates"])
    ]
    assert in_error_only
    assert {u["id"] for u in in_error_only} <= unlicensed
