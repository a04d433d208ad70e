"""``/directory/subscriptions`` of the demo tenant: one commerce subscription per package.

Terms and renewal dates are seeded per part number, relative to today, so they always spread
over the coming year: monthly and annual terms, a trial, one in its grace period (``Warning``)
and a suspended one. Graph does not say a subscription's billing term; the demo only encodes it
in the dates (an annual subscription renews on the day and month it was created, a monthly one on
the same day of the month), exactly what the app has to estimate it from. See
``docs/graph-facts.md``, "Subscriptions and renewals".
"""

from __future__ import annotations

import calendar
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta, timezone
from typing import Any

from desktop.demo.rows import SkuRow


@dataclass(frozen=True, slots=True)
class Term:
    status: str  # Enabled, Warning, Suspended, LockedOut, Deleted
    next_in_days: int  # nextLifecycleDateTime, days from today
    months: int  # the real billing term in months (1, 12); 0 for a trial
    trial: bool = False
    age_terms: int = 2  # how many terms ago it was bought


# Keyed by part number; packages not listed renew yearly in 180 days.
TERMS: dict[str, Term] = {
    "O365_BUSINESS_ESSENTIALS": Term("Enabled", 12, 1, age_terms=14),
    "O365_BUSINESS_PREMIUM": Term("Enabled", 40, 12),
    # Expired twelve days ago with auto-renew off: in grace until day 18 from now.
    "SPB": Term("Warning", 18, 12),
    "ENTERPRISEPACK": Term("Enabled", 45, 12),
    "EXCHANGESTANDARD": Term("Enabled", 200, 12, age_terms=1),
    "POWER_BI_STANDARD": Term("Suspended", 60, 1, age_terms=5),
    "FLOW_FREE": Term("Enabled", 25, 0, trial=True),
    "SHAREPOINTSTORAGE": Term("Enabled", 330, 12, age_terms=3),
}
DEFAULT_TERM = Term("Enabled", 180, 12)
_OWN_STATUS = frozenset({"Enabled", "Warning", "Suspended"})
TRIAL_DAYS = 30
GRACE_DAYS = 30


def months_back(moment: datetime, months: int) -> datetime:
    """The same day ``months`` earlier, clamped to the end of a shorter month."""
    total = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(total, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _dates(term: Term, today: datetime) -> tuple[datetime, datetime]:
    """(createdDateTime, nextLifecycleDateTime) for ``term`` seen on ``today``."""
    midnight = datetime.combine(today.date(), time(0, 0), tzinfo=timezone.utc)
    following = midnight + timedelta(days=term.next_in_days)
    if term.trial:
        return following - timedelta(days=TRIAL_DAYS), following
    if term.status == "Warning":
        expired = following - timedelta(days=GRACE_DAYS)
        return months_back(expired, term.months * term.age_terms), following
    return months_back(following, term.months * term.age_terms), following


def subscription_json(
    sku: SkuRow, tenant_id: str, today: datetime, commerce_id: str
) -> dict[str, Any]:
    term = TERMS.get(sku.part_number, DEFAULT_TERM)
    if sku.capability_status != term.status and sku.capability_status in _OWN_STATUS:
        # A package seeded in another state (a customer of the multi-tenant demo) has a
        # subscription in that state; the single demo's packages match TERMS.
        term = replace(term, status=sku.capability_status)
    created, following = _dates(term, today)
    return {
        "id": sku.subscription_id,
        "commerceSubscriptionId": commerce_id,
        "createdDateTime": created.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "isTrial": term.trial,
        "nextLifecycleDateTime": following.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "ownerId": None,
        "ownerTenantId": tenant_id,
        "ownerType": None,
        "serviceStatus": [
            {
                "servicePlanId": plan.plan_id,
                "servicePlanName": plan.name,
                "provisioningStatus": "Success" if term.status in ("Enabled", "Warning")
                else "Disabled",
                "appliesTo": plan.applies_to,
            }
            for plan in sku.plans
        ],
        "skuId": sku.sku_id,
        "skuPartNumber": sku.part_number,
        "status": term.status,
        "totalLicenses": sku.enabled + sku.warning + sku.suspended + sku.locked_out,
    }  # fmt: skip


def commerce_id(subscription_id: str) -> str:
    """A stable commerce id derived from the directory subscription id."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"commerce:{subscription_id}"))
