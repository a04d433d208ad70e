"""Insight in the window's words (through ``tr()``): finding kinds, sources, notes, terms and
amounts. The command line's English words are ``desktop/insight/english.py``; a test walks
every member of each enum in both."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale

from desktop.insight.findings import FindingKind
from desktop.insight.money import Money
from desktop.insight.records import ActivitySource, SnapshotNote
from desktop.insight.renewals import Term

KIND: Mapping[FindingKind, Callable[[], str]] = {
    FindingKind.BLOCKED: lambda: QCoreApplication.translate("InsightText", "Blocked account"),
    FindingKind.NEVER: lambda: QCoreApplication.translate("InsightText", "Never signed in"),
    FindingKind.INACTIVE: lambda: QCoreApplication.translate("InsightText", "Inactive"),
    FindingKind.OVERLAP: lambda: QCoreApplication.translate(
        "InsightText", "Covered by another package"
    ),
    FindingKind.UNASSIGNED: lambda: QCoreApplication.translate(
        "InsightText", "Seats never assigned"
    ),
}
SOURCE: Mapping[ActivitySource | None, Callable[[], str]] = {
    ActivitySource.SIGN_IN_ACTIVITY: lambda: QCoreApplication.translate(
        "InsightText", "sign-in activity"
    ),
    ActivitySource.USAGE_REPORT: lambda: QCoreApplication.translate("InsightText", "usage report"),
    None: lambda: QCoreApplication.translate("InsightText", "none"),
}
NOTE: Mapping[SnapshotNote, Callable[[], str]] = {
    SnapshotNote.NO_PREMIUM_USING_REPORT: lambda: QCoreApplication.translate(
        "InsightText", "No Microsoft Entra ID P1 or P2: last activity comes from the usage report."
    ),
    SnapshotNote.NAMES_CONCEALED: lambda: QCoreApplication.translate(
        "InsightText",
        "The usage report hides user names: inactive users cannot be found until that setting "
        "is turned off in the Microsoft 365 admin center.",
    ),
    SnapshotNote.REPORT_UNREADABLE: lambda: QCoreApplication.translate(
        "InsightText", "The usage report could not be read: inactive users are not shown."
    ),
    SnapshotNote.APPS_REPORT_UNREADABLE: lambda: QCoreApplication.translate(
        "InsightText",
        "The Microsoft 365 Apps usage report could not be read: people who work only in the "
        "desktop Office apps may be shown as inactive.",
    ),
    SnapshotNote.SIGN_INS_DENIED: lambda: QCoreApplication.translate(
        "InsightText",
        "Sign-in activity was refused (a permission or role is missing): last activity comes "
        "from the usage report.",
    ),
    SnapshotNote.SUBSCRIPTIONS_UNREADABLE: lambda: QCoreApplication.translate(
        "InsightText", "Subscriptions could not be read: renewals are not shown."
    ),
}
TERM: Mapping[Term, Callable[[], str]] = {
    Term.MONTHLY: lambda: QCoreApplication.translate("InsightText", "monthly (estimated)"),
    Term.ANNUAL: lambda: QCoreApplication.translate("InsightText", "annual (estimated)"),
    Term.MULTI_YEAR: lambda: QCoreApplication.translate("InsightText", "multi-year (estimated)"),
    Term.TRIAL: lambda: QCoreApplication.translate("InsightText", "trial"),
    Term.UNKNOWN: lambda: QCoreApplication.translate("InsightText", "unknown"),
}


def money(amounts: Sequence[Money] | Mapping[str, Decimal]) -> str:
    """Amounts in the user's locale, currencies joined; a dash when there are none."""
    pairs = (
        list(amounts.items())
        if isinstance(amounts, Mapping)
        else [(m.currency, m.amount) for m in amounts]
    )
    locale = QLocale()
    return " + ".join(f"{locale.toString(float(a), 'f', 2)} {c}" for c, a in pairs) or "–"
