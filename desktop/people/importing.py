"""From a table to people: the column mapping, a preview of the first rows, bad rows by line.

Nothing is stored here: ``ImportPreview`` is what the administrator sees and accepts; the
store (``store.py``) keeps the accepted people.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from desktop.countries import is_country_code
from desktop.people.fields import Field, field_named
from desktop.people.records import Person
from desktop.people.table import Table

PREVIEW_ROWS = 5
SKIP = "skip"  # ``--map "Nr kadrowy=skip"``: a column the file has and we do not want


class MappingError(ValueError):
    """A ``--map`` the file or the fields do not have; the message says what to do."""


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    message: str


@dataclass(frozen=True, slots=True)
class ImportPreview:
    mapping: dict[str, Field]  # header -> field, the columns used
    ignored: tuple[str, ...]  # headers not mapped to any field
    people: tuple[Person, ...]  # the good rows, in file order
    bad: tuple[BadRow, ...]

    @property
    def first_rows(self) -> tuple[Person, ...]:
        return self.people[:PREVIEW_ROWS]


def column_mapping(header: tuple[str, ...], overrides: Mapping[str, str]) -> dict[str, Field]:
    """Each header to the field it means: the ``overrides`` (header -> field name, or
    ``skip``) first, then the recognised English and Polish headers."""
    by_fold = {h.strip().lower(): h for h in header}
    chosen: dict[str, Field | None] = {}
    for column, field_name in overrides.items():
        real = by_fold.get(column.strip().lower())
        if real is None:
            raise MappingError(f"the file has no column '{column}': its columns are "
                               f"{', '.join(header)}")  # fmt: skip
        if field_name.strip().lower() == SKIP:
            chosen[real] = None
            continue
        field = field_named(field_name)
        if field is None:
            raise MappingError(f"'{field_name}' is not a field: use one of "
                               f"{', '.join(f.value for f in Field)} or {SKIP}")  # fmt: skip
        chosen[real] = field
    mapping: dict[str, Field] = {h: f for h, f in chosen.items() if f is not None}
    for column in header:
        if column in chosen or not column:
            continue
        field = field_named(column)
        if field is not None and field not in mapping.values():
            mapping[column] = field
    taken: dict[Field, str] = {}
    for column, field in mapping.items():
        if field in taken:
            raise MappingError(f"the columns '{taken[field]}' and '{column}' both mean "
                               f"{field.value}: map one of them to skip")  # fmt: skip
        taken[field] = column
    if not ({Field.NAME, Field.FIRST, Field.LAST} & set(taken)):
        raise MappingError("no column gives the name: map one with --map COLUMN=name "
                           "(or first and last)")  # fmt: skip
    return mapping


def _looks_like_address(text: str) -> bool:
    local, at, domain = text.partition("@")
    return bool(at and local and "." in domain and "@" not in domain and " " not in text)


def row_person(cells: Mapping[Field, str]) -> tuple[Person | None, list[str]]:
    def get(field: Field) -> str | None:
        return cells.get(field, "").strip() or None

    first, last = get(Field.FIRST), get(Field.LAST)
    name = get(Field.NAME) or " ".join(p for p in (first, last) if p) or None
    problems: list[str] = []
    if name is None:
        problems.append("no name")
    for field in (Field.EMAIL, Field.UPN, Field.MANAGER):
        value = get(field)
        if value is not None and not _looks_like_address(value):
            problems.append(f"{field.value} '{value}' is not an address of the form name@domain")
    location = get(Field.USAGE_LOCATION)
    location = location.upper() if location else None
    if location is not None and not is_country_code(location):
        problems.append(f"usage location '{location}' is not a two-letter country code")
    if (first is None or last is None) and get(Field.UPN) is None and name and " " not in name:
        problems.append("give first and last name (or a user name): the rule needs both")
    if problems or name is None:
        return None, problems
    return Person(
        display_name=name,
        first=first or (name.split(" ", 1)[0] if " " in name else None),
        last=last or (name.rsplit(" ", 1)[1] if " " in name else None),
        email=get(Field.EMAIL),
        upn=get(Field.UPN),
        department=get(Field.DEPARTMENT),
        job_title=get(Field.JOB_TITLE),
        usage_location=location,
        manager=get(Field.MANAGER),
    ), []


def preview_import(table: Table, overrides: Mapping[str, str] | None = None) -> ImportPreview:
    """Every row read and checked; duplicates within the file are bad rows too."""
    mapping = column_mapping(table.header, overrides or {})
    positions = {field: table.header.index(column) for column, field in mapping.items()}
    people: list[Person] = []
    bad: list[BadRow] = []
    seen: dict[str, int] = {}
    for line, row in table.rows:
        cells = {f: row[i] if i < len(row) else "" for f, i in positions.items()}
        person, problems = row_person(cells)
        if person is not None:
            earlier = next((seen[n] for n in person.names() if n in seen), None)
            if earlier is not None:
                problems = [f"{person.key} is also on line {earlier}"]
            else:
                seen.update({n: line for n in person.names()})
        if problems:
            bad.extend(BadRow(line, p) for p in problems)
        elif person is not None:
            people.append(person)
    ignored = tuple(h for h in table.header if h and h not in mapping)
    return ImportPreview(mapping, ignored, tuple(people), tuple(bad))
