"""``license-desk people``: the tenant's list of people who are not in Microsoft 365 yet.

    license-desk people import hr.xlsx [--map "Nr kadrowy=skip" ...] [--dry-run] [--yes]
    license-desk people list [--json]
    license-desk people remove anna@prywatna.pl ...
    license-desk people rule f.last --domain contoso.pl
    license-desk people create --people anna@prywatna.pl --license "Office 365 E3"

The list is kept per tenant in License Desk's private data folder (``desktop/people``).
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path

from desktop.commands.changes import UsageError
from desktop.commands.connection import add_connection_options, make_client
from desktop.commands.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.output import confirm, is_terminal, table
from desktop.commands.people_create import register_create
from desktop.people.importing import ImportPreview, MappingError, preview_import
from desktop.people.records import Person
from desktop.people.store import PeopleFileError, load_people, people_folder, save_people
from desktop.people.table import TableError, read_table
from desktop.people.tenant import link_existing, proposed_upns, rule_of, sync_with_tenant
from desktop.people.upn_rule import PATTERNS, RuleError, UpnRule

PENDING, LINKED = "Not activated", "Linked"
Handler = Callable[[argparse.Namespace], int]


def refuses_bad_lists(handler: Handler) -> Handler:
    """A file, mapping, rule or stored list that cannot be used: one line, exit 2."""

    @functools.wraps(handler)
    def wrapped(args: argparse.Namespace) -> int:
        try:
            return handler(args)
        except (TableError, MappingError, RuleError, PeopleFileError) as exc:
            where = f"{args.file}: " if isinstance(exc, TableError | MappingError) else ""
            print(f"{where}{exc}", file=sys.stderr)
            return EXIT_BAD_INPUT

    return wrapped


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    people = subparsers.add_parser(
        "people", help="people not in Microsoft 365 yet: import, list, create (people --help)"
    )
    actions = people.add_subparsers(dest="people_action", metavar="ACTION", required=True)
    importing = actions.add_parser(
        "import",
        help="add people from a CSV or Excel (.xlsx) export",
        description="Read an HR export, show its columns, first rows and bad rows, and add "
        "the people after you accept. Headers in English and Polish are recognised.",
    )
    importing.add_argument("file", metavar="FILE", type=Path, help="a .csv or .xlsx file")
    importing.add_argument(
        "--map",
        metavar="COLUMN=FIELD",
        action="append",
        default=[],
        help="what a column means: name, first, last, email, upn, department, job-title, "
        "usage-location, manager, or skip",
    )
    importing.add_argument("--dry-run", action="store_true", help="show, add nobody")
    importing.add_argument("--yes", action="store_true", help="add without asking")
    listing = actions.add_parser("list", help="the people: not activated and linked")
    listing.add_argument("--json", action="store_true", help="print one JSON document")
    removing = actions.add_parser("remove", help="take people off the list (no account changes)")
    removing.add_argument("people", metavar="EMAIL", nargs="+", help="e-mail or user name")
    rule = actions.add_parser("rule", help="show or set how user names are proposed")
    rule.add_argument("pattern", nargs="?", choices=PATTERNS, help="e.g. first.last")
    rule.add_argument("--domain", metavar="DOMAIN", help="a verified domain of the tenant")
    for parser in (importing, listing, removing, rule):
        add_connection_options(parser)
    handlers = {importing: run_import, listing: run_list, removing: run_remove, rule: run_rule}
    for parser, handler in handlers.items():
        parser.set_defaults(handler=handles_errors(refuses_bad_lists(handler)))
    register_create(actions)


def _overrides(maps: list[str]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for item in maps:
        column, equals, field = item.rpartition("=")
        if not equals or not column.strip() or not field.strip():
            raise UsageError(f"--map '{item}' is not COLUMN=FIELD, e.g. --map \"Imię=first\"")
        pairs[column.strip()] = field.strip()
    return pairs


def _show_preview(preview: ImportPreview) -> None:
    columns = ", ".join(f"{h} → {f.value}" for h, f in preview.mapping.items())
    print(f"Columns: {columns}")
    if preview.ignored:
        print(f"Not used: {', '.join(preview.ignored)}")
    rows = [
        [p.display_name, p.email or "", p.upn or "", p.department or "", p.usage_location or ""]
        for p in preview.first_rows
    ]
    print(table(["Name", "E-mail", "User name", "Department", "Location"], rows))
    more = len(preview.people) - len(preview.first_rows)
    if more > 0:
        print(f"... and {more} more")


def run_import(args: argparse.Namespace) -> int:
    preview = preview_import(read_table(args.file), _overrides(args.map))
    _show_preview(preview)
    if preview.bad:
        for bad in preview.bad:
            print(f"line {bad.line}: {bad.message}", file=sys.stderr)
        print(f"{args.file}: {len(preview.bad)} problem(s) in {len({b.line for b in preview.bad})}"
              " row(s): fix them and import again; nobody was added.", file=sys.stderr)  # fmt: skip
        return EXIT_BAD_INPUT
    if not preview.people:
        print(f"{args.file}: no people below the header line.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.dry_run:
        print(f"Dry run: {len(preview.people)} people read, nobody was added.")
        return EXIT_OK
    if not args.yes:
        if not is_terminal(sys.stdin):
            print("Not adding: confirmation is needed and the input is not a terminal. "
                  "Pass --yes to add without asking.", file=sys.stderr)  # fmt: skip
            return EXIT_BAD_INPUT
        if not confirm(f"Add {len(preview.people)} people to the list?", sys.stdin, sys.stderr):
            print("Nobody was added.")
            return EXIT_OK
    with make_client(args) as client:
        folder = people_folder(client)
        people = load_people(folder)
        added, known = people.add(list(preview.people))
        linked = link_existing(people, client)
        if people.rule is None:
            people.rule = rule_of(people, client)
        save_people(folder, people)
    print(f"Added {added} people ({len(linked)} linked to existing users); "
          f"{known} already on the list.")  # fmt: skip
    return EXIT_OK


def _row(person: Person, upns: dict[str, str]) -> dict[str, str | None]:
    return {
        "status": "pending" if person.is_pending else "linked",
        "displayName": person.display_name,
        "email": person.email,
        "userPrincipalName": upns.get(person.key) if person.is_pending else person.linked_upn,
        "userId": person.linked_id,
        "department": person.department,
        "jobTitle": person.job_title,
        "usageLocation": person.usage_location,
        "manager": person.manager,
    }


def run_list(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        folder = people_folder(client)
        people = load_people(folder)
        if sync_with_tenant(people, client):
            save_people(folder, people)
        upns = proposed_upns(people, client)
    rows = [_row(p, upns) for p in people.people]
    if args.json:
        print(json.dumps(rows, ensure_ascii=True, indent=1))
        return EXIT_OK
    lines = [
        [PENDING if r["status"] == "pending" else LINKED, r["displayName"] or "",
         r["email"] or "", r["userPrincipalName"] or "", r["department"] or "",
         r["usageLocation"] or ""]
        for r in rows
    ]  # fmt: skip
    print(table(["Status", "Name", "E-mail", "User name", "Department", "Location"], lines))
    print(f"{len(people.pending)} not activated, {len(rows) - len(people.pending)} linked.")
    return EXIT_OK


def run_remove(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        folder = people_folder(client)
        people = load_people(folder)
        missing = [n for n in args.people if people.find(n) is None]
        if missing:
            print(f"Not on the list: {', '.join(missing)} (see: license-desk people list).",
                  file=sys.stderr)  # fmt: skip
            return EXIT_BAD_INPUT
        gone = people.remove(list(args.people))
        save_people(folder, people)
    print(f"Removed {len(gone)} from the list; no account was changed.")
    return EXIT_OK


def run_rule(args: argparse.Namespace) -> int:
    with make_client(args) as client:
        folder = people_folder(client)
        people = load_people(folder)
        current = rule_of(people, client)
        if args.pattern is None and args.domain is None:
            print(f"User names are proposed as {current.pattern}@{current.domain}")
            return EXIT_OK
        domain = (args.domain or current.domain).strip().lower()
        domains = [d.lower() for d in client.get_organization().verified_domains]
        if domains and domain not in domains:
            print(f"'{domain}' is not a verified domain of this tenant: use one of "
                  f"{', '.join(domains)}.", file=sys.stderr)  # fmt: skip
            return EXIT_BAD_INPUT
        people.rule = UpnRule(args.pattern or current.pattern, domain)
        save_people(folder, people)
    print(f"User names are proposed as {people.rule.pattern}@{people.rule.domain}")
    return EXIT_OK
