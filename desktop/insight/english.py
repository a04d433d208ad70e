"""Insight in English, for the command line: finding kinds, sources, notes, terms. The window
says the same things through ``tr()`` in ``ui/``; each enum member has one entry here and a
test walks them all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from decimal import Decimal

from desktop.insight.findings import FindingKind
from desktop.insight.money import Money
from desktop.insight.records import ActivitySource, SnapshotNote
from desktop.insight.renewals import Term

KIND: Mapping[FindingKind, str] = {
    FindingKind.BLOCKED: "blocked account",
    FindingKind.NEVER: "never signed in",
    FindingKind.INACTIVE: "inactive",
    FindingKind.OVERLAP: "covered by another package",
    FindingKind.UNASSIGNED: "seats never assigned",
}
SOURCE: Mapping[ActivitySource, str] = {
    ActivitySource.SIGN_IN_ACTIVITY: "sign-in activity",
    ActivitySource.USAGE_REPORT: "usage report",
}
NOTE: Mapping[SnapshotNote, str] = {
    SnapshotNote.NO_PREMIUM_USING_REPORT: (
        "The tenant has no Microsoft Entra ID P1 or P2, so sign-in activity cannot be read: "
        "last activity comes from the Microsoft 365 usage report instead."
    ),
    SnapshotNote.NAMES_CONCEALED: (
        "The usage report hides user names (Microsoft 365 admin center > Settings > Org settings "
        "> Reports: 'Display concealed user, group, and site names'). Inactive and never-"
        "signed-in users cannot be found until that is turned off."
    ),
    SnapshotNote.REPORT_UNREADABLE: (
        "The usage report could not be read (it needs the Reports.Read.All permission and a "
        "reports role): inactive and never-signed-in users are not shown."
    ),
    SnapshotNote.APPS_REPORT_UNREADABLE: (
        "The Microsoft 365 Apps usage report could not be read: people who work only in the "
        "desktop Office apps may be shown as inactive; check them before reclaiming."
    ),
    SnapshotNote.SIGN_INS_DENIED: (
        "Sign-in activity was refused: License Desk needs the AuditLog.Read.All permission and "
        "the account a role that may read sign-in logs (e.g. Reports Reader). Last activity "
        "comes from the usage report instead."
    ),
    SnapshotNote.SUBSCRIPTIONS_UNREADABLE: (
        "Subscriptions could not be read (they need the Organization.Read.All permission): "
        "renewals are not shown."
    ),
}
TERM: Mapping[Term, str] = {
    Term.MONTHLY: "monthly (estimated)",
    Term.ANNUAL: "annual (estimated)",
    Term.MULTI_YEAR: "multi-year (estimated)",
    Term.TRIAL: "trial",
    Term.UNKNOWN: "unknown",
}


def money_text(amounts: Sequence[Money] | Mapping[str, Decimal]) -> str:
    pairs = (
        list(amounts.items())
        if isinstance(amounts, Mapping)
        else [(m.currency, m.amount) for m in amounts]
    )
    return " + ".join(f"{amount:,.2f} {currency}" for currency, amount in pairs) or "-"
