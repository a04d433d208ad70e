"""Friendly names for SKUs and service plans, from Microsoft's licensing reference table.

Graph only knows part numbers (``ENTERPRISEPACK``) and GUIDs; people know "Office 365 E3".
Microsoft publishes the mapping as a CSV ("Product names and service plan identifiers for
licensing"), shipped gzipped under ``resources/catalog/``. It is read once, on the first lookup,
into plain dicts.
"""

from __future__ import annotations

import difflib
import gzip
import io
import threading
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from desktop.csv_read import csv_reader
from desktop.graph.records import ServicePlan, Sku
from desktop.resources import resource_path

CATALOG_FILE = ("catalog", "licensing-service-plan-reference.csv.gz")

# Microsoft has shipped the part-number column as both "String_Id" and "String_ Id".
_HEADER_ALIASES = {
    "product_display_name": "product",
    "string_id": "part_number",
    "guid": "sku_id",
    "service_plan_name": "plan_name",
    "service_plan_id": "plan_id",
    "service_plans_included_friendly_names": "plan_friendly",
}
_REQUIRED_COLUMNS = frozenset(_HEADER_ALIASES.values())
_MAX_SUGGESTIONS = 5
_T = TypeVar("_T")


class CatalogLookupError(LookupError):
    """A SKU or app named on the command line matched nothing, or more than one thing.

    ``candidates`` holds the closest names, best first, for the message and for callers.
    """

    def __init__(self, message: str, candidates: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.candidates = tuple(candidates)


class CatalogFormatError(ValueError):
    """The catalog file lacks a column it needs."""


def _column_key(header: str) -> str:
    return header.lstrip("\ufeff").strip().replace(" ", "").lower()


@dataclass(slots=True)
class Catalog:
    """Lookups by lower-cased GUID or part number; every value already stripped."""

    sku_by_id: dict[str, str] = field(default_factory=dict)
    sku_by_part_number: dict[str, str] = field(default_factory=dict)
    plan_by_id: dict[str, str] = field(default_factory=dict)
    plan_by_name: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows: Iterable[Sequence[str]]) -> Catalog:
        iterator = iter(rows)
        try:
            header = next(iterator)
        except StopIteration:
            return cls()
        index: dict[str, int] = {}
        for position, name in enumerate(header):
            alias = _HEADER_ALIASES.get(_column_key(name))
            if alias is not None:
                index[alias] = position
        missing = _REQUIRED_COLUMNS - index.keys()
        if missing:
            raise CatalogFormatError(
                "The licensing catalog is missing the column(s) "
                f"{', '.join(sorted(missing))}; replace it with Microsoft's published CSV."
            )
        width = max(index.values()) + 1
        catalog = cls()
        # A plan appears once per SKU that contains it, sometimes spelled differently
        # ("EXCHANGE FOUNDATION" vs "Exchange Foundation"): vote for the best spelling below.
        plan_spellings: dict[str, Counter[str]] = defaultdict(Counter)
        plan_names: dict[str, str] = {}
        for row in iterator:
            if len(row) < width:
                continue  # blank or cut-off line: nothing trustworthy in it
            product = row[index["product"]].strip()
            part_number = row[index["part_number"]].strip()
            sku_id = row[index["sku_id"]].strip().lower()
            plan_name = row[index["plan_name"]].strip()
            plan_id = row[index["plan_id"]].strip().lower()
            friendly = row[index["plan_friendly"]].strip()
            if product:
                if sku_id:
                    catalog.sku_by_id.setdefault(sku_id, product)
                if part_number:
                    catalog.sku_by_part_number.setdefault(part_number.lower(), product)
            if plan_id and friendly:
                plan_spellings[plan_id][friendly] += 1
                if plan_name:
                    plan_names[plan_id] = plan_name
        for plan_id, spellings in plan_spellings.items():
            best = _best_spelling(spellings, plan_names.get(plan_id, ""))
            catalog.plan_by_id[plan_id] = best
            if plan_id in plan_names:
                catalog.plan_by_name.setdefault(plan_names[plan_id].lower(), best)
        return catalog

    @classmethod
    def from_file(cls, path: Path) -> Catalog:
        opener = gzip.open if path.suffix == ".gz" else open
        # utf-8-sig drops the byte-order mark Microsoft's export starts with.
        with opener(path, "rb") as raw, io.TextIOWrapper(raw, "utf-8-sig", newline="") as text:
            return cls.from_rows(csv_reader(text))

    def sku_name(self, sku_id: str | None = None, part_number: str | None = None) -> str:
        if sku_id:
            name = self.sku_by_id.get(sku_id.strip().lower())
            if name:
                return name
        if part_number:
            name = self.sku_by_part_number.get(part_number.strip().lower())
            return name or part_number
        return sku_id or ""

    def plan_name(self, plan_id: str | None, plan_name: str | None) -> str:
        if plan_id:
            name = self.plan_by_id.get(plan_id.strip().lower())
            if name:
                return name
        if plan_name:
            return self.plan_by_name.get(plan_name.strip().lower()) or plan_name
        return plan_id or ""


def _best_spelling(spellings: Counter[str], plan_name: str) -> str:
    """Prefer a real name over the plan's code, mixed case over SHOUTING, then the commonest."""

    def score(name: str) -> tuple[bool, bool, int, str]:
        return (name != plan_name, not name.isupper(), spellings[name], name)

    return max(spellings, key=score)


class _CatalogCache:
    """Holds the loaded catalog; the lock keeps two threads from parsing the file twice."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._catalog: Catalog | None = None

    def get(self) -> Catalog:
        loaded = self._catalog
        if loaded is not None:
            return loaded
        with self._lock:
            if self._catalog is None:
                path = resource_path(*CATALOG_FILE)
                self._catalog = Catalog.from_file(path) if path.exists() else Catalog()
            return self._catalog

    def set(self, replacement: Catalog | None) -> None:
        with self._lock:
            self._catalog = replacement


_cache = _CatalogCache()


def catalog() -> Catalog:
    """The shipped catalog, loaded on first use. A missing file gives an empty catalog, so
    names fall back to part numbers rather than breaking the window."""
    return _cache.get()


def use_catalog(replacement: Catalog | None) -> None:
    """Swap the cached catalog (tests, or a newer table); ``None`` reloads the shipped one."""
    _cache.set(replacement)


def sku_name(sku_id: str | None = None, part_number: str | None = None) -> str:
    """ "Office 365 E3" for a skuId or part number; else the part number, else the id."""
    return catalog().sku_name(sku_id, part_number)


def plan_name(plan_id: str | None, plan_name: str | None) -> str:
    """ "Exchange Online (Plan 2)" for a servicePlanId or name; else the plan's own name."""
    return catalog().plan_name(plan_id, plan_name)


def resolve_sku(text: str, skus: Sequence[Sku]) -> Sku:
    """The tenant SKU named by ``text``: its part number, skuId or friendly name, any case.

    Raises ``CatalogLookupError`` (a ``LookupError``) listing close names when none or several
    match, so the command line can tell the user what to type.
    """
    keys = [(s.sku_part_number, s.sku_id, sku_name(s.sku_id, s.sku_part_number)) for s in skus]
    labels = [_label(friendly, part) for part, _, friendly in keys]
    return _resolve(
        text, items=skus, keys=keys, labels=labels, what="license", where="this tenant's licenses"
    )


def resolve_plan(text: str, sku: Sku) -> ServicePlan:
    """The app inside ``sku`` named by ``text``: plan name, servicePlanId or friendly name."""
    plans = sku.service_plans
    keys = [
        (p.service_plan_name, p.service_plan_id, plan_name(p.service_plan_id, p.service_plan_name))
        for p in plans
    ]
    labels = [_label(friendly, code) for code, _, friendly in keys]
    where = f"license {sku_name(sku.sku_id, sku.sku_part_number)}"
    return _resolve(text, items=plans, keys=keys, labels=labels, what="app", where=where)


def _label(friendly: str, code: str) -> str:
    return code if friendly == code else f"{friendly} ({code})"


def _resolve(
    text: str,
    *,
    items: Sequence[_T],
    keys: Sequence[tuple[str, str, str]],
    labels: Sequence[str],
    what: str,
    where: str,
) -> _T:
    wanted = text.strip().lower()
    positions = [i for i, names in enumerate(keys) if wanted in (n.lower() for n in names)]
    if len(positions) == 1:
        return items[positions[0]]
    if positions:
        found = [labels[i] for i in positions]
        raise CatalogLookupError(
            f"{what.capitalize()} {text!r} matches more than one entry in {where}: "
            f"{'; '.join(found)}. Use the id instead.",
            found,
        )
    label_of = {n.lower(): labels[i] for i, names in enumerate(keys) for n in names if n}
    close = difflib.get_close_matches(wanted, list(label_of), n=_MAX_SUGGESTIONS, cutoff=0.5)
    close += [n for n in label_of if wanted and wanted in n]
    suggestions = list(dict.fromkeys(label_of[n] for n in close))[:_MAX_SUGGESTIONS]
    hint = f" Did you mean: {'; '.join(suggestions)}?" if suggestions else ""
    raise CatalogLookupError(f"No {what} {text!r} in {where}.{hint}", suggestions)
