"""Insight's reads asked for when insight is opened (incremental consent, like the write
scopes): the demo enforces each read's delegated scope with Graph's own 403 (also inside
$batch), the engine names the scopes, the engine degrades with notes on a browse token, and the
command line stops before reading with the login hint, then reads after `login --access
insights`."""

from __future__ import annotations

import json
from typing import Any

import requests

from desktop.auth import scopes as graph_scopes
from desktop.auth.errors import ConsentRequiredError
from desktop.auth.write_access import ensure_access
from desktop.demo import permissions
from desktop.graph.client import GraphClient
from desktop.insight.needed_scopes import insight_scopes
from desktop.insight.records import SnapshotNote
from desktop.insight.snapshot import read_snapshot
from tests.auth.demo_identity import SignInWorld, jwt_claims
from tests.auth.test_write_scopes import Run, headers, login, run

__all__ = ["run"]  # a fixture, imported for pytest

SIGN_INS = "/users?$select=id,signInActivity&$top=999"
SIGN_IN_FILTER = (
    "/users?$filter=signInActivity/lastSuccessfulSignInDateTime le 2026-01-01T00:00:00Z"
)
REPORT = "/reports/getOffice365ActiveUserDetail(period='D30')"
SETTINGS = "/admin/reportSettings"
SUBSCRIPTIONS = "/directory/subscriptions"
# Each insight read without its scope, and Graph's answer (docs/graph-facts.md, "Permissions").
REFUSED = {
    SIGN_INS: (permissions.PERMISSION_MISSING, permissions.MSG_NO_AUDIT_LOG),
    SIGN_IN_FILTER: (permissions.PERMISSION_MISSING, permissions.MSG_NO_AUDIT_LOG),
    REPORT: (permissions.S2S_UNAUTHORIZED, permissions.MSG_INVALID_PERMISSION),
    SETTINGS: ("Authorization_RequestDenied", "Insufficient privileges to complete the operation."),
    SUBSCRIPTIONS: (
        "Authorization_RequestDenied",
        "Insufficient privileges to complete the operation.",
    ),
}


def token_for(world: SignInWorld, scopes: tuple[str, ...]) -> str:
    manager = world.manager()
    flow = manager.start_device_code(scopes)
    world.identity.approve_device_code(flow.user_code)
    flow.wait()
    return manager.acquire_token(scopes).value


def get(world: SignInWorld, token: str, path: str) -> requests.Response:
    return requests.get(
        world.tenant.base_url + path, headers=headers(token), timeout=10, allow_redirects=False
    )


def test_the_engine_asks_for_each_insight_read_beside_browsing() -> None:
    wanted = {s.lower() for s in insight_scopes()}
    for scope in (
        "AuditLog.Read.All", "Reports.Read.All", "ReportSettings.Read.All",
        "Organization.Read.All", *graph_scopes.BROWSE,
    ):  # fmt: skip
        assert scope.lower() in wanted, scope
    assert not any("write" in s for s in wanted)  # reading never asks to change anything


def test_a_browse_token_is_refused_each_insight_read_with_graphs_answer(
    world: SignInWorld,
) -> None:
    token = token_for(world, graph_scopes.BROWSE)
    assert "AuditLog.Read.All" not in str(jwt_claims(token)["scp"])
    assert get(world, token, "/users?$select=id,displayName&$top=5").status_code == 200
    for path, (code, message) in REFUSED.items():
        answer = get(world, token, path)
        assert answer.status_code == 403, path
        error = answer.json()["error"]
        assert (error["code"], error["message"]) == (code, message), path
    inner = requests.post(
        world.tenant.base_url + "/$batch",
        json={"requests": [{"id": "1", "method": "GET", "url": SETTINGS}]},
        headers=headers(token),
        timeout=10,
    ).json()["responses"][0]
    assert inner["status"] == 403
    assert inner["body"]["error"]["code"] == "Authorization_RequestDenied"


def test_an_insight_token_reads_them_all(world: SignInWorld) -> None:
    token = token_for(world, graph_scopes.INSIGHT)
    assert get(world, token, SIGN_INS).status_code == 200
    assert get(world, token, REPORT).status_code == 302  # to the download host
    assert get(world, token, SETTINGS).status_code == 200
    assert get(world, token, SUBSCRIPTIONS).status_code == 200


def test_a_license_reader_alone_cannot_list_subscriptions(world: SignInWorld) -> None:
    # LicenseAssignment.Read.All reads subscribedSkus but not /directory/subscriptions.
    token = token_for(world, (*graph_scopes.BROWSE,))
    assert "LicenseAssignment.Read.All" in str(jwt_claims(token)["scp"])
    assert get(world, token, "/subscribedSkus").status_code == 200
    assert get(world, token, SUBSCRIPTIONS).status_code == 403


def test_on_a_browse_token_the_engine_reads_what_it_may_and_says_what_it_could_not(
    world: SignInWorld,
) -> None:
    manager = world.manager()
    world.sign_in(manager)
    provider = manager.token_provider()
    try:
        ensure_access(provider, insight_scopes())
    except ConsentRequiredError as refused:
        assert "AuditLog.Read.All" in refused.scopes
    else:
        raise AssertionError("insight's scopes were never granted: consent must be asked for")
    with GraphClient(world.tenant.base_url, provider) as client:
        snapshot = read_snapshot(client)
    assert snapshot.sign_ins is None
    assert SnapshotNote.SIGN_INS_DENIED in snapshot.notes
    assert SnapshotNote.REPORT_UNREADABLE in snapshot.notes
    assert SnapshotNote.SUBSCRIPTIONS_UNREADABLE in snapshot.notes
    assert len(snapshot.users) == world.tenant.store.count_users()


def test_cli_insights_signed_in_to_browse_stops_with_the_hint_then_reads_after_login(
    world: SignInWorld, run: Run
) -> None:
    login(world, run)  # --access browse, the default
    url = world.tenant.base_url
    code, out, err = run("insights", "--json", "--graph-url", url)
    assert code == 2 and out == ""
    assert (
        "License Desk has no permission to read sign-in activity, usage reports and "
        "subscriptions yet: run `license-desk login --access insights` and try again." in err
    )
    code, _out, err = run("subscriptions", "--graph-url", url)
    assert code == 2 and "--access insights" in err

    login(world, run, "--access", "insights")
    code, out, err = run("insights", "--json", "--graph-url", url)
    assert code == 0, err
    document: dict[str, Any] = json.loads(out)
    assert document["activitySource"] == "signInActivity"
    assert document["notes"] == []
