"""Real SKU definitions (skuId, part number, service plans) from Microsoft's licensing table.

The demo tenant seeds its subscriptions from the same gzip'd CSV the app ships, so SKU and plan
GUIDs are the real ones. The table starts with a UTF-8 BOM, has spelled its part-number column
both ``String_Id`` and ``String_ Id``, and has values with trailing spaces.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from desktop.csv_read import csv_reader
from desktop.resources import resource_path


@dataclass(frozen=True, slots=True)
class PlanDefinition:
    plan_id: str
    name: str


@dataclass(frozen=True, slots=True)
class SkuDefinition:
    sku_id: str
    part_number: str
    display_name: str
    plans: tuple[PlanDefinition, ...]

    def plan_id(self, name: str) -> str:
        for plan in self.plans:
            if plan.name == name:
                return plan.plan_id
        raise KeyError(f"{self.part_number} has no service plan {name}")


def _column(header: str) -> str:
    return header.lstrip("\ufeff").strip().replace(" ", "").lower()


@lru_cache(maxsize=8)
def load_skus(part_numbers: tuple[str, ...]) -> dict[str, SkuDefinition]:
    """The named SKUs with their plans in table order. Raises KeyError for a missing SKU."""
    wanted = set(part_numbers)
    path = resource_path("catalog", "licensing-service-plan-reference.csv.gz")
    found: dict[str, tuple[str, str, list[PlanDefinition]]] = {}
    with gzip.open(path, "rt", encoding="utf-8-sig", newline="") as stream:
        rows: Iterable[list[str]] = csv_reader(stream)
        iterator = iter(rows)
        header = [_column(h) for h in next(iterator)]
        index = {name: header.index(name) for name in header}
        for row in iterator:
            part = row[index["string_id"]].strip()
            if part not in wanted:
                continue
            sku_id = row[index["guid"]].strip().lower()
            entry = found.setdefault(part, (sku_id, row[index["product_display_name"]].strip(), []))
            plan = PlanDefinition(
                row[index["service_plan_id"]].strip().lower(),
                row[index["service_plan_name"]].strip(),
            )
            if all(p.plan_id != plan.plan_id for p in entry[2]):
                entry[2].append(plan)
    missing = wanted - found.keys()
    if missing:
        raise KeyError(f"SKUs missing from the licensing table: {', '.join(sorted(missing))}")
    return {
        part: SkuDefinition(sku_id, part, name, tuple(plans))
        for part, (sku_id, name, plans) in found.items()
    }
