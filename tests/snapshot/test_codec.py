"""The snapshot's own shape: every field of users, packages and groups comes back as it went
in, users in chunks (the window shows the first before the rest is decoded), and a snapshot
whose users do not add up is refused rather than shown short."""

from __future__ import annotations

import json
import zlib

import pytest

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
from desktop.snapshot import codec
from desktop.snapshot.codec import SnapshotFormatError, SnapshotReader, StoredTenant

SKU = "c7df2760-2c81-4ef7-b578-5b5392b571df"
GROUP = "5a0a9a41-0000-4000-8000-000000000001"


def users(count: int) -> tuple[User, ...]:
    return tuple(
        User(
            id=f"00000000-0000-4000-8000-{n:012d}",
            display_name=f"Łucja Żółć {n}",
            user_principal_name=f"user{n}@contoso.pl",
            account_enabled=n % 3 != 0,
            usage_location="PL" if n % 2 else None,
            mail=f"user{n}@contoso.pl" if n % 4 else None,
            department="Sprzedaż",
            job_title=None,
            assigned_licenses=(AssignedLicense(SKU, ("plan-a",)),),
            license_assignment_states=(
                LicenseAssignmentState(
                    SKU,
                    GROUP if n % 5 == 0 else None,
                    "Active",
                    None,
                    ("plan-a",),
                    "2025-01-02T03:04:05Z",
                ),
            ),
            on_premises_sync_enabled=True if n % 7 == 0 else None,
        )
        for n in range(count)
    )


def stored(count: int) -> StoredTenant:
    plans = (ServicePlan("plan-a", "SWAY", "Success", "User"),)
    units = PrepaidUnits(10, 1, 2, 3)
    sku = Sku("id1", SKU, "ENTERPRISEPACK", "User", "Enabled", 3, units, plans, "Contoso", "acc",
              ("sub",))  # fmt: skip
    tenant = TenantSnapshot((sku,), users(count), {GROUP: Group(GROUP, "Sprzedaż — Polska")})
    return StoredTenant(tenant, "https://example/v1.0/users/delta?$deltatoken=abc", 1234.5)


def test_everything_comes_back_as_it_went_in_in_chunks() -> None:
    original = stored(codec.CHUNK_USERS * 2 + 17)
    reader = SnapshotReader(codec.encode(original))
    chunks = [len(chunk) for chunk in reader.user_chunks()]
    assert chunks == [codec.CHUNK_USERS, codec.CHUNK_USERS, 17]
    again = codec.decode(codec.encode(original))
    assert again == original
    assert again.tenant.groups == original.tenant.groups


def test_users_that_do_not_add_up_are_refused() -> None:
    lines = zlib.decompress(codec.encode(stored(10))).split(b"\n")
    header = json.loads(lines[0])
    header[-1] = 11
    lines[0] = json.dumps(header).encode()
    reader = SnapshotReader(zlib.compress(b"\n".join(lines)))
    with pytest.raises(SnapshotFormatError):
        list(reader.user_chunks())


def test_another_format_is_refused() -> None:
    lines = zlib.decompress(codec.encode(stored(1))).split(b"\n")
    header = json.loads(lines[0])
    header[0] = codec.FORMAT + 1
    lines[0] = json.dumps(header).encode()
    with pytest.raises(SnapshotFormatError):
        SnapshotReader(zlib.compress(b"\n".join(lines)))
