"""``license-desk audit [--tenants T ...] --xlsx FILE [--csv-dir DIR]``: the monthly billing
audit of every tenant the connection reaches (or the ones named), unattended: licensed users
per package, seats bought vs assigned, waste; one workbook (a summary sheet and a sheet per
tenant) and a CSV per tenant. Exit 1 when some tenant could not be read (it is on the summary
with its reason; the files are still written)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from desktop.auth.write_access import ensure_access
from desktop.commands.connection import ConnectionOptionsError, add_connection_options, home_client
from desktop.commands.exit_codes import EXIT_FAILED, EXIT_OK
from desktop.commands.flow import handles_errors
from desktop.commands.tenants import workers
from desktop.numbers import spreadsheet_style
from desktop.tenants.audit import run_audit, write_audit_csvs, write_audit_xlsx
from desktop.tenants.connection import partner_scopes, reach_tenants
from desktop.tenants.errors import TenantNotFoundError
from desktop.tenants.overview import Status
from desktop.tenants.parallel import DEFAULT_WORKERS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    command = subparsers.add_parser(
        "audit",
        help="monthly billing audit of every tenant: .xlsx (+ a CSV per tenant)",
        description=(
            "Licensed users per package, seats bought vs assigned and the waste, for every "
            "tenant you reach or the ones named: a workbook with a summary sheet and a sheet "
            "per tenant, and with --csv-dir one CSV per tenant."
        ),
    )
    command.add_argument("--tenants", nargs="+", metavar="TENANT", default=[],
                         help="only these tenants (id, name or a unique part of one)")  # fmt: skip
    command.add_argument("--xlsx", metavar="FILE", type=Path, required=True,
                         help="the workbook to write")  # fmt: skip
    command.add_argument("--csv-dir", metavar="DIR", type=Path, help="a CSV per tenant here")
    command.add_argument("--workers", type=workers, default=DEFAULT_WORKERS, metavar="N",
                         help=f"tenants read at once (default {DEFAULT_WORKERS})")  # fmt: skip
    add_connection_options(command)
    command.set_defaults(handler=handles_errors(run_audit_command))


def _check_output(args: argparse.Namespace) -> None:
    """Before reading anything: a file name whose folder is missing is bad input."""
    xlsx: Path = args.xlsx
    if xlsx.suffix.lower() != ".xlsx":
        raise ConnectionOptionsError(f"--xlsx {xlsx}: give a file name ending in .xlsx.")
    if not xlsx.expanduser().resolve().parent.is_dir():
        raise ConnectionOptionsError(f"--xlsx {xlsx}: its folder does not exist.")
    if xlsx.expanduser().is_dir():
        raise ConnectionOptionsError(f"--xlsx {xlsx} is a folder: give a file name.")
    folder = args.csv_dir.expanduser() if args.csv_dir is not None else None
    if folder is not None and folder.exists() and not folder.is_dir():
        raise ConnectionOptionsError(f"--csv-dir {args.csv_dir} is a file: give a folder.")


def run_audit_command(args: argparse.Namespace, out: TextIO | None = None) -> int:
    out = out or sys.stdout
    _check_output(args)
    with home_client(args) as home:
        ensure_access(home.tokens, partner_scopes())  # a signed-in account: consent first
        reach = reach_tenants(home)
    named = list(args.tenants) or ([args.tenant] if getattr(args, "tenant", None) else [])
    try:
        chosen = reach.registry.choose(named)
    except TenantNotFoundError as exc:
        raise ConnectionOptionsError(str(exc)) from None
    audits = run_audit(chosen, reach.client_for, workers=args.workers)
    print(f"Wrote {write_audit_xlsx(audits, args.xlsx.expanduser())}", file=out)
    if args.csv_dir is not None:
        for path in write_audit_csvs(audits, args.csv_dir.expanduser(), spreadsheet_style()):
            print(f"Wrote {path}", file=out)
    failed = [a for a in audits if a.status is not Status.OK]
    for audit in failed:
        print(f"{audit.tenant.label}: {audit.status.value}: {audit.reason}", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
