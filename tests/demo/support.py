"""Helpers for the demo tenant's tests: a signed-in HTTP session and seeded-user lookups."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import requests

from desktop.demo import DemoTenant

FULL_SELECT = (
    "id,displayName,userPrincipalName,mail,accountEnabled,usageLocation,department,jobTitle,"
    "assignedLicenses,licenseAssignmentStates"
)

E3 = "ENTERPRISEPACK"
BASIC = "O365_BUSINESS_ESSENTIALS"
STANDARD = "O365_BUSINESS_PREMIUM"
PREMIUM = "SPB"
EXCHANGE1 = "EXCHANGESTANDARD"
FABRIC = "POWER_BI_STANDARD"
FLOW = "FLOW_FREE"
STORAGE = "SHAREPOINTSTORAGE"


class Graph:
    """requests.Session bound to a tenant's base URL with a bearer token."""

    def __init__(self, tenant: DemoTenant, token: str | None = "demo-token") -> None:
        self.tenant = tenant
        self.session = requests.Session()
        if token is not None:
            self.session.headers["Authorization"] = f"Bearer {token}"

    def url(self, path: str) -> str:
        return path if path.startswith("http") else self.tenant.base_url + path

    def get(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.get(self.url(path), timeout=30, **kwargs)

    def post(self, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        return self.session.post(self.url(path), json=body, timeout=30, **kwargs)

    def patch(self, path: str, body: Any = None, **kwargs: Any) -> requests.Response:
        return self.session.patch(self.url(path), json=body, timeout=30, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> requests.Response:
        return self.session.delete(self.url(path), timeout=30, **kwargs)

    def users(self) -> list[dict[str, Any]]:
        response = self.get("/users", params={"$select": FULL_SELECT, "$top": "999"})
        assert response.status_code == 200, response.text
        assert "@odata.nextLink" not in response.json()
        users: list[dict[str, Any]] = response.json()["value"]
        return users

    def user(self, id_or_upn: str) -> dict[str, Any]:
        response = self.get(f"/users/{id_or_upn}", params={"$select": FULL_SELECT})
        assert response.status_code == 200, response.text
        user: dict[str, Any] = response.json()
        return user

    def skus(self) -> dict[str, dict[str, Any]]:
        response = self.get("/subscribedSkus")
        assert response.status_code == 200, response.text
        return {sku["skuPartNumber"]: sku for sku in response.json()["value"]}

    def group(self, name: str) -> dict[str, Any]:
        """The group called ``name``: id, displayName and assignedLicenses."""
        response = self.get("/groups", params={"$select": "id,displayName,assignedLicenses"})
        assert response.status_code == 200, response.text
        found = [g for g in response.json()["value"] if g["displayName"] == name]
        assert found, f"no group {name!r} in the demo tenant"
        group: dict[str, Any] = found[0]
        return group

    def member_ids(self, group_id: str) -> set[str]:
        response = self.get(f"/groups/{group_id}/members", params={"$top": "999"})
        assert response.status_code == 200, response.text
        assert "@odata.nextLink" not in response.json()
        return {m["id"] for m in response.json()["value"]}

    def pick(self, predicate: Callable[[dict[str, Any]], bool]) -> dict[str, Any]:
        for user in self.users():
            if predicate(user):
                return user
        raise AssertionError("no seeded user matches")

    def assign(self, user: str, add: list[dict[str, Any]], remove: list[str]) -> requests.Response:
        return self.post(
            f"/users/{user}/assignLicense", {"addLicenses": add, "removeLicenses": remove}
        )


def error_of(response: requests.Response) -> tuple[str, str]:
    body = response.json()
    return body["error"]["code"], body["error"]["message"]


def sku_ids(user: dict[str, Any]) -> set[str]:
    return {lic["skuId"] for lic in user["assignedLicenses"]}


def direct_sku_ids(user: dict[str, Any]) -> set[str]:
    return {s["skuId"] for s in user["licenseAssignmentStates"] if s["assignedByGroup"] is None}


def plan_id(sku: dict[str, Any], name: str) -> str:
    for plan in sku["servicePlans"]:
        if plan["servicePlanName"] == name:
            return str(plan["servicePlanId"])
    raise KeyError(name)
