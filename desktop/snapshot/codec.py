"""The snapshot as bytes and back: compact JSON (positional lists, not objects: a tenant of
100,000 users stays small and quick to read), compressed. Our own shape, versioned, so a
snapshot of an older version is simply discarded (``FORMAT``)."""

from __future__ import annotations

import json
import sys
import zlib
from dataclasses import dataclass
from typing import Any

from desktop.graph.records import (
    AssignedLicense,
    Group,
    LicenseAssignmentState,
    PrepaidUnits,
    ServicePlan,
    Sku,
    User,
)
from desktop.licensing.types import TenantSnapshot

FORMAT = 1
_intern = sys.intern  # the same few SKU, plan and group ids repeat across every user


@dataclass(frozen=True)
class StoredTenant:
    """What a snapshot holds: the tenant as last read, the delta link that continues from
    that read, and when it was read (seconds since the epoch)."""

    tenant: TenantSnapshot
    delta_link: str
    saved_at: float


class SnapshotFormatError(ValueError):
    """The bytes are not a snapshot this version can read."""


def encode(stored: StoredTenant) -> bytes:
    tenant = stored.tenant
    document = [
        FORMAT,
        stored.delta_link,
        stored.saved_at,
        [_sku_row(s) for s in tenant.skus],
        [_user_row(u) for u in tenant.users],
        [[g.id, g.display_name] for g in tenant.groups.values()],
    ]
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def decode(data: bytes) -> StoredTenant:
    try:
        document = json.loads(zlib.decompress(data).decode("utf-8"))
        version, link, saved_at, skus, users, groups = document
        if version != FORMAT:
            raise SnapshotFormatError(f"snapshot format {version}, this version reads {FORMAT}")
        tenant = TenantSnapshot(
            tuple(_sku(row) for row in skus),
            tuple(_user(row) for row in users),
            {gid: Group(gid, name) for gid, name in groups},
        )
        return StoredTenant(tenant, str(link), float(saved_at))
    except SnapshotFormatError:
        raise
    except (ValueError, TypeError, KeyError, IndexError, zlib.error) as exc:
        raise SnapshotFormatError(f"unreadable snapshot: {exc}") from None


def _user_row(u: User) -> list[Any]:
    return [
        u.id,
        u.display_name,
        u.user_principal_name,
        u.account_enabled,
        u.usage_location,
        u.mail,
        u.department,
        u.job_title,
        u.on_premises_sync_enabled,
        [[a.sku_id, list(a.disabled_plans)] for a in u.assigned_licenses],
        [
            [
                s.sku_id,
                s.assigned_by_group,
                s.state,
                s.error,
                list(s.disabled_plans),
                s.last_updated,
            ]
            for s in u.license_assignment_states
        ],
    ]


def _user(row: list[Any]) -> User:
    uid, name, upn, enabled, location, mail, department, job, synced, licenses, states = row
    return User(
        id=uid,
        display_name=name,
        user_principal_name=upn,
        account_enabled=bool(enabled),
        usage_location=location,
        mail=mail,
        department=department,
        job_title=job,
        assigned_licenses=tuple(
            AssignedLicense(_intern(sku), tuple(_intern(p) for p in plans))
            for sku, plans in licenses
        ),
        license_assignment_states=tuple(
            LicenseAssignmentState(
                _intern(sku),
                _intern(group) if group else None,
                _intern(state),
                error,
                tuple(_intern(p) for p in plans),
                updated,
            )
            for sku, group, state, error, plans, updated in states
        ),
        on_premises_sync_enabled=synced,
    )


def _sku_row(s: Sku) -> list[Any]:
    units = s.prepaid_units
    return [
        s.id,
        s.sku_id,
        s.sku_part_number,
        s.applies_to,
        s.capability_status,
        s.consumed_units,
        [units.enabled, units.locked_out, units.suspended, units.warning],
        [
            [p.service_plan_id, p.service_plan_name, p.provisioning_status, p.applies_to]
            for p in s.service_plans
        ],
        s.account_name,
        s.account_id,
        list(s.subscription_ids),
    ]


def _sku(row: list[Any]) -> Sku:
    sid, sku_id, part, applies, status, consumed, units, plans, account, account_id, subs = row
    return Sku(
        id=sid,
        sku_id=sku_id,
        sku_part_number=part,
        applies_to=applies,
        capability_status=status,
        consumed_units=int(consumed),
        prepaid_units=PrepaidUnits(*units),
        service_plans=tuple(ServicePlan(*plan) for plan in plans),
        account_name=account,
        account_id=account_id,
        subscription_ids=tuple(subs),
    )
