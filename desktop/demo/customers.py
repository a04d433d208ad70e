"""The customers of the multi-tenant demo: who they are and the state each is seeded in.

Each customer is an ordinary demo tenant (``seed.build``) with its own seed number, then reshaped
so a partner's overview has something to tell apart: a healthy one has spare seats and no
package in grace or suspended; the first four customers are, in order, out of seats, wasteful,
in grace, and read-only for the partner (its roles do not allow license writes).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any

from desktop.demo import names
from desktop.demo.rows import COL, SeedData
from desktop.demo.seed import (
    BUSINESS_BASIC,
    BUSINESS_PREMIUM,
    BUSINESS_STANDARD,
    FABRIC_FREE,
    OFFICE_E3,
    SPARE_SEATS,
)


class CustomerState(Enum):
    HEALTHY = "healthy"
    OUT_OF_SEATS = "out of seats"
    WASTE = "much waste"
    GRACE = "subscription in grace"
    READ_ONLY = "no license writes"


# The first customers show one situation each; the rest are healthy.
STATE_ORDER: tuple[CustomerState, ...] = (
    CustomerState.OUT_OF_SEATS,
    CustomerState.WASTE,
    CustomerState.GRACE,
    CustomerState.READ_ONLY,
)
# Users per customer, cycled: small businesses of different sizes.
SIZES: tuple[int, ...] = (40, 120, 25, 60, 200, 15, 80)
_NAMES: tuple[str, ...] = (
    "Piekarnia Mazur",
    "Kancelaria Wrona",
    "Apteka Zielona",
    "Biuro Rachunkowe Lis",
    "Hotel Pod Debem",
    "Studio Kadr",
    "Warsztat Kowal",
    "Szkola Jezykow Echo",
    "Przychodnia Zdrowie",
    "Drukarnia Pion",
)
HEALTHY_SPARE = 3  # seats a healthy customer keeps free per package
PARTNER_NAME = "Chmura Partner sp. z o.o."
PARTNER_SHORT_NAME = "Chmura Partner"

# Positions in a seeded skus row (see store.SCHEMA and seed._sku_rows).
_PART, _STATUS, _ENABLED, _WARNING, _SUSPENDED = 2, 4, 5, 6, 7


@dataclass(frozen=True, slots=True)
class CustomerProfile:
    number: int  # 1-based
    display_name: str
    users: int
    state: CustomerState

    @property
    def domain(self) -> str:
        slug = "".join(c for c in self.display_name.lower() if c.isalnum())
        return f"{slug}.pl"


def profiles(count: int, sizes: tuple[int, ...] = SIZES) -> list[CustomerProfile]:
    found: list[CustomerProfile] = []
    for index in range(count):
        base = _NAMES[index % len(_NAMES)]
        name = base if index < len(_NAMES) else f"{base} {index // len(_NAMES) + 1}"
        state = STATE_ORDER[index] if index < len(STATE_ORDER) else CustomerState.HEALTHY
        found.append(CustomerProfile(index + 1, name, sizes[index % len(sizes)], state))
    return found


def rename(data: SeedData, display_name: str, short_name: str, domain: str) -> None:
    """Give a seeded tenant its own name and domain (users' sign-in names follow)."""
    data.meta["company_name"] = display_name
    data.meta["account_name"] = short_name
    initial = domain.rsplit(".", 1)[0] + ".onmicrosoft.com"
    data.domains[:] = [(1, domain, 1, 0), (2, initial, 0, 1)]
    old = "@" + names.DEFAULT_DOMAIN
    for index, row in enumerate(data.users):
        values = list(row)
        for column in ("upn", "mail"):
            value = values[COL[column]]
            if isinstance(value, str):
                values[COL[column]] = value.replace(old, "@" + domain)
        data.users[index] = tuple(values)


def reshape(data: SeedData, state: CustomerState) -> None:
    """Seat counts and package states for ``state`` (the seed's own are 'everything at once')."""
    users = int(data.meta["user_count"])
    rows = [list(row) for row in data.skus]
    by_part: dict[str, list[Any]] = {str(row[_PART]): row for row in rows}
    # Healthy by default: a few spare seats per package (the seed leaves many), nothing
    # in grace or suspended, no group member in error.
    for part, spare in SPARE_SEATS.items():
        by_part[part][_ENABLED] -= spare(users) - HEALTHY_SPARE
    by_part[BUSINESS_STANDARD][_ENABLED] += 3
    _enable(by_part[BUSINESS_PREMIUM])
    _enable(by_part[FABRIC_FREE])
    if state is not CustomerState.OUT_OF_SEATS:
        data.memberships[:] = [(g, u, seq, None, when) for g, u, seq, _, when in data.memberships]
    if state is CustomerState.OUT_OF_SEATS:
        by_part[BUSINESS_STANDARD][_ENABLED] -= 3  # full again, its group's extras in error
        basic = by_part[BUSINESS_BASIC]
        basic[_ENABLED] = sum(1 for lic in data.direct_licenses if lic[1] == basic[1])
    elif state is CustomerState.WASTE:
        by_part[BUSINESS_BASIC][_ENABLED] += users + 10
        by_part[OFFICE_E3][_ENABLED] += users // 2 + 5
    elif state is CustomerState.GRACE:
        premium = by_part[BUSINESS_PREMIUM]
        # Its units move to warning, still assignable, as in the single demo's seed.
        premium[_STATUS], premium[_WARNING], premium[_ENABLED] = "Warning", premium[_ENABLED], 0
    data.skus[:] = [tuple(row) for row in rows]


def _enable(row: list[Any]) -> None:
    """Enabled, with the units it had in grace or suspended (their holders keep them)."""
    row[_ENABLED] = max(int(row[_ENABLED]), int(row[_SUSPENDED]), int(row[_WARNING]))
    row[_STATUS], row[_WARNING], row[_SUSPENDED] = "Enabled", 0, 0
