"""Monthly prices per license package, entered by the administrator and kept per tenant.

Stored as ``prices.csv`` in the tenant's private folder: ``skuPartNumber,monthlyPrice,currency``
(the same format ``prices import`` reads and ``prices export`` writes). A package without a price
is unknown, never zero: costs say which packages they could not count. A price of 0 is a real
price (free packages such as Power Automate Free).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from desktop.csv_export import SafeCsvWriter
from desktop.csv_read import csv_reader
from desktop.insight.money import Money
from desktop.insight.storage import write_private

PRICES_FILE = "prices.csv"
COLUMNS = ("skuPartNumber", "monthlyPrice", "currency")
_CURRENCY = re.compile(r"[A-Z]{3}")
_PART = re.compile(r"[A-Za-z0-9_.+-]{1,100}")
MAX_PRICE = Decimal(1_000_000)


class PriceError(ValueError):
    """Bad price input; the message says what to fix (and where, for a file)."""


def parse_price(amount: str, currency: str, where: str = "") -> Money:
    prefix = f"{where}: " if where else ""
    text = amount.strip().replace(",", ".")
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise PriceError(f"{prefix}'{amount}' is not an amount (use e.g. 23.50).") from None
    if not value.is_finite() or value < 0 or value > MAX_PRICE:
        raise PriceError(f"{prefix}'{amount}' must be between 0 and {MAX_PRICE}.")
    code = currency.strip().upper()
    if not _CURRENCY.fullmatch(code):
        raise PriceError(f"{prefix}'{currency}' is not a currency code (use e.g. PLN, EUR, USD).")
    return Money(value.quantize(Decimal("0.01")), code)


def check_part_number(part: str, where: str = "") -> str:
    prefix = f"{where}: " if where else ""
    cleaned = part.strip()
    if not _PART.fullmatch(cleaned):
        raise PriceError(f"{prefix}'{part}' is not a package part number (e.g. ENTERPRISEPACK).")
    return cleaned


@dataclass
class PriceBook:
    prices: dict[str, Money] = field(default_factory=dict)  # skuPartNumber -> monthly price

    def price(self, part_number: str) -> Money | None:
        return self.prices.get(part_number)

    def set(self, part_number: str, price: Money) -> None:
        self.prices[check_part_number(part_number)] = price

    def remove(self, part_number: str) -> bool:
        return self.prices.pop(part_number, None) is not None

    def to_csv(self) -> str:
        out = io.StringIO()
        writer = SafeCsvWriter(out)
        writer.writerow(COLUMNS)
        for part, money in sorted(self.prices.items()):
            writer.writerow([part, f"{money.amount:.2f}", money.currency])
        return out.getvalue()

    @classmethod
    def from_csv(cls, text: str, source: str = "the price file") -> PriceBook:
        reader = csv_reader(io.StringIO(text.lstrip("\ufeff")))
        header = next(reader, None)
        if header is None or [h.strip() for h in header[:3]] != list(COLUMNS):
            raise PriceError(f"{source}: the first line must be {','.join(COLUMNS)}.")
        book = cls()
        for number, row in enumerate(reader, start=2):
            if not row or not any(cell.strip() for cell in row):
                continue
            where = f"{source}, line {number}"
            if len(row) < len(COLUMNS):
                raise PriceError(f"{where}: expected {len(COLUMNS)} values, found {len(row)}.")
            part = check_part_number(row[0], where)
            if part in book.prices:
                raise PriceError(f"{where}: {part} is priced twice.")
            book.prices[part] = parse_price(row[1], row[2], where)
        return book

    @classmethod
    def from_mapping(cls, values: Mapping[str, tuple[str, str]]) -> PriceBook:
        return cls({part: parse_price(a, c) for part, (a, c) in values.items()})


def load_prices(folder: Path, defaults: PriceBook | None = None) -> PriceBook:
    """The tenant's prices; ``defaults`` (the demo's example prices) when none are stored."""
    path = folder / PRICES_FILE
    if not path.exists():
        return PriceBook(dict(defaults.prices)) if defaults else PriceBook()
    return PriceBook.from_csv(path.read_text(encoding="utf-8"), str(path))


def save_prices(folder: Path, book: PriceBook) -> Path:
    path = folder / PRICES_FILE
    write_private(path, book.to_csv())
    return path


def unpriced(parts: Iterable[str], book: PriceBook) -> list[str]:
    return sorted({part for part in parts if book.price(part) is None})
