"""What opening a tenant reads (LicenseController.load_tenant): the packages, the users and the
organisation at the same time, then the licensing groups' names; nothing the window does not
show at start (subscriptions and sign-in activity wait for Insight)."""

from __future__ import annotations

import threading
from pathlib import Path

from desktop.demo.router import Request, Response
from desktop.demo.transport import Drop
from desktop.graph.client import GraphClient
from desktop.graph.records import Sku
from desktop.graph.tokens import StaticToken
from desktop.licensing.controller import LicenseController
from tests.demo_tenant import DemoTenantForTests

GATE_SECONDS = 30.0  # generous: only a sequential reader ever waits this long
GATED = ("/v1.0/subscribedSkus", "/v1.0/organization")


def controller_for(tenant: DemoTenantForTests, folder: Path) -> LicenseController:
    return LicenseController(GraphClient(tenant.base_url, StaticToken("t")), folder / "journal")


def test_packages_users_and_organisation_are_read_at_the_same_time(
    demo_tenant: DemoTenantForTests, tmp_path: Path
) -> None:
    users_asked = threading.Event()
    waited_in_vain: list[str] = []
    handle = demo_tenant.handle

    def gate(request: Request) -> Response | Drop:
        # The packages and the organisation are answered only once users were asked for: a
        # reader that waits for one answer before sending the next request would stall here.
        if request.path == "/v1.0/users":
            users_asked.set()
        elif request.path in GATED and not users_asked.wait(GATE_SECONDS):
            waited_in_vain.append(request.path)
        return handle(request)

    demo_tenant.handle = gate  # type: ignore[method-assign]
    packages: list[list[Sku]] = []
    controller = LicenseController(
        GraphClient(demo_tenant.base_url, StaticToken("t")), tmp_path / "j"
    )
    try:
        snapshot = controller.load_tenant(on_skus=packages.append)
    finally:
        controller.close()
    assert waited_in_vain == []
    assert snapshot.organization is not None and snapshot.organization.display_name
    assert len(snapshot.users) == 60 and snapshot.skus
    assert packages == [list(snapshot.skus)]  # handed on as soon as read


def test_opening_reads_only_what_the_window_shows(
    demo_tenant: DemoTenantForTests, tmp_path: Path
) -> None:
    paths: list[str] = []
    handle = demo_tenant.handle

    def recording(request: Request) -> Response | Drop:
        paths.append(request.path)
        return handle(request)

    demo_tenant.handle = recording  # type: ignore[method-assign]
    controller = LicenseController(
        GraphClient(demo_tenant.base_url, StaticToken("t")), tmp_path / "j"
    )
    try:
        snapshot = controller.load_tenant()
    finally:
        controller.close()
    assert snapshot.groups  # the seed has licensing groups: their names come in one $batch
    assert sorted(set(paths)) == [
        "/v1.0/$batch",
        "/v1.0/organization",
        "/v1.0/subscribedSkus",
        "/v1.0/users",
        "/v1.0/users/$count",
    ]
    assert paths.count("/v1.0/subscribedSkus") == 1  # the packages once, not twice
