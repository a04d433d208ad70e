"""The multi-tenant demo: a partner and its customers on one port, each token for its tenant."""

from __future__ import annotations

import re
import signal
from collections.abc import Iterator

import pytest
import requests

from desktop.demo.customers import CustomerState
from desktop.demo.multi_tenant import DemoTenants
from tests.demo.test_command import demo_server

TENANT_LINE = re.compile(r"Tenant (\S+) (.+) token (\S+)\n")


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoTenants]:
    with DemoTenants.start(5, partner_users=12) as started:
        yield started


def _get(demo: DemoTenants, path: str, token: str) -> requests.Response:
    return requests.get(
        demo.base_url + path, headers={"Authorization": f"Bearer {token}"}, timeout=10
    )


def test_graph_answers_with_the_data_of_the_tokens_tenant(demo: DemoTenants) -> None:
    seen: dict[str, str] = {}
    for tenant in demo.all:
        answer = _get(demo, "/organization", demo.token_for(tenant.tenant_id)).json()
        org = answer["value"][0]
        assert org["id"] == tenant.tenant_id
        seen[org["id"]] = org["displayName"]
        users = _get(demo, "/users?$top=999", demo.token_for(tenant.tenant_id)).json()["value"]
        assert len(users) == tenant.store.count_users()
    assert len(set(seen.values())) == 6, "every tenant has its own name"


def test_a_token_is_valid_for_its_own_tenant_only(demo: DemoTenants) -> None:
    customer = demo.customers[0]
    token = demo.token_for(customer.tenant_id)
    assert customer.token_validator is not None
    assert customer.token_validator(demo.token_for(demo.partner.tenant_id)) is not None
    assert customer.token_validator(token) is None
    refused = _get(demo, "/users", "made-up-token")
    assert refused.status_code == 401
    assert refused.json()["error"]["code"] == "InvalidAuthenticationToken"


def test_customers_are_listed_for_the_partner_page_by_page(demo: DemoTenants) -> None:
    partner_token = demo.token_for(demo.partner.tenant_id)
    found: list[dict[str, str]] = []
    url: str | None = demo.base_url + "/tenantRelationships/delegatedAdminCustomers?$top=2"
    pages = 0
    while url:
        page = requests.get(url, headers={"Authorization": f"Bearer {partner_token}"}, timeout=10)
        body = page.json()
        found.extend(body["value"])
        url = body.get("@odata.nextLink")
        pages += 1
    assert pages == 3
    assert [c["tenantId"] for c in found] == [c.tenant_id for c in demo.customers]
    assert all(c["id"] == c["tenantId"] and c["displayName"] for c in found)
    customer_token = demo.token_for(demo.customers[0].tenant_id)
    none = _get(demo, "/tenantRelationships/delegatedAdminCustomers", customer_token).json()
    assert none["value"] == []


def test_the_customers_differ_in_the_states_a_partner_must_see(demo: DemoTenants) -> None:
    def skus(state: CustomerState) -> dict[str, dict[str, object]]:
        tenant = demo.by_state(state)
        body = _get(demo, "/subscribedSkus", demo.token_for(tenant.tenant_id)).json()
        return {s["skuPartNumber"]: s for s in body["value"]}

    full = skus(CustomerState.OUT_OF_SEATS)["O365_BUSINESS_ESSENTIALS"]
    assert full["consumedUnits"] == full["prepaidUnits"]["enabled"]  # type: ignore[index]
    grace = skus(CustomerState.GRACE)["SPB"]
    assert grace["capabilityStatus"] == "Warning"
    healthy = skus(CustomerState.READ_ONLY)
    assert {s["capabilityStatus"] for s in healthy.values()} == {"Enabled"}
    waste = skus(CustomerState.WASTE)["O365_BUSINESS_ESSENTIALS"]
    free = waste["prepaidUnits"]["enabled"] - waste["consumedUnits"]  # type: ignore[index,operator]
    assert free > 40


def test_the_read_only_customer_refuses_license_writes_as_graph_does(demo: DemoTenants) -> None:
    tenant = demo.by_state(CustomerState.READ_ONLY)
    token = demo.token_for(tenant.tenant_id)
    user = _get(demo, "/users?$top=1", token).json()["value"][0]
    answer = requests.post(
        f"{demo.base_url}/users/{user['id']}/assignLicense",
        json={"addLicenses": [], "removeLicenses": []},
        headers={"Authorization": f"Bearer {token}"},
        timeout=10,
    )
    assert answer.status_code == 403
    error = answer.json()["error"]
    assert error["code"] == "Authorization_RequestDenied"
    assert error["message"] == "Insufficient privileges to complete the operation."


def test_a_customers_token_comes_from_its_own_authority(demo: DemoTenants) -> None:
    customer = demo.customers[1]
    partner_token = demo.token_for(demo.partner.tenant_id)

    def ask(tenant: str, credential: str) -> requests.Response:
        return requests.post(
            f"{demo.root_url}/{tenant}/oauth2/v2.0/token",
            data={"grant_type": "refresh_token", "refresh_token": credential},
            timeout=10,
        )

    given = ask(customer.tenant_id, partner_token)
    assert given.status_code == 200
    assert given.json()["access_token"] == demo.token_for(customer.tenant_id)
    assert ask(customer.tenant_id, "someone-else").json()["error"] == "invalid_grant"
    unknown = ask("00000000-0000-0000-0000-000000000000", partner_token).json()
    assert unknown["error"] == "invalid_tenant"
    demo.refuse_tokens.add(customer.tenant_id)
    try:
        assert "AADSTS65001" in ask(customer.tenant_id, partner_token).json()["error_description"]
    finally:
        demo.refuse_tokens.clear()


def test_demo_server_prints_one_line_per_tenant_with_its_token() -> None:
    with demo_server("--tenants", "4", "--users", "8") as (process, base_url):
        assert process.stdout is not None
        lines = [TENANT_LINE.fullmatch(process.stdout.readline()) for _ in range(5)]
        assert all(lines)
        tenants = [(m.group(1), m.group(2), m.group(3)) for m in lines if m]
        assert tenants[0][1] == "Chmura Partner sp. z o.o."
        for tenant_id, name, token in tenants:
            org = requests.get(
                f"{base_url}/organization", headers={"Authorization": f"Bearer {token}"}, timeout=10
            ).json()["value"][0]
            assert (org["id"], org["displayName"]) == (tenant_id, name)
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=30) == 0


def test_demo_server_refuses_tenants_with_a_database(tmp_path: object) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "ui", "demo-server", "--tenants", "2", "--db", "x.sqlite3"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 2
    assert "leave out --db" in done.stderr
    assert "Traceback" not in done.stderr
