"""Accounts for pending people, as the licensing engine's create plans: the account first,
then its licenses with the usage location (one ``UserChange`` each, the engine's ``create``
road: POST /users, then assignLicense depending on it). "Activate" is the same without
licenses. Each account gets a generated temporary password (``desktop/passwords.py``), held
by the plan only: the journal never stores it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile
from desktop.licensing.types import Plan, PlanKind, UserChange
from desktop.passwords import generate_password
from desktop.people.records import Person


def new_user_of(person: Person, upn: str, *, usage_location: str | None,
                force_change: bool) -> NewUser:  # fmt: skip
    return NewUser(
        display_name=person.display_name,
        user_principal_name=upn,
        password_profile=PasswordProfile(generate_password(), force_change),
        usage_location=person.usage_location or usage_location,
        department=person.department,
        job_title=person.job_title,
        given_name=person.first,
        surname=person.last,
    )


def create_people_plan(
    people: Sequence[Person],
    upns: Mapping[str, str],
    licenses: Sequence[AssignedLicense] = (),
    *,
    usage_location: str | None = None,
    force_change: bool = True,
) -> Plan:
    """One plan creating every pending person's account (under ``upns[person.key]``) and, with
    ``licenses``, licensing it. ``usage_location`` is for people the list has none for."""
    changes = []
    for person in people:
        if not person.is_pending:
            raise ValueError(f"{person.key} already has an account")
        new_user = new_user_of(
            person, upns[person.key], usage_location=usage_location, force_change=force_change
        )
        changes.append(
            UserChange(
                user=new_user.user_principal_name,
                add=tuple(licenses),
                usage_location=new_user.usage_location,
                create=new_user,
            )
        )
    return Plan(PlanKind.CREATE, tuple(changes))


def passwords_of(plan: Plan) -> dict[str, tuple[str, bool]]:
    """UPN -> (temporary password, must change at first sign-in), for the plan's creates."""
    return {
        c.create.user_principal_name: (
            c.create.password_profile.password,
            c.create.password_profile.force_change_password_next_sign_in,
        )
        for c in plan.changes
        if c.create is not None
    }


class NotInMicrosoft365Error(ValueError):
    """A change a person without an account cannot take (removing a license they lack)."""


def with_accounts_created(
    plan: Plan,
    pending: Mapping[str, Person],
    upns: Mapping[str, str],
    *,
    force_change: bool = True,
) -> Plan:
    """``plan`` where each change for a pending person (``pending``: the name used in the plan
    -> the person) first creates their account under ``upns[person.key]``, then makes the
    change's licenses and usage location part of the new account."""
    changes = []
    for change in plan.changes:
        person = pending.get(change.user)
        if person is None:
            changes.append(change)
            continue
        if change.remove:
            raise NotInMicrosoft365Error(
                f"{change.user} is not in Microsoft 365 yet: there is no license to remove"
            )
        new_user = new_user_of(
            person,
            upns[person.key],
            usage_location=change.usage_location,
            force_change=force_change,
        )
        changes.append(
            UserChange(
                user=new_user.user_principal_name,
                add=change.add,
                usage_location=new_user.usage_location,
                create=new_user,
            )
        )
    return replace(plan, changes=tuple(changes))
