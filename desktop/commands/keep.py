"""``license-desk keep``: users or packages insight must leave alone, each with a note.

    license-desk keep list
    license-desk keep add --user anna@contoso.pl --note "on parental leave until May"
    license-desk keep add --package SPB --note "kept for the board"
    license-desk keep remove --user anna@contoso.pl

A kept user has no findings and is never reclaimed; a kept package appears in no finding.
Marks are stored per tenant in License Desk's private data folder.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from desktop.commands.connection import add_connection_options, make_client
from desktop.commands.exit_codes import EXIT_BAD_INPUT, EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.insight_common import tenant_data, tenant_id_of
from desktop.commands.output import table
from desktop.insight.keep import KeepMark, KeepTarget, save_keep

MAX_NOTE = 500


def _target(parser: argparse.ArgumentParser) -> None:
    who = parser.add_mutually_exclusive_group(required=True)
    who.add_argument("--user", metavar="UPN", help="a user principal name")
    who.add_argument("--package", metavar="SKU", help="a package part number, e.g. SPB")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    keep = subparsers.add_parser(
        "keep", help="users or packages insight leaves alone (with a note)"
    )
    actions = keep.add_subparsers(dest="keep_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="show the marks")
    add_connection_options(listing)
    adding = actions.add_parser("add", help="leave a user or package out of the findings")
    _target(adding)
    adding.add_argument("--note", default="", help="why (shown with the mark)")
    add_connection_options(adding)
    removing = actions.add_parser("remove", help="let insight look at them again")
    _target(removing)
    add_connection_options(removing)
    for parser in (listing, adding, removing):
        parser.set_defaults(handler=handles_errors(run_keep))


def run_keep(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    if len(getattr(args, "note", "") or "") > MAX_NOTE:
        print(f"The note is longer than {MAX_NOTE} characters: shorten it.", file=sys.stderr)
        return EXIT_BAD_INPUT
    with make_client(args) as client:
        data = tenant_data(client, tenant_id_of(client))
    keep = data.keep
    if args.keep_action == "list":
        rows = [[m.target.value, m.key, m.note] for m in keep.marks]
        print(table(["Kind", "Who", "Note"], rows), file=out)
        return EXIT_OK
    target = KeepTarget.USER if args.user else KeepTarget.PACKAGE
    key = (args.user or args.package or "").strip()
    if not key:
        print("Name the user or the package to keep.", file=sys.stderr)
        return EXIT_BAD_INPUT
    if args.keep_action == "add":
        keep.add(KeepMark(target, key, args.note.strip()))
    elif not keep.remove(target, key):
        print(f"{key} is not kept.", file=sys.stderr)
        return EXIT_BAD_INPUT
    save_keep(data.folder, keep)
    print(f"Saved {len(keep.marks)} mark(s).", file=out)
    return EXIT_OK
