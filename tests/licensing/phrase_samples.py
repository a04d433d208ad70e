"""Samples shared by the phrase tests (tests/licensing/test_phrases.py for the English words,
tests/ui/test_plan_words.py for the window's): one value per field of ``UserChange``, details
for every ``ProblemKind``, a phrase with every argument set."""

from __future__ import annotations

from typing import Any

from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile, User
from desktop.licensing.phrases import Phrase, Say
from desktop.licensing.tenant_slice import TenantSlice
from desktop.licensing.types import GroupRef, Outcome, RunReport, UserChange, UserResult
from tests.licensing.records import BASIC, E3, SWAY_PLAN, standard_skus

SKUS = standard_skus()
NEW_USER = NewUser("Ada Nowak", "ada@contoso.example", PasswordProfile("Secret-123456"))

# One value per field of UserChange, as a plan would set it alone. A new field fails
# test_every_field_has_a_sample until it is listed here, and then must have words.
FIELD_SAMPLES: dict[str, list[Any]] = {
    "add": [(AssignedLicense(E3, (SWAY_PLAN,)),), (AssignedLicense(BASIC),)],
    "remove": [(E3,)],
    "usage_location": ["PL"],
    "account_enabled": [True, False],
    "create": [NEW_USER],
    "delete": [True],
    "clear_usage_location": [True],
    "reprocess": [True],
    "join_groups": [(GroupRef("g-1", "Sales team"),)],
    "leave_groups": [(GroupRef("g-1", "Sales team"),)],
    "on_group": [True],
}
SAMPLE_DETAILS: dict[str, Any] = {
    "sku_id": E3,
    "needed": 3,
    "free": 1,
    "group_id": "g-1",
    "group_name": "Sales team",
    "group_names": ["Sales team"],
    "status": "Suspended",
    "applies_to": "User",
    "plan_id": SWAY_PLAN,
    "value": "ZZ",
    "upn": "ada@contoso.example",
    "disabled_plans": [SWAY_PLAN],
    "sku_ids": [E3],
    "label": "Ada Nowak <ada@contoso.example>",
    "count": 2,
    "mailboxes": 1,
    "error": "MutuallyExclusiveViolation",
}


def view(*users: User) -> TenantSlice:
    index = {key.lower(): u for u in users for key in (u.id, u.user_principal_name)}
    return TenantSlice(SKUS, index, {})


def sample_phrase(say: Say) -> Phrase:
    """Every argument set, so each formatter finds whatever its words need."""
    return Phrase(
        say,
        users=("ada@contoso.example",),
        packages=(E3,),
        licenses=(AssignedLicense(E3, (SWAY_PLAN,)),),
        apps=(SWAY_PLAN,),
        groups=("Sales team",),
        value="PL",
        count=2,
        free=1,
    )


def change_samples() -> list[tuple[str, UserChange]]:
    return [
        (name, UserChange(user="ada@contoso.example", **{name: value}))
        for name, values in FIELD_SAMPLES.items()
        for value in values
    ]


def report(*outcomes: Outcome) -> RunReport:
    return RunReport("run", tuple(UserResult(f"u{i}", o) for i, o in enumerate(outcomes)))
