"""The insight read in parallel parts when the tenant answers slowly (as Graph does), page after
page when it answers at once (as the demo on this computer does), with the same snapshot."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any
from urllib.parse import unquote

import pytest

from desktop.graph import full_read
from desktop.graph.client import GraphClient
from desktop.graph.full_read import waiting_dominates
from desktop.graph.tokens import StaticToken
from desktop.insight.records import TenantSnapshot
from desktop.insight.snapshot import read_snapshot
from tests.demo_tenant import DemoTenantForTests

USERS = 1500  # 13 pages of 120: enough for parts
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def tenant() -> Iterator[DemoTenantForTests]:
    tenant = DemoTenantForTests.start(users=USERS, seed=7)
    tenant.insight.today = lambda: NOW  # both reads see the same sign-in stamps
    try:
        yield tenant
    finally:
        tenant.stop()


def read(tenant: DemoTenantForTests, latency_ms: float) -> tuple[TenantSnapshot, list[str]]:
    """The snapshot, and the filters of the users listings it sent."""
    filters: list[str] = []
    handle = tenant.handle

    def recording(request: Any) -> Any:
        query = unquote(request.raw_query)
        if request.path.endswith("/users") and "$filter=" in query:
            filters.append(query.split("$filter=", 1)[1].split("&", 1)[0])
        return handle(request)

    tenant.handle = recording  # type: ignore[method-assign]
    tenant.faults.latency_ms = latency_ms
    try:
        with GraphClient(tenant.base_url, StaticToken("insight")) as client:
            snapshot = read_snapshot(client, now=NOW)
    finally:
        tenant.faults.latency_ms = 0
        del tenant.handle
    return snapshot, filters


def test_a_slow_tenant_is_read_in_parts_with_the_same_snapshot(
    tenant: DemoTenantForTests, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        # The reference read goes page after page whatever a loaded machine's timings say
        # (when parts pay has cases of its own below).
        patch.setattr(full_read, "waiting_dominates", lambda waited, worked: False)
        at_once, at_once_filters = read(tenant, latency_ms=0)
    slowly, slow_filters = read(tenant, latency_ms=120)
    assert at_once_filters == []  # page after page
    assert len(slow_filters) > 1
    assert all(f.startswith("startswith(userPrincipalName,") for f in slow_filters)
    assert len(at_once.users) == len(slowly.users) == USERS
    assert {u.id: u for u in slowly.users} == {u.id: u for u in at_once.users}
    assert slowly.sign_ins == at_once.sign_ins
    assert slowly.created == at_once.created
    assert at_once.sign_ins is not None and len(at_once.sign_ins) == USERS


@pytest.mark.parametrize(
    ("waited", "worked", "dominates"),
    [
        (0.40, 0.004, True),  # Graph: hundreds of milliseconds on the wire
        (0.003, 0.004, False),  # a server on this computer answering at once
        (0.04, 0.001, False),  # short waits: parts cost more requests than they save
        (0.30, 0.20, False),  # the reader's own work is most of the time
        (0.50, 0.20, True),
    ],
)
def test_parts_pay_only_when_waiting_dominates(
    waited: float, worked: float, dominates: bool
) -> None:
    assert waiting_dominates(waited, worked) is dominates


def test_without_p1_the_users_come_in_pages_of_999_as_a_plain_listing_does(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The first page is not a smaller sample when the read stays page after page: its $top
    travels in every next link."""
    tenant = DemoTenantForTests.start(users=2100, seed=3)
    tenant.insight.premium = False
    tops: list[str] = []
    handle = tenant.handle

    def recording(request: Any) -> Any:
        if request.path.endswith("/users"):
            tops.append(request.query.get("$top", ""))
        return handle(request)

    tenant.handle = recording  # type: ignore[method-assign]
    monkeypatch.setattr(full_read, "waiting_dominates", lambda waited, worked: False)
    try:
        with GraphClient(tenant.base_url, StaticToken("insight")) as client:
            snapshot = read_snapshot(client, now=NOW)
    finally:
        tenant.stop()
    assert snapshot.sign_ins is None and len(snapshot.users) == 2100
    # The refused sign-in page, then 999 + 999 + 102 users.
    assert tops[1:] == ["999", "999", "999"]
