"""``x-ms-throttle-priority`` on the wire: ``Low`` for background reads, ``Normal`` for what
the administrator waits for (docs/graph-facts.md, "Throttling and retries")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from desktop.demo.router import Request, Response
from desktop.demo.transport import Drop
from desktop.graph.client import GraphClient
from desktop.graph.priority import PRIORITY_HEADER, Priority
from desktop.graph.tokens import StaticToken
from desktop.insight.snapshot import read_snapshot
from desktop.licensing.controller import LicenseController
from desktop.licensing.wire import read_user_request
from tests.demo_tenant import DemoTenantForTests
from tests.graph.canned import Canned, CannedServer

USER = {"id": "id-1", "userPrincipalName": "ann@contoso.com", "displayName": "Ann"}
ORG = {"value": [{"id": "t1", "displayName": "Contoso", "verifiedDomains": []}]}

READS: dict[str, tuple[Callable[[GraphClient, Priority], object], Any]] = {
    "list_users": (lambda c, p: c.list_users(priority=p), {"value": [USER]}),
    "list_users filtered": (
        lambda c, p: c.list_users(filter="accountEnabled eq false", priority=p),
        {"value": [USER]},
    ),
    "get_user": (lambda c, p: c.get_user("ann@contoso.com", priority=p), USER),
    "list_skus": (lambda c, p: c.list_skus(priority=p), {"value": []}),
    "get_group": (lambda c, p: c.get_group("g1", priority=p), {"id": "g1", "displayName": "G"}),
    "get_organization": (lambda c, p: c.get_organization(priority=p), ORG),
}


def sent_priority(server: CannedServer) -> str | None:
    headers = {k.lower(): v for k, v in server.seen[-1].headers.items()}
    return headers.get(PRIORITY_HEADER)


@pytest.mark.parametrize("read", list(READS))
@pytest.mark.parametrize("priority", [Priority.LOW, Priority.NORMAL])
def test_every_read_call_sends_the_priority_it_is_given(
    server: CannedServer, client: GraphClient, read: str, priority: Priority
) -> None:
    call, answer = READS[read]
    server.script(Canned(200, answer))
    call(client, priority)
    assert sent_priority(server) == priority.value


DEFAULTS: dict[str, Callable[[GraphClient], object]] = {
    "list_users": lambda c: c.list_users(),
    "list_users filtered": lambda c: c.list_users(filter="accountEnabled eq false"),
    "get_user": lambda c: c.get_user("ann@contoso.com"),
    "list_skus": lambda c: c.list_skus(),
    "get_group": lambda c: c.get_group("g1"),
    "get_organization": lambda c: c.get_organization(),
}


@pytest.mark.parametrize("read", list(READS))
def test_reads_are_normal_unless_said_otherwise(
    server: CannedServer, client: GraphClient, read: str
) -> None:
    server.script(Canned(200, READS[read][1]))
    DEFAULTS[read](client)
    assert sent_priority(server) == "Normal"


def test_group_names_put_the_priority_on_every_inner_request(
    server: CannedServer, client: GraphClient
) -> None:
    answers = [{"id": str(n), "status": 200, "body": {"id": f"g{n}", "displayName": f"G{n}"}}
               for n in (1, 2)]  # fmt: skip
    server.script(Canned(200, {"responses": answers}))
    names = client.group_names(["g1", "g2"], priority=Priority.LOW)
    assert names == {"g1": "G1", "g2": "G2"}
    inner = server.seen[-1].json()["requests"]
    assert [r["headers"] for r in inner] == [{PRIORITY_HEADER: "Low"}] * 2


def test_the_engine_reads_users_at_normal_priority() -> None:
    wire = read_user_request("r1", "ann@contoso.com").to_wire()
    assert wire["headers"] == {PRIORITY_HEADER: "Normal"}


def record_priorities(tenant: DemoTenantForTests) -> list[tuple[str, str | None]]:
    """From now on, each request's path and x-ms-throttle-priority header, as they arrive."""
    seen: list[tuple[str, str | None]] = []
    handle = tenant.handle

    def recording(request: Request) -> Response | Drop:
        seen.append((request.path, request.header(PRIORITY_HEADER)))
        return handle(request)

    tenant.handle = recording  # type: ignore[method-assign]
    return seen


def test_a_background_load_of_the_tenant_is_low_priority(
    demo_tenant: DemoTenantForTests, tmp_path: Path
) -> None:
    seen = record_priorities(demo_tenant)
    client = GraphClient(demo_tenant.base_url, StaticToken("background"))
    controller = LicenseController(client, tmp_path / "journal.sqlite3")
    try:
        controller.load_tenant(priority=Priority.LOW)
    finally:
        controller.close()
    paths = {path for path, _ in seen}
    # Packages, users (with their count: the parallel read's proof) and the organisation.
    assert {"/v1.0/users", "/v1.0/users/$count", "/v1.0/subscribedSkus"} <= paths
    assert "/v1.0/organization" in paths
    # The group names go in a $batch, whose inner requests carry the header.
    assert {priority for path, priority in seen if path != "/v1.0/$batch"} == {"Low"}


def test_a_snapshot_reads_everything_at_low_priority(demo_tenant: DemoTenantForTests) -> None:
    seen = record_priorities(demo_tenant)
    with GraphClient(demo_tenant.base_url, StaticToken("snapshot")) as client:
        snapshot = read_snapshot(client)
    assert snapshot.users and snapshot.skus and snapshot.subscriptions
    paths = {path for path, _ in seen}
    assert {"/v1.0/users", "/v1.0/subscribedSkus", "/v1.0/directory/subscriptions"} <= paths
    assert {priority for _, priority in seen} == {"Low"}
