"""Which delegated scope each group-licensing write needs on the demo tenant (docs/graph-facts.md,
"Groups and group-based licensing"): a token without it gets Graph's 403."""

from __future__ import annotations

import pytest

from desktop.demo import DemoTenant, permissions
from tests.demo.support import Graph

GROUP = "/v1.0/groups/8d0b5a33-8f43-4c53-9d6c-2f1a7e0b0c11"
USER_ID = "1c7e0c55-4a6f-4f39-8f0b-6c2d9b5e8a10"
USER = f"/v1.0/users/{USER_ID}"
LICENSES = "LicenseAssignment.ReadWrite.All"
MEMBERS = "GroupMember.ReadWrite.All"


@pytest.mark.parametrize(
    ("method", "path", "allowed", "refused"),
    [
        ("POST", f"{GROUP}/assignLicense", LICENSES, MEMBERS),
        ("POST", f"{GROUP}/assignLicense", "Group.ReadWrite.All", "User.ReadWrite.All"),
        ("POST", f"{GROUP}/members/$ref", MEMBERS, LICENSES),
        ("DELETE", f"{GROUP}/members/{USER_ID}/$ref", MEMBERS, "User.ReadWrite.All"),
        ("POST", f"{USER}/reprocessLicenseAssignment", "User.ReadWrite.All", LICENSES),
        ("DELETE", GROUP, "Group.ReadWrite.All", MEMBERS),
    ],
)
def test_each_write_needs_its_scope(method: str, path: str, allowed: str, refused: str) -> None:
    needed = permissions.needs(method, path)
    assert needed is not None
    assert needed.allowed(["openid", allowed])
    assert not needed.allowed(["openid", refused])
    assert needed.allowed(["Directory.ReadWrite.All"])


def test_a_token_without_the_member_scope_is_refused_over_http(demo_tenant: DemoTenant) -> None:
    granted = {"license-only": LICENSES, "members": MEMBERS}
    demo_tenant.token_scopes = lambda token: frozenset(granted.get(token, "").split())
    reader = Graph(demo_tenant, token="members")
    body = reader.get("/groups", params={"$select": "id,displayName"}).json()
    group_id = body["value"][0]["id"]
    outsider = reader.pick(lambda u: not u["licenseAssignmentStates"])
    reference = {"@odata.id": f"https://graph.microsoft.com/v1.0/directoryObjects/{outsider['id']}"}
    refused = Graph(demo_tenant, token="license-only").post(
        f"/groups/{group_id}/members/$ref", reference
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "Authorization_RequestDenied"
    assert reader.post(f"/groups/{group_id}/members/$ref", reference).status_code == 204
