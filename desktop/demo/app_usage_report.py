"""The Microsoft 365 Apps usage report of the demo tenant, as Graph serves it.

``GET /reports/getM365AppUserDetail(period='D7'|'D30'|'D90'|'D180')`` answers like the
active-user report: 302 to a short-lived download URL on the other loopback host, whose CSV
starts with a byte-order mark. Columns as Microsoft documents them
(https://learn.microsoft.com/graph/api/reportroot-getm365appuserdetail): the refresh date, the
user, last activation and last activity dates, the period in days, then whether the user used
the apps on each platform (Windows, Mac, Mobile, Web), each app (Outlook, Word, Excel,
PowerPoint, OneNote, Teams), and each app per platform, as True/False.

Rows are the users holding an app the report covers; "used" means activity within the period
(the demo's one last-activity date stands for all of a user's apps: desktop apps on Windows for
holders of Microsoft 365 Apps, the web otherwise). Concealed names are hashed as in the other
report. A desktop-only user (``SignIn.services_days``) shows recent use here while the
active-user report shows their services long unused; License Desk reads both without P1
(docs/insights.md).
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from desktop.demo.context import Backend
from desktop.demo.insight_state import InsightState
from desktop.demo.rows import COL, SkuRow
from desktop.demo.usage_report import DESKTOP_APP_PLANS, REFRESH_LAG_DAYS, conceal

PLATFORMS = ("Windows", "Mac", "Mobile", "Web")
APPS = ("Outlook", "Word", "Excel", "PowerPoint", "OneNote", "Teams")
APP_USER_COLUMNS: tuple[str, ...] = (
    "Report Refresh Date",
    "User Principal Name",
    "Last Activation Date",
    "Last Activity Date",
    "Report Period",
    *PLATFORMS,
    *APPS,
    *(f"{app} ({platform})" for platform in PLATFORMS for app in APPS),
)
_WEB_APPS = frozenset({"SHAREPOINTWAC", "OFFICEMOBILE_SUBSCRIPTION"})


def apps_of(plan_names: set[str]) -> tuple[set[str], str | None]:
    """The report's apps a user's enabled plans give, and the platform they use them on."""
    apps: set[str] = set()
    if any(
        name.startswith("EXCHANGE_S_") and name != "EXCHANGE_S_FOUNDATION" for name in plan_names
    ):
        apps.add("Outlook")
    office = plan_names & (DESKTOP_APP_PLANS | _WEB_APPS)
    if office:
        apps.update(("Word", "Excel", "PowerPoint", "OneNote"))
    if "TEAMS1" in plan_names:
        apps.add("Teams")
    if not apps:
        return apps, None
    return apps, "Windows" if plan_names & DESKTOP_APP_PLANS else "Web"


def m365_app_user_detail_csv(backend: Backend, state: InsightState, period_days: int) -> bytes:
    today = state.today()
    refreshed = (today - timedelta(days=REFRESH_LAG_DAYS)).date()
    since = refreshed - timedelta(days=period_days)
    skus: dict[str, SkuRow] = {sku.sku_id: sku for sku in backend.store.skus()}
    order = backend.sku_order()
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(APP_USER_COLUMNS)
    after = 0
    while rows := backend.store.users_page("1", (), after, 2000):
        after = int(rows[-1][0])
        licenses = backend.assignments.for_users([int(r[0]) for r in rows])
        for row in rows:
            held = licenses.get(int(row[0]))
            plans = {
                plan.name
                for sku_id, disabled in (held.effective(order) if held else [])
                for plan in skus[sku_id].plans
                if plan.plan_id not in disabled
            }
            apps, platform = apps_of(plans)
            if platform is None:
                continue
            last = state.last_activity(int(row[0]))
            day = None if last is None else min(last.date(), refreshed)
            used = day is not None and day > since
            upn = str(row[COL["upn"]])
            activated = str(row[COL["created"]])[:10] if platform == "Windows" else ""
            writer.writerow(
                [
                    refreshed.isoformat(),
                    conceal(upn) if state.concealed_names else upn,
                    activated,
                    day.isoformat() if day is not None else "",
                    str(period_days),
                    *(_flag(used and p == platform) for p in PLATFORMS),
                    *(_flag(used and a in apps) for a in APPS),
                    *(_flag(used and p == platform and a in apps) for p in PLATFORMS for a in APPS),
                ]
            )
    return out.getvalue().encode("utf-8")


def _flag(value: bool) -> str:
    return "True" if value else "False"
