"""Read-only wire checks run against the demo tenant and, when configured, a real tenant: the
same assertions on both, so a live run measures how faithful the emulator is. Each check
states a fact of docs/graph-facts.md; one that fails only live means the demo (and that file)
is wrong there. Nothing here depends on the tenant's size or data."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests.conformance.conftest import EVENTUAL, Target

UNIT = "x-ms-resource-unit"
NOBODY = "00000000-0000-0000-0000-000000000000"


def error_of(response: Any) -> tuple[str, str]:
    error = response.json()["error"]
    return error["code"], error["message"]


# -- Users: reading, paging and advanced queries ------------------------------------------------


def test_count_is_ignored_without_the_eventual_header(target: Target) -> None:
    response = target.get("/users", params={"$count": "true", "$select": "id", "$top": "5"})
    assert response.status_code == 200
    assert "@odata.count" not in response.json()


def test_a_groups_count_is_ignored_without_the_eventual_header(target: Target) -> None:
    params = {"$count": "true", "$select": "id", "$top": "5"}
    without = target.get("/groups", params=params)
    assert without.status_code == 200 and "@odata.count" not in without.json()
    counted = target.get("/groups", params=params, headers=EVENTUAL).json()
    assert isinstance(counted["@odata.count"], int)


def test_count_comes_with_the_eventual_header(target: Target) -> None:
    params = {"$count": "true", "$select": "id", "$top": "5"}
    body = target.get("/users", params=params, headers=EVENTUAL).json()
    assert isinstance(body["@odata.count"], int)
    assert body["@odata.count"] >= len(body["value"])


def test_the_count_segment_needs_the_eventual_header(target: Target) -> None:
    refused = target.get("/users/$count")
    assert refused.status_code == 400
    assert error_of(refused) == ("Request_BadRequest", "$count is not currently supported.")
    counted = target.get("/users/$count", headers=EVENTUAL)
    assert counted.status_code == 200
    assert counted.headers["Content-Type"].lower().startswith("text/plain")
    assert counted.text.strip().isdigit() and int(counted.text) > 0


def test_search_needs_the_eventual_header(target: Target) -> None:
    refused = target.get("/users", params={"$search": '"displayName:a"'})
    assert refused.status_code == 400
    assert error_of(refused) == (
        "Request_UnsupportedQuery",
        "Request with $search query parameter only works through MSGraph with a special request "
        "header: 'ConsistencyLevel: eventual'",
    )


def test_counting_licenses_in_a_filter_needs_advanced_query_parameters(target: Target) -> None:
    params = {"$filter": "assignedLicenses/$count eq 0", "$select": "id", "$top": "5"}
    refused = target.get("/users", params=params)
    assert refused.status_code == 400
    assert error_of(refused)[0] == "Request_UnsupportedQuery"
    allowed = target.get("/users", params={**params, "$count": "true"}, headers=EVENTUAL)
    assert allowed.status_code == 200


def test_next_links_stay_on_the_same_server_and_work(target: Target) -> None:
    first = target.get("/users", params={"$select": "id", "$top": "1"}).json()
    link = first.get("@odata.nextLink")
    if link is None:
        pytest.skip("the tenant has a single user")
    assert urlsplit(link).netloc == urlsplit(target.base_url).netloc
    second = target.get(link)
    assert second.status_code == 200
    assert [u["id"] for u in second.json()["value"]] != [u["id"] for u in first["value"]]


def test_a_page_larger_than_999_is_refused(target: Target) -> None:
    assert target.get("/users", params={"$top": "1000"}).status_code == 400


# -- Envelope and errors ------------------------------------------------------------------------


def test_an_unknown_user_is_a_404_in_graphs_envelope(target: Target) -> None:
    response = target.get(f"/users/{NOBODY}")
    assert response.status_code == 404
    error = response.json()["error"]
    assert error["code"] == "Request_ResourceNotFound"
    assert {"date", "request-id", "client-request-id"} <= set(error["innerError"])


# -- License packages ---------------------------------------------------------------------------


def test_subscribed_skus_have_the_fields_the_client_reads(target: Target) -> None:
    skus = target.get("/subscribedSkus").json()["value"]
    for sku in skus:
        assert {"skuId", "skuPartNumber", "appliesTo", "capabilityStatus"} <= set(sku)
        assert isinstance(sku["consumedUnits"], int)
        assert {"enabled", "suspended", "warning"} <= set(sku["prepaidUnits"])


# -- $batch --------------------------------------------------------------------------------------


def get(request_id: str, url: str) -> dict[str, Any]:
    return {"id": request_id, "method": "GET", "url": url}


def test_a_batch_of_more_than_20_is_refused(target: Target) -> None:
    too_many = [get(str(n), "/organization?$select=id") for n in range(21)]
    response = target.read_batch(too_many)
    assert response.status_code == 400
    # unverified text (docs/graph-facts.md, "$batch"): a live run confirms or corrects it.
    assert error_of(response) == (
        "BadRequest",
        "Number of requests inside batch exceeds the limit.",
    )


def test_inner_answers_carry_their_own_resource_units(target: Target) -> None:
    response = target.read_batch([get("1", "/subscribedSkus"), get("2", "/users?$select=id")])
    assert response.status_code == 200
    units = {r["id"]: r["headers"].get(UNIT) for r in response.json()["responses"]}
    assert units == {"1": "3", "2": "1"}


# -- Throttling and retries --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "params", "units"),
    [
        ("/users", {}, "2"),
        ("/users", {"$select": "id"}, "1"),
        ("/users", {"$top": "5"}, "1"),
        ("/subscribedSkus", {}, "3"),
        ("/subscribedSkus", {"$select": "skuId"}, "2"),
        ("/organization", {}, "1"),
    ],
)
def test_answers_carry_the_documented_resource_unit_cost(
    target: Target, path: str, params: dict[str, str], units: str
) -> None:
    response = target.get(path, params=params)
    assert response.status_code == 200
    assert response.headers.get(UNIT) == units
