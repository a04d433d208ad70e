"""The demo tenant at Graph's speed: a page costs by its size and $select (``--page-cost``), user
reads spend the app's resource units and are answered 429 past them, and the filters the
parallel full read relies on are served without advanced queries while those Graph refuses are
refused with Graph's words. The costs are read from the demo's sleeps, never timed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from desktop.commands.demo_server import faults_from
from desktop.commands.parser import build_parser
from desktop.demo import DemoTenant
from desktop.demo.errors import msg_unsupported_filter
from desktop.demo.page_cost import page_cost_seconds
from desktop.demo.throttling import RESOURCE_UNIT_LIMIT_EXCEEDED
from desktop.graph.client import USER_SELECT
from tests.demo.support import Graph, error_of
from tests.demo.test_faults import FakeClock

EVENTUAL = {"ConsistencyLevel": "eventual"}
USER_PROPERTIES = len(USER_SELECT.split(","))


@pytest.fixture(scope="module")
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(scope="module")
def big_tenant(clock: FakeClock) -> Iterator[DemoTenant]:
    tenant = DemoTenant.start(users=1000, seed=2, clock=clock, sleep=clock.sleep)
    try:
        yield tenant
    finally:
        tenant.stop()


def cost_of(tenant: DemoTenant, clock: FakeClock, path: str, **params: str) -> float:
    """What the demo charged for one GET, from the sleeps it asked for."""
    clock.slept.clear()
    response = Graph(tenant).get(path, params=params or None, headers=EVENTUAL)
    assert response.status_code == 200, response.text
    return sum(clock.slept)


def test_a_page_costs_by_its_users_and_properties(big_tenant: DemoTenant, clock: FakeClock) -> None:
    big_tenant.faults.page_cost = True
    try:
        full = cost_of(big_tenant, clock, "/users", **{"$top": "999", "$select": USER_SELECT})
        default = cost_of(big_tenant, clock, "/users")  # 100 users, the default properties
        narrow = cost_of(big_tenant, clock, "/users", **{"$top": "999", "$select": "id"})
        counted = cost_of(big_tenant, clock, "/users/$count")
    finally:
        big_tenant.faults.page_cost = False
    assert full == pytest.approx(page_cost_seconds(999, USER_PROPERTIES))
    assert full == pytest.approx(0.6, rel=0.1)  # with 400 ms of latency: about 1 s a page
    assert default == pytest.approx(page_cost_seconds(100, 11))  # eleven default properties
    assert full > 9 * default  # 999 users cost about ten times 100
    assert 0 < narrow < full  # $select counts
    assert counted == 0  # not a page
    assert cost_of(big_tenant, clock, "/users", **{"$top": "999"}) == 0  # off: nothing


def test_page_cost_is_switched_on_from_the_command_line() -> None:
    parser = build_parser()
    assert faults_from(parser.parse_args(["demo-server", "--page-cost"])).page_cost
    assert not faults_from(parser.parse_args(["demo-server", "--latency-ms", "400"])).page_cost


@pytest.mark.parametrize(
    ("query", "eventual", "prop"),
    [
        ({"$filter": "startswith(id,'a')"}, False, "id"),
        ({"$filter": "startswith(id,'a')", "$count": "true"}, True, "id"),  # never served
        ({"$filter": "companyName eq 'Bursztyn'"}, False, "companyName"),
        ({"$filter": "startswith(officeLocation,'G')"}, False, "officeLocation"),
        ({"$filter": "userPrincipalName ge 'm'"}, False, "userPrincipalName"),
        ({"$filter": "userPrincipalName le 'm'"}, True, "userPrincipalName"),
        ({"$filter": "id ge 'a'"}, False, "id"),
    ],
)
def test_filters_graph_refuses_are_refused_in_graphs_words(
    graph_ro: Graph, query: dict[str, str], eventual: bool, prop: str
) -> None:
    response = graph_ro.get("/users", params=query, headers=EVENTUAL if eventual else None)
    assert response.status_code == 400
    assert error_of(response) == ("Request_UnsupportedQuery", msg_unsupported_filter(prop))


def test_filters_of_the_parallel_read_are_served_without_advanced_queries(
    graph_ro: Graph,
) -> None:
    query = {"$filter": "startswith(userPrincipalName,'A')", "$select": "userPrincipalName"}
    body = graph_ro.get("/users", params={**query, "$count": "true"}).json()
    names = [u["userPrincipalName"] for u in body["value"]]
    assert names and all(name.lower().startswith("a") for name in names)  # case ignored
    assert "@odata.count" not in body  # $count without the header: ignored, no error
    advanced = {"$filter": "companyName eq 'Bursztyn Logistyka sp. z o.o.'", "$count": "true"}
    served = graph_ro.get("/users", params=advanced, headers=EVENTUAL)
    assert served.status_code == 200 and served.json()["@odata.count"] == 60


def test_user_reads_past_the_budget_are_answered_429(clock: FakeClock) -> None:
    tenant = DemoTenant.start(users=20, seed=3, clock=clock, sleep=clock.sleep)
    tenant.faults.resource_unit_limit = True  # under 50 users: 3,500 units per 10 seconds
    try:
        graph = Graph(tenant)
        reads = {"requests": [{"id": str(n), "method": "GET", "url": "/users"} for n in range(20)]}
        answers: list[dict[str, Any]] = []
        for _ in range(88):  # a page of users without $select costs 2: 1,750 fit
            answers.extend(graph.post("/$batch", reads).json()["responses"])
        statuses = [answer["status"] for answer in answers]
        assert statuses.count(200) == 1750 and statuses.count(429) == 10
        page = graph.get("/users", params={"$select": "id"})  # costs 1: still none left
        assert page.status_code == 429
        assert page.headers["x-ms-throttle-information"] == RESOURCE_UNIT_LIMIT_EXCEEDED
        assert float(page.headers["Retry-After"]) > 0
        clock.now += 10.0  # the budget refills over 10 seconds
        assert graph.get("/users", params={"$select": "id"}).status_code == 200
    finally:
        tenant.stop()
