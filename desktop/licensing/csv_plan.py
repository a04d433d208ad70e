"""Plan files: one CSV row per user, read strictly (see docs/plan-csv.md for the format).

Reading happens in two passes, each collecting every error with its line number before
failing: ``parse_plan_csv`` checks the text alone, ``rows_to_plan`` resolves license and app
names against the tenant. Nothing is applied unless both pass for every row.
"""

from __future__ import annotations

import csv
import io
import itertools
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.catalog import CatalogLookupError, resolve_plan, resolve_sku
from desktop.countries import is_country_code
from desktop.csv_read import csv_reader
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
SHOWN_ERRORS = 50
MAX_KEPT_ERRORS = 1000  # a file of a million bad rows must not hold a million errors
NOT_UTF8 = "the file is not UTF-8 text: in Excel choose Save As, 'CSV UTF-8 (comma delimited)'"


@dataclass(frozen=True, slots=True)
class RowError:
    """One bad line. ``message`` is the English sentence (CLI); ``kind`` and ``args`` say the
    same as data, so the window can say it in its own language (ui/errors.py)."""

    line: int
    message: str
    kind: str = ""
    args: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


# A resolver's finding about a row: English text, kind, args (as in RowError).
_Problem = tuple[str, str, tuple[tuple[str, str], ...]]


class CsvPlanError(LicenseDeskError):
    """The plan file has errors; ``errors`` lists them with their line numbers (a very bad
    file keeps the first ``MAX_KEPT_ERRORS``; ``total`` counts them all)."""

    def __init__(
        self, errors: Sequence[RowError], source: str = "the plan file", total: int | None = None
    ) -> None:
        self.errors = tuple(sorted(errors, key=lambda e: e.line))
        self.source = source
        self.total = max(total or 0, len(self.errors))
        shown = "\n  ".join(str(e) for e in self.errors[:SHOWN_ERRORS])
        hidden = self.total - min(len(self.errors), SHOWN_ERRORS)
        more = f"\n  ... and {hidden} more" if hidden > 0 else ""
        super().__init__(
            f"{source} has {self.total} error(s); nothing was applied:\n  {shown}{more}"
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
        raise CsvPlanError([RowError(line, NOT_UTF8, "not_utf8")], source) from exc


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split(LIST_SEPARATOR) if part.strip())


def _header_key(name: str) -> str:
    return name.strip().lstrip("\ufeff").strip().lower()


_CANONICAL = {c.lower(): c for c in COLUMNS}


def sniff_delimiter(header_line: str) -> str | None:
    """The delimiter that makes the header name a userPrincipalName column, if any."""
    best: tuple[int, str] | None = None
    for delimiter in DELIMITERS:
        fields = next(csv_reader([header_line], delimiter=delimiter), [])
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
            errors.append(
                RowError(
                    1,
                    f"unknown column '{name.strip()}': use {', '.join(COLUMNS)}",
                    "unknown_column",
                    (("name", name.strip()), ("columns", ", ".join(COLUMNS))),
                )
            )
        elif _CANONICAL[key] in index:
            errors.append(
                RowError(
                    1,
                    f"column '{_CANONICAL[key]}' appears twice",
                    "duplicate_column",
                    (("name", _CANONICAL[key]),),
                )
            )
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
    raise ValueError(value.strip())


def _parse_row(line: int, cells: dict[str, str], errors: list[RowError]) -> CsvRow | None:
    before = len(errors)
    user = cells.get("userPrincipalName", "").strip()
    if not user:
        errors.append(RowError(line, "userPrincipalName is empty", "empty_user"))
    elif not (_UPN.match(user) or _GUID.match(user)):
        errors.append(
            RowError(
                line,
                f"'{user}' is not a userPrincipalName (name@domain) or a user id",
                "bad_user",
                (("user", user),),
            )
        )
    add = _split(cells.get("add", ""))
    remove = _split(cells.get("remove", ""))
    disabled = _split(cells.get("disabledPlans", ""))
    # Interned: a long plan repeats a few country codes on every row.
    location = sys.intern(cells.get("usageLocation", "").strip().upper()) or None
    if location is not None and not is_country_code(location):
        errors.append(
            RowError(
                line,
                f"usageLocation '{location}' is not a two-letter country code",
                "bad_location",
                (("location", location),),
            )
        )
    try:
        enable = _parse_enable(cells.get("enable", ""))
    except ValueError as exc:
        errors.append(
            RowError(
                line,
                f"enable is '{exc}': write true, false, or leave it empty",
                "bad_enable",
                (("value", str(exc)),),
            )
        )
        enable = None
    if disabled and not add:
        errors.append(
            RowError(
                line,
                "disabledPlans needs the license they belong to in the add column",
                "apps_without_add",
            )
        )
    if user and not (add or remove or disabled or location or enable is not None):
        errors.append(
            RowError(
                line,
                "nothing to change: fill add, remove, usageLocation or enable",
                "nothing_to_change",
            )
        )
    if len(errors) > before:
        return None
    return CsvRow(line, user, add, remove, disabled, location, enable)


class _RowReader:
    """Reads plan rows from lines of text one at a time, collecting every error (the first
    ``MAX_KEPT_ERRORS`` of them, and a count of the rest) and yielding only good rows.

    Only what later rows need is kept: the header and the users seen so far (to refuse a
    second row for the same user), never the text itself.
    """

    def __init__(self, lines: Iterable[str], source: str) -> None:
        self.source = source
        self.errors: list[RowError] = []
        self.error_count = 0
        self._lines = iter(lines)
        self._seen: dict[str, int] = {}

    def fail(self, error: RowError) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_KEPT_ERRORS:
            self.errors.append(error)

    def raise_if_failed(self) -> None:
        if self.error_count:
            raise CsvPlanError(self.errors, self.source, total=self.error_count)

    def rows(self) -> Iterator[CsvRow]:
        skipped: list[str] = []
        header_line = None
        for text in self._lines:
            if text.strip():
                header_line = text
                break
            skipped.append(text)
        if header_line is None:
            raise CsvPlanError(
                [RowError(1, "the file is empty: it needs a header row", "empty_file")],
                self.source,
            )
        delimiter = sniff_delimiter(header_line)
        if delimiter is None:
            raise CsvPlanError(
                [
                    RowError(
                        len(skipped) + 1,
                        "the header has no userPrincipalName column "
                        f"(expected: {', '.join(COLUMNS)}, separated by ',' or ';')",
                        "no_user_column",
                        (("columns", ", ".join(COLUMNS)),),
                    )
                ],
                self.source,
            )
        lines = itertools.chain(skipped, [header_line], self._lines)
        reader = csv_reader(lines, delimiter=delimiter, strict=True)
        try:
            yield from self._records(reader, delimiter)
        except csv.Error as exc:
            self.fail(
                RowError(
                    reader.line_num,
                    f"broken quoting ({exc})",
                    "broken_quoting",
                    (("why", str(exc)),),
                )
            )

    def _records(self, reader: Any, delimiter: str) -> Iterator[CsvRow]:
        index: dict[str, int] | None = None
        header_width = 0
        end_of_previous = 0
        for fields in reader:
            line = end_of_previous + 1
            end_of_previous = reader.line_num
            if not any(f.strip() for f in fields):
                continue
            if index is None:
                errors: list[RowError] = []
                index = _parse_header(fields, errors)
                for error in errors:
                    self.fail(error)
                header_width = len(fields)
                continue
            if len(fields) > header_width and any(f.strip() for f in fields[header_width:]):
                self.fail(
                    RowError(
                        line,
                        f"{len(fields)} values but the header has {header_width} columns: "
                        f"a value containing '{delimiter}' needs quotes",
                        "too_many_values",
                        (
                            ("values", str(len(fields))),
                            ("columns", str(header_width)),
                            ("delimiter", delimiter),
                        ),
                    )
                )
                continue
            cells = {name: fields[pos] if pos < len(fields) else "" for name, pos in index.items()}
            row = self._row(line, cells)
            if row is not None:
                yield row

    def _row(self, line: int, cells: dict[str, str]) -> CsvRow | None:
        user = cells.get("userPrincipalName", "").strip()
        # The lower-case UPN is usually the UPN itself: keep one string, not two, per user.
        key = user if user.islower() or not user else user.lower()
        first = self._seen.get(key) if key else None
        if first is not None:
            self.fail(
                RowError(
                    line,
                    f"{key} already has a row (line {first}): merge them",
                    "duplicate_user",
                    (("user", key), ("first", str(first))),
                )
            )
            return None
        if key:
            self._seen[key] = line
        row_errors: list[RowError] = []
        row = _parse_row(line, cells, row_errors)
        for error in row_errors:
            self.fail(error)
        return row


def parse_plan_csv(text: str, source: str = "the plan file") -> list[CsvRow]:
    """Every row of a plan file, or ``CsvPlanError`` listing every bad line."""
    reader = _RowReader(io.StringIO(text.lstrip("\ufeff"), newline=""), source)
    rows = list(reader.rows())
    reader.raise_if_failed()
    return rows


def _decoded_lines(binary: Iterable[bytes], source: str) -> Iterator[str]:
    """UTF-8 lines of a file read as bytes, line by line, so a bad byte is reported on its own
    line (UTF-8 never puts a newline byte inside a letter)."""
    for number, raw in enumerate(binary, 1):
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CsvPlanError([RowError(number, NOT_UTF8, "not_utf8")], source) from exc
        yield text.lstrip("\ufeff") if number == 1 else text


class _Resolver:
    """License and app names to ids, once per distinct combination: a plan of 500,000 rows
    usually holds a handful, and the resolved tuples are shared between their changes."""

    def __init__(self, skus: Sequence[Sku]) -> None:
        self.skus = skus
        self._cache: dict[
            tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]],
            tuple[tuple[AssignedLicense, ...], tuple[str, ...], tuple[_Problem, ...]],
        ] = {}

    def change(self, row: CsvRow, errors: list[RowError]) -> UserChange | None:
        key = (row.add, row.remove, row.disabled_plans)
        resolved = self._cache.get(key)
        if resolved is None:
            resolved = self._cache[key] = self._resolve(row)
        add, remove, problems = resolved
        if problems:
            errors.extend(RowError(row.line, *problem) for problem in problems)
            return None
        return UserChange(
            user=row.user,
            add=add,
            remove=remove,
            usage_location=row.usage_location,
            account_enabled=row.enable,
        )

    def _resolve(
        self, row: CsvRow
    ) -> tuple[tuple[AssignedLicense, ...], tuple[str, ...], tuple[_Problem, ...]]:
        problems: list[_Problem] = []
        added: list[Sku] = []
        for name in row.add:
            try:
                added.append(resolve_sku(name, self.skus))
            except CatalogLookupError as exc:
                problems.append(
                    (f"add: {exc}", "unknown_license", (("column", "add"), ("name", name)))
                )
        removed: list[str] = []
        for name in row.remove:
            try:
                removed.append(resolve_sku(name, self.skus).sku_id)
            except CatalogLookupError as exc:
                problems.append(
                    (f"remove: {exc}", "unknown_license", (("column", "remove"), ("name", name)))
                )
        if {s.sku_id for s in added} & set(removed):
            problems.append(("the same license is in both add and remove", "add_and_remove", ()))
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
                    str(misses[0])
                    if len(added) == 1
                    else f"no app '{name}' in {', '.join(row.add)}"
                )
                problems.append(
                    (
                        f"disabledPlans: {detail}",
                        "unknown_app",
                        (("name", name), ("licenses", ", ".join(row.add))),
                    )
                )
        licenses = tuple(AssignedLicense(s.sku_id, tuple(disabled[s.sku_id])) for s in added)
        return licenses, tuple(removed), tuple(problems)


def _plan(changes: Sequence[UserChange], source: str) -> Plan:
    count = "1 user" if len(changes) == 1 else f"{len(changes)} users"
    return Plan(PlanKind.IMPORT, tuple(changes), f"Apply {source} ({count})")


def rows_to_plan(
    rows: Sequence[CsvRow], skus: Sequence[Sku], *, source: str = "the plan file"
) -> Plan:
    """Resolve license and app names against the tenant's SKUs; all errors or a plan."""
    errors: list[RowError] = []
    resolver = _Resolver(skus)
    changes = [c for c in (resolver.change(row, errors) for row in rows) if c is not None]
    if errors:
        raise CsvPlanError(errors, source)
    return _plan(changes, source)


def _cannot_read(path: Path, exc: OSError) -> RowError:
    reason = exc.strerror or str(exc)
    return RowError(
        0, f"cannot read {path}: {reason}", "cannot_read", (("path", str(path)), ("why", reason))
    )


def load_plan_csv(path: Path, skus: Sequence[Sku]) -> Plan:
    """Read and resolve a plan file as a stream: memory grows with the changes kept, not with
    the file (a 50 MB plan stays well under 200 MB; tests/benchmarks/bench_plan_csv.py)."""
    source = path.name
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise CsvPlanError([_cannot_read(path, exc)], source) from exc
    with handle:
        reader = _RowReader(_decoded_lines(handle, source), source)
        resolver = _Resolver(skus)
        changes: list[UserChange] = []
        resolve_errors: list[RowError] = []
        try:
            for row in reader.rows():
                change = resolver.change(row, resolve_errors)
                if change is not None:
                    changes.append(change)
                for error in resolve_errors:
                    reader.fail(error)
                resolve_errors.clear()
        except OSError as exc:
            raise CsvPlanError([_cannot_read(path, exc)], source) from exc
    reader.raise_if_failed()
    return _plan(changes, source)
