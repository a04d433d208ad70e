"""The list's people who have no account yet, as rows of the window's user table, and linking
the accounts a run created back to their people.

A pending person's row is keyed by the person's key (their e-mail, else the user name from the
file): a plan naming that key is turned into a create by ``plans.with_accounts_created``. The
row shows the user name the tenant's rule proposes now.
"""

from __future__ import annotations

from collections.abc import Mapping

from desktop.graph.client import GraphClient
from desktop.graph.records import User
from desktop.licensing.reader import read_users
from desktop.people.records import Person
from desktop.people.store import PeopleList


def pending_row(person: Person, proposed_upn: str) -> User:
    return User(
        id=person.key,
        display_name=person.display_name,
        user_principal_name=proposed_upn,
        account_enabled=False,  # no account: nobody signs in yet ("Activate" creates it)
        usage_location=person.usage_location,
        mail=person.email,
        department=person.department,
        job_title=person.job_title,
        not_activated=True,
    )


def pending_rows(people: PeopleList, upns: Mapping[str, str]) -> list[User]:
    """A row for each pending person, in list order (``upns``: key -> proposed user name)."""
    return [pending_row(p, upns[p.key]) for p in people.pending if p.key in upns]


def link_created(people: PeopleList, client: GraphClient, upns: Mapping[str, str]) -> int:
    """Links each person (key -> the user name planned for them) whose account exists now,
    read back rather than assumed; returns how many were linked."""
    if not upns:
        return 0
    found = read_users(client, list(upns.values()))
    linked = 0
    for key, upn in upns.items():
        user = found.get(upn.lower())
        if user is not None and (person := people.find(key)) is not None and person.is_pending:
            people.link(key, user.id, user.user_principal_name)
            linked += 1
    return linked
