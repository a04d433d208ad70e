"""The demo tenant answers only requests addressed to a loopback name with its own port, so a
web page using DNS rebinding cannot read or change it through the browser."""

from __future__ import annotations

import http.client
import json

import pytest

from desktop.demo import DemoTenant
from desktop.demo.host_check import host_allowed


def send(
    tenant: DemoTenant,
    host: str | None,
    method: str = "GET",
    path: str = "/v1.0/users",
    body: bytes | None = None,
) -> tuple[int, bytes]:
    conn = http.client.HTTPConnection("127.0.0.1", tenant.port, timeout=10)
    try:
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        if host is not None:
            conn.putheader("Host", host)
        conn.putheader("Authorization", "Bearer demo-token")
        if body is not None:
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Content-Length", str(len(body)))
        conn.endheaders(body)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


@pytest.mark.parametrize("name", ["127.0.0.1", "localhost", "LOCALHOST", "[::1]"])
def test_loopback_names_with_the_port_are_served(
    demo_tenant_readonly: DemoTenant, name: str
) -> None:
    status, _ = send(demo_tenant_readonly, f"{name}:{demo_tenant_readonly.port}")
    assert status == 200


@pytest.mark.parametrize(
    "host",
    [
        "evil.example:{port}",
        "rebind.127.0.0.1.nip.io:{port}",
        "localhost.evil.example:{port}",
        "127.0.0.1:{other}",
        "localhost",
        "127.0.0.1:",
        "[::1]x:{port}",
        "",
        None,
    ],
)
def test_any_other_host_gets_421_and_no_data(
    demo_tenant_readonly: DemoTenant, host: str | None
) -> None:
    port = demo_tenant_readonly.port
    header = None if host is None else host.format(port=port, other=port + 1)
    status, body = send(demo_tenant_readonly, header)
    assert status == 421
    payload = json.loads(body)
    assert payload["error"]["code"] == "MisdirectedRequest"
    assert "userPrincipalName" not in body.decode()


def test_a_write_through_a_foreign_host_changes_nothing(demo_tenant: DemoTenant) -> None:
    upn = _first_upn(demo_tenant)
    before = demo_tenant.store.user(upn)
    status, _ = send(
        demo_tenant,
        f"attacker.example:{demo_tenant.port}",
        "PATCH",
        f"/v1.0/users/{upn}",
        json.dumps({"usageLocation": "ZZ", "accountEnabled": False}).encode(),
    )
    assert status == 421
    assert demo_tenant.store.user(upn) == before


def _first_upn(tenant: DemoTenant) -> str:
    status, body = send(tenant, f"127.0.0.1:{tenant.port}", path="/v1.0/users?$top=1")
    assert status == 200
    return str(json.loads(body)["value"][0]["userPrincipalName"])


@pytest.mark.parametrize(
    ("header", "port", "allowed"),
    [
        ("localhost", 80, True),  # port 80 may be left out
        ("127.0.0.2:8080", 8080, False),
        ("[::1]:8080", 8080, True),
        ("[::1]", 8080, False),
        ("127.0.0.1:08080", 8080, True),
        ("127.0.0.1:+80", 80, False),
    ],
)
def test_host_rule(header: str, port: int, allowed: bool) -> None:
    assert host_allowed(header, port) is allowed


def test_the_address_it_listens_on_is_its_own_name() -> None:
    assert host_allowed("127.0.0.2:8080", 8080, listen_host="127.0.0.2")
    assert host_allowed("[::1]:8080", 8080, listen_host="::1")
