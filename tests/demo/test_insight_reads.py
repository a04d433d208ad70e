"""The demo tenant's reads for license insight: sign-in activity (with and without Entra ID P1),
the usage report behind a 302 to another host, report settings and commerce subscriptions."""

from __future__ import annotations

import csv
import io
from collections import Counter
from datetime import datetime, timedelta, timezone
from urllib.parse import urlsplit

import pytest
import requests

from desktop.demo.insight_seed import INACTIVE_DAYS, SignInKind
from desktop.demo.usage_report import ACTIVE_USER_COLUMNS, conceal
from tests.demo.support import E3, EXCHANGE1, Graph
from tests.demo_tenant import DemoTenantForTests as DemoTenant

REPORT = "/reports/getOffice365ActiveUserDetail(period='D30')"


def test_sign_in_activity_comes_only_when_selected_and_never_for_users_who_never_signed_in(
    graph_ro: Graph,
) -> None:
    plain = graph_ro.get("/users", params={"$select": "id,userPrincipalName", "$top": "999"})
    assert all("signInActivity" not in u for u in plain.json()["value"])

    answer = graph_ro.get(
        "/users", params={"$select": "userPrincipalName,signInActivity", "$top": "999"}
    )
    assert answer.status_code == 200, answer.text
    users = answer.json()["value"]
    assert len(users) == 60
    assert all(set(u) <= {"userPrincipalName", "signInActivity"} for u in users)  # no id
    seeded = graph_ro.tenant.insight
    kinds = Counter(
        seeded.sign_in(int(graph_ro.tenant.store.user(u["userPrincipalName"])[0])).kind
        for u in users
    )
    assert kinds[SignInKind.ACTIVE] > 30 and kinds[SignInKind.INACTIVE] > 5
    assert kinds[SignInKind.NEVER] >= 2 and kinds[SignInKind.LEGACY] >= 1
    for user in users:
        kind = seeded.sign_in(int(graph_ro.tenant.store.user(user["userPrincipalName"])[0])).kind
        if kind is SignInKind.NEVER:
            assert "signInActivity" not in user
        elif kind is SignInKind.LEGACY:
            activity = user["signInActivity"]
            assert activity["lastSuccessfulSignInDateTime"] is None
            assert activity["lastSignInDateTime"] < "2023-12-01"
        else:
            assert user["signInActivity"]["lastSuccessfulSignInDateTime"]


def test_inactive_users_sit_the_seeded_number_of_days_back(graph_ro: Graph) -> None:
    today = datetime.now(timezone.utc).date()
    users = graph_ro.get(
        "/users", params={"$select": "id,accountEnabled,signInActivity", "$top": "120"}
    ).json()["value"]
    seen: set[int] = set()
    for user in users:
        row = graph_ro.tenant.store.user(user["id"])
        seeded = graph_ro.tenant.insight.sign_in(int(row[0]))
        if seeded.kind is SignInKind.INACTIVE:
            stamp = user["signInActivity"]["lastSuccessfulSignInDateTime"]
            days = (today - datetime.fromisoformat(stamp.replace("Z", "+00:00")).date()).days
            assert days in INACTIVE_DAYS
            seen.add(days)
        if not user["accountEnabled"]:
            assert seeded.kind in (SignInKind.INACTIVE, SignInKind.NEVER)
    assert len(seen) >= 3  # a spread, not one date


def test_pages_with_sign_in_activity_hold_at_most_120_users_and_keep_the_query() -> None:
    with DemoTenant.start(users=300, seed=3) as tenant:
        graph = Graph(tenant)
        url = "/users"
        params: dict[str, str] | None = {"$select": "id,signInActivity", "$top": "999"}
        sizes: list[int] = []
        while url:
            page = graph.get(url, params=params).json()
            sizes.append(len(page["value"]))
            url, params = page.get("@odata.nextLink", ""), None
            if url:
                assert "signInActivity" in url
                assert "top=999" in url
        assert sizes == [120, 120, 60]
        plain = graph.get("/users", params={"$select": "id", "$top": "999"}).json()
        assert len(plain["value"]) == 300


def test_without_entra_id_p1_sign_in_activity_is_refused_with_graphs_403(
    demo_tenant: DemoTenant,
) -> None:
    demo_tenant.insight.premium = False
    graph = Graph(demo_tenant)
    for top in ("5", "999"):
        answer = graph.get("/users", params={"$select": "id,signInActivity", "$top": top})
        assert answer.status_code == 403
        error = answer.json()["error"]
        assert error["code"] == "Authentication_RequestFromNonPremiumTenantOrB2CTenant"
        assert error["message"] == "Neither tenant is B2C or tenant doesn't have premium license"
    first = graph.users()[0]
    one = graph.get(f"/users/{first['id']}", params={"$select": "id,signInActivity"})
    assert one.status_code == 403
    assert graph.get("/users", params={"$select": "id,accountEnabled"}).status_code == 200
    demo_tenant.insight.premium = True
    assert (
        "signInActivity"
        in graph.get(f"/users/{first['id']}", params={"$select": "id,signInActivity"}).json()
    )


def _report(graph: Graph) -> tuple[requests.Response, list[dict[str, str]]]:
    answer = graph.get(REPORT, allow_redirects=False)
    assert answer.status_code == 302, answer.text
    location = answer.headers["Location"]
    download = requests.get(location, timeout=30)  # no bearer token: the link is the key
    assert download.status_code == 200
    assert download.content.startswith(b"\xef\xbb\xbf")
    text = download.content.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    assert tuple(reader.fieldnames or ()) == ACTIVE_USER_COLUMNS
    return answer, list(reader)


def test_usage_report_redirects_to_another_host_that_serves_the_csv(graph_ro: Graph) -> None:
    answer, rows = _report(graph_ro)
    location = urlsplit(answer.headers["Location"])
    assert location.netloc != urlsplit(graph_ro.tenant.base_url).netloc
    by_upn = {row["User Principal Name"]: row for row in rows}
    licensed = [u for u in graph_ro.users() if u["assignedLicenses"]]
    assert set(by_upn) == {u["userPrincipalName"] for u in licensed}
    refreshed = rows[0]["Report Refresh Date"]
    assert refreshed == (datetime.now(timezone.utc) - timedelta(days=2)).date().isoformat()
    store = graph_ro.tenant.store
    for upn, row in by_upn.items():
        seeded = graph_ro.tenant.insight.sign_in(int(store.user(upn)[0]))
        last = max(row[f"{s} Last Activity Date"] for s in ("Exchange", "Teams", "SharePoint"))
        if seeded.kind is SignInKind.NEVER:
            assert last == ""
        if row["Has Exchange License"] == "True" and seeded.kind is not SignInKind.NEVER:
            assert row["Exchange Last Activity Date"] <= refreshed


def test_a_download_link_works_without_the_token_and_expires(demo_tenant: DemoTenant) -> None:
    graph = Graph(demo_tenant)
    # requests drops the Authorization header when a redirect leaves the host; it still works.
    followed = graph.get(REPORT)
    assert followed.status_code == 200 and followed.history[0].status_code == 302
    location = followed.history[0].headers["Location"]
    demo_tenant.report_downloads.expire_all()
    assert requests.get(location, timeout=30).status_code == 404


def test_concealed_names_hide_every_name_in_the_report(demo_tenant: DemoTenant) -> None:
    graph = Graph(demo_tenant)
    assert graph.get("/admin/reportSettings").json()["displayConcealedNames"] is False
    demo_tenant.insight.concealed_names = True
    assert graph.get("/admin/reportSettings").json()["displayConcealedNames"] is True
    _answer, rows = _report(graph)
    upns = {u["userPrincipalName"] for u in graph.users()}
    for row in rows:
        assert "@" not in row["User Principal Name"] and row["User Principal Name"] not in upns
    licensed = {u["userPrincipalName"] for u in graph.users() if u["assignedLicenses"]}
    assert {r["User Principal Name"] for r in rows} == {conceal(upn) for upn in licensed}


def test_unknown_report_period_is_a_bad_request(graph_ro: Graph) -> None:
    answer = graph_ro.get("/reports/getOffice365ActiveUserDetail(period='D31')")
    assert answer.status_code == 400


def test_subscriptions_spread_over_the_next_year_with_monthly_annual_trial_and_grace(
    graph_ro: Graph,
) -> None:
    answer = graph_ro.get("/directory/subscriptions")
    assert answer.status_code == 200
    subscriptions = {s["skuPartNumber"]: s for s in answer.json()["value"]}
    skus = graph_ro.skus()
    assert set(subscriptions) == set(skus)
    for part, sku in skus.items():
        assert subscriptions[part]["id"] in sku["subscriptionIds"]
        assert subscriptions[part]["skuId"] == sku["skuId"]
    statuses = Counter(s["status"] for s in subscriptions.values())
    assert statuses["Warning"] == 1 and statuses["Suspended"] == 1
    assert [p for p, s in subscriptions.items() if s["isTrial"]] == ["FLOW_FREE"]
    today = datetime.now(timezone.utc)
    ahead = sorted(
        (datetime.fromisoformat(s["nextLifecycleDateTime"].replace("Z", "+00:00")) - today).days
        for s in subscriptions.values()
    )
    assert ahead[0] >= 0 and ahead[-1] <= 366 and ahead[-1] - ahead[0] > 200
    one = graph_ro.get(f"/directory/subscriptions/{subscriptions[E3]['id']}")
    assert one.status_code == 200 and one.json()["skuPartNumber"] == E3
    assert graph_ro.get("/directory/subscriptions/nope").status_code == 404


def test_some_users_hold_a_package_another_one_already_covers(graph_ro: Graph) -> None:
    e3, exchange = graph_ro.tenant.sku_id(E3), graph_ro.tenant.sku_id(EXCHANGE1)
    both = [
        u
        for u in graph_ro.users()
        if {e3, exchange} <= {lic["skuId"] for lic in u["assignedLicenses"]}
    ]
    assert len(both) == 2


@pytest.mark.parametrize("users", [1, 5])
def test_tiny_tenants_still_seed(users: int) -> None:
    with DemoTenant.start(users=users, seed=2) as tenant:
        graph = Graph(tenant)
        assert graph.get("/users", params={"$select": "id,signInActivity"}).status_code == 200
        assert graph.get("/directory/subscriptions").status_code == 200
