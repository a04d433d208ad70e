"""Small builders for records, so model tests state only what matters to them."""

from __future__ import annotations

from desktop.graph.records import (
    AssignedLicense,
    LicenseAssignmentState,
    Sku,
    User,
)
from tests.licensing.records import BASIC, E3, sku

__all__ = ["BASIC", "E3", "GROUP_SALES", "make_sku", "make_user"]

GROUP_SALES = "a1b2c3d4-0000-0000-0000-00000000aaaa"


def make_user(
    n: int,
    *,
    name: str | None = None,
    department: str | None = None,
    enabled: bool = True,
    location: str | None = "PL",
    direct: tuple[str, ...] = (),
    inherited: tuple[tuple[str, str], ...] = (),
    errors: tuple[tuple[str, str], ...] = (),
) -> User:
    """A user; ``inherited`` holds (sku_id, group_id), ``errors`` holds (sku_id, error code)."""
    states = [LicenseAssignmentState(s) for s in direct]
    states += [LicenseAssignmentState(s, assigned_by_group=g) for s, g in inherited]
    states += [LicenseAssignmentState(s, state="Error", error=e) for s, e in errors]
    skus = dict.fromkeys([*direct, *(s for s, _ in inherited), *(s for s, _ in errors)])
    return User(
        id=f"id-{n:06d}",
        display_name=name or f"User {n:06d}",
        user_principal_name=f"user{n:06d}@contoso.example",
        account_enabled=enabled,
        usage_location=location,
        department=department,
        assigned_licenses=tuple(AssignedLicense(s) for s in skus),
        license_assignment_states=tuple(states),
    )


def make_sku(
    sku_id: str,
    part_number: str,
    *,
    enabled: int = 25,
    consumed: int = 10,
    status: str = "Enabled",
    applies_to: str = "User",
    plans: tuple[tuple[str, str], ...] = (),
) -> Sku:
    """A package; the window's tests default to one that is partly used."""
    return sku(
        sku_id,
        part_number,
        enabled=enabled,
        consumed=consumed,
        status=status,
        applies_to=applies_to,
        plans=plans,
    )
