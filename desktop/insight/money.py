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
        if count == 1:
            return self  # immutable, and amount x 1 is the same Decimal, exponent included
        return Money(self.amount * count, self.currency)


def totals(amounts: Iterable[Money]) -> dict[str, Decimal]:
    """Sum per currency, currencies in alphabetical order."""
    return counted_totals((money, 1) for money in amounts)


def counted_totals(amounts: Iterable[tuple[Money, int]]) -> dict[str, Decimal]:
    """``totals`` of each amount taken ``count`` times: the same sums (Decimal adds exactly)
    without a Money per repetition, for 100,000 users holding a handful of distinct packages."""
    summed: dict[str, Decimal] = {}
    for money, count in amounts:
        if count < 1:
            continue  # taken no times: as absent from ``totals``' list
        summed[money.currency] = summed.get(money.currency, Decimal(0)) + money.amount * count
    return dict(sorted(summed.items()))
