"""``license-desk people create``: accounts for people on the list, with licenses or without
("Activate"). One create plan (``desktop/people/plans.py``): the preview says "create the
account" for each; temporary passwords are handed over once, as ``user create`` does; undo
deletes exactly the created accounts. Afterwards the people are linked to their accounts."""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from desktop.catalog import resolve_sku
from desktop.commands.change_options import add_run_options, country_code, run_plan, split_list
from desktop.commands.changes import UsageError, disabled_plans_by_sku
from desktop.commands.create_users import PasswordHandOver, check_password_file
from desktop.commands.flow import handles_errors
from desktop.graph.records import AssignedLicense
from desktop.licensing.controller import LicenseController
from desktop.licensing.types import CheckedPlan, Plan, ProblemKind, RunReport
from desktop.people.plans import NotInMicrosoft365Error, create_people_plan, with_accounts_created
from desktop.people.records import Person
from desktop.people.store import (
    PeopleFileError,
    PeopleList,
    load_people,
    people_folder,
    save_people,
)
from desktop.people.tenant import proposed_upns, sync_with_tenant
from desktop.people.upn_rule import RuleError


def register_create(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    create = actions.add_parser(
        "create",
        help="create the accounts of people on the list, with licenses or without",
        description="Create Microsoft 365 accounts for people who are not activated yet: the "
        "account first, then its licenses and usage location. Passwords are shown once.",
    )
    who = create.add_mutually_exclusive_group(required=True)
    who.add_argument("--people", metavar="EMAIL[,EMAIL...]", action="append",
                     help="people on the list, by e-mail or user name")  # fmt: skip
    who.add_argument("--all", action="store_true", help="everyone not activated yet")
    create.add_argument("--license", metavar="SKU", action="append", default=[],
                        help="license to assign (none: only activate the account)")  # fmt: skip
    create.add_argument("--disable-plan", metavar="PLAN", action="append", default=[],
                        help="app to turn off in those licenses")  # fmt: skip
    create.add_argument("--usage-location", metavar="CC",
                        help="country code for people the list has none for")  # fmt: skip
    create.add_argument("--no-force-change", action="store_true",
                        help="do not ask for a new password at first sign-in")  # fmt: skip
    create.add_argument("--password-file", metavar="FILE", type=Path,
                        help="write UPN, temporary password and must-change flag here "
                        "(owner-only) instead of printing them")  # fmt: skip
    add_run_options(create)
    create.set_defaults(handler=handles_errors(run_people_create), command_name="people create")


def read_list(folder: Path) -> PeopleList:
    """The stored list; one that cannot be read is bad input (one line, exit 2)."""
    try:
        return load_people(folder)
    except PeopleFileError as exc:
        raise UsageError(str(exc)) from None


def chosen_people(people: PeopleList, names: list[str] | None) -> list[Person]:
    """The pending people named (all pending ones without names); unknown or already linked
    names are bad input."""
    if names is None:
        if not people.pending:
            raise UsageError("Nobody on the list is waiting for an account.")
        return people.pending
    chosen: list[Person] = []
    for name in split_list(names):
        person = people.find(name)
        if person is None:
            raise UsageError(
                f"{name} is not on the list of people (see: license-desk people list)."
            )
        if not person.is_pending:
            raise UsageError(f"{name} already has an account: {person.linked_upn}.")
        if person not in chosen:
            chosen.append(person)
    return chosen


def _licenses(args: argparse.Namespace, controller: LicenseController) -> list[AssignedLicense]:
    skus = controller.list_skus()
    added = [resolve_sku(name, skus) for name in split_list(args.license)]
    if args.disable_plan and not added:
        raise UsageError("--disable-plan needs a --license to turn the app off in.")
    disabled = disabled_plans_by_sku(split_list(args.disable_plan), added)
    return [AssignedLicense(s.sku_id, disabled[s.sku_id]) for s in added]


class LinkCreated:
    """After the run: hand the passwords over, then link each person to the account that now
    exists (read back, not assumed)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.hand_over = PasswordHandOver(args)
        self.folder: Path | None = None
        self.upns: dict[str, str] = {}  # person's key -> the user name planned

    def __call__(self, report: RunReport) -> Mapping[str, Any]:
        extra = self.hand_over(report)
        controller = self.hand_over.controller
        if controller is None or self.folder is None:
            return extra
        existing = {a["userPrincipalName"].lower() for a in extra["accounts"]}
        found = controller.refresh_users([u for u in self.upns.values() if u.lower() in existing])
        by_upn = {u.user_principal_name.lower(): u for u in found}
        people = load_people(self.folder)
        for key, upn in self.upns.items():
            user = by_upn.get(upn.lower())
            if user is not None:
                people.link(key, user.id, user.user_principal_name)
        save_people(self.folder, people)
        return extra


def run_people_create(args: argparse.Namespace) -> int:
    location = (
        country_code(args.usage_location, "--usage-location") if args.usage_location else None
    )
    if args.password_file is not None:
        check_password_file(args.password_file)
    after = LinkCreated(args)

    def build(controller: LicenseController) -> Plan:
        folder = people_folder(controller.client)
        people = read_list(folder)
        if sync_with_tenant(people, controller.client):
            save_people(folder, people)  # linked since: never created twice
        chosen = chosen_people(people, args.people)
        try:
            upns = proposed_upns(people, controller.client)
        except RuleError as exc:
            raise UsageError(f"{exc}.") from None
        plan = create_people_plan(
            chosen,
            upns,
            _licenses(args, controller),
            usage_location=location,
            force_change=not args.no_force_change,
        )
        after.folder = folder
        after.upns = {p.key: upns[p.key] for p in chosen}
        after.hand_over.expect(plan, controller)
        return plan

    return run_plan(args, build, after_run=after)


def creating_pending_people(
    checked: CheckedPlan, controller: LicenseController, args: argparse.Namespace
) -> tuple[CheckedPlan, LinkCreated | None]:
    """When users of a plan (``assign``) are unknown to the tenant but are people waiting on
    the list, the plan creates their accounts first. The list is read only then, so a plan
    for existing users costs no extra request."""
    unknown = [p.user for p in checked.problems if p.kind is ProblemKind.UNKNOWN_USER and p.user]
    if not unknown:
        return checked, None
    folder = people_folder(controller.client)
    people = read_list(folder)
    pending = {u: p for u in unknown if (p := people.find(u)) is not None and p.is_pending}
    if not pending:
        return checked, None
    try:
        upns = proposed_upns(people, controller.client)
        plan = with_accounts_created(checked.plan, pending, upns)
    except (NotInMicrosoft365Error, RuleError) as exc:
        raise UsageError(f"{exc}.") from None
    after = LinkCreated(args)
    after.folder = folder
    after.upns = {p.key: upns[p.key] for p in pending.values()}
    after.hand_over.expect(plan, controller)
    return controller.check(plan), after
