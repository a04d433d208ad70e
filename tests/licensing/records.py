"""Small builders of records for the engine's pure tests (no network)."""

from __future__ import annotations

from desktop.graph.records import (
    AssignedLicense,
    LicenseAssignmentState,
    PrepaidUnits,
    ServicePlan,
    Sku,
    User,
)

E3 = "6fd2c87f-b296-42f0-b197-1e91e994b900"
BASIC = "3b555118-da6a-4418-894f-7df1e2096870"
STANDARD = "f245ecc8-75af-4f8e-b61f-27d8114de5f3"
SUSPENDED = "11111111-1111-1111-1111-111111111111"
COMPANY = "22222222-2222-2222-2222-222222222222"
EXO_PLAN = "efb87545-963c-4e0d-99df-69c6916d9eb0"
EXO_STD_PLAN = "9aaf7827-d63c-4b61-89c3-182f06f82e5c"
SWAY_PLAN = "a23b959c-7ce8-4e57-9140-b90eb88a9e97"
TEAMS_PLAN = "57ff2da0-773e-42df-b2af-ffb7a2317929"
FOUNDATION_PLAN = "113feb6c-3fe4-4440-bddc-54d774bf0318"
GROUP_ID = "99999999-0000-0000-0000-000000000001"


def sku(
    sku_id: str,
    part: str,
    *,
    enabled: int = 10,
    consumed: int = 0,
    status: str = "Enabled",
    applies_to: str = "User",
    plans: tuple[tuple[str, str], ...] = (),
) -> Sku:
    return Sku(
        id=f"tenant_{sku_id}",
        sku_id=sku_id,
        sku_part_number=part,
        applies_to=applies_to,
        capability_status=status,
        consumed_units=consumed,
        prepaid_units=PrepaidUnits(enabled=enabled),
        service_plans=tuple(ServicePlan(pid, name) for pid, name in plans),
    )


def standard_skus() -> dict[str, Sku]:
    skus = [
        sku(
            E3,
            "ENTERPRISEPACK",
            enabled=20,
            consumed=10,
            plans=(
                (EXO_PLAN, "EXCHANGE_S_ENTERPRISE"),
                (SWAY_PLAN, "SWAY"),
                (TEAMS_PLAN, "TEAMS1"),
            ),
        ),
        sku(
            BASIC,
            "O365_BUSINESS_ESSENTIALS",
            enabled=5,
            consumed=5,
            plans=((EXO_STD_PLAN, "EXCHANGE_S_STANDARD"), (TEAMS_PLAN, "TEAMS1")),
        ),
        sku(
            STANDARD,
            "O365_BUSINESS_PREMIUM",
            enabled=3,
            consumed=1,
            plans=((FOUNDATION_PLAN, "EXCHANGE_S_FOUNDATION"), (SWAY_PLAN, "SWAY")),
        ),
        sku(SUSPENDED, "OLD_PACK", status="Suspended"),
        sku(COMPANY, "TENANT_ADDON", applies_to="Company"),
    ]
    return {s.sku_id: s for s in skus}


def user(
    name: str,
    *,
    direct: tuple[AssignedLicense, ...] = (),
    group: tuple[tuple[str, str], ...] = (),
    location: str | None = "PL",
    enabled: bool = True,
) -> User:
    states = tuple(
        LicenseAssignmentState(lic.sku_id, None, disabled_plans=lic.disabled_plans)
        for lic in direct
    ) + tuple(LicenseAssignmentState(sku_id, group_id) for sku_id, group_id in group)
    assigned = {lic.sku_id: lic for lic in direct}
    for sku_id, _ in group:
        assigned.setdefault(sku_id, AssignedLicense(sku_id))
    return User(
        id=f"id-{name}",
        display_name=name.title(),
        user_principal_name=f"{name}@contoso.pl",
        account_enabled=enabled,
        usage_location=location,
        assigned_licenses=tuple(assigned.values()),
        license_assignment_states=states,
    )
