"""A user's last activity, from sign-in activity or, without Entra ID P1, the usage report.

With sign-in activity: ``lastSuccessfulSignInDateTime``; when Graph has none (it fills it only
since December 2023) the newest of ``lastSignInDateTime`` and the non-interactive one, so an
old sign-in still counts as one. Without P1: the usage report's newest per-service activity,
matched by user principal name, and only when the names are not concealed. ``None`` means the
activity is unknown (no finding may rest on it); ``LastActivity.moment is None`` means "never".
"""

from __future__ import annotations

from datetime import datetime, time, timezone

from desktop.graph.records import User
from desktop.insight.records import ActivitySource, LastActivity, TenantSnapshot

FIELD_SUCCESS = "lastSuccessfulSignInDateTime"
FIELD_INTERACTIVE = "lastSignInDateTime"
FIELD_NON_INTERACTIVE = "lastNonInteractiveSignInDateTime"
FIELD_REPORT = "Last Activity Date"


def activity_source(snapshot: TenantSnapshot) -> ActivitySource | None:
    """Which source findings rest on; None when neither can be used."""
    if snapshot.sign_ins is not None:
        return ActivitySource.SIGN_IN_ACTIVITY
    if snapshot.usage is not None and not snapshot.usage.concealed:
        return ActivitySource.USAGE_REPORT
    return None


def last_activity(snapshot: TenantSnapshot, user: User) -> LastActivity | None:
    if snapshot.sign_ins is not None:
        seen = snapshot.sign_ins.get(user.id)
        if seen is None:
            return None
        source = ActivitySource.SIGN_IN_ACTIVITY
        if seen.last_successful is not None:
            return LastActivity(seen.last_successful, source, FIELD_SUCCESS)
        older = [
            (moment, name)
            for moment, name in (
                (seen.last_interactive, FIELD_INTERACTIVE),
                (seen.last_non_interactive, FIELD_NON_INTERACTIVE),
            )
            if moment is not None
        ]
        if older:
            moment, name = max(older)
            return LastActivity(moment, source, name)
        return LastActivity(None, source, FIELD_SUCCESS)
    report = snapshot.usage
    if report is None or report.concealed:
        return None
    key = user.user_principal_name.casefold()
    if key not in report.last_activity:
        return None  # not in the report (e.g. licensed after it was refreshed): unknown
    day = report.last_activity[key]
    when = None if day is None else datetime.combine(day, time(0, 0), tzinfo=timezone.utc)
    return LastActivity(when, ActivitySource.USAGE_REPORT, FIELD_REPORT)
