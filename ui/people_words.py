"""The people list's engine words in the window's language: the fields a column can give, why a
row cannot be imported, why a column mapping cannot be used. The engine (``desktop/people/
importing.py``) gives the kind and the values; its English sentences are for the CLI only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.people.fields import Field
from desktop.people.importing import BadRow, MappingError, MappingProblem, RowProblem


def field_words() -> dict[Field, str]:
    return {
        Field.NAME: QCoreApplication.translate("PeopleWords", "Name"),
        Field.FIRST: QCoreApplication.translate("PeopleWords", "First name"),
        Field.LAST: QCoreApplication.translate("PeopleWords", "Last name"),
        Field.EMAIL: QCoreApplication.translate("PeopleWords", "E-mail"),
        Field.UPN: QCoreApplication.translate("PeopleWords", "User name (UPN)"),
        Field.DEPARTMENT: QCoreApplication.translate("PeopleWords", "Department"),
        Field.JOB_TITLE: QCoreApplication.translate("PeopleWords", "Job title"),
        Field.USAGE_LOCATION: QCoreApplication.translate("PeopleWords", "Usage location"),
        Field.MANAGER: QCoreApplication.translate("PeopleWords", "Manager's e-mail"),
    }


def bad_row_reason(bad: BadRow) -> str:
    """Why the row cannot be imported, and what to fix, in the window's language."""
    if bad.problem is RowProblem.NO_NAME:
        return QCoreApplication.translate("PeopleWords", "no name: fill in the name")
    if bad.problem is RowProblem.NOT_AN_ADDRESS:
        field = field_words()[bad.field] if bad.field is not None else ""
        return QCoreApplication.translate(
            "PeopleWords", "{field} “{value}” is not an address of the form name@domain"
        ).format(field=field, value=bad.value)
    if bad.problem is RowProblem.NOT_A_COUNTRY:
        return QCoreApplication.translate(
            "PeopleWords", "usage location “{value}” is not a two-letter country code (e.g. PL)"
        ).format(value=bad.value)
    if bad.problem is RowProblem.NEEDS_FIRST_AND_LAST:
        return QCoreApplication.translate(
            "PeopleWords",
            "give the first and last name (or a user name): the user name rule needs both",
        )
    return QCoreApplication.translate("PeopleWords", "{person} is also on line {line}").format(
        person=bad.value, line=bad.earlier_line
    )


def bad_row_text(bad: BadRow) -> str:
    return QCoreApplication.translate("PeopleWords", "Line {line}: {reason}").format(
        line=bad.line, reason=bad_row_reason(bad)
    )


def mapping_problem_text(error: MappingError) -> str:
    """Why the columns as chosen cannot be imported, and what to choose instead."""
    if error.problem is MappingProblem.SAME_FIELD_TWICE:
        first, second, field_value = error.names
        return QCoreApplication.translate(
            "PeopleWords",
            "The columns “{first}” and “{second}” both give {field}: leave one of them out.",
        ).format(first=first, second=second, field=field_words()[Field(field_value)])
    if error.problem is MappingProblem.NO_NAME_COLUMN:
        return QCoreApplication.translate(
            "PeopleWords",
            "No column gives the name: choose Name, or First name and Last name, for a column.",
        )
    # The window offers only the file's columns and the known fields: these come from the CLI.
    return QCoreApplication.translate(
        "PeopleWords", "This column mapping cannot be used: choose the columns again."
    )
