"""Subscriptions and renewals: status, seats, trial flag, renewal date and an estimated term.

Graph does not give a subscription's billing term, so it is estimated from its dates and always
shown as an estimate: renewing on the same day and month it was created, whole years later, is
annual (three years or more: multi-year); on the same day of the month, monthly; a trial is a
trial; anything else unknown. "Reduce before renewal" is raised only for annual or longer terms
with unused seats, in the 60 days before the renewal; monthly terms never raise it (the count
can be lowered any month). See ``docs/graph-facts.md``, "Subscriptions and renewals".
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

from desktop.graph.records import Sku
from desktop.insight.records import Subscription

REDUCE_WINDOW_DAYS = 60
_DAY_SLACK = 1  # renewals may be stamped a day off (time zones)


class Term(Enum):
    MONTHLY = "monthly"
    ANNUAL = "annual"
    MULTI_YEAR = "multiYear"
    TRIAL = "trial"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Renewal:
    subscription: Subscription
    term: Term  # always an estimate
    renews_on: date | None
    days_to_renewal: int | None
    unused_seats: int | None  # free seats of the package; None when the package is not listed
    reduce_before_renewal: bool


def _same_day_of_month(first: date, second: date) -> bool:
    if abs(first.day - second.day) <= _DAY_SLACK:
        return True
    last_day = calendar.monthrange(second.year, second.month)[1]
    return first.day > last_day and second.day == last_day  # the 31st renews on the 30th


def estimate_term(subscription: Subscription) -> Term:
    if subscription.is_trial:
        return Term.TRIAL
    created, following = subscription.created, subscription.next_lifecycle
    if created is None or following is None or following <= created:
        return Term.UNKNOWN
    start, end = created.date(), following.date()
    if subscription.status == "Warning":
        return Term.UNKNOWN  # expired: the next date ends the grace period, not a term
    months = (end.year - start.year) * 12 + end.month - start.month
    if not _same_day_of_month(start, end) or months < 1:
        return Term.UNKNOWN
    if months % 12 == 0:
        return Term.MULTI_YEAR if months >= 36 and months % 36 == 0 else Term.ANNUAL
    return Term.MONTHLY


def renewals(subscriptions: list[Subscription], skus: list[Sku], now: datetime) -> list[Renewal]:
    by_id = {sku.sku_id: sku for sku in skus}
    found: list[Renewal] = []
    for subscription in subscriptions:
        term = estimate_term(subscription)
        following = subscription.next_lifecycle
        renews_on = following.date() if following else None
        days = None if renews_on is None else (renews_on - now.date()).days
        sku = by_id.get(subscription.sku_id)
        unused = sku.free if sku is not None else None
        reduce = (
            term in (Term.ANNUAL, Term.MULTI_YEAR)
            and subscription.status == "Enabled"
            and unused is not None
            and unused > 0
            and days is not None
            and 0 <= days <= REDUCE_WINDOW_DAYS
        )
        found.append(Renewal(subscription, term, renews_on, days, unused, reduce))
    found.sort(key=lambda r: (r.renews_on is None, r.renews_on or date.max))
    return found
