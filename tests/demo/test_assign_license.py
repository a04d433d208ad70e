"""POST /users/{id}/assignLicense: every rule, with Graph's messages."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.demo.support import (
    BASIC,
    E3,
    EXCHANGE1,
    FABRIC,
    FLOW,
    STANDARD,
    STORAGE,
    Graph,
    direct_sku_ids,
    error_of,
    plan_id,
    sku_ids,
)

DEFAULT_PROPERTIES = {
    "businessPhones",
    "displayName",
    "givenName",
    "jobTitle",
    "mail",
    "mobilePhone",
    "officeLocation",
    "preferredLanguage",
    "surname",
    "userPrincipalName",
    "id",
}


def unlicensed_with_location(user: dict[str, Any]) -> bool:
    return not user["licenseAssignmentStates"] and user["usageLocation"] is not None


def only_holds(part_sku: str) -> Any:
    return lambda u: direct_sku_ids(u) == {part_sku} and sku_ids(u) == {part_sku}


def assert_bad_request(response: Any, message: str) -> None:
    assert response.status_code == 400, response.text
    assert error_of(response) == ("Request_BadRequest", message)


def test_success_returns_200_with_the_user_and_assigns(graph: Graph) -> None:
    flow = graph.skus()[FLOW]["skuId"]
    user = graph.pick(unlicensed_with_location)
    response = graph.assign(user["userPrincipalName"], [{"skuId": flow, "disabledPlans": []}], [])
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == user["id"]
    assert set(body) - {"@odata.context"} == DEFAULT_PROPERTIES
    after = graph.user(user["id"])
    assert sku_ids(after) == {flow}
    assert after["licenseAssignmentStates"][0]["state"] == "Active"


@pytest.mark.parametrize(
    ("body", "missing"),
    [
        ({"addLicenses": []}, "removeLicenses"),
        ({"removeLicenses": []}, "addLicenses"),
        ({"addLicenses": None, "removeLicenses": []}, "addLicenses"),
    ],
)
def test_both_keys_are_required(graph_ro: Graph, body: dict[str, Any], missing: str) -> None:
    user = graph_ro.users()[0]
    response = graph_ro.post(f"/users/{user['id']}/assignLicense", body)
    assert response.status_code == 400
    code, message = error_of(response)
    assert code == "BadRequest"
    assert message.endswith(f"The missing parameters are: {missing}.")


def test_unknown_user_is_404(graph_ro: Graph) -> None:
    response = graph_ro.assign("nobody@bursztynlogistyka.pl", [], [])
    assert response.status_code == 404


def test_nothing_to_add_and_nothing_to_remove_is_refused(graph: Graph) -> None:
    """Graph answers 400 when both lists are empty (msgraph-sdk-powershell #3286;
    docs/graph-facts.md, "Assigning licenses"), and changes nothing."""
    user = graph.pick(lambda u: bool(u["assignedLicenses"]))
    response = graph.assign(user["id"], [], [])
    assert_bad_request(
        response,
        "No license changes provided. At least one license to add or remove must be specified.",
    )
    assert graph.user(user["id"])["assignedLicenses"] == user["assignedLicenses"]


def test_usage_location_is_required_to_add(graph: Graph) -> None:
    flow = graph.skus()[FLOW]["skuId"]
    user = graph.pick(lambda u: u["usageLocation"] is None and not u["assignedLicenses"])
    response = graph.assign(user["id"], [{"skuId": flow, "disabledPlans": []}], [])
    assert_bad_request(
        response, "License assignment cannot be done for user with invalid usage location."
    )
    assert graph.patch(f"/users/{user['id']}", {"usageLocation": "PL"}).status_code == 204
    assert graph.assign(user["id"], [{"skuId": flow, "disabledPlans": []}], []).status_code == 200


def test_no_free_seat(graph_ro: Graph) -> None:
    standard = graph_ro.skus()[STANDARD]["skuId"]
    user = graph_ro.pick(unlicensed_with_location)
    response = graph_ro.assign(user["id"], [{"skuId": standard, "disabledPlans": []}], [])
    assert_bad_request(
        response, f"Subscription with SKU {standard} does not have any available licenses."
    )


def test_a_suspended_sku_cannot_be_assigned(graph_ro: Graph) -> None:
    fabric = graph_ro.skus()[FABRIC]["skuId"]
    user = graph_ro.pick(unlicensed_with_location)
    response = graph_ro.assign(user["id"], [{"skuId": fabric, "disabledPlans": []}], [])
    assert response.status_code == 400
    assert "does not have any available licenses" in error_of(response)[1]


def test_a_company_sku_cannot_be_assigned_to_a_user(graph_ro: Graph) -> None:
    storage = graph_ro.skus()[STORAGE]["skuId"]
    user = graph_ro.pick(unlicensed_with_location)
    response = graph_ro.assign(user["id"], [{"skuId": storage, "disabledPlans": []}], [])
    assert response.status_code == 400
    assert storage in error_of(response)[1]


def test_unknown_sku(graph_ro: Graph) -> None:
    user = graph_ro.pick(unlicensed_with_location)
    ghost = "11111111-2222-4333-8444-555555555555"
    response = graph_ro.assign(user["id"], [{"skuId": ghost, "disabledPlans": []}], [])
    assert_bad_request(response, f"License {ghost} does not correspond to a valid company License.")


def test_removing_a_sku_the_user_lacks(graph_ro: Graph) -> None:
    e3 = graph_ro.skus()[E3]["skuId"]
    user = graph_ro.pick(unlicensed_with_location)
    response = graph_ro.assign(user["id"], [], [e3])
    assert_bad_request(response, "User does not have a corresponding license.")


def test_disabled_plans_must_belong_to_the_sku(graph_ro: Graph) -> None:
    skus = graph_ro.skus()
    flow = skus[FLOW]["skuId"]
    foreign_plan = plan_id(skus[E3], "EXCHANGE_S_ENTERPRISE")
    user = graph_ro.pick(unlicensed_with_location)
    response = graph_ro.assign(user["id"], [{"skuId": flow, "disabledPlans": [foreign_plan]}], [])
    assert response.status_code == 400
    assert foreign_plan in error_of(response)[1]


def test_exchange_plan_1_and_plan_2_are_mutually_exclusive(graph: Graph) -> None:
    skus = graph.skus()
    e3, exchange1 = skus[E3], skus[EXCHANGE1]
    holder = graph.pick(only_holds(e3["skuId"]))
    standard_plan = plan_id(exchange1, "EXCHANGE_S_STANDARD")
    enterprise_plan = plan_id(e3, "EXCHANGE_S_ENTERPRISE")
    response = graph.assign(holder["id"], [{"skuId": exchange1["skuId"], "disabledPlans": []}], [])
    assert_bad_request(
        response,
        f"License assignment failed because service plans {standard_plan}, {enterprise_plan} "
        "are mutually exclusive.",
    )
    assert sku_ids(graph.user(holder["id"])) == {e3["skuId"]}
    # With Exchange Plan 2 switched off in E3 the two may sit side by side.
    current = next(a for a in holder["assignedLicenses"] if a["skuId"] == e3["skuId"])
    response = graph.assign(
        holder["id"],
        [
            {"skuId": e3["skuId"], "disabledPlans": [*current["disabledPlans"], enterprise_plan]},
            {"skuId": exchange1["skuId"], "disabledPlans": []},
        ],
        [],
    )
    assert response.status_code == 200, response.text


def test_office_for_the_web_depends_on_sharepoint(graph: Graph) -> None:
    e3 = graph.skus()[E3]
    holder = graph.pick(only_holds(e3["skuId"]))
    sharepoint = plan_id(e3, "SHAREPOINTENTERPRISE")
    web = plan_id(e3, "SHAREPOINTWAC")
    response = graph.assign(
        holder["id"], [{"skuId": e3["skuId"], "disabledPlans": [sharepoint]}], []
    )
    assert_bad_request(
        response,
        f"License assignment failed because service plan {web} depends on the service "
        f"plan(s) {sharepoint}.",
    )
    both_off = graph.assign(
        holder["id"], [{"skuId": e3["skuId"], "disabledPlans": [sharepoint, web]}], []
    )
    assert both_off.status_code == 200, both_off.text


def test_adding_a_held_sku_replaces_its_disabled_plans(graph: Graph) -> None:
    e3 = graph.skus()[E3]
    consumed = e3["consumedUnits"]
    holder = graph.pick(only_holds(e3["skuId"]))
    sway = plan_id(e3, "SWAY")
    response = graph.assign(holder["id"], [{"skuId": e3["skuId"], "disabledPlans": [sway]}], [])
    assert response.status_code == 200, response.text
    after = graph.user(holder["id"])
    assert after["assignedLicenses"] == [{"disabledPlans": [sway], "skuId": e3["skuId"]}]
    assert graph.skus()[E3]["consumedUnits"] == consumed


def test_swap_is_one_step(graph: Graph) -> None:
    skus = graph.skus()
    basic, premium = skus[BASIC]["skuId"], skus["SPB"]["skuId"]
    holder = graph.pick(only_holds(basic))
    response = graph.assign(holder["id"], [{"skuId": premium, "disabledPlans": []}], [basic])
    assert response.status_code == 200, response.text
    assert sku_ids(graph.user(holder["id"])) == {premium}
    after = graph.skus()
    assert after[BASIC]["consumedUnits"] == skus[BASIC]["consumedUnits"] - 1
    assert after["SPB"]["consumedUnits"] == skus["SPB"]["consumedUnits"] + 1


def test_failed_swap_keeps_the_old_license(graph: Graph) -> None:
    skus = graph.skus()
    basic, standard = skus[BASIC]["skuId"], skus[STANDARD]["skuId"]
    holder = graph.pick(only_holds(basic))
    response = graph.assign(holder["id"], [{"skuId": standard, "disabledPlans": []}], [basic])
    assert response.status_code == 400
    assert "does not have any available licenses" in error_of(response)[1]
    assert sku_ids(graph.user(holder["id"])) == {basic}
    assert graph.skus()[BASIC]["consumedUnits"] == skus[BASIC]["consumedUnits"]


def test_last_free_seats_are_never_oversold_to_concurrent_callers(graph: Graph) -> None:
    skus = graph.skus()
    exchange1 = skus[EXCHANGE1]
    no_exchange = {skus[FLOW]["skuId"], skus[FABRIC]["skuId"]}
    free = exchange1["prepaidUnits"]["enabled"] - exchange1["consumedUnits"]
    candidates = [u for u in graph.users() if u["usageLocation"] and sku_ids(u) <= no_exchange][
        : free + 1
    ]
    assert len(candidates) == free + 1
    body = [{"skuId": exchange1["skuId"], "disabledPlans": []}]

    def assign(user: dict[str, Any]) -> int:
        return Graph(graph.tenant).assign(user["id"], body, []).status_code

    with ThreadPoolExecutor(max_workers=len(candidates)) as pool:
        statuses = sorted(pool.map(assign, candidates))
    assert statuses == [200] * free + [400]
    assert graph.skus()[EXCHANGE1]["consumedUnits"] == exchange1["prepaidUnits"]["enabled"]


def test_malformed_sku_id_is_refused(graph_ro: Graph) -> None:
    user = graph_ro.pick(unlicensed_with_location)
    response = graph_ro.assign(user["id"], [{"skuId": "E3", "disabledPlans": []}], [])
    assert response.status_code == 400
    assert error_of(response)[0] == "BadRequest"
