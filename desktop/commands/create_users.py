"""``license-desk user create``: new accounts, one from options or many from a CSV file.

Each account gets a generated temporary password (``desktop/passwords.py``, the window's
generator). The password is never journaled: it is printed once on stdout after the run, or
written to ``--password-file`` (owner-only), and only for accounts that exist afterwards.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from desktop.catalog import resolve_sku
from desktop.commands.change_options import add_run_options, run_plan, split_list
from desktop.commands.changes import UsageError, disabled_plans_by_sku
from desktop.commands.exit_codes import EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.graph.groups import list_licensed_groups
from desktop.graph.records import AssignedLicense, NewUser, PasswordProfile, Sku
from desktop.licensing.builders import create_user_plan
from desktop.licensing.controller import LicenseController
from desktop.licensing.csv_plan import CsvPlanError, RowError
from desktop.licensing.new_users_csv import (
    SOURCE,
    NewUserRow,
    display_name_of,
    read_new_users_csv,
    row_problems,
)
from desktop.licensing.types import Outcome, Plan, PlanKind, RunReport
from desktop.passwords import generate_password
from desktop.private_files import create_private_file
from desktop.templates.file_format import TemplateFileError
from desktop.templates.model import LicenseTemplate, TemplateError
from desktop.templates.plans import join_groups_plan, new_user_plan, resolve_groups
from desktop.templates.store import TemplateStore


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    user = subparsers.add_parser("user", help="create user accounts (user create --help)")
    actions = user.add_subparsers(dest="user_command", metavar="ACTION", required=True)
    create = actions.add_parser(
        "create",
        help="create a user (or many from --users-file), optionally with licenses",
        description="Create accounts with a generated temporary password, shown once.",
    )
    who = create.add_mutually_exclusive_group(required=True)
    who.add_argument("--upn", metavar="UPN", help="user name, e.g. anna.nowak@contoso.pl")
    who.add_argument(
        "--users-file", metavar="FILE.csv", type=Path, help="many users (see docs/cli.md)"
    )
    who.add_argument(
        "--person",
        metavar="EMAIL",
        action="append",
        help="people waiting on the list (license-desk people list), by e-mail",
    )
    create.add_argument("--name", metavar="NAME", help="display name (default: first last)")
    create.add_argument("--first", metavar="NAME", help="first name (givenName)")
    create.add_argument("--last", metavar="NAME", help="last name (surname)")
    create.add_argument("--department", metavar="D")
    create.add_argument("--job-title", metavar="T")
    create.add_argument("--usage-location", metavar="CC", help="country code, e.g. PL")
    create.add_argument(
        "--license", metavar="SKU", action="append", default=[], help="license to assign"
    )
    create.add_argument(
        "--disable-plan", metavar="PLAN", action="append", default=[], help="app to turn off"
    )
    create.add_argument(
        "--template",
        metavar="NAME",
        help="the licenses (with apps), usage location and department of this license template "
        "(license-desk templates list)",
    )
    create.add_argument(
        "--no-force-change",
        action="store_true",
        help="do not ask for a new password at first sign-in",
    )
    create.add_argument(
        "--password-file",
        metavar="FILE",
        type=Path,
        help="write the temporary passwords here (owner-only) instead of printing them",
    )
    add_run_options(create)
    create.set_defaults(handler=handles_errors(run_create), command_name="user create")


def _row_from_options(args: argparse.Namespace) -> NewUserRow:
    location = args.usage_location.strip().upper() if args.usage_location else None
    return NewUserRow(
        line=0,
        user_principal_name=args.upn.strip(),
        display_name=display_name_of(args.name or "", args.first, args.last),
        given_name=args.first,
        surname=args.last,
        department=args.department,
        job_title=args.job_title,
        usage_location=location,
        licenses=tuple(split_list(args.license)),
        disabled_plans=tuple(split_list(args.disable_plan)),
    )


def _rows(args: argparse.Namespace) -> list[NewUserRow]:
    if args.users_file is None:
        row = _row_from_options(args)
        problems = row_problems(row)
        if problems:
            raise UsageError(f"{'; '.join(problems)}.")
        return [row]
    given = [
        option
        for option, value in (
            ("--name", args.name),
            ("--first", args.first),
            ("--last", args.last),
            ("--department", args.department),
            ("--job-title", args.job_title),
            ("--usage-location", args.usage_location),
            ("--license", args.license),
            ("--disable-plan", args.disable_plan),
        )
        if value
    ]
    if given:
        raise UsageError(f"{given[0]} goes with --upn; with --users-file put it in the file.")
    return read_new_users_csv(args.users_file.read_bytes())


def _licenses(row: NewUserRow, skus: Sequence[Sku]) -> list[AssignedLicense]:
    added = [resolve_sku(name, skus) for name in row.licenses]
    disabled = disabled_plans_by_sku(row.disabled_plans, added)
    return [AssignedLicense(s.sku_id, disabled[s.sku_id]) for s in added]


def new_user_of(row: NewUserRow, force_change: bool) -> NewUser:
    return NewUser(
        display_name=row.display_name,
        user_principal_name=row.user_principal_name,
        password_profile=PasswordProfile(generate_password(), force_change),
        usage_location=row.usage_location,
        department=row.department,
        job_title=row.job_title,
        given_name=row.given_name,
        surname=row.surname,
    )


def build_create_plan(
    rows: Sequence[NewUserRow],
    controller: LicenseController,
    *,
    force_change: bool,
    template: LicenseTemplate | None = None,
) -> Plan:
    """One plan creating every row's user; every row's error is reported before any is sent.
    ``template``: its licenses, usage location and department for rows that give none."""
    domains = controller.organization().verified_domains
    skus = controller.list_skus()
    errors: list[RowError] = []
    plans: list[Plan] = []
    for given in rows:
        row = given
        if template is not None:
            row = replace(
                given,
                usage_location=given.usage_location or template.usage_location,
                department=given.department or template.department,
            )
        problems = row_problems(row, domains)
        if template is not None and (row.licenses or row.disabled_plans):
            problems.append("licenses come from --template: leave them out of the row")
        try:
            licenses = _licenses(row, skus)
        except LookupError as exc:
            problems.append(str(exc))
        if problems:
            errors.extend(RowError(row.line, p) for p in problems)
            continue
        new_user = new_user_of(row, force_change)
        plans.append(
            new_user_plan(template, new_user)
            if template is not None
            else create_user_plan(new_user, licenses)
        )
    if errors:
        if len(rows) == 1 and rows[0].line == 0:
            raise UsageError(f"{'; '.join(e.message for e in errors)}.")
        raise CsvPlanError(errors, SOURCE)
    if len(plans) == 1:
        return plans[0]
    changes = tuple(c for plan in plans for c in plan.changes)
    return Plan(PlanKind.CREATE, changes)


def check_password_file(path: Path) -> None:
    """Before anything is created: a password file that cannot be written is bad input."""
    if path.is_dir():
        raise UsageError(f"--password-file {path} is a folder: give a file name.")
    if not path.parent.is_dir():
        raise UsageError(f"--password-file: the folder {path.parent} does not exist.")


def write_password_file(path: Path, accounts: Mapping[str, str], *, must_change: bool) -> None:
    """``userPrincipalName,temporaryPassword,forceChangePasswordNextSignIn`` lines; readable by
    the owner only."""
    create_private_file(path)  # owner-only before a byte is written, even if it existed
    flag = "true" if must_change else "false"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write("userPrincipalName,temporaryPassword,forceChangePasswordNextSignIn\r\n")
        for upn, password in accounts.items():
            handle.write(f"{upn},{password},{flag}\r\n")


class PasswordHandOver:
    """After the run: the passwords of the accounts that now exist, once, where asked."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.passwords: dict[str, tuple[str, str]] = {}  # lower-case UPN -> (UPN, password)
        self.controller: LicenseController | None = None

    def expect(self, plan: Plan, controller: LicenseController) -> None:
        self.controller = controller
        self.passwords = {
            c.user.lower(): (c.user, c.create.password_profile.password)
            for c in plan.changes
            if c.create is not None
        }

    def created(self, report: RunReport) -> dict[str, str]:
        done = {r.user.lower() for r in report.results if r.outcome is Outcome.DONE}
        # A create can succeed while its licenses fail: such accounts exist too, and their
        # password must not be lost. Read them back rather than guess.
        unsure = [upn for key, (upn, _) in self.passwords.items() if key not in done]
        found = self.controller.refresh_users(unsure) if unsure and self.controller else []
        exists = {u.user_principal_name.lower() for u in found}
        return {
            upn: password
            for key, (upn, password) in self.passwords.items()
            if key in done or key in exists
        }

    def __call__(self, report: RunReport) -> dict[str, Any]:
        accounts = self.created(report)
        # ``assign`` creating people from the list has no --password-file: passwords printed.
        path: Path | None = getattr(self.args, "password_file", None)
        as_json = bool(getattr(self.args, "json", False))
        if path is not None and accounts:
            write_password_file(
                path, accounts, must_change=not getattr(self.args, "no_force_change", False)
            )
            print(f"Temporary passwords of {len(accounts)} account(s) written to {path}",
                  file=sys.stderr if as_json else sys.stdout)  # fmt: skip
        elif accounts and not as_json:
            for upn, password in accounts.items():
                print(f"Temporary password for {upn}: {password}")
            print("Shown once: License Desk does not keep it.")
        return {
            "accounts": [
                {
                    "userPrincipalName": upn,
                    "temporaryPassword": None if path is not None else password,
                }
                for upn, password in accounts.items()
            ],
            "passwordFile": str(path) if path is not None else None,
        }


def run_create(args: argparse.Namespace) -> int:
    if args.person:
        return _create_people(args)
    template = _template(args)
    rows = _rows(args)
    if args.password_file is not None:
        check_password_file(args.password_file)
    hand_over = PasswordHandOver(args)
    created: list[str] = []

    def build(controller: LicenseController) -> Plan:
        plan = build_create_plan(
            rows, controller, force_change=not args.no_force_change, template=template
        )
        hand_over.expect(plan, controller)
        return plan

    def after(report: RunReport) -> dict[str, Any]:
        extra = hand_over(report)
        created.extend(str(a["userPrincipalName"]) for a in extra["accounts"])
        return extra

    code = run_plan(args, build, after_run=after)
    if template is None or not template.groups or not created or code != EXIT_OK:
        return code
    if args.json:  # one JSON document per command: the groups are a command of their own
        print(f"To add them to the template's groups: license-desk templates apply "
              f"'{template.name}' --users {','.join(created)}", file=sys.stderr)  # fmt: skip
        return code
    # The template's groups, now that the accounts exist: a change of its own, previewed.
    return run_plan(args, lambda controller: _join_groups(template, created, controller))


def _join_groups(
    template: LicenseTemplate, users: list[str], controller: LicenseController
) -> Plan:
    groups = resolve_groups(template, list_licensed_groups(controller.client))
    return join_groups_plan(template, users, groups)


def _template(args: argparse.Namespace) -> LicenseTemplate | None:
    if not args.template:
        return None
    if args.license or args.disable_plan:
        raise UsageError("--template gives the licenses: leave out --license and --disable-plan.")
    try:
        return TemplateStore().get(args.template)
    except (TemplateError, TemplateFileError) as exc:
        raise UsageError(str(exc)) from None


def _create_people(args: argparse.Namespace) -> int:
    """``--person``: the account of people on the list, from what the list knows of them."""
    from desktop.commands.people_create import run_people_create  # it uses this module

    given = [o for o, v in (("--name", args.name), ("--first", args.first), ("--last", args.last),
                            ("--department", args.department), ("--job-title", args.job_title),
                            ("--template", args.template))
             if v]  # fmt: skip
    if given:
        raise UsageError(f"{given[0]} goes with --upn; --person takes it from the list.")
    args.people, args.all = args.person, False
    return run_people_create(args)
