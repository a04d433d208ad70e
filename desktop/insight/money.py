"""Monthly amounts with a currency; sums kept per currency, never mixed."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True, slots=True)
class Money:
    amount: Decimal
    currency: str

    def times(self, count: int) -> Money:
        return Money(self.amount * count, self.currency)


def totals(amounts: Iterable[Money]) -> dict[str, Decimal]:
    """Sum per currency, currencies in alphabetical order."""
    summed: dict[str, Decimal] = {}
    for money in amounts:
        summed[money.currency] = summed.get(money.currency, Decimal(0)) + money.amount
    return dict(sorted(summed.items()))
