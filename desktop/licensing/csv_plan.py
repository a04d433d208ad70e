"""Plan files: one CSV row per user, read strictly (see docs/plan-csv.md for the format).

Reading happens in two passes, each collecting every error with its line number before
failing: ``parse_plan_csv`` checks the text alone, ``rows_to_plan`` resolves license and app
names against the tenant. Nothing is applied unless both pass for every row.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from desktop.catalog import CatalogLookupError, resolve_plan, resolve_sku
from desktop.countries import is_country_code
from desktop.graph.errors import LicenseDeskError
from desktop.graph.records import AssignedLicense, Sku
from desktop.licensing.types import Plan, PlanKind, UserChange

COLUMNS = ("userPrincipalName", "add", "remove", "disabledPlans", "usageLocation", "enable")
LIST_SEPARATOR = "|"  # inside a cell; appears in no Microsoft product or app name
DELIMITERS = (",", ";")  # Excel writes ';' where the decimal mark is a comma (Polish, German)

_TRUE = {"true", "yes", "1", "prawda", "tak"}  # Polish Excel writes PRAWDA / FAŁSZ
_FALSE = {"false", "no", "0", "fałsz", "falsz", "nie"}
_GUID = re.compile(r"^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$")
_UPN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True, slots=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


class CsvPlanError(LicenseDeskError):
    """The plan file has errors; ``errors`` lists every one with its line number."""

    def __init__(self, errors: Sequence[RowError], source: str = "the plan file") -> None:
        self.errors = tuple(sorted(errors, key=lambda e: e.line))
        shown = "\n  ".join(str(e) for e in self.errors[:50])
        more = f"\n  ... and {len(self.errors) - 50} more" if len(self.errors) > 50 else ""
        super().__init__(
            f"{source} has {len(self.errors)} error(s); nothing was applied:\n  {shown}{more}"
        )


@dataclass(frozen=True, slots=True)
class CsvRow:
    line: int
    user: str
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    disabled_plans: tuple[str, ...] = ()
    usage_location: str | None = None
    enable: bool | None = None


def decode(data: bytes, source: str = "the plan file") -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise CsvPlanError(
            [
                RowError(
                    line,
                    "the file is not UTF-8 text: in Excel choose Save As, "
                    "'CSV UTF-8 (comma delimited)'",
                )
            ],
            source,
        ) from exc


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip())


def _header_key(name: str) -> str:
    return name.strip().lstrip("\ufeff").strip().lower()


_CANONICAL = {c.lower(): c for c in COLUMNS}


def sniff_delimiter(header_line: str) -> str | None:
    """The delimiter that makes the header name a userPrincipalName column, if any."""
    best: tuple[int, str] | None = None
    for delimiter in DELIMITERS:
        fields = next(csv.reader([header_line], delimiter=delimiter), [])
        keys = [_header_key(f) for f in fields]
        if "userprincipalname" in keys:
            known = sum(k in _CANONICAL for k in keys)
            if best is None or known > best[0]:
                best = (known, delimiter)
    return best[1] if best else None


def _parse_header(fields: list[str], errors: list[RowError]) -> dict[str, int]:
    index: dict[str, int] = {}
    for position, name in enumerate(fields):
        key = _header_key(name)
        if not key:
            continue
        if key not in _CANONICAL:
            errors.append(RowError(1, f"unknown column '{name.strip()}': use {', '.join(COLUMNS)}"))
        elif _CANONICAL[key] in index:
            errors.append(RowError(1, f"column '{_CANONICAL[key]}' appears twice"))
        else:
            index[_CANONICAL[key]] = position
    return index


def _parse_enable(value: str) -> bool | None:
    lowered = value.strip().lower()
    if not lowered:
        return None
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise ValueError(f"enable is '{value.strip()}': write true, false, or leave it empty")


def _parse_row(line: int, cells: dict[str, str], errors: list[RowError]) -> CsvRow | None:
    before = len(errors)
    user = cells.get("userPrincipalName", "").strip()
    if not user:
        errors.append(RowError(line, "userPrincipalName is empty"))
    elif not (_UPN.match(user) or _GUID.match(user)):
        errors.append(
            RowError(line, f"'{user}' is not a userPrincipalName (name@domain) or a user id")
        )
    add = _split(cells.get("add", ""))
    remove = _split(cells.get("remove", ""))
    disabled = _split(cells.get("disabledPlans", ""))
    location = cells.get("usageLocation", "").strip().upper() or None
    if location is not None and not is_country_code(location):
        errors.append(
            RowError(line, f"usageLocation '{location}' is not a two-letter country code")
        )
    try:
        enable = _parse_enable(cells.get("enable", ""))
    except ValueError as exc:
        errors.append(RowError(line, str(exc)))
        enable = None
    if disabled and not add:
        errors.append(
            RowError(line, "disabledPlans needs the license they belong to in the add column")
        )
    if user and not (add or remove or disabled or location or enable is not None):
        errors.append(
            RowError(line, "nothing to change: fill add, remove, usageLocation or enable")
        )
    if len(errors) > before:
        return None
    return CsvRow(line, user, add, remove, disabled, location, enable)


def parse_plan_csv(text: str, source: str = "the plan file") -> list[CsvRow]:
    """Every row of a plan file, or ``CsvPlanError`` listing every bad line."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise CsvPlanError([RowError(1, "the file is empty: it needs a header row")], source)
    delimiter = sniff_delimiter(lines[first])
    if delimiter is None:
        raise CsvPlanError(
            [
                RowError(
                    first + 1,
                    "the header has no userPrincipalName column "
                    f"(expected: {', '.join(COLUMNS)}, separated by ',' or ';')",
                )
            ],
            source,
        )
    errors: list[RowError] = []
    rows: list[CsvRow] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    index: dict[str, int] | None = None
    header_width = 0
    seen: dict[str, int] = {}
    end_of_previous = 0
    try:
        for fields in reader:
            line = end_of_previous + 1
            end_of_previous = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if index is None:
                index = _parse_header(fields, errors)
                header_width = len(fields)
                continue
            if len(fields) > header_width and any(f.strip() for f in fields[header_width:]):
                errors.append(
                    RowError(
                        line,
                        f"{len(fields)} values but the header has {header_width} columns: "
                        f"a value containing '{delimiter}' needs quotes",
                    )
                )
                continue
            cells = {name: fields[pos] if pos < len(fields) else "" for name, pos in index.items()}
            key = cells.get("userPrincipalName", "").strip().lower()
            if key and key in seen:
                errors.append(
                    RowError(line, f"{key} already has a row (line {seen[key]}): merge them")
                )
                continue
            if key:
                seen[key] = line
            row = _parse_row(line, cells, errors)
            if row is not None:
                rows.append(row)
    except csv.Error as exc:
        errors.append(RowError(reader.line_num, f"broken quoting ({exc})"))
    if errors:
        raise CsvPlanError(errors, source)
    return rows


def _resolve_row(row: CsvRow, skus: Sequence[Sku], errors: list[RowError]) -> UserChange | None:
    before = len(errors)
    added: list[Sku] = []
    for name in row.add:
        try:
            added.append(resolve_sku(name, skus))
        except CatalogLookupError as exc:
            errors.append(RowError(row.line, f"add: {exc}"))
    removed: list[str] = []
    for name in row.remove:
        try:
            removed.append(resolve_sku(name, skus).sku_id)
        except CatalogLookupError as exc:
            errors.append(RowError(row.line, f"remove: {exc}"))
    both = {s.sku_id for s in added} & set(removed)
    if both:
        errors.append(RowError(row.line, "the same license is in both add and remove"))
    disabled: dict[str, list[str]] = {s.sku_id: [] for s in added}
    for name in row.disabled_plans:
        misses: list[CatalogLookupError] = []
        for sku in added:
            try:
                plan_id = resolve_plan(name, sku).service_plan_id
            except CatalogLookupError as exc:
                misses.append(exc)
                continue
            if plan_id not in disabled[sku.sku_id]:
                disabled[sku.sku_id].append(plan_id)
        if added and len(misses) == len(added):
            detail = (
                str(misses[0]) if len(added) == 1 else f"no app '{name}' in {', '.join(row.add)}"
            )
            errors.append(RowError(row.line, f"disabledPlans: {detail}"))
    if len(errors) > before:
        return None
    return UserChange(
        user=row.user,
        add=tuple(AssignedLicense(s.sku_id, tuple(disabled[s.sku_id])) for s in added),
        remove=tuple(removed),
        usage_location=row.usage_location,
        account_enabled=row.enable,
    )


def rows_to_plan(
    rows: Sequence[CsvRow], skus: Sequence[Sku], *, source: str = "the plan file"
) -> Plan:
    """Resolve license and app names against the tenant's SKUs; all errors or a plan."""
    errors: list[RowError] = []
    changes = [_resolve_row(row, skus, errors) for row in rows]
    if errors:
        raise CsvPlanError(errors, source)
    count = "1 user" if len(rows) == 1 else f"{len(rows)} users"
    return Plan(
        PlanKind.IMPORT,
        tuple(c for c in changes if c is not None),
        f"Apply {source} ({count})",
    )


def load_plan_csv(path: Path, skus: Sequence[Sku]) -> Plan:
    source = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CsvPlanError([RowError(0, f"cannot read {path}: {exc.strerror}")], source) from exc
    return rows_to_plan(parse_plan_csv(decode(data, source), source), skus, source=source)
