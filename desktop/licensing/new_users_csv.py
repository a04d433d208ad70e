"""Files of users to create (``license-desk user create --users-file``), read strictly.

One row per new user; every error is collected with its line number before anything is sent.
The columns are documented in ``docs/cli.md`` ("Creating many users").
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.countries import is_country_code
from desktop.csv_read import csv_reader
from desktop.licensing.csv_plan import (
    DELIMITERS,
    LIST_SEPARATOR,
    CsvPlanError,
    RowError,
    decode,
)

COLUMNS = (
    "userPrincipalName",
    "displayName",
    "givenName",
    "surname",
    "department",
    "jobTitle",
    "usageLocation",
    "licenses",
    "disabledPlans",
)
REQUIRED = ("userPrincipalName",)
SOURCE = "the users file"
_CANONICAL = {c.lower(): c for c in COLUMNS}


@dataclass(frozen=True, slots=True)
class NewUserRow:
    """One user to create, as written (names of licenses and apps not resolved yet)."""

    line: int
    user_principal_name: str
    display_name: str
    given_name: str | None = None
    surname: str | None = None
    department: str | None = None
    job_title: str | None = None
    usage_location: str | None = None
    licenses: tuple[str, ...] = ()
    disabled_plans: tuple[str, ...] = ()


def row_problems(row: NewUserRow, domains: Sequence[str] = ()) -> list[str]:
    """What is wrong with one user to create; ``domains`` (the tenant's verified domains), when
    given, must include the user name's domain."""
    problems: list[str] = []
    upn = row.user_principal_name
    local, at, domain = upn.partition("@")
    if not (at and local and domain and "@" not in domain and " " not in upn):
        problems.append(f"'{upn}' is not a user name of the form name@domain")
    elif domains and domain.lower() not in {d.lower() for d in domains}:
        problems.append(
            f"'{domain}' is not a verified domain of this tenant: use one of {', '.join(domains)}"
        )
    if not row.display_name:
        problems.append(f"{upn or 'the user'} has no display name (give one, or first and last)")
    if row.usage_location is not None and not is_country_code(row.usage_location):
        problems.append(f"usage location '{row.usage_location}' is not a two-letter country code")
    if row.disabled_plans and not row.licenses:
        problems.append("apps to turn off need a license to turn them off in")
    return problems


def display_name_of(display: str, given: str | None, surname: str | None) -> str:
    """The given display name, else "First Last" from the parts given."""
    return display.strip() or " ".join(p for p in (given, surname) if p).strip()


def _cell(cells: dict[str, str], column: str) -> str | None:
    value = cells.get(column, "").strip()
    return value or None


def _split(cell: str | None) -> tuple[str, ...]:
    return tuple(p.strip() for p in (cell or "").split(LIST_SEPARATOR) if p.strip())


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in DELIMITERS}
    return max(counts, key=lambda d: counts[d])


def parse_new_users_csv(text: str) -> list[NewUserRow]:
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise CsvPlanError([RowError(1, "the file is empty: the first line names the columns")],
                           SOURCE)  # fmt: skip
    reader = csv_reader(io.StringIO(text), delimiter=_delimiter(lines[0]))
    header = next(reader)
    errors: list[RowError] = []
    index: dict[str, int] = {}
    for position, name in enumerate(header):
        key = name.strip().lstrip("\ufeff").lower()
        if key in _CANONICAL and _CANONICAL[key] not in index:
            index[_CANONICAL[key]] = position
        elif key:
            errors.append(RowError(1, f"unknown or repeated column '{name.strip()}': use "
                                      f"{', '.join(COLUMNS)}"))  # fmt: skip
    for column in REQUIRED:
        if column not in index:
            errors.append(RowError(1, f"the column '{column}' is missing"))
    if errors:
        raise CsvPlanError(errors, SOURCE)
    rows: list[NewUserRow] = []
    seen: dict[str, int] = {}
    for line, fields in enumerate(reader, 2):
        if not any(f.strip() for f in fields):
            continue
        cells = {col: fields[pos] if pos < len(fields) else "" for col, pos in index.items()}
        given, surname = _cell(cells, "givenName"), _cell(cells, "surname")
        location = _cell(cells, "usageLocation")
        row = NewUserRow(
            line=line,
            user_principal_name=_cell(cells, "userPrincipalName") or "",
            display_name=display_name_of(_cell(cells, "displayName") or "", given, surname),
            given_name=given,
            surname=surname,
            department=_cell(cells, "department"),
            job_title=_cell(cells, "jobTitle"),
            usage_location=location.upper() if location else None,
            licenses=_split(_cell(cells, "licenses")),
            disabled_plans=_split(_cell(cells, "disabledPlans")),
        )
        errors.extend(RowError(line, p) for p in row_problems(row))
        key = row.user_principal_name.lower()
        if key in seen:
            errors.append(RowError(line, f"{row.user_principal_name} is also on line {seen[key]}"))
        seen.setdefault(key, line)
        rows.append(row)
    if errors:
        raise CsvPlanError(errors, SOURCE)
    if not rows:
        raise CsvPlanError([RowError(2, "no users below the header line")], SOURCE)
    return rows


def read_new_users_csv(data: bytes) -> list[NewUserRow]:
    return parse_new_users_csv(decode(data, SOURCE))
