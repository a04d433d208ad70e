"""Reads for license insight: usage reports, report settings and commerce subscriptions.

- ``GET /reports/getOffice365ActiveUserDetail(period='D7'|'D30'|'D90'|'D180')``: 302 to a
  download URL on another loopback host (``usage_report.DownloadHost``);
- ``GET /reports/getM365AppUserDetail(period=...)``: the same, the Microsoft 365 Apps report
  (``app_usage_report``);
- ``GET /admin/reportSettings``: ``displayConcealedNames``;
- ``GET /directory/subscriptions`` and ``GET /directory/subscriptions/{id}``.

Permissions each call needs (delegated): Reports.Read.All (plus a reports role) for the
report, ReportSettings.Read.All for the settings, LicenseAssignment.Read.All or
Organization.Read.All for subscriptions; see ``docs/graph-facts.md``.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from desktop.demo import errors
from desktop.demo.app_usage_report import m365_app_user_detail_csv
from desktop.demo.context import Backend, context_url
from desktop.demo.insight_state import InsightState
from desktop.demo.router import Request, Response, Router
from desktop.demo.seed import sku_definitions
from desktop.demo.subscriptions import commerce_id, subscription_json
from desktop.demo.usage_report import PERIODS, DownloadHost, active_user_detail_csv

_REPORT = r"/v1\.0/reports/getOffice365ActiveUserDetail\((?P<arg>[^/]*)\)"
_APP_REPORT = r"/v1\.0/reports/getM365AppUserDetail\((?P<arg>[^/]*)\)"


def register(
    router: Router, backend: Backend, state: InsightState, downloads: DownloadHost
) -> None:
    router.add(
        "GET", _REPORT, lambda r: active_user_detail(r, backend, state, downloads), graph=True
    )
    router.add(
        "GET", _APP_REPORT, lambda r: app_user_detail(r, backend, state, downloads), graph=True
    )
    router.add(
        "GET", r"/v1\.0/admin/reportSettings", lambda r: report_settings(r, state), graph=True
    )
    router.add(
        "GET",
        r"/v1\.0/directory/subscriptions",
        lambda r: list_subscriptions(r, backend, state),
        graph=True,
    )
    router.add(
        "GET", r"/v1\.0/directory/subscriptions/(?P<id>[^/]+)",
        lambda r: get_subscription(r, backend, state), graph=True,
    )  # fmt: skip


def _display_name(part_number: str) -> str:
    known = sku_definitions()
    return known[part_number].display_name if part_number in known else part_number


def _period(request: Request) -> str:
    argument = unquote(request.params.get("arg", "")).replace(" ", "")
    name, _, value = argument.partition("=")
    period = value.strip("'\"")
    if name != "period" or period not in PERIODS:
        # *unverified* wording of Graph's answer to an unknown period.
        raise errors.bad_request(
            f"Invalid parameter '{argument}'. Use period='D7', 'D30', 'D90' or 'D180'.",
            errors.BAD_REQUEST,
        )
    return period


def _redirect(downloads: DownloadHost, content: bytes) -> Response:
    location = downloads.publish(content)
    return Response(302, {"Location": location, "Content-Type": "text/plain"}, b"")


def active_user_detail(
    request: Request, backend: Backend, state: InsightState, downloads: DownloadHost
) -> Response:
    _period(request)
    return _redirect(downloads, active_user_detail_csv(backend, state, _display_name))


def app_user_detail(
    request: Request, backend: Backend, state: InsightState, downloads: DownloadHost
) -> Response:
    days = int(_period(request)[1:])
    return _redirect(downloads, m365_app_user_detail_csv(backend, state, days))


def report_settings(request: Request, state: InsightState) -> Response:
    return Response.json(
        200,
        {
            "@odata.context": context_url(request, "admin/reportSettings/$entity"),
            "id": "",
            "displayConcealedNames": state.concealed_names,
        },
    )


def _subscriptions(backend: Backend, state: InsightState) -> list[dict[str, Any]]:
    tenant_id = backend.store.meta("tenant_id")
    today = state.today()
    return [
        subscription_json(sku, tenant_id, today, commerce_id(sku.subscription_id))
        for sku in backend.store.skus()
    ]


def list_subscriptions(request: Request, backend: Backend, state: InsightState) -> Response:
    payload = {
        "@odata.context": context_url(request, "directory/subscriptions"),
        "value": _subscriptions(backend, state),
    }
    return Response.json(200, payload)


def get_subscription(request: Request, backend: Backend, state: InsightState) -> Response:
    wanted = request.params["id"].lower()
    for item in _subscriptions(backend, state):
        if wanted in (str(item["id"]).lower(), str(item["commerceSubscriptionId"]).lower()):
            payload = {"@odata.context": context_url(request, "directory/subscriptions/$entity")}
            payload.update(item)
            return Response.json(200, payload)
    raise errors.not_found(request.params["id"])
