"""The Microsoft 365 Apps report (getM365AppUserDetail) as a second usage report without P1:
a person who works only in the desktop Office apps looks inactive in the active-user report
but not in the apps report, and is not a finding. With P1 the apps report is not needed;
with concealed names it is never matched."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.demo.errors import EnvelopeError, error_response
from desktop.demo.example_prices import EXAMPLE_PRICES
from desktop.demo.router import Request
from desktop.graph.client import GraphClient
from desktop.graph.errors import ProtocolError
from desktop.insight.activity import FIELD_APPS_REPORT, last_activity
from desktop.insight.findings import FindingKind, find
from desktop.insight.prices import PriceBook
from desktop.insight.records import ActivitySource, SnapshotNote
from desktop.insight.snapshot import read_snapshot
from desktop.insight.usage import parse_app_user_detail
from tests.demo_tenant import DemoTenantForTests as DemoTenant
from tests.insight.seeded import desktop_only, expected
from tests.insight.test_findings_demo import assert_matches, by_user

PRICES = PriceBook.from_mapping(EXAMPLE_PRICES)


@pytest.mark.parametrize("days", [30, 90, 180])
def test_without_p1_desktop_app_users_are_not_inactive(
    demo_tenant: DemoTenant, client: GraphClient, days: int
) -> None:
    demo_tenant.insight.premium = False
    working = desktop_only(demo_tenant, inactive_days=days)
    assert working, "the demo seeds people who work only in the desktop apps"
    snapshot = read_snapshot(client)
    assert snapshot.notes == [SnapshotNote.NO_PREMIUM_USING_REPORT]
    assert snapshot.app_usage is not None and not snapshot.app_usage.concealed
    findings = find(snapshot, prices=PRICES, inactive_days=days)
    assert findings.source is ActivitySource.USAGE_REPORT
    assert_matches(findings, expected(demo_tenant, inactive_days=days, report=True))
    assert not working & set(by_user(findings, FindingKind.INACTIVE))
    users = {u.user_principal_name: u for u in snapshot.users}
    for upn in working:
        evidence = last_activity(snapshot, users[upn])
        assert evidence is not None and evidence.field == FIELD_APPS_REPORT
    # The active-user report alone would call each of them inactive.
    alone = find(replace(snapshot, app_usage=None), prices=PRICES, inactive_days=days)
    assert working <= set(by_user(alone, FindingKind.INACTIVE))


def test_with_p1_the_apps_report_is_not_read_and_sign_ins_show_them_active(
    demo_tenant: DemoTenant, client: GraphClient
) -> None:
    working = desktop_only(demo_tenant, inactive_days=90)
    snapshot = read_snapshot(client)
    assert snapshot.premium and snapshot.usage is None and snapshot.app_usage is None
    assert demo_tenant.report_downloads.downloads == 0
    findings = find(snapshot, prices=PRICES)
    assert_matches(findings, expected(demo_tenant, inactive_days=90))
    assert working and not working & set(by_user(findings, FindingKind.INACTIVE))


def test_concealed_names_in_the_apps_report_are_never_matched(
    demo_tenant: DemoTenant, client: GraphClient
) -> None:
    demo_tenant.insight.premium = False
    demo_tenant.insight.concealed_names = True
    snapshot = read_snapshot(client)
    assert snapshot.app_usage is not None
    assert snapshot.app_usage.concealed and snapshot.app_usage.last_activity == {}
    assert snapshot.notes.count(SnapshotNote.NAMES_CONCEALED) == 1
    findings = find(snapshot, prices=PRICES)
    assert findings.source is None
    assert_matches(findings, expected(demo_tenant, inactive_days=90, concealed=True))


def test_an_unreadable_apps_report_is_said_and_the_other_report_still_used(
    demo_tenant: DemoTenant, client: GraphClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo_tenant.insight.premium = False
    handle = demo_tenant.handle

    def without_apps_report(request: Request) -> object:
        if "getm365appuserdetail" in request.path.lower():
            failure = EnvelopeError(500, "UnknownError", "The report is not available.")
            return error_response(
                failure.status, failure.code, failure.message,
                request_id=request.request_id, client_request_id=None,
            )  # fmt: skip
        return handle(request)

    monkeypatch.setattr(demo_tenant, "handle", without_apps_report)
    snapshot = read_snapshot(client)
    assert snapshot.notes == [
        SnapshotNote.NO_PREMIUM_USING_REPORT,
        SnapshotNote.APPS_REPORT_UNREADABLE,
    ]
    assert snapshot.usage is not None and snapshot.app_usage is None
    findings = find(snapshot, prices=PRICES)
    assert findings.source is ActivitySource.USAGE_REPORT
    # Without the apps report the desktop-only people do look inactive: hence the note.
    assert desktop_only(demo_tenant, inactive_days=90) <= set(
        by_user(findings, FindingKind.INACTIVE)
    )


HEADER = "Report Refresh Date,User Principal Name,Last Activation Date,Last Activity Date"


def test_the_apps_report_is_read_by_name_with_empty_dates_as_no_activity() -> None:
    content = (
        "\ufeff" + HEADER + "\r\n"
        "2026-11-28,Anna.Nowak@Example.pl,2026-01-02,2026-11-27\r\n"
        "2026-11-28,jan.kowalski@example.pl,,\r\n"
    ).encode()
    report = parse_app_user_detail(content, concealed_setting=False)
    assert str(report.refreshed) == "2026-11-28" and not report.concealed
    assert {k: str(v) if v else None for k, v in report.last_activity.items()} == {
        "anna.nowak@example.pl": "2026-11-27",
        "jan.kowalski@example.pl": None,
    }


def test_hashed_names_or_the_setting_conceal_the_apps_report() -> None:
    hashed = f"{HEADER}\n2026-11-28,5F3C0A9E1B,,2026-11-27\n".encode()
    assert parse_app_user_detail(hashed, concealed_setting=False).concealed
    plain = f"{HEADER}\n2026-11-28,anna@example.pl,,2026-11-27\n".encode()
    concealed = parse_app_user_detail(plain, concealed_setting=True)
    assert concealed.concealed and concealed.last_activity == {}


def test_a_report_without_its_columns_is_a_protocol_error() -> None:
    with pytest.raises(ProtocolError, match="Last Activity Date"):
        parse_app_user_detail(b"Report Refresh Date,User Principal Name\n", concealed_setting=None)
