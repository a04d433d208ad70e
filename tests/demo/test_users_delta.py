"""``GET /users/delta`` in the demo tenant, over HTTP, as Graph answers it: pages linked by
nextLink and a final deltaLink, ``$deltatoken=latest``, only changed users afterwards (whoever
changed them), ``@removed`` for deleted ones, and 400 ``syncStateNotFound`` for a void link."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from desktop.demo import routes_delta
from desktop.graph.client import GraphClient
from desktop.graph.records import AssignedLicense
from desktop.graph.tokens import StaticToken
from tests.demo_tenant import DemoTenantForTests

SELECT = "id,displayName,userPrincipalName,accountEnabled,usageLocation,assignedLicenses"


@pytest.fixture
def http() -> Iterator[requests.Session]:
    session = requests.Session()
    session.headers["Authorization"] = "Bearer demo"
    yield session
    session.close()


def follow(http: requests.Session, url: str) -> tuple[list[dict[str, Any]], str, int]:
    """Every item of a round, its deltaLink, and how many pages it took."""
    items: list[dict[str, Any]] = []
    pages = 0
    while True:
        answer = http.get(url, timeout=30)
        assert answer.status_code == 200, answer.text
        body = answer.json()
        pages += 1
        items.extend(body["value"])
        assert not ("@odata.nextLink" in body and "@odata.deltaLink" in body)
        if "@odata.nextLink" in body:
            url = body["@odata.nextLink"]
            continue
        return items, body["@odata.deltaLink"], pages


def test_first_round_pages_every_user_then_gives_a_delta_link(
    demo_tenant: DemoTenantForTests, http: requests.Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(routes_delta, "PAGE_SIZE", 25)
    items, link, pages = follow(http, f"{demo_tenant.base_url}/users/delta?$select={SELECT}")
    assert pages == 3  # 60 users, 25 a page
    assert len({item["id"] for item in items}) == 60 == demo_tenant.store.count_users()
    assert set(items[0]) == set(SELECT.split(","))
    assert "$deltatoken=" in link

    unchanged, _next_link, _pages = follow(http, link)
    assert unchanged == []


def test_changes_by_any_client_come_back_and_deleted_users_are_removed(
    demo_tenant: DemoTenantForTests, http: requests.Session
) -> None:
    start = http.get(
        f"{demo_tenant.base_url}/users/delta?$select={SELECT}&$deltatoken=latest", timeout=30
    ).json()
    assert start["value"] == [] and "@odata.nextLink" not in start
    sku = demo_tenant.sku_id("FLOW_FREE")
    rows = demo_tenant.store.users_page("1", [], 0, 60)
    unlicensed = next(r[1] for r in rows if sku not in demo_tenant.assigned_licenses(r[1]))
    users = [*(r[1] for r in rows if r[1] != unlicensed)][:3]
    users.insert(2, unlicensed)
    other = GraphClient(demo_tenant.base_url, StaticToken("someone else"))
    try:
        other.update_user(users[0], {"usageLocation": "NO"})
        other.update_user(users[1], {"accountEnabled": False})
        other.update_user(users[2], {"usageLocation": "PL"})
        other.assign_license(users[2], [AssignedLicense(sku)], [])
        other.delete_user(users[3])
    finally:
        other.close()

    items, _link, _pages = follow(http, start["@odata.deltaLink"])
    by_id = {item["id"]: item for item in items}
    assert set(by_id) == set(users)
    assert by_id[users[0]]["usageLocation"] == "NO"
    assert by_id[users[1]]["accountEnabled"] is False
    assert sku in {lic["skuId"] for lic in by_id[users[2]]["assignedLicenses"]}
    assert by_id[users[3]] == {"id": users[3], "@removed": {"reason": "changed"}}
    # Every selected property comes for a changed user (Graph's default), not just the change.
    assert set(by_id[users[0]]) == set(SELECT.split(","))


def test_an_expired_or_unreadable_link_is_refused_as_graph_refuses_it(
    demo_tenant: DemoTenantForTests, http: requests.Session
) -> None:
    start = http.get(f"{demo_tenant.base_url}/users/delta?$deltatoken=latest", timeout=30).json()
    demo_tenant.expire_delta_links()
    for url in (start["@odata.deltaLink"], f"{demo_tenant.base_url}/users/delta?$deltatoken=xyz"):
        answer = http.get(url, timeout=30)
        assert answer.status_code == 400
        assert answer.json()["error"]["code"] == "syncStateNotFound"


@pytest.mark.parametrize("query", ["$top=5", "$orderby=displayName", "$select=signInActivity"])
def test_what_users_delta_does_not_take_is_refused(
    demo_tenant: DemoTenantForTests, http: requests.Session, query: str
) -> None:
    answer = http.get(f"{demo_tenant.base_url}/users/delta?{query}", timeout=30)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == "Request_UnsupportedQuery"


def test_a_reseeded_tenant_voids_every_link(
    demo_tenant: DemoTenantForTests, http: requests.Session
) -> None:
    start = http.get(f"{demo_tenant.base_url}/users/delta?$deltatoken=latest", timeout=30).json()
    demo_tenant.reset()
    answer = http.get(start["@odata.deltaLink"], timeout=30)
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "syncStateNotFound"
