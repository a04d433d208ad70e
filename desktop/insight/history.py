"""Local history of seats per package, for the trend of assigned vs. total over time.

Each time insight reads a tenant it records, per package, the seats bought and the seats
assigned that day (``seat-history.csv`` in the tenant's private folder; the day's last reading
wins). Graph keeps no such history, so the trend starts the first day License Desk looks.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from desktop.csv_export import SafeCsvWriter
from desktop.csv_read import csv_dict_reader
from desktop.graph.records import Sku
from desktop.insight.storage import write_private

HISTORY_FILE = "seat-history.csv"
COLUMNS = ("date", "skuPartNumber", "total", "assigned")
KEEP_DAYS = 5 * 366


@dataclass(frozen=True, slots=True)
class SeatCount:
    day: date
    part_number: str
    total: int
    assigned: int


def load_history(folder: Path) -> list[SeatCount]:
    """Every recorded day, oldest first; a damaged line is skipped (it is only a trend)."""
    path = folder / HISTORY_FILE
    if not path.exists():
        return []
    found: list[SeatCount] = []
    for row in csv_dict_reader(io.StringIO(path.read_text(encoding="utf-8"))):
        try:
            found.append(
                SeatCount(
                    date.fromisoformat(row["date"]),
                    row["skuPartNumber"],
                    int(row["total"]),
                    int(row["assigned"]),
                )
            )
        except (KeyError, TypeError, ValueError):
            continue
    return sorted(found, key=lambda c: (c.day, c.part_number))


def record_seats(folder: Path, skus: Iterable[Sku], day: date) -> list[SeatCount]:
    """Add (or replace) ``day``'s counts and drop days older than five years."""
    today = {
        sku.sku_part_number: SeatCount(day, sku.sku_part_number, sku.total, sku.consumed_units)
        for sku in skus
    }
    kept = [c for c in load_history(folder) if c.day != day and (day - c.day).days <= KEEP_DAYS]
    counts = sorted([*kept, *today.values()], key=lambda c: (c.day, c.part_number))
    out = io.StringIO()
    writer = SafeCsvWriter(out)
    writer.writerow(COLUMNS)
    for count in counts:
        writer.writerow([count.day.isoformat(), count.part_number, count.total, count.assigned])
    write_private(folder / HISTORY_FILE, out.getvalue())
    return counts


def series(counts: Iterable[SeatCount], part_number: str) -> list[SeatCount]:
    return [c for c in counts if c.part_number == part_number]
