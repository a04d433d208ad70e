"""Microsoft 365 usage reports of the demo tenant, served the way Graph serves them.

``GET /reports/getOffice365ActiveUserDetail(period='D30')`` answers 302 with a short-lived,
pre-authenticated download URL on another host (here: a second loopback server on its own
port); that URL returns the CSV, starting with a byte-order mark, without any bearer token.
``GET /admin/reportSettings`` says whether the reports conceal user names; when they do, the
report's names are hashes that cannot be matched to users. See ``docs/graph-facts.md``,
"Sign-in activity and usage reports".
"""

from __future__ import annotations

import csv
import hashlib
import io
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from datetime import timedelta

from desktop.demo.context import Backend
from desktop.demo.insight_state import InsightState
from desktop.demo.router import Request, Response
from desktop.demo.rows import COL, SkuRow
from desktop.demo.transport import Drop, LoopbackHTTPServer

PERIODS = ("D7", "D30", "D90", "D180")
DOWNLOAD_LIFETIME_S = 300.0  # "valid for a few minutes"
REFRESH_LAG_DAYS = 2  # reports trail the service by a day or two
ACTIVE_USER_COLUMNS: tuple[str, ...] = (
    "Report Refresh Date",
    "User Principal Name",
    "Display Name",
    "Is Deleted",
    "Deleted Date",
    "Has Exchange License",
    "Has OneDrive License",
    "Has SharePoint License",
    "Has Skype For Business License",
    "Has Yammer License",
    "Has Teams License",
    "Exchange Last Activity Date",
    "OneDrive Last Activity Date",
    "SharePoint Last Activity Date",
    "Skype For Business Last Activity Date",
    "Yammer Last Activity Date",
    "Teams Last Activity Date",
    "Exchange License Assign Date",
    "OneDrive License Assign Date",
    "SharePoint License Assign Date",
    "Skype For Business License Assign Date",
    "Yammer License Assign Date",
    "Teams License Assign Date",
    "Assigned Products",
)
SERVICES = ("Exchange", "OneDrive", "SharePoint", "Skype For Business", "Yammer", "Teams")
# Service plans that install the desktop Office apps (Microsoft 365 Apps for enterprise/business).
DESKTOP_APP_PLANS = frozenset({"OFFICESUBSCRIPTION", "OFFICE_BUSINESS"})


def services_of(plan_names: Sequence[str]) -> set[str]:
    """Which of the report's six services a set of enabled service plans gives."""
    found: set[str] = set()
    for name in plan_names:
        if name.startswith("EXCHANGE_S_") and name != "EXCHANGE_S_FOUNDATION":
            found.add("Exchange")
        elif name.startswith("SHAREPOINT") and name not in ("SHAREPOINTWAC", "SHAREPOINTSTORAGE"):
            found.update(("SharePoint", "OneDrive"))
        elif name == "MCOSTANDARD":
            found.add("Skype For Business")
        elif name == "YAMMER_ENTERPRISE":
            found.add("Yammer")
        elif name == "TEAMS1":
            found.add("Teams")
    return found


def conceal(value: str) -> str:
    """What a concealed report shows instead of a name: a stable hash, unmatchable."""
    return hashlib.md5(value.casefold().encode(), usedforsecurity=False).hexdigest().upper()


def active_user_detail_csv(
    backend: Backend, state: InsightState, display_names: Callable[[str], str]
) -> bytes:
    today = state.today()
    refreshed = (today - timedelta(days=REFRESH_LAG_DAYS)).date()
    skus: dict[str, SkuRow] = {sku.sku_id: sku for sku in backend.store.skus()}
    order = backend.sku_order()
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ACTIVE_USER_COLUMNS)
    chunk = 2000
    after = 0
    while True:
        rows = backend.store.users_page("1", (), after, chunk)
        if not rows:
            break
        after = int(rows[-1][0])
        licenses = backend.assignments.for_users([int(r[0]) for r in rows])
        for row in rows:
            held = licenses.get(int(row[0]))
            effective = held.effective(order) if held else []
            if not effective:
                continue
            plans: list[str] = []
            products: list[str] = []
            for sku_id, disabled in effective:
                sku = skus[sku_id]
                products.append(display_names(sku.part_number).upper())
                plans.extend(p.name for p in sku.plans if p.plan_id not in disabled)
            has = services_of(plans)
            last = state.services_activity(
                int(row[0]), desktop_apps=not DESKTOP_APP_PLANS.isdisjoint(plans)
            )
            day = None if last is None else min(last.date(), refreshed)
            activity = [
                day.isoformat() if day is not None and service in has else ""
                for service in SERVICES
            ]
            assigned = str(row[COL["created"]])[:10]
            upn = str(row[COL["upn"]])
            name = str(row[COL["display_name"]])
            if state.concealed_names:
                upn, name = conceal(upn), conceal(name)
            writer.writerow(
                [
                    refreshed.isoformat(),
                    upn,
                    name,
                    "False",
                    "",
                    *("True" if service in has else "False" for service in SERVICES),
                    *activity,
                    *(assigned if service in has else "" for service in SERVICES),
                    "+".join(products),
                ]
            )
    return out.getvalue().encode("utf-8")


class DownloadHost:
    """A second loopback server that hands out report files by one-time-ish tokens."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self._files: dict[str, tuple[bytes, float]] = {}
        self._lock = threading.Lock()
        self._server = LoopbackHTTPServer((host, 0), self._handle)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="demo-report-downloads",
            daemon=True,
        )
        self._thread.start()
        self.downloads = 0

    @property
    def root_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def publish(self, content: bytes) -> str:
        """A URL that serves ``content`` for a few minutes, to anyone who has it."""
        token = secrets.token_urlsafe(24)
        with self._lock:
            now = time.monotonic()
            self._files = {k: v for k, v in self._files.items() if v[1] > now}
            self._files[token] = (content, now + DOWNLOAD_LIFETIME_S)
        return f"{self.root_url}/data/download/{token}"

    def expire_all(self) -> None:
        """Tests: every URL handed out so far stops working."""
        with self._lock:
            self._files.clear()

    def _handle(self, request: Request) -> Response | Drop:
        token = request.path.rsplit("/", 1)[-1]
        with self._lock:
            entry = self._files.get(token) if request.path.startswith("/data/download/") else None
        if request.method != "GET" or entry is None or entry[1] <= time.monotonic():
            # *unverified* what the real download host answers for an expired link.
            return Response(404, {"Content-Type": "text/plain"}, b"The link has expired.")
        self.downloads += 1
        return Response(200, {"Content-Type": "application/octet-stream"}, entry[0])

    def stop(self) -> None:
        self._server.shutdown()
        self._server.close_all()
        self._server.server_close()
        self._thread.join()
