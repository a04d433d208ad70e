"""What the demo tenant was seeded with, read from its own store: the expected findings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from desktop.demo.app_usage_report import apps_of
from desktop.demo.insight_seed import SignInKind
from desktop.demo.rows import COL
from desktop.demo.usage_report import DESKTOP_APP_PLANS, services_of
from tests.demo_tenant import DemoTenantForTests as DemoTenant

E3, STANDARD, BASIC, EXCHANGE1 = (
    "ENTERPRISEPACK",
    "O365_BUSINESS_PREMIUM",
    "O365_BUSINESS_ESSENTIALS",
    "EXCHANGESTANDARD",
)
COVERING = {EXCHANGE1: (E3, STANDARD), BASIC: (E3,)}


@dataclass(frozen=True)
class Expected:
    blocked: dict[str, frozenset[str]]  # upn -> part numbers
    never: dict[str, frozenset[str]]
    inactive: dict[str, frozenset[str]]
    overlap: dict[str, frozenset[str]]  # upn -> redundant part numbers
    unassigned: dict[str, int]  # part -> free seats


def _days_since(tenant: DemoTenant, rowid: int) -> int | None:
    moment = tenant.insight.last_activity(rowid)
    if moment is None:
        return None
    return (datetime.now(timezone.utc).date() - moment.date()).days


def expected(
    tenant: DemoTenant, *, inactive_days: int, report: bool = False, concealed: bool = False,
    free_of_charge: tuple[str, ...] = ("FLOW_FREE", "POWER_BI_STANDARD"),
) -> Expected:  # fmt: skip
    """``report``: activity comes from the usage reports, which know nothing of users holding
    none of their services or apps; ``concealed``: no activity is known at all."""
    parts = {sku.sku_id: sku.part_number for sku in tenant.store.skus()}
    plans = {sku.sku_id: {p.plan_id: p.name for p in sku.plans} for sku in tenant.store.skus()}
    blocked: dict[str, frozenset[str]] = {}
    never: dict[str, frozenset[str]] = {}
    inactive: dict[str, frozenset[str]] = {}
    overlap: dict[str, frozenset[str]] = {}
    for row in tenant.store.users_page("1", (), 0, 1_000_000):
        upn = str(row[COL["upn"]])
        held = tenant.assigned_licenses(upn)
        if not held:
            continue
        names = frozenset(parts[s] for s in held)
        if not row[COL["account_enabled"]]:
            blocked[upn] = names
            continue
        given = [n for s, off in held.items() for pid, n in plans[s].items() if pid not in off]
        covered = bool(services_of(given)) or bool(apps_of(set(given))[0])
        known = not concealed and (not report or covered)
        seeded = tenant.insight.sign_in(int(row[0]))
        if known and seeded is not None:
            days = _days_since(tenant, int(row[0]))
            if seeded.kind is SignInKind.NEVER:
                never[upn] = names
                continue
            if days is not None and days >= inactive_days:
                inactive[upn] = names
                continue
        redundant = frozenset(
            part for part, covering in COVERING.items()
            if part in names and any(c in names for c in covering)
        )  # fmt: skip
        if redundant:
            overlap[upn] = redundant
    unassigned = {
        sku.part_number: tenant.free_seats(sku.part_number)
        for sku in tenant.store.skus()
        if sku.applies_to == "User"
        and sku.capability_status in ("Enabled", "Warning")
        and tenant.free_seats(sku.part_number) > 0
        and sku.part_number not in free_of_charge
    }
    return Expected(blocked, never, inactive, overlap, unassigned)


def desktop_only(tenant: DemoTenant, *, inactive_days: int) -> set[str]:
    """Enabled, licensed users working only in the desktop Office apps whose services the
    active-user report shows unused for at least ``inactive_days``: inactive by that report
    alone, active by the Microsoft 365 Apps report and by sign-in activity."""
    found: set[str] = set()
    plans = {sku.sku_id: {p.plan_id: p.name for p in sku.plans} for sku in tenant.store.skus()}
    today = datetime.now(timezone.utc).date()
    for row in tenant.store.users_page("1", (), 0, 1_000_000):
        upn, rowid = str(row[COL["upn"]]), int(row[0])
        seeded = tenant.insight.sign_in(rowid)
        held = tenant.assigned_licenses(upn)
        if not held or not row[COL["account_enabled"]] or seeded is None:
            continue
        given = {n for s, off in held.items() for pid, n in plans[s].items() if pid not in off}
        services = tenant.insight.services_activity(
            rowid, desktop_apps=not DESKTOP_APP_PLANS.isdisjoint(given)
        )
        last = tenant.insight.last_activity(rowid)
        if services is None or last is None:
            continue
        if (today - services.date()).days >= inactive_days > (today - last.date()).days:
            found.add(upn)
    return found
