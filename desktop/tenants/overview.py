"""The cross-tenant overview: one row per tenant, read in parallel, one failure never hiding
the others (a tenant without consent or roles says so on its own row).

    rows = build_overview(registry.tenants, connect)   # connect(tenant) -> GraphClient
    [row for row in rows if row.attention]              # the customers that need action
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from decimal import Decimal
from enum import Enum
from pathlib import Path

from desktop.auth.errors import AuthError
from desktop.cancel import CancelToken
from desktop.catalog import sku_name
from desktop.graph.client import GraphClient
from desktop.graph.errors import (
    AuthenticationError,
    CancelledError,
    LicenseDeskError,
    PermissionDeniedError,
)
from desktop.insight.money import Money, totals
from desktop.insight.renewals import Renewal
from desktop.tenants.errors import TenantAccessError
from desktop.tenants.families import family_of
from desktop.tenants.parallel import DEFAULT_WORKERS, for_each_tenant
from desktop.tenants.reading import TenantReading, read_tenant
from desktop.tenants.records import KnownTenant
from desktop.tenants.settings import DEFAULT_WASTE_ALERT_PERCENT
from desktop.tenants.tokens import may_write_licenses

log = logging.getLogger(__name__)

UPCOMING_DAYS = 30  # renewals and grace periods the overview warns about

Connect = Callable[[KnownTenant], GraphClient]


class Status(Enum):
    OK = "ok"
    NO_ACCESS = "no access"  # no token (no consent, no relationship) or no role to read
    ERROR = "error"  # anything else: the reason says what


class Attention(Enum):
    """Why a tenant needs action, most urgent first."""

    NO_ACCESS = "no access"
    ERROR = "error"
    OUT_OF_SEATS = "out of seats"
    ASSIGNMENT_ERRORS = "assignment errors"
    IN_GRACE = "in grace"
    WASTE = "waste"
    NO_LICENSE_WRITES = "no license writes"


@dataclass(frozen=True, slots=True)
class PackageSeats:
    sku_id: str
    part_number: str
    name: str
    family: str
    total: int
    assigned: int
    free: int
    monthly_waste: Money | None

    @property
    def out_of_seats(self) -> bool:
        return self.total > 0 and self.assigned >= self.total


@dataclass(frozen=True, slots=True)
class FamilySeats:
    family: str
    total: int
    assigned: int
    free: int


@dataclass(frozen=True, slots=True)
class Upcoming:
    """A subscription renewing, or in its grace period, within ``UPCOMING_DAYS``."""

    part_number: str
    status: str
    renews_on: date | None
    days: int | None
    in_grace: bool
    reduce_before_renewal: bool


@dataclass(frozen=True, slots=True)
class TenantRow:
    tenant: KnownTenant
    status: Status
    reason: str = ""
    packages: tuple[PackageSeats, ...] = ()
    monthly_cost: dict[str, Decimal] = field(default_factory=dict)
    monthly_waste: dict[str, Decimal] = field(default_factory=dict)
    assignment_errors: int = 0  # users with a license assignment in error
    upcoming: tuple[Upcoming, ...] = ()
    refreshed_at: datetime | None = None
    may_write_licenses: bool | None = None  # None: not known until a write is tried
    users: int = 0
    # The tenant's own threshold of "much waste" (settings.py says why the default is what it is).
    waste_alert_percent: int = DEFAULT_WASTE_ALERT_PERCENT

    @property
    def families(self) -> list[FamilySeats]:
        sums: dict[str, list[int]] = {}
        for package in self.packages:
            sum_ = sums.setdefault(package.family, [0, 0, 0])
            sum_[0] += package.total
            sum_[1] += package.assigned
            sum_[2] += package.free
        return [FamilySeats(name, *sums[name]) for name in sorted(sums)]

    @property
    def attention(self) -> list[Attention]:
        found: list[Attention] = []
        if self.status is Status.NO_ACCESS:
            return [Attention.NO_ACCESS]
        if self.status is Status.ERROR:
            return [Attention.ERROR]
        if any(p.out_of_seats for p in self.packages):
            found.append(Attention.OUT_OF_SEATS)
        if self.assignment_errors:
            found.append(Attention.ASSIGNMENT_ERRORS)
        if any(u.in_grace for u in self.upcoming):
            found.append(Attention.IN_GRACE)
        if self.wasteful:
            found.append(Attention.WASTE)
        if self.may_write_licenses is False:
            found.append(Attention.NO_LICENSE_WRITES)
        return found

    @property
    def wasteful(self) -> bool:
        """The month's waste reaches the tenant's share of its monthly cost (per currency)."""
        share = Decimal(self.waste_alert_percent) / 100
        return any(
            amount > 0 and amount >= share * self.monthly_cost.get(currency, Decimal(0))
            for currency, amount in self.monthly_waste.items()
        )


def row_from(reading: TenantReading, may_write: bool | None = None) -> TenantRow:
    packages = tuple(
        PackageSeats(
            p.sku_id,
            p.part_number,
            sku_name(p.sku_id, p.part_number),
            family_of(p.part_number),
            p.total,
            p.assigned,
            p.free,
            p.monthly_waste,
        )
        for p in reading.packages
    )
    errors = sum(1 for user in reading.snapshot.users if user.errors)
    return TenantRow(
        tenant=reading.tenant,
        status=Status.OK,
        packages=packages,
        monthly_cost=totals(p.price.times(p.total) for p in reading.packages if p.price),
        monthly_waste=totals(p.monthly_waste for p in reading.packages if p.monthly_waste),
        assignment_errors=errors,
        upcoming=tuple(_upcoming(reading)),
        refreshed_at=reading.snapshot.taken_at,
        may_write_licenses=may_write,
        users=len(reading.snapshot.users),
        waste_alert_percent=reading.settings.waste_alert_percent,
    )


def _upcoming(reading: TenantReading) -> list[Upcoming]:
    found: list[Upcoming] = []
    for renewal in reading.renewals:
        part = renewal.subscription.sku_part_number
        if reading.settings.excludes(part) or not _soon(renewal):
            continue
        found.append(
            Upcoming(
                part,
                renewal.subscription.status,
                renewal.renews_on,
                renewal.days_to_renewal,
                renewal.subscription.status == "Warning",
                renewal.reduce_before_renewal,
            )
        )
    return found


def _soon(renewal: Renewal) -> bool:
    days = renewal.days_to_renewal
    return days is not None and 0 <= days <= UPCOMING_DAYS


def failed_row(tenant: KnownTenant, error: BaseException) -> TenantRow:
    """The row of a tenant that could not be read, saying why."""
    now = datetime.now(timezone.utc)
    if isinstance(error, PermissionDeniedError):
        reason = f"No role to read this tenant: {error.message}"
        return TenantRow(tenant, Status.NO_ACCESS, reason, refreshed_at=now)
    if isinstance(error, AuthenticationError):
        return TenantRow(tenant, Status.NO_ACCESS, error.message, refreshed_at=now)
    if isinstance(error, TenantAccessError | AuthError):
        return TenantRow(tenant, Status.NO_ACCESS, str(error), refreshed_at=now)
    if isinstance(error, LicenseDeskError):
        return TenantRow(tenant, Status.ERROR, str(error), refreshed_at=now)
    log.error("Reading tenant %s failed", tenant.tenant_id, exc_info=error)
    return TenantRow(tenant, Status.ERROR, f"Unexpected failure ({type(error).__name__}).")


def overview_row(
    tenant: KnownTenant,
    connect: Connect,
    *,
    root: Path | None = None,
    now: datetime | None = None,
    cancel: CancelToken | None = None,
) -> TenantRow:
    """One tenant's row; every failure becomes the row's status and reason."""
    try:
        client = connect(tenant)
    except Exception as exc:
        return failed_row(tenant, exc)
    try:
        client.tokens.token()  # no token, no consent: say so before reading anything
        reading = read_tenant(tenant, client, root=root, now=now, cancel=cancel)
        return row_from(reading, may_write_licenses(client.tokens))
    except CancelledError:
        raise
    except Exception as exc:  # one tenant's failure is its own row, never the others'
        return failed_row(tenant, exc)
    finally:
        client.close()


def build_overview(
    tenants: Sequence[KnownTenant],
    connect: Connect,
    *,
    root: Path | None = None,
    workers: int = DEFAULT_WORKERS,
    now: datetime | None = None,
    cancel: CancelToken | None = None,
    on_row: Callable[[TenantRow], None] | None = None,
) -> list[TenantRow]:
    """Every tenant's row, read in parallel on at most ``workers`` threads."""
    return for_each_tenant(
        tenants,
        lambda t: overview_row(t, connect, root=root, now=now, cancel=cancel),
        workers=workers,
        on_done=on_row,
        cancel=cancel,
    )
