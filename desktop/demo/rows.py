"""Plain rows of the demo tenant's tables, shared by the store, the routes and the seed."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

# Column order of users rows; routes map Graph property names onto these.
USER_COLUMNS: tuple[str, ...] = (
    "rowid",
    "id",
    "upn",
    "display_name",
    "given_name",
    "surname",
    "mail",
    "mail_nickname",
    "account_enabled",
    "usage_location",
    "department",
    "job_title",
    "office_location",
    "mobile_phone",
    "business_phone",
    "preferred_language",
    "company_name",
    "created",
)
COL = {name: index for index, name in enumerate(USER_COLUMNS)}

UserRow = tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class PlanRow:
    plan_id: str
    name: str
    applies_to: str


@dataclass(frozen=True, slots=True)
class SkuRow:
    sku_id: str
    part_number: str
    applies_to: str
    capability_status: str
    enabled: int
    warning: int
    suspended: int
    locked_out: int
    subscription_id: str
    plans: tuple[PlanRow, ...]

    def plan_ids(self) -> frozenset[str]:
        return frozenset(p.plan_id for p in self.plans)


@dataclass(frozen=True, slots=True)
class DirectLicense:
    sku_id: str
    disabled_plans: tuple[str, ...]
    updated: str


@dataclass(frozen=True, slots=True)
class GroupRow:
    rowid: int
    id: str
    display_name: str
    description: str | None
    mail_nickname: str
    created: str


@dataclass(frozen=True, slots=True)
class GroupLicense:
    sku_id: str
    disabled_plans: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Membership:
    group_rowid: int
    user_rowid: int
    seq: int
    fixed_error: str | None
    updated: str


@dataclass(slots=True)
class SeedData:
    """Rows ready for ``executemany``; built by ``seed.py``."""

    meta: dict[str, str]
    domains: list[tuple[int, str, int, int]]
    skus: list[tuple[Any, ...]]
    plans: list[tuple[Any, ...]]
    users: list[UserRow]
    direct_licenses: list[tuple[int, str, str, str]]
    groups: list[tuple[Any, ...]]
    group_licenses: list[tuple[int, str, str]]
    memberships: list[tuple[int, int, int, str | None, str]]
    nested_groups: list[tuple[int, int]] = field(default_factory=list)  # (parent, child)
    synced_users: list[int] = field(default_factory=list)  # rowids synced from on-premises


def plans_to_text(plan_ids: Iterable[str]) -> str:
    return json.dumps(sorted(set(plan_ids)), separators=(",", ":"))


_parsed_plans: dict[str, tuple[str, ...]] = {}


def plans_from_text(text: str) -> tuple[str, ...]:
    # A handful of distinct lists repeat across 100,000 users: parse each only once.
    parsed = _parsed_plans.get(text)
    if parsed is None:
        parsed = tuple(json.loads(text))
        if len(_parsed_plans) < 10_000:
            _parsed_plans[text] = parsed
    return parsed
