"""Reading the Microsoft 365 active-user usage report (CSV) into last-activity dates.

The report starts with a byte-order mark and has one row per user; a user's last activity is the
newest of the six per-service "Last Activity Date" columns (empty when none). A user holding none
of the six services cannot show activity there, so such a row says nothing (left out). When the
tenant conceals names, the user principal names are hashes: such a report is kept but marked
``concealed`` and never matched to anyone. See ``docs/graph-facts.md``, "Sign-in activity and
usage reports".
"""

from __future__ import annotations

import csv
import io
from datetime import date

from desktop.graph.errors import ProtocolError
from desktop.insight.records import UsageReport

ACTIVE_USER_DETAIL = "reports/getOffice365ActiveUserDetail(period='{period}')"
PERIODS = ("D7", "D30", "D90", "D180")
UPN = "User Principal Name"
REFRESHED = "Report Refresh Date"
SERVICES = ("Exchange", "OneDrive", "SharePoint", "Skype For Business", "Yammer", "Teams")
ACTIVITY_COLUMNS = tuple(f"{service} Last Activity Date" for service in SERVICES)
LICENSE_COLUMNS = tuple(f"Has {service} License" for service in SERVICES)


def _date(text: str, where: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise ProtocolError(f"{where}: '{text}' is not a date.") from None


def looks_concealed(upn: str) -> bool:
    """Concealed names are opaque tokens: no '@' and no domain."""
    return "@" not in upn


def parse_active_user_detail(content: bytes, *, concealed_setting: bool | None) -> UsageReport:
    """``concealed_setting`` is what ``/admin/reportSettings`` said (None: could not read it);
    a report whose names look hashed counts as concealed whatever the setting said."""
    where = "the usage report"
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProtocolError(f"{where} is not UTF-8 text.") from None
    reader = csv.DictReader(io.StringIO(text))
    columns = set(reader.fieldnames or ())
    missing = [c for c in (UPN, REFRESHED, *LICENSE_COLUMNS, *ACTIVITY_COLUMNS) if c not in columns]
    if missing:
        raise ProtocolError(f"{where} lacks the column(s) {', '.join(missing)}.")
    last: dict[str, date | None] = {}
    refreshed: date | None = None
    hashed = 0
    for number, row in enumerate(reader, start=2):
        place = f"{where}, line {number}"
        upn = (row.get(UPN) or "").strip()
        if not upn:
            continue
        if looks_concealed(upn):
            hashed += 1
        refreshed = refreshed or _date(row.get(REFRESHED) or "", place)
        if not any((row.get(c) or "").strip().lower() == "true" for c in LICENSE_COLUMNS):
            continue  # none of the report's services: it cannot tell whether they are used
        days = [_date(row.get(column) or "", place) for column in ACTIVITY_COLUMNS]
        known = [d for d in days if d is not None]
        last[upn.casefold()] = max(known) if known else None
    concealed = bool(concealed_setting) or hashed > 0
    return UsageReport(refreshed, {} if concealed else last, concealed)
