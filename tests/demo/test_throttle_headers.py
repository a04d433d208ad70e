"""Identity-and-access throttling as Microsoft documents it: resource-unit costs, budgets by
tenant size, and the x-ms-* headers (docs/graph-facts.md, "Throttling and retries", from
"Microsoft Graph service-specific throttling limits")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.demo import DemoTenant
from desktop.demo.throttling import ResourceBuckets, request_cost, resource_quota
from tests.demo.support import Graph, error_of
from tests.demo.test_faults import FakeClock

UNIT = "x-ms-resource-unit"
PERCENTAGE = "x-ms-throttle-limit-percentage"
SCOPE = "x-ms-throttle-scope"
INFORMATION = "x-ms-throttle-information"
JSON = {"Content-Type": "application/json"}


def captured_429_text(app_id: str) -> str:
    return (
        f"Too many requests from Identifier:{app_id} under category:"
        "throttle.aad.ags.appId.large. Please try again later."
    )


@pytest.mark.parametrize(
    ("path", "params", "units"),
    [
        ("/users", {}, 2),  # GET users: base 2
        ("/users", {"$select": "id"}, 1),  # $select: -1
        ("/users", {"$top": "19"}, 1),  # $top under 20: -1
        ("/users", {"$top": "20"}, 2),
        ("/users", {"$select": "id", "$top": "5"}, 1),  # never below 1
        ("/subscribedSkus", {}, 3),  # GET subscribedSkus: base 3
        ("/subscribedSkus", {"$select": "skuId"}, 2),
        ("/organization", {}, 1),  # not in the table: 1
        ("/users/nobody@example.com", {}, 1),  # errors are charged too
    ],
)
def test_every_answer_carries_what_the_request_cost(
    graph_ro: Graph, path: str, params: dict[str, str], units: int
) -> None:
    response = graph_ro.get(path, params=params)
    assert response.headers[UNIT] == str(units)
    assert PERCENTAGE not in response.headers  # far below any limit
    assert SCOPE not in response.headers and INFORMATION not in response.headers


def test_writes_cost_one_unit_and_inner_batch_answers_carry_their_own_cost(graph: Graph) -> None:
    user = graph.users()[0]["id"]
    patched = graph.patch(f"/users/{user}", {"department": "Sales"})
    assert patched.status_code == 204 and patched.headers[UNIT] == "1"
    batch = {
        "requests": [
            {"id": "skus", "method": "GET", "url": "/subscribedSkus"},
            {"id": "users", "method": "GET", "url": "/users?$select=id&$top=5"},
            {"id": "write", "method": "PATCH", "url": f"/users/{user}", "headers": JSON,
             "body": {"jobTitle": "Lead"}},
        ]
    }  # fmt: skip
    response = graph.post("/$batch", batch)
    assert response.status_code == 200
    inner = {r["id"]: r["headers"] for r in response.json()["responses"]}
    assert {rid: headers[UNIT] for rid, headers in inner.items()} == {
        "skus": "3",
        "users": "1",
        "write": "1",
    }


def test_costs_follow_microsofts_table() -> None:
    assert request_cost("GET", "users", {"$expand": "manager"}).resource_units == 3
    assert request_cost("get", "Users", {"$SELECT": "id"}).resource_units == 1
    assert request_cost("GET", "groups/g1/members", {}).resource_units == 3
    assert request_cost("GET", "groups/g1/transitiveMembers", {}).resource_units == 5
    # "me/..." costs apply to "users/{id}/..." too.
    assert request_cost("GET", "users/u1/licenseDetails", {}).resource_units == 2
    assert request_cost("POST", "directoryObjects/getByIds", {}).writes == 0
    for method in ("POST", "PATCH", "PUT", "DELETE"):
        cost = request_cost(method, "users/u1/assignLicense", {})
        assert (cost.resource_units, cost.writes) == (1, 1)
    assert request_cost("GET", "users/u1", {}).writes == 0


def test_budgets_follow_the_tenant_size() -> None:
    """S: under 50 users, M: 50 to 500, L: over 500."""
    assert [resource_quota(n) for n in (1, 49, 50, 500, 501, 100_000)] == [
        3_500, 3_500, 5_000, 5_000, 8_000, 8_000,
    ]  # fmt: skip


def test_the_resource_unit_budget_is_a_token_bucket() -> None:
    clock = FakeClock()
    buckets = ResourceBuckets(clock)
    assert buckets.take("app", 3_000, 3_500) is None
    assert buckets.used("app", 3_500) == pytest.approx(3_000 / 3_500)
    wait = buckets.take("app", 600, 3_500)  # 500 left: 100 units short
    assert wait == pytest.approx(100 * 10 / 3_500)
    assert buckets.take("other app", 3_500, 3_500) is None  # budgets are per app
    clock.now += 10.0
    assert buckets.used("app", 3_500) == 0.0  # refilled over 10 s, never above the quota


def test_the_write_limit_warns_above_80_percent_then_names_itself_on_the_429(
    graph: Graph,
) -> None:
    tenant = graph.tenant
    tenant.faults.write_limit = (10, 60.0)
    user = graph.users()[0]["id"]
    shares = []
    for _ in range(10):
        response = graph.patch(f"/users/{user}", {"department": "Sales"})
        assert response.status_code == 204
        shares.append(response.headers.get(PERCENTAGE))
    assert shares == [None] * 8 + ["0.90", "1.00"]
    refused = graph.patch(f"/users/{user}", {"department": "Sales"})
    assert refused.status_code == 429
    assert float(refused.headers["Retry-After"]) > 0
    assert refused.headers[UNIT] == "1"
    assert refused.headers[SCOPE] == f"Tenant_Application/Write/{tenant.app_id}/{tenant.tenant_id}"
    assert refused.headers[INFORMATION] == "WriteLimitExceeded"
    assert error_of(refused) == ("TooManyRequests", captured_429_text(tenant.app_id))
    read = graph.get("/organization")  # reads do not count against the write limit
    assert read.status_code == 200 and PERCENTAGE not in read.headers


@pytest.fixture
def small_tenant(clock: FakeClock) -> Iterator[DemoTenant]:
    tenant = DemoTenant.start(users=20, seed=3, clock=clock, sleep=clock.sleep)
    tenant.faults.resource_unit_limit = True
    try:
        yield tenant
    finally:
        tenant.stop()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def sku_batch(start: int) -> dict[str, Any]:
    return {
        "requests": [
            {"id": str(start + i), "method": "GET", "url": "/subscribedSkus"} for i in range(20)
        ]
    }


def test_a_small_tenant_spends_3500_units_per_10_seconds(
    small_tenant: DemoTenant, clock: FakeClock
) -> None:
    graph = Graph(small_tenant)
    answers: list[dict[str, Any]] = []
    for number in range(59):  # 59 x 20 x 3 units = 3,540: the last batch runs out
        response = graph.post("/$batch", sku_batch(number * 20))
        answers.extend(sorted(response.json()["responses"], key=lambda r: int(r["id"])))
    statuses = [a["status"] for a in answers]
    assert statuses == [200] * 1166 + [429] * 14  # 1,166 x 3 = 3,498 units
    first_warning = next(i for i, a in enumerate(answers) if PERCENTAGE in a["headers"])
    assert first_warning == 933  # the 934th request uses 2,802 units: more than 0.8
    assert answers[1165]["headers"][PERCENTAGE] == "1.00"
    refused = answers[1166]
    headers = refused["headers"]
    assert headers[INFORMATION] == "ResourceUnitLimitExceeded"
    scope = f"Tenant_Application/ReadWrite/{small_tenant.app_id}/{small_tenant.tenant_id}"
    assert headers[SCOPE] == scope
    assert float(headers["Retry-After"]) == pytest.approx(1 * 10 / 3_500, abs=0.001)
    assert refused["body"]["error"]["message"] == captured_429_text(small_tenant.app_id)
    clock.now += 10.0
    assert graph.get("/subscribedSkus").status_code == 200


def test_random_throttling_names_no_limit(graph: Graph) -> None:
    """A 429 from load, not from a limit, has no scope or information to give."""
    graph.tenant.faults.throttle_rate = 1.0
    response = graph.get("/users")
    assert response.status_code == 429
    assert response.headers[UNIT] == "2"
    assert SCOPE not in response.headers and INFORMATION not in response.headers


def test_the_headers_can_be_switched_off(graph: Graph) -> None:
    """Field reports say real answers often lack them: clients must work without."""
    tenant = graph.tenant
    tenant.faults.throttle_headers = False
    tenant.faults.write_limit = (1, 60.0)
    user = graph.users()[0]["id"]
    assert not any(h.lower().startswith("x-ms-") for h in graph.get("/users").headers)
    graph.patch(f"/users/{user}", {"department": "Sales"})
    refused = graph.patch(f"/users/{user}", {"department": "Sales"})
    assert refused.status_code == 429 and "Retry-After" in refused.headers
    assert not any(h.lower().startswith("x-ms-") for h in refused.headers)
