"""Reading the Microsoft 365 usage reports (CSV) into last-activity dates.

The active-user report starts with a byte-order mark and has one row per user; a user's last
activity is the newest of the six per-service "Last Activity Date" columns (empty when none). A
user holding none of the six services cannot show activity there, so such a row says nothing
(left out). When the tenant conceals names, the user principal names are hashes: such a report
is kept but marked ``concealed`` and never matched to anyone. See ``docs/graph-facts.md``,
"Sign-in activity and usage reports".

The Microsoft 365 Apps report has one row per user holding an app it covers (Outlook, Word,
Excel, PowerPoint, OneNote, Teams on any platform) and one "Last Activity Date" for all of
them; it also sees the desktop apps, which the active-user report does not. Same rules for
concealed names.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date

from desktop.csv_read import csv_dict_reader
from desktop.graph.errors import ProtocolError
from desktop.insight.records import UsageReport

ACTIVE_USER_DETAIL = "reports/getOffice365ActiveUserDetail(period='{period}')"
APP_USER_DETAIL = "reports/getM365AppUserDetail(period='{period}')"
PERIODS = ("D7", "D30", "D90", "D180")
UPN = "User Principal Name"
REFRESHED = "Report Refresh Date"
SERVICES = ("Exchange", "OneDrive", "SharePoint", "Skype For Business", "Yammer", "Teams")
ACTIVITY_COLUMNS = tuple(f"{service} Last Activity Date" for service in SERVICES)
LICENSE_COLUMNS = tuple(f"Has {service} License" for service in SERVICES)
APP_ACTIVITY_COLUMN = "Last Activity Date"


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


def _rows(content: bytes, where: str, needed: tuple[str, ...]) -> csv.DictReader[str]:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProtocolError(f"{where} is not UTF-8 text.") from None
    reader = csv_dict_reader(io.StringIO(text))
    columns = set(reader.fieldnames or ())
    missing = [c for c in needed if c not in columns]
    if missing:
        raise ProtocolError(f"{where} lacks the column(s) {', '.join(missing)}.")
    return reader


def _report(
    content: bytes,
    where: str,
    needed: tuple[str, ...],
    last_of: Callable[[dict[str, str], str], tuple[bool, date | None]],
    concealed_setting: bool | None,
) -> UsageReport:
    """``last_of(row, place)``: whether the row can tell anything, and its last activity."""
    last: dict[str, date | None] = {}
    refreshed: date | None = None
    hashed = 0
    for number, row in enumerate(_rows(content, where, (UPN, REFRESHED, *needed)), start=2):
        place = f"{where}, line {number}"
        upn = (row.get(UPN) or "").strip()
        if not upn:
            continue
        if looks_concealed(upn):
            hashed += 1
        refreshed = refreshed or _date(row.get(REFRESHED) or "", place)
        telling, day = last_of(row, place)
        if telling:
            last[upn.casefold()] = day
    concealed = bool(concealed_setting) or hashed > 0
    return UsageReport(refreshed, {} if concealed else last, concealed)


def _active_user_last(row: dict[str, str], place: str) -> tuple[bool, date | None]:
    if not any((row.get(c) or "").strip().lower() == "true" for c in LICENSE_COLUMNS):
        return False, None  # none of the report's services: it cannot tell whether they are used
    days = [_date(row.get(column) or "", place) for column in ACTIVITY_COLUMNS]
    known = [d for d in days if d is not None]
    return True, max(known) if known else None


def _app_user_last(row: dict[str, str], place: str) -> tuple[bool, date | None]:
    return True, _date(row.get(APP_ACTIVITY_COLUMN) or "", place)


def parse_active_user_detail(content: bytes, *, concealed_setting: bool | None) -> UsageReport:
    """``concealed_setting`` is what ``/admin/reportSettings`` said (None: could not read it);
    a report whose names look hashed counts as concealed whatever the setting said."""
    needed = (*LICENSE_COLUMNS, *ACTIVITY_COLUMNS)
    return _report(content, "the usage report", needed, _active_user_last, concealed_setting)


def parse_app_user_detail(content: bytes, *, concealed_setting: bool | None) -> UsageReport:
    """The Microsoft 365 Apps report, read by the same rules as the active-user report."""
    where = "the Microsoft 365 Apps usage report"
    return _report(content, where, (APP_ACTIVITY_COLUMN,), _app_user_last, concealed_setting)
