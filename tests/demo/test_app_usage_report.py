"""The demo's Microsoft 365 Apps usage report (getM365AppUserDetail): 302 to the download host,
CSV with a byte-order mark and Microsoft's columns, one row per user holding a covered app, the
last activity the demo seeded, "used" only within the period, names concealed on request."""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from urllib.parse import urlsplit

import pytest
import requests

from desktop.demo.app_usage_report import APP_USER_COLUMNS, APPS, PLATFORMS
from desktop.demo.insight_seed import SignInKind
from tests.demo.support import Graph
from tests.demo_tenant import DemoTenantForTests as DemoTenant


def app_report(graph: Graph, period: str) -> list[dict[str, str]]:
    answer = graph.get(f"/reports/getM365AppUserDetail(period='{period}')", allow_redirects=False)
    assert answer.status_code == 302, answer.text
    location = answer.headers["Location"]
    assert urlsplit(location).netloc != urlsplit(graph.tenant.base_url).netloc
    download = requests.get(location, timeout=30)  # pre-authenticated: no bearer token
    assert download.status_code == 200
    assert download.content.startswith(b"\xef\xbb\xbf")
    reader = csv.DictReader(io.StringIO(download.content.decode("utf-8-sig")))
    assert tuple(reader.fieldnames or ()) == APP_USER_COLUMNS
    return list(reader)


def test_the_columns_are_microsofts() -> None:
    assert APP_USER_COLUMNS[:5] == (
        "Report Refresh Date", "User Principal Name", "Last Activation Date",
        "Last Activity Date", "Report Period",
    )  # fmt: skip
    assert APP_USER_COLUMNS[5:15] == (*PLATFORMS, *APPS)
    assert APP_USER_COLUMNS[15] == "Outlook (Windows)" and APP_USER_COLUMNS[-1] == "Teams (Web)"
    assert len(APP_USER_COLUMNS) == 39


@pytest.mark.parametrize("period", ["D7", "D30", "D180"])
def test_rows_carry_the_seeded_last_activity_and_use_within_the_period(
    graph_ro: Graph, period: str
) -> None:
    rows = app_report(graph_ro, period)
    store, seeded = graph_ro.tenant.store, graph_ro.tenant.insight
    licensed = {u["userPrincipalName"] for u in graph_ro.users() if u["assignedLicenses"]}
    assert rows and {r["User Principal Name"] for r in rows} <= licensed
    days = int(period[1:])
    for row in rows:
        assert row["Report Period"] == str(days)
        refreshed = date.fromisoformat(row["Report Refresh Date"])
        kind = seeded.sign_in(int(store.user(row["User Principal Name"])[0])).kind
        last = row["Last Activity Date"]
        if kind is SignInKind.NEVER:
            assert last == ""
        used = bool(last) and date.fromisoformat(last) > refreshed - timedelta(days=days)
        flags = [row[p] == "True" for p in PLATFORMS]
        assert any(flags) is used, row["User Principal Name"]
        assert sum(flags) <= 1  # the demo uses one platform per user
        for app in APPS:
            per_platform = [row[f"{app} ({p})"] == "True" for p in PLATFORMS]
            assert (row[app] == "True") is any(per_platform)


def test_unknown_period_is_refused(graph_ro: Graph) -> None:
    answer = graph_ro.get("/reports/getM365AppUserDetail(period='D1')", allow_redirects=False)
    assert answer.status_code == 400


def test_concealed_names_are_hashed_here_too(demo_tenant: DemoTenant) -> None:
    graph = Graph(demo_tenant)
    demo_tenant.insight.concealed_names = True
    rows = app_report(graph, "D30")
    assert rows and all("@" not in r["User Principal Name"] for r in rows)


def test_desktop_only_people_are_recent_here_and_long_unused_in_the_active_user_report(
    graph_ro: Graph,
) -> None:
    from tests.insight.seeded import desktop_only

    tenant = graph_ro.tenant
    working = desktop_only(tenant, inactive_days=40)
    assert working
    apps = {r["User Principal Name"]: r for r in app_report(graph_ro, "D30")}
    active = graph_ro.get("/reports/getOffice365ActiveUserDetail(period='D30')")
    services = {
        r["User Principal Name"]: r
        for r in csv.DictReader(io.StringIO(active.content.decode("utf-8-sig")))
    }
    for upn in working:
        seeded = tenant.insight.sign_in(int(tenant.store.user(upn)[0]))
        assert seeded is not None and seeded.services_days is not None
        assert apps[upn]["Windows"] == "True"  # used within the last 30 days, on the desktop
        recent = date.fromisoformat(apps[upn]["Last Activity Date"])
        old = max(v for k, v in services[upn].items() if k.endswith("Last Activity Date") and v)
        assert (recent - date.fromisoformat(old)).days >= 40 - 26
