"""Turning some apps of a held license off or on, per user, keeping the rest as each user has it.

The window's "Apps in license" sets one list of disabled apps for everyone ticked; a script
usually means "also turn Sway off" without knowing what else each user has off. Each user's
own list (from the direct assignment) is the starting point, so their other choices survive.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop.graph.records import User
from desktop.licensing.builders import apps_plan
from desktop.licensing.types import Plan, PlanKind, UserChange


def switched_apps(
    disabled_now: Sequence[str], turn_off: Sequence[str], turn_on: Sequence[str]
) -> tuple[str, ...]:
    """``disabled_now`` minus ``turn_on`` plus ``turn_off``, in a stable order."""
    on = set(turn_on)
    kept = [p for p in disabled_now if p not in on]
    return tuple(dict.fromkeys([*kept, *(p for p in turn_off if p not in on)]))


def apps_switch_plan(
    users: Sequence[User], sku_id: str, turn_off: Sequence[str], turn_on: Sequence[str]
) -> Plan:
    """One change per user who holds ``sku_id`` directly (callers report the others)."""
    changes: list[UserChange] = []
    for user in users:
        held = next((lic for lic in user.direct_licenses if lic.sku_id == sku_id), None)
        if held is None:
            continue
        disabled = switched_apps(held.disabled_plans, turn_off, turn_on)
        changes.extend(apps_plan([user.id], sku_id, disabled).changes)
    return Plan(PlanKind.APPS, tuple(changes))


def lacking_license(users: Sequence[User], sku_id: str) -> list[User]:
    """Users who do not hold ``sku_id`` directly (inherited licenses change in the group)."""
    return [u for u in users if all(lic.sku_id != sku_id for lic in u.direct_licenses)]
