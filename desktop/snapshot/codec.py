"""The snapshot as bytes and back: compact JSON (positional lists, not objects: a tenant of
100,000 users stays small and quick to read), in lines (a header, then the users in chunks,
so the window shows the first rows before the rest is decoded), compressed. Our own shape,
versioned, so a snapshot of an older version is simply discarded (``FORMAT``)."""

from __future__ import annotations

import json
import sys
import zlib
from collections.abc import Iterator
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

FORMAT = 2
CHUNK_USERS = 2_000  # users per line: the first line shows while the rest is read
INFLATE_STEP = 64 * 1024  # compressed bytes inflated at a time
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
    """One line of JSON for the header (format, delta link, time, packages, groups), then the
    users in lines of ``CHUNK_USERS``: the first rows can be shown before the rest is read."""
    tenant = stored.tenant
    header = [
        FORMAT,
        stored.delta_link,
        stored.saved_at,
        [_sku_row(s) for s in tenant.skus],
        [[g.id, g.display_name] for g in tenant.groups.values()],
        len(tenant.users),
    ]
    lines = [_json(header)]
    users = tenant.users
    for start in range(0, len(users), CHUNK_USERS):
        lines.append(_json([_user_row(u) for u in users[start : start + CHUNK_USERS]]))
    return zlib.compress("\n".join(lines).encode("utf-8"), 6)


def _json(value: Any) -> str:
    # No raw newline can appear inside: JSON escapes it, so lines split the chunks safely.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class SnapshotReader:
    """A decrypted snapshot read in steps: the header at once, the users chunk by chunk,
    inflated only as far as each step needs (the first rows do not wait for the rest)."""

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._offset = 0
        self._inflater = zlib.decompressobj()
        self._pending = b""
        try:
            first = self._next_line()
            if first is None:
                raise SnapshotFormatError("empty snapshot")
            version, link, saved_at, skus, groups, count = json.loads(first)
            if version != FORMAT:
                raise SnapshotFormatError(f"snapshot format {version}, this version reads {FORMAT}")
            self.delta_link = str(link)
            self.saved_at = float(saved_at)
            self.skus = tuple(_sku(row) for row in skus)
            self.groups = {gid: Group(gid, name) for gid, name in groups}
            self.count = int(count)
            self._shared = _Shared()
        except SnapshotFormatError:
            raise
        except (ValueError, TypeError, KeyError, IndexError, zlib.error) as exc:
            raise SnapshotFormatError(f"unreadable snapshot: {exc}") from None

    def _next_line(self) -> bytes | None:
        while b"\n" not in self._pending:
            if self._offset >= len(self._data):
                rest, self._pending = self._pending + self._inflater.flush(), b""
                return rest or None
            piece = self._data[self._offset : self._offset + INFLATE_STEP]
            self._offset += len(piece)
            self._pending += self._inflater.decompress(piece)
        line, _newline, self._pending = self._pending.partition(b"\n")
        return line

    def user_chunks(self) -> Iterator[list[User]]:
        read = 0
        try:
            while (line := self._next_line()) is not None:
                chunk = [_user(row, self._shared) for row in json.loads(line)]
                read += len(chunk)
                yield chunk
        except (ValueError, TypeError, KeyError, IndexError, zlib.error) as exc:
            raise SnapshotFormatError(f"unreadable snapshot: {exc}") from None
        if read != self.count:
            raise SnapshotFormatError(f"snapshot holds {read} users, its header says {self.count}")

    def read_all(self) -> StoredTenant:
        users = tuple(u for chunk in self.user_chunks() for u in chunk)
        return StoredTenant(
            TenantSnapshot(self.skus, users, self.groups), self.delta_link, self.saved_at
        )


def decode(data: bytes) -> StoredTenant:
    return SnapshotReader(data).read_all()


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


class _Shared:
    """Identical license entries decoded once and shared: thousands of users hold the same
    package with the same apps off, and the records are immutable. Building one object per
    user and entry was most of the time it took to open a big snapshot. (A state carries its
    own date, so only its list of apps is shared.)"""

    def __init__(self) -> None:
        self.licenses: dict[tuple[str, ...], AssignedLicense] = {}
        self.plans: dict[tuple[str, ...], tuple[str, ...]] = {}

    def license(self, sku: str, plans: list[str]) -> AssignedLicense:
        key = (sku, *plans)
        found = self.licenses.get(key)
        if found is None:
            found = AssignedLicense(_intern(sku), self.plan_ids(plans))
            self.licenses[key] = found
        return found

    def plan_ids(self, plans: list[str]) -> tuple[str, ...]:
        key = tuple(plans)
        return self.plans.setdefault(key, tuple(_intern(p) for p in key))

    def state(self, entry: list[Any]) -> LicenseAssignmentState:
        sku, group, state, error, plans, updated = entry
        return LicenseAssignmentState(
            _intern(sku),
            _intern(group) if group else None,
            _intern(state),
            error,
            self.plan_ids(plans),
            updated,
        )


def _user(row: list[Any], shared: _Shared) -> User:
    uid, name, upn, enabled, location, mail, department, job, synced, licenses, states = row
    return User(  # positional, in the record's field order: quicker for 100,000 users
        uid,
        name,
        upn,
        bool(enabled),
        location,
        mail,
        department,
        job,
        tuple([shared.license(sku, plans) for sku, plans in licenses]),
        tuple([shared.state(entry) for entry in states]),
        synced,
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
