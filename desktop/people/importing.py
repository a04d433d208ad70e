"""From a table to people: the column mapping, a preview of the first rows, bad rows by line.

Nothing is stored here: ``ImportPreview`` is what the administrator sees and accepts; the
store (``store.py``) keeps the accepted people.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.countries import is_country_code
from desktop.people.fields import Field, field_named
from desktop.people.records import Person
from desktop.people.table import Table

PREVIEW_ROWS = 5
SKIP = "skip"  # ``--map "Nr kadrowy=skip"``: a column the file has and we do not want


class MappingProblem(enum.Enum):
    """Why a column mapping cannot be used (the window words each kind through tr())."""

    NO_SUCH_COLUMN = "no-such-column"  # names: the column asked for
    NOT_A_FIELD = "not-a-field"  # names: the field name given
    SAME_FIELD_TWICE = "same-field-twice"  # names: the two columns, then the field
    NO_NAME_COLUMN = "no-name-column"


class MappingError(ValueError):
    """A mapping the file or the fields do not have; the message (English, for the CLI) says
    what to do; ``problem`` and ``names`` are what the window words."""

    def __init__(self, problem: MappingProblem, *names: str, header: tuple[str, ...] = ()) -> None:
        self.problem = problem
        self.names = names
        super().__init__(_mapping_message(problem, names, header))


def _mapping_message(
    problem: MappingProblem, names: tuple[str, ...], header: tuple[str, ...]
) -> str:
    if problem is MappingProblem.NO_SUCH_COLUMN:
        return f"the file has no column '{names[0]}': its columns are {', '.join(header)}"
    if problem is MappingProblem.NOT_A_FIELD:
        fields = ", ".join(f.value for f in Field)
        return f"'{names[0]}' is not a field: use one of {fields} or {SKIP}"
    if problem is MappingProblem.SAME_FIELD_TWICE:
        return (f"the columns '{names[0]}' and '{names[1]}' both mean {names[2]}: "
                "map one of them to skip")  # fmt: skip
    return "no column gives the name: map one with --map COLUMN=name (or first and last)"


class RowProblem(enum.Enum):
    """Why a row of the file cannot be imported (the window words each kind through tr())."""

    NO_NAME = "no-name"
    NOT_AN_ADDRESS = "not-an-address"  # field: email, upn or manager; value: the cell
    NOT_A_COUNTRY = "not-a-country"  # value: the usage location given
    NEEDS_FIRST_AND_LAST = "needs-first-and-last"
    REPEATED = "repeated"  # value: the person's key; earlier_line: where they are first


@dataclass(frozen=True, slots=True)
class BadRow:
    line: int
    problem: RowProblem
    value: str = ""
    field: Field | None = None
    earlier_line: int = 0

    @property
    def message(self) -> str:
        """The reason in English, as the command line prints it."""
        if self.problem is RowProblem.NO_NAME:
            return "no name"
        if self.problem is RowProblem.NOT_AN_ADDRESS:
            field = self.field.value if self.field is not None else "address"
            return f"{field} '{self.value}' is not an address of the form name@domain"
        if self.problem is RowProblem.NOT_A_COUNTRY:
            return f"usage location '{self.value}' is not a two-letter country code"
        if self.problem is RowProblem.NEEDS_FIRST_AND_LAST:
            return "give first and last name (or a user name): the rule needs both"
        return f"{self.value} is also on line {self.earlier_line}"


@dataclass(frozen=True, slots=True)
class ImportPreview:
    mapping: dict[str, Field]  # header -> field, the columns used
    ignored: tuple[str, ...]  # headers not mapped to any field
    people: tuple[Person, ...]  # the good rows, in file order
    bad: tuple[BadRow, ...]

    @property
    def first_rows(self) -> tuple[Person, ...]:
        return self.people[:PREVIEW_ROWS]


def recognised_columns(
    header: tuple[str, ...], chosen: Mapping[str, Field | None] | None = None
) -> dict[str, Field]:
    """The ``chosen`` columns (None: left out), then each other header recognised as an
    English or Polish name of a field not given yet."""
    chosen = chosen or {}
    mapping: dict[str, Field] = {h: f for h, f in chosen.items() if f is not None}
    for column in header:
        if column in chosen or not column:
            continue
        field = field_named(column)
        if field is not None and field not in mapping.values():
            mapping[column] = field
    return mapping


def column_mapping(header: tuple[str, ...], overrides: Mapping[str, str]) -> dict[str, Field]:
    """Each header to the field it means: the ``overrides`` (header -> field name, or
    ``skip``) first, then the recognised English and Polish headers."""
    by_fold = {h.strip().lower(): h for h in header}
    chosen: dict[str, Field | None] = {}
    for column, field_name in overrides.items():
        real = by_fold.get(column.strip().lower())
        if real is None:
            raise MappingError(MappingProblem.NO_SUCH_COLUMN, column, header=header)
        if field_name.strip().lower() == SKIP:
            chosen[real] = None
            continue
        field = field_named(field_name)
        if field is None:
            raise MappingError(MappingProblem.NOT_A_FIELD, field_name)
        chosen[real] = field
    mapping = recognised_columns(header, chosen)
    taken: dict[Field, str] = {}
    for column, field in mapping.items():
        if field in taken:
            raise MappingError(MappingProblem.SAME_FIELD_TWICE, taken[field], column, field.value)
        taken[field] = column
    if not ({Field.NAME, Field.FIRST, Field.LAST} & set(taken)):
        raise MappingError(MappingProblem.NO_NAME_COLUMN)
    return mapping


def _looks_like_address(text: str) -> bool:
    local, at, domain = text.partition("@")
    return bool(at and local and "." in domain and "@" not in domain and " " not in text)


Problem = tuple[RowProblem, str, Field | None]  # a row's problem, the cell, its field


def row_person(cells: Mapping[Field, str]) -> tuple[Person | None, list[Problem]]:
    def get(field: Field) -> str | None:
        return cells.get(field, "").strip() or None

    first, last = get(Field.FIRST), get(Field.LAST)
    name = get(Field.NAME) or " ".join(p for p in (first, last) if p) or None
    problems: list[Problem] = []
    if name is None:
        problems.append((RowProblem.NO_NAME, "", None))
    for field in (Field.EMAIL, Field.UPN, Field.MANAGER):
        value = get(field)
        if value is not None and not _looks_like_address(value):
            problems.append((RowProblem.NOT_AN_ADDRESS, value, field))
    location = get(Field.USAGE_LOCATION)
    location = location.upper() if location else None
    if location is not None and not is_country_code(location):
        problems.append((RowProblem.NOT_A_COUNTRY, location, Field.USAGE_LOCATION))
    if (first is None or last is None) and get(Field.UPN) is None and name and " " not in name:
        problems.append((RowProblem.NEEDS_FIRST_AND_LAST, name, None))
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
                bad.append(BadRow(line, RowProblem.REPEATED, person.key, earlier_line=earlier))
                continue
            seen.update({n: line for n in person.names()})
        if problems:
            bad.extend(BadRow(line, kind, value, field) for kind, value, field in problems)
        elif person is not None:
            people.append(person)
    ignored = tuple(h for h in table.header if h and h not in mapping)
    return ImportPreview(mapping, ignored, tuple(people), tuple(bad))
