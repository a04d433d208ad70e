"""A person on the list: who they are in the HR export, and whether they have an account."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Person:
    display_name: str
    first: str | None = None
    last: str | None = None
    email: str | None = None
    upn: str | None = None  # chosen in the file; else the tenant's rule proposes one
    department: str | None = None
    job_title: str | None = None
    usage_location: str | None = None
    manager: str | None = None  # the manager's e-mail, as given (kept, not sent yet)
    # The existing user this person is (same e-mail or user name), or the account created
    # for them. A linked person is never created again.
    linked_id: str | None = None
    linked_upn: str | None = None

    @property
    def key(self) -> str:
        """What identifies the person on the list: the e-mail, else the user name, else the
        name (lower case)."""
        return (self.email or self.upn or self.display_name).strip().lower()

    @property
    def is_pending(self) -> bool:
        return self.linked_id is None

    def names(self) -> tuple[str, ...]:
        """The names an existing user would have if this person is them, lower case."""
        return tuple(dict.fromkeys(n.strip().lower() for n in (self.email, self.upn) if n))
