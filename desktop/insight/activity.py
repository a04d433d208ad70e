"""A user's last activity, from sign-in activity or, without Entra ID P1, the usage report.

With sign-in activity: ``lastSuccessfulSignInDateTime``; when Graph has none (it fills it only
since December 2023) the newest of ``lastSignInDateTime`` and the non-interactive one, so an
old sign-in still counts as one. Without P1: the newer of the active-user report's newest
per-service activity and the Microsoft 365 Apps report's last activity (which also sees the
desktop Office apps), matched by user principal name, and only when names are not concealed.
A user neither report lists is unknown. ``None`` means the
activity is unknown (no finding may rest on it); ``LastActivity.moment is None`` means "never".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timezone

from desktop.graph.records import User
from desktop.insight.records import (
    ActivitySource,
    LastActivity,
    SignInActivity,
    TenantSnapshot,
    UsageReport,
)

FIELD_SUCCESS = "lastSuccessfulSignInDateTime"
FIELD_INTERACTIVE = "lastSignInDateTime"
FIELD_NON_INTERACTIVE = "lastNonInteractiveSignInDateTime"
FIELD_REPORT = "Last Activity Date"
FIELD_APPS_REPORT = "Last Activity Date (Microsoft 365 Apps)"


def activity_source(snapshot: TenantSnapshot) -> ActivitySource | None:
    """Which source findings rest on; None when neither can be used."""
    if snapshot.sign_ins is not None:
        return ActivitySource.SIGN_IN_ACTIVITY
    if _readable_reports(snapshot):
        return ActivitySource.USAGE_REPORT
    return None


def _readable_reports(snapshot: TenantSnapshot) -> list[tuple[UsageReport, str]]:
    """The reports whose names can be matched, each with the field its dates come from;
    the active-user report first, so it names the evidence when both say the same day."""
    pairs = ((snapshot.usage, FIELD_REPORT), (snapshot.app_usage, FIELD_APPS_REPORT))
    return [(report, name) for report, name in pairs if report is not None and not report.concealed]


Evidence = tuple[datetime | None, ActivitySource, str]  # LastActivity's fields, unwrapped


def last_activity(snapshot: TenantSnapshot, user: User) -> LastActivity | None:
    found = latest(snapshot, user)
    return None if found is None else LastActivity(*found)


def latest(snapshot: TenantSnapshot, user: User) -> Evidence | None:
    """``last_activity`` as a plain tuple: findings keep a ``LastActivity`` only for the users
    they name."""
    return evidence_reader(snapshot)(user)


EvidenceReader = Callable[[User], Evidence | None]


def evidence_reader(snapshot: TenantSnapshot) -> EvidenceReader:
    """``latest`` for every user of one snapshot, with what does not depend on the user (the
    source, the readable reports) settled once: findings ask it for every licensed user of a
    100,000-user tenant."""
    if snapshot.sign_ins is not None:
        return _sign_in_reader(snapshot.sign_ins)
    return _report_reader([(r.last_activity, name) for r, name in _readable_reports(snapshot)])


def _sign_in_reader(sign_ins: dict[str, SignInActivity]) -> EvidenceReader:
    seen_of = sign_ins.get
    source = ActivitySource.SIGN_IN_ACTIVITY

    def read(user: User) -> Evidence | None:
        seen = seen_of(user.id)
        if seen is None:
            return None
        successful = seen.last_successful
        if successful is not None:  # most users
            return successful, source, FIELD_SUCCESS
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
            return moment, source, name
        return None, source, FIELD_SUCCESS

    return read


def _report_reader(reports: list[tuple[dict[str, date | None], str]]) -> EvidenceReader:
    """``reports``: each readable report's days by case-folded name, with its field name."""

    def read(user: User) -> Evidence | None:
        key = user.user_principal_name.casefold()
        # (day, field) from each report that lists the user; a listed user without a day: never.
        listed = [(days[key], name) for days, name in reports if key in days]
        if not listed:
            return None  # in no report (e.g. licensed after it was refreshed): unknown
        dated = [(day, name) for day, name in listed if day is not None]
        if not dated:
            return None, ActivitySource.USAGE_REPORT, listed[0][1]
        day, name = max(dated, key=lambda pair: pair[0])  # the first of equal days
        when = datetime.combine(day, time(0, 0), tzinfo=timezone.utc)
        return when, ActivitySource.USAGE_REPORT, name

    return read
