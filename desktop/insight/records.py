"""Plain records of what insight reads from Graph: sign-ins, report rows, subscriptions."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum

from desktop.graph.records import Sku, User


class SnapshotNote(Enum):
    """Something the snapshot could not read, said once in each formatter."""

    NO_PREMIUM_USING_REPORT = "noPremiumUsingReport"
    NAMES_CONCEALED = "namesConcealed"
    REPORT_UNREADABLE = "reportUnreadable"
    APPS_REPORT_UNREADABLE = "appsReportUnreadable"  # Microsoft 365 Apps report (desktop apps)
    SUBSCRIPTIONS_UNREADABLE = "subscriptionsUnreadable"
    SIGN_INS_DENIED = "signInsDenied"  # 403 for another reason than the licence: a permission


class ActivitySource(Enum):
    """Where a user's last activity came from (shown with every finding that uses it)."""

    SIGN_IN_ACTIVITY = "signInActivity"
    USAGE_REPORT = "usageReport"


@dataclass(frozen=True, slots=True)
class SignInActivity:
    last_successful: datetime | None = None  # lastSuccessfulSignInDateTime (since Dec 2023)
    last_interactive: datetime | None = None  # lastSignInDateTime (failed attempts too)
    last_non_interactive: datetime | None = None


@dataclass(frozen=True, slots=True)
class LastActivity:
    """A user's newest known activity, with where it comes from and which field said so."""

    moment: datetime | None  # None: never signed in / no activity recorded
    source: ActivitySource
    field: str  # "lastSuccessfulSignInDateTime", "lastSignInDateTime", "Last Activity Date"...


@dataclass(frozen=True, slots=True)
class UsageReport:
    """The usage report's per-user last activity, keyed by lower-cased user principal name."""

    refreshed: date | None
    last_activity: dict[str, date | None]
    concealed: bool  # names are hashes: nothing in it may be matched to a user


@dataclass(frozen=True, slots=True)
class Subscription:
    id: str
    sku_id: str
    sku_part_number: str
    status: str
    total_licenses: int
    is_trial: bool
    created: datetime | None
    next_lifecycle: datetime | None


@dataclass(frozen=True, slots=True)
class TenantSnapshot:
    """Everything findings are computed from, read at one moment."""

    taken_at: datetime
    users: list[User]
    skus: list[Sku]
    created: dict[str, datetime | None]  # user id -> createdDateTime
    sign_ins: dict[str, SignInActivity] | None  # None: not readable (no Entra ID P1/P2)
    usage: UsageReport | None = None  # read when sign-ins are not readable
    app_usage: UsageReport | None = None  # the Microsoft 365 Apps report, read beside it
    subscriptions: list[Subscription] = field(default_factory=list)
    tenant_id: str = ""
    notes: list[SnapshotNote] = field(default_factory=list)  # what could not be read

    @property
    def premium(self) -> bool:
        return self.sign_ins is not None
