"""What a person on the list has, and the column headers (English and Polish) that mean it."""

from __future__ import annotations

import enum
import unicodedata


class Field(str, enum.Enum):
    NAME = "name"  # the display name
    FIRST = "first"
    LAST = "last"
    EMAIL = "email"  # the work e-mail or user name; links the person to an existing user
    UPN = "upn"  # a user name chosen in the file (else the tenant's rule proposes one)
    DEPARTMENT = "department"
    JOB_TITLE = "job-title"
    USAGE_LOCATION = "usage-location"
    MANAGER = "manager"  # the manager's e-mail


def fold(text: str) -> str:
    """A header as compared: lower case, no accents, spaces/dashes/underscores/dots dropped."""
    plain = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return "".join(c for c in plain.lower() if c.isalnum())


_HEADERS: dict[Field, tuple[str, ...]] = {
    Field.NAME: (
        "name",
        "display name",
        "displayName",
        "full name",
        "nazwa",
        "imię i nazwisko",
        "nazwa wyświetlana",
        "pracownik",
    ),
    Field.FIRST: ("first name", "first", "given name", "givenName", "imię", "imie"),
    Field.LAST: ("last name", "last", "surname", "family name", "nazwisko"),
    Field.EMAIL: (
        "email",
        "e-mail",
        "mail",
        "email address",
        "work email",
        "adres e-mail",
        "adres email",
        "e-mail służbowy",
        "poczta",
    ),
    Field.UPN: ("upn", "userPrincipalName", "user name", "username", "login", "nazwa użytkownika"),
    Field.DEPARTMENT: ("department", "dept", "dział", "dzial", "departament"),
    Field.JOB_TITLE: ("job title", "jobTitle", "title", "position", "stanowisko"),
    Field.USAGE_LOCATION: (
        "usage location",
        "usageLocation",
        "country",
        "country code",
        "kraj",
        "lokalizacja",
        "lokalizacja użycia",
    ),
    Field.MANAGER: (
        "manager",
        "manager email",
        "manager's email",
        "manager e-mail",
        "przełożony",
        "przelozony",
        "e-mail przełożonego",
        "kierownik",
    ),
}
KNOWN_HEADERS: dict[str, Field] = {fold(h): f for f, names in _HEADERS.items() for h in names}


def field_named(text: str) -> Field | None:
    """A field by its own name (``--map "Nr kadrowy=skip"`` aside) or by a known header."""
    key = text.strip().lower()
    for field in Field:
        if key == field.value:
            return field
    return KNOWN_HEADERS.get(fold(text))
